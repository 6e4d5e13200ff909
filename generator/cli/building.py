"""`build`, `export`, `serve`, `pdf`: the course as a site, files or print."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click

from ..errors import ContentErrors, warning_report
from . import CONFIG_HELP, main


@main.command()
@click.option(
    "-f",
    "--config-file",
    type=click.Path(dir_okay=False, path_type=Path),
    default="mkdocs.yml",
    show_default=True,
    help=CONFIG_HELP,
)
@click.option("--course", default=None, help="Course manifest to build instead of the one in mkdocs.yml.")
@click.option(
    "-d",
    "--site-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Output folder (default: site_dir of mkdocs.yml; site-zensical/ with --engine zensical).",
)
@click.option(
    "--engine",
    type=click.Choice(["mkdocs", "zensical"]),
    default="mkdocs",
    show_default=True,
    help="The static-site engine: MkDocs with the courseware plugin, or Zensical over the core's export.",
)
@click.option(
    "--edition",
    type=click.Choice(["trainee", "instructor"]),
    default=None,
    help="instructor: answers, answer keys and facilitator notes, into site-instructor/ by default "
    "(MkDocs engine only).",
)
@click.pass_obj
def build(
    root: Path, config_file: Path, course: str | None, site_dir: Path | None, engine: str, edition: str | None
) -> None:
    """Check the content, then build the site atomically (strict mode)."""
    from ..output import UnsafeOutput

    if edition == "instructor" and engine != "mkdocs":
        raise click.UsageError("the instructor edition is built with --engine mkdocs")

    # Content errors of the course come back as ContentErrors (the plugin raises them for build_site);
    # files the course does not use are not loaded into the build's errors, only into its warnings.
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
        click.echo(
            f"build failed: {exc.strerror or exc} ({exc.filename or 'output folder'}); "
            "the previous site was left as it was",
            err=True,
        )
        sys.exit(1)
    click.echo(f"site written to {target}")


class BuildFailed(Exception):
    """The engine reported a failure (its own messages were already shown)."""


def _build_with(
    engine: str, config_file: Path, site_dir: Path | None, course: str | None, edition: str | None = None
) -> Path:
    if engine == "zensical":
        from ..zensical.build import ZensicalError, build_site_zensical

        try:
            return build_site_zensical(config_file, site_dir=site_dir, course=course)
        except ZensicalError as exc:
            raise BuildFailed(str(exc)) from None
    from mkdocs.exceptions import MkDocsException

    from ..mkdocs.build import build_site

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
@click.option(
    "--language",
    default="zh",
    show_default=True,
    help="Interface language when the course does not name one (zh or en).",
)
@click.option("--no-directory-urls", is_flag=True, help="Link pages as lessons/L1.html instead of lessons/L1/.")
@click.pass_obj
def export(root: Path, out: Path, course: str, language: str, no_directory_urls: bool) -> None:
    """Write the course as Markdown pages, assets, schemas and nav.yml into OUT (no engine needed)."""
    from ..export import export_course
    from ..output import UnsafeOutput
    from ..pipeline import BuildInputs

    inputs = BuildInputs(
        root=root.resolve(), course=course, language=language, use_directory_urls=not no_directory_urls
    )
    try:
        output = export_course(inputs, out.resolve())
    except ContentErrors as exc:
        click.echo(exc.report(), err=True)
        sys.exit(1)
    except UnsafeOutput as exc:
        raise click.UsageError(str(exc)) from None
    if output.warnings:
        click.echo(warning_report(output.warnings), err=True)
    click.echo(f"exported {len(output.pages)} pages and {len(output.assets)} assets to {out}")


@main.command()
@click.option(
    "-f",
    "--config-file",
    type=click.Path(dir_okay=False, path_type=Path),
    default="mkdocs.yml",
    show_default=True,
    help=CONFIG_HELP,
)
@click.option("-a", "--dev-addr", default=None, help="IP:port to serve on (default: from mkdocs.yml).")
@click.option(
    "--engine",
    type=click.Choice(["mkdocs", "zensical"]),
    default="mkdocs",
    show_default=True,
    help="Preview with MkDocs (the plugin) or with Zensical (over the core's export).",
)
@click.option("--course", default=None, help="Course manifest to preview instead of the one in mkdocs.yml.")
def serve(config_file: Path, dev_addr: str | None, engine: str, course: str | None) -> None:
    """Serve the site and rebuild when content changes; content errors are shown in the browser."""
    if engine == "zensical":
        from ..zensical.serve import serve as serve_zensical

        serve_zensical(config_file, dev_addr or "127.0.0.1:8000", course=course)
        return
    from mkdocs.commands import serve as mkdocs_serve

    from ..mkdocs import plugin

    plugin.course_override = course
    mkdocs_serve.serve(str(config_file), dev_addr=dev_addr, livereload=True)


@main.command()
@click.option(
    "-f",
    "--config-file",
    type=click.Path(dir_okay=False, path_type=Path),
    default="mkdocs.yml",
    show_default=True,
    help=CONFIG_HELP,
)
@click.option("--course", default=None, help="Course manifest to print instead of the one in mkdocs.yml.")
@click.option(
    "-o",
    "--out-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder for the PDF files (default: dist/ beside mkdocs.yml).",
)
def pdf(config_file: Path, course: str | None, out_dir: Path | None) -> None:
    """Print the workbook and the answer key: dist/<course-id>-workbook.pdf and -answer-key.pdf."""
    from ..pdf.build import build_pdfs
    from ..pdf.chromium import PdfError

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
