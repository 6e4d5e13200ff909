"""A branching conversation (quizzes/M1-dialogue.yml of the mini fixture), walked with the keyboard only."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "mini"

PAGE = "/quizzes/M1-dialogue/"
# The fixture's replies (their order on the page is shuffled when it is built).
INTRO = "王经理您好，我是星光公司的小李"
PUSH = "我们的产品特别好"
LATER = "不好意思打扰了"
BOOK = "想约您周三上午面谈"
FOCUSED = "document.activeElement"


def focused_text(page: Any) -> str:
    return str(page.evaluate(f"{FOCUSED}.textContent"))


def tab_to(page: Any, selector: str, text: str = "", limit: int = 120) -> None:
    """Press Tab until the focused element matches `selector` and holds `text`."""
    for _ in range(limit):
        if page.evaluate(f"{FOCUSED}.matches({selector!r})") and text in focused_text(page):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector} {text!r}; focus is on {focused_text(page)!r}")


def reply(page: Any, text: str) -> None:
    """Choose the reply holding `text` with Tab and Enter."""
    tab_to(page, "[data-cw-choice]", text)
    page.keyboard.press("Enter")


def log(page: Any) -> list[str]:
    """The log's turns, white space collapsed."""
    return [" ".join(t.split()) for t in page.locator("[data-cw-log] > *").all_inner_texts()]


def test_the_best_path_by_keyboard_is_scored_saved_and_restored(s: Any) -> None:
    page = s.goto(PAGE)
    assert s.axe() == [], "before the conversation"
    # The page shows the first turn as built: mounting moved nothing.
    assert log(page) == ["王经理 喂，您好，哪位？"]
    reply(page, INTRO)
    # Focus moves to the next turn's replies, never to the page's body.
    assert page.evaluate(f"{FOCUSED}.matches('[data-cw-replies] [data-cw-choice]')")
    assert "两分钟？你说吧，什么事？" in log(page)[-1]
    assert page.locator("[data-cw-log]").get_attribute("role") == "log"
    assert page.locator("[data-cw-log]").get_attribute("aria-live") == "polite"
    reply(page, BOOK)
    assert log(page)[-1] == "对话结束：约到面谈"
    assert page.evaluate(f"{FOCUSED}.matches('[data-cw-end]')")
    # Announced in the question's live region, counted in the quiz's score.
    assert page.locator("[data-cw-status]").inner_text() == "✓ 回答正确（5/5）"
    assert page.locator("[data-cw-result]").inner_text().startswith("得分 5/5（100%）")
    end = page.locator("[data-cw-end]")
    assert end.locator("[data-cw-outcome]").inner_text() == "✓ 成功：约到面谈"
    assert end.locator("[data-cw-dlg-score]").inner_text() == "对话得分 5/5"
    assert "王经理答应周三见面" in end.locator("[data-cw-debrief]").inner_text()
    review = end.locator("[data-cw-review] > li").all_inner_texts()
    assert len(review) == 2
    assert "对方在确认身份" in review[0] and "先自报家门" in review[0] and "（2 分）" in review[0]
    assert "用对方关心的结果开头" in review[1]
    assert end.locator(".cw-cue--on").inner_text() == "哪位"
    assert s.axe() == [], "after the conversation"
    saved = s.saved("M1-dialogue")
    assert saved["answers"]["m-d1"] == [0, 0]
    assert saved["results"]["m-d1"] == {"score": 5, "max": 5, "correct": True}
    page.reload()
    page.wait_for_selector("[data-cw-mounted]", state="attached")
    assert log(page)[-1] == "对话结束：约到面谈" and len(log(page)) == 5
    assert page.locator("[data-cw-end]").is_visible()
    # Restart with the keyboard: the first turn again, focus on its first reply, the answer cleared.
    tab_to(page, "[data-cw-action=restart]")
    page.keyboard.press("Enter")
    assert len(log(page)) == 1
    assert page.evaluate(f"{FOCUSED}.matches('[data-cw-replies] [data-cw-choice]')")
    assert not page.locator("[data-cw-end]").is_visible()
    assert page.locator("[data-cw-status]").inner_text() == ""
    assert s.saved("M1-dialogue")["answers"]["m-d1"] == []


