"""Author Markdown to safe HTML, through the same extensions the site uses."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree  # noqa: N813 - the name Python-Markdown's own API uses
from collections.abc import Iterable, Iterator
from typing import Any

import markdown
from markdown.serializers import to_html_string
from pydantic import BaseModel

from .cjk import CjkLineExtension
from .glossary_ext import GlossaryExtension, term_pattern, term_splitter
from .links import Links
from .marks import MarkExtension, MarkResult, Marks, rewrite_text
from .sanitize import Seal, sanitize

#: The site's Markdown extensions when no MkDocs config supplies them (mkdocs.yml mirrors this).
DEFAULT_EXTENSIONS: list[str] = [
    "abbr",
    "admonition",
    "attr_list",
    "def_list",
    "footnotes",
    "tables",
    "pymdownx.details",
    "pymdownx.superfences",
    "pymdownx.tabbed",
    "pymdownx.mark",
    "pymdownx.caret",
    "pymdownx.tilde",
]
DEFAULT_CONFIGS: dict[str, dict[str, Any]] = {"pymdownx.tabbed": {"alternate_style": True}}

#: Extensions that only make sense for whole pages (they would add ids or a TOC to fragments).
_PAGE_ONLY = {"toc", "pymdownx.snippets", "pymdownx.emoji", "md_in_html", "pymdownx.arithmatex"}

_TAB_SET = re.compile(r"__tabbed_(\d+)")
#: Text Markdown would return as one unchanged paragraph: a single line with none of the
#: characters that open inline syntax, and nothing that starts a block (list, heading, quote).
_PLAIN_TEXT = re.compile(r"[^\s\\`*_{}\[\]<>&~^#+:.=-][^\n\t\\`*_{}\[\]<>&~^]*")
_BLOCK_START = re.compile(r"\d+[.)]")
#: **strong** and *emphasis* around plain text, the only inline syntax the fast path renders itself.
_INNER = r"[^\s\\`*_{}\[\]<>&~^](?:[^\n\t\\`*_{}\[\]<>&~^]*[^\s\\`*_{}\[\]<>&~^])?"
_EMPHASIS = re.compile(rf"(?<!\*)(\*\*|\*)({_INNER})\1(?!\*)")
_PARAGRAPH = re.compile(r"^<p>(.*)</p>$", re.DOTALL)
#: Syntax whose effect can reach past the end of a fragment, or that numbers things per parser run.
#: Characters of Markdown per batched parser run (see `prime`).
_BATCH_CHARS = 20_000
#: Text whose HTML may hold a page link or a picture, resolved relative to the page.
_RELATIVE = re.compile(r"images/|lesson:|quiz:|glossary:", re.IGNORECASE)
_UNBATCHABLE = re.compile(r"<|\]:|\[\^|\*\[|```|~~~|===|!!!|\?\?\?|^\s*:|\ue000", re.MULTILINE)


class MarkdownRenderer:
    """Renders author Markdown fragments; one instance per build, reset between fragments."""

    def __init__(
        self,
        extensions: list[Any] | None = None,
        configs: dict[str, dict[str, Any]] | None = None,
        glossary: dict[str, str] | None = None,
        links: Links | None = None,
    ) -> None:
        names = [e for e in (extensions or DEFAULT_EXTENSIONS) if isinstance(e, str) and e not in _PAGE_ONLY]
        configs = {k: v for k, v in (configs or DEFAULT_CONFIGS).items() if k in names}
        self.seal = Seal()
        self._marks = MarkExtension(self.seal)
        extensions_used: list[Any] = [*names, self._marks, CjkLineExtension()]
        if glossary:
            extensions_used.append(GlossaryExtension(glossary, self.seal))
        self._md = markdown.Markdown(extensions=extensions_used, extension_configs=configs)
        self._tab_sets = 0
        self._cache: dict[str, str] = {}
        #: Resolves page links and pictures for the page being rendered (see render/links.py).
        self.links = links
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
        key = self._key(text)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        out = self._plain_paragraph(text) or self._convert(text)
        if "__tabbed_" not in out:  # tab sets need fresh ids at each occurrence
            self._cache[key] = out
        return out

    def _key(self, text: str) -> str:
        """The cache key of `text`: with links or pictures, its HTML depends on the folder of the page."""
        if self.links is not None and _RELATIVE.search(text):
            return f"{self.links.base()}\ue000{text}"
        return text

    def prime(self, texts: Iterable[str]) -> None:
        """Render many fragments with one run of the parser, so later `block` calls hit the cache.

        A parser run costs far more than the text it parses, and most fragments are a sentence.
        Fragments are joined with a sealed separator paragraph and the output is split on it;
        fragments whose syntax could reach across that separator (raw HTML, fences, footnotes,
        reference links, abbreviations, tabs, admonitions, definition lists) are left to `block`.
        The result is byte-identical to rendering one by one (property-tested).
        """
        batch = list(
            dict.fromkeys(
                t
                for t in texts
                if t
                and self._key(t) not in self._cache
                and t.strip()
                and not t[0].isspace()
                and not self._is_plain(t)
                and not _UNBATCHABLE.search(t)
            )
        )
        # Runs of bounded size: Python-Markdown's inline pass pops its work list from the front, which
        # is quadratic in the elements of one run (a lesson at the 2 MB limit spent most of its time there).
        start, size = 0, 0
        for end, text in enumerate(batch, 1):
            size += len(text)
            if size >= _BATCH_CHARS or end == len(batch):
                self._prime_run(batch[start:end])
                start, size = end, 0

    def _prime_run(self, batch: list[str]) -> None:
        if len(batch) < 2:
            return
        separator = f"\ue000{self.seal.value}\ue001"
        self._md.reset()
        html = self._md.convert(f"\n\n{separator}\n\n".join(batch))
        pieces = html.split(f"\n<p>{separator}</p>\n")
        if len(pieces) != len(batch) or separator in html.replace(f"\n<p>{separator}</p>\n", ""):
            return  # a construct swallowed a separator: render these one by one instead
        for text, piece in zip(batch, pieces, strict=True):
            self._cache[self._key(text)] = sanitize(piece, self.seal, self.links)

    def marked(self, text: str, marks: Marks) -> tuple[str, MarkResult]:
        """Markdown to sanitised HTML with the generator's blanks and cue highlights placed in it."""
        processor = self._marks.processor
        assert processor is not None
        processor.marks = marks
        try:
            paragraph = self._fast_tree(text)
            if paragraph is None:
                return self._convert(text), processor.result
            processor.run(paragraph)  # the same marks, on the fast path's tree
            return sanitize(to_html_string(paragraph), self.seal, self.links), processor.result
        finally:
            processor.marks = Marks()

    @staticmethod
    def _is_plain(text: str) -> bool:
        if "*" in text:
            text = _EMPHASIS.sub("x", text)
        return (
            text == text.strip()
            and "==" not in text
            and bool(_PLAIN_TEXT.fullmatch(text))
            and not _BLOCK_START.match(text)
        )

    def _plain_paragraph(self, text: str) -> str | None:
        """The fast path for plain sentences, which are most of a quiz: same HTML, no parser."""
        paragraph = self._fast_tree(text)
        if paragraph is None:
            return None
        if len(paragraph) == 0:
            return to_html_string(paragraph)
        return sanitize(to_html_string(paragraph), self.seal, self.links)

    def _fast_tree(self, text: str) -> etree.Element | None:
        """The element tree the parser would build for a plain sentence (None if it is not one)."""
        if not self._is_plain(text):
            return None
        paragraph = etree.Element("p")
        paragraph.text = text
        if "*" in text:
            rewrite_text(paragraph, _emphasis)
        if self._terms is not None and self._split_terms is not None and self._terms.search(text):
            rewrite_text(paragraph, self._split_terms)
        return paragraph

    def _convert(self, text: str) -> str:
        self._md.reset()
        html = self._md.convert(text)
        if "__tabbed_" in html:
            # pymdownx.tabbed numbers tab sets per conversion, and each fragment is a conversion of
            # its own: renumber so two fragments on one page do not share ids and radio groups.
            self._tab_sets += 1
            html = _TAB_SET.sub(lambda m: f"__tabbed_{self._tab_sets * 1000 + int(m.group(1))}", html)
        return sanitize(html, self.seal, self.links)

    def inline(self, text: str | None) -> str:
        """Markdown to sanitised HTML without the wrapping paragraph, for labels and options."""
        html = self.block(text)
        match = _PARAGRAPH.match(html)
        return match.group(1) if match and "<p>" not in match.group(1) else html

    def plain(self, text: str | None) -> str:
        """The text of rendered Markdown, tags removed (for search-free summaries and titles)."""
        return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", self.block(text))).strip())


def _emphasis(text: str) -> list[str | etree.Element] | None:
    """Splits a plain sentence around its **strong** and *emphasis* runs, as the parser would."""
    pieces: list[str | etree.Element] = []
    end = 0
    for match in _EMPHASIS.finditer(text):
        element = etree.Element("strong" if match.group(1) == "**" else "em")
        element.text = match.group(2)
        pieces += [text[end : match.start()], element]
        end = match.end()
    return [*pieces, text[end:]] if pieces else None


def model_texts(value: object) -> Iterator[str]:
    """Every string inside a content model (to `prime` a page's fragments in one parser run)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from model_texts(getattr(value, name))
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from model_texts(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from model_texts(item)
