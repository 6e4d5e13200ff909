"""Checks of a scheme: a rule table complete and unambiguous, drill cues known, drill scenarios for every class."""

from __future__ import annotations

import itertools
from collections.abc import Callable

from ..errors import ContentError
from ..model import Scheme
from ..model.project import Project
from .yamlsource import Loc


def located_error(project: Project, ident: str, loc: Loc, message: str) -> ContentError:
    """An error at `loc` inside the file and item that define `ident` (a lesson, quiz, scheme or course)."""
    located = project.where[ident]
    base = located.prefix[:-1] if located.prefix and located.prefix[-1] == "id" else located.prefix
    return located.source.error(base + loc, message, exact=True)


def check_scheme(project: Project, scheme: Scheme) -> list[ContentError]:
    """A rule-based scheme maps every combination of attribute values to exactly one class."""
    errors: list[ContentError] = []

    def err(loc: Loc, message: str) -> None:
        errors.append(located_error(project, scheme.id, loc, message))

    classes = {c.id for c in scheme.classes}
    if len(classes) != len(scheme.classes):
        err(("classes",), "two classes share an id")
    if scheme.kind == "judgment":
        if scheme.rules or scheme.attributes:
            err(("kind",), "a judgment scheme has no attributes or rules; use kind: rules")
        check_scenarios(scheme, err)
        return errors
    if scheme.drill_scenarios:
        err(("drill_scenarios",), "only judgment schemes take scenarios; a rule-based scheme's drill uses drill cues")
    if not scheme.attributes:
        err(("attributes",), "a rule-based scheme needs attributes")
        return errors
    values = {a.id: [v.id for v in a.values] for a in scheme.attributes}
    covered: dict[tuple[str, ...], list[int]] = {}
    for n, rule in enumerate(scheme.rules):
        missing = [a for a in values if a not in rule.when]
        extra = [a for a in rule.when if a not in values]
        bad = [f"{a}={v}" for a, v in rule.when.items() if a in values and v not in values[a]]
        if missing or extra or bad:
            parts = (
                ([f"names no value for {', '.join(missing)}"] if missing else [])
                + ([f"names unknown attribute(s) {', '.join(extra)}"] if extra else [])
                + ([f"uses unknown value(s) {', '.join(bad)}"] if bad else [])
            )
            err(("rules", n, "when"), "rule " + "; ".join(parts))
            continue
        if rule.then not in classes:
            err(("rules", n, "then"), f"unknown class {rule.then!r}; expected one of {', '.join(sorted(classes))}")
        covered.setdefault(tuple(rule.when[a] for a in values), []).append(n)
    if any(e for e in errors):
        return errors
    names = list(values)
    for combo in itertools.product(*values.values()):
        label = ", ".join(f"{a}={v}" for a, v in zip(names, combo, strict=True))
        rules = covered.get(combo, [])
        if not rules:
            err(("rules",), f"no rule covers {label}")
        elif len(rules) > 1:
            targets = {scheme.rules[i].then for i in rules}
            err(
                ("rules", rules[1], "when"),
                f"{label} is mapped by rules {', '.join(str(i) for i in rules)} (to {', '.join(sorted(targets))})",
            )
    for attr, by_value in scheme.drill.items():
        if attr not in values:
            err(("drill", attr), f"unknown attribute {attr!r}")
            continue
        for value in by_value:
            if value not in values[attr]:
                err(("drill", attr, value), f"unknown value {value!r} of {attr}")
    return errors


#: Fewer scenarios than this and a drill shows the same words for a class every time.
MIN_SCENARIOS = 2


def check_scenarios(scheme: Scheme, err: Callable[[Loc, str], None]) -> None:
    """A judgment scheme's drill bank names known classes, each with enough scenarios, and covers every class."""
    if not scheme.drill_scenarios:
        return
    classes = [c.id for c in scheme.classes]
    for klass, scenarios in scheme.drill_scenarios.items():
        if klass not in classes:
            err(("drill_scenarios", klass), f"unknown class {klass!r}; expected one of {', '.join(classes)}")
        elif len(scenarios) < MIN_SCENARIOS:
            err(
                ("drill_scenarios", klass),
                f"class {klass!r} has {len(scenarios)} scenario(s); a drill needs at least {MIN_SCENARIOS}",
            )
    missing = [c for c in classes if c not in scheme.drill_scenarios]
    if missing:
        err(("drill_scenarios",), f"no scenarios for class(es) {', '.join(missing)}; a drill covers every class")
