"""What every page builder shares: the course, its content, the Markdown renderers, the templates."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from jinja2 import Environment
from markupsafe import Markup

from ..errors import ContentError, ContentErrors
from ..model import Course, Lesson, Quiz
from ..model.assemble import course_lessons, course_quizzes
from ..model.course import skill_name
from ..model.project import Project
from .assets import DIALOGUE_CSS, WIDGET_CSS, WIDGET_SCRIPTS, WIDGET_STYLES, asset_url, widget_css
from .edition import edition_strings
from .env import check_overrides, make_env, template_error
from .i18n import strings
from .links import Links, glossary_anchors
from .markdown import DEFAULT_CONFIGS, DEFAULT_EXTENSIONS, MarkdownRenderer
from .urls import lesson_path, quiz_path, relative_url


@dataclass(frozen=True)
class RenderSettings:
    """How to render: the site's language, Markdown pipeline and template overrides."""

    language: str = "zh"
    markdown_extensions: list[Any] = field(default_factory=lambda: list(DEFAULT_EXTENSIONS))
    markdown_configs: dict[str, dict[str, Any]] = field(default_factory=lambda: dict(DEFAULT_CONFIGS))
    templates_dir: Path | None = None
    use_directory_urls: bool = True
    #: "instructor" adds answers, answer keys and facilitator notes; "trainee" (the default) never does.
    edition: Literal["trainee", "instructor"] = "trainee"
    #: Include lessons and quizzes marked `draft: true` (the live preview does; builds do not).
    drafts: bool = False


@dataclass(frozen=True)
class GeneratedPage:
    """One Markdown page of the site, at `path` relative to the docs root."""

    path: str
    title: str
    markdown: str
    #: A quiz, drill or progress page: its text is controls, answers and explanations, which a site
    #: search should not offer (MkDocs skips the marked blocks; an engine without that skips the page).
    widget: bool = False


@dataclass
class SiteOutput:
    """What a build produces besides hand-written pages."""

    title: str
    pages: list[GeneratedPage]
    assets: dict[str, bytes]
    nav: list[Any]
    #: Problems that did not stop the build (broken files the course does not use, drafts left out).
    warnings: list[ContentError] = field(default_factory=list)


@dataclass
class RenderContext:
    """The course being rendered and the tools to render it, built once per build."""

    project: Project
    course: Course
    settings: RenderSettings
    text: dict[str, str]
    env: Environment
    lesson_md: MarkdownRenderer
    quiz_md: MarkdownRenderer
    lessons: list[Lesson]
    quizzes: list[Quiz]
    links: Links

    @classmethod
    def create(cls, project: Project, course: Course, settings: RenderSettings) -> RenderContext:
        """Select the course's content and set up templates and Markdown for it."""
        glossary = (
            {name: t.definition for t in project.terms for name in (t.term, *t.aliases)} if course.glossary else {}
        )
        extensions, configs = settings.markdown_extensions, settings.markdown_configs
        env = make_env(settings.templates_dir)
        # Overrides are the instructor's own Jinja: report every one that does not compile, by file and
        # line, before rendering anything.
        broken = check_overrides(env, settings.templates_dir, project.root)
        if broken:
            raise ContentErrors(broken)
        lessons = course_lessons(project, course, settings.drafts)
        quizzes = course_quizzes(project, course, settings.drafts)
        links = Links(
            pages={f"lesson:{x.id}": lesson_path(x) for x in lessons} | {f"quiz:{q.id}": quiz_path(q) for q in quizzes},
            terms=glossary_anchors(project.terms) if course.glossary and project.terms else {},
            use_directory_urls=settings.use_directory_urls,
        )
        return cls(
            project=project,
            course=course,
            settings=settings,
            text=strings(settings.language),
            env=env,
            # Glossary terms become tooltips in lessons only; in a quiz they could give answers away.
            lesson_md=MarkdownRenderer(extensions, configs, glossary, links),
            quiz_md=MarkdownRenderer(extensions, configs, links=links),
            lessons=lessons,
            quizzes=quizzes,
            links=links,
        )

    def at(self, page: str) -> str:
        """Render what follows for the page at Markdown path `page` (links and pictures are relative to it)."""
        self.links.page = page
        return page

    @property
    def has_glossary(self) -> bool:
        """Whether the course shows a glossary page."""
        return self.course.glossary and bool(self.project.terms)

    def link(self, target: str, source: str) -> str:
        """A relative link from page `source` to page `target`."""
        return relative_url(target, source, self.settings.use_directory_urls)

    @property
    def instructor(self) -> bool:
        """Whether this is the instructor edition (answers and facilitator notes shown)."""
        return self.settings.edition == "instructor"

    def widget_files(self, source: str, kind: str) -> dict[str, str]:
        """For page `source`, with a widget of this kind: the widgets' stylesheet ("css", to write into the
        page) and the link to its script ("js")."""
        # Markup: the stylesheet is the runtime's own build output (widget_css() checks it cannot close
        # the <style> element), not author text.
        css = widget_css(WIDGET_STYLES.get(kind, WIDGET_CSS)) + (widget_css(DIALOGUE_CSS) if kind == "dialogue" else "")
        return {
            "kind": kind,
            "css": Markup(css),
            "js": asset_url(WIDGET_SCRIPTS[kind], source, self.settings.use_directory_urls),
        }

    def skill_names(self, skills: list[str] | None = None) -> dict[str, str]:
        """Display names of `skills` (default: every skill the course declares) in the site's language."""
        wanted = self.course.skills if skills is None else dict.fromkeys(skills)
        return {s: skill_name(self.course, s, self.settings.language) for s in wanted}

    def quizzes_of(self, lesson: Lesson) -> list[Quiz]:
        """The course's quizzes that practise `lesson`, in course order."""
        return [q for q in self.quizzes if q.lesson == lesson.id]

    def render(self, template: str, **values: Any) -> str:
        """Render a page template with the shared values (strings, course, language).

        Raises:
            ContentErrors: an override template failed (an undefined variable, a missing include, …),
                named by file and line.
        """
        try:
            return self.env.get_template(template).render(
                t=self.text,
                course=self.course,
                language=self.settings.language,
                edition=self.settings.edition,
                ti=edition_strings(self.settings.language),
                **values,
            )
        except Exception as exc:
            error = template_error(exc, self.settings.templates_dir, self.project.root)
            if error is None:
                raise  # not in an override: the generator's own bug, with its traceback
            raise ContentErrors([error]) from None
