"""The progress page: the course's structure, which the runtime fills with the trainee's results."""

from __future__ import annotations

from ...model import BLANK, Dialogue
from ...model.answerkey import Outline, OutlineLesson, OutlineQuestion, OutlineQuiz
from ...model.question import Question
from ..context import GeneratedPage, RenderContext
from ..markdown import MarkdownRenderer
from ..quizview import STORAGE_VERSION, storage_key
from ..urls import EXAM, PROGRESS, lesson_path, quiz_path
from .exam import exam_quiz


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
                    OutlineQuestion(
                        id=x.id, text=question_summary(x, ctx.quiz_md), skills=skills_of(x), points=x.points
                    )
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
    outline = Outline(version=STORAGE_VERSION, lessons=lessons, exam=_exam(ctx), skills=ctx.skill_names())
    return GeneratedPage(
        PROGRESS,
        ctx.text["progress_title"],
        ctx.render(
            "progress.md.j2", outline=outline.model_dump(mode="json"), runtime=ctx.widget_files(PROGRESS, "progress")
        ),
        widget=True,
    )


def _exam(ctx: RenderContext) -> OutlineQuiz | None:
    """The final exam's row: its best score and state, like a quiz's; its mistakes join the review list."""
    exam = ctx.course.final_exam
    if exam is None:
        return None
    quiz = exam_quiz(ctx, exam)
    return OutlineQuiz(
        id=exam.id,
        title=quiz.title,
        key=storage_key(exam.id),
        pass_mark=exam.pass_mark,
        href=ctx.link(EXAM, PROGRESS),
        asked=exam.blueprint.per_lesson * len(ctx.lessons),
        questions=[
            OutlineQuestion(id=x.id, text=question_summary(x, ctx.quiz_md), skills=x.skills, points=x.points)
            for x in quiz.questions
        ],
    )


def skills_of(question: Question) -> list[str]:
    """The skills a question counts towards: a dialogue's replies may add their own, as on its quiz page."""
    return question.all_skills() if isinstance(question, Dialogue) else question.skills


def question_summary(question: Question, md: MarkdownRenderer) -> str:
    """A short plain-text line naming a question on the progress page."""
    return md.plain(summary_source(question))[:80]


def summary_source(question: Question) -> str:
    """The Markdown a question's summary line is made from."""
    text = question.prompt or getattr(question, "scenario", "") or question.id
    return text.replace(BLANK, "____")
