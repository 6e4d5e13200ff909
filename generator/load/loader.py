"""Find, parse and validate every content file, collecting all errors of a run."""

from __future__ import annotations

import gc
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from ..errors import ContentError, ContentErrors, display_path
from ..model import Course, Dialogue, Glossary, Lesson, Quiz, Scheme
from ..model.project import Located, Project
from . import checks, scope, wording
from .describe import describe
from .dialogue_checks import check_dialogue
from .yamlsource import Loc, SourceMap, load


@dataclass(frozen=True)
class Layout:
    """Where each kind of content lives, relative to the project root."""

    lessons: str = "lessons"
    quizzes: str = "quizzes"
    schemes: str = "quizzes/schemes"
    glossary: str = "glossary"
    courses: str = "courses"
    course: str = "course.yml"
    #: Pictures that lesson and quiz text show as `images/NAME` (copied into the site).
    images: str = "lessons/images"


@dataclass(frozen=True)
class FileInfo:
    """One content file of the pool: its kind, and its id (and a quiz's lesson) as far as they can be read."""

    kind: str
    ident: str | None = None
    lesson: str | None = None
    valid: bool = True


@dataclass
class Pool:
    """Every content file read once: the valid ones in `project`, the problems of the others by file."""

    project: Project
    errors: list[ContentError] = field(default_factory=list)
    files: dict[str, FileInfo] = field(default_factory=dict)


def load_project(
    root: Path, layout: Layout = Layout(), *, files: Sequence[Path] = (), course: Path | None = None
) -> Project:
    """Load and validate the content pool under `root`.

    With neither `files` nor `course`, every file must be valid. With `files`, only those files and
    the files they refer to are checked; with `course` (a manifest), only what that course uses.
    Problems of the other files do not stop the load: they are kept in `Project.warnings`.

    Raises:
        ContentErrors: with every problem found in scope, each naming file, line and field.
    """
    # Loading allocates many small objects and frees none, which makes the cyclic garbage
    # collector rescan a growing heap again and again (measured: 10x the content took 14x the
    # time). Nothing here makes reference cycles, so collection waits until loading is done.
    enabled = gc.isenabled()
    gc.disable()
    try:
        pool = read_pool(root, layout)
        if course is not None:
            wanted, courses = scope.course_scope(pool, display_path(course, root))
        elif files:
            wanted = scope.file_scope(pool, [display_path(f, root) for f in files])
            courses = None
        else:
            wanted, courses = None, None
        return _finish(pool, wanted, courses)
    finally:
        if enabled:
            gc.enable()


def _finish(pool: Pool, wanted: set[str] | None, courses: list[Course] | None) -> Project:
    """Raise the problems of the files in `wanted` (all files if None); keep the others as warnings."""
    project = pool.project
    errors = [e for e in pool.errors if wanted is None or e.file in wanted]
    project.warnings = [e for e in pool.errors if wanted is not None and e.file not in wanted]
    # Cross-file checks only once every file in scope is valid: a broken file would otherwise show up
    # again as a cascade of "unknown lesson" errors in every file that refers to it.
    if not errors:
        found = checks.check_project(project, courses, wanted)
        errors = [e for e in found if wanted is None or e.file in wanted]
    if errors:
        raise ContentErrors(errors)
    project.warnings += wording.check_wording(project)
    return project


#: A top-level `id:` or `lesson:` line, read from a file that is not valid YAML.
_PEEK_BYTES = 65_536
_TOP_FIELD = re.compile(r"^(id|lesson):[ \t]*[\"']?([^\s\"'#]+)", re.MULTILINE)


def _peek(path: Path, data: Any) -> tuple[str | None, str | None]:
    """The id and lesson of a file that failed to load, from its data or else its text."""
    if isinstance(data, dict):
        ident, lesson = data.get("id"), data.get("lesson")
        return (ident if isinstance(ident, str) else None), (lesson if isinstance(lesson, str) else None)
    try:
        with path.open("rb") as file:  # the top of the file: a refused 5 MB file is not read again whole
            text = file.read(_PEEK_BYTES).decode("utf-8", errors="replace")
    except OSError:
        return None, None
    found: dict[str, str] = {}
    for name, value in _TOP_FIELD.findall(text):
        found.setdefault(name, value)
    return found.get("id"), found.get("lesson")


