"""Printing from the browser: under print media a quiz page is a worksheet with no screen chrome."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser

QUIZ = "/quizzes/M1-quiz/"
#: Screen-only parts of the theme and of the quiz: none may print.
CHROME = [
    ".md-header",
    ".md-sidebar--primary",
    ".md-search",
    ".md-footer",
    "button",
    ".cw-q__controls",
    ".cw-quiz__footer",
    "details.cw-q__explanation",
    ".cw-q__hints",
    "select",
]


def _visible(page: Any, selector: str) -> list[str]:
    """The outer HTML (shortened) of every element matching `selector` that is visible."""
    return [el.evaluate("e => e.outerHTML.slice(0, 80)") for el in page.query_selector_all(selector) if el.is_visible()]


def test_printed_quiz_page_is_a_worksheet(s: Any, engine: str, tmp_path: Path) -> None:
    page = s.goto(QUIZ)
    # On screen the chrome is there and the worksheet-only parts are not: the check below can fail.
    assert _visible(page, ".md-header") and _visible(page, "[data-cw-action=check]")
    assert not _visible(page, ".cw-print-choices")

    page.emulate_media(media="print")
    page.screenshot(path=str(tmp_path / f"print-quiz-{engine}.png"), full_page=True)  # kept for a look on failure
    shown = {selector: _visible(page, selector) for selector in CHROME}
    assert {k: v for k, v in shown.items() if v} == {}
    # Worksheet parts: a box per choice, a line per blank, numbered items to order, two columns to match.
    assert len(_visible(page, "#m-q1 input[type=radio]")) == 2
    assert _visible(page, "#m-q4 input.cw-blank")
    box = page.eval_on_selector("#m-q4 input.cw-blank", "e => getComputedStyle(e).borderBottomStyle")
    assert box == "solid"
    assert len(_visible(page, "#m-q6 .cw-order__item")) == 3
    before = page.eval_on_selector("#m-q6 .cw-order__item", "e => getComputedStyle(e, '::before').borderTopStyle")
    assert before == "solid"
    choices = page.query_selector("#m-q7 .cw-print-choices")
    row = page.query_selector("#m-q7 .cw-match__row")
    assert choices is not None and row is not None and choices.is_visible()
    left, right = row.bounding_box(), choices.bounding_box()
    assert left is not None and right is not None and right["x"] >= left["x"] + left["width"] - 1  # side by side
    # Links read as text: no colour, no underline.
    link = page.query_selector(".cw-quiz__meta a")
    assert link is not None and link.evaluate("e => getComputedStyle(e).textDecorationLine") == "none"
