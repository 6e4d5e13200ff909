"""The bundled course meets the content targets its issues set (counts, coverage, types)."""

from __future__ import annotations

from collections import Counter

import pytest
from helpers import ROOT

from generator.load import load_project
from generator.model import QUESTION_TYPES, Classify
from generator.model.assemble import course_quizzes

#: Minimum worked exercises per scheme, for the schemes whose lessons are in the course.
MINIMUM_EXERCISES = {
    "man": 8,
    "grade": 5,
    "decision-role": 5,
    "prospecting-method": 8,
    "customer-type": 4,
    "demand-tier": 3,
    "appointment-method": 5,
    "buying-signal": 8,
    "lifecycle-stage": 4,
    "buying-element": 8,
    "communication-style": 8,
}
#: Schemes of lessons 5-8, where every class must be judged in at least two scenarios (issue 18).
TWO_PER_CLASS = ("appointment-method", "buying-signal", "lifecycle-stage", "buying-element", "communication-style")
QUIZ_TYPES = {"single", "multiple", "truefalse", "fill", "numeric", "ordering", "matching", "categorise"}


@pytest.fixture(scope="module")
def project():  # type: ignore[no-untyped-def]
    return load_project(ROOT)


def test_every_lesson_quiz_has_20_questions_of_every_type(project) -> None:  # type: ignore[no-untyped-def]
    course = project.courses["khkf"]
    for lesson_id in course.lessons:
        quiz = project.quizzes[f"{lesson_id}-quiz"]
        assert len(quiz.questions) >= 20, lesson_id
        assert {q.type for q in quiz.questions} >= QUIZ_TYPES, lesson_id


def test_choice_questions_explain_every_wrong_option(project) -> None:  # type: ignore[no-untyped-def]
    for quiz in project.quizzes.values():
        for q in quiz.questions:
            # A conversation teaches through each reply's feedback and its endings' debriefs (checked at load).
            assert q.explanation or q.type == "dialogue", q.id
            for option in getattr(q, "options", []):
                assert option.correct or option.feedback, f"{q.id}: wrong option without feedback"


def test_exercise_counts_per_scheme(project) -> None:  # type: ignore[no-untyped-def]
    course = project.courses["khkf"]
    counts = Counter(
        q.scheme for quiz in course_quizzes(project, course) for q in quiz.questions if isinstance(q, Classify)
    )
    for scheme, minimum in MINIMUM_EXERCISES.items():
        if scheme in project.schemes:
            assert counts[scheme] >= minimum, scheme


def test_every_class_of_man_and_grade_is_exercised(project) -> None:  # type: ignore[no-untyped-def]

    for scheme_id in ("man", "grade"):
        scheme = project.schemes[scheme_id]
        seen = {
            q.answer or scheme.derive({c.attribute: c.value for c in q.cues})
            for quiz in project.quizzes.values()
            for q in quiz.questions
            if isinstance(q, Classify) and q.scheme == scheme_id
        }
        assert seen == {c.id for c in scheme.classes}, scheme_id
        assert all(len(sentences) >= 1 for bank in scheme.drill.values() for sentences in bank.values())


def test_every_question_type_is_in_the_bundled_course(project) -> None:  # type: ignore[no-untyped-def]
    course = project.courses["khkf"]
    types = {q.type for quiz in course_quizzes(project, course) for q in quiz.questions}
    assert types == set(QUESTION_TYPES)


def test_glossary_size(project) -> None:  # type: ignore[no-untyped-def]
    assert len(project.terms) >= 40


def test_second_course_comes_from_the_same_pool(project) -> None:  # type: ignore[no-untyped-def]
    quick = project.courses["quick"]
    assert set(quick.lessons) < set(project.lessons)
    assert course_quizzes(project, quick)


def test_objectives_and_questions_cover_each_other(project) -> None:  # type: ignore[no-untyped-def]
    """Every objective of the course is assessed, and every question assesses an objective."""
    course = project.courses["khkf"]
    assert course.check_objectives  # the build enforces it too; this names the gaps if it is ever turned off
    named = {
        ref for lesson_id in course.lessons for o in project.lessons[lesson_id].objectives for ref in o.assessed_by
    }
    questions = {q.id for quiz in course_quizzes(project, course) for q in quiz.questions}
    assert questions - named == set()
    assert named - questions == set()
    assert all(o.assessed_by for lesson_id in course.lessons for o in project.lessons[lesson_id].objectives)


def test_every_content_file_points_editors_at_its_schema() -> None:
    kinds = {"lessons": "lesson", "quizzes": "quiz", "schemes": "scheme", "glossary": "glossary", "courses": "course"}
    files = [
        *ROOT.glob("lessons/*.yml"),
        *ROOT.glob("quizzes/**/*.yml"),
        *ROOT.glob("glossary/*.yml"),
        *ROOT.glob("courses/*.yml"),
        ROOT / "course.yml",
    ]
    for path in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        target = (path.parent / first.split("=", 1)[1]).resolve()
        kind = kinds.get(path.parent.name, "course")
        assert target == (ROOT / "schema" / f"{kind}.schema.json").resolve(), path


def test_every_class_of_the_later_schemes_has_two_scenarios(project) -> None:  # type: ignore[no-untyped-def]
    course = project.courses["khkf"]
    for scheme_id in TWO_PER_CLASS:
        scheme = project.schemes[scheme_id]
        answers = Counter(
            q.answer or scheme.derive({c.attribute: c.value for c in q.cues})
            for quiz in course_quizzes(project, course)
            for q in quiz.questions
            if isinstance(q, Classify) and q.scheme == scheme_id
        )
        assert {c.id: answers[c.id] for c in scheme.classes if answers[c.id] < 2} == {}, scheme_id


def test_every_lesson_is_tagged_and_at_least_40_percent_apply(project) -> None:  # type: ignore[no-untyped-def]
    course = project.courses["khkf"]
    for lesson_id in course.lessons:
        questions = [q for quiz in course_quizzes(project, course) if quiz.lesson == lesson_id for q in quiz.questions]
        assert [q.id for q in questions if q.level is None] == [], lesson_id
        applied = sum(q.level == "apply" for q in questions)
        assert applied / len(questions) >= 0.4, (lesson_id, applied, len(questions))
