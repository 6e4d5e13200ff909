"""`package`: the course as a SCORM 1.2 or SCORM 2004 package for an LMS (docs/lms.md)."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import click

from ..errors import ContentErrors
from . import CONFIG_HELP, load_or_exit, main


@main.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["scorm12", "scorm2004"]),
    required=True,
    help="SCORM 1.2 (most LMSs) or SCORM 2004 4th edition.",
)
@click.option("--course", default=None, help="Course manifest to package instead of the one in mkdocs.yml.")
@click.option(
    "-f",
    "--config-file",
    type=click.Path(dir_okay=False, path_type=Path),
    default="mkdocs.yml",
    show_default=True,
    help=CONFIG_HELP,
)
@click.option(
    "-o",
    "--out-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder for the zip (default: dist/ beside mkdocs.yml).",
)
@click.pass_obj
def package(root: Path, fmt: str, course: str | None, config_file: Path, out_dir: Path | None) -> None:
    """Write dist/<course-id>-scorm12.zip or -scorm2004.zip: the course as one SCO for an LMS."""
    from mkdocs.exceptions import MkDocsException

    from ..mkdocs.build import build_site
    from ..mkdocs.packaged import package_overrides
    from ..pdf.build import inputs_from_config
    from ..scorm.package import write_package

    load_or_exit(root)  # MkDocs would log content errors as one line; report them here first
    if not config_file.is_file():
        raise click.UsageError(f"no such config file: {config_file}")
    try:
        with tempfile.TemporaryDirectory(prefix="cw-package-") as tmp:
            site = build_site(
                config_file, site_dir=Path(tmp) / "site", course=course, overrides=package_overrides(config_file)
            )
            target = write_package(
                site,
                inputs_from_config(config_file, course),
                fmt,
                (out_dir or config_file.resolve().parent / "dist").resolve(),
            )
    except ContentErrors as exc:
        click.echo(exc.report(), err=True)
        sys.exit(1)
    except MkDocsException as exc:
        click.echo(f"build failed: {exc}", err=True)
        sys.exit(1)
    click.echo(f"wrote {target}")
