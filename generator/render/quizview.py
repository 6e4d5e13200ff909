"""Quiz questions as template context and as the typed answer key the browser grades with."""

from __future__ import annotations

import hashlib
import random
import re
from dataclasses import dataclass, field
from typing import Any

from ..model import (
    BLANK,
    Calculation,
    Categorise,
    Classify,
    Dialogue,
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
from ..model.answerkey import (
    AnswerKey,
    BlankKey,
    CategoriseKey,
    ClassifyKey,
    FillKey,
    MatchingKey,
    MultipleKey,
    NumberKey,
    OrderingKey,
    SingleKey,
    TrueFalseKey,
)
from ..model.formulas import FORMULAS, number, solve
from ..model.grading import normalise
from ..model.questionbase import QuestionBase
from .dialogueview import dialogue_view
from .markdown import MarkdownRenderer
from .marks import MarkError, Marks

#: Bump when the shape of saved answers changes; old saves are then ignored, not misread. The page
#: configs carry it to the runtime.
STORAGE_VERSION = 1


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
    #: Display names of the question's skills.
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
    dialogue: Any = None


def question_views(
    quiz: Quiz,
    md: MarkdownRenderer,
    schemes: dict[str, Scheme],
    text: dict[str, str],
    language: str,
    skill_names: dict[str, str],
) -> tuple[list[QuestionView], dict[str, AnswerKey]]:
    """Template values for every question of `quiz`, and the quiz's answer key by question id."""
    views, keys = [], {}
    for number_, question in enumerate(quiz.questions, 1):
        view, key = _view(question, quiz, md, schemes, text, language)
        prompt_html = view.pop("prompt_html", None) or md.block(question.prompt)
        views.append(
            QuestionView(
                id=question.id,
                type=question.type,
                number=number_,
                points=number(question.points),
                skills=[skill_names.get(s, s) for s in question.skills],
                hints=[md.block(h) for h in question.hints],
                explanation=md.block(question.explanation),
                feedback_correct=md.block(question.feedback.correct) if question.feedback else "",
                feedback_incorrect=md.block(question.feedback.incorrect) if question.feedback else "",
                prompt_html=prompt_html,
                prompt_inline=_inline(prompt_html),
                **view,
            )
        )
        keys[question.id] = key
    return views, keys


def _inline(block_html: str) -> str | None:
    """The prompt as phrasing content for <legend>, when it is a single paragraph."""
    match = re.fullmatch(r"<p>(.*)</p>", block_html.strip(), re.DOTALL)
    return match.group(1) if match and "<p>" not in match.group(1) else None


def _view(
    q: QuestionBase, quiz: Quiz, md: MarkdownRenderer, schemes: dict[str, Scheme], text: dict[str, str], language: str
) -> tuple[dict[str, Any], AnswerKey]:
    common: dict[str, Any] = {"points": q.points, "skills": q.skills}
    if isinstance(q, SingleChoice | MultipleResponse):
        options = [Choice(i, md.inline(o.text), md.block(o.feedback)) for i, o in enumerate(q.options)]
        # Shuffled here, not in the browser: the page shows a first attempt as it was built, so
        # mounting moves nothing, and the page without JavaScript does not list the answer first.
        if quiz.shuffle_options:
            options = stable_shuffle(options, q.id)
        correct = [i for i, o in enumerate(q.options) if o.correct]
        choice_key: AnswerKey = (
            SingleKey(type="single", correct=correct, **common)
            if isinstance(q, SingleChoice)
            else MultipleKey(type="multiple", correct=correct, scoring=q.scoring or quiz.scoring, **common)
        )
        return {"options": options}, choice_key
    if isinstance(q, TrueFalse):
        return {}, TrueFalseKey(type="truefalse", answer=q.answer, **common)
    if isinstance(q, FillIn):
        labels = tuple(text["blank"].format(n=n) for n in range(1, len(q.blanks) + 1))
        rendered, found = md.marked(q.prompt.replace(BLANK, md.blank_token), Marks(md.blank_token, labels))
        if found.blanks != len(q.blanks):
            raise MarkError(
                q.id,
                ("prompt",),
                f"{len(q.blanks)} blank(s) {BLANK} are listed but {found.blanks} are in "
                "the question's text; a blank cannot stand inside a link, a title, code or raw HTML",
            )
        blanks = [
            BlankKey(accept=_normalised(b.accept), synonyms=_normalised(b.synonyms), regex=b.regex, show=b.accept[0])
            for b in q.blanks
        ]
        return {"prompt_html": rendered}, FillKey(type="fill", blanks=blanks, groups=q.groups(), **common)
    if isinstance(q, Numeric):
        return {"unit": q.unit}, NumberKey(
            type="numeric",
            answer=q.answer,
            tolerance=q.tolerance,
            relative=q.relative,
            show=number(q.answer) + (f" {q.unit}" if q.unit else ""),
            **common,
        )
    if isinstance(q, Ordering):
        items = [Choice(i, md.inline(t)) for i, t in enumerate(q.items)]
        return {"items": stable_shuffle(items, q.id)}, OrderingKey(
            type="ordering", order=list(range(len(q.items))), **common
        )
    if isinstance(q, Matching):
        rights = [p.right for p in q.pairs] + list(q.distractors)
        choices = stable_shuffle([Choice(i, md.inline(r)) for i, r in enumerate(rights)], q.id)
        lefts = [Choice(i, md.inline(p.left)) for i, p in enumerate(q.pairs)]
        return {"lefts": lefts, "choices": choices}, MatchingKey(
            type="matching", pairs=list(range(len(q.pairs))), **common
        )
    if isinstance(q, Categorise):
        items = [Choice(i, md.inline(it.text)) for i, it in enumerate(q.items)]
        view = {"categories": [md.inline(c) for c in q.categories], "items": stable_shuffle(items, q.id)}
        return view, CategoriseKey(
            type="categorise", categories=[q.categories.index(it.category) for it in q.items], **common
        )
    if isinstance(q, Calculation):
        result, steps = solve(q.formula, q.givens, language)
        unit = FORMULAS[q.formula].unit.get(language, FORMULAS[q.formula].unit["en"])
        return {"unit": unit, "steps": steps}, NumberKey(
            type="calc",
            answer=round(result, 4),
            tolerance=q.tolerance,
            relative=True,
            show=f"{number(result)} {unit}",
            **common,
        )
    if isinstance(q, Classify):
        return _classify_view(q, md, schemes[q.scheme], text, common)
    if isinstance(q, Dialogue):
        return dialogue_view(q, quiz, md, language, stable_shuffle)
    raise TypeError(f"no view for question type {type(q).__name__}")  # pragma: no cover - the union is closed


def _normalised(answers: list[str]) -> list[str]:
    """Distinct normalised answers, in a stable order."""
    return sorted({normalise(a) for a in answers})


def _classify_view(
    q: Classify, md: MarkdownRenderer, scheme: Scheme, text: dict[str, str], common: dict[str, Any]
) -> tuple[dict[str, Any], ClassifyKey]:
    scenario, found = md.marked(q.scenario, Marks(cues=tuple(cue.quote for cue in q.cues)))
    for n, cue in enumerate(q.cues):
        if n not in found.cues:
            raise MarkError(
                q.id,
                ("cues", n, "quote"),
                f"quote {cue.quote!r} must appear in the scenario's text "
                "in one piece (not inside a link title, raw HTML or across formatting)",
            )
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
        steps.append(
            {
                "kind": "cue",
                "cue": n,
                "quote": cue.quote,
                "attribute": attribute.label,
                "value": value.label,
                "why": md.block(cue.why),
            }
        )
    chosen = classes[answer]
    if scheme.kind == "rules":
        rule = " + ".join(next(v.label for v in attributes[a].values if v.id == settings[a]) for a in attributes)
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
            {
                "id": a.id,
                "label": a.label,
                "question": a.question,
                "values": [{"id": v.id, "label": v.label} for v in a.values],
            }
            for a in scheme.attributes
        ]
        if scheme.kind == "rules"
        else [],
        "classes": [{"id": c.id, "label": c.label} for c in scheme.classes],
        "actions": action_options if chosen.action else [],
        "steps": steps,
    }
    return view, ClassifyKey(
        type="classify",
        attributes=settings if scheme.kind == "rules" else {},
        class_=answer,
        action=answer if chosen.action else None,
        show=chosen.label,
        **common,
    )


def storage_key(quiz_id: str) -> str:
    """The localStorage key of a quiz: versioned, built from its stable id only."""
    return f"cw:v{STORAGE_VERSION}:quiz:{quiz_id}"
