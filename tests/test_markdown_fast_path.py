"""The renderer's fast path for plain sentences gives exactly what the Markdown parser gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.render.markdown import MarkdownRenderer

ALPHABET = "客户开发的需求购买力决策权一二三 ABCmanMAN0123456789 ，。、；：？！“”（）%/,;:?!'\"()#+-|=.\n\t*_[]<>&~^`\\{}"
GLOSSARY = {"购买力": "付钱的能力", "MAN": "资格鉴定法则", "决策权": "拍板的权力"}


def _slow(md: MarkdownRenderer, text: str) -> str:
    return md._convert(text)  # the parser, bypassing the fast path and the cache


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=ALPHABET, min_size=1, max_size=40))
def test_fast_path_matches_the_parser(text: str) -> None:
    for glossary in (None, GLOSSARY):
        md = MarkdownRenderer(glossary=glossary)
        assert md.block(text) == _slow(md, text)


def test_fast_path_is_taken_for_plain_sentences() -> None:
    md = MarkdownRenderer(glossary=GLOSSARY)
    assert md._plain_paragraph("M+A+N 的客户有购买力，也有决策权。") is not None
    assert md._plain_paragraph("**粗体**") is None
    assert md._plain_paragraph("1. 列表") is None
