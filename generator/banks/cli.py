"""`questions export|import`: the question-bank commands of the command line."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import click

from ..errors import ContentErrors


@click.group()
def questions() -> None:
    """Question banks: export GIFT, Moodle XML, QTI 1.2 (Canvas), QTI 2.1; import GIFT and Moodle XML."""


@questions.command("export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["gift", "moodle-xml", "qti12", "qti21"]),
    required=True,
    help="The bank format (docs/banks.md says what each one keeps).",
)
@click.option("--course", default="course.yml", show_default=True, help="Course manifest to export.")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Folder for the files: one per quiz and one for the course (replaced as a whole).",
)
@click.pass_obj
def questions_export(root: Path, fmt: str, course: str, out: Path) -> None:
    """Write every quiz of the course, and the whole course, as question-bank files; warn about what changes."""
    from ..output import UnsafeOutput
    from .export import REPORT, export_banks

    try:
        result = export_banks(root.resolve(), course, fmt, out.resolve())
    except ContentErrors as exc:
        click.echo(exc.report(), err=True)
        sys.exit(1)
    except UnsafeOutput as exc:
        raise click.UsageError(str(exc)) from None
    for warning in result.skipped:
        click.echo(f"warning: {warning}", err=True)
    for line in result.summary():
        click.echo(f"changed: {line}", err=True)
    exported = result.questions - len(result.skipped)
    click.echo(
        f"{fmt}: {len(result.files)} files written to {out}; {exported} of {result.questions} questions "
        f"exported, {len(result.skipped)} skipped, {len(result.warnings) - len(result.skipped)} warnings "
        f"(all listed in {out / REPORT})"
    )


@questions.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Project folder: quizzes go to OUT/quizzes/, stub lessons to OUT/lessons/.",
)
@click.option("--lesson", "lesson_id", default=None, help="Lesson the imported quizzes practise (else a stub is made).")
def questions_import(files: tuple[Path, ...], out: Path, lesson_id: str | None) -> None:
    """Turn GIFT or Moodle XML files into quiz files; what cannot be kept is left out with a comment."""
    from .importer import import_files

    if lesson_id is not None and not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}", lesson_id):
        raise click.BadParameter("use letters, digits, '-', '_' or '.', at most 64 characters", param_hint="--lesson")
    try:
        written = import_files(list(files), out, lesson_id)
    except ContentErrors as exc:
        click.echo(exc.report(), err=True)
        sys.exit(1)
    for result in written:
        for note in result.dropped:
            click.echo(f"warning: {note}", err=True)
        stub = f"; stub lesson {result.stub}" if result.stub else ""
        click.echo(f"wrote {result.quiz} ({result.questions} questions, lesson {result.lesson}{stub})")
