"""`questions export`: every quiz of a course, and the course as a whole, as question-bank files.

The files go into a folder the export owns (it holds `banks.txt`, the report): a new export
replaces an earlier one atomically, and a folder holding anything else is refused.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..errors import ContentError, ContentErrors, display_path
from ..load import Layout, load_project
from ..model import Course
from ..model.assemble import course_quizzes
from ..model.project import Project
from ..output import check_output_dir, staging_for, swap_in
from .common import Bank, BankQuiz, BankWarning, Context, Where
from .gift import write_gift
from .moodle_xml import write_moodle_xml
from .qti12 import write_qti12
from .qti21 import write_qti21

#: The export's report, also the sign that a folder is an earlier export it may replace.
REPORT = "banks.txt"

Writer = Callable[[Bank, Context], "bytes | str"]
WRITERS: dict[str, tuple[str, Writer]] = {
    "gift": (".gift.txt", write_gift),
    "moodle-xml": (".moodle.xml", write_moodle_xml),
    "qti12": (".qti12.zip", write_qti12),
    "qti21": (".qti21.zip", write_qti21),
}


@dataclass
class ExportResult:
    """What an export wrote: files with their question counts, and every warning (each once)."""

    format: str
    files: dict[str, int] = field(default_factory=dict)
    questions: int = 0
    warnings: list[BankWarning] = field(default_factory=list)

    @property
    def skipped(self) -> list[BankWarning]:
        """Warnings of questions left out."""
        return [w for w in self.warnings if w.skipped]

    def summary(self) -> list[str]:
        """The changes grouped by kind, with a count and the first place of each."""
        groups: dict[str, list[BankWarning]] = {}
        for w in self.warnings:
            if not w.skipped:
                groups.setdefault(re.sub(r"'[^']*'|\"[^\"]*\"|\d+(\.\d+)?", "…", w.message), []).append(w)
        return [
            f"{len(ws)} × {ws[0].message} (first: {ws[0].where.file}:{ws[0].where.line})"
            for ws in sorted(groups.values(), key=len, reverse=True)
        ]


def load_course(root: Path, course: str) -> tuple[Project, Course]:
    """The content pool and the course whose manifest is `course` (a path relative to `root`).

    Raises:
        ContentErrors: every problem of the content, or a missing manifest.
    """
    layout = Layout()
    manifest = root / course
    if manifest.resolve().parent != (root / layout.courses).resolve():
        layout = replace(layout, course=course)  # a manifest outside courses/ is loaded by name
    project = load_project(root, layout, course=manifest)  # what the course uses, as a site build
    course_id = project.course_files.get(display_path(manifest, root))
    if course_id is None:
        raise ContentErrors(
            [
                ContentError(
                    course,
                    1,
                    1,
                    "",
                    "course manifest not found; expected a file with id, title and lessons (see docs/authoring.md)",
                )
            ]
        )
    return project, project.courses[course_id]


def banks_of(project: Project, course: Course) -> list[Bank]:
    """One bank per quiz of the course, then one for the whole course; lessons are the categories."""
    # Drafts stay out of question banks as they stay out of every build.
    chosen = course_quizzes(project, course, drafts=False)
    quizzes = [BankQuiz(q, q.lesson, project.lessons[q.lesson].title) for q in chosen]
    banks = [Bank(bq.quiz.id, bq.quiz.title, course.title, [bq]) for bq in quizzes]
    return [*banks, Bank(course.id, course.title, course.title, quizzes)]


def locator(project: Project) -> Callable[[str], Where]:
    """Where a question id is written (its file, line and column)."""

    def locate(ident: str) -> Where:
        located = project.where.get(ident)
        if located is None:
            return Where("?", 1, 1)
        line, column = located.source.locate(located.prefix)
        return Where(located.source.file, line, column)

    return locate


def render_banks(project: Project, course: Course, fmt: str) -> tuple[dict[str, bytes], ExportResult]:
    """Every bank of the course in format `fmt`: file name -> bytes, and what was written."""
    suffix, writer = WRITERS[fmt]
    ctx = Context(fmt, course.language or "zh", project.schemes, locator(project))
    result = ExportResult(fmt)
    files: dict[str, bytes] = {}
    for bank in banks_of(project, course):
        before = len(ctx.warnings)
        data = writer(bank, ctx)
        skipped = sum(w.skipped for w in ctx.warnings[before:])
        name = bank.id + suffix
        files[name] = data.encode("utf-8") if isinstance(data, str) else data
        result.files[name] = sum(len(bq.quiz.questions) for bq in bank.quizzes) - skipped
    result.warnings = sorted(set(ctx.warnings), key=lambda w: (w.where.file, w.where.line, w.question, w.message))
    result.questions = sum(len(bq.quiz.questions) for bq in banks_of(project, course)[-1].quizzes)
    return files, result


def export_banks(root: Path, course_file: str, fmt: str, target: Path) -> ExportResult:
    """Write every bank of the course in `fmt` into `target`, replacing an earlier export atomically.

    Raises:
        ContentErrors: problems in the content (nothing is written).
        UnsafeOutput: `target` holds the project or author files.
    """
    project, course = load_course(root, course_file)
    files, result = render_banks(project, course, fmt)
    layout = Layout()
    owned = [
        root / folder for folder in (layout.lessons, layout.quizzes, layout.glossary, layout.courses, "docs", ".git")
    ]
    check_output_dir(target, root, owned, marker=REPORT)
    with staging_for(target) as staging:
        for name, data in files.items():
            (staging / name).write_bytes(data)
        (staging / REPORT).write_text(report(result), encoding="utf-8")
        swap_in(staging, target)
    return result


def report(result: ExportResult) -> str:
    """The export's report: files, counts and every warning with its file and line."""
    lines = [f"format: {result.format}", f"questions in the course: {result.questions}", "", "files:"]
    lines += [f"  {name}: {count} questions" for name, count in result.files.items()]
    lines += ["", f"skipped ({len(result.skipped)}):"] + [f"  {w}" for w in result.skipped]
    changed = [w for w in result.warnings if not w.skipped]
    lines += ["", f"exported in the nearest form ({len(changed)}):"] + [f"  {w}" for w in changed]
    return "\n".join(lines) + "\n"
