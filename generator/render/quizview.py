"""Quiz questions as template context and as the answer key the browser grades with."""

from __future__ import annotations

import hashlib
import random
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from ..model.formulas import FORMULAS, number, solve
from ..model import (
    BLANK,
    Calculation,
    Categorise,
    Classify,
    FillIn,
    Matching,
    MultipleResponse,
    Numeric,
    Ordering,
    Quiz,
    Scheme,
    SingleChoice,
    TrueFalse,
)
from ..model.question import QuestionBase
from .markdown import MarkdownRenderer
from .marks import Marks

#: Bump when the shape of saved answers changes; old saves are then ignored, not misread.
STORAGE_VERSION = 1



class MarkError(Exception):
    """A blank or a cue that cannot be placed in the question's text (reported with file and line)."""

    def __init__(self, question: str, loc: tuple[str | int, ...], message: str) -> None:
        super().__init__(message)
        self.question, self.loc, self.message = question, loc, message


def normalise_answer(text: str) -> str:
    """Typed-answer matching for Chinese users (the browser runtime does the same).

    Full-width forms fold to half-width (NFKC), Latin case is ignored, spaces are removed and
    trailing punctuation dropped.
    """
    folded = unicodedata.normalize("NFKC", text).lower()
    folded = re.sub(r"\s+", "", folded)
    # Trailing punctuation is everything after the last letter or digit ([\W_]+$). Found from the
    # end in one pass: the regex retries at every position of a long run of punctuation, which is
    # quadratic (60,000 '!' took 47 s).
    end = len(folded)
    while end and not folded[end - 1].isalnum():
        end -= 1
    return folded[:end]


def stable_shuffle(items: list[Any], seed: str) -> list[Any]:
    """A fixed shuffle for the no-JavaScript page, so its order does not give the answer away."""
    out = list(items)
    random.Random(hashlib.sha256(seed.encode()).hexdigest()).shuffle(out)
    if len(out) > 1 and out == list(items):
        out = out[1:] + out[:1]
    return out


@dataclass(frozen=True)
class Choice:
    """An option, an item to order or sort, or one side of a pair: its answer-key index and its HTML."""

    index: int
    html: str
    feedback: str = ""


@dataclass(frozen=True)
class QuestionView:
    """What a question's templates show. Fields after `prompt_inline` belong to some types only."""

    id: str
    type: str
    number: int
    points: str
    skills: list[str]
    hints: list[str]
    explanation: str
    feedback_correct: str
    feedback_incorrect: str
    prompt_html: str
    prompt_inline: str | None
    options: list[Choice] = field(default_factory=list)
    items: list[Choice] = field(default_factory=list)
    lefts: list[Choice] = field(default_factory=list)
    choices: list[Choice] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    unit: str | None = None
    #: Worked steps: text lines (calc) or step records (classify).
    steps: list[Any] = field(default_factory=list)
    scenario: str = ""
    scheme: dict[str, str] | None = None
    attributes: list[dict[str, Any]] = field(default_factory=list)
    classes: list[dict[str, str]] = field(default_factory=list)
    actions: list[dict[str, str]] = field(default_factory=list)


def question_views(
    quiz: Quiz, md: MarkdownRenderer, schemes: dict[str, Scheme], text: dict[str, str], language: str
) -> tuple[list[QuestionView], dict[str, Any]]:
    """Template values for every question of `quiz`, and the quiz's answer key."""
    views, key = [], {}
    for number_, question in enumerate(quiz.questions, 1):
        view, answer = _view(question, md, schemes, text, language)
        prompt_html = view.pop("prompt_html", None) or md.block(question.prompt)
        views.append(QuestionView(
            id=question.id, type=question.type, number=number_, points=number(question.points),
            skills=question.skills, hints=[md.block(h) for h in question.hints],
            explanation=md.block(question.explanation),
            feedback_correct=md.block(question.feedback.correct) if question.feedback else "",
            feedback_incorrect=md.block(question.feedback.incorrect) if question.feedback else "",
            prompt_html=prompt_html, prompt_inline=_inline(prompt_html), **view,
        ))
        key[question.id] = {"type": question.type, "points": question.points, "skills": question.skills} | answer
    return views, key


def _inline(block_html: str) -> str | None:
    """The prompt as phrasing content for <legend>, when it is a single paragraph."""
    match = re.fullmatch(r"<p>(.*)</p>", block_html.strip(), re.DOTALL)
    return match.group(1) if match and "<p>" not in match.group(1) else None


