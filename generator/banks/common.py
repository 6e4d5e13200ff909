"""What every question-bank format shares: the bank being written, warnings, and the two types no LMS has.

A `Bank` is a list of quizzes with the lesson each belongs to (lessons become categories). Every
writer works through a `Context`, which renders Markdown with the site's own sanitising renderer
and collects `BankWarning`s: a question a format cannot hold is skipped, one it can only hold in a
nearer form is changed, and either way the warning names the question's file and line.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from ..model import Calculation, Classify, Dialogue, FillIn, Numeric, Option, Question, Quiz, Scheme, SingleChoice
from ..model.formulas import FORMULAS, number, solve
from ..render.markdown import MarkdownRenderer

#: Names of the export formats, as the command line spells them.
FORMATS = ("gift", "moodle-xml", "qti12", "qti21")

#: The grade fractions Moodle accepts on import (percent); any other weight is an import error there.
MOODLE_FRACTIONS = (
    100,
    90,
    83.33333,
    80,
    75,
    70,
    66.66667,
    60,
    50,
    40,
    33.33333,
    30,
    25,
    20,
    16.66667,
    14.28571,
    12.5,
    11.11111,
    10,
    5,
    0,
)

#: The classify exercise becomes a choice of its class; this asks for it when the author gave no prompt.
_CLASS_PROMPT = {
    "zh": "阅读情境，按“{scheme}”判断它属于哪一类。",
    "en": "Read the scenario and choose its class under “{scheme}”.",
}


@dataclass(frozen=True)
class Where:
    """A position in an author's file."""

    file: str
    line: int
    column: int


@dataclass(frozen=True)
class BankWarning:
    """A question a format could not hold as it is: skipped, or exported in the nearest form."""

    where: Where
    question: str
    format: str
    message: str
    skipped: bool = False

    def __str__(self) -> str:
        where = f"{self.where.file}:{self.where.line}:{self.where.column}"
        return f"{where}: {self.question}: {self.format}: {'skipped: ' if self.skipped else ''}{self.message}"


@dataclass(frozen=True)
class BankQuiz:
    """A quiz and the lesson it practises (its category in the bank)."""

    quiz: Quiz
    lesson_id: str
    lesson_title: str


@dataclass(frozen=True)
class Bank:
    """What one exported file or package holds: a quiz, or every quiz of a course."""

    id: str
    title: str
    course_title: str
    quizzes: list[BankQuiz]

    def categories(self) -> list[tuple[str, str, list[BankQuiz]]]:
        """(lesson id, lesson title, quizzes) in the bank's order, one entry per lesson."""
        out: dict[str, tuple[str, str, list[BankQuiz]]] = {}
        for bq in self.quizzes:
            out.setdefault(bq.lesson_id, (bq.lesson_id, bq.lesson_title, []))[2].append(bq)
        return list(out.values())


class Skip(Exception):
    """Raised by a writer for a question its format cannot hold (the message says why)."""


@dataclass
class Context:
    """Rendering and warnings for one format; `locate` gives a question id's position in its file."""

    format: str
    language: str
    schemes: dict[str, Scheme]
    locate: Callable[[str], Where]
    md: MarkdownRenderer = field(default_factory=MarkdownRenderer)
    warnings: list[BankWarning] = field(default_factory=list)

    def warn(self, question: str, message: str, skipped: bool = False) -> None:
        """Record that `question` was changed (or skipped) in this format, and why."""
        self.warnings.append(BankWarning(self.locate(question), question, self.format, message, skipped))

    def html(self, text: str | None) -> str:
        """Author Markdown as sanitised block HTML."""
        return self.md.block(text.strip()) if text else ""

    def inline(self, text: str) -> str:
        """Author Markdown as sanitised inline HTML (options, items)."""
        return self.md.inline(text.strip())

    def plain(self, question: str, text: str, what: str) -> str:
        """`text` for a place that holds plain text only; a warning if Markdown formatting is lost there."""
        shown = self.md.plain(text)
        if shown != text.strip():
            self.warn(question, f"{what} holds plain text only: {text.strip()!r} is exported as {shown!r}")
        return shown


