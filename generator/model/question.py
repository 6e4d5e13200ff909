"""Question types. One discriminated union covers every type the runtime knows."""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import Field, ValidationInfo, field_validator, model_validator

from .base import Id, Markdown, Model, Text
from .regexes import MAX_PATTERN_CHARS, fullmatch, regex_problem

#: Marks a blank inside a fill-in prompt.
BLANK = "{_}"


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


class Option(Model):
    """One option of a choice question."""

    text: Text
    correct: bool = False
    feedback: Markdown | None = Field(default=None, description="Shown when the trainee picks this option.")


class SingleChoice(QuestionBase):
    """Exactly one option is right."""

    type: Literal["single"]
    options: list[Option] = Field(min_length=2)

    @model_validator(mode="after")
    def _one_correct(self) -> SingleChoice:
        right = sum(o.correct for o in self.options)
        if right != 1:
            raise ValueError(f"a single-choice question needs exactly one option with correct: true, found {right}")
        return self


class MultipleResponse(QuestionBase):
    """Any number of options (at least one) are right."""

    type: Literal["multiple"]
    options: list[Option] = Field(min_length=2)
    scoring: Literal["all", "partial"] | None = Field(
        default=None, description="'all': all-or-nothing; 'partial': credit per option. Default: the quiz's."
    )

    @model_validator(mode="after")
    def _some_correct(self) -> MultipleResponse:
        if not any(o.correct for o in self.options):
            raise ValueError("a multiple-response question needs at least one option with correct: true")
        return self


class TrueFalse(QuestionBase):
    """A statement to judge true or false."""

    type: Literal["truefalse"]
    answer: bool


class Blank(Model):
    """The accepted answers of one blank."""

    accept: list[Text] = Field(min_length=1, description="Accepted answers, compared leniently.")
    regex: Annotated[str, Field(json_schema_extra={"maxLength": MAX_PATTERN_CHARS})] | None = Field(
        default=None, description="Also accept anything matching this regular expression.")

    @field_validator("regex")
    @classmethod
    def _portable(cls, value: str | None, info: ValidationInfo) -> str | None:
        """Browsers compile it too: portable syntax, no catastrophic backtracking, and it must match
        every accepted answer (a pattern that misses them is a typo)."""
        if value is None:
            return value
        problem = regex_problem(value)
        if problem is not None:
            raise ValueError(problem)
        for answer in info.data.get("accept", []):
            if not fullmatch(value, answer):
                raise ValueError(f"regex does not match the accepted answer {answer!r}; it must match every "
                                 "accepted answer as written (browsers test it against what the trainee types)")
        return value


class FillIn(QuestionBase):
    """A sentence with one or more blanks, each written as {_} in the prompt."""

    type: Literal["fill"]
    blanks: list[Blank] = Field(min_length=1)

    @model_validator(mode="after")
    def _blanks_match(self) -> FillIn:
        marks = self.prompt.count(BLANK)
        if marks != len(self.blanks):
            raise ValueError(f"the prompt has {marks} blank(s) written as {BLANK} but {len(self.blanks)} blanks are listed")
        return self


class Numeric(QuestionBase):
    """A number, right within a tolerance."""

    type: Literal["numeric"]
    answer: float
    tolerance: float = Field(default=0, ge=0)
    relative: bool = Field(default=False, description="Tolerance is a fraction of the answer (0.05 = 5%).")
    unit: Text | None = Field(default=None, description="Unit shown after the input, e.g. 年 or 名.")


class Ordering(QuestionBase):
    """Put the items in order; listed here in the right order, shown shuffled."""

    type: Literal["ordering"]
    items: list[Text] = Field(min_length=2)


class Pair(Model):
    left: Text
    right: Text


class Matching(QuestionBase):
    """Pair each left item with a right item."""

    type: Literal["matching"]
    pairs: list[Pair] = Field(min_length=2)
    distractors: list[Text] = Field(default_factory=list, description="Extra right-hand items that match nothing.")


class CategoryItem(Model):
    text: Text
    category: Text


class Categorise(QuestionBase):
    """Sort each item into one of several categories."""

    type: Literal["categorise"]
    categories: list[Text] = Field(min_length=2)
    items: list[CategoryItem] = Field(min_length=2)

    @model_validator(mode="after")
    def _known_categories(self) -> Categorise:
        unknown = sorted({i.category for i in self.items} - set(self.categories))
        if unknown:
            raise ValueError(f"items name categories that are not listed: {', '.join(unknown)}")
        return self


class Cue(Model):
    """A quote from the scenario that sets one attribute of a rule-based scheme."""

    quote: Text = Field(description="Words copied from the scenario; highlighted in the worked solution.")
    attribute: Id
    value: Id
    why: Markdown | None = None


class Classify(QuestionBase):
    """A worked classification exercise against a scheme (see quizzes/schemes/)."""

    type: Literal["classify"]
    scheme: Id
    # Optional here only: a default instruction in the site's language is shown instead.
    prompt: Markdown | None = Field(  # type: ignore[assignment]
        default=None, description="Instruction above the scenario (a default is shown)."
    )
    scenario: Markdown
    cues: list[Cue] = Field(default_factory=list)
    answer: Id | None = Field(
        default=None, description="The class. Derived from the cues for rule-based schemes (checked if given)."
    )
    rationale: Markdown | None = Field(default=None, description="Why; required for judgment-based schemes.")


class Calculation(QuestionBase):
    """A worked numeric exercise: the answer comes from a named formula and the given numbers."""

    type: Literal["calc"]
    formula: Id = Field(description="A formula name, e.g. churn_rate, lifecycle, replacement.")
    givens: dict[Id, float] = Field(description="The numbers the formula takes.")
    tolerance: float = Field(default=0.01, ge=0, description="Relative tolerance (0.01 = 1%).")


Question = Annotated[
    Union[
        SingleChoice,
        MultipleResponse,
        TrueFalse,
        FillIn,
        Numeric,
        Ordering,
        Matching,
        Categorise,
        Classify,
        Calculation,
    ],
    Field(discriminator="type"),
]

QUESTION_TYPES: tuple[str, ...] = (
    "single", "multiple", "truefalse", "fill", "numeric", "ordering", "matching", "categorise", "classify", "calc",
)
