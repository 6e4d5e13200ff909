"""The site navigation: home, each lesson with its quizzes and drills, glossary, progress."""

from __future__ import annotations

from typing import Any

from .context import RenderContext
from .exam_text import exam_strings
from .pages.drill import drill_title
from .pages.exam import exam_title
from .urls import CERTIFICATE, EXAM, GLOSSARY, HOME, PROGRESS, chrome_title, drill_path, lesson_path, quiz_path


def build_nav(ctx: RenderContext, drills: dict[str, str]) -> list[Any]:
    """MkDocs-style nav (a list of {title: path or children}); `drills` maps scheme -> lesson."""
    e = chrome_title
    nav: list[Any] = [{e(ctx.text["home"]): HOME}]
    for n, lesson in enumerate(ctx.lessons, 1):
        children: list[Any] = [{e(lesson.title): lesson_path(lesson)}]
        children += [{e(q.title): quiz_path(q)} for q in ctx.quizzes_of(lesson)]
        children += [
            {e(drill_title(ctx, ctx.project.schemes[s])): drill_path(s)} for s, at in drills.items() if at == lesson.id
        ]
        nav.append({f"{n}. {e(lesson.title)}": children})
    if ctx.course.final_exam is not None:  # after the last lesson, as in the course
        nav.append({e(exam_title(ctx, ctx.course.final_exam)): EXAM})
        nav.append({exam_strings(ctx.settings.language)["certificate_title"]: CERTIFICATE})
    if ctx.has_glossary:
        nav.append({ctx.text["glossary"]: GLOSSARY})
    nav.append({ctx.text["progress_title"]: PROGRESS})
    return nav
