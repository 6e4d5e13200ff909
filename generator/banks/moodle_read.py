"""Reading Moodle XML: the question types our model has, texts in any of Moodle's formats turned into Markdown."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from typing import Any

from ..errors import ContentError, ContentErrors
from .htmlmd import escape_text
from .imported import (
    Dropped,
    Imported,
    ImportedFile,
    choice_question,
    clean_id,
    clean_tags,
    numeric_answers,
    pairs_question,
    short_answers,
    to_markdown,
)
from .xmlsafe import Positions, parse_xml

#: Moodle XML's names for text formats, as to_markdown names them.
_FORMATS = {"html": "html", "moodle_auto_format": "moodle", "plain_text": "plain", "markdown": "markdown"}
#: A cloze part: {weight:TYPE:alternatives}, as Moodle's multianswer question type reads it.
_CLOZE = re.compile(r"\{(\d*):([A-Z_]+):((?:\\.|[^}])*)\}")
_SHORT = {"SHORTANSWER", "SA", "MW", "SHORTANSWER_C", "SAC", "MWC"}
_BLANK_TOKEN = "\ue000blank{}\ue001"


def read_moodle_xml(text: str, file: str) -> ImportedFile:
    """Every question of a Moodle XML file. Raises ContentErrors (all of them) for malformed files."""
    root, positions = parse_xml(text, file)
    if root.tag != "quiz":
        line, column = positions.of(root)
        raise ContentErrors(
            [
                ContentError(
                    file,
                    line,
                    column,
                    "",
                    f"expected a 'quiz' root element, found {root.tag!r}: this is not a Moodle XML question file",
                )
            ]
        )
    out, errors = ImportedFile(), []
    for element in root.iter("question"):
        kind = element.get("type", "")
        line, column = positions.of(element)
        if kind == "category":
            out.categories.append(_plain(element, "category"))
            continue
        notes: list[str] = []
        name = _plain(element, "name")
        data: dict[str, Any] = {"id": clean_id(_plain(element, "idnumber")) or clean_id(name)}
        if name and name != data["id"]:
            notes.append(f"name {name!r} not kept: questions here have ids, not names")
        try:
            data |= _common(element, notes) | _body(element, kind, positions, file, notes)
        except Dropped as exc:
            out.notes.append(f"line {line}: question {data['id'] or name} ({kind}) not imported: {exc}")
            continue
        except _BadError as exc:
            errors.append(ContentError(file, *positions.of(exc.element), "", exc.message))
            continue
        out.questions.append(
            Imported(
                {k: v for k, v in data.items() if v not in (None, "", [], {})},
                line,
                column,
                notes,
                out.categories[-1] if out.categories else None,
            )
        )
    if errors:
        raise ContentErrors(errors)
    return out


class _BadError(Exception):
    """A malformed question element."""

    def __init__(self, element: ET.Element, message: str) -> None:
        super().__init__(message)
        self.element, self.message = element, message


def _plain(element: ET.Element, tag: str) -> str:
    """The text of <tag><text>…</text></tag> (or of <tag>…</tag>), stripped."""
    child = element.find(tag)
    if child is None:
        return ""
    inner = child.find("text")
    return ((inner if inner is not None else child).text or "").strip()


def _md(element: ET.Element | None, default: str = "html") -> str:
    """A Moodle text element (<x format=…><text>…</text></x>) as Markdown."""
    if element is None:
        return ""
    inner = element.find("text")
    value = (inner.text if inner is not None else element.text) or ""
    return to_markdown(value, _FORMATS.get(element.get("format", default), "html")) if value.strip() else ""


def _common(element: ET.Element, notes: list[str]) -> dict[str, Any]:
    data: dict[str, Any] = {"explanation": _md(element.find("generalfeedback"))}
    hints = [_md(h) for h in element.findall("hint")]
    data["hints"] = [h for h in hints if h]
    grade = _plain(element, "defaultgrade")
    try:
        points = float(grade) if grade else 1.0
    except ValueError:
        raise _BadError(element, f"defaultgrade {grade!r} is not a number") from None
    if points != 1:
        if 0 < points <= 100:
            data["points"] = points
        else:
            notes.append(f"default grade {points:g} dropped: points are more than 0 and at most 100")
    data["skills"] = clean_tags([_plain(t, "text") or (t.text or "") for t in element.iter("tag")], notes)
    fb = {w: _md(element.find(f"{w}feedback")) for w in ("correct", "incorrect")}
    if any(fb.values()):
        data["feedback"] = {k: v for k, v in fb.items() if v}
    return data


def _fraction(answer: ET.Element) -> float:
    try:
        return float(answer.get("fraction", "0")) / 100
    except ValueError:
        raise _BadError(answer, f"fraction {answer.get('fraction')!r} is not a number") from None


def _body(element: ET.Element, kind: str, positions: Positions, file: str, notes: list[str]) -> dict[str, Any]:
    prompt = _md(element.find("questiontext"))
    answers = element.findall("answer")
    fmt = element.find("questiontext")
    if kind == "multichoice":
        options = [(_md(a, "html"), _fraction(a), _md(a.find("feedback")) or None) for a in answers]
        single = _plain(element, "single").lower() in ("true", "1")
        return {"prompt": prompt} | choice_question(options, single, notes)
    if kind == "truefalse":
        right = next((a for a in answers if _fraction(a) > 0.5), None)
        if right is None or len(answers) != 2:
            raise _BadError(element, "a true/false question needs a 'true' and a 'false' answer, one of them right")
        wrong = next(a for a in answers if a is not right)
        fb = {"correct": _md(right.find("feedback")), "incorrect": _md(wrong.find("feedback"))}
        data = {"type": "truefalse", "prompt": prompt, "answer": _plain(right, "text").lower() == "true"}
        return data | ({"feedback": {k: v for k, v in fb.items() if v}} if any(fb.values()) else {})
    if kind == "shortanswer":
        if _plain(element, "usecase") == "1":
            notes.append("case-sensitive in Moodle; the site ignores case")
        data = short_answers(
            [(_plain(a, "text"), _fraction(a), _md(a.find("feedback")) or None) for a in answers], notes
        )
        return data | {"prompt": f"{prompt}\n\n{{_}}" if prompt else "{_}"}
    if kind == "numerical":
        values = []
        for a in answers:
            value, tolerance = _plain(a, "text"), _plain(a, "tolerance") or "0"
            try:
                number = None if value == "*" else float(value)
                values.append((number, float(tolerance), _fraction(a), _md(a.find("feedback")) or None))
            except ValueError:
                raise _BadError(a, f"answer {value!r} with tolerance {tolerance!r} is not a number") from None
        data = {"prompt": prompt} | numeric_answers(values, notes)
        unit = next(
            (_plain(u, "unit_name") for u in element.iter("unit") if _plain(u, "multiplier") in ("1", "1.0")), ""
        )
        return data | ({"unit": unit} if unit else {})
    if kind == "matching":
        pairs = [(_md(s, "html"), escape_text(_plain(s, "answer"))) for s in element.findall("subquestion")]
        return {"prompt": prompt} | pairs_question(pairs, notes)
    if kind == "ordering":
        ordered = sorted(answers, key=_fraction)
        if _plain(element, "gradingtype") not in ("", "ALL_OR_NOTHING", "0"):
            notes.append(f"grading {_plain(element, 'gradingtype')} dropped: the site grades an order all-or-nothing")
        return {"type": "ordering", "prompt": prompt, "items": [_md(a, "html") for a in ordered]}
    if kind in ("cloze", "multianswer"):
        return _cloze(fmt, notes)
    raise Dropped(f"Moodle's {kind!r} questions have no form here" if kind else "a question without a type")


def _cloze(questiontext: ET.Element | None, notes: list[str]) -> dict[str, Any]:
    """A cloze question whose parts are all short answers, as a fill-in with one blank per part."""
    inner = questiontext.find("text") if questiontext is not None else None
    source = (inner.text if inner is not None else "") or ""
    blanks: list[dict[str, Any]] = []
    feedbacks: list[dict[str, str]] = []

    def blank(match: re.Match[str]) -> str:
        if match.group(2) not in _SHORT:
            raise Dropped(f"a cloze part of type {match.group(2)} has no form here (only short answers do)")
        if match.group(2) in ("SHORTANSWER_C", "SAC", "MWC"):
            notes.append("a case-sensitive blank in Moodle; the site ignores case")
        alternatives = []
        for part in re.split(r"(?<![\\&])~", html.unescape(match.group(3))):
            fraction, rest = (1.0, part[1:]) if part.startswith("=") else _weight(part)
            mark = re.search(r"(?<!\\)#", rest)
            answer, feedback = (rest[: mark.start()], rest[mark.end() :]) if mark else (rest, "")
            value = answer.replace("\\}", "}").replace("\\#", "#").strip()
            alternatives.append((value, fraction, feedback.replace("\\}", "}").replace("\\#", "#").strip() or None))
        data = short_answers(alternatives, notes)
        blanks.append(data["blanks"][0])
        feedbacks.append(data.get("feedback", {}))
        return _BLANK_TOKEN.format(len(blanks) - 1)

    marked = _CLOZE.sub(blank, source)
    if not blanks:
        raise Dropped("a cloze question without parts")
    prompt = to_markdown(
        marked, _FORMATS.get(questiontext.get("format", "html"), "html") if questiontext is not None else "html"
    )
    for n in range(len(blanks)):
        prompt = prompt.replace(_BLANK_TOKEN.format(n), "{_}")
    data: dict[str, Any] = {"type": "fill", "prompt": prompt, "blanks": blanks}
    if len(blanks) == 1 and feedbacks[0]:
        data["feedback"] = feedbacks[0]
    elif any(feedbacks):
        notes.append("feedback of the separate blanks dropped: feedback here is for the whole question")
    return data


def _weight(part: str) -> tuple[float, str]:
    match = re.match(r"%(-?\d+(?:[.,]\d*)?)%", part)
    return (float(match.group(1).replace(",", ".")) / 100, part[match.end() :]) if match else (0.0, part)
