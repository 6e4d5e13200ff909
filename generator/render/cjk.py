"""Line breaks inside Chinese text: an author's line break between two Chinese characters is no space.

Browsers show a line break in running text as a space, which Chinese does not put between words
("点事。 不过"). CSS Text 3 drops such breaks between CJK characters, but browsers do not yet, so the
generator joins the lines itself, in text only (never inside code or preformatted blocks).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree  # noqa: N813 - the name Python-Markdown's own API uses

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

#: CJK ideographs, kana and hangul, CJK and full-width punctuation: characters with no space between them.
_WIDE = "\u2e80-\u2fdf\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
_JOIN = re.compile(rf"(?<=[{_WIDE}])[ \t]*\n[ \t]*(?=[{_WIDE}])")
_VERBATIM = {"pre", "code", "kbd", "samp", "script", "style"}


def join_lines(text: str) -> str:
    """`text` without the line breaks (and the spaces around them) that sit between two wide characters."""
    return _JOIN.sub("", text) if "\n" in text else text


_BREAK_AT_END = re.compile(rf"(?<=[{_WIDE}])[ \t]*\n[ \t]*$")
_BREAK_AT_START = re.compile(rf"^[ \t]*\n[ \t]*(?=[{_WIDE}])")
_WIDE_CHAR = re.compile(rf"[{_WIDE}]")


def _starts_wide(element: etree.Element) -> bool:
    first = next((t for t in element.itertext() if t), "")
    return bool(_WIDE_CHAR.match(first))


def _ends_wide(element: etree.Element) -> bool:
    last = "".join(element.itertext())[-1:]
    return bool(last) and bool(_WIDE_CHAR.match(last))


def _walk(element: etree.Element, verbatim: bool) -> None:
    if verbatim:
        return
    if element.text:
        element.text = join_lines(element.text)
    children = list(element)
    for n, child in enumerate(children):
        _walk(child, child.tag in _VERBATIM)
        if child.tail:
            child.tail = join_lines(child.tail)
            # A break between a line ending in **强调** and one starting in Chinese, and the other way round.
            if child.tag not in _VERBATIM and _ends_wide(child):
                child.tail = _BREAK_AT_START.sub("", child.tail)
        before = element.text if n == 0 else children[n - 1].tail
        if before and child.tag not in _VERBATIM and _starts_wide(child) and _BREAK_AT_END.search(before):
            joined = _BREAK_AT_END.sub("", before)
            if n == 0:
                element.text = joined
            else:
                children[n - 1].tail = joined


class _CjkLineJoin(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        _walk(root, False)


class CjkLineExtension(Extension):
    """Join lines broken between two Chinese characters (runs after inline parsing and the glossary)."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's API)
        md.treeprocessors.register(_CjkLineJoin(md), "cw_cjk_lines", 1)
