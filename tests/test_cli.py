"""The command line, through click's CliRunner: summaries, exit codes, scaffolds, atomic builds."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import ROOT, copy_mini, replace_in

from generator.cli import main


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_check_prints_a_summary(tmp_path: Path) -> None:
    root = copy_mini(tmp_path)
    result = run("--root", str(root), "check")
    assert result.exit_code == 0, result.output
    assert "lessons: 1" in result.output
    assert "questions by type: single" in result.output
    assert "exercises per scheme: man" in result.output
    assert result.output.rstrip().endswith("errors: 0  warnings: 0")


def test_check_reports_content_errors_with_exit_1(tmp_path: Path) -> None:
    root = copy_mini(tmp_path)
    replace_in(root / "lessons/M1.yml", "minutes: 20", "minutes: [20]")
    result = run("--root", str(root), "check")
    assert result.exit_code == 1
    assert "lessons/M1.yml:4:10: minutes: Input should be a valid integer; found a list [20]" in result.output
    assert "1 error(s) in course content" in result.output


#: Scaffold commands (after --root), and what each combination adds to an empty pool.
SCAFFOLDS = {
    "lesson": ["new", "lesson", "P1"],
    "rules scheme": ["new", "scheme", "s-rules", "--kind", "rules"],
    "judgment scheme": ["new", "scheme", "s-judge", "--kind", "judgment"],
    "rules exercises": ["new", "exercises", "P1-rx", "--lesson", "P1", "--scheme", "s-rules"],
    "judgment exercises": ["new", "exercises", "P1-jx", "--lesson", "P1", "--scheme", "s-judge"],
    "extra quiz": ["new", "quiz", "P1-more", "--lesson", "P1"],
    "glossary": ["new", "glossary", "P1-terms", "--lesson", "P1"],
    "course": ["new", "course", "pc", "--lessons", "P1"],
}
COMBINATIONS = [
    ["lesson"],
    ["lesson", "glossary"],
    ["lesson", "course"],
    ["lesson", "course", "glossary"],
    ["lesson", "rules scheme", "judgment scheme"],
    ["lesson", "rules scheme", "rules exercises"],
    ["lesson", "judgment scheme", "judgment exercises"],
    ["lesson", "rules scheme", "judgment scheme", "rules exercises", "judgment exercises", "extra quiz", "glossary"],
]


@pytest.mark.parametrize("names", COMBINATIONS, ids=[" + ".join(c) for c in COMBINATIONS])
def test_scaffolds_check_clean_together(tmp_path: Path, names: list[str]) -> None:
    root = tmp_path / "pool"
    root.mkdir()
    for name in names:
        result = run("--root", str(root), *SCAFFOLDS[name])
        assert result.exit_code == 0, result.output
    result = run("--root", str(root), "check")
    assert result.exit_code == 0, result.output
    assert result.output.rstrip().endswith("errors: 0  warnings: 0")
    for path in root.rglob("*.yml"):
        assert path.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=")


def test_a_further_quiz_in_a_checked_course_says_how_to_link_it(tmp_path: Path) -> None:
    root = tmp_path / "pool"
    root.mkdir()
    for name in ("lesson", "course"):
        run("--root", str(root), *SCAFFOLDS[name])
    created = run("--root", str(root), *SCAFFOLDS["extra quiz"])
    assert "next: list P1-more-q01 (and each further question) in an objective's assessed_by" in created.output
    result = run("--root", str(root), "check")
    assert result.exit_code == 1
    assert "question 'P1-more-q01' assesses no objective" in result.output


def test_scaffold_options_are_checked(tmp_path: Path) -> None:
    root = copy_mini(tmp_path)
    missing = run("--root", str(root), "new", "exercises", "X", "--lesson", "M1", "--scheme", "nope")
    assert missing.exit_code == 2 and "no scheme 'nope' in quizzes/schemes/" in missing.output
    assert "this kind needs --lesson" in run("--root", str(root), "new", "glossary", "G").output
    assert "a course needs its lessons" in run("--root", str(root), "new", "course", "c").output


def test_usage_errors_exit_2_and_never_overwrite(tmp_path: Path) -> None:
    root = copy_mini(tmp_path)
    before = (root / "lessons/M1.yml").read_bytes()
    result = run("--root", str(root), "new", "lesson", "M1")
    assert result.exit_code == 2 and "already exists" in result.output
    assert (root / "lessons/M1.yml").read_bytes() == before
    assert run("--root", str(root), "new", "quiz", "Q1").exit_code == 2  # no --lesson
    assert run("--root", str(root), "new", "lesson", "bad id").exit_code == 2
    assert run("--root", str(root), "frobnicate").exit_code == 2


def _digest(folder: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            h.update(str(p.relative_to(folder)).encode() + p.read_bytes())
    return h.hexdigest()


def test_failed_build_leaves_previous_site(tmp_path: Path) -> None:
    root = copy_mini(tmp_path)
    config, site = root / "mkdocs.yml", root / "site"
    ok = run("--root", str(root), "build", "-f", str(config), "-d", str(site))
    assert ok.exit_code == 0, ok.output
    before = _digest(site)
    replace_in(root / "quizzes/M1-quiz.yml", "pass_mark: 60", "pass_mark: high")
    failed = run("--root", str(root), "build", "-f", str(config), "-d", str(site))
    assert failed.exit_code == 1
    assert "quizzes/M1-quiz.yml:4:12: pass_mark: Input should be a valid integer" in failed.output
    assert _digest(site) == before
    assert sorted(p.name for p in root.iterdir() if p.name.startswith(".site")) == []


def test_second_course_builds_into_its_own_folder(tmp_path: Path) -> None:
    """The short course is assembled from the same pool by one command (as `make quick-course`)."""
    out = tmp_path / "site-quick"
    result = run(
        "--root", str(ROOT), "build", "-f", str(ROOT / "mkdocs.yml"), "--course", "courses/quick.yml", "-d", str(out)
    )
    assert result.exit_code == 0, result.output
    lessons = sorted(p.name for p in (out / "lessons").iterdir())
    assert lessons == ["L2", "L3", "L7"]
    assert "<title>新人速成</title>" in (out / "index.html").read_text(encoding="utf-8")
    assert (out / "quizzes/L3-exercises/index.html").is_file() and (out / "drills/man/index.html").is_file()


def _with_material_tooltips(root: Path) -> Path:
    config = root / "mkdocs.yml"
    replace_in(config, "features: [navigation.instant]", "features: [navigation.instant, content.tooltips]")
    return config


def test_material_tooltips_refuse_to_build(tmp_path: Path) -> None:
    """content.tooltips would render author titles as HTML: the build stops and says why and what to do."""
    root = copy_mini(tmp_path)
    config, site = _with_material_tooltips(root), root / "site"
    result = run("--root", str(root), "build", "-f", str(config), "-d", str(site))
    assert result.exit_code == 1, result.output
    assert "theme.features in mkdocs.yml lists content.tooltips" in result.output
    assert "would run as script" in result.output
    assert "Remove content.tooltips from theme.features" in result.output
    assert not site.exists()


def test_plain_mkdocs_build_refuses_material_tooltips(tmp_path: Path) -> None:
    """`mkdocs build` run directly (not through our CLI) refuses too, with a non-zero exit code."""
    root = copy_mini(tmp_path)
    config = _with_material_tooltips(root)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(root / "site")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode != 0, result.stderr
    assert "lists content.tooltips" in result.stderr and "would run as script" in result.stderr
    assert not (root / "site" / "index.html").exists()


def test_builds_are_quiet_unless_verbose(tmp_path: Path) -> None:
    import subprocess
    import sys

    root = copy_mini(tmp_path)
    quiet = subprocess.run(
        [sys.executable, "-m", "generator", "build"], cwd=root, capture_output=True, text=True, timeout=300, check=False
    )
    assert quiet.returncode == 0, quiet.stderr
    assert quiet.stdout.strip().startswith("site written to") and quiet.stderr.strip() == ""


def test_coverage_lists_objectives_and_what_nothing_uses(tmp_path: Path) -> None:
    import json

    root = copy_mini(tmp_path)
    run("--root", str(root), "new", "lesson", "P1")
    run("--root", str(root), "new", "scheme", "unused")
    result = run("--root", str(root), "check", "--coverage", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    lessons = {lesson["id"]: lesson for lesson in data["lessons"]}
    assert lessons["P1"]["objectives"] == [
        {"id": "P1-o1", "text": "学完本课能做到的一件事", "questions": ["P1-quiz-q01"]}
    ]
    assert lessons["M1"]["courses"] == ["mini"] and lessons["M1"]["objectives"][0]["questions"]
    assert data["lessons_in_no_course"] == ["P1"] and data["schemes_without_exercises"] == ["unused"]
    text = run("--root", str(root), "check", "--coverage").output
    assert "P1 新课程标题 (no course)" in text and "schemes without exercises: unused" in text


def test_coverage_reports_the_level_mix_per_lesson(tmp_path: Path) -> None:
    import json

    root = copy_mini(tmp_path)
    quiz = root / "quizzes/M1-quiz.yml"
    replace_in(quiz, "  - id: m-q1\n    type: single", "  - id: m-q1\n    level: recall\n    type: single")
    replace_in(quiz, "  - id: m-q2\n    type: multiple", "  - id: m-q2\n    level: apply\n    type: multiple")
    replace_in(quiz, "{id: m-q3, type: truefalse,", "{id: m-q3, level: apply, type: truefalse,")
    replace_in(quiz, "{id: m-q5, type: numeric,", "{id: m-q5, level: understand, type: numeric,")
    data = json.loads(run("--root", str(root), "check", "--coverage", "--format", "json").output)
    # M1 has 17 questions over its quizzes and exercise sets; four carry a level.
    assert data["lessons"][0]["levels"] == {
        "recall": 1,
        "understand": 1,
        "apply": 3,
        "unlevelled": 13,
        "total": 18,
        "percent": {"recall": 6, "understand": 6, "apply": 17, "unlevelled": 72},
    }
    text = run("--root", str(root), "check", "--coverage").output
    assert "  levels of 18 questions: recall 1 (6%), understand 1 (6%), apply 3 (17%); unlevelled 13\n" in text
