"""Whole quizzes: pass/fail, exam mode, draw and shuffle, persistence, storage trouble, no JavaScript."""

from __future__ import annotations

import json
from typing import Any

import pytest
from answers import RIGHT, answer_right, order_right, pass_m1_extra
from support import search

pytestmark = pytest.mark.browser

QUIZ = "/quizzes/M1-quiz/"


def result(page: Any) -> str:
    return page.inner_text("[data-cw-result]")


def test_practice_pass_with_skill_breakdown(s: Any) -> None:
    page = s.goto(QUIZ)
    for qid in RIGHT:
        answer_right(page, qid)
        page.click(f"#{qid} [data-cw-action=check]")
    assert "已通过" not in result(page), "not all questions are graded yet"
    order_right(page)
    page.click("#m-q6 [data-cw-action=check]")
    text = result(page)
    assert "得分 8/8（100%）" in text and "✓ 已通过（及格线 60%）" in text, text
    assert "各项技能：MAN 法则 100%" in text, "skills show their display names"
    assert "最好成绩：100%" in text
    record = s.saved("M1-quiz")
    assert record["best"] == 100 and record["passed"] is True


def test_practice_fail_then_retry_keeps_best(s: Any) -> None:
    page = s.goto(QUIZ)
    for qid in ["m-q1", "m-q2", "m-q3", "m-q4", "m-q5", "m-q6", "m-q7", "m-q8"]:
        if qid == "m-q1":
            answer_right(page, qid)
        elif qid == "m-q6":
            pass
        elif qid in ("m-q7", "m-q8"):
            page.select_option(f"#{qid} [data-cw-select='0']", "1")
        elif qid == "m-q4" or qid == "m-q5":
            page.fill(f"#{qid} input[type=text] >> nth=0", "错")
        else:
            page.check(f"#{qid} input >> nth=-1")
        page.click(f"#{qid} [data-cw-action=check]")
    text = result(page)
    assert "✗ 未通过（及格线 60%）" in text, text
    record = s.saved("M1-quiz")
    assert record["passed"] is False
    best = record["best"]
    assert 0 < best < 60
    page.click("[data-cw-action=retry]")
    assert s.saved("M1-quiz")["best"] == best, "retry keeps the best score"
    assert s.saved("M1-quiz")["answers"] == {}
    assert page.inner_text("#m-q1 [data-cw-status]") == ""
    page.click("[data-cw-action=reset]")
    assert s.saved("M1-quiz")["best"] is None, "reset forgets everything"


def test_exam_mode_draw_and_submit(s: Any) -> None:
    page = s.goto("/quizzes/M1-exam/")
    visible = page.eval_on_selector_all("[data-cw-q]:not([hidden])", "els => els.map(e => e.id)")
    assert len(visible) == 2, "draw: 2 of 3 questions"
    assert page.locator("[data-cw-q] [data-cw-action=check]:visible").count() == 0, "no per-question check in exam mode"
    nums = page.eval_on_selector_all("[data-cw-q]:not([hidden]) .cw-q__num", "els => els.map(e => e.textContent)")
    assert nums == ["第 1 题", "第 2 题"]
    answers = {"m-e1": "input[value='0']", "m-e2": "input[value='true']", "m-e3": "input[value='false']"}
    page.check(f"#{visible[0]} {answers[visible[0]]}")
    # Reload: the same draw, order and answer come back from the saved seed.
    page.reload()
    page.wait_for_selector("[data-cw-mounted]", state="attached")
    assert page.eval_on_selector_all("[data-cw-q]:not([hidden])", "els => els.map(e => e.id)") == visible
    assert page.is_checked(f"#{visible[0]} {answers[visible[0]]}")
    assert not page.is_visible(f"#{visible[0]} [data-cw-explanation]"), "no feedback before submitting"
    assert page.inner_text(f"#{visible[0]} [data-cw-status]") == ""
    page.click("[data-cw-action=submit]")
    assert page.inner_text(f"#{visible[0]} [data-cw-status]").startswith("✓")
    assert page.inner_text(f"#{visible[1]} [data-cw-status]").startswith("✗"), "unanswered counts as wrong"
    text = result(page)
    assert "得分 1/2（50%）" in text and "✓ 已通过（及格线 50%）" in text, text
    assert not page.is_visible("[data-cw-action=submit]")
    assert page.evaluate("document.activeElement.matches('[data-cw-result]')")
    page.reload()
    page.wait_for_selector("[data-cw-mounted]", state="attached")
    assert "得分 1/2（50%）" in result(page), "the submitted exam stays graded after reload"
    page.click("[data-cw-action=retry]")
    assert page.is_visible("[data-cw-action=submit]")
    assert result(page).strip() == "最好成绩：50%"


