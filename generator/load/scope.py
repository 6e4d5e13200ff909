"""Which files a run needs: the files a course uses, or some files and what they refer to.

A build of one course must not fail because of a half-written lesson it does not include, and
`check FILE` should report the problems of that file (and of the files it depends on) only. A file
that does not load may still be needed: its id (or a quiz's lesson) is read from its text where
possible, and when it cannot be, a reference nothing else answers pulls in every such file of the
kind, so a broken file is never skipped in favour of a misleading "unknown id".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from ..errors import ContentError
from ..model import Classify, Course
from ..model.assemble import course_lessons
from ..model.project import Project
from .references import check_course_links, references
from .scheme_checks import located_error

if TYPE_CHECKING:
    from .loader import Pool


def course_scope(pool: Pool, manifest: str) -> tuple[set[str], list[Course]]:
    """The files the course of `manifest` uses (the manifest included), and the course to check."""
    project = pool.project
    course_id = project.course_files.get(manifest)
    if course_id is None:  # the manifest itself does not load: its own errors are what to report
        return {manifest}, []
    course = project.courses[course_id]
    lessons = set(course.lessons)
    listed = set(course.quizzes) if course.quizzes is not None else None
    wanted = {manifest} | files_for(pool, "lesson", lessons)
    for file, info in pool.files.items():
        if info.kind != "quiz":
            continue
        of_lesson = info.lesson in lessons or (not info.valid and info.lesson is None)
        chosen = listed is None or info.ident in listed or (not info.valid and info.ident is None)
        if of_lesson and chosen:
            wanted.add(file)
    if listed is not None:
        wanted |= files_for(pool, "quiz", listed)
    wanted |= _question_files(pool, [i for i in lessons if i in project.lessons])
    wanted |= _scheme_files(pool, wanted)
    if course.glossary:
        wanted |= {file for file, info in pool.files.items() if info.kind == "glossary"}
    return wanted, [course]


def file_scope(pool: Pool, files: Iterable[str]) -> set[str]:
    """`files` and the files they refer to: a quiz's lesson and schemes, a lesson's assessing questions and
    glossary, a glossary's lessons, everything a course uses."""
    project = pool.project
    wanted = set(files)
    for file in list(wanted):
        info = pool.files.get(file)
        if info is None or not info.valid or info.ident is None:
            continue
        if info.kind == "course":
            wanted |= course_scope(pool, file)[0]
        elif info.kind == "lesson" and info.ident in project.lessons:
            wanted |= _question_files(pool, [info.ident])
            if project.lessons[info.ident].terms:
                wanted |= {f for f, i in pool.files.items() if i.kind == "glossary"}
        elif info.kind == "quiz":
            wanted |= files_for(pool, "lesson", [info.lesson] if info.lesson else [])
            wanted |= _scheme_files(pool, {file})
    for file in list(wanted):
        if pool.files.get(file, None) is not None and pool.files[file].kind == "glossary":
            lessons = {
                t.lesson for t, w in zip(project.terms, project.term_where, strict=True) if w.source.file == file
            }
            wanted |= files_for(pool, "lesson", [x for x in lessons if x])
    return wanted


def files_for(pool: Pool, kind: str, idents: Iterable[str]) -> set[str]:
    """The files defining `idents` of `kind`; for an id no valid file defines, the broken files that may."""
    project = pool.project
    tables: dict[str, Mapping[str, object]] = {
        "lesson": project.lessons,
        "quiz": project.quizzes,
        "scheme": project.schemes,
    }
    table = tables[kind]
    found: set[str] = set()
    for ident in idents:
        if ident in table:
            found.add(project.where[ident].source.file)
        else:
            found |= _broken(pool, kind, ident)
    return found


def _broken(pool: Pool, kind: str, ident: str | None, lesson: str | None = None) -> set[str]:
    """Broken files of `kind` that are `ident` (or of `lesson`), else those whose id could not be read."""
    broken = {f: i for f, i in pool.files.items() if i.kind == kind and not i.valid}
    named = {
        f for f, i in broken.items() if (ident is not None and i.ident == ident) or (lesson and i.lesson == lesson)
    }
    return named or {f for f, i in broken.items() if i.ident is None}


def _question_files(pool: Pool, lessons: Iterable[str]) -> set[str]:
    """The files of the questions that the objectives of `lessons` name (broken quizzes of the lesson if unknown)."""
    project = pool.project
    found: set[str] = set()
    for lesson_id in lessons:
        for objective in project.lessons[lesson_id].objectives:
            for ref in objective.assessed_by:
                if ref in project.where and ref not in project.lessons:
                    found.add(project.where[ref].source.file)
                else:
                    found |= _broken(pool, "quiz", None, lesson_id)
    return found


def _scheme_files(pool: Pool, quiz_files: set[str]) -> set[str]:
    """The files of the schemes that the classification exercises of the quizzes in `quiz_files` use."""
    project = pool.project
    used = {
        q.scheme
        for quiz in project.quizzes.values()
        if project.where[quiz.id].source.file in quiz_files
        for q in quiz.questions
        if isinstance(q, Classify)
    }
    return files_for(pool, "scheme", used)


def outside_warning(error: ContentError) -> ContentError:
    """A problem of a file the course does not use, worded as what it is for this build: a warning."""
    return replace(error, message=f"{error.message} (not used by this course: the build goes on without it)")


def draft_warnings(project: Project, course: Course) -> list[ContentError]:
    """One warning per draft lesson or quiz of `course` that a build leaves out."""
    manifest = f"course:{course.id}"
    warnings = [
        located_error(project, manifest, ("lessons", n), f"lesson {ident!r} is a draft: left out of this build")
        for n, ident in enumerate(course.lessons)
        if ident in project.lessons and project.lessons[ident].draft
    ]
    published = {lesson.id for lesson in course_lessons(project, course, drafts=False)}
    for quiz in project.quizzes.values():
        if quiz.draft and quiz.lesson in published and (course.quizzes is None or quiz.id in course.quizzes):
            warnings.append(
                located_error(project, quiz.id, ("draft",), f"quiz {quiz.id!r} is a draft: left out of this build")
            )
    # Links from published pages to drafts: the build shows their text without a link.
    for error in check_course_links(project, course, references(project), drafts=False):
        message = error.message.replace(
            f"which course {course.id!r} does not include", "a draft left out of this build"
        )
        warnings.append(replace(error, message=f"{message}: the link shows as plain text"))
    return warnings
