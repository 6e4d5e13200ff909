"""The course as its LMS adapter sees it (model.lms.LmsCourse): lessons, quizzes with their answer keys, the
completion rule. Made by the core, from the same answer keys the quiz pages are built with."""

from __future__ import annotations

import hashlib
import json
from statistics import mean
from typing import Literal

from ..model import Classify, Course, Quiz
from ..model.lms import LmsAttribute, LmsCourse, LmsLesson, LmsQuestion, LmsQuiz, LmsScheme
from ..model.project import Project
from ..render.context import RenderContext, RenderSettings
from ..render.markdown import model_texts
from ..render.pages.exam import exam_quiz
from ..render.pages.progress import question_summary
from ..render.quizview import STORAGE_VERSION, question_views, storage_key
from ..render.urls import EXAM, lesson_path, page_url, quiz_path

#: Most characters of suspend_data: SCORM 1.2's CMIString4096, SCORM 2004 4th edition's 64,000.
SUSPEND_LIMITS = {"1.2": 4_096, "2004": 64_000}


def lms_course(
    project: Project, course: Course, settings: RenderSettings, standard: Literal["1.2", "2004"], pages: list[str]
) -> LmsCourse:
    """What the launch page tells the adapter; `pages` are the package's pages, relative to its root."""
    ctx = RenderContext.create(project, course, settings)
    rule = course.completion
    # The final exam is one more quiz to the LMS, on its own page; "all" counts it too.
    exam = [(exam_quiz(ctx, course.final_exam), EXAM)] if course.final_exam else []
    graded = [(quiz, quiz_path(quiz)) for quiz in ctx.quizzes] + exam
    counted = {q.id for q, _ in graded} if rule.quizzes == "all" else set(rule.quizzes)
    quizzes = [_quiz(ctx, quiz, quiz.id in counted, path) for quiz, path in graded]
    marks = [q.pass_mark for q, _ in graded if q.id in counted]
    schemes = {q.scheme for quiz in ctx.quizzes for q in quiz.questions if isinstance(q, Classify)}
    return LmsCourse(
        standard=standard,
        version=STORAGE_VERSION,
        start="index.html",  # the home page (page_url names it "" as a link target)
        pages=pages,
        lessons=[
            LmsLesson(
                id=lesson.id,
                href=page_url(lesson_path(lesson), False),
                required=rule.lessons == "all" or lesson.id in rule.lessons,
            )
            for lesson in ctx.lessons
        ],
        quizzes=quizzes,
        schemes={s: _scheme(project, s) for s in sorted(schemes)},
        pass_mark=(rule.pass_mark if rule.pass_mark is not None else round(mean(marks))) if marks else None,
        limit=SUSPEND_LIMITS[standard],
    )


def _quiz(ctx: RenderContext, quiz: Quiz, counted: bool, path: str) -> LmsQuiz:
    ctx.quiz_md.prime(model_texts(quiz))
    skills = ctx.skill_names([s for q in quiz.questions for s in q.skills])
    _, keys = question_views(quiz, ctx.quiz_md, ctx.project.schemes, ctx.text, ctx.settings.language, skills)
    return LmsQuiz(
        id=quiz.id,
        key=storage_key(quiz.id),
        href=page_url(path, False),
        pass_mark=quiz.pass_mark,
        counted=counted,
        shape=quiz_shape(quiz),
        questions=[
            LmsQuestion(
                id=q.id,
                text=question_summary(q, ctx.quiz_md),
                key=keys[q.id],
                scheme=q.scheme if isinstance(q, Classify) else None,
            )
            for q in quiz.questions
        ],
    )


def _scheme(project: Project, scheme_id: str) -> LmsScheme:
    scheme = project.schemes[scheme_id]
    # Judgment schemes ask for the class (and action) only: their answers name no attribute values.
    attributes = scheme.attributes if scheme.kind == "rules" else []
    return LmsScheme(
        attributes=[LmsAttribute(id=a.id, values=[v.id for v in a.values]) for a in attributes],
        classes=[c.id for c in scheme.classes],
    )


def quiz_shape(quiz: Quiz) -> str:
    """Three characters that change when a question is added, removed, moved, retyped or resized.

    Answers are saved by position (SCORM 1.2 leaves little room), so saved answers are restored only into
    a quiz of the same shape. Editing text keeps them; so does reordering a question's options, after
    which a saved answer names other options (docs/lms.md: change a live course's options with care).
    """
    sizes = ("options", "blanks", "items", "pairs", "distractors", "categories")
    shape = [
        [q.id, q.type, getattr(q, "scheme", None), *(len(getattr(q, name, ())) for name in sizes)]
        for q in quiz.questions
    ]
    digest = int(hashlib.sha256(json.dumps([quiz.id, shape]).encode()).hexdigest(), 16)
    return _base36(digest % 36**3).rjust(3, "0")


def _base36(n: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while n:
        n, d = divmod(n, 36)
        out = digits[d] + out
    return out or "0"
