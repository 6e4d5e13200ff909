"""`new` and `schema`: scaffolds and editor schemas for authors."""

from __future__ import annotations

import re
from pathlib import Path

import click

from . import main


@main.command()
@click.argument("kind", type=click.Choice(["lesson", "quiz", "exercises", "scheme", "glossary", "course"]))
@click.argument("ident")
@click.option("--lesson", "lesson_id", default=None, help="quiz, exercises, glossary: the lesson they belong to.")
@click.option("--scheme", "scheme_id", default=None, help="exercises: the scheme they practise.")
@click.option(
    "--kind",
    "scheme_kind",
    type=click.Choice(["rules", "judgment"]),
    default="rules",
    show_default=True,
    help="scheme: a rule table over attributes, or classes judged with a rationale.",
)
@click.option("--lessons", default="", help="course: lesson ids in teaching order, comma-separated.")
@click.pass_obj
def new(
    root: Path, kind: str, ident: str, lesson_id: str | None, scheme_id: str | None, scheme_kind: str, lessons: str
) -> None:
    """Scaffold valid, commented content files: a lesson (with its quiz), quiz, exercises, scheme, glossary, course."""
    from ..scaffold import scaffolds

    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}", ident):
        raise click.BadParameter("use letters, digits, '-', '_' or '.', at most 64 characters", param_hint="ID")
    try:
        files = scaffolds(
            root,
            kind,
            ident,
            lesson=lesson_id,
            scheme=scheme_id,
            scheme_kind=scheme_kind,
            lessons=tuple(x.strip() for x in lessons.split(",") if x.strip()),
        )
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    for scaffold in files:
        if scaffold.path.exists():
            raise click.UsageError(f"{scaffold.path} already exists; the generator never overwrites an author's file")
    for scaffold in files:
        scaffold.path.parent.mkdir(parents=True, exist_ok=True)
        scaffold.path.write_text(scaffold.text, encoding="utf-8")
        click.echo(f"created {scaffold.path}")
        if scaffold.note:
            click.echo(f"  {scaffold.note}")


@main.command()
@click.option(
    "-o", "--out", type=click.Path(file_okay=False, path_type=Path), default=Path("schema"), show_default=True
)
def schema(out: Path) -> None:
    """Write the JSON Schemas that content files reference for editor completion."""
    from ..model.schema import schemas

    out.mkdir(parents=True, exist_ok=True)
    for name, data in schemas().items():
        (out / name).write_bytes(data)
        click.echo(f"wrote {out / name}")
