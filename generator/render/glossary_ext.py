"""Glossary tooltips that work in Chinese text.

Python-Markdown's abbr extension wraps terms only between word boundaries (\\b), and there is no
word boundary between two Chinese characters, so a term inside a Chinese sentence is never found.
This extension reuses its tree walk with a pattern that asks for a boundary only where the term
itself starts or ends with a Latin letter or digit.
"""

from __future__ import annotations

import re
from typing import Any

from markdown import Extension, Markdown
from markdown.extensions.abbr import AbbrTreeprocessor


def term_pattern(terms: list[str]) -> re.Pattern[str]:
    """One regex for all terms, longest first, boundaries only on Latin edges."""
    parts = []
    for term in sorted(terms, key=len, reverse=True):
        left = r"(?<![A-Za-z0-9])" if term[:1].isascii() and term[:1].isalnum() else ""
        right = r"(?![A-Za-z0-9])" if term[-1:].isascii() and term[-1:].isalnum() else ""
        parts.append(f"{left}{re.escape(term)}{right}")
    return re.compile("|".join(parts))


class _GlossaryTreeprocessor(AbbrTreeprocessor):
    def run(self, root: Any) -> None:
        if not self.abbrs:
            return
        self.RE = term_pattern(list(self.abbrs))
        self.iter_element(root)


class GlossaryExtension(Extension):
    """Wrap glossary terms in <abbr title="definition"> (shown as tooltips by Material)."""

    def __init__(self, terms: dict[str, str]) -> None:
        super().__init__()
        self.terms = dict(terms)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's API)
        md.treeprocessors.register(_GlossaryTreeprocessor(md, self.terms), "cw_glossary", 7)
