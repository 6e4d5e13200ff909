"""What the launch page of an LMS package tells its adapter (generator/runtime/lms.js), typed once.

Part of the runtime's contract (`make schema` writes the typedefs into generator/runtime/contract.js).
The adapter reads it from the launch page's <template data-cw-lms> element: the course's lessons and
quizzes with their answer keys, so it can report status, score and interactions, and save answers in
the LMS's suspend_data compactly (by position, which `shape` guards).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .answerkey import AnswerKey, Contract


class LmsQuestion(Contract):
    id: str
    text: str = Field(description="A short plain-text line naming the question (interaction description).")
    key: AnswerKey
    scheme: str | None = Field(description="classify: the scheme whose values and classes an answer names.")


class LmsQuiz(Contract):
    id: str
    key: str = Field(description="The storage key of the trainee's record (as on the quiz page).")
    href: str = Field(description="The quiz page, relative to the launch page.")
    pass_mark: int
    counted: bool = Field(description="Part of the completion rule: must be finished, makes the score.")
    shape: str = Field(
        description="Fingerprint of the questions' ids, types and sizes: saved answers of "
        "another shape are not restored."
    )
    questions: list[LmsQuestion] = Field(description="In the quiz file's order; answers are saved by position.")


class LmsLesson(Contract):
    id: str
    href: str
    required: bool = Field(description="Must be opened for the course to be completed.")


class LmsAttribute(Contract):
    id: str
    values: list[str]


class LmsScheme(Contract):
    attributes: list[LmsAttribute]
    classes: list[str]


class LmsCourse(Contract):
    """What the launch page tells the LMS adapter (the <template data-cw-lms> element)."""

    standard: Literal["1.2", "2004"]
    version: int = Field(description="Storage version of the quiz records.")
    start: str = Field(description="The course's first page, relative to the launch page.")
    pages: list[str] = Field(description="Every page of the package: a saved location must be one of them.")
    lessons: list[LmsLesson]
    quizzes: list[LmsQuiz]
    schemes: dict[str, LmsScheme]
    pass_mark: int | None = Field(description="Course score needed to pass; null when no quiz is counted.")
    limit: int = Field(description="Most characters suspend_data may hold (4,096 in 1.2, 64,000 in 2004).")
