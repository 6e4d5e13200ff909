"""The pure core's render stage: a loaded course in; Markdown pages, assets and a navigation out.

Nothing here knows about MkDocs; `generator.mkdocs.plugin` hands these pages to MkDocs and
`generator.export` writes them to disk for any other engine.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources

from ..model import Course
from ..model.project import Project
from ..model.schema import schemas
from .assets import ASSET_DIR, RUNTIME_FILES, RUNTIME_GZIP_BUDGET, SITE_FILES, built, page_files
from .context import GeneratedPage, RenderContext, RenderSettings, SiteOutput
from .edition import edition_strings
from .nav import build_nav
from .pages.drill import build_drill_page, drill_schemes
from .pages.exam import build_exam_pages
from .pages.glossary import build_glossary_page
from .pages.home import build_home_page
from .pages.lesson import build_lesson_page
from .pages.progress import build_progress_page
from .pages.quiz import build_quiz_pages
from .urls import chrome_title

#: The print stylesheet, shipped as written (generator/runtime/print.css). It lives outside
#: ASSET_DIR on purpose: linked with media="print", it never blocks rendering, so it is not part of
#: the runtime's budget; tests/test_print_css.py gives it its own (PRINT_GZIP_BUDGET).
PRINT_CSS = "assets/courseware-print.css"
PRINT_GZIP_BUDGET = 2_000
#: Styles of answers and facilitator notes, shipped in the instructor edition only.
INSTRUCTOR_CSS = "assets/courseware-instructor.css"

__all__ = [
    "ASSET_DIR",
    "INSTRUCTOR_CSS",
    "PRINT_CSS",
    "RUNTIME_FILES",
    "RUNTIME_GZIP_BUDGET",
    "SITE_FILES",
    "GeneratedPage",
    "RenderSettings",
    "SiteOutput",
    "generate",
    "page_files",
]


def generate(project: Project, course: Course, settings: RenderSettings) -> SiteOutput:
    """Render `course` from `project` into pages, assets and navigation."""
    with _loaded_objects_frozen():
        return _generate(project, course, settings)


@contextmanager
def _loaded_objects_frozen() -> Iterator[None]:
    """Keep the garbage collector off the objects that exist now (the loaded project, imported modules).

    Rendering makes many short-lived objects, so the collector runs often, and each full collection
    walked the whole loaded course again: a quarter of the render time for 10,000 questions, growing
    faster than the course (bench part b). Frozen objects are still freed when nothing refers to them.
    """
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _generate(project: Project, course: Course, settings: RenderSettings) -> SiteOutput:
    ctx = RenderContext.create(project, course, settings)

    # Home, then lessons: sections, blocks, objectives and key points, with links to practice.
    pages = [build_home_page(ctx)]
    pages += [build_lesson_page(ctx, n, lesson) for n, lesson in enumerate(ctx.lessons, 1)]

    # Quizzes: server-rendered questions plus the key the runtime grades with.
    pages += build_quiz_pages(ctx)

    # The final exam and its certificate, when the course has one.
    pages += build_exam_pages(ctx)

    # Drills: one per rule-based scheme with a cue bank that the course's exercises use.
    drills = drill_schemes(ctx)
    pages += [build_drill_page(ctx, project.schemes[s]) for s in drills]

    # Glossary and progress.
    if ctx.has_glossary:
        pages.append(build_glossary_page(ctx))
    pages.append(build_progress_page(ctx))

    # Assets: the runtime and the JSON Schemas for editors; then the navigation.
    assets = {f"{ASSET_DIR}/{name}": built(name) for name in RUNTIME_FILES}
    assets[PRINT_CSS] = resources.files("generator").joinpath("runtime", "print.css").read_bytes()
    if ctx.instructor:
        assets[INSTRUCTOR_CSS] = resources.files("generator").joinpath("runtime", "instructor.css").read_bytes()
    assets |= {f"schema/{name}": data for name, data in schemas().items()}
    # The pictures the pages show, and only those (checked to exist when the content was loaded).
    if project.images_dir is not None:
        for name in sorted(ctx.links.images):
            assets[name] = (project.images_dir / name.removeprefix("images/")).read_bytes()
    title = course.title + (edition_strings(settings.language)["title_suffix"] if ctx.instructor else "")
    return SiteOutput(
        title=chrome_title(title),
        pages=pages,
        assets=assets,
        nav=build_nav(ctx, drills),
        warnings=list(project.warnings),
    )
