"""What the GIFT and Moodle XML readers share: the questions they read, and how LMS shapes map back to ours.

A reader turns each question of a file into an `Imported`: the question as the data of one of our
question types, the notes of what could not be kept (written as YAML comments above it), and its
line and column in the file. Choice weights, matching pairs and text formats are mapped here, the
same way for both formats.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .htmlmd import html_to_markdown, plain_to_markdown

#: Our id pattern (see model/base.py); ids from a file that do not fit are made from the file's name.
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")
_HTML_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*[\s/>]")


@dataclass
class Imported:
    """One question read from a file: our question data, what was dropped, where it starts."""

    data: dict[str, Any]
    line: int
    column: int
    notes: list[str] = field(default_factory=list)
    #: The category ($CATEGORY, Moodle's category question) the question follows, if any.
    category: str | None = None


@dataclass
class ImportedFile:
    """Every question of one file, the categories it names, and notes about the file as a whole."""

    questions: list[Imported] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


class Dropped(Exception):
    """A question that has no form in our model (the message says why); it becomes a YAML comment."""


def to_markdown(text: str, fmt: str) -> str:
    """Text in an LMS format (html, markdown, plain, moodle) as our Markdown."""
    if fmt == "markdown":
        return text.strip()
    if fmt == "html":
        return html_to_markdown(text)
    if fmt == "moodle" and _HTML_TAG.search(text):  # Moodle's auto-format: HTML, with line breaks kept
        return html_to_markdown(text, line_breaks=True)
    return plain_to_markdown(text)


def clean_id(candidate: str | None) -> str | None:
    """`candidate` if it is a valid id, else None."""
    candidate = (candidate or "").strip()
    return candidate if _ID.fullmatch(candidate) else None


def clean_tags(tags: list[str], notes: list[str]) -> list[str]:
    """Tags that are valid skill ids (spaces become '-'); a note for each one that is not."""
    out = []
    for tag in tags:
        skill = clean_id(re.sub(r"\s+", "-", tag.strip()))
        if skill:
            out.append(skill)
        else:
            notes.append(f"tag {tag!r} dropped: skill tags are letters, digits, '-', '_' or '.'")
    return list(dict.fromkeys(out))


def choice_question(
    options: list[tuple[str, float, str | None]], single_marked: bool, notes: list[str]
) -> dict[str, Any]:
    """A single or multiple choice from (text, fraction, feedback) options, as Moodle weighs them.

    `single_marked`: the file says one answer (GIFT's '=', Moodle's <single>true</single>).
    """
    full = [o for o in options if o[1] >= 0.999]
    if single_marked and len(full) != 1:
        raise Dropped(
            f"a one-answer question with {len(full)} fully right options has no form here (a single "
            "choice has exactly one right option)"
        )
    if single_marked:
        partial = [o for o in options if 0 < o[1] < 0.999]
        if partial:
            notes.append(
                "partial credit on " + ", ".join(repr(o[0]) for o in partial) + " dropped: a single-choice "
                "question has one right option"
            )
        return {"type": "single", "options": [_option(t, f >= 0.999, fb) for t, f, fb in options]}
    right = [o for o in options if o[1] > 0]
    if not right:
        raise Dropped("no option has a positive weight, so no option is right")
    k = len(right)
    site_rule = all(abs(f - (1 / k if f > 0 else -1 / k)) < 1e-3 for _, f, _ in options)
    if not site_rule:
        notes.append(
            "weights " + ", ".join(f"{f * 100:g}%" for _, f, _ in options) + " read as: positive = right; "
            "scored by the site's partial rule (+1/n per right option, -1/n per wrong one)"
        )
    return {"type": "multiple", "scoring": "partial", "options": [_option(t, f > 0, fb) for t, f, fb in options]}


def _option(text: str, correct: bool, feedback: str | None) -> dict[str, Any]:
    option: dict[str, Any] = {"text": text}
    if correct:
        option["correct"] = True
    if feedback:
        option["feedback"] = feedback
    return option


def pairs_question(pairs: list[tuple[str, str]], notes: list[str]) -> dict[str, Any]:
    """Matching, or categorise when answers repeat (how categorising is written in a matching question).

    `pairs`: (left, right); an empty left is a right-hand distractor.
    """
    real = [(left, right) for left, right in pairs if left.strip()]
    spare = [right for left, right in pairs if not left.strip()]
    rights = [right for _, right in real]
    if len(set(rights)) < len(rights):
        categories = list(dict.fromkeys(rights + spare))
        return {
            "type": "categorise",
            "categories": categories,
            "items": [{"text": left, "category": right} for left, right in real],
        }
    data: dict[str, Any] = {"type": "matching", "pairs": [{"left": left, "right": right} for left, right in real]}
    if spare:
        data["distractors"] = list(dict.fromkeys(s for s in spare if s not in rights))
    return data


def fill_prompt(before: str, after: str, notes: list[str]) -> str:
    """A fill-in prompt: the text before and after the answer box with the blank {_} between them."""
    if "{_}" in before + after:
        notes.append("the text '{_}' in the prompt is the blank marker here; the prompt's own '{_}' was escaped")
        before, after = before.replace("{_}", "\\{\\_\\}"), after.replace("{_}", "\\{\\_\\}")
    return f"{before}{{_}}{after}"


def short_answers(answers: list[tuple[str, float, str | None]], notes: list[str]) -> dict[str, Any]:
    """A one-blank fill-in from Moodle short answers: (answer, fraction, feedback).

    '*' is Moodle's wildcard ('\\*' a literal star): a lone '*' worth nothing carries the feedback for
    any other answer; other wildcard answers become a regular expression.
    """
    accept, patterns, feedback = [], [], {}
    for value, share, fb in answers:
        if value == "*" and share < 0.001:
            if fb:
                feedback["incorrect"] = fb
            continue
        if share < 0.999:
            notes.append(f"answer {value!r} ({share * 100:g}%) dropped: a blank accepts answers with full credit only")
            continue
        if fb:
            feedback.setdefault("correct", fb)
        wild = re.split(r"(?<!\\)\*", value)
        if len(wild) > 1:
            patterns.append(".*".join(re.escape(w.replace("\\*", "*")) for w in wild))
        else:
            accept.append(value.replace("\\*", "*"))
    if not accept:
        raise Dropped("a blank needs at least one answer without wildcards")
    blank: dict[str, Any] = {"accept": list(dict.fromkeys(accept))}
    if patterns:
        blank["regex"] = "|".join(patterns)
        notes.append("wildcard answers became a regular expression; the site compares it case-sensitively")
    return {"type": "fill", "blanks": [blank]} | ({"feedback": feedback} if feedback else {})


def numeric_answers(answers: list[tuple[float | None, float, float, str | None]], notes: list[str]) -> dict[str, Any]:
    """A numeric question from Moodle's answers: (number or None for '*', tolerance, fraction, feedback)."""
    data: dict[str, Any] = {"type": "numeric"}
    feedback: dict[str, str] = {}
    for value, tolerance, share, fb in answers:
        if value is None:
            if fb and share < 0.001:
                feedback["incorrect"] = fb
            continue
        if "answer" in data or share < 0.999:
            notes.append(f"answer {value:g} ({share * 100:g}%) dropped: a numeric question has one right answer")
            continue
        data |= {"answer": value, "tolerance": abs(tolerance)}
        if fb:
            feedback["correct"] = fb
    if "answer" not in data:
        raise Dropped("no answer has full credit")
    return data | ({"feedback": feedback} if feedback else {})
