"""The generator's own marks in author text: fill-in boxes and cue highlights.

They are placed on Python-Markdown's element tree, in text nodes only, before the HTML is
sanitised (see `sanitize.Seal`): a blank or a cue quote that an author put inside a link title or
raw HTML is simply not found there, and the renderer reports it instead of writing markup into
an attribute.
"""

from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as etree  # noqa: N813 (Python-Markdown's own name for it)
from collections.abc import Callable
from dataclasses import dataclass, field

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from .sanitize import Seal

#: Splits one text node into text and new elements: [text, element, text, element, text, …].
Splitter = Callable[[str], list[str | etree.Element] | None]


class MarkError(Exception):
    """A blank or a cue that cannot be placed in the question's text (reported with file and line)."""

    def __init__(self, question: str, loc: tuple[str | int, ...], message: str) -> None:
        super().__init__(message)
        self.question, self.loc, self.message = question, loc, message


@dataclass(frozen=True)
class Marks:
    """What to mark in one fragment: its blanks (written as `token`) and its cue quotes."""

    blank_token: str | None = None
    blank_labels: tuple[str, ...] = ()
    cues: tuple[str, ...] = ()


@dataclass
class MarkResult:
    """What was found: the number of blanks placed and the indexes of cues highlighted."""

    blanks: int = 0
    cues: set[int] = field(default_factory=set)


def rewrite_text(root: etree.Element, split: Splitter) -> None:
    """Apply `split` to every text node under `root` in document order (code spans excluded)."""
    text = root.text
    if text and not isinstance(text, AtomicString):
        pieces = split(text)
        if pieces is not None:
            root.text = _text(pieces[0])
            for n, element in enumerate(_elements(pieces)):
                root.insert(n, element)
    index = 0
    while index < len(root):
        child = root[index]
        rewrite_text(child, split)
        index += 1
        tail = child.tail
        if tail and not isinstance(tail, AtomicString):
            pieces = split(tail)
            if pieces is not None:
                child.tail = _text(pieces[0])
                for element in _elements(pieces):
                    root.insert(index, element)
                    index += 1


def _text(piece: str | etree.Element) -> str:
    assert isinstance(piece, str)
    return piece


def _elements(pieces: list[str | etree.Element]) -> list[etree.Element]:
    """The new elements of a split, each carrying the text that follows it as its tail."""
    out = []
    for element, tail in zip(pieces[1::2], pieces[2::2], strict=True):
        assert isinstance(element, etree.Element)
        element.tail = _text(tail)
        out.append(element)
    return out


class MarkTreeprocessor(Treeprocessor):
    """Places the blanks and cue highlights of `self.marks`; counts what it placed."""

    def __init__(self, md: Markdown, seal: Seal) -> None:
        super().__init__(md)
        self.seal = seal
        self.marks = Marks()
        self.result = MarkResult()

    def run(self, root: etree.Element) -> None:
        self.result = MarkResult()
        marks = self.marks
        if marks.blank_token:
            token = re.compile(re.escape(marks.blank_token))
            rewrite_text(root, functools.partial(self._blanks, token=token))
        for n, quote in enumerate(marks.cues):
            if quote:
                rewrite_text(root, functools.partial(self._cue, n=n, quote=quote))

    def _blanks(self, text: str, token: re.Pattern[str]) -> list[str | etree.Element] | None:
        parts = token.split(text)
        if len(parts) == 1:
            return None
        pieces: list[str | etree.Element] = [parts[0]]
        for part in parts[1:]:
            pieces += [self._input(self.result.blanks), part]
            self.result.blanks += 1
        return pieces

    def _input(self, n: int) -> etree.Element:
        labels = self.marks.blank_labels
        seal = self.seal
        return etree.Element(
            "input",
            {
                "type": "text",
                "class": seal("cw-blank"),
                "data-cw-blank": seal(str(n)),
                "aria-label": seal(labels[n] if n < len(labels) else str(n + 1)),
                "autocomplete": seal("off"),
                "spellcheck": seal("false"),
            },
        )

    def _cue(self, text: str, n: int, quote: str) -> list[str | etree.Element] | None:
        if n in self.result.cues or quote not in text:
            return None
        self.result.cues.add(n)
        start = text.index(quote)
        span = etree.Element("span", {"class": self.seal("cw-cue"), "data-cw-cue": self.seal(str(n))})
        span.text = AtomicString(quote)
        return [text[:start], span, text[start + len(quote) :]]


class MarkExtension(Extension):
    """Registers the mark processor after inline parsing, so it sees the final text nodes."""

    def __init__(self, seal: Seal) -> None:
        super().__init__()
        self.seal = seal
        self.processor: MarkTreeprocessor | None = None

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's API)
        self.processor = MarkTreeprocessor(md, self.seal)
        md.treeprocessors.register(self.processor, "cw_marks", 5)
