"""HTML fragments as element trees, read with the standard library's tolerant HTML parser.

The site's renderer and Moodle both produce HTML (void elements such as <br> unclosed, entities
such as &nbsp;), which an XML parser rejects. This builds an ElementTree from it: QTI 2.1 embeds
the tree as XHTML, and the Moodle XML and GIFT importers read it back to Markdown.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from html.parser import HTMLParser

#: Elements that never have content or an end tag.
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
#: Elements an open <p> ends at (HTML's implied end tags, the common cases).
_CLOSES_P = frozenset(
    {"p", "div", "ul", "ol", "table", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "dl", "hr", "details"}
)
#: The XHTML elements QTI 2.1 allows in items, and for the other elements the site's HTML has, the nearest one.
_ALLOWED = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "code",
    "dd",
    "div",
    "dl",
    "dt",
    "em",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "kbd",
    "li",
    "ol",
    "p",
    "pre",
    "small",
    "span",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
    "caption",
    "cite",
    "q",
    "samp",
    "var",
    "tt",
    "big",
}
_NEAREST = {
    "mark": "span",
    "ins": "span",
    "u": "span",
    "del": "span",
    "s": "span",
    "label": "span",
    "details": "div",
    "summary": "p",
}
_KEEP_ATTRIBUTES = {"class", "href", "colspan", "rowspan"}
#: Content dropped whole: never text an author meant to show.
_SKIP = frozenset({"script", "style", "template", "head", "title"})


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = ET.Element("fragment")
        self.stack = [self.root]
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skipping or tag in _SKIP:
            self.skipping += tag in _SKIP and tag not in VOID
            return
        if tag in _CLOSES_P and any(e.tag == "p" for e in self.stack[1:]):
            self._close("p")
        if tag == "li" and self.stack[-1].tag == "li":
            self.stack.pop()
        element = ET.SubElement(self.stack[-1], tag, {k: v or "" for k, v in attrs})
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID and not self.skipping and self.stack[-1].tag == tag:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            self.skipping -= tag in _SKIP
            return
        self._close(tag)

    def _close(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        parent = self.stack[-1]
        if len(parent):
            parent[-1].tail = (parent[-1].tail or "") + data
        else:
            parent.text = (parent.text or "") + data


def parse_fragment(html: str) -> ET.Element:
    """An element named 'fragment' holding the parsed nodes of `html` (text in .text and .tail)."""
    builder = _Builder()
    builder.feed(html)
    builder.close()
    return builder.root


def embed_xhtml(parent: ET.Element, html: str, interactions: dict[str, ET.Element] | None = None) -> int:
    """Append `html` to `parent` as QTI's XHTML, placing `interactions` where their tokens are; returns how many."""
    holder = ET.SubElement(parent, "div")
    placed = _copy(parse_fragment(html), holder, interactions or {})
    if not len(holder) and not (holder.text or "").strip():
        parent.remove(holder)
    return placed


def _copy(source: ET.Element, target: ET.Element, interactions: dict[str, ET.Element]) -> int:
    placed = _text(target, source.text or "", interactions)
    for child in source:
        tag = child.tag if child.tag in _ALLOWED else _NEAREST.get(str(child.tag))
        if tag is not None:  # None: the tabs' radio buttons, nothing to show in an item
            attrs = {k: v for k, v in child.attrib.items() if k in _KEEP_ATTRIBUTES and (k != "href" or tag == "a")}
            placed += _copy(child, ET.SubElement(target, tag, attrs), interactions)
        placed += _text(target, child.tail or "", interactions)
    return placed


def _text(target: ET.Element, text: str, interactions: dict[str, ET.Element]) -> int:
    """Add `text` at the end of `target`'s content, with the interactions in place of their tokens."""
    placed = 0
    for token, element in interactions.items():
        if token in text:
            before, text = text.split(token, 1)
            _append(target, before)
            target.append(element)
            placed += 1
    _append(target, text)
    return placed


def _append(target: ET.Element, text: str) -> None:
    if len(target):
        target[-1].tail = (target[-1].tail or "") + text
    else:
        target.text = (target.text or "") + text
