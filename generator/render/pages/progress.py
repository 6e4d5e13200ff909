"""The progress page: the course's structure, which the runtime fills with the trainee's results."""

from __future__ import annotations

from ...model import BLANK
from ...model.answerkey import Outline, OutlineLesson, OutlineQuestion, OutlineQuiz
from ...model.question import Question
from ..context import GeneratedPage, RenderContext
from ..markdown import MarkdownRenderer
from ..quizview import STORAGE_VERSION, storage_key
from ..urls import PROGRESS, lesson_path, quiz_path


def build_progress_page(ctx: RenderContext) -> GeneratedPage:
    """The progress page and its outline (JSON the runtime reads; typed in model.answerkey)."""
    ctx.at(PROGRESS)
    lessons: list[OutlineLesson] = []
    ctx.quiz_md.prime(summary_source(x) for quiz in ctx.quizzes for x in quiz.questions)
    for lesson in ctx.lessons:
        quizzes = [
            OutlineQuiz(
                id=q.id,
                title=q.title,
                key=storage_key(q.id),
                pass_mark=q.pass_mark,
                href=ctx.link(quiz_path(q), PROGRESS),
                asked=q.draw or len(q.questions),
                questions=[
                    OutlineQuestion(id=x.id, text=question_summary(x, ctx.quiz_md), skills=x.skills, points=x.points)
                    for x in q.questions
                ],
            )
            for q in ctx.quizzes_of(lesson)
        ]
        lessons.append(
            OutlineLesson(
                id=lesson.id, title=lesson.title, href=ctx.link(lesson_path(lesson), PROGRESS), quizzes=quizzes
            )
        )
    outline = Outline(version=STORAGE_VERSION, lessons=lessons, skills=ctx.skill_names())
    return GeneratedPage(
        PROGRESS,
        ctx.text["progress_title"],
        ctx.render(
            "progress.md.j2", outline=outline.model_dump(mode="json"), runtime=ctx.widget_files(PROGRESS, "progress")
        ),
    )


def question_summary(question: Question, md: MarkdownRenderer) -> str:
    """A short plain-text line naming a question on the progress page."""
    return md.plain(summary_source(question))[:80]


def summary_source(question: Question) -> str:
    """The Markdown a question's summary line is made from."""
    text = question.prompt or getattr(question, "scenario", "") or question.id
    return text.replace(BLANK, "____")
