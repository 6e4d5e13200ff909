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

import contextlib
import importlib
import re
from typing import Any

from .backtracking import backtracking_problem

# Python's own regex parser (sre_parse), for the parse tree: private, but stable across 3.11-3.13.
_parser: Any = importlib.import_module("re._parser")
_c: Any = importlib.import_module("re._constants")

#: Characters in one pattern. The bundled course has none; the guide's example has 8.
MAX_PATTERN_CHARS = 200
#: Groups nested inside each other.
MAX_GROUP_DEPTH = 10
#: Largest number in a repetition {m,n}.
MAX_REPEAT = 1000

_NAMED_GROUP = "named groups are written differently in Python and in browsers; use a plain group (…)"
_FLAGS = (
    "inline flags such as (?i) are not valid in browsers; write the cases out, e.g. [Mm]oney "
    "(typed answers are compared with the accepted ones case-insensitively anyway)"
)
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
    with contextlib.suppress(re.error):  # the inserted groups never break a valid pattern; else: the folded tree
        tree = _parser.parse(_keep_alternatives(pattern), re.ASCII)
    problem = backtracking_problem(list(tree))
    if problem is None and fullmatch(pattern, ""):
        return "regex matches an empty answer, so a blank left empty would count as right"
    return problem


def _keep_alternatives(pattern: str) -> str:
    """`pattern` with an empty group after each `|`, for the backtracking check only.

    Python's parser folds alternatives of single characters into one set ((?:[ab]|\\S) becomes
    [ab\\S]); browsers keep the alternation and backtrack through every overlapping choice, so the
    check must see the alternatives as written. An empty group matches nothing and changes no match.
    """
    out: list[str] = []
    in_class = escaped = False
    for ch in pattern:
        out.append(ch)
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "|":
            out.append("()")
    return "".join(out)


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
            escaped = pattern[at + 1 : at + 2]
            if escaped == "s":
                out.append(_JS_SPACE if in_class else f"[{_JS_SPACE}]")
            elif escaped == "S":  # never inside a class: _syntax_problem refuses that
                out.append(f"[^{_JS_SPACE}]")
            else:
                out.append(pattern[at : at + 2])
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
        return (
            "regex contains a character outside the Basic Multilingual Plane (such as an emoji), which "
            "browsers split in two; leave it out of the pattern and list the answer in accept"
        )
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
        return (
            "backreferences and octal escapes (\\1, \\0) are not supported; repeat the text instead "
            "(write \\x00 for a character code)"
        ), at + 2
    if ch in _ESCAPES:
        return _ESCAPES[ch], at + 2
    if ch.isascii() and ch.isalpha():
        return f"\\{ch} is not a supported escape", at + 2
    return None, at + 2  # an escaped punctuation mark or non-ASCII character: the character itself


# ---------------------------------------------------------------------------------------------
# Backtracking: a conservative check on the parse tree
# ---------------------------------------------------------------------------------------------
