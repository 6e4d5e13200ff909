"""Author Markdown to safe HTML, through the same extensions the site uses."""

from __future__ import annotations

import html
import re
from typing import Any

import markdown

from .glossary_ext import GlossaryExtension, term_pattern
from .sanitize import sanitize

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
        extensions_used: list[Any] = list(names)
        if glossary:
            extensions_used.append(GlossaryExtension(glossary))
        self._md = markdown.Markdown(extensions=extensions_used, extension_configs=configs)
        self._tab_sets = 0
        self._cache: dict[str, str] = {}
        self._glossary = {term: html.escape(definition) for term, definition in (glossary or {}).items()}
        self._terms = term_pattern(list(glossary)) if glossary else None

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

    def _plain_paragraph(self, text: str) -> str | None:
        """The fast path for plain sentences, which are most of a quiz: same HTML, no parser."""
        if text != text.strip() or "==" in text or not _PLAIN_TEXT.fullmatch(text) or _BLOCK_START.match(text):
            return None
        if self._terms is None:
            return f"<p>{text}</p>"
        body = self._terms.sub(lambda m: f'<abbr title="{self._glossary[m.group(0)]}">{m.group(0)}</abbr>', text)
        return sanitize(f"<p>{body}</p>")

    def _convert(self, text: str) -> str:
        self._md.reset()
        html = self._md.convert(text)
        if "__tabbed_" in html:
            # pymdownx.tabbed numbers tab sets per conversion, and each fragment is a conversion of
            # its own: renumber so two fragments on one page do not share ids and radio groups.
            self._tab_sets += 1
            html = _TAB_SET.sub(lambda m: f"__tabbed_{self._tab_sets * 1000 + int(m.group(1))}", html)
        return sanitize(html)

    def inline(self, text: str | None) -> str:
        """Markdown to sanitised HTML without the wrapping paragraph, for labels and options."""
        html = self.block(text)
        match = _PARAGRAPH.match(html)
        return match.group(1) if match and "<p>" not in match.group(1) else html

    def plain(self, text: str | None) -> str:
        """The text of rendered Markdown, tags removed (for search-free summaries and titles)."""
        return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", self.block(text))).strip())
