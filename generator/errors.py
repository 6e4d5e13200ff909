"""Content errors: every one names the file, the line and column, the field and what was expected."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

#: A field path inside a quiz's question: paths count from 0, the quiz page numbers questions from 1.
_QUESTION = re.compile(r"^questions\[(\d+)\]")


@dataclass(frozen=True, order=True)
class ContentError:
    """One problem in one author file."""

    file: str
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        # Column 0 means "no column": template errors (Jinja reports lines only).
        where = f"{self.file}:{self.line}:{self.column}" if self.column else f"{self.file}:{self.line}"
        return f"{where}: {self.shown_field}: {self.message}" if self.field else f"{where}: {self.message}"

    @property
    def shown_field(self) -> str:
        """The field path, with a question's number as the page shows it (counted from 1) next to it."""
        match = _QUESTION.match(self.field)
        return f"{self.field} (question {int(match.group(1)) + 1})" if match else self.field


@dataclass(frozen=True, order=True)
class ContentWarning(ContentError):
    """A problem that does not stop a build (e.g. a word the course avoids): `check --strict` fails on it."""

    def __str__(self) -> str:
        return str(ContentError(self.file, self.line, self.column, self.field, f"warning: {self.message}"))


class ContentErrors(Exception):
    """Raised with every error of a run, so authors fix them all at once."""

    def __init__(self, errors: list[ContentError]) -> None:
        self.errors = sorted(set(errors))
        super().__init__(self.report())

    def report(self) -> str:
        """All errors, one per line, then a count."""
        lines = [str(e) for e in self.errors]
        lines.append(f"{len(self.errors)} error(s) in course content")
        return "\n".join(lines)


def warning_report(warnings: Sequence[ContentError]) -> str:
    """Problems that did not stop a run, one per line as `file:line:col: field: warning: message`
    ('' when there are none)."""
    shown = {ContentWarning(w.file, w.line, w.column, w.field, w.message) for w in warnings}
    return "\n".join(str(w) for w in sorted(shown))


def display_path(path: Path, root: Path) -> str:
    """A path as authors type it: relative to the project root where possible."""
    # Symbolic links are named as written, not by their target.
    path, root = Path(os.path.abspath(path)), Path(os.path.abspath(root))
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()
