"""Answer sequences shared by the browser tests."""

from __future__ import annotations

from typing import Any


def pass_m1_extra(page: Any) -> None:
    """Answer every question of the fixture quiz M1-extra right (it passes only at 100%)."""
    page.check("#m-p1 input[value='0']")
    page.check("#m-p1 input[value='1']")
    page.click("#m-p1 [data-cw-action=check]")
    page.fill("#m-p2 [data-cw-blank='0']", "money")
    page.click("#m-p2 [data-cw-action=check]")
    page.fill("#m-p3 [data-cw-number]", "365")
    page.click("#m-p3 [data-cw-action=check]")


# The right answers of the fixture quiz M1-quiz, as (question, how to answer); m-q6 is ordered by order_right.
RIGHT = {
    "m-q1": ("check", "input[value='0']"),
    "m-q2": ("check", "input[value='0']", "input[value='1']"),
    "m-q3": ("check", "input[value='true']"),
    "m-q4": ("fill", "[data-cw-blank='0']", "用得着", "[data-cw-blank='1']", "买得起"),
    "m-q5": ("fill", "[data-cw-number]", "8"),
    "m-q7": ("select", "[data-cw-select='0']", "0", "[data-cw-select='1']", "1"),
    "m-q8": ("select", "[data-cw-select='0']", "0", "[data-cw-select='1']", "1"),
}


def answer_right(page: Any, qid: str, at: str = "") -> None:
    """Answer M1-quiz's question `qid` right; `at` selects its fieldset where the id was renamed."""
    at = at or f"#{qid}"
    how, *args = RIGHT[qid]
    if how == "check":
        for sel in args:
            page.check(f"{at} {sel}")
    else:
        for sel, value in zip(args[::2], args[1::2], strict=False):
            (page.fill if how == "fill" else page.select_option)(f"{at} {sel}", value)


def order_right(page: Any, at: str = "#m-q6") -> None:
    """Move M1-quiz's ordering items (m-q6, or the fieldset `at`) into the right order."""
    items = page.eval_on_selector_all(f"{at} [data-cw-item]", "els => els.map(e => +e.dataset.cwItem)")
    while items != [0, 1, 2]:
        wrong = next(i for i, item in enumerate(items) if item != i)
        page.click(f"{at} [data-cw-item='{wrong}'] [data-cw-move='-1']")
        items = page.eval_on_selector_all(f"{at} [data-cw-item]", "els => els.map(e => +e.dataset.cwItem)")
