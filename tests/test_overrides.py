"""Broken template overrides stop the build with the override's file and line, never a Jinja traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import SiteFactory

from generator.cli import main
from generator.errors import ContentErrors
from generator.pipeline import BuildInputs, render_course

OVERRIDES = "overrides/courseware"
PACKAGED = "(this file overrides the packaged template {})"


def _build(project_root: Path) -> tuple[int, list[str]]:
    result = CliRunner().invoke(
        main,
        [
            "--root",
            str(project_root),
            "build",
            "-f",
            str(project_root / "mkdocs.yml"),
            "-d",
            str(project_root / "site"),
        ],
        catch_exceptions=False,
    )
    return result.exit_code, result.output.splitlines()


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        (
            {"questions/single.html.j2": "{% if question %}\n<p>unclosed</p>\n"},
            "overrides/courseware/questions/single.html.j2:2: Unexpected end of template. Jinja was looking for the following "
            "tags: 'elif' or 'else' or 'endif'. The innermost block that needs to be closed is 'if'. "
            + PACKAGED.format("questions/single.html.j2"),
        ),
        (
            {"home.md.j2": "# {{ course.title }}\n\n{{ not_a_variable }}\n"},
            "overrides/courseware/home.md.j2:3: 'not_a_variable' is undefined " + PACKAGED.format("home.md.j2"),
        ),
        (
            {"blocks/case.html.j2": "<div>\n{{ block.story.nope }}\n</div>\n"},
            "overrides/courseware/blocks/case.html.j2:2: 'str object' has no attribute 'nope' "
            + PACKAGED.format("blocks/case.html.j2"),
        ),
        (
            {"blocks/table.html.j2": "{% include 'partials/missing.html.j2' %}\n"},
            "overrides/courseware/blocks/table.html.j2:1: template 'partials/missing.html.j2' not found: it is neither in the "
            "override folder nor packaged " + PACKAGED.format("blocks/table.html.j2"),
        ),
        (
            {
                "blocks/table.html.j2": "{% include 'partials/mine.html.j2' %}\n",
                "partials/mine.html.j2": "ok\n{{ 1 / 0 }}\n",
            },
            "overrides/courseware/partials/mine.html.j2:2: ZeroDivisionError: division by zero (no packaged template is "
            "called partials/mine.html.j2: this file is the override folder's own)",
        ),
    ],
)
def test_a_broken_override_stops_the_build_at_its_line(
    make_project: SiteFactory, files: dict[str, str], expected: str
) -> None:
    project = make_project(
        plugin={"templates_dir": OVERRIDES}, files={f"{OVERRIDES}/{name}": text for name, text in files.items()}
    )
    code, lines = _build(project.root)
    assert code == 1
    assert lines[-2:] == [expected, "1 error(s) in course content"], lines
    assert not (project.root / "site").exists()


def test_every_override_that_does_not_compile_is_reported_at_once(tmp_path: Path, make_project: SiteFactory) -> None:
    project = make_project(
        files={
            f"{OVERRIDES}/quiz.md.j2": "{{ x\n",
            f"{OVERRIDES}/lesson.md.j2": "{% for %}\n",
            f"{OVERRIDES}/fine.html.j2": "{{ 1 }}\n",
        }
    )
    with pytest.raises(ContentErrors) as info:
        render_course(BuildInputs(root=project.root, templates_dir=project.root / OVERRIDES))
    assert [str(e) for e in info.value.errors] == [
        "overrides/courseware/lesson.md.j2:1: Expected an expression, got 'end of statement block' "
        + PACKAGED.format("lesson.md.j2"),
        "overrides/courseware/quiz.md.j2:1: unexpected end of template, expected 'end of print statement'. "
        + PACKAGED.format("quiz.md.j2"),
    ]


def test_a_working_override_still_wins(make_project: SiteFactory) -> None:
    project = make_project(files={f"{OVERRIDES}/blocks/case.html.j2": '<div class="mine">{{ block.title }}</div>\n'})
    output = render_course(BuildInputs(root=project.root, templates_dir=project.root / OVERRIDES))
    lesson = next(p for p in output.pages if p.path == "lessons/M1.md")
    assert '<div class="mine">出租车司机</div>' in lesson.markdown
