"""Lessons: ordered sections of Markdown with objectives, cases, tables and key points."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from .base import Cell, Id, Markdown, Model, Text
from .facilitator import FacilitatorNotes, timing_total
from .limits import MAX_TABLE_COLUMNS, MAX_TABLE_ROWS


class Objective(Model):
    """A learning objective and the questions that assess it."""

    id: Id
    text: Text
    assessed_by: list[Id] = Field(default_factory=list, description="Ids of the questions that assess it.")


class Table(Model):
    type: Literal["table"]
    caption: Text | None = None
    columns: list[Text] = Field(min_length=1)
    rows: list[list[Cell]] = Field(min_length=1)

    @model_validator(mode="after")
    def _rectangular(self) -> Table:
        if len(self.columns) > MAX_TABLE_COLUMNS:
            raise ValueError(f"the table has {len(self.columns)} columns; a table may have at most {MAX_TABLE_COLUMNS}")
        if len(self.rows) > MAX_TABLE_ROWS:
            raise ValueError(
                f"the table has {len(self.rows):,} rows; a table may have at most {MAX_TABLE_ROWS} "
                "(split it into several tables)"
            )
        for n, row in enumerate(self.rows, 1):
            if len(row) != len(self.columns):
                raise ValueError(f"row {n} has {len(row)} cells but there are {len(self.columns)} columns")
        return self


class Case(Model):
    type: Literal["case"]
    title: Text
    story: Markdown
    takeaway: Markdown | None = None


class Diagram(Model):
    """A diagram drawn as inline SVG from data: a flow of steps, a funnel or a cycle."""

    type: Literal["diagram"]
    kind: Literal["flow", "funnel", "cycle"]
    caption: Text | None = None
    steps: list[Text] = Field(min_length=2, max_length=12)


class Note(Model):
    """A call-out box (Material admonition)."""

    type: Literal["note"]
    style: Literal["note", "tip", "warning", "example", "question", "info"] = "note"
    title: Text | None = None
    body: Markdown


Block = Annotated[Table | Case | Diagram | Note, Field(discriminator="type")]


class Section(Model):
    id: Id | None = Field(default=None, description="Anchor of the section; derived from its position if absent.")
    title: Text
    body: Markdown | None = None
    blocks: list[Block] = Field(default_factory=list, description="Tables, cases, diagrams and notes, in order.")
    facilitator: FacilitatorNotes | None = Field(default=None, description="For the trainer only (instructor edition).")


class Lesson(Model):
    """One lesson of the course."""

    id: Id
    title: Text
    summary: Markdown
    minutes: int = Field(ge=1, le=600, description="Estimated study time in minutes.")
    objectives: list[Objective] = Field(min_length=1)
    sections: list[Section] = Field(min_length=1)
    key_points: list[Markdown] = Field(min_length=1)
    terms: list[Text] = Field(default_factory=list, description="Glossary terms this lesson introduces.")
    facilitator: FacilitatorNotes | None = Field(default=None, description="For the trainer only (instructor edition).")
    draft: bool = Field(
        default=False, description="Work in progress: `check` validates it, `serve` shows it, builds leave it out."
    )

    @model_validator(mode="after")
    def _timing_fits(self) -> Lesson:
        total = timing_total(self.facilitator, [s.facilitator for s in self.sections])
        if total is not None and total != self.minutes:
            raise ValueError(
                f"the facilitator timing plan adds up to {total} minutes but the lesson's minutes "
                f"is {self.minutes}; make the slots of the lesson and its sections add up to it"
            )
        return self
