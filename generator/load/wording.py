"""Wording check: lesson and quiz text that uses a variant a glossary term lists under `avoid`.

A course keeps one name for each concept (决定权, not 决策权 in one lesson and 决定权 in the next).
The glossary says which variants to avoid; this module finds them in every text a trainee reads:
the Markdown and short-text fields of lessons, quizzes and schemes (titles, bodies, prompts, options,
feedback, hints, explanations, scenarios, table cells, the accepted answers shown after a fill-in)
and the glossary's own definitions.
Findings are warnings: the site still builds, `check --strict` fails.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel

from ..errors import ContentWarning
from ..model.project import Located, Project
from .yamlsource import Loc, format_loc

#: Fields that hold no text a trainee reads as the course's own wording: other answers the grader
#: accepts (a trainee may type the avoided word and still be right), patterns, and cue quotes (they
#: repeat the scenario, which is checked already).
_SKIPPED_FIELDS = frozenset({"synonyms", "regex", "quote", "avoid"})


@dataclass(frozen=True)
class _Variant:
    """One avoided spelling and the term the course writes instead."""

    text: str
    term: str
    where: str


def check_wording(project: Project) -> list[ContentWarning]:
    """A warning for every avoided variant in the text of the pool's lessons and quizzes."""
    variants = _variants(project)
    if not variants:
        return []
    # Names the glossary defines are accepted even where they contain a variant (非语言购买信号 holds 语言购买信号's
    # variant 语言信号 only if someone avoids it; a defined name is never reported).
    accepted = sorted(
        {name for term in project.terms for name in (term.term, *term.aliases)} - {v.text for v in variants},
        key=len,
        reverse=True,
    )
    warnings: list[ContentWarning] = []
    texts: dict[str, list[str]] = {}
    owners: list[tuple[BaseModel, Located]] = [
        (owner, project.where[ident])
        for table in (project.lessons, project.quizzes, project.schemes)
        for ident, owner in table.items()
    ]
    owners += zip(project.terms, project.term_where, strict=True)
    for owner, located in owners:
        for loc, text in _texts(owner, ()):
            for start, variant in _matches(text, variants, accepted):
                warnings.append(_warning(project, located, loc, text, start, variant, texts))
    return sorted(warnings)


def _variants(project: Project) -> list[_Variant]:
    variants = []
    for term, where in zip(project.terms, project.term_where, strict=True):
        line = where.source.locate((*where.prefix, "term"))[0]
        variants += [_Variant(text, term.term, f"{where.source.file}:{line}") for text in term.avoid]
    return variants


def _texts(value: object, loc: Loc) -> Iterator[tuple[Loc, str]]:
    """Every string inside a content model, with its field path (skipping `_SKIPPED_FIELDS`)."""
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            if name not in _SKIPPED_FIELDS:
                yield from _texts(getattr(value, name), (*loc, name))
    elif isinstance(value, (list, tuple)):
        for n, item in enumerate(value):
            yield from _texts(item, (*loc, n))


def _matches(text: str, variants: list[_Variant], accepted: list[str]) -> list[tuple[int, _Variant]]:
    """(start, variant) of each use of an avoided variant in `text`.

    A use inside a longer accepted name (a glossary term or alias) is not reported, and of two
    overlapping variants only the longer one is (非语言信号 rather than the 语言信号 inside it).
    """
    if not any(variant.text in text for variant in variants):
        return []  # most texts: no need to mark where the glossary's names are
    shielded = [False] * len(text)
    for name in accepted:
        for start in _find_all(text, name):
            shielded[start : start + len(name)] = [True] * len(name)
    found: list[tuple[int, int, _Variant]] = []
    for variant in sorted(variants, key=lambda v: len(v.text), reverse=True):
        for start in _find_all(text, variant.text):
            end = start + len(variant.text)
            if all(shielded[start:end]):
                continue
            if any(s <= start and end <= e for s, e, _ in found):
                continue  # part of a longer variant already reported
            found.append((start, end, variant))
    return sorted((start, variant) for start, _, variant in found)


def _find_all(text: str, needle: str) -> Iterator[int]:
    start = text.find(needle)
    while start != -1:
        yield start
        start = text.find(needle, start + 1)


def _warning(
    project: Project, located: Located, loc: Loc, text: str, start: int, variant: _Variant, files: dict[str, list[str]]
) -> ContentWarning:
    # Lessons, quizzes and schemes are located by their id; glossary terms by their entry.
    base = located.prefix[:-1] if located.prefix and located.prefix[-1] == "id" else located.prefix
    path = (*base, *loc)
    line, column = located.source.locate(path)
    lines = files.get(located.source.file)
    if lines is None:
        lines = files[located.source.file] = _read_lines(project.root / located.source.file)
    # Point at the word itself: the nth use in the value is the nth in the file from the value's start.
    nth = text.count(variant.text, 0, start)
    line, column = _nth_in_file(lines, line, column, variant.text, nth) or (line, column)
    message = f"uses {variant.text}; the course writes {variant.term} ({variant.where})"
    return ContentWarning(located.source.file, line, column, format_loc(path), message)


def _read_lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return []  # the value's own position is shown instead


def _nth_in_file(lines: list[str], line: int, column: int, needle: str, nth: int) -> tuple[int, int] | None:
    """The (line, column) of the nth occurrence of `needle` at or after (line, column), or None."""
    seen = 0
    for number in range(line, len(lines) + 1):
        row = lines[number - 1]
        start = row.find(needle, column - 1 if number == line else 0)
        while start != -1:
            if seen == nth:
                return number, start + 1
            seen += 1
            start = row.find(needle, start + 1)
    return None
