"""How typed answers are compared and questions graded: the reference the browser runtime follows.

The runtime (generator/runtime/normalise.js and grade.js) implements the same rules; both read the
shared vectors in tests/vectors/, which include every code point of the Basic Multilingual Plane.

Normalisation uses explicit code-point tables rather than the Unicode database (NFKC, case
mapping, general categories): Python's tables and the browser's differ in version (Python 3.11
ships Unicode 14, browsers 15 to 17), and a table both sides spell out the same way cannot drift
apart. The tables cover what trainees type: full-width forms, ideographic and other spaces, Latin,
Greek and Cyrillic case, and Chinese and Western punctuation at the end of an answer.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

from .answerkey import (
    AnswerKey,
    BlankKey,
    CategoriseKey,
    ChoiceKey,
    ClassifyKey,
    DialogueKey,
    FillKey,
    MatchingKey,
    MultipleKey,
    NumberKey,
    OrderingKey,
    Result,
    SingleKey,
    TrueFalseKey,
)

# The three tables, as regular-expression character classes written the same way in normalise.js.
#: White space, removed wherever it stands: every character that either Python's str.isspace() or
#: JavaScript's \s counts (they disagree on U+001C–U+001F, U+0085 and U+FEFF).
SPACE = "\\t-\\r\\x1c- \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff"
#: Letters whose case is ignored: Latin, Greek and Cyrillic (each character lower-cased on its own).
CASED = "A-Z\\xc0-\\xde\\u0100-\\u052f\\u1e00-\\u1eff"
#: Punctuation and symbols dropped from the end of an answer: ASCII, Latin-1, general and CJK punctuation.
TRAILING = (
    "!-/:-@\\[-`{-~\\xa1-\\xa9\\xab-\\xb1\\xb4\\xb6-\\xb8\\xbb\\xbf\\xd7\\xf7\\u2010-\\u2027\\u2030-\\u205e"
    "\\u3001-\\u3003\\u3008-\\u3011\\u3014-\\u301f\\u30fb\\ufe10-\\ufe19\\ufe30-\\ufe6b\\uff5f-\\uff65"
)
#: Full-width ASCII (U+FF01–U+FF5E) folds onto ASCII by this offset.
FULL_WIDTH_OFFSET = 0xFEE0

_FULL_WIDTH = re.compile("[\\uff01-\\uff5e]")
_CASED = re.compile(f"[{CASED}]")
_SPACE = re.compile(f"[{SPACE}]+")
# \\Z, not $: Python's $ also matches before a final line break, JavaScript's does not.
_TRAILING_CHAR = re.compile(f"[{TRAILING}]")
_EDGES = re.compile(f"\\A[{SPACE}]+|[{SPACE}]+\\Z")
_NUMBER = re.compile(f"([-+]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?)[{SPACE}]*[^0-9.]*")


def fold(text: str) -> str:
    """Full-width ASCII to ASCII: what a Chinese input method types in full-width mode."""
    return _FULL_WIDTH.sub(lambda m: chr(ord(m[0]) - FULL_WIDTH_OFFSET), text)


def trim(text: str) -> str:
    """`text` without white space (SPACE) at either end."""
    return _EDGES.sub("", text)


def normalise(text: str) -> str:
    """Typed-answer matching: folded, case ignored, white space removed, trailing punctuation dropped.

    '  Ｍｏｎｅｙ！ ' -> 'money', '用 得 着。' -> '用得着'.
    """
    lowered = _SPACE.sub("", _CASED.sub(lambda m: m[0].lower(), fold(text)))
    # Trailing punctuation is removed from the end one character at a time: a `[…]+\Z` regex retries
    # at every position of a long run of punctuation, which is quadratic (60,000 '!' took 47 s).
    end = len(lowered)
    while end and _TRAILING_CHAR.match(lowered, end - 1):
        end -= 1
    return lowered[:end]


def number(text: Any) -> float:
    """The number a trainee typed, unit and thousands separators allowed: '８ 种' -> 8; NaN if none."""
    if not isinstance(text, str):
        return math.nan
    match = _NUMBER.fullmatch(trim(fold(text)).replace(",", ""))
    return float(match[1]) if match else math.nan


def grade(key: AnswerKey, answer: Any) -> Result:
    """Score `answer` (as the runtime reads it from the page or from storage) against `key`."""
    fraction: float
    ended_well = True
    if isinstance(key, SingleKey | MultipleKey):
        fraction = _choice(key, answer)
    elif isinstance(key, TrueFalseKey):
        fraction = float(answer is key.answer)
    elif isinstance(key, FillKey):
        fraction = float(_fill(key, answer))
    elif isinstance(key, NumberKey):
        scale = abs(key.answer) if key.relative else 1
        fraction = float(abs(number(answer) - key.answer) <= key.tolerance * scale + 1e-9)
    elif isinstance(key, OrderingKey):
        fraction = float(_in_place(key.order, answer))
    elif isinstance(key, MatchingKey):
        fraction = float(_in_place(key.pairs, answer))
    elif isinstance(key, CategoriseKey):
        fraction = float(_in_place(key.categories, answer))
    elif isinstance(key, DialogueKey):
        fraction, ended_well = _dialogue(key, answer)
    else:
        fraction = _classify(key, answer)
    score = _js_round(fraction * key.points * 1e4) / 1e4
    return Result(score=score, max=key.points, correct=fraction == 1 and ended_well)


def _js_round(x: float) -> float:
    """JavaScript's Math.round: halves go up (Python's round() takes them to the even neighbour)."""
    low = math.floor(x)
    return low + 1 if x - low >= 0.5 else low


def _in_place(expected: list[int], answer: Any) -> bool:
    """Ordering, matching, categorising: the answer lists exactly the expected indexes, in place."""
    return isinstance(answer, list) and len(answer) == len(expected) and all(map(_same, answer, expected))


def _ints(answer: Any) -> list[int]:
    """The distinct option indexes picked, or none when `answer` is not a list of integers."""
    if not isinstance(answer, list) or not all(_is_int(x) for x in answer):
        return []
    return list(dict.fromkeys(int(x) for x in answer))


def _choice(key: ChoiceKey, answer: Any) -> float:
    picks = _ints(answer)
    right = sum(p in key.correct for p in picks)
    wrong = len(picks) - right
    if key.type == "multiple" and key.scoring == "partial":
        # (right picks - wrong picks) / number of right options, floored at 0.
        return max(0.0, (right - wrong) / len(key.correct))
    return float(right == len(key.correct) and wrong == 0)


def _fill(key: FillKey, answer: Any) -> bool:
    answers = [a if isinstance(a, str) else "" for a in (answer if isinstance(answer, list) else [])]
    answers += [""] * (len(key.blanks) - len(answers))
    return all(_matches([key.blanks[i] for i in group], [answers[i] for i in group]) for group in key.groups)


def _matches(blanks: list[BlankKey], answers: list[str]) -> bool:
    """Can each answer be given to a different blank of the group that accepts it (in any order)?"""
    if not blanks:
        return True
    return any(
        _accepts(blanks[0], a) and _matches(blanks[1:], answers[:i] + answers[i + 1 :]) for i, a in enumerate(answers)
    )


def _accepts(blank: BlankKey, raw: str) -> bool:
    text = trim(raw)
    if not text:
        return False  # an empty blank is never right, whatever the regex
    folded = normalise(text)
    if folded in blank.accept or folded in blank.synonyms:
        return True
    return blank.regex is not None and _fullmatch(blank.regex, text)


def _fullmatch(pattern: str, text: str) -> bool:
    try:
        return re.fullmatch(f"(?:{pattern})", text) is not None
    except re.error:
        return False


def _classify(key: ClassifyKey, answer: Any) -> float:
    # An equal share per step: each attribute, the class, the action.
    given = answer if isinstance(answer, Mapping) else {}
    attributes = given.get("attributes")
    chosen: Mapping[str, Any] = attributes if isinstance(attributes, Mapping) else {}
    right = sum(_same(chosen.get(a), v) for a, v in key.attributes.items())
    right += _same(given.get("class"), key.class_)
    right += key.action is not None and _same(given.get("action"), key.action)
    return right / (len(key.attributes) + 1 + (key.action is not None))


#: Most replies a saved conversation may hold: retry links allow long paths, not endless ones.
MAX_REPLIES = 1000


def _dialogue(key: DialogueKey, answer: Any) -> tuple[float, bool]:
    """The share of the best score a conversation earned, and whether it ended in a success ending.

    An answer that is not a whole conversation (an unknown reply, a path that stops before an ending
    or goes on past one) scores nothing."""
    if not isinstance(answer, list) or not 0 < len(answer) <= MAX_REPLIES or not all(map(_is_int, answer)):
        return 0.0, False
    at, total = key.start, 0.0
    for index in answer:
        turn = key.nodes.get(at)
        if turn is None or not 0 <= index < len(turn.choices):
            return 0.0, False
        reply = turn.choices[int(index)]
        total += reply.points
        at = reply.next
    ending = key.endings.get(at)
    if ending is None:
        return 0.0, False
    return min(1.0, max(0.0, total) / key.best), ending.success


def _is_int(value: Any) -> bool:
    return (isinstance(value, int) and not isinstance(value, bool)) or (isinstance(value, float) and value.is_integer())


def _same(a: Any, b: Any) -> bool:
    """JavaScript's === on JSON values: a boolean is never a number (Python counts True as 1)."""
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, int | float) and isinstance(b, int | float):
        return a == b
    if isinstance(a, str) and isinstance(b, str):
        return a == b
    return a is None and b is None
