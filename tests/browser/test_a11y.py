"""axe-core on the runtime's pages, before and after answering, in Material's light and dark palettes."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser

PALETTES = ["default", "slate"]


def no_violations(s: Any, when: str) -> None:
    violations = s.axe()
    assert violations == [], f"{when}: {violations}"


def answer_everything(page: Any) -> None:
    """Answer every question of the open quiz (some right, some wrong) and check each of them."""
    for f in page.locator("[data-cw-q]:not([hidden])").all():
        for name in f.locator("input[type=radio]").evaluate_all("els => [...new Set(els.map(e => e.name))]"):
            f.locator(f"input[name='{name}']").last.check()
        for box in f.locator("input[type=checkbox]").all()[:1]:
            box.check()
        for text in f.locator("input[type=text]").all():
            text.fill("8")
        for select in f.locator("select").all():
            select.select_option(index=1)
        moves = f.locator("[data-cw-move='1']")
        if moves.count():
            moves.first.click()
        hint = f.locator("[data-cw-action=hint]")
        if hint.count():
            hint.click()
        check = f.locator("[data-cw-action=check]")
        if check.is_visible():
            check.click()
    submit = page.locator("[data-cw-action=submit]")
    if submit.count() and submit.is_visible():
        submit.click()


@pytest.mark.parametrize("palette", PALETTES)
@pytest.mark.parametrize(
    "path", ["/quizzes/M1-quiz/", "/quizzes/M1-exercises/", "/quizzes/M1-exam/", "/quizzes/M1-extra/"]
)
def test_quiz_pages_have_no_axe_violations(s: Any, path: str, palette: str) -> None:
    page = s.goto(path)
    s.palette(palette)
    assert page.evaluate("document.body.dataset.mdColorScheme") == palette
    no_violations(s, "before answering")
    answer_everything(page)
    assert page.locator("[data-cw-status]:not(:empty)").count() > 0
    for step in page.locator("[data-cw-action=next]:visible").all():
        step.click()
    no_violations(s, "after answering")


@pytest.mark.parametrize("palette", PALETTES)
def test_drill_and_progress_have_no_axe_violations(s: Any, palette: str) -> None:
    page = s.goto("/drills/man/#seed=9")
    s.palette(palette)
    no_violations(s, "drill")
    page.locator("input[name='drill-class']").first.check()
    page.click("[data-cw-drill] [data-cw-action=check]")
    no_violations(s, "drill answered")
    page = s.goto("/drills/role/#seed=9")
    s.palette(palette)
    no_violations(s, "judgment drill")
    page.locator("input[name='drill-class']").first.check()
    page.click("[data-cw-drill] [data-cw-action=check]")
    assert page.locator("[data-cw-worked] li:visible").count() == 1
    no_violations(s, "judgment drill answered")
    page = s.goto("/quizzes/M1-quiz/")
    answer_everything(page)
    page = s.goto("/progress/")
    s.palette(palette)
    assert page.locator("[data-cw-mistakes] a").count() > 0
    no_violations(s, "progress")


def test_dark_palette_really_applies(s: Any) -> None:
    """Guard for the tests above: the slate palette changes the page's colours."""
    page = s.goto("/quizzes/M1-quiz/")
    light = page.evaluate("getComputedStyle(document.body).backgroundColor")
    s.palette("slate")
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") != light


def test_keyboard_only_answering(s: Any) -> None:
    """Tab to a radio, choose with the arrow keys, reach and press the check button: no mouse."""
    page = s.goto("/quizzes/M1-quiz/")
    page.focus("#m-q3 input[value='true']")
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")
    assert page.is_checked("#m-q3 input[value='false']")
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.dataset.cwAction") == "check":
            break
    assert page.evaluate("document.activeElement.closest('[data-cw-q]').id") == "m-q3"
    page.keyboard.press("Enter")
    assert page.inner_text("#m-q3 [data-cw-status]").startswith("✗")
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY", "focus moves on to the explanation"
