"""`make site`: run MkDocs into a staging folder and swap the result in only when it succeeded.

A failed build leaves the previous site as it was; a target that holds author files is refused.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..load import Layout
from ..output import check_output_dir, staging_for, swap_in


def build_site(
    config_file: Path,
    site_dir: Path | None = None,
    course: str | None = None,
    strict: bool = True,
    edition: str | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> Path:
    """Run MkDocs into a staging folder beside the target, then swap it in.

    `edition` overrides the plugin's; the instructor edition goes to `<site_dir>-instructor`
    (site-instructor/) unless `site_dir` is given, so it never replaces the trainee site.
    `overrides` replace top-level settings of the config file (an LMS package's, see packaged.py).

    Returns the site folder. Raises UnsafeOutput for a target that holds author files, ContentErrors
    for problems in the content or the template overrides, mkdocs.exceptions.Abort when MkDocs
    fails otherwise; the previous site is left untouched either way.
    """
    from mkdocs.commands import build as mkdocs_build
    from mkdocs.config import load_config

    config = load_config(str(config_file), **{**(overrides or {}), "strict": strict})
    plugin = next((p for name, p in config.plugins.items() if name.endswith("courseware")), None)
    if course is not None and plugin is not None:
        plugin.config.course = course
    if edition is not None and plugin is not None:
        plugin.config.edition = edition
    if plugin is not None:
        plugin.raise_content_errors = True  # the caller reports them, once, without MkDocs' log prefix
    base = Path(config.config_file_path or config_file).resolve().parent
    default = Path(config.site_dir)
    if plugin is not None and plugin.config.edition == "instructor":
        default = default.with_name(f"{default.name}-instructor")
    target = Path(site_dir).resolve() if site_dir else default.resolve()
    check_output_dir(target, base, _author_folders(base, config, plugin))
    with _reproducible_dates(base), staging_for(target) as staging:
        config.site_dir = str(staging)
        mkdocs_build.build(config)
        swap_in(staging, target)
    return target


def _author_folders(base: Path, config: Any, plugin: Any) -> list[Path]:
    """Folders that hold what authors wrote: a build must never replace or write into them."""
    root = (base / plugin.config.root).resolve() if plugin is not None else base
    layout = Layout()
    folders = [
        root / layout.lessons,
        root / layout.quizzes,
        root / layout.glossary,
        root / layout.courses,
        Path(config.docs_dir),
        base / ".git",
        root / ".git",
    ]
    if plugin is not None and plugin.config.templates_dir:
        folders.append(base / plugin.config.templates_dir)
    if config.theme.custom_dir:
        folders.append(Path(config.theme.custom_dir))
    if root != base:
        folders.append(root)
    return folders


@contextmanager
def _reproducible_dates(base: Path) -> Iterator[None]:
    """Date the build by its last commit unless SOURCE_DATE_EPOCH says otherwise.

    MkDocs writes the build date into sitemap.xml; taking it from the commit makes a rebuild of
    the same commit on another day byte-identical.
    """
    if "SOURCE_DATE_EPOCH" in os.environ:
        yield
        return
    try:
        stamp = subprocess.run(
            ["git", "-C", str(base), "log", "-1", "--format=%ct"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        stamp = ""
    if not stamp.isdigit():
        yield
        return
    os.environ["SOURCE_DATE_EPOCH"] = stamp
    try:
        yield
    finally:
        os.environ.pop("SOURCE_DATE_EPOCH", None)
