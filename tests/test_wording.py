"""Avoided wordings: a glossary term's `avoid:` variants are warned about wherever trainees read them."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import ROOT, copy_mini, replace_in

from generator.cli import main
from generator.load import load_project

GLOSSARY = "glossary/terms.yml"
#: The mini fixture's term 决策权 becomes 决定权, with the old name to avoid.
TERM = """  - term: 决定权
    definition: 决定是否购买的权力。
    avoid: [决策权]"""
SAYS = "warning: uses 决策权; the course writes 决定权 (glossary/terms.yml:5)"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """The mini project with 决策权 to avoid (it writes 决策权 in its lesson, quizzes and scheme)."""
    root = copy_mini(tmp_path)
    replace_in(root / GLOSSARY, "  - term: 决策权\n    definition: 决定是否购买的权力。", TERM)
    return root


def warnings_of(root: Path) -> list[str]:
    return [str(w) for w in load_project(root).warnings]


def test_every_use_is_named_with_file_line_column_and_field(root: Path) -> None:
    assert warnings_of(root) == [
        f"glossary/terms.yml:3:22: terms[0].definition: {SAYS}",
        # Inside a block scalar: the line and column of the word itself, not of the `|`.
        f"lessons/M1.yml:15:25: sections[0].body: {SAYS}",
        f"lessons/M1.yml:33:24: sections[0].blocks[2].steps[1]: {SAYS}",
        f"quizzes/M1-exam.yml:14:16: questions[0].options[1].text (question 1): {SAYS}",
        f"quizzes/M1-exam.yml:19:16: questions[1].prompt (question 2): {SAYS}",
        f"quizzes/M1-quiz.yml:10:16: questions[0].options[0].text (question 1): {SAYS}",
        f"quizzes/M1-quiz.yml:39:53: questions[6].pairs[1].right (question 7): {SAYS}",
        f"quizzes/schemes/man.yml:9:12: attributes[1].label: {SAYS}",
        f"quizzes/schemes/man.yml:10:30: attributes[1].values[0].label: {SAYS}",
        f"quizzes/schemes/man.yml:10:52: attributes[1].values[1].label: {SAYS}",
    ]


def test_feedback_hints_and_second_use_in_one_field(root: Path) -> None:
    quiz = root / "quizzes/M1-quiz.yml"
    replace_in(quiz, "{text: 购买意愿, feedback: 意愿属于需求。}", "{text: 购买意愿, feedback: 不是决策权。}")
    replace_in(quiz, "hints: [想一想谁说了算。]", "hints: [想一想谁说了算。, 决策权还是决策权？]")
    found = [w for w in warnings_of(root) if w.startswith("quizzes/M1-quiz.yml")]
    assert found[:4] == [
        f"quizzes/M1-quiz.yml:10:16: questions[0].options[0].text (question 1): {SAYS}",
        f"quizzes/M1-quiz.yml:11:34: questions[0].options[1].feedback (question 1): {SAYS}",
        f"quizzes/M1-quiz.yml:13:23: questions[0].hints[1] (question 1): {SAYS}",
        f"quizzes/M1-quiz.yml:13:28: questions[0].hints[1] (question 1): {SAYS}",
    ]


def test_a_longer_defined_name_holding_the_variant_is_not_a_warning(root: Path) -> None:
    glossary = root / GLOSSARY
    glossary.write_text(
        glossary.read_text(encoding="utf-8") + "  - term: 非决策权人员\n    definition: 不能拍板的人。\n",
        encoding="utf-8",
    )
    quiz = root / "quizzes/M1-quiz.yml"
    replace_in(quiz, "{text: 购买意愿, feedback: 意愿属于需求。}", "{text: 购买意愿, feedback: 是非决策权人员的事。}")
    assert not [w for w in warnings_of(root) if "options[1].feedback" in w]
    # The same word outside the longer name is still reported.
    replace_in(quiz, "是非决策权人员的事。", "是非决策权人员的事，与决策权无关。")
    assert [w for w in warnings_of(root) if "options[1].feedback" in w] == [
        f"quizzes/M1-quiz.yml:11:43: questions[0].options[1].feedback (question 1): {SAYS}"
    ]


def test_of_overlapping_variants_only_the_longer_is_reported(root: Path) -> None:
    glossary = root / GLOSSARY
    glossary.write_text(
        glossary.read_text(encoding="utf-8")
        + "  - term: 最终决定权\n    definition: 拍板的权力。\n    avoid: [最终决策权]\n",
        encoding="utf-8",
    )
    replace_in(root / "quizzes/M1-quiz.yml", "{text: 购买意愿, feedback: 意愿属于需求。}", "{text: 最终决策权}")
    found = [w for w in warnings_of(root) if "options[1]" in w and "M1-quiz" in w]
    assert found == [
        "quizzes/M1-quiz.yml:11:16: questions[0].options[1].text (question 1): warning: uses 最终决策权; "
        "the course writes 最终决定权 (glossary/terms.yml:8)"
    ]


def test_accepted_synonyms_may_hold_the_variant(root: Path) -> None:
    quiz = root / "quizzes/M1-quiz.yml"
    replace_in(quiz, "      - accept: [用得着]", "      - accept: [用得着]\n        synonyms: [决策权]")
    assert not [w for w in warnings_of(root) if "blanks" in w]
    replace_in(quiz, "      - accept: [用得着]", "      - accept: [用得着, 决策权]")
    assert [w for w in warnings_of(root) if "blanks" in w] == [
        f"quizzes/M1-quiz.yml:31:23: questions[3].blanks[0].accept[1] (question 4): {SAYS}"
    ]


def test_check_prints_warnings_and_exits_0_unless_strict(root: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["--root", str(root), "check"], catch_exceptions=False)
    assert result.exit_code == 0
    assert f"lessons/M1.yml:15:25: sections[0].body: {SAYS}" in result.stderr
    assert result.stdout.rstrip().endswith("errors: 0  warnings: 10")
    strict = runner.invoke(main, ["--root", str(root), "check", "--strict"], catch_exceptions=False)
    assert strict.exit_code == 1 and SAYS in strict.stderr
    # Without warnings --strict passes.
    replace_in(root / GLOSSARY, "avoid: [决策权]", "avoid: [决策力]")
    assert runner.invoke(main, ["--root", str(root), "check", "--strict"]).exit_code == 0


def test_build_prints_warnings_and_still_builds(root: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = CliRunner().invoke(
        main, ["--root", str(root), "build", "-f", str(root / "mkdocs.yml"), "-d", str(site)], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    assert f"quizzes/M1-quiz.yml:10:16: questions[0].options[0].text (question 1): {SAYS}" in result.stderr
    assert (site / "index.html").is_file()


def test_the_bundled_course_uses_none_of_the_avoided_wordings() -> None:
    project = load_project(ROOT)
    avoided = {variant: term.term for term in project.terms for variant in term.avoid}
    assert {
        "决策权": "决定权",
        "购买力": "支付能力",
        "语言信号": "语言购买信号",
        "非语言信号": "非语言购买信号",
        "群体客户生命周期": "客户群体生命周期",
    }.items() <= avoided.items()
    assert [str(w) for w in project.warnings] == []


def test_serve_prints_warnings_on_each_rebuild(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from mkdocs.config import load_config

    config = load_config(str(root / "mkdocs.yml"))
    plugin = next(p for p in config.plugins.values() if type(p).__name__ == "CoursewarePlugin")
    plugin.on_startup(command="serve", dirty=False)
    plugin.on_config(config)
    assert f"lessons/M1.yml:15:25: sections[0].body: {SAYS}" in capsys.readouterr().err
    # And on every rebuild, once each (the build command no longer checks the whole pool before MkDocs runs).
    plugin.on_config(config)
    assert capsys.readouterr().err.count(f"lessons/M1.yml:15:25: sections[0].body: {SAYS}") == 1
