"""The core's entry point: load a content pool, check it, render one course.

Pure: content in; pages, assets and a navigation out. Every engine (the MkDocs plugin, `export`
for other engines) and every export starts here; nothing here imports an engine.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from .errors import ContentError, ContentErrors, ContentWarning, display_path
from .load import Layout, load_project
from .load.exam_checks import check_final_exam
from .load.scope import draft_warnings, outside_warning
from .model import Course
from .model.project import Project
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
    layout: Layout = Layout()  # noqa: RUF009 (Layout is a frozen dataclass)
    #: "instructor" renders answers, answer keys and facilitator notes (see RenderSettings.edition).
    edition: Literal["trainee", "instructor"] = "trainee"
    #: Include lessons and quizzes marked `draft: true`: the live preview does, builds do not.
    drafts: bool = False

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
    return generate(*load_course(inputs))


def load_course(inputs: BuildInputs) -> tuple[Project, Course, RenderSettings]:
    """Load and validate the content pool and pick the course of `inputs`, with its render settings.

    For adapters that render more than one edition of a course from one load (the PDF books).

    Raises:
        ContentErrors: every problem in the content, all at once.
    """
    layout = inputs.layout
    if inputs.templates_dir is not None and not inputs.templates_dir.is_dir():
        raise ContentErrors(
            [
                ContentError(
                    str(inputs.templates_dir),
                    1,
                    1,
                    "",
                    "templates_dir names a folder that does not exist; create it or remove the option",
                )
            ]
        )
    manifest = inputs.root / inputs.course
    if manifest.resolve().parent != (inputs.root / layout.courses).resolve():
        layout = replace(layout, course=inputs.course)  # a manifest outside courses/ is loaded by name
    # Only what this course uses must be valid: a broken file elsewhere is a warning, not a stop.
    project = load_project(inputs.root, layout, course=manifest)
    project.warnings = [w if isinstance(w, ContentWarning) else outside_warning(w) for w in project.warnings]
    course_id = project.course_files.get(display_path(manifest, inputs.root))
    if course_id is None:
        raise ContentErrors(
            [
                ContentError(
                    inputs.course,
                    1,
                    1,
                    "",
                    "course manifest not found; expected a file with id, title and lessons (see docs/authoring.md)",
                )
            ]
        )
    course = project.courses[course_id]
    if not inputs.drafts:
        project.warnings += draft_warnings(project, course)
        # Drafts left out may leave the final exam's blueprint short: warn (the page then draws without it).
        project.warnings += [
            replace(e, message=f"{e.message} (with the drafts left out)")
            for e in check_final_exam(project, course, drafts=False)
        ]
    settings = RenderSettings(
        # The UI follows the site's theme.language unless the course names its own language.
        language=course.language or inputs.language,
        markdown_extensions=inputs.markdown_extensions,
        markdown_configs=inputs.markdown_configs,
        templates_dir=inputs.templates_dir,
        use_directory_urls=inputs.use_directory_urls,
        edition=inputs.edition,
        drafts=inputs.drafts,
    )
    return project, course, settings
