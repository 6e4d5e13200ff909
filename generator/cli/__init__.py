"""Command line: check, build, export, serve, pdf, package, new, schema, questions. Exit codes: 0 ok, 1 content errors, 2 usage
errors."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click

from ..errors import ContentErrors
from ..load import Layout, load_project
from ..model.project import Project

CONFIG_HELP = "The mkdocs.yml to build with."


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--root",
    type=click.Path(file_okay=False, path_type=Path),
    default=".",
    show_default=True,
    help="Project root holding lessons/, quizzes/ and course.yml.",
)
@click.option("-v", "--verbose", is_flag=True, help="Also show what the engines and their libraries report.")
@click.pass_context
def main(ctx: click.Context, root: Path, verbose: bool) -> None:
    """Courseware generator: YAML lessons and quizzes to a static course site."""
    ctx.obj = root
    if not verbose:
        _quiet_libraries()


def _quiet_libraries() -> None:
    """Keep third-party chatter (jieba's dictionary messages, MkDocs' info lines) off the console."""
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    try:
        import jieba  # Material's Chinese search imports it; it logs at DEBUG to stderr from import on
    except ImportError:
        return
    jieba.setLogLevel(logging.WARNING)


def load_or_exit(root: Path, files: tuple[Path, ...] = (), course: Path | None = None) -> Project:
    """Load the content pool (or the part `files` or `course` need), or print every content error and exit 1."""
    try:
        return load_project(root, Layout(), files=files, course=course)
    except ContentErrors as exc:
        click.echo(exc.report(), err=True)
        sys.exit(1)


def _register_commands() -> None:
    # Each module adds its commands to `main`; imported here so `generator.cli:main` sees them all.
    from ..banks.cli import questions
    from . import authoring, building, checking, packaging  # noqa: F401

    main.add_command(questions)


_register_commands()
