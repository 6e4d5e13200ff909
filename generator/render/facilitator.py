"""Facilitator notes as template values (instructor edition and answer-key PDF only)."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Lesson
from ..model.facilitator import Activity, FacilitatorNotes, timing_total
from .markdown import MarkdownRenderer


@dataclass(frozen=True)
class TimingRow:
    minutes: int
    activity: str


@dataclass(frozen=True)
class RoleView:
    name: str
    brief: str


@dataclass(frozen=True)
class ActivityView:
    title: str
    kind: str
    minutes: int | None
    goal: str
    setup: str
    roles: list[RoleView]
    steps: list[str]
    checklist: list[str]
    debrief: list[str]


@dataclass(frozen=True)
class NotesView:
    """One block of facilitator notes, every Markdown field rendered to HTML."""

    timing: list[TimingRow]
    discussion: list[str]
    activities: list[ActivityView]
    mistakes: list[str]
    materials: list[str]
    notes: str


@dataclass(frozen=True)
class SectionNotes:
    """A section's notes with the section's title and anchor, for pages that list them apart."""

    id: str
    title: str
    notes: NotesView


def notes_view(notes: FacilitatorNotes | None, md: MarkdownRenderer) -> NotesView | None:
    """The template values of `notes`, or None when there are none."""
    if notes is None:
        return None
    return NotesView(
        timing=[TimingRow(t.minutes, md.inline(t.activity)) for t in notes.timing],
        discussion=[md.block(d) for d in notes.discussion],
        activities=[_activity(a, md) for a in notes.activities],
        mistakes=[md.block(m) for m in notes.mistakes],
        materials=[md.inline(m) for m in notes.materials],
        notes=md.block(notes.notes),
    )


def _activity(activity: Activity, md: MarkdownRenderer) -> ActivityView:
    return ActivityView(
        title=activity.title,
        kind=activity.kind,
        minutes=activity.minutes,
        goal=md.block(activity.goal),
        setup=md.block(activity.setup),
        roles=[RoleView(r.name, md.block(r.brief)) for r in activity.roles],
        steps=[md.block(s) for s in activity.steps],
        checklist=[md.inline(c) for c in activity.observer_checklist],
        debrief=[md.block(d) for d in activity.debrief],
    )


def section_id(lesson: Lesson, number: int) -> str:
    """The anchor of the `number`-th section (1-based), as the lesson page writes it."""
    section = lesson.sections[number - 1]
    return section.id or f"s{number}"


def lesson_notes(lesson: Lesson, md: MarkdownRenderer) -> tuple[NotesView | None, list[SectionNotes], int | None]:
    """A lesson's own notes, its sections' notes in order, and the total of its timing plan."""
    sections = [
        SectionNotes(section_id(lesson, n), s.title, view)
        for n, s in enumerate(lesson.sections, 1)
        if (view := notes_view(s.facilitator, md)) is not None
    ]
    total = timing_total(lesson.facilitator, [s.facilitator for s in lesson.sections])
    return notes_view(lesson.facilitator, md), sections, total
