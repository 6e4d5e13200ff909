"""Checks across files: references, duplicate terms, objective coverage, schemes and exercises."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..errors import ContentError
from ..model import Calculation, Classify, Course, Dialogue, Numeric
from ..model.assemble import course_lessons, course_quizzes
from ..model.formulas import FORMULAS, MAX_NUMBER, CalculationError, compute
from ..model.project import Project
from .completion_checks import check_completion
from .exam_checks import check_final_exam
from .idrefs import check_ids
from .references import check_course_links, check_references, references
from .scheme_checks import check_scheme
from .scheme_checks import located_error as _error
from .yamlsource import Loc


def check_project(
    project: Project, courses: Iterable[Course] | None = None, files: set[str] | None = None
) -> list[ContentError]:
    """Every cross-file problem of the pool, as ContentErrors; course rules for `courses` (default: all).

    `files`: the files being checked, where an error that could be reported in several files goes.
    """
    refs = references(project)
    errors = check_references(project, refs, project.images_dir or project.root / "lessons/images")
    # An id that no file defines (a lesson renamed, say) is reported once, where it is first used; the
    # checks below would only repeat it in other words (every question then "assesses no objective").
    unknown = check_ids(project, files)
    if unknown:
        return unknown + errors
    errors += _check_glossary(project)
    for scheme in project.schemes.values():
        errors += check_scheme(project, scheme)
    errors += _check_exercises(project)
    for course in project.courses.values() if courses is None else courses:
        if course.check_objectives:
            errors += _check_objectives(project, course.id)
        errors += _check_skills(project, course.id)
        errors += check_course_links(project, course, refs)
        errors += check_final_exam(project, course)
        errors += check_completion(project, course)
    return errors


def _check_completion(project: Project, course_id: str) -> list[ContentError]:
    """The completion rule names only lessons and quizzes of the course itself."""
    course = project.courses[course_id]
    key, rule, errors = f"course:{course.id}", course.completion, []
    lessons = {lesson.id: lesson for lesson in course_lessons(project, course)}
    # A course-wide final exam, once courses have one, belongs among the quizzes the rule may name.
    quizzes = {quiz.id: quiz for quiz in course_quizzes(project, course)}
    for field, listed, known in (("lessons", rule.lessons, lessons), ("quizzes", rule.quizzes, quizzes)):
        if listed == "all":
            continue
        for n, ref in enumerate(listed):
            if ref not in known:
                message = f"{ref!r} is not one of this course's {field}{_known(known)}"
                errors.append(_error(project, key, ("completion", field, n), message))
    return errors


def _known(table: dict[str, Any]) -> str:
    names = sorted(table)
    return f"; known: {', '.join(names[:12])}{' …' if len(names) > 12 else ''}" if names else "; none are defined"


def _check_glossary(project: Project) -> list[ContentError]:
    errors: list[ContentError] = []
    seen: dict[str, str] = {}
    for term, where in zip(project.terms, project.term_where, strict=True):
        for name in (term.term, *term.aliases):
            if name in seen:
                errors.append(
                    where.source.error(
                        (*where.prefix, "term"), f"glossary term {name!r} is defined twice (also at {seen[name]})"
                    )
                )
            else:
                seen[name] = f"{where.source.file}:{where.source.locate(where.prefix)[0]}"
    return errors


def _check_exercises(project: Project) -> list[ContentError]:
    errors = []
    for quiz in project.quizzes.values():
        for n, q in enumerate(quiz.questions):
            problems = (
                _check_calculation(q)
                if isinstance(q, Calculation)
                else _check_classification(project, q)
                if isinstance(q, Classify)
                else _check_numeric(q)
                if isinstance(q, Numeric)
                else []
            )
            errors += [_error(project, quiz.id, ("questions", n, *loc), message) for loc, message in problems]
    return errors


Problems = list[tuple[tuple[str | int, ...], str]]


def _check_calculation(q: Calculation) -> Problems:
    formula = FORMULAS.get(q.formula)
    if formula is None:
        return [(("formula",), f"unknown formula {q.formula!r}; expected one of {', '.join(sorted(FORMULAS))}")]
    if set(q.givens) != set(formula.inputs):
        return [
            (
                ("givens",),
                f"formula {q.formula} takes {', '.join(formula.inputs)}; found {', '.join(sorted(q.givens)) or 'none'}",
            )
        ]
    problems: Problems = []
    if q.tolerance > MAX_NUMBER:
        problems.append((("tolerance",), f"tolerance {q.tolerance:g} is beyond {MAX_NUMBER:g}"))
    try:
        compute(formula, q.givens)
    except CalculationError as exc:
        # Inf or a 300-digit number would reach the worked solution and the page's JSON answer key.
        loc: Loc = ("givens", exc.given) if exc.given is not None else ("givens",)
        problems.append((loc, f"exercise {q.id} ({q.formula}): {exc}; check the givens"))
    return problems


def _check_numeric(q: Numeric) -> Problems:
    """Answers and tolerances a page can show and grade: finite (the model ensures it) and in range."""
    return [
        ((name,), f"{name} {value:g} is beyond ±{MAX_NUMBER:g}")
        for name, value in (("answer", q.answer), ("tolerance", q.tolerance))
        if abs(value) > MAX_NUMBER
    ]


def _check_classification(project: Project, q: Classify) -> Problems:
    """The scheme exists; judgment exercises carry answer and rationale; cues derive the answer."""
    scheme = project.schemes.get(q.scheme)
    if scheme is None:
        return [(("scheme",), f"unknown scheme {q.scheme!r}{_known(project.schemes)}")]
    classes = {c.id for c in scheme.classes}
    if q.answer is not None and q.answer not in classes:
        return [(("answer",), f"unknown class {q.answer!r}; expected one of {', '.join(sorted(classes))}")]
    problems: Problems = []
    if scheme.kind == "judgment":
        for name in ("answer", "rationale"):
            if getattr(q, name) is None:
                problems.append(((name,), f"scheme {scheme.id} is judgment-based: write the {name}"))
        return problems
    values = {a.id: [v.id for v in a.values] for a in scheme.attributes}
    settings: dict[str, str] = {}
    for m, cue in enumerate(q.cues):
        if cue.attribute not in values:
            problems.append(
                (("cues", m, "attribute"), f"unknown attribute {cue.attribute!r}; expected one of {', '.join(values)}")
            )
        elif cue.value not in values[cue.attribute]:
            problems.append(
                (
                    ("cues", m, "value"),
                    f"unknown value {cue.value!r} of {cue.attribute}; expected one "
                    f"of {', '.join(values[cue.attribute])}",
                )
            )
        elif cue.attribute in settings:
            problems.append((("cues", m, "attribute"), f"{cue.attribute} is set by two cues"))
        else:
            settings[cue.attribute] = cue.value
        if cue.quote not in q.scenario:
            problems.append((("cues", m, "quote"), f"quote {cue.quote!r} does not appear in the scenario"))
    missing = [a for a in values if a not in settings]
    if missing:
        return [*problems, (("cues",), f"no cue sets {', '.join(missing)}")]
    derived = scheme.derive(settings)
    if derived is not None and q.answer is not None and derived != q.answer:
        problems.append((("answer",), f"the cues give class {derived!r} but the answer says {q.answer!r}"))
    return problems


def _check_objectives(project: Project, course_id: str) -> list[ContentError]:
    """Every objective is assessed by a question and every question assesses an objective."""
    course = project.courses[course_id]
    errors = []
    lessons = course_lessons(project, course)
    named = {ref for lesson in lessons for o in lesson.objectives for ref in o.assessed_by}
    for lesson in lessons:
        for n, objective in enumerate(lesson.objectives):
            if not objective.assessed_by:
                errors.append(
                    _error(
                        project,
                        lesson.id,
                        ("objectives", n),
                        f"objective {objective.id!r} names no question in assessed_by",
                    )
                )
    for quiz in course_quizzes(project, course):
        for n, q in enumerate(quiz.questions):
            if q.id not in named:
                errors.append(
                    _error(
                        project,
                        quiz.id,
                        ("questions", n, "id"),
                        f"question {q.id!r} assesses no objective: list it in an objective's "
                        f"assessed_by in lesson {quiz.lesson}",
                    )
                )
    return errors


def _check_skills(project: Project, course_id: str) -> list[ContentError]:
    """Every skill tag of the course's questions is declared, with its display name, in the course's `skills`."""
    course = project.courses[course_id]
    manifest = project.where[f"course:{course.id}"].source.file
    errors = []
    for quiz in course_quizzes(project, course):
        for n, q in enumerate(quiz.questions):
            tags: list[tuple[Loc, str]] = [(("skills", m), skill) for m, skill in enumerate(q.skills)]
            if isinstance(q, Dialogue):  # a reply may practise a skill of its own
                tags += [
                    (("nodes", i, "choices", j, "skills", m), skill)
                    for i, node in enumerate(q.nodes)
                    for j, choice in enumerate(node.choices)
                    for m, skill in enumerate(choice.skills)
                ]
            for loc, skill in tags:
                if skill not in course.skills:
                    errors.append(
                        _error(
                            project,
                            quiz.id,
                            ("questions", n, *loc),
                            f"skill {skill!r} is not declared in course {course.id!r}: add it to "
                            f"`skills:` in {manifest} with its display name"
                            f"{_known(course.skills)}",
                        )
                    )
    return errors
