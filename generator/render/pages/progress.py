"""The progress page: the course's structure, which the runtime fills with the trainee's results."""

from __future__ import annotations

from typing import TypedDict

from ...model import BLANK
from ...model.question import Question
from ..context import GeneratedPage, RenderContext
from ..markdown import MarkdownRenderer
from ..quizview import STORAGE_VERSION, storage_key
from ..urls import PROGRESS, lesson_path, quiz_path


class OutlineQuestion(TypedDict):
    id: str
    text: str
    skills: list[str]
    points: float


#: A quiz in the outline ("pass" is a Python keyword, hence the functional form).
OutlineQuiz = TypedDict("OutlineQuiz", {
    "id": str, "title": str, "key": str, "pass": int, "href": str, "questions": list[OutlineQuestion],
})


class OutlineLesson(TypedDict):
    id: str
    title: str
    href: str
    quizzes: list[OutlineQuiz]


def build_progress_page(ctx: RenderContext) -> GeneratedPage:
    """The progress page and its outline (JSON the runtime reads; its shape is shared with quiz.js)."""
    lessons: list[OutlineLesson] = []
    ctx.quiz_md.prime(summary_source(x) for quiz in ctx.quizzes for x in quiz.questions)
    for lesson in ctx.lessons:
        quizzes = [
            OutlineQuiz({"id": q.id, "title": q.title, "key": storage_key(q.id), "pass": q.pass_mark,
                         "href": ctx.link(quiz_path(q), PROGRESS),
                         "questions": [OutlineQuestion(id=x.id, text=question_summary(x, ctx.quiz_md), skills=x.skills,
                                                       points=x.points) for x in q.questions]})
            for q in ctx.quizzes_of(lesson)
        ]
        lessons.append(OutlineLesson(id=lesson.id, title=lesson.title, href=ctx.link(lesson_path(lesson), PROGRESS),
                                     quizzes=quizzes))
    outline = {"version": STORAGE_VERSION, "lessons": lessons}
    return GeneratedPage(PROGRESS, ctx.text["progress_title"], ctx.render("progress.md.j2", outline=outline))


def question_summary(question: Question, md: MarkdownRenderer) -> str:
    """A short plain-text line naming a question on the progress page."""
    return md.plain(summary_source(question))[:80]


def summary_source(question: Question) -> str:
    """The Markdown a question's summary line is made from."""
    text = question.prompt or getattr(question, "scenario", "") or question.id
    return text.replace(BLANK, "____")