def test_option_shuffle_is_stable_per_attempt(s: Any) -> None:
    page = s.goto(QUIZ)
    first = page.eval_on_selector_all("#m-q2 [data-cw-option]", "els => els.map(e => e.dataset.cwOption)")
    page.reload()
    page.wait_for_selector("[data-cw-mounted]", state="attached")
    assert page.eval_on_selector_all("#m-q2 [data-cw-option]", "els => els.map(e => e.dataset.cwOption)") == first
    seeds = set()
    orders = set()
    for _ in range(8):
        page.click("[data-cw-action=retry]")
        seeds.add(s.saved("M1-quiz")["seed"])
        orders.add(
            tuple(page.eval_on_selector_all("#m-q2 [data-cw-option]", "els => els.map(e => e.dataset.cwOption)"))
        )
    assert len(seeds) > 1 and len(orders) > 1, "a new attempt gets a new seed and order"


def test_answers_persist_across_reload(s: Any) -> None:
    page = s.goto(QUIZ)
    page.check("#m-q2 input[value='1']")
    page.fill("#m-q4 [data-cw-blank='1']", "买得起")
    page.select_option("#m-q7 [data-cw-select='1']", "2")
    page.click("#m-q6 [data-cw-item='0'] [data-cw-move='-1']")
    order = page.eval_on_selector_all("#m-q6 [data-cw-item]", "els => els.map(e => e.dataset.cwItem)")
    answer_right(page, "m-q1")
    page.click("#m-q1 [data-cw-action=check]")
    page.reload()
    page.wait_for_selector("[data-cw-mounted]", state="attached")
    assert page.is_checked("#m-q2 input[value='1']")
    assert page.input_value("#m-q4 [data-cw-blank='1']") == "买得起"
    assert page.input_value("#m-q7 [data-cw-select='1']") == "2"
    assert page.eval_on_selector_all("#m-q6 [data-cw-item]", "els => els.map(e => e.dataset.cwItem)") == order
    assert page.inner_text("#m-q1 [data-cw-status]").startswith("✓")
    assert page.is_disabled("#m-q1 input[value='0']")


def test_persistence_across_instant_navigation(s: Any) -> None:
    page = s.goto(QUIZ)
    page.check("#m-q3 input[value='false']")
    page.evaluate("window.__cwMarker = 42")
    page.click(".md-nav__link[href$='lessons/M1/']")
    page.wait_for_url("**/lessons/M1/")
    assert page.evaluate("window.__cwMarker") == 42, "instant navigation, not a full page load"
    page.click(".md-nav__link[href$='quizzes/M1-quiz/']")
    page.wait_for_url("**/quizzes/M1-quiz/")
    page.wait_for_selector("[data-cw-quiz][data-cw-mounted]", state="attached")
    assert page.evaluate("window.__cwMarker") == 42
    assert page.is_checked("#m-q3 input[value='false']")
    # Mounted once: one click reveals exactly one hint, one check grades once.
    page.click("#m-q1 [data-cw-action=hint]")
    assert page.locator("#m-q1 [data-cw-hint]:visible").count() == 1
    page.click("#m-q3 [data-cw-action=check]")
    assert page.inner_text("#m-q3 [data-cw-status]").startswith("✗")


def test_mount_is_idempotent(s: Any) -> None:
    page = s.goto("/quizzes/M1-extra/")
    # Material re-emits document$ on every navigation; emitting again must not mount twice.
    page.evaluate("window.document$.next && window.document$.next(document)")
    page.click("#m-p1 [data-cw-action=hint]")
    assert page.locator("#m-p1 [data-cw-hint]:visible").count() == 1
    assert page.locator("[data-cw-mounted]").count() == 1


def test_nav_mark_after_passing(s: Any) -> None:
    page = s.goto("/quizzes/M1-exam/")
    for qid in page.eval_on_selector_all("[data-cw-q]:not([hidden])", "els => els.map(e => e.id)"):
        page.check(f"#{qid} input[value='{ {'m-e1': '0', 'm-e2': 'true', 'm-e3': 'false'}[qid] }']")
    page.click("[data-cw-action=submit]")
    link = ".md-nav__link[href$='quizzes/M1-exam/']"
    assert "cw-done" in (page.get_attribute(link, "class") or "")
    assert "✓" in page.eval_on_selector(link, "e => getComputedStyle(e, '::after').content")
    page = s.goto("/lessons/M1/", mounted=False)
    assert "cw-done" in (page.get_attribute(link, "class") or "")
    assert "cw-done" not in (page.get_attribute(".md-nav__link[href$='quizzes/M1-quiz/']", "class") or "")


