"""Fill-in regexes: checked at load for size, portability to browsers, backtracking and the accepted answers."""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
from pathlib import Path

import pytest
from helpers import LOADER, copy_mini, errors_of, replace_in
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.load import load_project
from generator.model.regexes import fullmatch, regex_problem

BLANK = "      - accept: [用得着]\n"


def _regex_errors(tmp_path: Path, pattern: str, accept: str = "用得着") -> list[str]:
    root = copy_mini(tmp_path, LOADER)
    quoted = json.dumps(pattern, ensure_ascii=False)  # YAML reads "\\ud83d" escapes as two lone surrogates
    replace_in(root / "quizzes/M1-quiz.yml", BLANK, f"      - accept: [{accept}]\n        regex: {quoted}\n")
    return errors_of(root)


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        ("a{4294967296}", "regex repeats something more than 1000 times; use a smaller count"),
        ("(" * 5_000 + ")" * 5_000, "regex is 10,000 characters long; at most 200 are allowed"),
        ("(" * 11 + "用得着" + ")" * 11, "regex nests groups more than 10 deep"),
        (
            "(?i)用得着",
            "inline flags such as (?i) are not valid in browsers; write the cases out, e.g. [Mm]oney (typed "
            "answers are compared with the accepted ones case-insensitively anyway)",
        ),
        (
            "(用+)+$",
            "regex repeats a group that can match the same text in several ways, as in (a+)+ or (a|ab)*: a wrong "
            "answer could freeze the trainee's browser; write it without a quantifier or overlapping alternatives "
            "inside the repeated group",
        ),
        (
            "(用|用得)*着",
            "regex repeats a group that can match the same text in several ways, as in (a+)+ or (a|ab)*: a "
            "wrong answer could freeze the trainee's browser; write it without a quantifier or overlapping "
            "alternatives inside the repeated group",
        ),
        (
            ".*用.*得.*着",
            "regex can match the same text in too many ways (quantifiers or optional parts over the same "
            "characters one after another, as in .*a.*b.*c or a?a?a?aaa): the trainee's browser could freeze on "
            "a long answer; simplify it",
        ),
        (
            "用?" * 13 + "用" * 13 + "得着",
            "regex can match the same text in too many ways (quantifiers or optional parts "
            "over the same characters one after another, as in .*a.*b.*c or a?a?a?aaa): the "
            "trainee's browser could freeze on a long answer; simplify it",
        ),
        ("(?<=用)得着", "lookbehind (?<=…) is not supported by every browser"),
        ("(?P<x>用得着)", "named groups are written differently in Python and in browsers; use a plain group (…)"),
        ("用得着*+", "possessive quantifiers (*+, ++, ?+, {m,n}+) are not valid in browsers"),
        ("\\A用得着\\Z", "\\A is not valid in browsers; use ^"),
        (
            "(用)得\\1",
            "backreferences and octal escapes (\\1, \\0) are not supported; repeat the text instead (write "
            "\\x00 for a character code)",
        ),
        ("[]用]得着", "a character class cannot start with ']' (browsers read [] as an empty class); write \\]"),
        ("用{,3}得着", "{,n} means {0,n} in Python but is plain text in browsers; write {0,n}"),
        (
            "用得着😀?",
            "regex contains a character outside the Basic Multilingual Plane (such as an emoji), which browsers "
            "split in two; leave it out of the pattern and list the answer in accept",
        ),
        (
            "[\\S]用得着",
            "\\S inside a character class cannot be checked the way browsers read it; use [^…] or \\S alone",
        ),
        ("\\p{L}+", "\\p is not a supported escape"),
        ("(用得着", "regex does not compile: missing ), unterminated subpattern at position 0"),
        ("用得着|", "regex matches an empty answer, so a blank left empty would count as right"),
        (
            "用得上",
            "regex does not match the accepted answer '用得着'; it must match every accepted answer as written "
            "(browsers test it against what the trainee types)",
        ),
    ],
)
def test_bad_regexes_are_refused_at_load(tmp_path: Path, pattern: str, message: str) -> None:
    assert _regex_errors(tmp_path, pattern) == [
        f"quizzes/M1-quiz.yml:31:16: questions[3].blanks[0].regex (question 4): {message}"
    ]


