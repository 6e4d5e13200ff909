"""What differs between the engines: search in Chinese, instant navigation, the theme's chrome."""

from __future__ import annotations

import json
from typing import Any

from support import search


def test_a_chinese_search_finds_the_lesson(s: Any, engine: str) -> None:
    page = s.goto("/", mounted=False)
    results = search(page, engine, "潜在客户")
    hrefs = [results.nth(i).get_attribute("href") or "" for i in range(results.count())]
    assert any("lessons/M1/" in href for href in hrefs), hrefs


def test_instant_navigation_mounts_the_quiz_and_keeps_progress(s: Any, engine: str) -> None:
    page = s.goto("/lessons/M1/", mounted=False)
    page.click("a[href$='quizzes/M1-quiz/']")
    page.wait_for_selector("[data-cw-quiz] [data-cw-mounted], [data-cw-quiz][data-cw-mounted]", state="attached")
    page.locator("#m-q3 input[value=true]").check()
    page.click("#m-q3 [data-cw-action=check]")
    assert "回答正确" in page.inner_text("#m-q3 [data-cw-status]")
    page.go_back()
    page.click("a[href$='quizzes/M1-quiz/']")
    page.wait_for_selector("#m-q3 [data-cw-status]:not(:empty)")
    assert "回答正确" in page.inner_text("#m-q3 [data-cw-status]"), engine


def test_the_site_is_named_after_the_course(s: Any, site_dir: Any) -> None:
    page = s.goto("/", mounted=False)
    assert "迷你课程" in page.title()


def test_zensical_leaves_widget_pages_out_of_its_search(site_dir: Any, engine: str) -> None:
    """Zensical 0.0.73 indexes data-search-exclude blocks (option feedback, interface strings), so quiz,
    drill and progress pages stay out of its index; MkDocs indexes their questions without those."""
    if engine != "zensical":
        index = json.loads((site_dir / "search/search_index.json").read_text(encoding="utf-8"))
        assert any(d["location"].startswith("quizzes/M1-quiz/") for d in index["docs"])
        return
    items = json.loads((site_dir / "search.json").read_text(encoding="utf-8"))["items"]
    locations = {item["location"].split("#", 1)[0] for item in items}
    assert "lessons/M1/" in locations
    assert not {loc for loc in locations if loc.startswith(("quizzes/", "drills/", "progress/"))}, locations
    assert "意愿属于需求" not in json.dumps(items, ensure_ascii=False)  # an option's feedback