def test_storage_unavailable(make_session: Any) -> None:
    s = make_session()
    s.only_runtime_errors = True  # Material's own palette code reads localStorage unguarded
    s.context.add_init_script("""
        Object.defineProperty(window, 'localStorage', {get() { throw new DOMException('denied', 'SecurityError'); }});
    """)
    page = s.goto(QUIZ)
    assert page.is_visible("[data-cw-storage-off]")
    answer_right(page, "m-q1")
    page.click("#m-q1 [data-cw-action=check]")
    assert page.inner_text("#m-q1 [data-cw-status]").startswith("✓")
    assert s.errors, "Material itself throws here, so the check below is meaningful"
    # Without storage the page still keeps score for this visit, best score included.
    page = s.goto("/quizzes/M1-extra/")
    pass_m1_extra(page)
    assert "✓ 已通过" in result(page)
    page.click("[data-cw-action=retry]")
    assert result(page).strip() == "最好成绩：100%"
    page = s.goto("/progress/")
    assert page.is_visible("[data-cw-progress] table")
    page = s.goto("/drills/man/#seed=3")
    assert page.inner_text("[data-cw-scenario]").strip()


def test_full_storage_quota(s: Any) -> None:
    """Reading works but every write fails with QuotaExceededError: the quiz still works and says it won't save."""
    s.context.add_init_script("""
        Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };
    """)
    page = s.goto(QUIZ)
    assert page.is_visible("[data-cw-storage-off]")
    answer_right(page, "m-q1")
    page.click("#m-q1 [data-cw-action=check]")
    assert page.inner_text("#m-q1 [data-cw-status]").startswith("✓")


def test_retry_only_the_wrong_questions(s: Any) -> None:
    page = s.goto(QUIZ)
    retry_wrong = page.locator("[data-cw-action=retry-wrong]")
    answer_right(page, "m-q3")
    page.click("#m-q3 [data-cw-action=check]")
    assert not retry_wrong.is_visible(), "nothing to retry while every answer is right"
    page.check("#m-q1 input[value='1']")
    page.click("#m-q1 [data-cw-action=check]")
    page.fill("#m-q5 [data-cw-number]", "7")
    page.click("#m-q5 [data-cw-action=check]")
    assert retry_wrong.is_visible() and retry_wrong.inner_text() == "只重做答错的题"
    retry_wrong.click()
    for qid in ("m-q1", "m-q5"):
        assert page.inner_text(f"#{qid} [data-cw-status]") == "", qid
        assert page.locator(f"#{qid} [data-cw-choice]:checked, #{qid} [data-cw-number]:disabled").count() == 0
        assert page.is_visible(f"#{qid} [data-cw-action=check]")
    assert page.input_value("#m-q5 [data-cw-number]") == ""
    assert page.evaluate("document.activeElement.closest('[data-cw-q]').id") == "m-q1", "focus goes to the first"
    assert page.inner_text("#m-q3 [data-cw-status]").startswith("✓"), "the right answer stays graded"
    assert page.is_checked("#m-q3 input[value='true']") and page.is_disabled("#m-q3 input[value='true']")
    assert not retry_wrong.is_visible()
    record = s.saved("M1-quiz")
    assert set(record["results"]) == {"m-q3"} and set(record["answers"]) == {"m-q3"}
    # Finishing the attempt from here scores it whole: the kept answer counts.
    for qid in RIGHT:
        if qid != "m-q3":
            answer_right(page, qid)
            page.click(f"#{qid} [data-cw-action=check]")
    order_right(page)
    page.click("#m-q6 [data-cw-action=check]")
    assert "得分 8/8（100%）" in result(page)


def test_retry_wrong_in_an_exam(s: Any) -> None:
    page = s.goto("/quizzes/M1-exam/")
    visible = page.eval_on_selector_all("[data-cw-q]:not([hidden])", "els => els.map(e => e.id)")
    right = {"m-e1": "0", "m-e2": "true", "m-e3": "false"}
    page.check(f"#{visible[0]} input[value='{right[visible[0]]}']")  # the second is left unanswered: wrong
    page.click("[data-cw-action=submit]")
    page.click("[data-cw-action=retry-wrong]")
    assert page.eval_on_selector_all("[data-cw-q]:not([hidden])", "els => els.map(e => e.id)") == visible, (
        "the same questions are asked again"
    )
    assert page.is_visible("[data-cw-action=submit]")
    assert page.is_checked(f"#{visible[0]} input[value='{right[visible[0]]}']"), "the right answer is kept"
    page.check(f"#{visible[1]} input[value='{right[visible[1]]}']")
    page.click("[data-cw-action=submit]")
    assert "得分 2/2（100%）" in result(page)


def test_storage_available_hides_notice(s: Any) -> None:
    page = s.goto(QUIZ)
    assert not page.is_visible("[data-cw-storage-off]")


