"""The course home page: the course intro and the learning path."""

from __future__ import annotations

from dataclasses import dataclass

from ...model import Lesson
from ..context import GeneratedPage, RenderContext
from ..exam_text import exam_strings
from ..urls import CERTIFICATE, EXAM, GLOSSARY, HOME, PROGRESS, lesson_path, quiz_path
from .exam import exam_title


@dataclass(frozen=True)
class QuizLink:
    title: str
    href: str


@dataclass(frozen=True)
class PathRow:
    number: int
    lesson: Lesson
    href: str
    quizzes: list[QuizLink]


@dataclass(frozen=True)
class ExamLink:
    title: str
    href: str
    certificate_title: str
    certificate_href: str


def _exam_link(ctx: RenderContext) -> ExamLink | None:
    """The final exam and its certificate, at the end of the learning path."""
    exam = ctx.course.final_exam
    if exam is None:
        return None
    return ExamLink(
        exam_title(ctx, exam),
        ctx.link(EXAM, HOME),
        exam_strings(ctx.settings.language)["certificate_title"],
        ctx.link(CERTIFICATE, HOME),
    )


def build_home_page(ctx: RenderContext) -> GeneratedPage:
    """The home page, titled after the course."""
    ctx.at(HOME)
    rows = [
        PathRow(
            n,
            lesson,
            ctx.link(lesson_path(lesson), HOME),
            [QuizLink(q.title, ctx.link(quiz_path(q), HOME)) for q in ctx.quizzes_of(lesson)],
        )
        for n, lesson in enumerate(ctx.lessons, 1)
    ]
    markdown = ctx.render(
        "home.md.j2",
        intro=ctx.lesson_md.block(ctx.course.intro),
        rows=rows,
        total=sum(lesson.minutes for lesson in ctx.lessons),
        progress_href=ctx.link(PROGRESS, HOME),
        glossary_href=ctx.link(GLOSSARY, HOME) if ctx.has_glossary else None,
        exam=_exam_link(ctx),
    )
    return GeneratedPage(HOME, ctx.course.title, markdown)
