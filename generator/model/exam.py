"""The course's final exam: a blueprint that draws questions from the course's own quizzes per attempt."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, field_validator

from .base import Id, Markdown, Model, Text

#: The final exam's id when the manifest names none. Its saved results, and an LMS's completion
#: rule, hang off this id: keep it stable.
DEFAULT_EXAM_ID = "final-exam"

#: The most questions one attempt may ask (per_lesson times the course's lessons): a page of them is long
#: enough, and the draw's search stays shallow.
MAX_EXAM_QUESTIONS = 200

Count = Annotated[int, Field(ge=0, le=MAX_EXAM_QUESTIONS)]
Level = Literal["recall", "understand", "apply"]
QuestionType = Literal[
    "single", "multiple", "truefalse", "fill", "numeric", "ordering", "matching", "categorise", "classify", "calc"
]


class Blueprint(Model):
    """What every attempt asks: so many questions per lesson, and each skill at least so often."""

    per_lesson: int = Field(ge=1, le=50, description="Questions drawn from each lesson's quizzes, in every attempt.")
    # A plain int in the union, its range checked below: a negative number then gets one message, not one
    # per member of the union.
    min_per_skill: int | dict[Id, Count] = Field(
        default=0,
        description="Each attempt asks every skill at least this often: a number applies to every skill the "
        "eligible questions use; a mapping {skill: n} names the skills and their minimums.",
    )
    levels: list[Level] | None = Field(
        default=None,
        min_length=1,
        description="Only questions of these levels are eligible (questions without `level` are then left "
        "out); default: every question.",
    )
    exclude_types: list[QuestionType] = Field(
        default_factory=list, description="Question types never asked in the exam, e.g. classify."
    )

    @field_validator("min_per_skill")
    @classmethod
    def _in_range(cls, value: int | dict[str, int]) -> int | dict[str, int]:
        if isinstance(value, int) and not 0 <= value <= MAX_EXAM_QUESTIONS:
            raise ValueError(
                f"min_per_skill must be a number from 0 to {MAX_EXAM_QUESTIONS}, or a mapping skill: number"
            )
        return value


class FinalExam(Model):
    """A course-wide exam drawn per attempt by a blueprint; passing it unlocks the certificate page."""

    id: Id = Field(
        default=DEFAULT_EXAM_ID,
        description="Stable id: the trainee's saved results and an LMS's completion rule refer to it.",
    )
    title: Text | None = Field(default=None, description="Default: 结业考试 (Final exam in English).")
    intro: Markdown | None = Field(default=None, description="Shown above the questions.")
    pass_mark: int = Field(default=80, ge=0, le=100, description="Percentage needed to pass.")
    blueprint: Blueprint
