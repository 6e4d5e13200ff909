"""The answers the instructor edition shows, read from the answer key the runtime grades with.

Nothing here decides what is right: every answer comes from the quiz's key (the JSON in each quiz
page that `quiz.js` grades against), and the question views only lend the text of the options,
items and classes that the key points at by index or id. Letters and numbers follow the order
of the server-rendered page, which is the order of a printed worksheet.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..model.formulas import number
from .dialoguemap import dialogue_answer
from .quizview import QuestionView

_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def letter(position: int) -> str:
    """The worksheet label of the `position`-th (0-based) choice: A, B, … (print.css counts the same way)."""
    return _LETTERS[position] if position < len(_LETTERS) else str(position + 1)


@dataclass(frozen=True)
class Labelled:
    """A worksheet label (letter or number, plain text) and the HTML it stands for."""

    label: str
    html: str


@dataclass(frozen=True)
class BlankAnswer:
    show: str
    accept: list[str]
    regex: str | None


@dataclass(frozen=True)
class AnswerView:
    """The answer of one question; fields beyond `short` belong to some types only."""

    type: str
    #: Plain text for the one-line answer key: letters, numbers, labels.
    short: str
    options: list[Labelled] = field(default_factory=list)
    option_notes: list[Labelled] = field(default_factory=list)
    truth: str | None = None
    blanks: list[BlankAnswer] = field(default_factory=list)
    value: str | None = None
    tolerance: str | None = None
    sequence: list[Labelled] = field(default_factory=list)
    pairs: list[tuple[Labelled, Labelled]] = field(default_factory=list)
    verdict: str | None = None
    settings: list[tuple[str, str]] = field(default_factory=list)
    action: str = ""
    #: A dialogue's map (dialoguemap.dialogue_map) and its turns, for the instructor.
    dialogue: dict[str, Any] | None = None


def answer_views(
    views: list[QuestionView], key: Mapping[str, Mapping[str, Any]], text: Mapping[str, str], labels: Mapping[str, str]
) -> dict[str, AnswerView]:
    """Question id -> its answer, for every question of a quiz (`key` is the quiz's grading key)."""
    return {view.id: answer_view(view, key[view.id], text, labels) for view in views}


def answer_view(
    view: QuestionView, entry: Mapping[str, Any], text: Mapping[str, str], labels: Mapping[str, str]
) -> AnswerView:
    """The answer of one question from its key entry; `text` and `labels` are the interface strings."""
    kind = view.type
    if kind in ("single", "multiple"):
        at = {c.index: n for n, c in enumerate(view.options)}
        chosen = sorted(entry["correct"], key=at.__getitem__)
        right = [Labelled(letter(at[i]), view.options[at[i]].html) for i in chosen]
        notes = [Labelled(letter(n), c.feedback) for n, c in enumerate(view.options) if c.feedback]
        return AnswerView(kind, "、".join(r.label for r in right), options=right, option_notes=notes)
    if kind == "truefalse":
        truth = text["true"] if entry["answer"] else text["false"]
        return AnswerView(kind, truth, truth=truth)
    if kind == "fill":
        blanks = [BlankAnswer(str(b["show"]), list(b["accept"]), b.get("regex")) for b in entry["blanks"]]
        return AnswerView(kind, "；".join(b.show for b in blanks), blanks=blanks)
    if kind in ("numeric", "calc"):
        return AnswerView(kind, str(entry["show"]), value=str(entry["show"]), tolerance=_tolerance(entry, labels))
    if kind == "ordering":
        at = {c.index: n for n, c in enumerate(view.items)}
        sequence = [Labelled(letter(at[i]), view.items[at[i]].html) for i in entry["order"]]
        return AnswerView(kind, " → ".join(s.label for s in sequence), sequence=sequence)
    if kind == "matching":
        at = {c.index: n for n, c in enumerate(view.choices)}
        pairs = [
            (Labelled(str(n + 1), left.html), Labelled(letter(at[right]), view.choices[at[right]].html))
            for n, (left, right) in enumerate(zip(view.lefts, entry["pairs"], strict=True))
        ]
        return AnswerView(kind, _pairs_short(pairs), pairs=pairs)
    if kind == "categorise":
        pairs = [
            (
                Labelled(str(n + 1), item.html),
                Labelled(letter(entry["categories"][item.index]), view.categories[entry["categories"][item.index]]),
            )
            for n, item in enumerate(view.items)
        ]
        return AnswerView(kind, _pairs_short(pairs), pairs=pairs)
    if kind == "classify":
        return _classify(view, entry)
    if kind == "dialogue":
        short, drawn = dialogue_answer(view.dialogue, entry)
        return AnswerView(kind, short, dialogue=drawn)
    raise TypeError(f"no answer view for question type {kind!r}")  # pragma: no cover - the union is closed


def _classify(view: QuestionView, entry: Mapping[str, Any]) -> AnswerView:
    settings = []
    for attribute in view.attributes:
        chosen = entry["attributes"].get(attribute["id"])
        value = next((v["label"] for v in attribute["values"] if v["id"] == chosen), None)
        if value is not None:
            settings.append((str(attribute["label"]), str(value)))
    action = next((a["html"] for a in view.actions if a["id"] == entry.get("action")), "")
    return AnswerView("classify", str(entry["show"]), verdict=str(entry["show"]), settings=settings, action=action)


def _pairs_short(pairs: list[tuple[Labelled, Labelled]]) -> str:
    return " ".join(f"{left.label}-{right.label}" for left, right in pairs)


def _tolerance(entry: Mapping[str, Any], labels: Mapping[str, str]) -> str | None:
    tolerance = float(entry.get("tolerance") or 0)
    if tolerance <= 0:
        return None
    if entry.get("relative"):
        return labels["tolerance_relative"].format(n=number(tolerance * 100))
    return labels["tolerance"].format(n=number(tolerance))
