"""`check`: validate the content pool and summarise it."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import click

from ..errors import ContentWarning, warning_report
from ..model import QUESTION_TYPES, Classify
from ..model.project import Project
from . import load_or_exit, main


@main.command()
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--course",
    "course",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Check only what this course manifest uses.",
)
@click.option(
    "--coverage",
    "show_coverage",
    is_flag=True,
    help="Also list each objective with the questions that assess it, and what nothing uses.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="json: the coverage report as data for other tools (with --coverage).",
)
@click.option("--strict", is_flag=True, help="Exit 1 when there are warnings (words the glossary says to avoid).")
@click.pass_obj
def check(
    root: Path, files: tuple[Path, ...], course: Path | None, show_coverage: bool, output_format: str, strict: bool
) -> None:
    """Validate every lesson, quiz, scheme, glossary and course; print a summary.

    With FILES, only those files and the files they refer to; with --course, only what that course uses.
    Exit 0 with warnings (printed to stderr), unless --strict.
    """
    project = load_or_exit(root, _content_files(root, files), _content_files(root, (course,))[0] if course else None)
    wording = [w for w in project.warnings if isinstance(w, ContentWarning)]
    if wording:
        click.echo(warning_report(wording), err=True)
    if others := len(project.warnings) - len(wording):
        click.echo(f"not checked: {others} problem(s) in other files; `check` with no files lists them", err=True)
    _report(project, show_coverage, output_format, len(wording))
    if strict and wording:
        sys.exit(1)


def _report(project: Project, show_coverage: bool, output_format: str, warnings: int) -> None:
    if show_coverage:
        from ..coverage import coverage, report

        result = coverage(project)
        if output_format == "json":
            click.echo(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
            return
        for line in report(result):
            click.echo(line)
    questions = [q for quiz in project.quizzes.values() for q in quiz.questions]
    by_type: Counter[str] = Counter(q.type for q in questions)
    click.echo(
        f"lessons: {len(project.lessons)}  quizzes: {len(project.quizzes)}  questions: {len(questions)}  "
        f"schemes: {len(project.schemes)}  glossary terms: {len(project.terms)}  courses: {len(project.courses)}"
    )
    click.echo("questions by type: " + ", ".join(f"{t} {by_type[t]}" for t in QUESTION_TYPES if by_type[t]))
    click.echo("per lesson:")
    for lesson in project.lessons.values():
        own = [q for quiz in project.quizzes.values() if quiz.lesson == lesson.id for q in quiz.questions]
        exercises = Counter(q.scheme for q in own if isinstance(q, Classify))
        types = Counter(q.type for q in own)
        line = f"  {lesson.id}: {len(own)} questions ({', '.join(f'{t} {n}' for t, n in sorted(types.items()))})"
        if exercises:
            line += "; exercises: " + ", ".join(f"{s} {n}" for s, n in sorted(exercises.items()))
        click.echo(line)
    schemes = Counter(q.scheme for q in questions if isinstance(q, Classify))
    if schemes:
        click.echo("exercises per scheme: " + ", ".join(f"{s} {schemes[s]}" for s in sorted(project.schemes)))
    click.echo(f"errors: 0  warnings: {warnings}")


def _content_files(root: Path, files: tuple[Path, ...]) -> tuple[Path, ...]:
    """FILES as given on the command line (relative to the current folder), each a content file of `root`."""
    found = []
    for file in files:
        if not file.is_file():
            raise click.UsageError(f"no such file: {file}")
        real = file.resolve()
        if root.resolve() not in real.parents or real.suffix not in (".yml", ".yaml"):
            raise click.UsageError(f"{file} is not a content file of the project in {root} (a .yml file inside it)")
        found.append(real)
    return tuple(found)
