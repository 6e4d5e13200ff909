"""The contract between the generator and the browser runtime: answer keys and page data, typed once.

These pydantic models are the source. `make schema` writes them as JSON Schema
(schema/answer-key.schema.json) and as JSDoc typedefs (generator/runtime/contract.js), which the
runtime is type-checked against (`tsc --checkJs`); tests fail when either copy is stale. Every field
is required, so the page always carries the whole key and the runtime dispatches on `type` only.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AliasChoices, BaseModel, ConfigDict, Field


class Contract(BaseModel):
    """Base of the runtime's data: every field present, nothing else."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, allow_inf_nan=False)


class KeyBase(Contract):
    points: float = Field(gt=0, description="The question's weight: a right answer scores this much.")
    skills: list[str] = Field(description="Skill ids the question counts towards.")


class SingleKey(KeyBase):
    type: Literal["single"]
    correct: list[int] = Field(description="Index of the right option (one).")


class MultipleKey(KeyBase):
    type: Literal["multiple"]
    correct: list[int] = Field(description="Indexes of the right options.")
    scoring: Literal["all", "partial"] = Field(description="The question's own, or else the quiz's.")


class TrueFalseKey(KeyBase):
    type: Literal["truefalse"]
    answer: bool


class BlankKey(Contract):
    accept: list[str] = Field(description="Right answers, normalised (grading.normalise).")
    synonyms: list[str] = Field(description="Also right, normalised; the standard answer is then shown.")
    regex: str | None = Field(description="Also right: the trimmed input matches it as a whole.")
    show: str = Field(description="The standard answer, as written.")


class FillKey(KeyBase):
    type: Literal["fill"]
    blanks: list[BlankKey]
    groups: list[list[int]] = Field(
        description="Every blank index once; the blanks of a group may be answered in any order."
    )


class NumberKey(KeyBase):
    type: Literal["numeric", "calc"]
    answer: float
    tolerance: float = Field(ge=0)
    relative: bool = Field(description="The tolerance is a fraction of the answer.")
    show: str


class OrderingKey(KeyBase):
    type: Literal["ordering"]
    order: list[int] = Field(description="Item indexes in the right order.")


class MatchingKey(KeyBase):
    type: Literal["matching"]
    pairs: list[int] = Field(description="For each left item, the index of its right-hand item.")


class CategoriseKey(KeyBase):
    type: Literal["categorise"]
    categories: list[int] = Field(description="For each item, the index of its category.")


class ClassifyKey(KeyBase):
    type: Literal["classify"]
    attributes: dict[str, str] = Field(description="Attribute id -> value id (rule-based schemes).")
    # "class" in JSON; class_ in Python, where class is a keyword.
    class_: str = Field(validation_alias=AliasChoices("class", "class_"), serialization_alias="class")
    action: str | None = Field(description="The class again when it comes with an action to choose.")
    show: str


class ReplyKey(Contract):
    """One reply of a dialogue node: where it leads and what it scores."""

    next: str = Field(description="A node id or an ending id.")
    points: float
    retry: bool = Field(description="An explicit way back to an earlier node.")


class TurnKey(Contract):
    choices: list[ReplyKey] = Field(description="The node's replies, in the order the author wrote them.")


class EndingKey(Contract):
    success: bool


class DialogueKey(KeyBase):
    """A branching conversation. The answer is the list of reply indexes taken from `start` to an ending;
    it scores max(0, their points) / `best` of the question's points, and is right at the best score
    in a success ending. The words (lines, replies, feedback, debriefs) are in the page, not here."""

    type: Literal["dialogue"]
    start: str
    nodes: dict[str, TurnKey]
    endings: dict[str, EndingKey]
    best: float = Field(gt=0, description="The best path's score (the sum of its replies' points).")
    path: list[int] = Field(description="The best path, as reply indexes from start (the instructor's view).")


ChoiceKey = SingleKey | MultipleKey

#: The answer key of one question: the browser grades with this and nothing else.
AnswerKey = Annotated[
    SingleKey
    | MultipleKey
    | TrueFalseKey
    | FillKey
    | NumberKey
    | OrderingKey
    | MatchingKey
    | CategoriseKey
    | ClassifyKey
    | DialogueKey,
    Field(discriminator="type"),
]


class Result(Contract):
    """A graded answer, as the runtime saves it."""

    score: float
    max: float
    correct: bool


class ExamDraw(Contract):
    """How the final exam draws an attempt's questions (generator/model/examdraw.py, runtime/blueprint.js)."""

    per_lesson: int
    groups: list[list[str]] = Field(description="Per course lesson, its eligible question ids in page order.")
    min: dict[str, int] = Field(description="Skill id -> how often an attempt asks it at least.")
    certificate_key: str = Field(description="The localStorage key of the pass the certificate page shows.")


class QuizConfig(Contract):
    """What a quiz page tells the runtime (the <template data-cw-config> element)."""

    id: str
    key: str = Field(description="The localStorage key of the trainee's record.")
    version: int = Field(description="Storage version: a record of another version is ignored.")
    mode: Literal["practice", "exam"]
    pass_mark: int
    draw: int | None
    shuffle_questions: bool
    shuffle_options: bool
    questions: dict[str, AnswerKey]
    skills: dict[str, str] = Field(description="Skill id -> display name, for the skills the quiz uses.")
    blueprint: ExamDraw | None = Field(description="The final exam's draw; null for a quiz.")


class CertificateConfig(Contract):
    """What the certificate page tells the runtime: where the exam's pass and the trainee's name are saved."""

    exam: str = Field(description="The final exam's id.")
    key: str = Field(description="The localStorage key of the exam's pass (ExamDraw.certificate_key).")
    name_key: str = Field(description="The localStorage key of the name the trainee types.")
    version: int
    pass_mark: int


class OutlineQuestion(Contract):
    id: str
    text: str
    skills: list[str]
    points: float


class OutlineQuiz(Contract):
    id: str
    title: str
    key: str
    pass_mark: int
    href: str
    asked: int = Field(description="How many questions an attempt asks (the draw, or all).")
    questions: list[OutlineQuestion]


class OutlineLesson(Contract):
    id: str
    title: str
    href: str
    quizzes: list[OutlineQuiz]


class Outline(Contract):
    """What the progress page tells the runtime (the <template data-cw-outline> element)."""

    version: int
    lessons: list[OutlineLesson]
    exam: OutlineQuiz | None = Field(description="The course's final exam, if it has one.")
    skills: dict[str, str] = Field(description="Skill id -> display name.")
