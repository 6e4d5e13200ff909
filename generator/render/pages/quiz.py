"""Quiz pages: server-rendered questions plus the key the runtime grades with."""

from __future__ import annotations

from ...errors import ContentErrors
from ...model import Classify, Dialogue, Quiz
from ...model.answerkey import QuizConfig
from ..answers import answer_views
from ..context import GeneratedPage, RenderContext
from ..edition import edition_strings
from ..markdown import model_texts
from ..marks import MarkError
from ..quizview import STORAGE_VERSION, question_views, storage_key
from ..scheme import scheme_about
from ..urls import lesson_path, quiz_path


def build_quiz_pages(ctx: RenderContext) -> list[GeneratedPage]:
    """Every quiz of the course; blanks or cues that cannot be placed are reported all together."""
    pages, errors = [], []
    for quiz in ctx.quizzes:
        try:
            pages.append(build_quiz_page(ctx, quiz))
        except MarkError as exc:
            where = ctx.project.where[exc.question]
            errors.append(where.source.error((*where.prefix[:-1], *exc.loc), exc.message))
    if errors:
        raise ContentErrors(errors)
    return pages


def build_quiz_page(ctx: RenderContext, quiz: Quiz) -> GeneratedPage:
    """One quiz page (raises MarkError for a blank or cue outside the question's text)."""
    path = ctx.at(quiz_path(quiz))
    ctx.quiz_md.prime(model_texts(quiz))
    # A dialogue's replies may practise skills of their own: they count towards mastery too.
    tags = [s for q in quiz.questions for s in (q.all_skills() if isinstance(q, Dialogue) else q.skills)]
    skills = ctx.skill_names(tags)
    views, keys = question_views(quiz, ctx.quiz_md, ctx.project.schemes, ctx.text, ctx.settings.language, skills)
    lesson = ctx.project.lessons[quiz.lesson]
    # The instructor edition keeps the page's order, so letters match its answer key.
    config = QuizConfig(
        id=quiz.id,
        key=storage_key(quiz.id),
        version=STORAGE_VERSION,
        mode=quiz.mode,
        pass_mark=quiz.pass_mark,
        draw=quiz.draw,
        shuffle_questions=quiz.shuffle_questions and not ctx.instructor,
        shuffle_options=quiz.shuffle_options and not ctx.instructor,
        questions=keys,
        skills=skills,
        blueprint=None,
    )
    # Each scheme the quiz's exercises use is explained once, above the questions.
    used = dict.fromkeys(q.scheme for q in quiz.questions if isinstance(q, Classify))
    schemes = [a for s in used if (a := scheme_about(ctx.project.schemes[s], ctx.quiz_md)) is not None]
    markdown = ctx.render(
        "quiz.md.j2",
        quiz=quiz,
        questions=views,
        intro=ctx.quiz_md.block(quiz.intro),
        lesson_href=ctx.link(lesson_path(lesson), path),
        lesson=lesson,
        config=config.model_dump(mode="json", by_alias=True),
        schemes=schemes,
        # A page with a conversation loads the quiz runtime that carries it; the others stay small.
        runtime=ctx.widget_files(path, "dialogue" if any(isinstance(q, Dialogue) for q in quiz.questions) else "quiz"),
        answers=answer_views(
            views,
            {q: k.model_dump(mode="json", by_alias=True) for q, k in keys.items()},
            ctx.text,
            edition_strings(ctx.settings.language),
        )
        if ctx.instructor
        else {},
    )
    return GeneratedPage(path, quiz.title, markdown, widget=True)
