"""`questions import`: GIFT and Moodle XML files to quiz files (and stub lessons) of a project.

Each file becomes one quiz per category it names (one quiz if it names none). The questions are
checked against the content model as they are written; what does not fit is left out with a YAML
comment saying why, and is reported. Existing files are never overwritten, and question ids already
used in the project get a suffix.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from ..errors import ContentError, ContentErrors, display_path
from ..load import load_project
from ..model import Question, Quiz
from .gift_read import read_gift
from .imported import Imported, ImportedFile, clean_id
from .moodle_read import read_moodle_xml
from .yamlout import content_file

#: Larger files are refused (a question bank is text; this is far above any real one).
MAX_BYTES = 10_000_000
_QUESTION: TypeAdapter[Question] = TypeAdapter(Question)


@dataclass
class Written:
    """One quiz written by an import, and what was left out of it."""

    quiz: Path
    lesson: str
    questions: int
    stub: Path | None = None
    dropped: list[str] = field(default_factory=list)


def decode(data: bytes, file: str) -> str:
    """The text of a question file: UTF-8, with or without a byte order mark; anything else is an error."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ContentErrors(
            [
                ContentError(
                    file,
                    1,
                    1,
                    "",
                    "the file is UTF-16 or UTF-32 (it starts with that byte order mark); save it as UTF-8",
                )
            ]
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise ContentErrors(
            [
                ContentError(
                    file, line, column, "", f"not valid UTF-8 (byte 0x{data[exc.start]:02x}); save the file as UTF-8"
                )
            ]
        ) from None


