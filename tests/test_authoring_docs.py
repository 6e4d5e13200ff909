"""The YAML examples in docs/authoring.md form a valid project: the guide cannot drift from the code."""

from __future__ import annotations

import re
from pathlib import Path

from helpers import ROOT

from generator.load import load_project
from generator.render.site import RenderSettings, generate

BLOCK = re.compile(r"```yaml\n# file: (\S+)\n(.*?)```", re.DOTALL)


def test_guide_examples_load_and_render(tmp_path: Path) -> None:
    guide = (ROOT / "docs/authoring.md").read_text(encoding="utf-8")
    examples = BLOCK.findall(guide)
    assert len(examples) >= 6
    for name, body in examples:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body, encoding="utf-8")
    project = load_project(tmp_path)
    types = {q.type for quiz in project.quizzes.values() for q in quiz.questions}
    assert types == {
        "single",
        "multiple",
        "truefalse",
        "fill",
        "numeric",
        "ordering",
        "matching",
        "categorise",
        "classify",
        "calc",
        "dialogue",
    }
    output = generate(project, project.courses["example"], RenderSettings())
    assert {p.path for p in output.pages} >= {
        "lessons/EX1.md",
        "quizzes/EX1-quiz.md",
        "quizzes/EX1-dialogue.md",
        "drills/ex-essentials.md",
        "drills/ex-fit.md",
        "exam.md",
        "certificate.md",
    }


def test_documented_error_lines_are_real(tmp_path: Path) -> None:
    """The two sample error lines in the guide are what the loader prints for those mistakes."""
    from helpers import LOADER, copy_mini, errors_of, replace_in

    root = copy_mini(tmp_path, LOADER)
    replace_in(root / "lessons/M1.yml", "minutes: 20", "minutes: twenty")
    message = errors_of(root)[0].split(": ", 1)[1]
    guide = (ROOT / "docs/authoring.md").read_text(encoding="utf-8")
    assert f"lessons/L3.yml:4:10: {message}" in guide
