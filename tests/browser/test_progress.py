"""The progress page: best scores, pass/fail per quiz and lesson, mastery per skill, mistakes to review."""

from __future__ import annotations

from typing import Any

import pytest
from answers import pass_m1_extra

pytestmark = pytest.mark.browser


def cells(page: Any, selector: str) -> list[str]:
    return [c.strip() for c in page.eval_on_selector_all(f"{selector} td", "els => els.map(e => e.textContent)")]


def test_progress_before_anything(s: Any) -> None:
    page = s.goto("/progress/")
    assert cells(page, "[data-cw-pq='M1-quiz']")[1:] == ["–", "未开始"]
    assert page.inner_text("[data-cw-mistakes]").strip() == "目前没有答错的题目。"


def test_progress_shows_best_and_mistakes(s: Any) -> None:
    page = s.goto("/quizzes/M1-exam/")
    visible = page.eval_on_selector_all("[data-cw-q]:not([hidden])", "els => els.map(e => e.id)")
    right = {"m-e1": "0", "m-e2": "true", "m-e3": "false"}
    page.check(f"#{visible[0]} input[value='{right[visible[0]]}']")  # the second is left unanswered: wrong
    page.click("[data-cw-action=submit]")

    page = s.goto("/quizzes/M1-quiz/")
    page.check("#m-q1 input[value='1']")
    page.click("#m-q1 [data-cw-action=check]")
    page.check("#m-q3 input[value='true']")
    page.click("#m-q3 [data-cw-action=check]")

    # Reach the progress page through instant navigation: it must mount there too.
    page.click(".md-nav__link[href$='progress/']")
    page.wait_for_selector("[data-cw-progress][data-cw-mounted]", state="attached")
    assert cells(page, "[data-cw-pq='M1-exam']")[1:] == ["50%", "✓ 已通过（及格线 50%）"]
    assert cells(page, "[data-cw-pq='M1-quiz']")[1:] == ["–", "进行中（2/8）"], "2 of M1-quiz's 8 questions answered"
    lesson = cells(page, "[data-cw-pl='M1']")
    assert lesson == ["50%", "✗ 1/5"], "mean of the best scores; 1 of the lesson's 5 quizzes passed"

    mastery = page.inner_text("[data-cw-mastery]")
    assert "MAN 法则：" in mastery and "MAN：" not in mastery, "skills by their display names"
    links = page.eval_on_selector_all(
        "[data-cw-mistakes] a", "els => els.map(e => [e.textContent, e.getAttribute('href')])"
    )
    hrefs = [href for _, href in links]
    assert "../quizzes/M1-quiz/#m-q1" in hrefs
    assert f"../quizzes/M1-exam/#{visible[1]}" in hrefs
    assert not any(h.endswith("#m-q3") for h in hrefs), "right answers are not mistakes"
    assert ["A 指的是什么？", "../quizzes/M1-quiz/#m-q1"] in links

    page.click("[data-cw-mistakes] a[href$='#m-q1']")
    page.wait_for_url("**/quizzes/M1-quiz/#m-q1")
    page.wait_for_selector("[data-cw-quiz][data-cw-mounted]", state="attached")
    assert page.inner_text("#m-q1 [data-cw-status]").startswith("✗")


def test_progress_after_passing(s: Any) -> None:
    page = s.goto("/quizzes/M1-extra/")
    pass_m1_extra(page)
    assert "✓ 已通过" in page.inner_text("[data-cw-result]")
    page = s.goto("/progress/")
    assert cells(page, "[data-cw-pq='M1-extra']")[1:] == ["100%", "✓ 已通过（及格线 100%）"]
    assert "概念记忆：100%" in page.inner_text("[data-cw-mastery]")


def test_mistakes_without_prompt_are_named_by_their_scenario(s: Any) -> None:
    """Classify exercises have no prompt of their own: the mistake link shows the scenario's start."""
    page = s.goto("/quizzes/M1-exercises/")
    page.check("#m-x1 input[name='m-x1-class'][value='ma']")
    page.click("#m-x1 [data-cw-action=check]")
    page = s.goto("/progress/")
    link = page.locator("[data-cw-mistakes] a[href$='#m-x1']")
    assert link.inner_text() == "张总是这家公司的老板，公司预算充足。"
    assert "MAN 练习" in page.inner_text("[data-cw-mistakes]")
    assert s.axe() == []
