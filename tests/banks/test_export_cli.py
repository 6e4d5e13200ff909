"""`questions export` and `make banks`: files per quiz and for the course, warnings with file and line, safe folders."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bankutil import course_counts
from click.testing import CliRunner

from generator.cli import main

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "fixtures" / "mini"


@pytest.mark.parametrize(
    ("fmt", "suffix"),
    [("gift", ".gift.txt"), ("moodle-xml", ".moodle.xml"), ("qti12", ".qti12.zip"), ("qti21", ".qti21.zip")],
)
def test_export_writes_a_file_per_quiz_and_one_for_the_course(tmp_path: Path, fmt: str, suffix: str) -> None:
    root = tmp_path / "mini"
    shutil.copytree(MINI, root)
    out = tmp_path / "banks"
    result = CliRunner().invoke(main, ["--root", str(root), "questions", "export", "--format", fmt, "--out", str(out)])
    assert result.exit_code == 0, result.output
    quizzes = sorted(p.stem for p in (root / "quizzes").glob("*.yml"))
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [f"{q}{suffix}" for q in quizzes] + [f"mini{suffix}", "banks.txt"]
    )
    report = (out / "banks.txt").read_text(encoding="utf-8")
    assert f"format: {fmt}" in report and "quizzes/M1-exercises.yml:" in report  # classify: a warning with its line
    # A conversation has no bank form in any format: skipped, with its file and line.
    assert (
        f"quizzes/M1-dialogue.yml:6:9: m-d1: {fmt}: skipped: a dialogue (a branching conversation) "
        "has no form in a question bank; it is practised on the course site"
    ) in report
    if fmt == "gift":  # the two-blank question is skipped, on the console with its file and line
        assert "warning: quizzes/M1-quiz.yml:" in result.output and "GIFT holds one blank per question" in result.output
    again = CliRunner().invoke(main, ["--root", str(root), "questions", "export", "--format", fmt, "--out", str(out)])
    assert again.exit_code == 0  # an earlier export is replaced


def test_export_refuses_a_folder_it_does_not_own(tmp_path: Path) -> None:
    root = tmp_path / "mini"
    shutil.copytree(MINI, root)
    for out in (root / "quizzes", root):
        result = CliRunner().invoke(
            main, ["--root", str(root), "questions", "export", "--format", "gift", "--out", str(out)]
        )
        assert result.exit_code == 2, result.output
    assert sorted(p.name for p in (root / "quizzes").glob("*.yml"))  # nothing was deleted


def test_make_banks_writes_every_format(tmp_path: Path) -> None:
    """`make banks` (with the test environment's Python standing in for .venv) fills dist/banks/."""
    clone = tmp_path / "clone"
    shutil.copytree(
        ROOT,
        clone,
        ignore=shutil.ignore_patterns(".git", "node_modules", ".venv", "site*", "dist", ".hypothesis", "__pycache__"),
    )
    done = subprocess.run(
        ["make", "-o", ".venv/.installed", "banks", f"PY={sys.executable}"],
        cwd=clone,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={"PATH": str(Path(sys.executable).parent) + ":/usr/bin:/bin", "PYTHONPATH": str(clone)},
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    for fmt, name in (
        ("gift", "khkf.gift.txt"),
        ("moodle-xml", "khkf.moodle.xml"),
        ("qti12", "khkf.qti12.zip"),
        ("qti21", "khkf.qti21.zip"),
    ):
        assert (clone / "dist" / "banks" / fmt / name).stat().st_size > 10_000
        quizzes = course_counts()["quizzes"]
        assert len(list((clone / "dist" / "banks" / fmt).iterdir())) == quizzes + 2  # each quiz, the course, banks.txt
