"""Reading GIFT by Moodle's rules, with the line and column of every error.

A blank line ends a question; a line starting with `//` is a comment (`[id:…]` and `[tag:…]` in it
name the question); `\\~ \\= \\# \\{ \\} \\: \\\\` are literal characters and `\\n` a line break. The
answer block decides the type, in Moodle's order: `>N` ordering (qtype_ordering), `#` numeric,
any `~` choice, `=` with `->` matching, T/F true-false, empty essay, anything else short answer.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from ..errors import ContentError, ContentErrors
from .gift_scan import (
    Malformed,
    Units,
    cut,
    find,
    formatted,
    md,
    rfind,
    split,
    split_format,
    strip,
    text,
    units_of,
    weight,
)
from .htmlmd import escape_text
from .imported import (
    Dropped,
    Imported,
    ImportedFile,
    choice_question,
    clean_id,
    clean_tags,
    fill_prompt,
    numeric_answers,
    pairs_question,
    short_answers,
    to_markdown,
)

_NUMBER = re.compile(r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?")
_ORDERING = re.compile(
    r">\s*(\d+)\s*((?:ALL|EXACT|RANDOM|REL|CONTIGUOUS|CONTIG)?)\s*"
    r"((?:HORIZONTAL|HORI|H|VERTICAL|VERT|V)?)\s*([A-Z_]*)\s*((?:SHOW|TRUE|YES|HIDE|FALSE|NO)?)"
    r"[ \t]*(.*)$",
    re.DOTALL,
)
#: Stands for the answer box while a prompt in HTML or plain text is converted.
_BOX = "\ue000box\ue001"


class _Source:
    def __init__(self, text: str, file: str) -> None:
        self.file = file
        self.starts = [0] + [n + 1 for n, c in enumerate(text) if c == "\n"]

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def error(self, offset: int, message: str) -> ContentError:
        line, column = self.position(offset)
        return ContentError(self.file, line, column, "", message)


def read_gift(source_text: str, file: str) -> ImportedFile:
    """Every question of a GIFT file. Raises ContentErrors (all of them) for malformed questions."""
    source_text = source_text.replace("\r\n", "\n").replace("\r", "\n")
    source, out, errors = _Source(source_text, file), ImportedFile(), []
    masked = list(source_text)
    comments: dict[int, str] = {}
    offset = 0
    for line in source_text.split("\n"):
        if line.lstrip().startswith("//"):  # a comment line counts as a space, as in Moodle
            comments[offset] = line
            masked[offset : offset + len(line)] = " " * len(line)
        offset += len(line) + 1
    masked_text = "".join(masked)
    # Questions are split on blank lines first; comment lines inside a question belong to it (as in Moodle).
    for start, end in _blocks(source_text):
        notes = [c for at, c in comments.items() if start <= at < end]
        try:
            got = _question(source, units_of(masked_text, start, end), notes, out)
        except Malformed as exc:
            errors.append(source.error(exc.offset, exc.message))
            continue
        if got is not None:
            out.questions.append(got)
    if errors:
        raise ContentErrors(errors)
    return out


def _blocks(source_text: str) -> list[tuple[int, int]]:
    """(start, end) of each run of lines that are not blank."""
    out, start, offset = [], -1, 0
    for line in source_text.split("\n"):
        if line.strip() and start < 0:
            start = offset
        elif not line.strip() and start >= 0:
            out.append((start, offset - 1))
            start = -1
        offset += len(line) + 1
    if start >= 0:
        out.append((start, len(source_text)))
    return out


def _question(source: _Source, units: Units, comments: list[str], out: ImportedFile) -> Imported | None:
    units = strip(units)
    if not units:
        return None
    if text(units).startswith("$CATEGORY:"):
        out.categories.append(text(units)[len("$CATEGORY:") :].strip())
        return None
    line, column = source.position(units[0].offset)
    ident = next((m.group(1).strip() for c in comments for m in [re.search(r"\[id:([^\]]+)\]", c)] if m), None)
    tags = [t.strip() for c in comments for t in re.findall(r"\[tag:([^\]]+)\]", c)]
    notes: list[str] = []
    title, i = None, 0
    if find(units[:2], "::") == 0:
        end = find(units, "::", 2)
        if end < 0:
            raise Malformed(units[0].offset, "the title opened with '::' is not closed with '::'")
        title, i = text(units[2:end]).strip(), end + 2
    opening, closing = find(units, "{", i), find(units, "}", i)
    if opening < 0 and closing < 0:
        out.notes.append(f"line {line}: a description (text without an answer block) was not imported")
        return None
    if closing >= 0 and (opening < 0 or closing < opening):
        raise Malformed(units[closing].offset, "'}' without an opening '{' (write \\} for a literal brace)")
    closing = find(units, "}", opening + 1)
    if closing < 0:
        raise Malformed(units[opening].offset, "the answer block opened here is not closed with '}'")
    if (again := find(units, "{", closing + 1)) >= 0:
        raise Malformed(
            units[again].offset, "a second answer block: a GIFT question has one (write \\{ for a literal brace)"
        )
    fmt, _ = formatted(units[i:opening], "moodle")
    data: dict[str, Any] = {"id": clean_id(ident) or clean_id(title)}
    if title and title != data["id"]:
        notes.append(f"title {title!r} not kept: questions here have ids, not titles")
    answers = units[opening + 1 : closing]
    if (general := rfind(answers, "####")) >= 0:
        data["explanation"] = md(answers[general + 4 :], fmt)
        answers = answers[:general]
    try:
        data |= _answers(strip(answers), units[i:opening], units[closing + 1 :], fmt, notes)
    except Dropped as exc:
        out.notes.append(f"line {line}: question {data['id'] or title or ''} not imported: {exc}")
        return None
    if skills := clean_tags(tags, notes):
        data["skills"] = skills
    return Imported(
        {k: v for k, v in data.items() if v not in (None, "", [], {})},
        line,
        column,
        notes,
        out.categories[-1] if out.categories else None,
    )


def _prompt(before: Units, after: Units, fmt: str, fill: bool) -> str:
    """The question text, with the blank {_} (fill) or Moodle's _____ (other types, when text follows the
    block) where the answer block was. Markdown keeps its spaces exactly; other formats are converted."""
    own, head = split_format(text(before).lstrip(), fmt)
    tail = text(after).rstrip()
    box = "{_}" if fill else "\\_\\_\\_\\_\\_"
    if not tail.strip() and not fill:
        return to_markdown(head, own)
    if own == "markdown":
        return fill_prompt(head, tail, []) if fill else f"{head}{box}{tail}".strip()
    return to_markdown(head + _BOX + tail, own).replace(_BOX, box)


def _answers(body: Units, before: Units, after: Units, fmt: str, notes: list[str]) -> dict[str, Any]:
    value = text(body)
    prompt = _prompt(before, after, fmt, fill=False)
    if not value.strip():
        raise Dropped("an essay question (empty answer block) has no form here")
    if (ordering := _ORDERING.match(value)) is not None:
        items = [escape_text(item.strip()) for item in ordering.group(6).split("\n") if item.strip()]
        if ordering.group(2) not in ("", "ALL", "EXACT") or int(ordering.group(1)) < len(items):
            notes.append("Moodle shows a selection of the items; every item is imported and shown")
        if ordering.group(4) not in ("", "ALL_OR_NOTHING"):
            notes.append(f"grading {ordering.group(4)} dropped: the site grades an order all-or-nothing")
        return {"type": "ordering", "prompt": prompt, "items": items}
    if value.startswith("#"):
        return {"prompt": prompt, **_numeric(body[1:], fmt, notes)}
    if find(body, "~") >= 0:
        options = []
        for marker, part in split(body, "=~"):
            share, rest = (1.0, part) if marker == "=" else weight(part)
            answer, *feedback = cut(rest, "#", 1)
            options.append(
                (
                    md(answer, fmt),
                    0.0 if share is None else share,
                    md(feedback[0], fmt) if feedback and text(feedback[0]).strip() else None,
                )
            )
        return {"prompt": prompt, **choice_question(options, find(body, "=") >= 0, notes)}
    if find(body, "=") >= 0 and "->" in value:
        pairs = []
        for _, part in split(body, "="):
            arrow = text(part).find("->")
            if arrow < 0:
                raise Malformed((strip(part) or body)[0].offset, "a matching pair needs 'left -> right'")
            pairs.append((md(part[:arrow], fmt), escape_text(text(part[arrow + 2 :]).strip())))
        return {"prompt": prompt, **pairs_question(pairs, notes)}
    head, *feedbacks = cut(body, "#", 2)
    if text(head).strip() in ("T", "TRUE", "F", "FALSE"):
        fb = {w: md(f, fmt) for w, f in zip(("incorrect", "correct"), feedbacks, strict=False) if text(f).strip()}
        data: dict[str, Any] = {"type": "truefalse", "prompt": prompt, "answer": text(head).strip()[0] == "T"}
        return data | ({"feedback": fb} if fb else {})
    return {"prompt": _prompt(before, after, fmt, fill=True), **_short(body, fmt, notes)}


def _answer_parts(units: Units) -> tuple[float | None, str, Units, Units | None]:
    """(weight, answer text without a [format] tag, answer units, feedback units) of one answer."""
    share, rest = weight(strip(units))
    answer, *feedback = cut(rest, "#", 1)
    return share, formatted(answer, "moodle")[1], answer, (feedback[0] if feedback else None)


def _numeric(body: Units, fmt: str, notes: list[str]) -> dict[str, Any]:
    tilde = find(body, "~")  # Moodle: what follows '~' is the feedback for any other number
    wrong = body[tilde + 1 :] if tilde >= 0 else None
    answers: list[tuple[float | None, float, float, str | None]] = []
    for chunk in (c for c in cut(body[:tilde] if tilde >= 0 else body, "=", len(body)) if text(c).strip()):
        share, value, units, fb = _answer_parts(chunk)
        feedback = md(fb, fmt) if fb and text(fb).strip() else None
        low, _, high = value.partition("..")
        number, _, margin = value.partition(":")
        if value == "*":
            answers.append((None, 0.0, 0.0 if share is None else share, feedback))
        elif high and _NUMBER.fullmatch(low.strip()) and _NUMBER.fullmatch(high.strip()):
            answers.append(
                (
                    (float(low) + float(high)) / 2,
                    abs(float(high) - float(low)) / 2,
                    1.0 if share is None else share,
                    feedback,
                )
            )
        elif _NUMBER.fullmatch(number.strip()) and (not margin or _NUMBER.fullmatch(margin.strip())):
            answers.append((float(number), float(margin) if margin else 0.0, 1.0 if share is None else share, feedback))
        else:
            raise Malformed(
                (strip(units) or chunk)[0].offset, f"expected a number, number:margin or min..max; found {value!r}"
            )
    if wrong is not None and (after := cut(wrong, "#", 1)[1:]) and text(after[0]).strip():
        answers.append((None, 0.0, 0.0, md(after[0], fmt)))
    return numeric_answers(answers, notes)


def _short(body: Units, fmt: str, notes: list[str]) -> dict[str, Any]:
    answers = []
    for chunk in (c for c in cut(body, "=", len(body)) if text(c).strip()):
        share, value, _, fb = _answer_parts(chunk)
        answers.append((value, 1.0 if share is None else share, md(fb, fmt) if fb and text(fb).strip() else None))
    return short_answers(answers, notes)
