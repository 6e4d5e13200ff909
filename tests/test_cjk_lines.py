"""An author's line break between two Chinese characters renders as nothing, not as a space."""

from __future__ import annotations

import pytest

from generator.render.markdown import MarkdownRenderer


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("柜台前、\n合同上", "<p>柜台前、合同上</p>"),
        ("第一句。 \n 第二句", "<p>第一句。第二句</p>"),  # two spaces would be a hard break
        ("中文\n**加粗**\n中文", "<p>中文<strong>加粗</strong>中文</p>"),
        ("English line\nnext line", "<p>English line\nnext line</p>"),  # a space between words stays
        ("中文\nEnglish", "<p>中文\nEnglish</p>"),
        ("`代码`\n中文", "<p><code>代码</code>\n中文</p>"),
    ],
)
def test_lines_are_joined_between_chinese_characters_only(text: str, html: str) -> None:
    assert MarkdownRenderer().block(text) == html


def test_code_blocks_keep_their_lines() -> None:
    assert "<code>代码\n代码\n</code>" in MarkdownRenderer().block("```\n代码\n代码\n```")
