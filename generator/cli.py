"""Command line: check, build, export, serve, new, schema, questions. Exit codes: 0 ok, 1 content errors, 2 usage
errors."""

from __future__ import annotations

import json
import logging
import re
import sys
from collections import Counter
from pathlib import Path

import click

from .errors import ContentErrors
from .load import Layout, load_project
from .model import QUESTION_TYPES, Classify

CONFIG_HELP = "The mkdocs.yml to build with."


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=".", show_default=True,
              help="Project root holding lessons/, quizzes/ and course.yml.")
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


def _load(root: Path):  # type: ignore[no-untyped-def]
    try:
        return load_project(root, Layout())
    except ContentErrors as exc:
        click.echo(exc.report(), err=True)
        sys.exit(1)


@main.command()
@click.option("--coverage", "show_coverage", is_flag=True,
              help="Also list each objective with the questions that assess it, and what nothing uses.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="json: the coverage report as data for other tools (with --coverage).")
@click.pass_obj
def check(root: Path, show_coverage: bool, output_format: str) -> None:
    """Validate every lesson, quiz, scheme, glossary and course; print a summary."""
    project = _load(root)
    if show_coverage:
        from .coverage import coverage, report

        result = coverage(project)
        if output_format == "json":
            click.echo(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
            return
        for line in report(result):
            click.echo(line)
    questions = [q for quiz in project.quizzes.values() for q in quiz.questions]
    by_type = Counter(q.type for q in questions)
    click.echo(f"lessons: {len(project.lessons)}  quizzes: {len(project.quizzes)}  questions: {len(questions)}  "
               f"schemes: {len(project.schemes)}  glossary terms: {len(project.terms)}  courses: {len(project.courses)}")
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
    click.echo("errors: 0")


@main.command()
@click.option("-f", "--config-file", type=click.Path(dir_okay=False, path_type=Path), default="mkdocs.yml",
              show_default=True, help=CONFIG_HELP)
@click.option("--course", default=None, help="Course manifest to build instead of the one in mkdocs.yml.")
@click.option("-d", "--site-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Output folder (default: site_dir of mkdocs.yml; site-zensical/ with --engine zensical).")
@click.option("--engine", type=click.Choice(["mkdocs", "zensical"]), default="mkdocs", show_default=True,
              help="The static-site engine: MkDocs with the courseware plugin, or Zensical over the core's export.")
@click.option("--edition", type=click.Choice(["trainee", "instructor"]), default=None,
              help="instructor: answers, answer keys and facilitator notes, into site-instructor/ by default "
                   "(MkDocs engine only).")
@click.pass_obj
def build(root: Path, config_file: Path, course: str | None, site_dir: Path | None, engine: str,
          edition: str | None) -> None:
    """Check the content, then build the site atomically (strict mode)."""
    from .output import UnsafeOutput

    if edition == "instructor" and engine != "mkdocs":
        raise click.UsageError("the instructor edition is built with --engine mkdocs")

    if engine == "mkdocs":
        _load(root)  # MkDocs would log content errors as one line; report them here first
    if not config_file.is_file():
        raise click.UsageError(f"no such config file: {config_file}")
    try:
        target = _build_with(engine, config_file, site_dir, course, edition)
    except ContentErrors as exc:
        click.echo(exc.report(), err=True)
        sys.exit(1)
    except UnsafeOutput as exc:
        raise click.UsageError(str(exc)) from None
    except BuildFailed as exc:
        click.echo(f"build failed: {exc}", err=True)
        sys.exit(1)
    except OSError as exc:  # a full disk, a folder that cannot be written: the previous site is intact
        click.echo(f"build failed: {exc.strerror or exc} ({exc.filename or 'output folder'}); "
                   "the previous site was left as it was", err=True)
        sys.exit(1)
    click.echo(f"site written to {target}")


class BuildFailed(Exception):
    """The engine reported a failure (its own messages were already shown)."""


def _build_with(engine: str, config_file: Path, site_dir: Path | None, course: str | None,
                edition: str | None = None) -> Path:
    if engine == "zensical":
        from .zensical.build import ZensicalError, build_site_zensical

        try:
            return build_site_zensical(config_file, site_dir=site_dir, course=course)
        except ZensicalError as exc:
            raise BuildFailed(str(exc)) from None
    from mkdocs.exceptions import MkDocsException

    from .mkdocs.build import build_site

    # MkDocs reports through logging; show its warnings and errors the way `mkdocs build` does.
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logging.getLogger("mkdocs").addHandler(handler)
    try:
        return build_site(config_file, site_dir=site_dir, course=course, edition=edition)
    except MkDocsException as exc:
        raise BuildFailed(str(exc)) from None


@main.command()
@click.argument("out", type=click.Path(file_okay=False, path_type=Path))
@click.option("--course", default="course.yml", show_default=True, help="Course manifest to export.")
@click.option("--language", default="zh", show_default=True,
              help="Interface language when the course does not name one (zh or en).")
@click.option("--no-directory-urls", is_flag=True, help="Link pages as lessons/L1.html instead of lessons/L1/.")
@click.pass_obj
def export(root: Path, out: Path, course: str, language: str, no_directory_urls: bool) -> None:
    """Write the course as Markdown pages, assets, schemas and nav.yml into OUT (no engine needed)."""
    from .export import export_course
    from .output import UnsafeOutput
    from .pipeline import BuildInputs

    inputs = BuildInputs(root=root.resolve(), course=course, language=language,
                         use_directory_urls=not no_directory_urls)
    try:
        output = export_course(inputs, out.resolve())
    except ContentErrors as exc:
        click.echo(exc.report(), err=True)
        sys.exit(1)
    except UnsafeOutput as exc:
        raise click.UsageError(str(exc)) from None
    click.echo(f"exported {len(output.pages)} pages and {len(output.assets)} assets to {out}")


@main.command()
@click.option("-f", "--config-file", type=click.Path(dir_okay=False, path_type=Path), default="mkdocs.yml",
              show_default=True, help=CONFIG_HELP)
@click.option("-a", "--dev-addr", default=None, help="IP:port to serve on (default: from mkdocs.yml).")
@click.option("--engine", type=click.Choice(["mkdocs", "zensical"]), default="mkdocs", show_default=True,
              help="Preview with MkDocs (the plugin) or with Zensical (over the core's export).")
@click.option("--course", default=None, help="Course manifest to preview instead of the one in mkdocs.yml.")
def serve(config_file: Path, dev_addr: str | None, engine: str, course: str | None) -> None:
    """Serve the site and rebuild when content changes; content errors are shown in the browser."""
    if engine == "zensical":
        from .zensical.serve import serve as serve_zensical

        serve_zensical(config_file, dev_addr or "127.0.0.1:8000", course=course)
        return
    from mkdocs.commands import serve as mkdocs_serve

    from .mkdocs import plugin

    plugin.course_override = course
    mkdocs_serve.serve(str(config_file), dev_addr=dev_addr, livereload=True)


@main.command()
@click.option("-f", "--config-file", type=click.Path(dir_okay=False, path_type=Path), default="mkdocs.yml",
              show_default=True, help=CONFIG_HELP)
@click.option("--course", default=None, help="Course manifest to print instead of the one in mkdocs.yml.")
@click.option("-o", "--out-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder for the PDF files (default: dist/ beside mkdocs.yml).")
def pdf(config_file: Path, course: str | None, out_dir: Path | None) -> None:
    """Print the workbook and the answer key: dist/<course-id>-workbook.pdf and -answer-key.pdf."""
    from .pdf.build import build_pdfs
    from .pdf.chromium import PdfError

    if not config_file.is_file():
        raise click.UsageError(f"no such config file: {config_file}")
    try:
        for path in build_pdfs(config_file, out_dir=out_dir, course=course):
            click.echo(f"wrote {path}")
    except ContentErrors as exc:
        click.echo(exc.report(), err=True)
        sys.exit(1)
    except PdfError as exc:
        click.echo(f"pdf failed: {exc}", err=True)
        sys.exit(1)


@main.command()
@click.argument("kind", type=click.Choice(["lesson", "quiz", "exercises", "scheme", "glossary", "course"]))
@click.argument("ident")
@click.option("--lesson", "lesson_id", default=None, help="quiz, exercises, glossary: the lesson they belong to.")
@click.option("--scheme", "scheme_id", default=None, help="exercises: the scheme they practise.")
@click.option("--kind", "scheme_kind", type=click.Choice(["rules", "judgment"]), default="rules", show_default=True,
              help="scheme: a rule table over attributes, or classes judged with a rationale.")
@click.option("--lessons", default="", help="course: lesson ids in teaching order, comma-separated.")
@click.pass_obj
def new(root: Path, kind: str, ident: str, lesson_id: str | None, scheme_id: str | None, scheme_kind: str,
        lessons: str) -> None:
    """Scaffold valid, commented content files: a lesson (with its quiz), quiz, exercises, scheme, glossary, course."""
    from .scaffold import scaffolds

    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}", ident):
        raise click.BadParameter("use letters, digits, '-', '_' or '.', at most 64 characters", param_hint="ID")
    try:
        files = scaffolds(root, kind, ident, lesson=lesson_id, scheme=scheme_id, scheme_kind=scheme_kind,
                          lessons=tuple(x.strip() for x in lessons.split(",") if x.strip()))
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
@click.option("-o", "--out", type=click.Path(file_okay=False, path_type=Path), default=Path("schema"),
              show_default=True)
def schema(out: Path) -> None:
    """Write the JSON Schemas that content files reference for editor completion."""
    from .model.schema import schemas

    out.mkdir(parents=True, exist_ok=True)
    for name, data in schemas().items():
        (out / name).write_bytes(data)
        click.echo(f"wrote {out / name}")


def _register_groups() -> None:
    from .banks.cli import questions

    main.add_command(questions)


_register_groups()


if __name__ == "__main__":
    main()
