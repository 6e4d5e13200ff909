"""Question types. One discriminated union covers every type the runtime knows."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, ValidationInfo, field_validator, model_validator

from .base import Id, Markdown, Model, Text
from .dialogue import Dialogue
from .questionbase import QuestionBase
from .regexes import MAX_PATTERN_CHARS, fullmatch, regex_problem

#: Marks a blank inside a fill-in prompt.
BLANK = "{_}"


def _distinct(texts: list[str], what: str, why: str) -> None:
    """Reject a repeated text: its two copies are graded as different answers."""
    seen: dict[str, int] = {}
    for n, text in enumerate(texts, 1):
        if text in seen:
            raise ValueError(f"{what} {n} repeats {what} {seen[text]} ({text!r}): {why}; make each one different")
        seen.setdefault(text, n)


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

    accept: list[Text] = Field(min_length=1, description="Accepted answers, compared leniently; the first is shown.")
    synonyms: list[Text] = Field(
        default_factory=list, description="Other wordings also graded right; the standard answer is then shown."
    )
    regex: Annotated[str, Field(json_schema_extra={"maxLength": MAX_PATTERN_CHARS})] | None = Field(
        default=None, description="Also accept anything matching this regular expression."
    )

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
                raise ValueError(
                    f"regex does not match the accepted answer {answer!r}; it must match every "
                    "accepted answer as written (browsers test it against what the trainee types)"
                )
        return value


class FillIn(QuestionBase):
    """A sentence with one or more blanks, each written as {_} in the prompt."""

    type: Literal["fill"]
    blanks: list[Blank] = Field(min_length=1)
    any_order: bool | list[list[int]] = Field(
        default=False,
        description="true: the blanks may be answered in any order; or groups of blank numbers (from 1), "
        "e.g. [[1, 2], [3, 4]]: within each group any order.",
    )

    @model_validator(mode="after")
    def _blanks_match(self) -> FillIn:
        marks = self.prompt.count(BLANK)
        if marks != len(self.blanks):
            raise ValueError(
                f"the prompt has {marks} blank(s) written as {BLANK} but {len(self.blanks)} blanks are listed"
            )
        if isinstance(self.any_order, list):
            numbers = [n for group in self.any_order for n in group]
            if any(len(group) < 2 for group in self.any_order):
                raise ValueError("any_order: each group lists at least two blank numbers")
            if any(n < 1 or n > len(self.blanks) for n in numbers):
                raise ValueError(
                    f"any_order names a blank the question does not have: blanks are numbered from 1 "
                    f"to {len(self.blanks)}"
                )
            if len(set(numbers)) != len(numbers):
                raise ValueError("any_order: a blank is in two groups")
        return self

    def groups(self) -> list[list[int]]:
        """Every blank index (from 0) once, in groups whose blanks may be answered in any order."""
        together = (
            [list(range(len(self.blanks)))]
            if self.any_order is True
            else [[n - 1 for n in group] for group in self.any_order or []]
        )
        grouped = {i for group in together for i in group}
        return sorted(together + [[i] for i in range(len(self.blanks)) if i not in grouped])


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
    items: list[Text] = Field(min_length=2, json_schema_extra={"uniqueItems": True})

    @field_validator("items")
    @classmethod
    def _distinct_items(cls, items: list[str]) -> list[str]:
        _distinct(items, "item", "two equal items could be put either way round")
        return items


class Pair(Model):
    left: Text
    right: Text


class Matching(QuestionBase):
    """Pair each left item with a right item."""

    type: Literal["matching"]
    pairs: list[Pair] = Field(min_length=2)
    distractors: list[Text] = Field(default_factory=list, description="Extra right-hand items that match nothing.")

    @field_validator("pairs")
    @classmethod
    def _distinct_pairs(cls, pairs: list[Pair]) -> list[Pair]:
        _distinct([p.left for p in pairs], "left item", "the trainee could not tell them apart")
        _distinct([p.right for p in pairs], "right-hand item", "choosing one or the other would be marked differently")
        return pairs

    @field_validator("distractors")
    @classmethod
    def _distinct_distractors(cls, distractors: list[str], info: ValidationInfo) -> list[str]:
        # Numbered as the trainee's list counts them: the pairs' right sides, then the distractors.
        rights = [p.right for p in info.data.get("pairs", [])]
        _distinct(rights + distractors, "right-hand item", "choosing one or the other would be marked differently")
        return distractors


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


#: Every question type, as the `type` field names it.
QUESTION_TYPES: tuple[str, ...] = ("single", "multiple", "truefalse", "fill", "numeric", "ordering", "matching")
QUESTION_TYPES += ("categorise", "classify", "calc", "dialogue")

Question = Annotated[
    SingleChoice
    | MultipleResponse
    | TrueFalse
    | FillIn
    | Numeric
    | Ordering
    | Matching
    | Categorise
    | Classify
    | Calculation
    | Dialogue,
    Field(discriminator="type"),
]
