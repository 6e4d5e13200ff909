"""Catastrophic backtracking, found on Python's parse tree of a fill-in regex (see regexes.py).

A conservative check: it may refuse a safe pattern, never accepts (a+)+, (a|ab)* or a long chain of
quantifiers over the same characters.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any

from .regex_chars import leaf_matches

_c: Any = importlib.import_module("re._constants")

#: Backtracking budget for a run of one character: each quantifier that can take part in it scores
#: LOOP_SCORE (it multiplies the work by the answer's length), each optional part or alternative that
#: could match it scores 1 (it doubles the work). Allowed: two loops (.*.*), or one loop and six
#: choices, or twelve choices (4,096 ways).
LOOP_SCORE = 6
MAX_SCORE = 2 * LOOP_SCORE

Node = tuple[Any, Any]


def backtracking_problem(tree: list[Node]) -> str | None:
    if _nested_quantifier(tree, inside_loop=False):
        return (
            "regex repeats a group that can match the same text in several ways, as in (a+)+ or (a|ab)*: "
            "a wrong answer could freeze the trainee's browser; write it without a quantifier or "
            "overlapping alternatives inside the repeated group"
        )
    if _upper_bound(tree) <= MAX_SCORE:
        return None  # even if every choice point overlapped every other, the budget holds
    if _chain_score(tree) > MAX_SCORE:
        return (
            "regex can match the same text in too many ways (quantifiers or optional parts over the same "
            "characters one after another, as in .*a.*b.*c or a?a?a?aaa): the trainee's browser could "
            "freeze on a long answer; simplify it"
        )
    return None


def _upper_bound(seq: list[Node]) -> int:
    """The score if every quantifier and alternative took part in the same chain."""
    total = 0
    for op, av in seq:
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            low, high, body = av
            total += (LOOP_SCORE if high >= 2 else 1) if low != high else 0
            total += _upper_bound(list(body))
        elif op is _c.BRANCH:
            total += len(av[1]) - 1 + sum(_upper_bound(list(b)) for b in av[1])
        elif op is _c.SUBPATTERN:
            total += _upper_bound(list(av[-1]))
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            total += _upper_bound(list(av[1]))
    return total


#: Where a part sits: inside which optional groups ("opt", id, 0), alternatives ("alt", branch id,
#: alternative) and lookaheads ("look", id, 0), outermost first.
Scope = tuple[str, int, int]


@dataclass(frozen=True)
class _Part:
    """One part of the pattern, in order: a choice point (weight > 0) or a plain part.

    `chars`: the characters (as class representatives) it can consume; `mandatory`: whether a match
    that reaches its scope must pass through it.
    """

    weight: int
    chars: frozenset[str]
    mandatory: bool
    scopes: tuple[Scope, ...]


def _chain_score(tree: list[Node]) -> int:
    """The heaviest chain of choice points that can split the same text between them.

    Two choice points are linked when some character could be consumed by either, and every part a
    match must pass between them matches one of those characters (so where one stops and the other
    starts is ambiguous): .*a.*b.*c links its three loops (cubic time on "abab…"), \\s*\\d+\\s* and
    \\d+(\\.\\d+)? link nothing. Loops score LOOP_SCORE, optional parts and overlapping alternatives 1.
    """
    reps = _representatives(tree)
    parts: list[_Part] = []
    _flatten(tree, reps, parts, (), [0])
    best: list[int] = []
    for j, part in enumerate(parts):
        score = part.weight
        if part.weight:
            for i in range(j):
                if parts[i].weight and _linked(parts, i, j):
                    score = max(score, best[i] + part.weight)
        best.append(score)
    return max(best, default=0)


def _linked(parts: list[_Part], i: int, j: int) -> bool:
    first, second = parts[i], parts[j]
    if any(kind == "look" and scope not in second.scopes for scope in first.scopes for kind in scope[:1]):
        return False  # a lookahead is over before what follows it runs
    branches = {(b, alt) for kind, b, alt in first.scopes if kind == "alt"}
    if any(kind == "alt" and b == b2 and alt != alt2 for kind, b, alt in second.scopes for b2, alt2 in branches):
        return False  # two alternatives of one choice are never both taken
    common = first.chars & second.chars
    if not common:
        return False
    on_path = set(first.scopes) | set(second.scopes)
    return all(not k.mandatory or not set(k.scopes) <= on_path or k.chars & common for k in parts[i + 1 : j])


def _flatten(seq: list[Node], reps: list[str], out: list[_Part], scopes: tuple[Scope, ...], ids: list[int]) -> None:
    """Append the parts of `seq` to `out`, in pattern order; `ids` numbers the scopes."""
    for op, av in seq:
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            low, high, body_items = av
            body = list(body_items)
            chars = frozenset(ch for ch in reps if _uses(body, ch))
            if high >= 2 and low != high:
                out.append(_Part(LOOP_SCORE, chars, low > 0, scopes))  # its body is simple (no nested choices)
            elif high == 1 and low == 0:
                ids[0] += 1
                out.append(_Part(1, chars, False, scopes))
                _flatten(body, reps, out, (*scopes, ("opt", ids[0], 0)), ids)
            elif high > 0:
                _flatten(body, reps, out, scopes, ids)
        elif op is _c.BRANCH:
            branches = [list(b) for b in av[1]]
            overlap = max((sum(1 for b in branches if _nullable(b) or _starts(b, ch)) for ch in reps), default=1)
            chars = frozenset(ch for ch in reps if any(_uses(b, ch) for b in branches))
            ids[0] += 1
            branch = ids[0]
            out.append(_Part(max(overlap - 1, 0), chars, False, scopes))
            for n, b in enumerate(branches):
                _flatten(b, reps, out, (*scopes, ("alt", branch, n)), ids)
        elif op is _c.SUBPATTERN:
            _flatten(list(av[-1]), reps, out, scopes, ids)
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            ids[0] += 1  # runs at every position the parts before it reach: its loops chain with theirs
            _flatten(list(av[1]), reps, out, (*scopes, ("look", ids[0], 0)), ids)
        elif op in (_c.LITERAL, _c.NOT_LITERAL, _c.ANY, _c.IN):
            out.append(_Part(0, frozenset(ch for ch in reps if leaf_matches(op, av, ch)), True, scopes))


def _uses(seq: list[Node], ch: str) -> bool:
    """Whether some match of `seq` contains `ch`."""
    leaves: list[Node] = []
    _collect_leaves(seq, leaves)
    return any(leaf_matches(op, av, ch) for op, av in leaves)


def _representatives(seq: list[Node]) -> list[str]:
    """One character per class of characters that every one-character part of `seq` treats alike."""
    leaves: list[Node] = []
    _collect_leaves(seq, leaves)
    seen: dict[tuple[bool, ...], str] = {}
    for ch in _probes(seq):
        seen.setdefault(tuple(leaf_matches(op, av, ch) for op, av in leaves), ch)
    return list(seen.values())


def _collect_leaves(seq: list[Node], out: list[Node]) -> None:
    for op, av in seq:
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            _collect_leaves(list(av[2]), out)
        elif op is _c.BRANCH:
            for b in av[1]:
                _collect_leaves(list(b), out)
        elif op is _c.SUBPATTERN:
            _collect_leaves(list(av[-1]), out)
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            _collect_leaves(list(av[1]), out)
        elif op in (_c.LITERAL, _c.NOT_LITERAL, _c.ANY, _c.IN):
            out.append((op, av))


def _nested_quantifier(seq: list[Node], inside_loop: bool) -> bool:
    """Whether a repeated part (max >= 2) contains a choice: a variable quantifier or overlapping alternatives."""
    for op, av in seq:
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            low, high, body = av
            if inside_loop and low != high:
                return True
            if _nested_quantifier(list(body), inside_loop or high >= 2):
                return True
        elif op is _c.BRANCH:
            branches = [list(b) for b in av[1]]
            if inside_loop and _ambiguous(branches):
                return True
            if any(_nested_quantifier(b, inside_loop) for b in branches):
                return True
        elif op is _c.SUBPATTERN:
            if _nested_quantifier(list(av[-1]), inside_loop):
                return True
        elif op in (_c.ASSERT, _c.ASSERT_NOT) and _nested_quantifier(list(av[1]), inside_loop):
            return True
    return False


def _ambiguous(branches: list[list[Node]]) -> bool:
    """Whether two alternatives can start with the same character (or one matches nothing)."""
    if any(_nullable(b) for b in branches):
        return True
    for ch in _representatives([(_c.BRANCH, (None, branches))]):
        if sum(1 for b in branches if _starts(b, ch)) > 1:
            return True
    return False


def _probes(seq: list[Node]) -> list[str]:
    """Characters that stand for every class the pattern can tell apart: ASCII, every literal and every
    range end in it, and a few non-ASCII ones (two character sets overlap if and only if one contains
    an end of the other, or a character these stand for)."""
    found = {chr(n) for n in range(128)} | set("\u00a0\u00e9\u2028\u3000\u4e2d\uff18\ufeff")

    def walk(items: list[Node]) -> None:
        for op, av in items:
            if op in (_c.LITERAL, _c.NOT_LITERAL):
                found.add(chr(av))
            elif op is _c.IN:
                for sub_op, sub_av in av:
                    if sub_op is _c.LITERAL:
                        found.add(chr(sub_av))
                    elif sub_op is _c.RANGE:
                        found.update(chr(n) for n in sub_av)
            elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
                walk(list(av[2]))
            elif op is _c.BRANCH:
                for b in av[1]:
                    walk(list(b))
            elif op is _c.SUBPATTERN:
                walk(list(av[-1]))
            elif op in (_c.ASSERT, _c.ASSERT_NOT):
                walk(list(av[1]))

    walk(seq)
    return sorted(found)


def _nullable(seq: list[Node]) -> bool:
    return all(_nullable_node(op, av) for op, av in seq)


def _nullable_node(op: Any, av: Any) -> bool:
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return True
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        return av[0] == 0 or _nullable(list(av[2]))
    if op is _c.BRANCH:
        return any(_nullable(list(b)) for b in av[1])
    if op is _c.SUBPATTERN:
        return _nullable(list(av[-1]))
    return False


def _starts(seq: list[Node], ch: str) -> bool:
    """Whether `seq` can match a string that starts with `ch`."""
    for op, av in seq:
        if _starts_node(op, av, ch):
            return True
        if not _nullable_node(op, av):
            return False
    return False


def _starts_node(op: Any, av: Any, ch: str) -> bool:
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        return av[1] > 0 and _starts(list(av[2]), ch)
    if op is _c.BRANCH:
        return any(_starts(list(b), ch) for b in av[1])
    if op is _c.SUBPATTERN:
        return _starts(list(av[-1]), ch)
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return False
    return leaf_matches(op, av, ch)
