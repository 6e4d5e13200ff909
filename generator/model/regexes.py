"""Fill-in regexes: the same meaning in Python and in every browser, and no catastrophic backtracking.

An author's pattern is compiled twice: here, to check it, and by the trainee's browser, which tests
every typed answer against it as ``new RegExp("^(?:" + pattern + ")$")``. So a pattern must

* be short and shallow, with small repetition counts (Python's parser recurses per group, and a
  count like {4294967296} overflows it);
* use only syntax both engines read alike (no inline flags, named groups, lookbehind, possessive or
  atomic groups, \\A, \\Z, backreferences, …): anything else is rejected with the reason;
* not backtrack catastrophically: a repeated group that can match the same text in several ways,
  as in (a+)+ or (a|ab)*, freezes the browser on a wrong answer; so do long chains of quantifiers
  over the same characters (.*.*.*, a?a?a?…aaa). A conservative check on Python's parse tree
  rejects these shapes; it may refuse a safe pattern, never accepts one of these.

Both engines are compared on the ASCII meaning of \\d, \\w and \\b (what browsers use without the
u flag).
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from typing import Any

# Python's own regex parser (sre_parse), for the parse tree: private, but stable across 3.11-3.13.
_parser: Any = importlib.import_module("re._parser")
_c: Any = importlib.import_module("re._constants")

#: Characters in one pattern. The bundled course has none; the guide's example has 8.
MAX_PATTERN_CHARS = 200
#: Groups nested inside each other.
MAX_GROUP_DEPTH = 10
#: Largest number in a repetition {m,n}.
MAX_REPEAT = 1000
#: Backtracking budget for a run of one character: each quantifier that can take part in it scores
#: LOOP_SCORE (it multiplies the work by the answer's length), each optional part or alternative that
#: could match it scores 1 (it doubles the work). Allowed: two loops (.*.*), or one loop and six
#: choices, or twelve choices (4,096 ways).
LOOP_SCORE = 6
MAX_SCORE = 2 * LOOP_SCORE

_NAMED_GROUP = "named groups are written differently in Python and in browsers; use a plain group (…)"
_FLAGS = ("inline flags such as (?i) are not valid in browsers; write the cases out, e.g. [Mm]oney "
          "(typed answers are compared with the accepted ones case-insensitively anyway)")
_SYNTAX = {
    "(?<=": "lookbehind (?<=…) is not supported by every browser",
    "(?<!": "lookbehind (?<!…) is not supported by every browser",
    "(?P": _NAMED_GROUP,
    "(?<": _NAMED_GROUP,
    "(?#": "comments (?#…) are not valid in browsers",
    "(?>": "atomic groups (?>…) are not valid in browsers",
    "(?(": "conditional groups (?(…)…) are not valid in browsers",
}
_ESCAPES = {
    "A": "\\A is not valid in browsers; use ^",
    "Z": "\\Z is not valid in browsers; use $",
    "a": "\\a means a bell character in Python but the letter a in browsers",
    "U": "\\U escapes are not valid in browsers; write the character itself",
    "N": "\\N{…} escapes are not valid in browsers; write the character itself",
    "B": "\\B is not supported (Python and browsers disagree about it on empty text)",
}
_SIMPLE_ESCAPES = set("dDsSwWbnrtfv")
_REPEAT = re.compile(r"\{(\d*)(,?)(\d*)\}")
_HEX = re.compile(r"[0-9A-Fa-f]+")


def regex_problem(pattern: str) -> str | None:
    """Why `pattern` cannot be used for a blank, or None when it is portable and safe."""
    if len(pattern) > MAX_PATTERN_CHARS:
        return f"regex is {len(pattern):,} characters long; at most {MAX_PATTERN_CHARS} are allowed"
    if not pattern:
        return "regex is empty; leave it out to accept only the listed answers"
    problem = _syntax_problem(pattern)
    if problem is not None:
        return problem
    try:
        tree = _parser.parse(pattern, re.ASCII)
        re.compile(pattern, re.ASCII)
    except re.error as exc:
        return f"regex does not compile: {exc}"
    except (RecursionError, OverflowError, MemoryError):  # defence in depth: the limits above prevent these
        return "regex is too complex to compile"
    problem = _backtracking_problem(list(tree))
    if problem is None and fullmatch(pattern, ""):
        return "regex matches an empty answer, so a blank left empty would count as right"
    return problem


def fullmatch(pattern: str, text: str) -> bool:
    """Whether the browser would accept `text` for `pattern` (anchored at both ends, browser classes)."""
    return re.fullmatch(f"(?:{_as_in_browsers(pattern)})", text, re.ASCII) is not None


#: What \s matches in browsers (ECMAScript WhiteSpace and LineTerminator), as class contents.
_JS_SPACE = "\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff"


def _as_in_browsers(pattern: str) -> str:
    """A portable pattern rewritten so Python reads it as browsers do: with re.ASCII, \\d \\w \\b agree;
    \\s also matches Unicode spaces, '.' excludes every line terminator and '$' is the very end."""
    out, at, in_class = [], 0, False
    while at < len(pattern):
        ch = pattern[at]
        if ch == "\\":
            escaped = pattern[at + 1:at + 2]
            if escaped == "s":
                out.append(_JS_SPACE if in_class else f"[{_JS_SPACE}]")
            elif escaped == "S":  # never inside a class: _syntax_problem refuses that
                out.append(f"[^{_JS_SPACE}]")
            else:
                out.append(pattern[at:at + 2])
            at += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            if pattern.startswith("[^", at):
                out.append("[^")
                at += 2
                continue
        elif ch == "$":
            ch = "\\Z"
        elif ch == ".":
            ch = "[^\\n\\r\\u2028\\u2029]"
        out.append(ch)
        at += 1
    return "".join(out)


def _syntax_problem(pattern: str) -> str | None:
    """The first construct outside the portable subset, or a limit exceeded, in one pass."""
    if any(ord(ch) > 0xFFFF for ch in pattern):
        return ("regex contains a character outside the Basic Multilingual Plane (such as an emoji), which "
                "browsers split in two; leave it out of the pattern and list the answer in accept")
    depth, at, in_class = 0, 0, False
    while at < len(pattern):
        ch = pattern[at]
        if ch == "\\":
            if in_class and pattern.startswith("\\S", at):
                return "\\S inside a character class cannot be checked the way browsers read it; use [^…] or \\S alone"
            problem, at = _escape(pattern, at)
            if problem is not None:
                return problem
            continue
        if in_class:
            if ch == "]":
                in_class = False
            elif ch == "[":
                return "'[' inside a character class reads differently in Python and browsers; write \\["
            at += 1
            continue
        if ch == "[":
            at += 2 if pattern.startswith("[^", at) else 1
            if pattern.startswith("]", at):
                return "a character class cannot start with ']' (browsers read [] as an empty class); write \\]"
            in_class = True
            continue
        if ch == "(":
            if pattern.startswith("(?", at) and not pattern.startswith(("(?:", "(?=", "(?!"), at):
                return next((why for start, why in _SYNTAX.items() if pattern.startswith(start, at)), _FLAGS)
            depth += 1
            if depth > MAX_GROUP_DEPTH:
                return f"regex nests groups more than {MAX_GROUP_DEPTH} deep"
        elif ch == ")":
            depth = max(depth - 1, 0)
        elif ch == "{" and (count := _REPEAT.match(pattern, at)) is not None:
            low, comma, high = count.groups()
            if not low and comma:
                return "{,n} means {0,n} in Python but is plain text in browsers; write {0,n}"
            if any(n and int(n) > MAX_REPEAT for n in (low, high)):
                return f"regex repeats something more than {MAX_REPEAT} times; use a smaller count"
            at = count.end()
            if pattern.startswith("+", at):
                return "possessive quantifiers (*+, ++, ?+, {m,n}+) are not valid in browsers"
            continue
        elif ch in "*+?" and pattern.startswith("+", at + 1) and not (ch == "?" and _after_group_open(pattern, at)):
            return "possessive quantifiers (*+, ++, ?+, {m,n}+) are not valid in browsers"
        at += 1
    return None


def _after_group_open(pattern: str, at: int) -> bool:
    return at > 0 and pattern[at - 1] == "(" and (at < 2 or pattern[at - 2] != "\\")


def _escape(pattern: str, at: int) -> tuple[str | None, int]:
    """Check the escape at `at`; (problem or None, index after it)."""
    if at + 1 >= len(pattern):
        return "regex ends with a lone backslash", at + 1
    ch = pattern[at + 1]
    if ch in _SIMPLE_ESCAPES:
        return None, at + 2
    if ch in "xu":
        digits = 2 if ch == "x" else 4
        found = _HEX.match(pattern, at + 2)
        if found is None or found.end() - (at + 2) < digits:
            return f"\\{ch} needs {digits} hexadecimal digits", at + 2
        return None, at + 2 + digits
    if ch.isdigit():
        return ("backreferences and octal escapes (\\1, \\0) are not supported; repeat the text instead "
                "(write \\x00 for a character code)"), at + 2
    if ch in _ESCAPES:
        return _ESCAPES[ch], at + 2
    if ch.isascii() and ch.isalpha():
        return f"\\{ch} is not a supported escape", at + 2
    return None, at + 2  # an escaped punctuation mark or non-ASCII character: the character itself


# ---------------------------------------------------------------------------------------------
# Backtracking: a conservative check on the parse tree
# ---------------------------------------------------------------------------------------------

Node = tuple[Any, Any]


def _backtracking_problem(tree: list[Node]) -> str | None:
    if _nested_quantifier(tree, inside_loop=False):
        return ("regex repeats a group that can match the same text in several ways, as in (a+)+ or (a|ab)*: "
                "a wrong answer could freeze the trainee's browser; write it without a quantifier or "
                "overlapping alternatives inside the repeated group")
    if _upper_bound(tree) <= MAX_SCORE:
        return None  # even if every choice point overlapped every other, the budget holds
    if _chain_score(tree) > MAX_SCORE:
        return ("regex can match the same text in too many ways (quantifiers or optional parts over the same "
                "characters one after another, as in .*a.*b.*c or a?a?a?aaa): the trainee's browser could "
                "freeze on a long answer; simplify it")
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
    return all(not k.mandatory or not set(k.scopes) <= on_path or k.chars & common for k in parts[i + 1:j])


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
            out.append(_Part(0, frozenset(ch for ch in reps if _leaf(op, av, ch)), True, scopes))


def _uses(seq: list[Node], ch: str) -> bool:
    """Whether some match of `seq` contains `ch`."""
    leaves: list[Node] = []
    _collect_leaves(seq, leaves)
    return any(_leaf(op, av, ch) for op, av in leaves)


def _representatives(seq: list[Node]) -> list[str]:
    """One character per class of characters that every one-character part of `seq` treats alike."""
    leaves: list[Node] = []
    _collect_leaves(seq, leaves)
    seen: dict[tuple[bool, ...], str] = {}
    for ch in _probes(seq):
        seen.setdefault(tuple(_leaf(op, av, ch) for op, av in leaves), ch)
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


def _category(code: Any, ch: str) -> bool:
    """A class escape as browsers read it without the u flag (\\d and \\w ASCII, \\s Unicode)."""
    name = str(code)
    if name.endswith("DIGIT"):
        hit = "0" <= ch <= "9"
    elif name.endswith("WORD"):
        hit = ch.isascii() and (ch.isalnum() or ch == "_")
    else:  # SPACE; both engines' definitions together, which only makes the check more careful
        hit = ch.isspace() or ch == "\ufeff"
    return hit != ("NOT_" in name)


def _leaf(op: Any, av: Any, ch: str) -> bool:
    """Whether a one-character node matches `ch`."""
    if op is _c.LITERAL:
        return bool(ch == chr(av))
    if op is _c.NOT_LITERAL:
        return bool(ch != chr(av))
    if op is _c.ANY:
        return ch != "\n"
    if op is _c.IN:
        negate, hit = False, False
        for sub_op, sub_av in av:
            if sub_op is _c.NEGATE:
                negate = True
            elif sub_op is _c.LITERAL:
                hit = hit or ch == chr(sub_av)
            elif sub_op is _c.RANGE:
                hit = hit or sub_av[0] <= ord(ch) <= sub_av[1]
            elif sub_op is _c.CATEGORY:
                hit = hit or _category(sub_av, ch)
        return hit != negate
    return False


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
    return _leaf(op, av, ch)