def test_a_failing_path_through_a_retry_link_and_review_my_mistakes(s: Any) -> None:
    page = s.goto(PAGE)
    reply(page, LATER)
    # The retry link goes back to the first node: its line again, its replies again.
    assert log(page)[-1] == "王经理 喂，您好，哪位？" and len(log(page)) == 3
    reply(page, PUSH)
    assert log(page)[-1] == "对话结束：客户挂断"
    assert page.locator("[data-cw-status]").inner_text() == "✗ 回答错误（0/5）"
    assert page.locator("[data-cw-outcome]").inner_text() == "✗ 未成功：客户挂断"
    assert page.locator("[data-cw-dlg-score]").inner_text() == "对话得分 -1/5"
    review = page.locator("[data-cw-review] > li").all_inner_texts()
    assert len(review) == 2 and "退缩解决不了问题" in review[0] and "没有介绍自己就推销" in review[1]
    # Skills mastery counts the conversation (the question's skill and a reply's own).
    assert "MAN 法则 0%" in page.locator("[data-cw-result]").inner_text()
    assert s.axe() == [], "after a failing conversation"
    assert s.saved("M1-dialogue")["results"]["m-d1"]["correct"] is False
    # "Review my mistakes" starts the conversation again, focus on its first reply.
    tab_to(page, "[data-cw-action=retry-wrong]")
    page.keyboard.press("Enter")
    assert len(log(page)) == 1
    assert page.evaluate(f"{FOCUSED}.matches('[data-cw-replies] [data-cw-choice]')")
    assert "m-d1" not in s.saved("M1-dialogue")["results"]


def test_a_conversation_in_progress_survives_a_reload(s: Any) -> None:
    page = s.goto(PAGE)
    reply(page, INTRO)
    assert s.saved("M1-dialogue")["answers"]["m-d1"] == [0]
    page.reload()
    page.wait_for_selector("[data-cw-mounted]", state="attached")
    assert len(log(page)) == 3 and "两分钟" in log(page)[-1]
    assert page.locator("[data-cw-replies] [data-cw-choice]").count() == 2
    assert not page.locator("[data-cw-end]").is_visible()
    reply(page, "寄一份资料")
    assert page.locator("[data-cw-outcome]").inner_text() == "✗ 未成功：只寄了资料"
    # 3 of the best path's 5 points, in a non-success ending.
    assert page.locator("[data-cw-status]").inner_text() == "◐ 部分正确（3/5）"


def test_without_javascript_the_scenario_and_the_first_turn_show(make_session: Any) -> None:
    s = make_session(java_script_enabled=False)
    page = s.goto(PAGE, mounted=False)
    assert "第一次给王经理打电话" in page.inner_text("#m-d1 legend")
    assert log(page) == ["王经理 喂，您好，哪位？"]
    assert "这段情景对话需要开启 JavaScript 才能进行" in page.inner_text("#m-d1")
    assert page.locator("#m-d1 [data-cw-replies] button:visible").count() == 3  # the replies on offer, to read
    assert page.locator("#m-d1 [data-cw-action]:visible").count() == 0, "no dead buttons"


def test_in_an_exam_the_conversation_is_graded_on_submit(browser: Any, serve_folder: Any, tmp_path: Path) -> None:
    from generator.mkdocs.build import build_site

    root, site = tmp_path / "mini", tmp_path / "site"
    shutil.copytree(MINI, root)
    quiz = root / "quizzes/M1-dialogue.yml"
    quiz.write_text(
        quiz.read_text(encoding="utf-8").replace("pass_mark: 100\n", "pass_mark: 100\nmode: exam\n"), "utf-8"
    )
    site.mkdir()
    with serve_folder(site) as origin:
        config = root / "mkdocs.yml"
        # The site is built once the server has its port, so site_url names the origin it is served on.
        text = config.read_text(encoding="utf-8")
        config.write_text(re.sub(r"(?m)^site_url: .*$", f"site_url: {origin}/", text, count=1), encoding="utf-8")
        build_site(config, site_dir=site)
        context = browser.new_context(locale="zh-CN")
        try:
            page = context.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.goto(origin + PAGE)
            page.wait_for_selector("[data-cw-mounted]", state="attached")
            page.locator("[data-cw-replies] [data-cw-choice]").first.focus()
            reply(page, INTRO)
            reply(page, BOOK)
            # Over, but not graded before the quiz is submitted: no score, no feedback yet.
            assert page.evaluate(f"{FOCUSED}.matches('[data-cw-wait]')")
            assert page.locator("[data-cw-wait]").is_visible() and not page.locator("[data-cw-end]").is_visible()
            assert page.locator("[data-cw-status]").inner_text() == ""
            tab_to(page, "[data-cw-action=submit]")
            page.keyboard.press("Enter")
            assert page.locator("[data-cw-status]").inner_text() == "✓ 回答正确（5/5）"
            assert page.locator("[data-cw-outcome]").inner_text() == "✓ 成功：约到面谈"
            # A submitted exam stays as it was: no restart until a new attempt.
            assert not page.locator("[data-cw-action=restart]").is_visible()
            assert errors == []
        finally:
            context.close()
