"""Checks of a course's final exam: its id is its own, and the pool can satisfy its blueprint."""

from __future__ import annotations

from collections.abc import Callable

from ..errors import ContentError
from ..model import Course, Question
from ..model.assemble import exam_minimums, exam_pool
from ..model.exam import MAX_EXAM_QUESTIONS, FinalExam
from ..model.examdraw import draw
from ..model.project import Project
from .scheme_checks import located_error
from .yamlsource import Loc

BLUEPRINT: Loc = ("final_exam", "blueprint")


def check_final_exam(project: Project, course: Course, drafts: bool = True) -> list[ContentError]:
    """The exam's id is no quiz's, and some draw meets the blueprint: enough eligible questions in every
    lesson, enough for every skill minimum, and (found by the runtime's own search) all at once.

    `drafts`: whether draft lessons and quizzes count (they do for `check` and the preview; a build
    without them asks again, see pipeline.load_course)."""
    exam = course.final_exam
    if exam is None:
        return []
    key = f"course:{course.id}"

    def err(loc: Loc, message: str) -> ContentError:
        return located_error(project, key, loc, message)

    errors = []
    if exam.id in project.quizzes:
        errors.append(
            err(
                ("final_exam", "id"),
                f"final exam id {exam.id!r} is also a quiz's id: their saved results would mix; choose another id",
            )
        )
    blueprint, pool = exam.blueprint, exam_pool(project, course, exam, drafts)
    per = blueprint.per_lesson
    if per * len(pool) > MAX_EXAM_QUESTIONS:
        errors.append(
            err(
                (*BLUEPRINT, "per_lesson"),
                f"the exam would ask {per * len(pool)} questions ({per} from each of {len(pool)} lessons); "
                f"at most {MAX_EXAM_QUESTIONS}",
            )
        )
        return errors
    for lesson, questions in pool:
        if len(questions) < per:
            errors.append(
                err(
                    (*BLUEPRINT, "per_lesson"),
                    f"lesson {lesson} has {len(questions)} eligible question(s), fewer than per_lesson "
                    f"({per}){_eligible(exam)}",
                )
            )
    errors += _check_skills(course, exam, pool, err)
    if errors:
        return errors
    minimums = exam_minimums(exam, pool)
    groups = [[q.id for q in questions] for _, questions in pool]
    skills = {q.id: q.skills for _, questions in pool for q in questions}
    if draw(groups, skills, per, minimums, 0) is None:
        wanted = ", ".join(f"{s} {n}" for s, n in sorted(minimums.items()))
        errors.append(
            err(
                BLUEPRINT,
                f"no draw of {per} question(s) per lesson meets every skill minimum at once ({wanted}): the "
                "skills compete for the same lessons' places; lower a minimum or raise per_lesson",
            )
        )
    return errors


def _check_skills(
    course: Course, exam: FinalExam, pool: list[tuple[str, list[Question]]], err: Callable[[Loc, str], ContentError]
) -> list[ContentError]:
    """Each skill minimum names a declared skill that enough eligible questions carry."""
    errors = []
    named = exam.blueprint.min_per_skill
    per = exam.blueprint.per_lesson
    for skill, n in exam_minimums(exam, pool).items():
        loc: Loc = (*BLUEPRINT, "min_per_skill", skill) if isinstance(named, dict) else (*BLUEPRINT, "min_per_skill")
        if skill not in course.skills:
            errors.append(err(loc, f"skill {skill!r} is not declared in `skills:` of course {course.id!r}"))
            continue
        having = [(lesson, sum(skill in q.skills for q in qs)) for lesson, qs in pool]
        most = sum(min(per, count) for _, count in having)
        if most < n:
            where = ", ".join(f"{lesson} {count}" for lesson, count in having if count) or "none"
            errors.append(
                err(
                    loc,
                    f"skill {skill!r} must be asked {n} time(s) per attempt but at most {most} of its questions "
                    f"can be drawn ({per} per lesson; eligible questions with it: {where}){_eligible(exam)}",
                )
            )
    return errors


def _eligible(exam: FinalExam) -> str:
    """What makes a question eligible, when the blueprint narrows it."""
    parts = []
    if exam.blueprint.levels is not None:
        parts.append(f"level {' or '.join(exam.blueprint.levels)}")
    if exam.blueprint.exclude_types:
        parts.append(f"type not {' or '.join(exam.blueprint.exclude_types)}")
    return f"; eligible: {', '.join(parts)}" if parts else ""
