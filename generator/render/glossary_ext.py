"""Glossary terms marked in Chinese text (plain-text titles; the theme's HTML tooltips stay off).

Python-Markdown's abbr extension wraps terms only between word boundaries (\\b), and there is no
word boundary between two Chinese characters, so a term inside a Chinese sentence is never found.
This extension walks the text nodes with a pattern that asks for a boundary only where the term
itself starts or ends with a Latin letter or digit (one pass, linear in the text).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree  # noqa: N813 (Python-Markdown's own name for it)

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from .marks import Splitter, rewrite_text
from .sanitize import Seal


def term_pattern(terms: list[str]) -> re.Pattern[str]:
    """One regex for all terms, longest first, boundaries only on Latin edges."""
    parts = []
    for term in sorted(terms, key=len, reverse=True):
        left = r"(?<![A-Za-z0-9])" if term[:1].isascii() and term[:1].isalnum() else ""
        right = r"(?![A-Za-z0-9])" if term[-1:].isascii() and term[-1:].isalnum() else ""
        parts.append(f"{left}{re.escape(term)}{right}")
    return re.compile("|".join(parts))


def term_splitter(pattern: re.Pattern[str], terms: dict[str, str], seal: Seal) -> Splitter:
    """Splits a text node around the glossary terms it contains, wrapping each in `term_element`."""

    def split(text: str) -> list[str | etree.Element] | None:
        pieces: list[str | etree.Element] = []
        end = 0
        for match in pattern.finditer(text):
            pieces += [text[end : match.start()], term_element(match.group(0), terms[match.group(0)], seal)]
            end = match.end()
        return pieces + [text[end:]] if pieces else None

    return split


class _GlossaryTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, terms: dict[str, str], seal: Seal) -> None:
        super().__init__(md)
        self.split = term_splitter(term_pattern(list(terms)), terms, seal) if terms else None

    def run(self, root: etree.Element) -> None:
        if self.split is not None:
            rewrite_text(root, self.split)


def term_element(term: str, definition: str, seal: Seal) -> etree.Element:
    """A glossary term: the definition is a plain-text title, and keyboard focus shows it too."""
    element = etree.Element("abbr", {"class": seal("cw-term"), "title": definition, "tabindex": "0"})
    element.text = AtomicString(term)
    return element


class GlossaryExtension(Extension):
    """Wrap glossary terms in <abbr title="definition"> (the browser shows the title as text)."""

    def __init__(self, terms: dict[str, str], seal: Seal) -> None:
        super().__init__()
        self.terms = dict(terms)
        self.seal = seal

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's API)
        md.treeprocessors.register(_GlossaryTreeprocessor(md, self.terms, self.seal), "cw_glossary", 7)
