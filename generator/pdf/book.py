"""The two books, composed from the core's pages: the trainee workbook and the instructor's answer key.

Each chapter is one generated page (a lesson, a quiz, the glossary) turned into HTML by the same
Markdown extensions as the site, or, for facilitator notes, the instructor edition's own notes
template. Nothing is rewritten: the workbook is the trainee edition's pages and the answer key
the instructor edition's, so a PDF can show no answer the site would not.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

import markdown

from ..render.context import RenderContext, SiteOutput
from ..render.edition import edition_strings
from ..render.facilitator import lesson_notes
from ..render.urls import GLOSSARY, lesson_path, quiz_path

#: Extensions that only serve a screen (permalink anchors) or a site (snippets from docs/).
_SCREEN_ONLY = {"toc", "pymdownx.snippets"}


@dataclass(frozen=True)
class Chapter:
    """One chapter: its anchor, its title in the contents, its depth there, its HTML."""

    id: str
    title: str
    level: int
    kind: str
    html: str


@dataclass(frozen=True)
class Book:
    kind: Literal["workbook", "answer-key"]
    subtitle: str
    intro: str
    chapters: list[Chapter]
    stylesheets: list[str]


class PageHtml:
    """Generated Markdown pages to HTML, with the extensions the site's pages use."""

    def __init__(self, ctx: RenderContext, output: SiteOutput) -> None:
        settings = ctx.settings
        names = [e for e in settings.markdown_extensions if not (isinstance(e, str) and e in _SCREEN_ONLY)]
        configs = {k: v for k, v in settings.markdown_configs.items() if k not in _SCREEN_ONLY}
        self._md = markdown.Markdown(extensions=names, extension_configs=configs)
        self._pages = {page.path: page.markdown for page in output.pages}

    def __call__(self, path: str) -> str:
        self._md.reset()
        return self._md.convert(self._pages[path])


def workbook(ctx: RenderContext, output: SiteOutput, stylesheets: list[str]) -> Book:
    """Every lesson followed by its quizzes as worksheets, then the glossary (trainee edition)."""
    html = PageHtml(ctx, output)
    labels = edition_strings(ctx.settings.language)
    chapters: list[Chapter] = []
    for n, lesson in enumerate(ctx.lessons, 1):
        chapters.append(
            Chapter(
                f"lesson-{n}",
                f"{labels['lesson_n'].format(n=n)} {lesson.title}",
                1,
                "lesson",
                html(lesson_path(lesson)),
            )
        )
        chapters += [
            Chapter(f"quiz-{n}-{m}", quiz.title, 2, "quiz", html(quiz_path(quiz)))
            for m, quiz in enumerate(ctx.quizzes_of(lesson), 1)
        ]
    if ctx.has_glossary:
        chapters.append(Chapter("glossary", labels["glossary_chapter"], 1, "glossary", html(GLOSSARY)))
    return Book("workbook", labels["workbook"], ctx.lesson_md.block(ctx.course.intro), chapters, stylesheets)


def answer_key(ctx: RenderContext, output: SiteOutput, stylesheets: list[str]) -> Book:
    """Per lesson: its facilitator notes, then its quizzes with answer keys and worked solutions."""
    if not ctx.instructor:
        raise ValueError("the answer key is made from the instructor edition")
    html = PageHtml(ctx, output)
    labels = edition_strings(ctx.settings.language)
    chapters: list[Chapter] = []
    for n, lesson in enumerate(ctx.lessons, 1):
        notes, sections, total = lesson_notes(lesson, ctx.lesson_md)
        title = f"{labels['lesson_n'].format(n=n)} {lesson.title}"
        chapters.append(
            Chapter(
                f"notes-{n}",
                title,
                1,
                "notes",
                ctx.render(
                    "pdf/notes_chapter.html.j2",
                    lesson=lesson,
                    title=title,
                    notes=notes,
                    sections=sections,
                    timing_total=total,
                ),
            )
        )
        chapters += [
            Chapter(f"quiz-{n}-{m}", quiz.title, 2, "quiz", html(quiz_path(quiz)))
            for m, quiz in enumerate(ctx.quizzes_of(lesson), 1)
        ]
    return Book("answer-key", labels["answer_book"], "", chapters, stylesheets)


def render_book(ctx: RenderContext, book: Book, pages: dict[str, int]) -> str:
    """The book's HTML; `pages` (chapter id -> page) fills the contents, placeholders when empty."""
    values: dict[str, Any] = {"book": book, "pages": pages}
    return ctx.render("pdf/book.html.j2", **values)
