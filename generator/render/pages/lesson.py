"""Lesson pages: sections with their blocks, objectives, key points and links to practice."""

from __future__ import annotations

from dataclasses import dataclass

from ...model import Lesson
from ..blocks import BlockView, block_view
from ..context import GeneratedPage, RenderContext
from ..facilitator import NotesView, lesson_notes, notes_view
from ..markdown import model_texts
from ..urls import lesson_path, quiz_path


@dataclass(frozen=True)
class SectionView:
    id: str
    title: str
    body: str
    blocks: list[BlockView]
    #: Facilitator notes of the section (instructor edition only).
    notes: NotesView | None = None


@dataclass(frozen=True)
class PracticeLink:
    title: str
    href: str
    count: int


def build_lesson_page(ctx: RenderContext, number: int, lesson: Lesson) -> GeneratedPage:
    """The page of the `number`-th lesson of the course."""
    md, path = ctx.lesson_md, ctx.at(lesson_path(lesson))
    md.prime(model_texts(lesson))
    sections = [
        SectionView(
            id=s.id or f"s{n}",
            title=s.title,
            body=md.block(s.body),
            blocks=[block_view(b, md, f"{lesson.id}-{n}-{m}") for m, b in enumerate(s.blocks)],
            notes=notes_view(s.facilitator, md) if ctx.instructor else None,
        )
        for n, s in enumerate(lesson.sections, 1)
    ]
    # Facilitator notes reach the page only in the instructor edition; the trainee page never has them.
    notes, _, timing_total = lesson_notes(lesson, md) if ctx.instructor else (None, [], None)
    practice = [PracticeLink(q.title, ctx.link(quiz_path(q), path), len(q.questions)) for q in ctx.quizzes_of(lesson)]
    markdown = ctx.render(
        "lesson.md.j2",
        lesson=lesson,
        number=number,
        sections=sections,
        practice=practice,
        summary=md.block(lesson.summary),
        key_points=[md.inline(k) for k in lesson.key_points],
        objectives=[md.inline(o.text) for o in lesson.objectives],
        notes=notes,
        timing_total=timing_total,
    )
    return GeneratedPage(path, lesson.title, markdown)
