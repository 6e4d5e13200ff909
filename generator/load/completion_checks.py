"""The course's completion rule (for LMS packages) names only the course's own lessons and quizzes."""

from __future__ import annotations

from typing import Any

from ..errors import ContentError
from ..model import Course
from ..model.assemble import course_lessons, course_quizzes
from ..model.project import Project
from .scheme_checks import located_error


def check_completion(project: Project, course: Course) -> list[ContentError]:
    """Every id the rule lists is a lesson or a quiz of `course` (its final exam counts as a quiz)."""
    key, rule, errors = f"course:{course.id}", course.completion, []
    lessons: dict[str, Any] = {lesson.id: lesson for lesson in course_lessons(project, course)}
    quizzes: dict[str, Any] = {quiz.id: quiz for quiz in course_quizzes(project, course)}
    if course.final_exam is not None:
        quizzes[course.final_exam.id] = course.final_exam
    for field, listed, known in (("lessons", rule.lessons, lessons), ("quizzes", rule.quizzes, quizzes)):
        if listed == "all":
            continue
        for n, ref in enumerate(listed):
            if ref not in known:
                names = sorted(known)
                hint = f"; known: {', '.join(names[:12])}{' …' if len(names) > 12 else ''}" if names else ""
                errors.append(
                    located_error(
                        project, key, ("completion", field, n), f"{ref!r} is not one of this course's {field}{hint}"
                    )
                )
    return errors