def bank_question(q: Question, quiz: Quiz, ctx: Context) -> Question:
    """`q`, or for a type no LMS has, the nearest type one has (with a warning naming what is lost).

    Raises:
        Skip: for a type with no near form (a dialogue: a branching conversation).
    """
    if isinstance(q, Dialogue):
        raise Skip(
            "a dialogue (a branching conversation) has no form in a question bank; it is practised on the course site"
        )
    if isinstance(q, Classify):
        ctx.warn(
            q.id,
            "a classify exercise is exported as a single-choice question on its class; the "
            "step-by-step judgement (cues, attributes, action) is not carried",
        )
        return classify_as_choice(q, ctx.schemes[q.scheme], ctx.language)
    if isinstance(q, Calculation):
        ctx.warn(
            q.id,
            f"a calc exercise is exported as a numeric question with the computed answer; the "
            f"formula {q.formula!r} and its givens are not kept (the worked steps go into the explanation)",
        )
        return calc_as_numeric(q, ctx.language)
    if isinstance(q, FillIn) and (q.any_order or any(b.synonyms for b in q.blanks)):
        return fill_in_order(q, ctx)
    return q


def fill_in_order(q: FillIn, ctx: Context) -> FillIn:
    """A fill-in whose blanks are graded one by one, in the written order, synonyms accepted like answers.

    No bank format has blanks that may be filled in any order, or answers accepted but not shown.
    """
    if q.any_order:
        ctx.warn(q.id, "blanks that may be filled in any order are exported in the written order")
    if any(b.synonyms for b in q.blanks):
        ctx.warn(q.id, "synonyms are exported as further accepted answers")
    blanks = [
        b.model_copy(update={"accept": [*b.accept, *(s for s in b.synonyms if s not in b.accept)], "synonyms": []})
        for b in q.blanks
    ]
    return q.model_copy(update={"blanks": blanks, "any_order": False})


def classify_as_choice(q: Classify, scheme: Scheme, language: str) -> SingleChoice:
    """A classify exercise as a single choice among the scheme's classes; the answer class is right."""
    answer = q.answer or scheme.derive({c.attribute: c.value for c in q.cues})
    prompt = q.prompt or _CLASS_PROMPT.get(language, _CLASS_PROMPT["en"]).format(scheme=scheme.title)
    explanation = "\n\n".join(t.strip() for t in (q.rationale, q.explanation) if t)
    return SingleChoice(
        id=q.id,
        type="single",
        prompt=f"{prompt.strip()}\n\n{q.scenario.strip()}",
        hints=q.hints,
        explanation=explanation or None,
        feedback=q.feedback,
        points=q.points,
        skills=q.skills,
        options=[Option(text=c.label, correct=c.id == answer) for c in scheme.classes],
    )


def calc_as_numeric(q: Calculation, language: str) -> Numeric:
    """A calc exercise as a numeric question: the formula's answer, a relative tolerance, the steps explained."""
    result, steps = solve(q.formula, q.givens, language)
    formula = FORMULAS[q.formula]
    worked = "\n".join(f"{s}  " for s in steps).rstrip()  # two spaces: one step per line in Markdown
    explanation = "\n\n".join(t.strip() for t in (worked, q.explanation or "") if t.strip())
    return Numeric(
        id=q.id,
        type="numeric",
        prompt=q.prompt,
        hints=q.hints,
        explanation=explanation,
        feedback=q.feedback,
        points=q.points,
        skills=q.skills,
        answer=result,
        tolerance=q.tolerance,
        relative=True,
        unit=formula.unit.get(language, formula.unit["en"]),
    )


def absolute_tolerance(q: Numeric) -> float:
    """The tolerance as an absolute margin: formats have no relative tolerance, and the range is the same."""
    return q.tolerance * abs(q.answer) if q.relative else q.tolerance


def decimal(value: float) -> str:
    """A float written in plain decimals (no exponent, no trailing zeros) that reads back to the same float."""
    text = format(Decimal(repr(float(value))), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def moodle_weight(fraction: float) -> str | None:
    """`fraction` (1/3, -0.5) as a percentage from Moodle's list of grades, or None if Moodle has none."""
    percent = fraction * 100
    for allowed in MOODLE_FRACTIONS:
        if abs(abs(percent) - allowed) < 1e-4:
            return decimal(allowed if percent >= 0 else -allowed)
    return None


def category_path(bank: Bank, lesson_title: str) -> str:
    """A Moodle category path for a lesson; '/' inside a name is doubled, as Moodle reads it."""
    parts = [bank.course_title, lesson_title]
    return "$course$/top/" + "/".join(p.replace("/", "//") for p in parts)


def points(q: Question) -> str:
    """The question's points as written in files."""
    return number(q.points) if q.points == round(q.points, 2) else decimal(q.points)
