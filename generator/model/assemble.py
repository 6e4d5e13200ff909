"""Which lessons and quizzes a course contains, in order."""

from __future__ import annotations

from . import Course, Lesson, Quiz
from .project import Project


def course_lessons(project: Project, course: Course, drafts: bool = True) -> list[Lesson]:
    """The course's lessons in teaching order; without `drafts`, those marked `draft: true` are left out."""
    return [
        project.lessons[i] for i in course.lessons if i in project.lessons and (drafts or not project.lessons[i].draft)
    ]


def course_quizzes(project: Project, course: Course, drafts: bool = True) -> list[Quiz]:
    """The course's quizzes: the listed ones, or every quiz of its lessons, in lesson order.

    Without `drafts`, draft quizzes and the quizzes of draft lessons are left out.
    """
    wanted = set(course.quizzes) if course.quizzes is not None else None
    order = {lesson.id: n for n, lesson in enumerate(course_lessons(project, course, drafts))}
    chosen = [
        q
        for q in project.quizzes.values()
        if q.lesson in order and (wanted is None or q.id in wanted) and (drafts or not q.draft)
    ]
    # Within a lesson: the manifest's order when it lists quizzes, else file name order.
    listed = {quiz_id: n for n, quiz_id in enumerate(course.quizzes or [])}
    return sorted(chosen, key=lambda q: (order[q.lesson], listed.get(q.id, 0)))
