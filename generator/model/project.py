"""The loaded content pool: every lesson, quiz, scheme and glossary term, with source positions."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .course import Course, Term
from .lesson import Lesson
from .question import Question
from .quiz import Quiz
from .scheme import Scheme

if TYPE_CHECKING:  # positions come from the loader; the model does not depend on it
    from ..errors import ContentError
    from ..load.references import Reference
    from ..load.yamlsource import SourceMap


@dataclass
class Located:
    """Where a model came from, so later checks can point at a line."""

    source: SourceMap
    prefix: tuple[str | int, ...] = ()


@dataclass
class Project:
    """Everything under the content folders, validated one file at a time."""

    root: Path
    #: The folder of pictures that texts show as `images/NAME` (Layout.images under the root).
    images_dir: Path | None = None
    lessons: dict[str, Lesson] = field(default_factory=dict)
    quizzes: dict[str, Quiz] = field(default_factory=dict)
    schemes: dict[str, Scheme] = field(default_factory=dict)
    terms: list[Term] = field(default_factory=list)
    courses: dict[str, Course] = field(default_factory=dict)
    #: id -> where it is defined (lessons, quizzes, schemes, questions, courses).
    where: dict[str, Located] = field(default_factory=dict)
    #: course manifest file (as shown in errors) -> course id.
    course_files: dict[str, str] = field(default_factory=dict)
    #: glossary term index -> where it is defined.
    term_where: list[Located] = field(default_factory=list)
    #: Problems that do not stop this run: a broken file the course does not use, a draft left out, a
    #: wording the course avoids (ContentWarning).
    warnings: list[ContentError] = field(default_factory=list)
    #: Every picture and page link written in the pool's Markdown, found once per load
    #: (load/references.py: finding them renders each candidate text).
    references: list[Reference] | None = None

    def questions(self) -> dict[str, tuple[Quiz, Question]]:
        """Every question by id, with its quiz."""
        return {q.id: (quiz, q) for quiz in self.quizzes.values() for q in quiz.questions}