def read_bank_file(path: Path, shown: str) -> ImportedFile:
    """The questions of one GIFT or Moodle XML file (told apart by content: XML starts with '<')."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ContentErrors([ContentError(shown, 1, 1, "", f"cannot read this file ({exc.strerror or exc})")]) from None
    if len(data) > MAX_BYTES:
        raise ContentErrors(
            [
                ContentError(
                    shown, 1, 1, "", f"file is {len(data):,} bytes; question files are limited to {MAX_BYTES:,} bytes"
                )
            ]
        )
    text = decode(data, shown)
    if text.lstrip().startswith("<"):
        declared = re.match(r"\s*<\?xml[^>]*encoding=[\"']([^\"']+)", text)
        if declared and declared.group(1).lower().replace("_", "-") not in ("utf-8", "utf8"):
            raise ContentErrors(
                [ContentError(shown, 1, 1, "", f"the file declares encoding {declared.group(1)!r}; save it as UTF-8")]
            )
        return read_moodle_xml(text, shown)
    return read_gift(text, shown)


def import_files(paths: list[Path], root: Path, lesson: str | None) -> list[Written]:
    """Read every file (all errors at once), then write a quiz per file and category under `root`.

    Raises:
        ContentErrors: malformed input (nothing is written), or a file that would be overwritten.
    """
    read, errors = [], []
    for path in paths:
        try:
            read.append((path, read_bank_file(path, display_path(path, Path.cwd()))))
        except ContentErrors as exc:
            errors += exc.errors
    if errors:
        raise ContentErrors(errors)
    taken = _ids_in(root)
    plans = []
    for path, imported in read:
        groups: dict[str | None, list[Imported]] = {}
        for question in imported.questions:
            groups.setdefault(question.category, []).append(question)
        stem = re.sub(r"[^A-Za-z0-9_.-]+", "-", path.name.split(".")[0]).strip("-.") or "imported"
        for n, (category, questions) in enumerate(groups.items(), 1):
            quiz_id = _unique(clean_id(stem if len(groups) == 1 else f"{stem}-{n}") or "imported", taken)
            title = (category or "").replace("//", "\x00").split("/")[-1].replace("\x00", "/").strip() or quiz_id
            notes = imported.notes if n == 1 else []
            plans.append(_plan(path, quiz_id, title, lesson, questions, notes, taken, root))
    clashes = [
        ContentError(display_path(p, root), 1, 1, "", "already exists; the importer never overwrites a file")
        for plan in plans
        for p in (plan[0], plan[2])
        if p is not None and p.exists()
    ]
    if clashes:
        raise ContentErrors(clashes)
    written = []
    for quiz_path, quiz_text, stub_path, stub_text, result in plans:
        for target, body in ((quiz_path, quiz_text), (stub_path, stub_text)):
            if target is not None and body is not None:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(body, encoding="utf-8")
        written.append(result)
    return written


def _plan(
    path: Path,
    quiz_id: str,
    title: str,
    lesson: str | None,
    questions: list[Imported],
    file_notes: list[str],
    taken: set[str],
    root: Path,
) -> tuple[Path, str, Path | None, str | None, Written]:
    lesson_id = lesson or _unique(f"{quiz_id}-lesson", taken)
    items: list[tuple[dict[str, Any], list[str]]] = []
    dropped = [f"{path}: {note}" for note in file_notes]
    for n, question in enumerate(questions, 1):
        data = dict(question.data)
        wanted = data.get("id") or f"{quiz_id}-q{n:02d}"
        data["id"] = _unique(wanted, taken)
        notes = list(question.notes) + (
            [f"id {wanted!r} is used elsewhere; renamed {data['id']!r}"] if data["id"] != wanted else []
        )
        data = _ordered(data)
        try:
            _QUESTION.validate_python(data)
        except ValidationError as exc:
            reason = "; ".join(f"{'.'.join(map(str, e['loc'][1:]))}: {e['msg']}" for e in exc.errors())
            dropped.append(f"{path}:{question.line}: question {data['id']} not imported: {reason}")
            file_notes = [*file_notes, f"line {question.line}: question {data['id']} not imported: {reason}"]
            continue
        dropped += [f"{path}:{question.line}: {data['id']}: {note}" for note in notes]
        items.append((data, notes))
    if not items:
        raise ContentErrors(
            [
                ContentError(
                    str(path),
                    1,
                    1,
                    "",
                    "no question in this file could be imported" + (f" ({file_notes[0]})" if file_notes else ""),
                )
            ]
        )
    header = [f"Imported from {path.name} by `python -m generator questions import`."]
    header += [f"dropped: {note}" for note in file_notes]
    fields = {"id": quiz_id, "title": title, "lesson": lesson_id}
    Quiz.model_validate(fields | {"questions": [d for d, _ in items]})  # the whole file is valid as written
    quiz_text = content_file("../schema/quiz.schema.json", header, fields, items)
    stub_path = stub_text = None
    if lesson is None:
        stub_path = root / "lessons" / f"{lesson_id}.yml"
        stub_text = _stub_lesson(lesson_id, title, [d["id"] for d, _ in items], path.name)
    else:  # the lesson's objectives are the author's to write; courses that check them need these ids listed
        dropped.append(f"{path}: list the imported questions in an objective's assessed_by of lesson {lesson}")
    result = Written(root / "quizzes" / f"{quiz_id}.yml", lesson_id, len(items), stub_path, dropped)
    return result.quiz, quiz_text, stub_path, stub_text, result


def _stub_lesson(lesson_id: str, title: str, questions: list[str], source: str) -> str:
    """A lesson file that `check` accepts, for the imported quiz to belong to; its text is to be written."""
    fields = {
        "id": lesson_id,
        "title": title,
        "summary": f"（待补充）{title}",
        "minutes": 30,
        "objectives": [{"id": f"{lesson_id}-o1", "text": f"掌握“{title}”的内容", "assessed_by": questions}],
        "sections": [{"title": title, "body": "（待补充：本课正文。）"}],
        "key_points": ["（待补充：本课要点。）"],
    }
    return content_file(
        "../schema/lesson.schema.json",
        [
            f"A stub lesson for the questions imported from {source}; "
            "write its sections, objectives and key points (see docs/authoring.md)."
        ],
        fields,
    )


def _ids_in(root: Path) -> set[str]:
    """Ids already used in the project at `root` (none if it has no content or does not load)."""
    try:
        project = load_project(root)
    except ContentErrors:
        return set()
    return set(project.where) | set(project.lessons) | set(project.quizzes)


def _ordered(data: dict[str, Any]) -> dict[str, Any]:
    """The fields in the order authors write them: id, type, prompt, the type's own, then the common ones."""
    first = [k for k in ("id", "type", "prompt") if k in data]
    last = [k for k in ("hints", "explanation", "feedback", "points", "skills") if k in data]
    return {k: data[k] for k in first + [k for k in data if k not in first + last] + last}


def _unique(ident: str, taken: set[str]) -> str:
    candidate, n = ident, 2
    while candidate in taken:
        candidate = f"{ident[:60]}-{n}"
        n += 1
    taken.add(candidate)
    return candidate
