"""Author HTML is sanitised once, with the generator's own marks placed before: no HTML is edited after."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import copy_mini, replace_in

from generator.errors import ContentErrors
from generator.pipeline import BuildInputs, render_course
from generator.render.markdown import MarkdownRenderer
from generator.render.marks import Marks

PAYLOAD = "<img src=x onerror=window.__pwned=1>"


def _page(root: Path, path: str) -> str:
    output = render_course(BuildInputs(root=root))
    return next(p.markdown for p in output.pages if p.path == path)


def test_titles_and_behaviour_classes_from_authors_are_dropped() -> None:
    md = MarkdownRenderer()
    html = md.block(
        f'[链接](https://example.com/ "{PAYLOAD}") <span title="{PAYLOAD}">悬停</span>\n\n'
        f'段落\n{{: title="{PAYLOAD}" }}\n\n'
        '<pre class="md-ellipsis x">AAAA</pre> <span class="cw-blank md-button">b</span>'
    )
    assert "title=" not in html and "<p>段落</p>" in html
    assert "md-ellipsis" not in html and 'class="x"' in html
    assert 'class="md-button"' in html  # a documented Material feature authors may use
    assert "cw-blank" not in html


def test_authors_cannot_forge_the_runtimes_marks() -> None:
    md = MarkdownRenderer()
    html = md.block(
        '<input type="text" class="cw-blank" data-cw-blank="0" aria-label="x"> '
        '<span class="cw-cue" data-cw-cue="0">引文</span>'
    )
    assert "data-cw-" not in html and "aria-label" not in html and "cw-" not in html


def test_abbreviation_titles_stay_text() -> None:
    """`*[ABBR]:` keeps its title: with the theme's tooltips off the browser shows it as text."""
    html = MarkdownRenderer().block(f"ABBRX 在这里\n\n*[ABBRX]: {PAYLOAD}")
    assert 'title="&lt;img src=x onerror=window.__pwned=1&gt;"' in html


def test_blanks_are_inputs_in_text_and_never_in_attributes() -> None:
    md = MarkdownRenderer()
    html, found = md.marked(
        f"写 {md.blank_token} 和 **{md.blank_token}**", Marks(md.blank_token, ("第 1 空", "第 2 空"))
    )
    assert found.blanks == 2
    assert html.count("<input") == 2 and 'aria-label="第 2 空"' in html and 'data-cw-blank="1"' in html
    _, found = md.marked(f'[看这里](https://example.com/ "{md.blank_token}")', Marks(md.blank_token))
    assert found.blanks == 0


def test_a_blank_inside_a_link_title_is_an_error_with_file_and_line(tmp_path: Path) -> None:
    root = copy_mini(tmp_path)
    replace_in(
        root / "quizzes/M1-quiz.yml", "潜在客户要“{_}”", f'潜在客户要“[看这里](https://example.com/ "{{_}} {PAYLOAD}")”'
    )
    with pytest.raises(ContentErrors) as info:
        render_course(BuildInputs(root=root))
    [error] = info.value.errors
    assert error.file == "quizzes/M1-quiz.yml" and error.field.endswith("prompt")
    assert "2 blank(s) {_} are listed but 1 are in the question's text" in error.message


def test_text_that_looks_like_a_placeholder_adds_no_box(tmp_path: Path) -> None:
    root = copy_mini(tmp_path)
    replace_in(root / "quizzes/M1-quiz.yml", "潜在客户要“{_}”", "CWBLANKTOKEN \ue000 潜在客户要“{_}”")
    page = _page(root, "quizzes/M1-quiz.md")
    fill = page[page.index("cw-fill") :]
    fill = fill[: fill.index("</div>")]
    assert fill.count("<input") == 2 and "CWBLANKTOKEN" in fill


def test_a_cue_quote_in_a_link_title_is_highlighted_in_the_text_only(tmp_path: Path) -> None:
    root = copy_mini(tmp_path)
    quote = "公司预算充足"
    # The quote also stands, first, inside a link title that carries a payload.
    replace_in(
        root / "quizzes/M1-exercises.yml",
        "scenario: 张总是这家公司的老板，公司预算充足。",
        f"scenario: '[公司](https://example.com/ \"{quote} {PAYLOAD}\") 张总是这家公司的老板，公司预算充足。'",
    )
    page = _page(root, "quizzes/M1-exercises.md")
    assert "onerror" not in page
    assert f'<span class="cw-cue" data-cw-cue="0">{quote}</span>' in page


def test_a_cue_quote_found_only_in_a_title_is_an_error(tmp_path: Path) -> None:
    md = MarkdownRenderer()
    html, found = md.marked('张总[公司](https://example.com/ "预算充足")', Marks(cues=("预算充足",)))
    assert found.cues == set() and "cw-cue" not in html