@pytest.mark.parametrize(
    "pattern",
    [
        "^用得[着上]$",
        "用得着|用得上",
        "(用得着|用得上)(，|,)?",
        "\\s*用得着\\s*",
        "[用]{1}得着",
        ".*用得着.*",
        "用得(?=着)着",
        "\\u7528得着",
        "(?:用|使用)得着",
        "用得着[。.!！]?",
    ],
)
def test_portable_regexes_are_accepted(tmp_path: Path, pattern: str) -> None:
    root = copy_mini(tmp_path, LOADER)
    replace_in(root / "quizzes/M1-quiz.yml", BLANK, f"      - accept: [用得着]\n        regex: {json.dumps(pattern)}\n")
    project = load_project(root)
    assert project.questions()["m-q4"][1].blanks[0].regex == pattern  # type: ignore[union-attr]


def test_the_accepted_answers_are_tested_as_browsers_test_them() -> None:
    assert fullmatch("^买得?起$", "买起")
    assert not fullmatch("money", "Money")  # case matters to the regex; only accept is compared leniently
    assert fullmatch("a\\sb", "a\u3000b")  # a full-width space is \\s in browsers
    assert not fullmatch("a.b", "a\u2028b")  # '.' stops at every line terminator in browsers
    assert not fullmatch("\\d", "８")  # browsers' \\d is ASCII


# ---------------------------------------------------------------------------------------------
# Against a real JavaScript engine: what passes the check compiles in node and matches the same
# ---------------------------------------------------------------------------------------------

NODE_MATCH = """
let data = "";
process.stdin.on("data", (d) => (data += d));
process.stdin.on("end", () => {
  const out = JSON.parse(data).map(([p, strings]) => {
    let re;
    try { re = new RegExp(`^(?:${p})$`); } catch (e) { return [String(e.message), []]; }
    return ["ok", strings.map((s) => re.test(s))];
  });
  process.stdout.write(JSON.stringify(out));
});
"""
ATOMS = [
    "a",
    "b",
    ".",
    "\\d",
    "\\w",
    "\\s",
    "\\b",
    "\\D",
    "\\W",
    "\\S",
    "[ab]",
    "[^a]",
    "[a-c]",
    "[\\d.]",
    "[\\s,]",
    "[^\\s]",
    "中",
    "１",
    "\\u4e2d",
    "\\x41",
    "\\.",
    "\\-",
    "-",
    ",",
    " ",
    "{",
    "}",
    "]",
    "^",
    "$",
    "(?=a)",
    "(?!b)",
    "|",
    "(",
    ")",
    "(?:",
    "*",
    "+",
    "?",
    "{2}",
    "{1,3}",
    "*?",
    "+?",
    "??",
    "{0,2}",
    "{2,}",
    "\\[",
    "[[]",
    "[]]",
    "\\/",
    "/",
    "é",
    "\\n",
    "\\t",
    "\\r",
    "\\v",
    "\\f",
    "[\\b]",
    "\\$",
    "\\^",
    "[.]",
    "[$]",
    "\\\\",
    "[-a]",
    "[a-]",
    "\\u3000",
    "(?i)",
    "(?P<n>",
    "(?<=a)",
    "\\A",
    "\\Z",
    "\\1",
    "\\B",
    "{,2}",
    "*+",
    "\\p{L}",
    "(?#x)",
    "\\U0001F600",
]
SAMPLES = [
    "",
    "a",
    "b",
    "ab",
    "ba",
    "aa",
    "aaa",
    "1",
    "12",
    "a1",
    " ",
    "中",
    "１",
    "A",
    "a b",
    "-",
    ".",
    ",",
    "é",
    "\u3000",
    "_",
    "abab",
    "a.b",
    "\n",
    "\r",
    "\u2028",
    "\u00a0",
    "\x1c",
    "\x85",
    "\ufeff",
    "{",
    "}",
    "[",
    "]",
    "/",
    "a{2}",
    "aab",
    "ab ",
    "Aa",
    "\t",
    "\v",
    "\f",
    "\b",
    "$",
    "^",
    "\\",
    "a-",
    "٣",
    "Ａ",
    "\u0301",
]


def _node(script: str, payload: object) -> object:
    node = shutil.which("node")
    assert node, "node is needed to compare with a browser's regex engine"
    done = subprocess.run(
        [node, "-e", script],
        input=json.dumps(payload),
        capture_output=True,
        text=True,
        timeout=int(os.environ.get("NODE_TIMEOUT", "120")),
        check=True,
    )
    return json.loads(done.stdout)