@pytest.mark.parametrize(
    "stored",
    [
        "not json{",
        json.dumps([1, 2, 3]),
        json.dumps(
            {
                "v": 0,
                "seed": 5,
                "answers": {"m-q1": [0]},
                "results": {"m-q1": {"score": 1, "max": 1, "correct": True}},
                "best": 100,
                "passed": True,
            }
        ),
        json.dumps({"v": 1, "seed": "x", "answers": "nope", "results": [1], "best": "high"}),
        json.dumps(
            {
                "v": 1,
                "seed": 3,
                "answers": {
                    "m-q1": "x",
                    "m-q2": {"a": 1},
                    "m-q4": 5,
                    "m-q5": [1],
                    "m-q6": ["<img>", 9],
                    "m-q7": "zz",
                    "m-q3": {},
                    "gone": [1],
                },
                "results": {"m-q1": "bad", "m-q2": {"score": "1", "max": 1}},
            }
        ),
        # Another quiz's record under this quiz's key: none of its question ids exist here.
        json.dumps(
            {
                "v": 1,
                "id": "M1-exam",
                "seed": 4,
                "answers": {"m-e1": [0], "m-e2": True},
                "results": {"m-e1": {"score": 1, "max": 1, "correct": True}},
                "best": 100,
                "passed": True,
            }
        ),
    ],
    ids=["garbage", "array", "old-version", "bad-fields", "bad-answers", "another-quiz"],
)
def test_bad_storage_never_breaks_the_page(s: Any, stored: str) -> None:
    s.context.add_init_script(f"localStorage.setItem('cw:v1:quiz:M1-quiz', {json.dumps(stored)})")
    page = s.goto(QUIZ)
    assert not page.is_checked("#m-q1 input[value='0']"), "old or garbage data is ignored"
    assert page.inner_text("#m-q1 [data-cw-status]") == ""
    answer_right(page, "m-q1")
    page.click("#m-q1 [data-cw-action=check]")
    assert page.inner_text("#m-q1 [data-cw-status]").startswith("✓")
    record = s.saved("M1-quiz")
    assert record["v"] == 1 and record["results"]["m-q1"]["correct"] is True
    page = s.goto("/progress/")
    assert page.is_visible("[data-cw-progress] table")


def test_saved_answers_follow_question_ids(s: Any) -> None:
    """Answers hang off stable ids: unknown ids are harmless and known ones come back wherever they are."""
    stored = {
        "v": 1,
        "id": "M1-quiz",
        "seed": 7,
        "answers": {"m-q3": False, "removed-question": [2]},
        "results": {},
        "best": None,
    }
    s.context.add_init_script(f"localStorage.setItem('cw:v1:quiz:M1-quiz', {json.dumps(json.dumps(stored))})")
    page = s.goto(QUIZ)
    assert page.is_checked("#m-q3 input[value='false']")


def test_no_javascript_rendering(make_session: Any) -> None:
    s = make_session(java_script_enabled=False)
    page = s.goto(QUIZ, mounted=False)
    assert page.locator("fieldset.cw-q").count() == 8
    for qid in ["m-q1", "m-q2", "m-q3"]:
        assert page.is_visible(f"#{qid} legend")
        assert page.locator(f"#{qid} label:visible").count() >= 2
    assert "决策权" in page.inner_text("#m-q1") and "购买意愿" in page.inner_text("#m-q1")
    assert page.is_visible("#m-q4 [data-cw-blank='0']")
    assert page.locator("#m-q6 [data-cw-item]:visible").count() == 3
    assert page.locator("#m-q7 select:visible").count() == 2
    # Explanations stay readable: open the <details> natively.
    assert page.is_visible("#m-q1 [data-cw-explanation] summary")
    page.click("#m-q1 [data-cw-explanation] summary")
    assert page.is_visible("#m-q1 [data-cw-explanation] >> text=A 是 authority。")
    assert page.is_visible(".cw-hint"), "hints are plain text without JavaScript"
    assert page.locator("[data-cw-action]:visible").count() == 0, "no dead buttons"
    assert page.locator(".cw-order__moves:visible").count() == 0
    assert page.is_visible(".cw-noscript")
    page = s.goto("/quizzes/M1-exercises/", mounted=False)
    page.click("#m-x1 [data-cw-explanation] summary")
    assert page.locator("#m-x1 [data-cw-worked] li:visible").count() == 4, "all worked steps at once"


def test_no_request_leaves_the_origin(s: Any, site_dir: Any, engine: str) -> None:
    """Every page of the site, search included, loads only from the site's own origin.

    (Each test's session also fails on a foreign request; this one walks the whole site.)
    """
    pages = sorted(p.relative_to(site_dir).parent.as_posix() for p in site_dir.rglob("index.html"))
    assert "quizzes/M1-quiz" in pages and "drills/man" in pages
    for rel in pages:
        s.goto("/" if rel == "." else f"/{rel}/", mounted=False)
    page = s.page
    search(page, engine, "MAN")
    assert s.requests and not s.foreign(), s.foreign()
