"""The JavaScript and CSS a page loads stay within the runtime's gzip budget; lessons load no widget runtime."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bench.parts.size import gzip9, runtime_assets
from generator.pipeline import BuildInputs, render_course
from generator.render.assets import (
    DIALOGUE_CSS,
    DIALOGUE_GZIP_EXTRA,
    EXAM_GZIP_BUDGET,
    WIDGET_CSS,
    WIDGET_STYLES,
    built,
    widget_css,
)
from generator.render.site import ASSET_DIR, RUNTIME_FILES, RUNTIME_GZIP_BUDGET, SITE_FILES, page_files

MINI = Path(__file__).parent / "fixtures" / "mini"
LINKED = re.compile(r'<(?:link rel="stylesheet" href|script src)="(?:\.\./)*' + ASSET_DIR + r'/([^"]+)"')


@pytest.fixture(scope="module")
def output():  # type: ignore[no-untyped-def]
    return render_course(BuildInputs(root=MINI))


@pytest.mark.parametrize(
    ("kind", "path", "budget"),
    [
        ("quiz", "quizzes/M1-quiz.md", RUNTIME_GZIP_BUDGET),
        ("drill", "drills/man.md", RUNTIME_GZIP_BUDGET),
        ("progress", "progress.md", RUNTIME_GZIP_BUDGET),
        ("certificate", "certificate.md", RUNTIME_GZIP_BUDGET),
        # The quiz runtime plus the blueprint's draw, on one page of the course.
        ("exam", "exam.md", EXAM_GZIP_BUDGET),
        # Only a page with a conversation carries its code: every other widget page keeps to the budget.
        ("dialogue", "quizzes/M1-dialogue.md", RUNTIME_GZIP_BUDGET + DIALOGUE_GZIP_EXTRA),
    ],
)
def test_a_widget_page_loads_its_files_within_the_gzip_budget(output, kind: str, path: str, budget: int) -> None:  # type: ignore[no-untyped-def]
    page = next(p for p in output.pages if p.path == path)
    # What the page links itself and writes into itself, plus what every page gets from the plugin.
    styles = [WIDGET_STYLES.get(kind, WIDGET_CSS)] + ([DIALOGUE_CSS] if kind == "dialogue" else [])
    inline = styles if f"<style>{''.join(map(widget_css, styles))}</style>" in page.markdown else []
    loaded = (*SITE_FILES, *LINKED.findall(page.markdown), *inline)
    assert sorted(loaded) == sorted(page_files(kind))
    shipped = runtime_assets(output)
    assert set(RUNTIME_FILES) == set(shipped)
    sizes = {name: gzip9(built(name)) for name in loaded}
    assert sum(sizes.values()) <= budget, f"gzip -9 sizes {sizes} exceed {budget} B"


def test_only_pages_with_a_dialogue_load_its_runtime(output) -> None:  # type: ignore[no-untyped-def]
    quizzes = {p.path: p.markdown for p in output.pages if p.path.startswith("quizzes/")}
    with_dialogue = {path for path, text in quizzes.items() if 'data-cw-type="dialogue"' in text}
    assert with_dialogue == {"quizzes/M1-dialogue.md"}
    for path, text in quizzes.items():
        assert ("dialogue.js" in text) == (path in with_dialogue), path
        assert (widget_css(DIALOGUE_CSS) in text) == (path in with_dialogue), path


def test_pages_without_widgets_link_no_runtime(output) -> None:  # type: ignore[no-untyped-def]
    plain = [p for p in output.pages if p.path.startswith("lessons/") or p.path in ("index.md", "glossary.md")]
    assert len(plain) >= 3
    for page in plain:
        assert ASSET_DIR not in page.markdown and "<script" not in page.markdown and "<style" not in page.markdown


@pytest.mark.parametrize(
    ("page", "directory_urls", "expected"),
    [
        ("quizzes/Q.md", True, "../../assets/courseware/quiz.js"),
        ("quizzes/Q.md", False, "../assets/courseware/quiz.js"),
        ("progress.md", True, "../assets/courseware/quiz.js"),
        ("progress.md", False, "assets/courseware/quiz.js"),
        ("index.md", True, "assets/courseware/quiz.js"),
    ],
)
def test_widget_pages_link_the_runtime_relative_to_themselves(page: str, directory_urls: bool, expected: str) -> None:
    from generator.render.assets import asset_url

    assert asset_url("quiz.js", page, directory_urls) == expected