def _patterns(rng: random.Random, atoms: list[str], count: int, low: int, high: int) -> list[str]:
    return ["".join(rng.choice(atoms) for _ in range(rng.randint(low, high))) for _ in range(count)]


@settings(max_examples=4, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(seed=st.integers(0, 2**32))
def test_accepted_regexes_compile_and_match_alike_in_javascript(seed: int) -> None:
    """Random patterns over Python and JavaScript syntax, 600 per example, in one node process."""
    accepted = [p for p in dict.fromkeys(_patterns(random.Random(seed), ATOMS, 600, 1, 8)) if regex_problem(p) is None]
    assert len(accepted) >= 100
    results = _node(NODE_MATCH, [[p, SAMPLES] for p in accepted])
    assert isinstance(results, list)
    for pattern, (status, matches) in zip(accepted, results, strict=True):
        assert status == "ok", f"{pattern!r} passes the check but does not compile in JavaScript: {status}"
        python = [fullmatch(pattern, s) for s in SAMPLES]
        assert python == matches, f"{pattern!r}: " + ", ".join(
            f"{s!r} python {p} js {j}" for s, p, j in zip(SAMPLES, python, matches, strict=True) if p != j
        )


NODE_WORST = """
let data = "";
process.stdin.on("data", (d) => (data += d));
process.stdin.on("end", () => {
  const units0 = ["a", "ab", "1", " ", "a1", "中", "a ", "1.", ".", "ba", "aab", "-", "1 ", "abc"];
  const { patterns, length, units = units0 } = JSON.parse(data);
  const inputs = [];
  for (const u of units) for (const tail of ["", "!"]) inputs.push(u.repeat(Math.ceil(length / u.length)) + tail);
  let worst = [0, ""];
  for (const p of patterns) {
    const re = new RegExp(`^(?:${p})$`);
    for (const s of inputs) {
      const t = performance.now(); re.test(s); const ms = performance.now() - t;
      if (ms > worst[0]) worst = [ms, p];
    }
  }
  process.stdout.write(JSON.stringify(worst));
});
"""
BACKTRACKING_ATOMS = [
    "a",
    "b",
    ".",
    "\\d",
    "\\w",
    "\\s",
    "\\S",
    "[ab]",
    "[^a]",
    "1",
    " ",
    "中",
    "(",
    ")",
    "(?:",
    "|",
    "*",
    "+",
    "?",
    "{2}",
    "{1,3}",
    "{2,}",
    "*?",
    "+?",
    "(?=a)",
    "(?!b)",
]


@settings(max_examples=3, deadline=None, database=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(seed=st.integers(0, 2**32))
def test_accepted_regexes_answer_a_long_wrong_answer_quickly_in_javascript(seed: int) -> None:
    """1,000-character answers built to make a backtracking engine try every split: no accepted pattern
    takes long (measured worst: about 40 ms). The shapes the check refuses take seconds (next test)."""
    patterns = _patterns(random.Random(seed), BACKTRACKING_ATOMS, 3000, 4, 20)
    accepted = [p for p in dict.fromkeys(patterns) if regex_problem(p) is None]
    assert len(accepted) >= 200
    worst = _node(NODE_WORST, {"patterns": accepted, "length": 1000})
    assert isinstance(worst, list)
    assert worst[0] < 500, f"{worst[1]!r} took {worst[0]:.0f} ms on a 1,000-character answer"


@pytest.mark.parametrize(
    ("pattern", "unit", "length"),
    [
        ("(a+)+$", "a", 27),
        ("(a|a)*b", "a", 24),
        (".*a.*b.*c", "ab", 2000),
        # Python folds these alternatives into one set [ab\\S]; browsers backtrack through both.
        ("(?:[ab]|\\S){2,}[ab]", "a", 30),
    ],
)
def test_the_refused_shapes_really_are_slow_in_javascript(pattern: str, unit: str, length: int) -> None:
    """The check is not idle caution: what it refuses takes half a second and more on a short wrong answer."""
    assert regex_problem(pattern) is not None
    worst = _node(NODE_WORST, {"patterns": [pattern], "length": length, "units": [unit]})
    assert isinstance(worst, list) and worst[0] > 500, worst
