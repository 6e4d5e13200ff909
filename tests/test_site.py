"""A real MkDocs build of the fixture project in tmp_path: pages, navigation, search, safety."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from helpers import SiteFactory, copy_mini
from mkdocs.exceptions import Abort

from generator.mkdocs.build import build_site


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_mini(tmp_path_factory.mktemp("project"))
    return build_site(root / "mkdocs.yml", site_dir=root / "site")


def test_pages_exist(site: Path) -> None:
    for page in (
        "index.html",
        "lessons/M1/index.html",
        "quizzes/M1-quiz/index.html",
        "quizzes/M1-exercises/index.html",
        "glossary/index.html",
        "progress/index.html",
        "drills/man/index.html",
        "about/index.html",
        "assets/courseware/quiz.js",
        "assets/courseware/site.css",
        "assets/courseware/site.js",
        "schema/lesson.schema.json",
    ):
        assert (site / page).is_file(), page
    # The widgets' stylesheet is written into the widget pages, not served as a file.
    assert not (site / "assets/courseware/quiz.css").exists()
    assert "<style>" in (site / "quizzes/M1-quiz/index.html").read_text(encoding="utf-8")


def test_lesson_page_has_sections_in_toc_and_tooltips(site: Path) -> None:
    html = (site / "lessons/M1/index.html").read_text(encoding="utf-8")
    assert 'id="s1"' in html and 'href="#s1"' in html  # section heading in the page TOC
    assert (
        '<abbr class="cw-term" tabindex="0" title="从购买力、决策权和需求三方面判断潜在客户的方法。">MAN 法则</abbr>'
    ) in html
    assert "<svg" in html and "看购买力" in html
    assert 'href="../../quizzes/M1-quiz/"' in html


def test_nav_links_lesson_and_quiz(site: Path) -> None:
    html = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="lessons/M1/"' in html and 'href="quizzes/M1-quiz/"' in html


def test_search_index_has_quiz_text_but_no_answer_key(site: Path) -> None:
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    quiz_docs = [d for d in index["docs"] if d["location"].startswith("quizzes/M1-quiz/")]
    raw = " ".join(d["text"] for d in quiz_docs)
    # Material segments Chinese with jieba when it is installed, separating words with zero-width
    # spaces; without it, a search for a word inside a sentence finds nothing.
    assert "\u200b" in raw
    text = raw.replace("\u200b", "")
    assert "A 指的是什么" in text and "A 是 authority" in text  # prompt and explanation
    assert '"correct"' not in text and "cw:v1" not in text
    assert "提交答案" not in text and "清除记录" not in text  # interface strings stay out
    assert index["config"]["lang"] == ["zh"]


def test_nothing_is_loaded_from_another_origin(site: Path) -> None:
    """Scripts, styles, images and fonts all come from the site (links to elsewhere are fine)."""
    loads = re.compile(r'<(?:script|img|iframe|source|link)\b[^>]*\b(?:src|href)="((?:https?:)?//[^"]*)"[^>]*>')
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for match in loads.finditer(html):
            if 'rel="canonical"' not in match.group(0):
                pytest.fail(f"{page}: loads {match.group(1)}")
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


def test_hand_written_page_is_never_replaced(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    root = copy_mini(tmp_path)
    (root / "docs/lessons").mkdir()
    (root / "docs/lessons/M1.md").write_text("# 手写\n", encoding="utf-8")
    with pytest.raises(Abort):
        build_site(root / "mkdocs.yml", site_dir=tmp_path / "out")
    assert "docs/lessons/M1.md is a hand-written page" in caplog.text
    assert (root / "docs/lessons/M1.md").read_text(encoding="utf-8") == "# 手写\n"
    assert not (tmp_path / "out").exists()


def test_template_override_wins(make_project: SiteFactory, tmp_path: Path) -> None:
    project = make_project(
        plugin={"templates_dir": "overrides"},
        files={"overrides/blocks/case.html.j2": '<div class="my-case">{{ block.title }}</div>\n'},
    )
    out = project.build(tmp_path / "out")
    assert '<div class="my-case">出租车司机</div>' in (out / "lessons/M1/index.html").read_text(encoding="utf-8")
