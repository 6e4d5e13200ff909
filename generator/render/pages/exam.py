"""The final exam page (the eligible pool, drawn from per attempt) and the certificate page."""

from __future__ import annotations

from ...model import Classify, MultipleResponse, Question, Quiz
from ...model.answerkey import CertificateConfig, ExamDraw, QuizConfig
from ...model.assemble import exam_minimums, exam_pool
from ...model.exam import FinalExam
from ..answers import answer_views
from ..context import GeneratedPage, RenderContext
from ..edition import edition_strings
from ..exam_text import exam_strings
from ..markdown import model_texts
from ..quizview import STORAGE_VERSION, question_views, storage_key
from ..scheme import scheme_about
from ..urls import CERTIFICATE, EXAM


def exam_title(ctx: RenderContext, exam: FinalExam) -> str:
    """The exam's title: the author's, else 结业考试 / Final exam."""
    return exam.title or exam_strings(ctx.settings.language)["exam_title"]


def certificate_key(exam: FinalExam) -> str:
    """The localStorage key of the exam's pass, which the certificate page shows."""
    return f"cw:v{STORAGE_VERSION}:certificate:{exam.id}"


def exam_quiz(ctx: RenderContext, exam: FinalExam) -> Quiz:
    """The exam as one quiz in exam mode: every eligible question, in course order.

    A multiple-response question without its own scoring keeps its quiz's default, as on the quiz's page.
    """
    pool = exam_pool(ctx.project, ctx.course, exam, ctx.settings.drafts)
    quiz_of = {q.id: quiz for quiz in ctx.quizzes for q in quiz.questions}

    def as_in_its_quiz(q: Question) -> Question:
        if isinstance(q, MultipleResponse) and q.scoring is None:
            return q.model_copy(update={"scoring": quiz_of[q.id].scoring})
        return q

    return Quiz(
        id=exam.id,
        title=exam_title(ctx, exam),
        lesson=pool[0][0],
        intro=exam.intro,
        mode="exam",
        pass_mark=exam.pass_mark,
        questions=[as_in_its_quiz(q) for _, questions in pool for q in questions],
    )


def build_exam_pages(ctx: RenderContext) -> list[GeneratedPage]:
    """The exam page and the certificate page, when the course has a final exam."""
    exam = ctx.course.final_exam
    if exam is None:
        return []
    return [build_exam_page(ctx, exam), build_certificate_page(ctx, exam)]


def build_exam_page(ctx: RenderContext, exam: FinalExam) -> GeneratedPage:
    """The exam page: the whole eligible pool with its answer key; the runtime shows an attempt's draw only."""
    quiz = exam_quiz(ctx, exam)
    pool = exam_pool(ctx.project, ctx.course, exam, ctx.settings.drafts)
    ctx.quiz_md.prime(model_texts(quiz))
    skills = ctx.skill_names([s for q in quiz.questions for s in q.skills])
    views, keys = question_views(quiz, ctx.quiz_md, ctx.project.schemes, ctx.text, ctx.settings.language, skills)
    per = exam.blueprint.per_lesson
    config = QuizConfig(
        id=exam.id,
        key=storage_key(exam.id),
        version=STORAGE_VERSION,
        mode="exam",
        pass_mark=exam.pass_mark,
        # How many an attempt asks; the blueprint says which.
        draw=per * len(pool),
        shuffle_questions=False,
        shuffle_options=not ctx.instructor,
        questions=keys,
        skills=skills,
        blueprint=ExamDraw(
            per_lesson=per,
            groups=[[q.id for q in questions] for _, questions in pool],
            min=exam_minimums(exam, pool),
            certificate_key=certificate_key(exam),
        ),
    )
    used = dict.fromkeys(q.scheme for q in quiz.questions if isinstance(q, Classify))
    schemes = [a for s in used if (a := scheme_about(ctx.project.schemes[s], ctx.quiz_md)) is not None]
    markdown = ctx.render(
        "exam.md.j2",
        quiz=quiz,
        questions=views,
        intro=ctx.quiz_md.block(quiz.intro),
        x=exam_strings(ctx.settings.language),
        per=per,
        asked=per * len(pool),
        certificate_href=ctx.link(CERTIFICATE, EXAM),
        config=config.model_dump(mode="json", by_alias=True),
        schemes=schemes,
        runtime=ctx.widget_files(EXAM, "exam"),
        # Built hidden: the runtime shows the attempt's draw, so the pool never flashes up and nothing moves.
        hidden_questions=True,
        # The instructor edition shows each question's answer, as on its quiz's page.
        answers=answer_views(
            views,
            {q: k.model_dump(mode="json", by_alias=True) for q, k in keys.items()},
            ctx.text,
            edition_strings(ctx.settings.language),
        )
        if ctx.instructor
        else {},
    )
    return GeneratedPage(EXAM, quiz.title, markdown)


def build_certificate_page(ctx: RenderContext, exam: FinalExam) -> GeneratedPage:
    """The certificate page: what is needed, until the runtime finds a saved pass and shows the certificate."""
    x = exam_strings(ctx.settings.language)
    config = CertificateConfig(
        exam=exam.id,
        key=certificate_key(exam),
        name_key=f"cw:v{STORAGE_VERSION}:name",
        version=STORAGE_VERSION,
        pass_mark=exam.pass_mark,
    )
    markdown = ctx.render(
        "certificate.md.j2",
        x=x,
        exam=exam,
        exam_href=ctx.link(EXAM, CERTIFICATE),
        exam_title=exam_title(ctx, exam),
        config=config.model_dump(mode="json"),
        runtime=ctx.widget_files(CERTIFICATE, "certificate"),
    )
    return GeneratedPage(CERTIFICATE, x["certificate_title"], markdown)
