"""Content limits: text the Markdown parser would take too long on is refused at load, with its place."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
from helpers import LOADER, ROOT, copy_mini, errors_of, replace_in

from generator.load import load_project
from generator.model import limits
from generator.pipeline import BuildInputs, render_course

SUMMARY = "summary: 用三个问题判断潜在客户。"


def _summary_errors(tmp_path: Path, value: str) -> list[str]:
    root = copy_mini(tmp_path, LOADER)
    replace_in(root / "lessons/M1.yml", SUMMARY, "summary: " + json.dumps(value, ensure_ascii=False))
    return errors_of(root)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            "[" * 20_001,
            "20,001 characters is too long: this field takes at most 20,000 (split the text into several "
            "sections or blocks)",
        ),
        (
            "a [" * 21,
            "line 1: a paragraph may contain at most 20 '[', this one has 21 (the Markdown parser slows down "
            "on so many; split the paragraph with blank lines)",
        ),
        (
            "intro\n\n" + "<a" * 51,
            "line 3: a paragraph may contain at most 50 '<', this one has 51 (the Markdown parser "
            "slows down on so many; split the paragraph with blank lines)",
        ),
        (
            "`a` " * 26,
            "line 1: a paragraph may contain at most 50 runs of backticks, this one has 52 (the Markdown "
            "parser slows down on so many; split the paragraph with blank lines)",
        ),
        (
            "H~2~O " * 10 + "x^2^",
            "line 1: a paragraph may contain at most 20 '~' and '^', this one has 22 (the Markdown "
            "parser slows down on so many; split the paragraph with blank lines)",
        ),
        (
            "**a** " * 501,
            "2,004 markup characters (\\ ` * _ [ < & ^ = ~ |) in one field; at most 2,000 are allowed "
            "(split the text into several sections)",
        ),
        (
            "\n\n".join(["a"] * 501),
            "1,001 lines in one field; at most 1,000 are allowed (split the text into several sections)",
        ),
        ("- " * 9 + "x", "line 1: lists, quotes and indentation nest 9 levels deep here; at most 8 are allowed"),
        (
            "ok\n\n" + "\t" * 4 + "    " * 4 + "> x",
            "line 3: lists, quotes and indentation nest 9 levels deep here; at most 8 are allowed",
        ),
        (
            "a\n: b\n" * 9,
            "line 1: 9 definition lines (': …') in one paragraph nest inside each other; at most 8 are "
            "allowed (put a blank line between the terms)",
        ),
        (
            "\n\n".join(["!!! note\n    x"] * 51),
            "51 fenced code blocks, call-outs (!!!, ???), tabs (===) and "
            "abbreviations (*[) in one field; at most 50 are allowed (split the text "
            "into several sections)",
        ),
        (
            "\n".join(["a"] * 201),
            "line 1: a paragraph, list or table may have at most 200 lines without a blank line "
            "between them, this one has 201",
        ),
    ],
)
def test_pathological_markdown_is_refused_with_its_place(tmp_path: Path, value: str, message: str) -> None:
    assert _summary_errors(tmp_path, value) == [f"lessons/M1.yml:3:10: summary: {message}"]


@pytest.mark.parametrize(
    "value",
    [
        "[" * 20,
        "\n\n".join(["[" * 20] * 10),
        "<a" * 50,
        "`a` " * 25,
        "*~a " * 20,
        "**a** " * 500,
        "\n\n".join(["a"] * 500),
        "- " * 8 + "x",
        "> " * 8 + "x",
        "a\n: b\n" * 4,
        "\n\n".join(["!!! note\n    x"] * 50),
        "\n".join(["a"] * 200),
        "a" * 20_000,
    ],
)
def test_content_at_the_limits_loads_and_renders(tmp_path: Path, value: str) -> None:
    root = copy_mini(tmp_path)
    replace_in(root / "lessons/M1.yml", "summary: 用三个问题判断潜在客户。", "summary: " + json.dumps(value))
    started = time.process_time()
    output = render_course(BuildInputs(root=root))
    assert time.process_time() - started < 5
    assert any(page.path == "lessons/M1.md" for page in output.pages)


def test_short_texts_blocks_and_tables_have_their_own_limits(tmp_path: Path) -> None:
    root = copy_mini(tmp_path, LOADER)
    lesson = root / "lessons/M1.yml"
    replace_in(lesson, "title: MAN 法则入门", "title: " + "长" * 2_001)
    replace_in(lesson, "columns: [组合, 做法]", "columns: [" + ", ".join(f"c{n}" for n in range(21)) + "]")
    replace_in(lesson, "story: 司机会观察乘客。", "story: " + json.dumps("> " * 9 + "x"))
    assert errors_of(root) == [
        "lessons/M1.yml:2:8: title: 2,001 characters is too long: this field takes at most 2,000 (shorten it)",
        "lessons/M1.yml:20:9: sections[0].blocks[0]: the table has 21 columns; a table may have at most 20",
        "lessons/M1.yml:28:16: sections[0].blocks[1].story: line 1: lists, quotes and indentation nest 9 levels deep "
        "here; at most 8 are allowed",
    ]


def test_table_rows(tmp_path: Path) -> None:
    root = copy_mini(tmp_path, LOADER)
    replace_in(
        root / "lessons/M1.yml", "          - [m+a+n, 放弃]\n", "".join(f"          - [r{n}, x]\n" for n in range(200))
    )
    assert errors_of(root) == [
        "lessons/M1.yml:20:9: sections[0].blocks[0]: the table has 201 rows; a table may have at most 200 (split it "
        "into several tables)"
    ]


def test_table_cells(tmp_path: Path) -> None:
    root = copy_mini(tmp_path, LOADER)
    replace_in(root / "lessons/M1.yml", "          - [M+A+N, 理想客户]", "          - [M+A+N, " + "y" * 2_001 + "]")
    assert errors_of(root) == [
        "lessons/M1.yml:24:21: sections[0].blocks[0].rows[0][1]: 2,001 characters is too long: this field takes at "
        "most 2,000 (shorten it)"
    ]


def test_the_checks_are_linear_on_a_megabyte(tmp_path: Path) -> None:
    """The checks themselves must not be the slow part: a 2 MB file of the worst shapes is judged fast."""
    shapes = [
        "[" * 19_999,
        "- " * 9_999,
        "a\n: b\n" * 3_333,
        "\t" * 19_999,
        "`" * 19_999,
        "*_" * 9_999,
        "\n".join(["a"] * 9_999),
        "!!! x\n" * 3_333,
    ]
    started = time.process_time()
    for _ in range(12):
        for text in shapes:
            limits.markdown_problem(text)
    assert time.process_time() - started < 2


def test_every_limit_is_documented_with_its_value() -> None:
    guide = (ROOT / "docs/authoring.md").read_text(encoding="utf-8")
    section = guide.split("## Limits", 1)[1].split("\n## ", 1)[0]
    names = [n for n in dir(limits) if n.startswith("MAX_")]
    assert len(names) >= 12
    for name in names:
        value = f"{getattr(limits, name):,}"
        found = re.search(rf"(?<![\d,]){re.escape(value)}(?![\d,])", section)
        assert found, f"{name} = {value} is not in the Limits section"


def test_every_text_field_of_every_model_is_limited() -> None:
    """No string reaches the renderer unbounded: every string in the JSON Schemas (which mirror the
    models' validators) has a maximum length, a pattern or a fixed set of values. (The fuzz found a
    numeric question's `unit`, a plain string, 4,000 characters of '- - -' deep: RecursionError.)"""
    from generator.model.schema import schemas

    def unbounded(node: object, path: str) -> list[str]:
        if isinstance(node, dict):
            found = (
                [path]
                if node.get("type") == "string" and not node.keys() & {"maxLength", "pattern", "enum", "const"}
                else []
            )
            return found + [p for k, v in node.items() for p in unbounded(v, f"{path}/{k}")]
        if isinstance(node, list):
            return [p for n, v in enumerate(node) for p in unbounded(v, f"{path}/{n}")]
        return []

    content = {name: data for name, data in schemas().items() if name != "answer-key.schema.json"}
    assert "course.schema.json" in content  # the answer key is the generator's output, not author input
    for name, data in content.items():
        assert unbounded(json.loads(data), name) == []


def test_a_numeric_unit_is_limited_like_any_short_text(tmp_path: Path) -> None:
    root = copy_mini(tmp_path, LOADER)
    replace_in(root / "quizzes/M1-quiz.yml", "unit: 种", "unit: " + json.dumps("- " * 2_000))
    assert errors_of(root) == [
        "quizzes/M1-quiz.yml:33:68: questions[4].unit (question 5): 3,999 characters is too long: this "
        "field takes at most 2,000 (shorten it)"
    ]


def test_the_bundled_course_is_far_below_every_limit() -> None:
    """Each limit is at least ten times what the bundled course needs (the margin authors get)."""
    from generator.render.markdown import model_texts

    project = load_project(ROOT)
    objects = [
        *project.lessons.values(),
        *project.quizzes.values(),
        *project.schemes.values(),
        *project.courses.values(),
        *project.terms,
    ]
    texts = [t for o in objects for t in model_texts(o)]
    longest = max(len(t) for t in texts)
    markup = max(sum(t.count(c) for c in "\\`*_[<&^=~|") for t in texts)
    lines = max(t.count("\n") + 1 for t in texts)
    assert longest * 10 <= limits.MAX_MARKDOWN_CHARS, longest
    assert markup * 10 <= limits.MAX_MARKUP, markup
    assert lines * 10 <= limits.MAX_LINES, lines
