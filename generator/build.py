"""The core's entry points: load a content pool, check it, render one course.

``render_course`` is what the MkDocs plugin calls; ``build_site`` is what ``make site`` and the
CLI call: it runs MkDocs into a fresh folder and only then swaps it in, so a failed build leaves
the previous site as it was.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .errors import ContentError, ContentErrors, display_path
from .loader import Layout, load_project
from .output import check_output_dir, staging_for, swap_in
from .render.markdown import DEFAULT_CONFIGS, DEFAULT_EXTENSIONS
from .render.site import RenderSettings, SiteOutput, generate


@dataclass(frozen=True)
class BuildInputs:
    """Everything a course build depends on."""

    root: Path
    course: str = "course.yml"
    language: str = "zh"
    markdown_extensions: list[Any] = field(default_factory=lambda: list(DEFAULT_EXTENSIONS))
    markdown_configs: dict[str, dict[str, Any]] = field(default_factory=lambda: dict(DEFAULT_CONFIGS))
    templates_dir: Path | None = None
    use_directory_urls: bool = True
    layout: Layout = Layout()

    def watched(self) -> list[Path]:
        """Folders and files whose changes should trigger a rebuild."""
        layout = self.layout
        paths = [self.root / p for p in (layout.lessons, layout.quizzes, layout.glossary, layout.courses, self.course)]
        return paths + ([self.templates_dir] if self.templates_dir else [])


def render_course(inputs: BuildInputs) -> SiteOutput:
    """Load, validate and render the course whose manifest is `inputs.course`.

    Raises:
        ContentErrors: every problem in the content, all at once.
    """
    layout = inputs.layout
    if inputs.templates_dir is not None and not inputs.templates_dir.is_dir():
        raise ContentErrors([ContentError(str(inputs.templates_dir), 1, 1, "", "templates_dir names a folder "
                                          "that does not exist; create it or remove the option")])
    manifest = inputs.root / inputs.course
    if manifest.resolve().parent != (inputs.root / layout.courses).resolve():
        layout = replace(layout, course=inputs.course)  # a manifest outside courses/ is loaded by name
    project = load_project(inputs.root, layout)
    course_id = project.course_files.get(display_path(manifest, inputs.root))
    if course_id is None:
        raise ContentErrors([ContentError(inputs.course, 1, 1, "", "course manifest not found; expected a file "
                                          "with id, title and lessons (see docs/authoring.md)")])
    course = project.courses[course_id]
    settings = RenderSettings(
        # The UI follows the site's theme.language unless the course names its own language.
        language=course.language or inputs.language,
        markdown_extensions=inputs.markdown_extensions,
        markdown_configs=inputs.markdown_configs,
        templates_dir=inputs.templates_dir,
        use_directory_urls=inputs.use_directory_urls,
    )
    return generate(project, course, settings)


def build_site(config_file: Path, site_dir: Path | None = None, course: str | None = None,
               strict: bool = True) -> Path:
    """Run MkDocs into a staging folder beside the target, then swap it in.

    Returns the site folder. Raises UnsafeOutput for a target that holds author files,
    mkdocs.exceptions.Abort when MkDocs fails (content errors found by the plugin are logged by
    MkDocs first; the CLI checks content before calling this, so it can report them itself); the
    previous site is left untouched either way.
    """
    from mkdocs.commands import build as mkdocs_build
    from mkdocs.config import load_config

    overrides: dict[str, Any] = {"strict": strict}
    config = load_config(str(config_file), **overrides)
    plugin = next((p for name, p in config.plugins.items() if name.endswith("courseware")), None)
    if course is not None and plugin is not None:
        plugin.config.course = course
    base = Path(config.config_file_path or config_file).resolve().parent
    target = Path(site_dir).resolve() if site_dir else Path(config.site_dir).resolve()
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
    folders = [root / layout.lessons, root / layout.quizzes, root / layout.glossary, root / layout.courses,
               Path(config.docs_dir), base / ".git", root / ".git"]
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
        stamp = subprocess.run(["git", "-C", str(base), "log", "-1", "--format=%ct"], capture_output=True,
                               text=True, timeout=10, check=False).stdout.strip()
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
