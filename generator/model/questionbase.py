"""What every question type has in common (its own module so that types in other modules can build on it)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import Id, Markdown, Model


class Feedback(Model):
    """What the trainee reads after answering, depending on the result."""

    correct: Markdown | None = None
    incorrect: Markdown | None = None


class QuestionBase(Model):
    """Fields every question has."""

    id: Id = Field(description="Stable id, unique across all quizzes; saved answers hang off it.")
    prompt: Markdown = Field(description="The question, in Markdown.")
    hints: list[Markdown] = Field(default_factory=list, description="Hints, revealed one at a time on request.")
    explanation: Markdown | None = Field(default=None, description="Shown after answering.")
    feedback: Feedback | None = Field(default=None, description="Feedback for a right or a wrong answer.")
    points: float = Field(default=1, gt=0, le=100, description="Weight of the question in the quiz score.")
    skills: list[Id] = Field(default_factory=list, description="Skill tags (e.g. MAN, closing) for mastery.")
    level: Literal["recall", "understand", "apply"] | None = Field(
        default=None,
        description="What the question asks of the trainee: recall a fact, understand (explain, compare) "
        "or apply (judge a scenario). `check --coverage` reports the mix per lesson.",
    )
