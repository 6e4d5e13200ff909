"""The benchmark's synthetic pool is valid content: it loads, covers every question type and renders."""

from __future__ import annotations

from pathlib import Path

from bench.pool import COURSE_ID, write_pool
from generator.load import load_project
from generator.model import QUESTION_TYPES
from generator.pipeline import BuildInputs, render_course


def test_pool_loads_with_the_asked_number_of_questions(tmp_path: Path) -> None:
    files = write_pool(tmp_path, 25, per_quiz=10, quizzes_per_lesson=2)
    project = load_project(tmp_path)
    assert len(project.quizzes) == 3 and len(project.lessons) == 2
    assert sorted(len(q.questions) for q in project.quizzes.values()) == [5, 10, 10]
    assert {q.type for quiz in project.quizzes.values() for q in quiz.questions} == set(QUESTION_TYPES)
    assert set(files) == set(tmp_path.rglob("*.yml"))
    output = render_course(BuildInputs(root=tmp_path))
    assert output.title and sum(p.path.startswith("quizzes/") for p in output.pages) == 3
    assert list(project.courses) == [COURSE_ID]
