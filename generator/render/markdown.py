"""Author Markdown to safe HTML, through the same extensions the site uses."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from typing import Any

import markdown
from markdown.serializers import to_html_string

from .glossary_ext import GlossaryExtension, term_pattern, term_splitter
from .marks import MarkExtension, MarkResult, Marks, rewrite_text
from .sanitize import Seal, sanitize

#: The site's Markdown extensions when no MkDocs config supplies them (mkdocs.yml mirrors this).
DEFAULT_EXTENSIONS: list[str] = [
    "abbr", "admonition", "attr_list", "def_list", "footnotes", "tables", "pymdownx.details",
    "pymdownx.superfences", "pymdownx.tabbed", "pymdownx.mark", "pymdownx.caret", "pymdownx.tilde",
]
DEFAULT_CONFIGS: dict[str, dict[str, Any]] = {"pymdownx.tabbed": {"alternate_style": True}}

#: Extensions that only make sense for whole pages (they would add ids or a TOC to fragments).
_PAGE_ONLY = {"toc", "pymdownx.snippets", "pymdownx.emoji", "md_in_html", "pymdownx.arithmatex"}

_TAB_SET = re.compile(r"__tabbed_(\d+)")
#: Text Markdown would return as one unchanged paragraph: a single line with none of the
#: characters that open inline syntax, and nothing that starts a block (list, heading, quote).
_PLAIN_TEXT = re.compile(r"[^\s\\`*_{}\[\]<>&~^#+:.=-][^\n\t\\`*_{}\[\]<>&~^]*")
_BLOCK_START = re.compile(r"\d+[.)]")
_PARAGRAPH = re.compile(r"^<p>(.*)</p>$", re.DOTALL)


class MarkdownRenderer:
    """Renders author Markdown fragments; one instance per build, reset between fragments."""

    def __init__(
        self,
        extensions: list[Any] | None = None,
        configs: dict[str, dict[str, Any]] | None = None,
        glossary: dict[str, str] | None = None,
    ) -> None:
        names = [e for e in (extensions or DEFAULT_EXTENSIONS) if isinstance(e, str) and e not in _PAGE_ONLY]
        configs = {k: v for k, v in (configs or DEFAULT_CONFIGS).items() if k in names}
        self.seal = Seal()
        self._marks = MarkExtension(self.seal)
        extensions_used: list[Any] = [*names, self._marks]
        if glossary:
            extensions_used.append(GlossaryExtension(glossary, self.seal))
        self._md = markdown.Markdown(extensions=extensions_used, extension_configs=configs)
        self._tab_sets = 0
        self._cache: dict[str, str] = {}
        self._glossary = dict(glossary or {})
        self._terms = term_pattern(list(glossary)) if glossary else None
        self._split_terms = term_splitter(self._terms, self._glossary, self.seal) if self._terms else None
        #: Stands for a blank in fill-in prompts: private-use characters around the secret seal,
        #: so no author text can contain it.
        self.blank_token = f"\ue000{self.seal.value}\ue001"

    def block(self, text: str | None) -> str:
        """Markdown to sanitised block HTML ('' for None)."""
        if not text:
            return ""
        cached = self._cache.get(text)
        if cached is not None:
            return cached
        out = self._plain_paragraph(text) or self._convert(text)
        if "__tabbed_" not in out:  # tab sets need fresh ids at each occurrence
            self._cache[text] = out
        return out

    def marked(self, text: str, marks: Marks) -> tuple[str, MarkResult]:
        """Markdown to sanitised HTML with the generator's blanks and cue highlights placed in it."""
        processor = self._marks.processor
        assert processor is not None
        processor.marks = marks
        try:
            return self._convert(text), processor.result
        finally:
            processor.marks = Marks()

    def _plain_paragraph(self, text: str) -> str | None:
        """The fast path for plain sentences, which are most of a quiz: same HTML, no parser."""
        if text != text.strip() or "==" in text or not _PLAIN_TEXT.fullmatch(text) or _BLOCK_START.match(text):
            return None
        paragraph = etree.Element("p")
        paragraph.text = text
        if self._terms is None or self._split_terms is None or not self._terms.search(text):
            return to_html_string(paragraph)
        rewrite_text(paragraph, self._split_terms)
        return sanitize(to_html_string(paragraph), self.seal)

    def _convert(self, text: str) -> str:
        self._md.reset()
        html = self._md.convert(text)
        if "__tabbed_" in html:
            # pymdownx.tabbed numbers tab sets per conversion, and each fragment is a conversion of
            # its own: renumber so two fragments on one page do not share ids and radio groups.
            self._tab_sets += 1
            html = _TAB_SET.sub(lambda m: f"__tabbed_{self._tab_sets * 1000 + int(m.group(1))}", html)
        return sanitize(html, self.seal)

    def inline(self, text: str | None) -> str:
        """Markdown to sanitised HTML without the wrapping paragraph, for labels and options."""
        html = self.block(text)
        match = _PARAGRAPH.match(html)
        return match.group(1) if match and "<p>" not in match.group(1) else html

    def plain(self, text: str | None) -> str:
        """The text of rendered Markdown, tags removed (for search-free summaries and titles)."""
        return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", self.block(text))).strip())
