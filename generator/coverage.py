"""`check --coverage`: what each objective is assessed by, and what nothing uses."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field

from .model import Classify
from .model.project import Project


@dataclass(frozen=True)
class ObjectiveCoverage:
    id: str
    text: str
    questions: list[str]


#: The levels a question may declare (QuestionBase.level), in the order reports list them.
LEVELS = ("recall", "understand", "apply")


@dataclass(frozen=True)
class LevelMix:
    """How a lesson's questions (its quizzes and exercise sets together) split by level."""

    recall: int = 0
    understand: int = 0
    apply: int = 0
    #: Questions without a `level:`.
    unlevelled: int = 0

    @property
    def total(self) -> int:
        """Every question of the lesson, levelled or not."""
        return self.recall + self.understand + self.apply + self.unlevelled

    def percent(self, level: str) -> int:
        """Share of the lesson's questions at `level` (or "unlevelled"), rounded to a whole percent."""
        count: int = getattr(self, level)
        return round(100 * count / self.total) if self.total else 0


@dataclass(frozen=True)
class LessonCoverage:
    id: str
    title: str
    objectives: list[ObjectiveCoverage]
    #: Questions of the lesson's quizzes that no objective names.
    unassessed: list[str]
    courses: list[str]
    levels: LevelMix = field(default_factory=LevelMix)


@dataclass(frozen=True)
class Coverage:
    lessons: list[LessonCoverage] = field(default_factory=list)
    lessons_in_no_course: list[str] = field(default_factory=list)
    schemes_without_exercises: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        """Plain data for `--format json`; each lesson's level mix with its total and percentages."""
        data = asdict(self)
        for entry, lesson in zip(data["lessons"], self.lessons, strict=True):
            mix = lesson.levels
            entry["levels"].update(
                total=mix.total, percent={name: mix.percent(name) for name in (*LEVELS, "unlevelled")}
            )
        return data


def coverage(project: Project) -> Coverage:
    """The coverage report of the whole pool (every lesson, course or not)."""
    known = {q.id for quiz in project.quizzes.values() for q in quiz.questions}
    lessons = []
    for lesson in project.lessons.values():
        questions = [q for quiz in project.quizzes.values() if quiz.lesson == lesson.id for q in quiz.questions]
        own = [q.id for q in questions]
        counts = Counter(q.level or "unlevelled" for q in questions)
        named = {ref for o in lesson.objectives for ref in o.assessed_by}
        lessons.append(
            LessonCoverage(
                id=lesson.id,
                title=lesson.title,
                objectives=[
                    ObjectiveCoverage(o.id, o.text, [q for q in o.assessed_by if q in known]) for o in lesson.objectives
                ],
                unassessed=[q for q in own if q not in named],
                courses=sorted(c.id for c in project.courses.values() if lesson.id in c.lessons),
                levels=LevelMix(
                    recall=counts["recall"],
                    understand=counts["understand"],
                    apply=counts["apply"],
                    unlevelled=counts["unlevelled"],
                ),
            )
        )
    used = {q.scheme for quiz in project.quizzes.values() for q in quiz.questions if isinstance(q, Classify)}
    return Coverage(
        lessons=lessons,
        lessons_in_no_course=[entry.id for entry in lessons if not entry.courses],
        schemes_without_exercises=sorted(s for s in project.schemes if s not in used),
    )


def report(result: Coverage) -> list[str]:
    """The report as text lines for the console."""
    lines = []
    for lesson in result.lessons:
        where = ", ".join(lesson.courses) or "no course"
        lines.append(f"{lesson.id} {lesson.title} ({where})")
        for objective in lesson.objectives:
            named = ", ".join(objective.questions) or "NOT ASSESSED"
            lines.append(f"  {objective.id}: {objective.text} <- {named}")
        mix = lesson.levels
        shares = ", ".join(f"{name} {getattr(mix, name)} ({mix.percent(name)}%)" for name in LEVELS)
        lines.append(f"  levels of {mix.total} questions: {shares}; unlevelled {mix.unlevelled}")
        if lesson.unassessed:
            lines.append(f"  questions that assess no objective: {', '.join(lesson.unassessed)}")
    lines.append(f"lessons in no course: {', '.join(result.lessons_in_no_course) or 'none'}")
    lines.append(f"schemes without exercises: {', '.join(result.schemes_without_exercises) or 'none'}")
    return lines
