"""The core's entry points: load a content pool, check it, render one course.

``render_course`` is what the MkDocs plugin calls; ``build_site`` is what ``make site`` and the
CLI call: it runs MkDocs into a fresh folder and only then swaps it in, so a failed build leaves
the previous site as it was.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .errors import ContentError, ContentErrors, display_path
from .loader import Layout, load_project
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
    """Run MkDocs into a temporary folder beside the target, then swap it in.

    Returns the site folder. Raises mkdocs.exceptions.Abort when MkDocs fails (content errors
    found by the plugin are logged by MkDocs first; the CLI checks content before calling this,
    so it can report them itself); the previous site is left untouched either way.
    """
    from mkdocs.commands import build as mkdocs_build
    from mkdocs.config import load_config

    overrides: dict[str, Any] = {"strict": strict}
    config = load_config(str(config_file), **overrides)
    if course is not None:
        for name, plugin in config.plugins.items():
            if name.endswith("courseware"):
                plugin.config.course = course
    target = Path(site_dir).resolve() if site_dir else Path(config.site_dir).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.building-", dir=target.parent))
    try:
        config.site_dir = str(staging)
        mkdocs_build.build(config)
        previous = target.with_name(f".{target.name}.previous")
        if previous.exists():
            shutil.rmtree(previous)
        if target.exists():
            target.rename(previous)
        staging.rename(target)
        if previous.exists():
            shutil.rmtree(previous)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return target
