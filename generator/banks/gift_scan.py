"""The characters of a GIFT question after its escapes, and the small searches the reader makes on them.

Each character keeps its offset in the file (for error positions) and whether it was escaped (an
escaped `{` is text, never the start of an answer block).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .imported import to_markdown

_ESCAPABLE = "\\:#={}~n"
_FORMAT = re.compile(r"\s*\[(html|markdown|plain|moodle)\]")
_WEIGHT = re.compile(r"\s*%(-?\d+(?:[.,]\d+)?)%")


@dataclass(frozen=True)
class Unit:
    """One character of a question after GIFT's escapes, with its offset in the file."""

    char: str
    escaped: bool
    offset: int


Units = list[Unit]


class Malformed(Exception):
    """A GIFT syntax error at a file offset."""

    def __init__(self, offset: int, message: str) -> None:
        super().__init__(message)
        self.offset, self.message = offset, message


def units_of(text: str, start: int, end: int) -> Units:
    """The characters of text[start:end] with escapes read (`\\n` is a line break)."""
    out, i = [], start
    while i < end:
        if text[i] == "\\" and i + 1 < end and text[i + 1] in _ESCAPABLE:
            out.append(Unit("\n" if text[i + 1] == "n" else text[i + 1], True, i))
            i += 2
        else:
            out.append(Unit(text[i], False, i))
            i += 1
    return out


def find(units: Units, target: str, start: int = 0) -> int:
    """Index of the first unescaped `target` at or after `start`, or -1."""
    for i in range(max(start, 0), len(units) - len(target) + 1):
        if all(not units[i + k].escaped and units[i + k].char == c for k, c in enumerate(target)):
            return i
    return -1


def rfind(units: Units, target: str) -> int:
    """Index of the last unescaped `target`, or -1."""
    found, at = -1, find(units, target)
    while at >= 0:
        found, at = at, find(units, target, at + 1)
    return found


def text(units: Units) -> str:
    """The characters as a string."""
    return "".join(u.char for u in units)


def strip(units: Units) -> Units:
    """Without unescaped white space at either end."""
    start, end = 0, len(units)
    while start < end and units[start].char.isspace() and not units[start].escaped:
        start += 1
    while end > start and units[end - 1].char.isspace() and not units[end - 1].escaped:
        end -= 1
    return units[start:end]


def split(units: Units, markers: str) -> list[tuple[str, Units]]:
    """Split at each unescaped marker character: (marker, the units after it)."""
    parts: list[tuple[str, Units]] = [("", [])]
    for u in units:
        if not u.escaped and u.char in markers:
            parts.append((u.char, []))
        else:
            parts[-1][1].append(u)
    if text(parts[0][1]).strip():
        raise Malformed(
            strip(parts[0][1])[0].offset,
            "text before the first answer (answers start with "
            f"{' or '.join(repr(m) for m in markers)}); write \\= or \\~ for a literal one",
        )
    return parts[1:]


def cut(units: Units, marker: str, most: int) -> list[Units]:
    """Split at the first `most` unescaped `marker`s."""
    parts: list[Units] = [[]]
    for u in units:
        if not u.escaped and u.char == marker and len(parts) <= most:
            parts.append([])
        else:
            parts[-1].append(u)
    return parts


def weight(units: Units) -> tuple[float | None, Units]:
    """A leading %weight% as a fraction (None if there is none) and the units after it."""
    match = _WEIGHT.match(text(units))
    if match is None:
        return None, units
    return float(match.group(1).replace(",", ".")) / 100, units[match.end() :]


def split_format(value: str, default: str) -> tuple[str, str]:
    """(format, the rest) of a text that may start with a [format] tag."""
    match = _FORMAT.match(value)
    return (match.group(1), value[match.end() :].lstrip()) if match else (default, value)


def formatted(units: Units, default: str) -> tuple[str, str]:
    """(format, text) of a text field, its [format] tag removed."""
    fmt, value = split_format(text(units).strip(), default)
    return fmt, value.strip()


def md(units: Units, fmt: str) -> str:
    """A text field as our Markdown, read in its own [format] or else `fmt`."""
    own, value = formatted(units, fmt)
    return to_markdown(value, own)
