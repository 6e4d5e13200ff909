"""Which lessons and quizzes a course contains, in order."""

from __future__ import annotations

from . import Course, Lesson, Question, Quiz
from .exam import FinalExam
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


def exam_pool(
    project: Project, course: Course, exam: FinalExam, drafts: bool = False
) -> list[tuple[str, list[Question]]]:
    """Per course lesson (in teaching order, each listed even when empty): the questions of its quizzes
    that the exam's blueprint makes eligible, in course order. Conversations never are: they are
    practised on their own pages, whose runtime the exam page does not load. Draft quizzes take part only
    with `drafts` (`check` and the live preview); a draft lesson never does, as it is not written yet."""
    blueprint = exam.blueprint
    quizzes = course_quizzes(project, course, drafts)
    return [
        (
            lesson,
            [
                q
                for quiz in quizzes
                if quiz.lesson == lesson
                for q in quiz.questions
                if (blueprint.levels is None or q.level in blueprint.levels)
                and q.type not in blueprint.exclude_types
                and q.type != "dialogue"
            ],
        )
        for lesson in course.lessons
        if lesson in project.lessons and not project.lessons[lesson].draft
    ]


def exam_minimums(exam: FinalExam, pool: list[tuple[str, list[Question]]]) -> dict[str, int]:
    """How often each skill must be asked: the blueprint's mapping, or its number for every skill of the pool."""
    wanted = exam.blueprint.min_per_skill
    if isinstance(wanted, dict):
        return {s: n for s, n in wanted.items() if n > 0}
    used = dict.fromkeys(s for _, questions in pool for q in questions for s in q.skills)
    return {s: wanted for s in used} if wanted > 0 else {}
