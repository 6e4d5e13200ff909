"""Rule-based schemes: completeness, overlap, derivation from cues, disagreement with the answer."""

from __future__ import annotations

from pathlib import Path

from helpers import LOADER, ROOT, copy_mini, errors_of, replace_in

from generator.load import load_project
from generator.render.i18n import strings
from generator.render.markdown import MarkdownRenderer
from generator.render.quizview import question_views


def test_missing_combination_is_named(tmp_path: Path) -> None:
    root = copy_mini(tmp_path, LOADER)
    replace_in(root / "quizzes/schemes/man.yml", "  - {when: {money: m, authority: a}, then: ma}\n", "")
    assert errors_of(root) == ["quizzes/schemes/man.yml:16:1: rules: no rule covers money=m, authority=a"]


def test_doubly_mapped_combination_is_named(tmp_path: Path) -> None:
    root = copy_mini(tmp_path, LOADER)
    replace_in(
        root / "quizzes/schemes/man.yml",
        "{when: {money: m, authority: a}, then: ma}",
        "{when: {money: m, authority: A}, then: ma}",
    )
    assert errors_of(root) == [
        "quizzes/schemes/man.yml:16:1: rules: no rule covers money=m, authority=a",
        "quizzes/schemes/man.yml:20:12: rules[3].when: money=m, authority=A is mapped by rules 2, 3 (to mA, ma)",
    ]


def test_rule_with_unknown_value(tmp_path: Path) -> None:
    root = copy_mini(tmp_path, LOADER)
    replace_in(
        root / "quizzes/schemes/man.yml",
        "{when: {money: m, authority: a}, then: ma}",
        "{when: {money: x, authority: a}, then: ma}",
    )
    assert errors_of(root) == ["quizzes/schemes/man.yml:20:12: rules[3].when: rule uses unknown value(s) money=x"]


def test_cue_contradicting_the_answer_fails_with_both_classes(tmp_path: Path) -> None:
    root = copy_mini(tmp_path, LOADER)
    replace_in(root / "quizzes/M1-exercises.yml", "attribute: money, value: M}", "attribute: money, value: m}")
    assert errors_of(root) == [
        "quizzes/M1-exercises.yml:12:13: questions[0].answer (question 1): the cues give class 'mA' but the answer says 'MA'"
    ]


def test_quote_must_be_in_the_scenario(tmp_path: Path) -> None:
    root = copy_mini(tmp_path, LOADER)
    replace_in(root / "quizzes/M1-exercises.yml", "{quote: 公司预算充足,", "{quote: 公司现金充足,")
    assert errors_of(root) == [
        "quizzes/M1-exercises.yml:10:17: questions[0].cues[0].quote (question 1): quote '公司现金充足' does not appear in the "
        "scenario"
    ]


def test_judgment_exercise_needs_answer_and_rationale(tmp_path: Path) -> None:
    root = copy_mini(tmp_path, LOADER)
    replace_in(root / "quizzes/M1-exercises.yml", "    answer: user\n    rationale: 他是使用者。\n", "")
    assert errors_of(root) == [
        "quizzes/M1-exercises.yml:14:5: questions[1].answer (question 2): scheme role is judgment-based: write the answer",
        "quizzes/M1-exercises.yml:14:5: questions[1].rationale (question 2): scheme role is judgment-based: write the rationale",
    ]


def test_answer_is_derived_when_not_written(tmp_path: Path) -> None:
    root = copy_mini(tmp_path, LOADER)
    replace_in(root / "quizzes/M1-exercises.yml", "    answer: MA\n", "")
    project = load_project(root)
    quiz = project.quizzes["M1-exercises"]
    views, keys = question_views(quiz, MarkdownRenderer(), project.schemes, strings("zh"), "zh", {})
    key = keys["m-x1"]
    assert key.type == "classify" and key.class_ == "MA" and key.action == "MA"
    assert key.attributes == {"money": "M", "authority": "A"}
    steps = [s["kind"] for s in views[0].steps]
    assert steps == ["cue", "cue", "rule", "action"]
    assert views[0].steps[2] == {"kind": "rule", "rule": "有购买力 + 有决策权", "class": "M+A"}


def test_calc_needs_the_formula_inputs(tmp_path: Path) -> None:
    root = copy_mini(tmp_path, LOADER)
    replace_in(root / "quizzes/M1-exercises.yml", "givens: {lost: 100, total: 500}", "givens: {lost: 100}")
    assert errors_of(root) == [
        "quizzes/M1-exercises.yml:24:13: questions[2].givens (question 3): formula churn_rate takes lost, total; found lost"
    ]


def test_bundled_man_exercise_contradiction_is_caught(tmp_path: Path) -> None:
    """The acceptance check of the classification issue, on the bundled course itself."""
    import shutil

    root = tmp_path / "course"
    for name in ("lessons", "quizzes", "glossary", "course.yml"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, root / name)
    path = root / "quizzes/L3-exercises.yml"
    text = path.read_text(encoding="utf-8")
    # Flip the first money cue of the first MAN exercise: M <-> m.
    marker = "attribute: money, value: M}"
    assert marker in text
    line = text[: text.index(marker)].count("\n") + 1
    path.write_text(text.replace(marker, "attribute: money, value: m}", 1), encoding="utf-8")
    found = errors_of(root)
    assert len(found) == 1
    assert found[0].startswith("quizzes/L3-exercises.yml:")
    assert "the cues give class 'm" in found[0] and "but the answer says 'M" in found[0]
    assert int(found[0].split(":")[1]) > line - 12  # the answer line of the same exercise
