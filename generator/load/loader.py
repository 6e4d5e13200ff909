"""Find, parse and validate every content file, collecting all errors of a run."""

from __future__ import annotations

import difflib
import gc
import os
from dataclasses import dataclass
from pathlib import Path
from types import UnionType
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from ..errors import ContentError, ContentErrors, display_path
from ..model import Course, Dialogue, Glossary, Lesson, Quiz, Scheme
from ..model.project import Located, Project
from . import checks, wording
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


def load_project(root: Path, layout: Layout = Layout()) -> Project:
    """Load and validate the whole content pool under `root`.

    Raises:
        ContentErrors: with every problem found, each naming file, line and field.
    """
    # Loading allocates many small objects and frees none, which makes the cyclic garbage
    # collector rescan a growing heap again and again (measured: 10x the content took 14x the
    # time). Nothing here makes reference cycles, so collection waits until loading is done.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _load_project(root, layout)
    finally:
        if enabled:
            gc.enable()


def _load_project(root: Path, layout: Layout) -> Project:
    project = Project(root=root)
    errors: list[ContentError] = []

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

    def read(path: Path, model: type[BaseModel]) -> tuple[Any, SourceMap] | None:
        shown = display_path(path, root)
        data, source, problems = load(path, shown)
        if problems:
            errors.extend(problems)
            return None
        try:
            return model.model_validate(data), source
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
            return None

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
        if (got := read(path, Lesson)) is not None:
            lesson, source = got
            register(lesson.id, project.lessons, lesson, source, ("id",))

    # Schemes, then quizzes (a quiz's questions register their own ids).
    for path in files(layout.schemes):
        if (got := read(path, Scheme)) is not None:
            scheme, source = got
            register(scheme.id, project.schemes, scheme, source, ("id",))
    for path in files(layout.quizzes, exclude=layout.schemes):
        if (got := read(path, Quiz)) is not None:
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
        if (got := read(path, Glossary)) is not None:
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
        if (got := read(path, Course)) is not None:
            course, source = got
            if course.id in project.courses:
                errors.append(source.error(("id",), f"duplicate course id {course.id!r}"))
                continue
            project.courses[course.id] = course
            project.course_files[source.file] = course.id
            project.where.setdefault(f"course:{course.id}", Located(source, ("id",)))

    # Cross-file checks only once every file is valid: a broken file would otherwise show up again
    # as a cascade of "unknown lesson" errors in every file that refers to it.
    if not errors:
        errors.extend(checks.check_project(project))
    if errors:
        raise ContentErrors(errors)
    project.warnings = wording.check_wording(project)
    return project


def describe(error: ErrorDetails, model: type[BaseModel]) -> str:
    """Turn one pydantic error into 'found …, expected …' words for an author."""
    kind = error["type"]
    found = error.get("input")
    if kind == "missing":
        return f"missing required field {error['loc'][-1]!r}"
    if kind == "extra_forbidden":
        name = str(error["loc"][-1])
        known = _fields_at(model, error["loc"][:-1])
        close = difflib.get_close_matches(name, known, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else (f"; known fields: {', '.join(known)}" if known else "")
        return f"unknown field {name!r}{hint}"
    if kind == "union_tag_invalid":
        ctx = error.get("ctx", {})
        return f"unknown type {ctx.get('tag')!r}; expected one of {ctx.get('expected_tags', '')}"
    if kind == "union_tag_not_found":
        return "missing field 'type'"
    message = error["msg"]
    if message.startswith("Value error, "):
        return message.removeprefix("Value error, ")
    return f"{message}; found {_show(found)}"


def _show(value: Any) -> str:
    text = repr(value)
    kind = {dict: "a mapping", list: "a list", str: "text", bool: "a boolean", int: "a number", float: "a number"}
    prefix = kind.get(type(value), type(value).__name__)
    if value is None:
        return "nothing (an empty value)"
    return f"{prefix} {text[:60] + '…' if len(text) > 60 else text}"


def _fields_at(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """Field names of the model reached by walking `loc`, for "did you mean" hints."""
    current: Any = model
    for step in loc:
        current = _unwrap(current)
        if isinstance(step, int):
            continue
        if isinstance(current, tuple):  # a union: of question types (the step is the tag), or model | text
            models = [m for m in current if isinstance(m, type) and issubclass(m, BaseModel)]
            tagged = [
                m for m in models if "type" in m.model_fields and step in get_args(m.model_fields["type"].annotation)
            ]
            if tagged:
                current = tagged[0]
                continue
            if len(models) != 1:
                return []
            current = models[0]
        fields = getattr(current, "model_fields", None)
        if not fields or step not in fields:
            return []
        current = fields[step].annotation
    current = _unwrap(current)
    if isinstance(current, tuple):  # model | text: the fields of the one model
        models = [m for m in current if isinstance(m, type) and issubclass(m, BaseModel)]
        current = models[0] if len(models) == 1 else None
    return sorted(current.model_fields) if isinstance(current, type) and issubclass(current, BaseModel) else []


def _unwrap(annotation: Any) -> Any:
    """Strip Annotated, Optional, list and dict down to the model (or a tuple of union members)."""
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, UnionType):
            members = tuple(a for a in get_args(annotation) if a is not type(None))
            if len(members) != 1:
                return members
            annotation = members[0]
        elif origin in (list, dict):
            annotation = get_args(annotation)[-1]
        else:
            return annotation
