"""The renderer's fast path for plain sentences gives exactly what the Markdown parser gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.render.markdown import MarkdownRenderer
from generator.render.marks import Marks

ALPHABET = (
    "客户开发的需求购买力决策权一二三 ABCmanMAN0123456789 ，。、；：？！“”（）%/,;:?!'\"()#+-|=.\n\t*_[]<>&~^`\\{}"
)
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
    assert md._plain_paragraph("`代码`") is None
    assert md._plain_paragraph("1. 列表") is None


BATCH_ALPHABET = ALPHABET + ":\n\n    -1.>!?~=^`"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=BATCH_ALPHABET, min_size=1, max_size=60), min_size=2, max_size=8))
def test_batched_rendering_matches_one_by_one(texts: list[str]) -> None:
    for glossary in (None, GLOSSARY):
        one_by_one = MarkdownRenderer(glossary=glossary)
        batched = MarkdownRenderer(glossary=glossary)
        batched.prime(texts)
        assert [batched.block(t) for t in texts] == [one_by_one.block(t) for t in texts]


def test_priming_renders_many_fragments_in_one_parser_run() -> None:
    md = MarkdownRenderer()
    texts = [f"- 第 {n} 项：`预算`\n- 另一项" for n in range(50)]
    md.prime(texts)
    assert all(t in md._cache for t in texts)
    assert md.block(texts[7]) == "<ul>\n<li>第 7 项：<code>预算</code></li>\n<li>另一项</li>\n</ul>"


@settings(max_examples=600, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(alphabet=ALPHABET.replace("\n", ""), max_size=6),
            st.sampled_from(["*", "**", " *", "* ", "** ", " **"]),
        ),
        min_size=1,
        max_size=10,
    )
)
def test_emphasis_fast_path_matches_the_parser(parts: list[str]) -> None:
    text = "".join(parts)
    if not text:
        return
    for glossary in (None, GLOSSARY):
        md = MarkdownRenderer(glossary=glossary)
        assert md.block(text) == _slow(md, text)


def test_emphasis_takes_the_fast_path() -> None:
    md = MarkdownRenderer(glossary=GLOSSARY)
    assert md._plain_paragraph("客户说“**预算**已经批了”，*购买力*够。") is not None
    assert md._plain_paragraph("***预算***") is None


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(alphabet=ALPHABET.replace("\n", ""), max_size=6),
            st.sampled_from(["**", "*", "{_}", "公司预算充足"]),
        ),
        min_size=1,
        max_size=10,
    )
)
def test_marks_on_the_fast_path_match_the_parser(parts: list[str]) -> None:
    text = "".join(parts)
    md = MarkdownRenderer()
    source = text.replace("{_}", md.blank_token)
    marks = Marks(md.blank_token, ("1", "2", "3", "4", "5"), cues=("公司预算充足", "客户"))
    fast = md.marked(source, marks)
    slow_html = md._convert(source)  # the parser run keeps the marks processor's last settings off
    md._marks.processor.marks = marks  # type: ignore[union-attr]
    slow = md._convert(source), md._marks.processor.result  # type: ignore[union-attr]
    md._marks.processor.marks = Marks()  # type: ignore[union-attr]
    assert fast[0] == slow[0] and fast[1] == slow[1], slow_html
