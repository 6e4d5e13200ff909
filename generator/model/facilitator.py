"""Facilitator notes: what the trainer needs to run a lesson in a room, never shown to trainees.

Notes hang off a lesson and off any of its sections. Only the instructor edition of the site and
the answer-key PDF render them; the trainee site, its search index and the workbook never do.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import Markdown, Model, Text


class TimingItem(Model):
    """One slot of the timing plan."""

    minutes: int = Field(ge=1, le=600, description="How long this slot takes.")
    activity: Text = Field(description="What happens in the slot, e.g. 角色扮演：预约电话.")


class Role(Model):
    """One part in a role-play: who plays it and what they are told."""

    name: Text = Field(description="The role, e.g. 销售员, 客户, 观察员.")
    brief: Markdown = Field(description="What the person playing it knows and wants (their role card).")


class Activity(Model):
    """A classroom activity; a role-play has roles, an observer checklist and debrief questions."""

    title: Text
    kind: Literal["role-play", "discussion", "exercise", "game", "demo"] = Field(
        default="exercise", description="role-play, discussion, exercise, game or demo."
    )
    minutes: int | None = Field(default=None, ge=1, le=600, description="Time the activity takes (for the trainer).")
    goal: Markdown | None = Field(default=None, description="What trainees should be able to do afterwards.")
    setup: Markdown | None = Field(default=None, description="How to set the room and the groups up.")
    roles: list[Role] = Field(default_factory=list, description="Role cards (role-plays).")
    steps: list[Markdown] = Field(default_factory=list, description="How the activity runs, in order.")
    observer_checklist: list[Text] = Field(
        default_factory=list, description="What the observer ticks off while watching."
    )
    debrief: list[Markdown] = Field(default_factory=list, description="Questions for the debrief afterwards.")


class FacilitatorNotes(Model):
    """Notes for the trainer, on a lesson or on one section of it."""

    timing: list[TimingItem] = Field(
        default_factory=list,
        description="Timing plan. All slots of a lesson and its sections add up to the lesson's minutes.",
    )
    discussion: list[Markdown] = Field(default_factory=list, description="Discussion questions to ask the room.")
    activities: list[Activity] = Field(default_factory=list, description="Role-plays, exercises and games.")
    mistakes: list[Markdown] = Field(
        default_factory=list, description="Common trainee mistakes and how to correct them."
    )
    materials: list[Text] = Field(default_factory=list, description="What to prepare before the session.")
    notes: Markdown | None = Field(default=None, description="Anything else the trainer should know.")


def timing_total(lesson_notes: FacilitatorNotes | None, section_notes: list[FacilitatorNotes | None]) -> int | None:
    """Minutes in the timing plan of a lesson and its sections; None when no slot is given."""
    slots = [t.minutes for n in (lesson_notes, *section_notes) if n is not None for t in n.timing]
    return sum(slots) if slots else None
