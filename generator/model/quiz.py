"""Quizzes: an ordered set of questions attached to a lesson."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from .base import Id, Markdown, Model, Text
from .question import Question


class Quiz(Model):
    """A quiz or a set of worked exercises, attached to one lesson."""

    id: Id = Field(description="Stable id; the quiz's page and saved progress hang off it.")
    title: Text
    lesson: Id = Field(description="The lesson this quiz practises.")
    intro: Markdown | None = Field(default=None, description="Shown above the questions.")
    mode: Literal["practice", "exam"] = Field(
        default="practice", description="practice: feedback per question; exam: one submit, feedback at the end."
    )
    pass_mark: int = Field(default=80, ge=0, le=100, description="Percentage needed to pass.")
    scoring: Literal["all", "partial"] = Field(
        default="all", description="Default scoring of multiple-response questions."
    )
    shuffle_questions: bool = False
    shuffle_options: bool = True
    draw: int | None = Field(default=None, ge=1, description="Ask only this many questions, drawn per attempt.")
    questions: list[Question] = Field(min_length=1)
    draft: bool = Field(
        default=False, description="Work in progress: `check` validates it, `serve` shows it, builds leave it out."
    )

    @model_validator(mode="after")
    def _draw_fits(self) -> Quiz:
        if self.draw is not None and self.draw > len(self.questions):
            raise ValueError(f"draw is {self.draw} but the quiz has only {len(self.questions)} questions")
        return self
