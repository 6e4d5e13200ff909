"""Golden tests of the core's rendered pages (no MkDocs involved).

Set UPDATE_GOLDEN=1 to rewrite the files under tests/golden/ after an intended change, then
review the diff.
"""

from __future__ import annotations

import os
import re

import pytest
from helpers import LOADER, ROOT

from generator.load import load_project
from generator.render.env import md_text
from generator.render.markdown import MarkdownRenderer
from generator.render.site import RenderSettings, generate
from generator.render.urls import relative_url

GOLDEN = ROOT / "tests" / "golden"


@pytest.fixture(scope="module")
def output():  # type: ignore[no-untyped-def]
    project = load_project(LOADER)
    return generate(project, project.courses["mini"], RenderSettings(language="zh"))


@pytest.mark.parametrize(
    "path",
    ["index.md", "lessons/M1.md", "quizzes/M1-quiz.md", "quizzes/M1-exercises.md", "glossary.md", "drills/man.md"],
)
def test_golden_pages(output, path: str) -> None:  # type: ignore[no-untyped-def]
    page = next(p for p in output.pages if p.path == path)
    golden = GOLDEN / (path.replace("/", "__"))
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(page.markdown, encoding="utf-8")
    assert page.markdown == golden.read_text(encoding="utf-8"), f"{path} differs from {golden}"


def test_nav_lists_lesson_quizzes_drill_glossary_progress(output) -> None:  # type: ignore[no-untyped-def]
    assert output.nav == [
        {"课程首页": "index.md"},
        {
            "1. MAN 法则入门": [
                {"MAN 法则入门": "lessons/M1.md"},
                {"MAN 练习": "quizzes/M1-exercises.md"},
                {"MAN 小测": "quizzes/M1-quiz.md"},
                {"随机练习：MAN 法则": "drills/man.md"},
            ]
        },
        {"术语表": "glossary.md"},
        {"学习进度": "progress.md"},
    ]


def test_assets_are_the_runtime_and_schemas(output) -> None:  # type: ignore[no-untyped-def]
    assert sorted(output.assets) == [
        "assets/courseware-print.css",
        "assets/courseware/certificate.js",
        "assets/courseware/dialogue.js",
        "assets/courseware/drill.js",
        "assets/courseware/exam.js",
        "assets/courseware/progress.js",
        "assets/courseware/quiz.js",
        "assets/courseware/site.css",
        "assets/courseware/site.js",
        "schema/answer-key.schema.json",
        "schema/course.schema.json",
        "schema/glossary.schema.json",
        "schema/lesson.schema.json",
        "schema/quiz.schema.json",
        "schema/scheme.schema.json",
    ]


def test_glossary_tooltips_inside_chinese_text() -> None:
    md = MarkdownRenderer(glossary={"缘故法": "从亲友关系入手寻找客户", "MAN": "资格鉴定法则"})
    assert md.block("先用缘故法找人，再用MAN判断。") == (
        '<p>先用<abbr class="cw-term" tabindex="0" title="从亲友关系入手寻找客户">缘故法</abbr>找人，'
        '再用<abbr class="cw-term" tabindex="0" title="资格鉴定法则">MAN</abbr>判断。</p>'
    )
    # Latin terms still need word boundaries on their Latin side.
    assert "<abbr" not in md.block("HUMANS")


def test_author_html_is_sanitised() -> None:
    md = MarkdownRenderer()
    html = md.block('<img src=x onerror="alert(1)"> [x](javascript:alert(1)) <script>alert(1)</script> **ok**')
    assert "onerror" not in html and "<script" not in html and "javascript:" not in html
    assert "<strong>ok</strong>" in html


def test_md_text_makes_titles_inert() -> None:
    assert md_text("[x](javascript:alert(1)) <b>") == "\\[x\\]\\(javascript:alert\\(1\\)\\) &lt;b&gt;"


@pytest.mark.parametrize(
    ("target", "source", "expected"),
    [
        ("lessons/L1.md", "index.md", "lessons/L1/"),
        ("quizzes/Q.md", "lessons/L1.md", "../../quizzes/Q/"),
        ("index.md", "progress.md", "../"),
    ],
)
def test_relative_urls(target: str, source: str, expected: str) -> None:
    assert relative_url(target, source, True) == expected


def test_committed_schemas_are_current() -> None:
    from generator.model.schema import contract_js, schemas

    for name, data in schemas().items():
        assert (ROOT / "schema" / name).read_bytes() == data, f"schema/{name} is stale: run `make schema`"
    # The runtime's typedefs come from the same models (tsc holds the runtime to them).
    contract = ROOT / "generator" / "runtime" / "contract.js"
    assert contract.read_bytes() == contract_js(), "generator/runtime/contract.js is stale: run `make schema`"


def test_chrome_titles_cannot_carry_tags() -> None:
    from markupsafe import Markup

    from generator.render.urls import chrome_title

    hostile = '</title><img src=x onerror=alert(1)> & "q"'
    safe = chrome_title(hostile)
    assert "<" not in safe and ">" not in safe
    # Material's <title> applies striptags, which unescapes entities: still no tag comes back.
    assert "<" not in Markup(safe).striptags()


def test_interface_strings_exist_in_both_languages() -> None:
    from generator.render.i18n import STRINGS

    assert set(STRINGS["zh"]) == set(STRINGS["en"])
    assert all("，" not in v and "：" not in v for v in STRINGS["en"].values())


def test_tab_sets_in_different_fragments_get_different_ids() -> None:
    md = MarkdownRenderer()
    tabs = '=== "甲"\n\n    一\n\n=== "乙"\n\n    二\n'
    first, second = md.block(tabs), md.block(tabs)
    ids = lambda html: set(re.findall(r'id="(__tabbed_[^"]+)"', html))
    assert ids(first) and ids(second) and not ids(first) & ids(second)
