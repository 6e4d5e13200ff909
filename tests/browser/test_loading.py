"""How the runtime reaches a page: lessons load no widget runtime, widget pages load theirs deferred
(also through Material's instant navigation), and mounting a fresh quiz moves nothing on the page."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser


def courseware(s: Any) -> list[str]:
    """The runtime files the page requested (the site stylesheet counts once, requested or inline)."""
    files = {u.split("/assets/", 1)[1] for u in s.requests if "/assets/courseware/" in u}
    if s.page.evaluate("[...document.querySelectorAll('head > style')].some(e => e.textContent.includes('cw-done'))"):
        files.add("courseware/site.css")
    return sorted(files)


@pytest.mark.parametrize("path", ["/lessons/M1/", "/", "/glossary/", "/about/"])
def test_pages_without_widgets_request_no_runtime(s: Any, path: str) -> None:
    page = s.goto(path, mounted=False)
    page.wait_for_load_state("load")
    assert courseware(s) == ["courseware/site.css", "courseware/site.js"], "the small site files only"
    assert page.locator("[data-cw-mounted]").count() == 0


def test_lesson_then_quiz_by_instant_navigation(s: Any) -> None:
    page = s.goto("/lessons/M1/", mounted=False)
    page.evaluate("window.__cwMarker = 1")
    page.click(".md-nav__link[href$='quizzes/M1-quiz/']")
    page.wait_for_url("**/quizzes/M1-quiz/")
    page.wait_for_selector("[data-cw-quiz][data-cw-mounted]", state="attached")
    assert page.evaluate("window.__cwMarker") == 1, "instant navigation, not a full page load"
    assert courseware(s) == ["courseware/quiz.js", "courseware/site.css", "courseware/site.js"]
    # The widgets' stylesheet came with the page, the quiz works.
    assert page.evaluate("getComputedStyle(document.querySelector('#m-q1')).borderTopStyle") == "solid"
    page.check("#m-q1 input[value='0']")
    page.click("#m-q1 [data-cw-action=check]")
    assert page.inner_text("#m-q1 [data-cw-status]").startswith("✓")
    # And on to the progress page, whose own script mounts it.
    page.click(".md-nav__link[href$='progress/']")
    page.wait_for_selector("[data-cw-progress][data-cw-mounted]", state="attached")
    assert page.evaluate("window.__cwMarker") == 1


def test_widget_scripts_are_deferred(s: Any, engine: str) -> None:
    page = s.goto("/quizzes/M1-quiz/")
    scripts = page.eval_on_selector_all("script[src*='/courseware/']", "els => els.map(e => [e.src, e.defer])")
    assert sorted((src.rsplit("/", 1)[1], defer) for src, defer in scripts) == [("quiz.js", True), ("site.js", True)]
    css = page.eval_on_selector_all("link[rel=stylesheet][href*='/courseware/']", "els => els.map(e => e.href)")
    # MkDocs writes the site stylesheet into <head> (our theme override); Zensical links it.
    expected = [] if engine == "mkdocs" else ["site.css"]
    assert [h.rsplit("/", 1)[1] for h in css] == expected, "the widgets' stylesheet is not a file to wait for"
    assert page.locator("[data-cw-quiz] > style").count() == 1


LAYOUT = """() => [...document.querySelectorAll('.cw-quiz [data-cw-q], .cw-quiz__footer')].map(e => {
  const r = e.getBoundingClientRect();
  return [e.id || e.className, Math.round(r.top), Math.round(r.height)];
})"""


@pytest.mark.parametrize("path", ["/quizzes/M1-quiz/", "/quizzes/M1-extra/", "/quizzes/M1-exercises/"])
def test_mounting_a_fresh_quiz_moves_nothing(make_session: Any, path: str) -> None:
    """The page is built as the runtime shows a fresh attempt: explanations and hints hidden, buttons there."""
    plain = make_session(viewport={"width": 1000, "height": 800})
    plain.context.route("**/courseware/quiz.js", lambda route: route.fulfill(body="", content_type="text/javascript"))
    page = plain.goto(path, mounted=False)
    page.wait_for_load_state("load")
    before = page.evaluate(LAYOUT)
    assert page.locator("[data-cw-explanation]:visible").count() == 0, "explanations hidden before any script runs"
    assert page.locator("[data-cw-mounted]").count() == 0
    mounted = make_session(viewport={"width": 1000, "height": 800})
    page = mounted.goto(path)
    assert page.evaluate(LAYOUT) == before
    assert len(before) >= 4


def test_questions_off_screen_wait_to_be_laid_out_but_arrive_whole(make_session: Any) -> None:
    """Off-screen questions are skipped at first layout (content-visibility: auto) and whole once reached."""
    s = make_session(viewport={"width": 1000, "height": 600})
    page = s.goto("/quizzes/M1-quiz/")
    last = page.locator("[data-cw-q]:not([hidden])").last
    last_id = last.get_attribute("id")
    # Chromium says what it skips: the contents of the last question, not those of the first.
    shown = (
        "id => document.querySelector(`#${id} [data-cw-action=check]`).checkVisibility({contentVisibilityAuto: true})"
    )
    first_id = page.locator("[data-cw-q]").first.get_attribute("id")
    assert page.evaluate(shown, first_id) and not page.evaluate(shown, last_id), "laid out only when near"
    # Reached by a link (the retry button focuses questions the same way), it is laid out whole in view.
    page.evaluate("id => { location.hash = id; }", last_id)
    page.wait_for_function(f"({shown})('{last_id}')")
    in_view = "id => { const r = document.getElementById(id).getBoundingClientRect(); return [r.top, r.height]; }"
    page.wait_for_function(f"(([top, height]) => top >= 0 && top < 600 && height > 100)(({in_view})('{last_id}'))")
    check = last.locator("[data-cw-action=check]")
    assert check.is_visible() and (check.bounding_box() or {}).get("height", 0) >= 30
    # Printed, every question is laid out in full.
    page.emulate_media(media="print")
    assert page.evaluate(
        "[...document.querySelectorAll('.cw-q')].every(q => getComputedStyle(q).contentVisibility === 'visible')"
    )