def read_pool(root: Path, layout: Layout) -> Pool:
    """Read and validate every content file under `root`; cross-file checks are left to the caller."""
    project = Project(root=root, images_dir=root / layout.images)
    pool = Pool(project)
    errors = pool.errors

    resolved_root = root.resolve()

    def files(folder: str, exclude: str | None = None) -> list[Path]:
        base = root / folder
        if not base.is_dir():
            return []
        skip = (root / exclude).resolve() if exclude else None
        found = []

        def unreadable(exc: OSError) -> None:
            shown = display_path(Path(exc.filename or base), root)
            errors.append(
                ContentError(
                    shown,
                    1,
                    1,
                    "",
                    f"cannot read this folder ({exc.strerror}); its files would be left out of the course",
                )
            )

        # Symbolic links to folders are not followed (no loops, nothing from outside the project).
        for folder_path, _, names in os.walk(base, onerror=unreadable):
            for name in names:
                path = Path(folder_path) / name
                if path.suffix not in (".yml", ".yaml") or not path.is_file():
                    continue
                real = path.resolve()
                if skip is not None and skip in real.parents:
                    continue
                if path.is_symlink() and resolved_root not in real.parents:
                    errors.append(
                        ContentError(
                            display_path(path, root),
                            1,
                            1,
                            "",
                            "is a symbolic link to a file outside the project; copy the file into the project instead",
                        )
                    )
                    continue
                found.append(path)
        return sorted(found)

    def read(path: Path, model: type[BaseModel], kind: str) -> tuple[Any, SourceMap] | None:
        shown = display_path(path, root)
        data, source, problems = load(path, shown)
        if problems:
            errors.extend(problems)
            pool.files[shown] = FileInfo(kind, *_peek(path, data), valid=False)
            return None
        try:
            value = model.model_validate(data)
        except ValidationError as exc:
            for e in exc.errors():
                loc = tuple(e["loc"])
                if e["type"] == "extra_forbidden":
                    errors.append(source.key_error(loc, describe(e, model)))
                elif e["type"] == "missing":  # point at the mapping that lacks the field
                    errors.append(source.error(loc[:-1], describe(e, model)))
                else:
                    loc += ("type",) if e["type"] == "union_tag_invalid" else ()
                    errors.append(source.error(loc, describe(e, model)))
            pool.files[shown] = FileInfo(kind, *_peek(path, data), valid=False)
            return None
        pool.files[shown] = FileInfo(kind, getattr(value, "id", None), getattr(value, "lesson", None))
        return value, source

    def register(ident: str, table: dict[str, Any], obj: Any, source: SourceMap, loc: Loc) -> None:
        if ident in project.where:
            first = project.where[ident].source
            line = first.locate(project.where[ident].prefix)[0]
            errors.append(source.error(loc, f"duplicate id {ident!r}: already used in {first.file}:{line}"))
            return
        table[ident] = obj
        project.where[ident] = Located(source, loc)

    # Lessons.
    for path in files(layout.lessons):
        if (got := read(path, Lesson, "lesson")) is not None:
            lesson, source = got
            register(lesson.id, project.lessons, lesson, source, ("id",))

    # Schemes, then quizzes (a quiz's questions register their own ids).
    for path in files(layout.schemes):
        if (got := read(path, Scheme, "scheme")) is not None:
            scheme, source = got
            register(scheme.id, project.schemes, scheme, source, ("id",))
    for path in files(layout.quizzes, exclude=layout.schemes):
        if (got := read(path, Quiz, "quiz")) is not None:
            quiz, source = got
            register(quiz.id, project.quizzes, quiz, source, ("id",))
            for n, question in enumerate(quiz.questions):
                register(question.id, {}, question, source, ("questions", n, "id"))
                if isinstance(question, Dialogue):
                    # A conversation's graph is its own file's matter: checked here, not with the cross-file checks.
                    for loc, message in check_dialogue(question):
                        errors.append(source.error(("questions", n, *loc), message, exact=True))

    # Glossary.
    for path in files(layout.glossary):
        if (got := read(path, Glossary, "glossary")) is not None:
            glossary, source = got
            for n, term in enumerate(glossary.terms):
                project.terms.append(term)
                project.term_where.append(Located(source, ("terms", n)))

    # Course manifests.
    manifest = root / layout.course
    manifests = [manifest] if manifest.is_file() else []
    if manifests and resolved_root not in manifest.resolve().parents:
        errors.append(
            ContentError(layout.course, 1, 1, "", "the course manifest must be a file inside the project folder")
        )
        manifests = []
    for path in manifests + files(layout.courses):
        if (got := read(path, Course, "course")) is not None:
            course, source = got
            if course.id in project.courses:
                errors.append(source.error(("id",), f"duplicate course id {course.id!r}"))
                continue
            project.courses[course.id] = course
            project.course_files[source.file] = course.id
            project.where.setdefault(f"course:{course.id}", Located(source, ("id",)))

    return pool
