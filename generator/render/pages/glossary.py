"""The glossary page: every term once, with the lesson that introduces it."""

from __future__ import annotations

from dataclasses import dataclass

from ...model import Lesson
from ..context import GeneratedPage, RenderContext
from ..links import glossary_order
from ..urls import GLOSSARY, lesson_path


@dataclass(frozen=True)
class TermRow:
    anchor: str
    term: str
    definition: str
    aliases: list[str]
    lesson: Lesson | None
    href: str | None


def build_glossary_page(ctx: RenderContext) -> GeneratedPage:
    """The glossary, sorted by term; a term's lesson is linked when the course includes it."""
    ctx.at(GLOSSARY)
    rows = []
    shown = {lesson.id: lesson for lesson in ctx.lessons}  # drafts left out of a build are not linked
    for anchor, term in glossary_order(ctx.project.terms):
        lesson = shown.get(term.lesson or "")
        href = ctx.link(lesson_path(lesson), GLOSSARY) if lesson else None
        rows.append(TermRow(anchor, term.term, term.definition, term.aliases, lesson, href))
    return GeneratedPage(GLOSSARY, ctx.text["glossary"], ctx.render("glossary.md.j2", terms=rows))