def _view(
    q: QuestionBase, md: MarkdownRenderer, schemes: dict[str, Scheme], text: dict[str, str], language: str
) -> tuple[dict[str, Any], dict[str, Any]]:
    if isinstance(q, (SingleChoice, MultipleResponse)):
        options = [Choice(i, md.inline(o.text), md.block(o.feedback)) for i, o in enumerate(q.options)]
        answer: dict[str, Any] = {"correct": [i for i, o in enumerate(q.options) if o.correct]}
        if isinstance(q, MultipleResponse):
            answer["scoring"] = q.scoring
        return {"options": options}, answer
    if isinstance(q, TrueFalse):
        return {}, {"answer": q.answer}
    if isinstance(q, FillIn):
        labels = tuple(text["blank"].format(n=n) for n in range(1, len(q.blanks) + 1))
        rendered, found = md.marked(q.prompt.replace(BLANK, md.blank_token), Marks(md.blank_token, labels))
        if found.blanks != len(q.blanks):
            raise MarkError(q.id, ("prompt",), f"{len(q.blanks)} blank(s) {BLANK} are listed but {found.blanks} are in "
                            "the question's text; a blank cannot stand inside a link, a title, code or raw HTML")
        return {"prompt_html": rendered}, {
            "blanks": [
                {"accept": sorted({normalise_answer(a) for a in b.accept}), "regex": b.regex, "show": b.accept[0]}
                for b in q.blanks
            ]
        }
    if isinstance(q, Numeric):
        return {"unit": q.unit}, {"answer": q.answer, "tolerance": q.tolerance, "relative": q.relative,
                                  "show": number(q.answer) + (f" {q.unit}" if q.unit else "")}
    if isinstance(q, Ordering):
        items = [Choice(i, md.inline(t)) for i, t in enumerate(q.items)]
        return {"items": stable_shuffle(items, q.id)}, {"order": list(range(len(q.items)))}
    if isinstance(q, Matching):
        rights = [p.right for p in q.pairs] + list(q.distractors)
        choices = stable_shuffle([Choice(i, md.inline(r)) for i, r in enumerate(rights)], q.id)
        lefts = [Choice(i, md.inline(p.left)) for i, p in enumerate(q.pairs)]
        return {"lefts": lefts, "choices": choices}, {"pairs": list(range(len(q.pairs)))}
    if isinstance(q, Categorise):
        items = [Choice(i, md.inline(it.text)) for i, it in enumerate(q.items)]
        return {"categories": [md.inline(c) for c in q.categories], "items": stable_shuffle(items, q.id)}, {
            "categories": [q.categories.index(it.category) for it in q.items]
        }
    if isinstance(q, Calculation):
        result, steps = solve(q.formula, q.givens, language)
        unit = FORMULAS[q.formula].unit.get(language, FORMULAS[q.formula].unit["en"])
        return {"unit": unit, "steps": steps}, {
            "answer": round(result, 4), "tolerance": q.tolerance, "relative": True, "show": f"{number(result)} {unit}"
        }
    if isinstance(q, Classify):
        return _classify_view(q, md, schemes[q.scheme], text)
    raise TypeError(f"no view for question type {type(q).__name__}")  # pragma: no cover - the union is closed


def _classify_view(
    q: Classify, md: MarkdownRenderer, scheme: Scheme, text: dict[str, str]
) -> tuple[dict[str, Any], dict[str, Any]]:
    scenario, found = md.marked(q.scenario, Marks(cues=tuple(cue.quote for cue in q.cues)))
    for n, cue in enumerate(q.cues):
        if n not in found.cues:
            raise MarkError(q.id, ("cues", n, "quote"), f"quote {cue.quote!r} must appear in the scenario's text "
                            "in one piece (not inside a link title, raw HTML or across formatting)")
    classes = {c.id: c for c in scheme.classes}
    attributes = {a.id: a for a in scheme.attributes}
    settings = {c.attribute: c.value for c in q.cues}
    answer = q.answer or scheme.derive(settings)
    assert answer is not None  # checks.py guarantees a class for every exercise
    actions = [c for c in scheme.classes if c.action]
    action_options = stable_shuffle([{"id": c.id, "html": md.inline(c.action)} for c in actions], q.id + "/actions")
    steps: list[dict[str, Any]] = []
    for n, cue in enumerate(q.cues):
        attribute = attributes[cue.attribute]
        value = next(v for v in attribute.values if v.id == cue.value)
        steps.append({"kind": "cue", "cue": n, "quote": cue.quote, "attribute": attribute.label,
                      "value": value.label, "why": md.block(cue.why)})
    chosen = classes[answer]
    if scheme.kind == "rules":
        rule = " + ".join(
            next(v.label for v in attributes[a].values if v.id == settings[a]) for a in attributes
        )
        steps.append({"kind": "rule", "rule": rule, "class": chosen.label})
    else:
        steps.append({"kind": "rationale", "html": md.block(q.rationale), "class": chosen.label})
    if chosen.action:
        steps.append({"kind": "action", "html": md.block(chosen.action)})
    view = {
        "prompt_html": md.block(q.prompt or text["classify_prompt"]),
        "scenario": scenario,
        "scheme": {"id": scheme.id, "title": scheme.title, "kind": scheme.kind},
        "attributes": [
            {"id": a.id, "label": a.label, "question": a.question, "values": [{"id": v.id, "label": v.label}
                                                                           for v in a.values]}
            for a in scheme.attributes
        ] if scheme.kind == "rules" else [],
        "classes": [{"id": c.id, "label": c.label} for c in scheme.classes],
        "actions": action_options if chosen.action else [],
        "steps": steps,
    }
    key = {"attributes": settings if scheme.kind == "rules" else {}, "class": answer,
           "action": answer if chosen.action else None, "show": chosen.label}
    return view, key


def storage_key(quiz_id: str) -> str:
    """The localStorage key of a quiz: versioned, built from its stable id only."""
    return f"cw:v{STORAGE_VERSION}:quiz:{quiz_id}"
