"""References by id between files: a quiz's lesson, a course's lessons and quizzes, the questions that
assess an objective, a glossary term's lesson, a lesson's glossary terms.

An id no file defines is reported once, at its first use, with the closest known id and every other
place that uses it: renaming a lesson's id in its file should give one error that says where the old
id is still written, not a cascade of one error per reference.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Iterable

from ..errors import ContentError
from ..model.project import Project
from .scheme_checks import located_error


def check_ids(project: Project, files: set[str] | None = None) -> list[ContentError]:
    """Unknown ids (one error each), lessons listed twice, quizzes of lessons a course leaves out.

    An unknown id is reported at its first use in `files` when it has one there (`check FILE` shows it).
    """
    uses: dict[tuple[str, str], list[ContentError]] = defaultdict(list)
    errors: list[ContentError] = []

    def use(kind: str, ident: str, error: ContentError) -> None:
        uses[(kind, ident)].append(error)

    for quiz in project.quizzes.values():
        if quiz.lesson not in project.lessons:
            use("lesson", quiz.lesson, located_error(project, quiz.id, ("lesson",), ""))
    questions = project.questions()
    for lesson in project.lessons.values():
        for n, objective in enumerate(lesson.objectives):
            for m, ref in enumerate(objective.assessed_by):
                if ref not in questions:
                    use("question", ref, located_error(project, lesson.id, ("objectives", n, "assessed_by", m), ""))
    for term, where in zip(project.terms, project.term_where, strict=True):
        if term.lesson is not None and term.lesson not in project.lessons:
            use("lesson", term.lesson, where.source.error((*where.prefix, "lesson"), ""))
    for course in project.courses.values():
        key = f"course:{course.id}"
        for n, ref in enumerate(course.lessons):
            if ref not in project.lessons:
                use("lesson", ref, located_error(project, key, ("lessons", n), ""))
        if len(set(course.lessons)) != len(course.lessons):
            errors.append(located_error(project, key, ("lessons",), "a lesson is listed twice"))
        for n, ref in enumerate(course.quizzes or []):
            if ref not in project.quizzes:
                use("quiz", ref, located_error(project, key, ("quizzes", n), ""))
            elif project.quizzes[ref].lesson not in course.lessons:
                owner = project.quizzes[ref].lesson
                errors.append(
                    located_error(
                        project,
                        key,
                        ("quizzes", n),
                        f"quiz {ref!r} belongs to lesson {owner!r}, which this course does not list",
                    )
                )
    known = {"lesson": list(project.lessons), "quiz": list(project.quizzes), "question": list(questions)}
    referenced = _referenced(project)
    for (kind, ident), found in uses.items():
        ordered = sorted(found, key=lambda e: (files is not None and e.file not in files, e))
        first, *others = ordered
        # After a rename the new id is usually the one nothing refers to yet.
        orphans = [k for k in known[kind] if k not in referenced[kind]]
        message = f"unknown {kind} {ident!r}{_suggest(ident, known[kind], orphans)}"
        if others:
            message += "; also used at " + ", ".join(f"{e.file}:{e.line} ({e.shown_field})" for e in others)
        errors.append(ContentError(first.file, first.line, first.column, first.field, message))
    return errors + _check_terms(project)


def _referenced(project: Project) -> dict[str, set[str]]:
    """The ids of each kind that something refers to."""
    return {
        "lesson": {q.lesson for q in project.quizzes.values()}
        | {ref for c in project.courses.values() for ref in c.lessons}
        | {t.lesson for t in project.terms if t.lesson},
        "quiz": {ref for c in project.courses.values() for ref in c.quizzes or []},
        "question": {ref for lesson in project.lessons.values() for o in lesson.objectives for ref in o.assessed_by},
    }


def _suggest(ident: str, known: Iterable[str], orphans: list[str]) -> str:
    """' (did you mean 'X'?)' for the id nothing refers to yet (the closest, if several), else the closest
    known id; without one, the known ids."""
    names = sorted(known)
    close = (
        difflib.get_close_matches(ident, orphans, n=1, cutoff=0.5)
        or (orphans if len(orphans) == 1 else [])
        or difflib.get_close_matches(ident, names, n=1, cutoff=0.5)
    )
    if close:
        return f" (did you mean {close[0]!r}?)"
    return f"; known: {', '.join(names[:12])}{' …' if len(names) > 12 else ''}" if names else "; none are defined"


def _check_terms(project: Project) -> list[ContentError]:
    """A lesson's `terms` are in the glossary (when there is one)."""
    if not project.terms:
        return []
    terms = {name for t in project.terms for name in (t.term, *t.aliases)}
    return [
        located_error(project, lesson.id, ("terms", n), f"term {term!r} is not in the glossary")
        for lesson in project.lessons.values()
        for n, term in enumerate(lesson.terms)
        if term not in terms
    ]
