"""Hypothesis fuzzing: whatever an author saves, the result is a site or ContentErrors, in bounded time.

`test_loader_fuzz` takes one file of the mini fixture and mutates it (wrong types, missing and
unknown fields, wrong nesting, odd Unicode, long strings, empty files, tabs, duplicate keys, anchors
and aliases, invalid UTF-8, random bytes), then loads the whole project. `test_render_fuzz` puts
Markdown-heavy text (long runs of [ * ` < |, nested lists and quotes, big tables, the motifs that
were slow before the content limits), extreme numbers (calc givens, numeric answers) and hostile
regexes (fill-in blanks) into the fixture, then loads and renders the course, each case under a
CPU-time limit. Success is fine; so is ContentErrors if every error names a file and a line >= 1.
Anything else, or a case over the time limit, is a bug.

The ordinary suite runs a few hundred examples; `make fuzz` runs these tests with
``-m fuzz --fuzz-examples=5000`` and prints how many cases ran, how many were refused with errors,
how many tracebacks (0) and the slowest case's time.
"""

from __future__ import annotations

import json
import shutil
import signal
import time
import traceback
import tracemalloc
from pathlib import Path
from types import FrameType
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.parts.markdown import ALPHABET, MOTIFS
from generator.errors import ContentErrors
from generator.load import load_project
from generator.model.limits import MAX_MARKDOWN_CHARS, MAX_TEXT_CHARS, markdown_problem
from generator.pipeline import BuildInputs, render_course

MINI = Path(__file__).parent / "fixtures" / "mini"


def content_files(root: Path) -> dict[str, str]:
    """Every content file of a project copy (mkdocs.yml is not content), by path relative to it.

    Read once per test: strategies must not depend on files that may change while it runs.
    """
    return {
        p.relative_to(root).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(root.rglob("*.yml"))
        if p.name != "mkdocs.yml"
    }


# ---------------------------------------------------------------------------------------------
# Strategies
# ---------------------------------------------------------------------------------------------

#: Text that tends to break things: control and format characters, surrogate-free astral
#: characters, right-to-left marks, YAML indicators, CJK, combining marks.
odd_text = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40),
    st.sampled_from(
        [
            "",
            " ",
            "\t",
            "\u200b",
            "\u202e反转",
            "\ufeff",
            "\u0000",
            "\x85",
            "\u2028",
            "\ud7ff",
            "\U0001f600",
            "e\u0301" * 20,
            "{_}",
            "{_}{_}",
            "- x",
            ": ",
            "? ",
            "&a",
            "*a",
            "!!python/object:os.system",
            "<script>alert(1)</script>",
            "null",
            "~",
            "yes",
            "no",
            "0x1f",
            "1e999",
            ".nan",
            "-.inf",
            "2020-01-01",
            "'",
            '"',
            "#",
            "|",
            ">",
            "%YAML 1.1",
            "---",
            "...",
            "\\",
            "{{ x }}",
            "\r\n",
        ]
    ),
)
#: Values of a wrong type for wherever they land.
wrong_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    odd_text,
    st.just("x" * 100_000),
    st.lists(st.one_of(st.integers(), odd_text, st.none()), max_size=4),
    st.dictionaries(odd_text, st.one_of(st.integers(), odd_text, st.none()), max_size=3),
    # builds, not just: mutations edit values in place, and a shared object would leak between examples.
    st.builds(lambda: [[[[[]]]]]),
    st.builds(lambda: {"a": {"b": {"c": {}}}}),
)
#: Keys a schema does not know, plus near misses of real ones and keys of other types.
unknown_keys = st.one_of(
    st.sampled_from(["titel", "Title", "id ", "questions_", "type2", "correct ", "answer\u200b", "选项"]),
    odd_text.filter(bool),
    st.integers(),
    st.booleans(),
)

MUTATIONS = ("retype", "delete", "unknown", "wrap_list", "wrap_map", "unwrap", "duplicate_item", "swap")


def _paths(data: Any, prefix: tuple = ()) -> list[tuple]:
    """Every path to a value inside `data` (the root included)."""
    out = [prefix]
    if isinstance(data, dict):
        for k, v in data.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            out += _paths(v, (*prefix, i))
    return out


def _get(data: Any, path: tuple) -> Any:
    for step in path:
        data = data[step]
    return data


def _set(data: Any, path: tuple, value: Any) -> Any:
    if not path:
        return value
    _get(data, path[:-1])[path[-1]] = value
    return data


@st.composite
def mutated_document(draw: st.DrawFn, text: str) -> str:
    """A structural mutation of one valid document, dumped back to YAML."""
    data = yaml.safe_load(text)
    for _ in range(draw(st.integers(1, 3))):
        paths = _paths(data)
        path = draw(st.sampled_from(paths))
        current = _get(data, path)
        kind = draw(st.sampled_from(MUTATIONS))
        if kind == "retype":
            data = _set(data, path, draw(wrong_values))
        elif kind == "delete" and path:
            del _get(data, path[:-1])[path[-1]]
        elif kind == "unknown" and isinstance(current, dict):
            current[draw(unknown_keys)] = draw(wrong_values)
        elif kind == "wrap_list":
            data = _set(data, path, [current])
        elif kind == "wrap_map":
            data = _set(data, path, {draw(st.sampled_from(["value", "text", "id"])): current})
        elif kind == "unwrap" and isinstance(current, list) and current:
            data = _set(data, path, current[0])
        elif kind == "unwrap" and isinstance(current, dict) and current:
            data = _set(data, path, next(iter(current.values())))
        elif kind == "duplicate_item" and isinstance(current, list) and current:
            current.append(current[draw(st.integers(0, len(current) - 1))])
        elif kind == "swap" and len(paths) > 1:
            other = draw(st.sampled_from(paths))
            if other and path and other[: len(path)] != path and path[: len(other)] != other:
                a, b = _get(data, path), _get(data, other)
                data = _set(_set(data, path, b), other, a)
    # safe_dump writes anchors for repeated objects, so duplicated items also exercise aliases.
    return yaml.safe_dump(
        data,
        allow_unicode=draw(st.booleans()),
        sort_keys=draw(st.booleans()),
        default_flow_style=draw(st.sampled_from([False, None, True])),
        width=draw(st.sampled_from([80, 10, 10_000])),
    )


@st.composite
def text_mutation(draw: st.DrawFn, text: str) -> str | bytes:
    """A textual mutation of one valid document: the things a text editor can do to YAML."""
    lines = text.splitlines(keepends=True)
    n = draw(st.integers(0, max(len(lines) - 1, 0)))
    kind = draw(
        st.sampled_from(
            [
                "empty",
                "blank",
                "comments",
                "tab_indent",
                "tab_inside",
                "duplicate_line",
                "anchor_alias",
                "bad_alias",
                "merge_key",
                "truncate",
                "invalid_utf8",
                "insert_text",
                "bom",
                "crlf",
                "long_line",
                "second_document",
                "flow_garbage",
                "tagged",
                "tagged",
                "tagged_key",
            ]
        )
    )
    if kind == "empty":
        return ""
    if kind == "blank":
        return draw(st.sampled_from(["\n\n", "   \n", "# only a comment\n", "---\n", "...\n", "--- ~\n"]))
    if kind == "comments":
        return "".join(f"# {ln}" for ln in lines)
    if kind == "tab_indent":
        lines[n] = "\t" + lines[n].lstrip(" ")
    elif kind == "tab_inside":
        line = lines[n]
        at = draw(st.integers(0, len(line)))
        lines[n] = line[:at] + "\t" + line[at:]
    elif kind == "duplicate_line":
        lines.insert(n, lines[n])
    elif kind == "anchor_alias":
        # Put an anchor on one value and an alias to it on another line.
        m = draw(st.integers(0, max(len(lines) - 1, 0)))
        if ": " in lines[n]:
            key, _, value = lines[n].partition(": ")
            lines[n] = f"{key}: &anc {value}"
        if ": " in lines[m] and m != n:
            key, _, _ = lines[m].partition(": ")
            lines[m] = f"{key}: *anc\n"
    elif kind == "bad_alias":
        if ": " in lines[n]:
            key, _, _ = lines[n].partition(": ")
            lines[n] = f"{key}: *{draw(st.sampled_from(['nope', 'anc', '']))}\n"
    elif kind == "merge_key":
        indent = len(lines[n]) - len(lines[n].lstrip(" "))
        lines.insert(n, " " * indent + draw(st.sampled_from(["<<: {x: 1}\n", "<<: 1\n", "<<: [1]\n", "<<: *a\n"])))
    elif kind == "truncate":
        return text[: draw(st.integers(0, len(text)))]
    elif kind == "invalid_utf8":
        raw = text.encode()
        at = draw(st.integers(0, len(raw)))
        bad = draw(st.sampled_from([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\x80\x80", b"\xf4\x90\x80\x80", b"\xe4\xb8"]))
        return raw[:at] + bad + raw[at:]
    elif kind == "insert_text":
        at = draw(st.integers(0, len(text)))
        return text[:at] + draw(odd_text) + text[at:]
    elif kind == "bom":
        return "\ufeff" + text
    elif kind == "crlf":
        return text.replace("\n", "\r\n")
    elif kind == "long_line":
        if ": " in lines[n]:
            key, _, _ = lines[n].partition(": ")
            lines[n] = f"{key}: {draw(st.sampled_from(['x', '长', ' ', '{_}', '**'])) * 200_000}\n"
    elif kind == "second_document":
        lines.append(draw(st.sampled_from(["---\n", "---\nid: x\n", "...\nfoo\n"])))
    elif kind == "flow_garbage":
        lines.insert(n, draw(st.sampled_from(["[\n", "{\n", "]: x\n", "? [a]\n: b\n", "- - -\n", "a: b: c\n", '"\n'])))
    elif kind in ("tagged", "tagged_key"):
        # Explicit tags, most of them on values they do not fit (`title: !!int MAN 小测`).
        tagged = [i for i, ln in enumerate(lines) if ": " in ln] or [n]
        n = draw(st.sampled_from(tagged))
        if ": " in lines[n]:
            key, _, value = lines[n].partition(": ")
            tag = draw(
                st.sampled_from(
                    [
                        "!!int",
                        "!!float",
                        "!!bool",
                        "!!timestamp",
                        "!!int",
                        "!!float",
                        "!!bool",
                        "!!timestamp",
                        "!!null",
                        "!!binary",
                        "!!str",
                        "!!map",
                        "!!seq",
                        "!!set",
                        "!!omap",
                        "!!pairs",
                        "!custom",
                        "!!python/object/apply:os.system",
                        "!!python/name:os.system",
                    ]
                )
            )
            if kind == "tagged":
                lines[n] = f"{key}: {tag} {value}"
            else:
                indent = len(key) - len(key.lstrip(" -{"))
                lines[n] = f"{key[:indent]}{tag} {key[indent:]}: {value}"
    return "".join(lines)


@st.composite
def cases(draw: st.DrawFn, files: dict[str, str]) -> tuple[str, str | bytes]:
    """(file to replace, its new content)."""
    name = draw(st.sampled_from(sorted(files)))
    text = files[name]
    how = draw(st.sampled_from(["structure", "text", "text", "both", "random"]))
    if how == "structure":
        content: str | bytes = draw(mutated_document(text))
    elif how == "both":
        content = draw(text_mutation(draw(mutated_document(text))))
    elif how == "text":
        content = draw(text_mutation(text))
    else:
        content = draw(
            st.one_of(
                st.binary(max_size=200),
                st.text(max_size=200),
                st.text(alphabet=" \t\n:-[]{}&*!|>'\"#%@`,?<=~x", max_size=200),
            )
        )
    return name, content


# ---------------------------------------------------------------------------------------------
# Running one case
# ---------------------------------------------------------------------------------------------


def check_case(root: Path, name: str, content: str | bytes) -> str | None:
    """Load the project with `name` replaced by `content`; None if fine, else what went wrong."""
    target = root / name
    original = target.read_bytes()
    target.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    try:
        load_project(root)
    except ContentErrors as exc:
        bad = [e for e in exc.errors if not e.file or not isinstance(e.line, int) or e.line < 1 or e.column < 1]
        if not exc.errors:
            return "ContentErrors without any error"
        if bad:
            return "errors without a file or a line >= 1: " + "; ".join(map(repr, bad))
    except Exception:  # the point of the test: anything else is a bug
        return traceback.format_exc()
    finally:
        target.write_bytes(original)
    return None


def _signature(problem: str) -> str:
    """Group tracebacks by their last frame and exception line."""
    lines = [ln for ln in problem.strip().splitlines() if ln.strip()]
    frames = [ln for ln in lines if ln.lstrip().startswith("File ")]
    return (frames[-1].strip() if frames else "") + " | " + lines[-1][:200]


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    root = tmp_path / "mini"
    shutil.copytree(MINI, root)
    return root


@pytest.mark.fuzz
def test_loader_fuzz(project_copy: Path, fuzz_examples: int, capsys: pytest.CaptureFixture[str]) -> None:
    """`--fuzz-examples` cases (300 by default): each ends in a project or in well-located ContentErrors."""
    ran = 0
    failures: dict[str, tuple[str, str, str | bytes]] = {}

    @settings(
        max_examples=fuzz_examples,
        deadline=None,
        database=None,
        derandomize=False,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=cases(content_files(project_copy)))
    def run(case: tuple[str, str | bytes]) -> None:
        nonlocal ran
        ran += 1
        name, content = case
        problem = check_case(project_copy, name, content)
        if problem is not None:
            sig = _signature(problem)
            # Keep the shortest input per distinct failure: easiest to read.
            if sig not in failures or len(content) < len(failures[sig][2]):
                failures[sig] = (problem, name, content)

    started = time.perf_counter()
    run()
    elapsed = time.perf_counter() - started
    with capsys.disabled():
        print(f"\nloader fuzz: {ran} cases in {elapsed:.1f}s, {len(failures)} distinct traceback(s)")
        for problem, name, content in failures.values():
            shown = content if len(content) < 600 else content[:600] + (b"..." if isinstance(content, bytes) else "...")
            print(f"--- {name} = {shown!r}\n{problem}")
    assert ran >= min(fuzz_examples, 50), f"only {ran} cases ran"
    assert not failures, f"{len(failures)} kind(s) of failure; see the output above"


# ---------------------------------------------------------------------------------------------
# Rendering: Markdown-heavy, numeric and regex mutations, each case under a CPU-time limit
# ---------------------------------------------------------------------------------------------

#: CPU seconds one case (load and render of the whole fixture) may take; the issue's bound is 30 s.
CASE_LIMIT_S = 30.0
#: Lengths around the content limits (generator/model/limits.py) and far beyond them.
LENGTHS = [
    1,
    2,
    8,
    9,
    20,
    21,
    50,
    51,
    200,
    201,
    500,
    1_000,
    1_999,
    2_000,
    2_001,
    5_000,
    19_999,
    20_000,
    20_001,
    60_000,
    400_000,
]
RUN_CHARS = [
    *"[]()*_`<>|!\\&#-=^~:{}",
    "![",
    "[a](",
    "*a_",
    "<a",
    "``a`",
    "<http://a",
    "- ",
    "1. ",
    "> ",
    ": ",
    "    ",
    "\t",
    "\n",
    "\n\n",
    "a\n: b\n",
    "# a\n",
    "-\n",
]


@st.composite
def markdown_text(draw: st.DrawFn) -> str:
    """A Markdown-heavy text: the kind of input that used to keep Python-Markdown busy for minutes."""
    kind = draw(st.sampled_from(["run", "run", "motif", "random", "nested", "table", "mix"]))
    if kind == "run":
        return draw(st.sampled_from(RUN_CHARS)) * draw(st.sampled_from(LENGTHS))
    if kind == "motif":
        motif = MOTIFS[draw(st.sampled_from(sorted(MOTIFS)))]
        return "\n\n".join([motif] * draw(st.sampled_from([1, 2, 3, 10, 60])))
    if kind == "random":
        piece = "".join(draw(st.lists(st.sampled_from(ALPHABET), min_size=1, max_size=6)))
        return piece * max(1, draw(st.sampled_from(LENGTHS)) // len(piece))
    if kind == "nested":
        markers = draw(
            st.lists(
                st.sampled_from(["- ", "* ", "+ ", "1. ", "> ", ": ", "    ", "\t", "!!! note\n"]),
                min_size=1,
                max_size=14,
            )
        )
        lines = draw(st.sampled_from([1, 3, 50, 201, 1_001]))
        return "\n".join("".join(markers[: 1 + n % len(markers)]) + "x" for n in range(lines))
    if kind == "table":
        rows, columns = draw(st.sampled_from([1, 2, 199, 200, 201, 600])), draw(st.sampled_from([1, 3, 20, 21, 300]))
        cell = draw(st.sampled_from(["a", "**b**", "[c](d)", "`e`", "", "<f>"]))
        header = "|" + "|".join(f"h{n}" for n in range(columns)) + "|\n|" + "-|" * columns
        return header + "".join("\n|" + "|".join([cell] * columns) + "|" for _ in range(rows))
    pieces = draw(st.lists(st.sampled_from(RUN_CHARS + list(MOTIFS.values())[:5] + ["文字", "a"]), max_size=30))
    return "".join(pieces) * draw(st.sampled_from([1, 10, 100]))


#: Numbers that break arithmetic or the page's JSON: huge, tiny, zero, negative, beyond a float.
NUMBERS = [
    "0",
    "-0.0",
    "1.0e-10",
    "5.0e-324",
    "1.0e+308",
    "1.7976931348623157e+308",
    "1e400",
    "-1e400",
    ".nan",
    ".inf",
    "-.inf",
    "1" + "0" * 400,
    "-1",
    "0.004",
    "0.005",
    "1e12",
    "1.0000001e12",
    "100",
    "3",
]
#: Regexes that do not compile, are not portable, backtrack catastrophically or are simply large.
HOSTILE_REGEXES = [
    "a{4294967296}",
    "(" * 5_000 + ")" * 5_000,
    "(?i)YONGDEZHAO",
    "(a+)+$",
    "(a|a)*",
    ".*.*.*=",
    "(?P<n>a)",
    "(?<=a)b",
    "a*+",
    "\\A\\Z",
    "\\1",
    "[]a]",
    "x{,3}",
    "😀",
    "[",
    "(",
    "\\",
    "",
    "a" * 300,
    "(a?){1000}a{1000}",
    "\\p{L}",
    "(?#c)",
    "a{1001}",
    "^买得?起$",
    "^(购买力?|Money)$",
    ".*",
    "[[:alpha:]]",
    "\\B",
    "(?=a)",
    "((((((((((((a))))))))))))",
]
REGEX_ATOMS = [
    "a",
    "b",
    ".",
    "\\d",
    "\\w",
    "\\s",
    "\\S",
    "[ab]",
    "[^a]",
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
    "(?=a)",
    "(?!b)",
    "^",
    "$",
    "买",
    "\\[",
    "]",
    "{",
    "}",
]


def _strings(data: Any, path: tuple = ()) -> list[tuple]:
    """Paths to every string value of a document that is not an id or a type tag."""
    if isinstance(data, str):
        return (
            [path]
            if path
            and path[-1]
            not in (
                "id",
                "type",
                "lesson",
                "scheme",
                "formula",
                "attribute",
                "value",
                "answer",
                "then",
                "kind",
                "style",
                "mode",
                "scoring",
            )
            else []
        )
    if isinstance(data, dict):
        return [p for k, v in data.items() for p in _strings(v, (*path, k))]
    if isinstance(data, list):
        return [p for i, v in enumerate(data) for p in _strings(v, (*path, i))]
    return []


@st.composite
def render_cases(draw: st.DrawFn, files: dict[str, str]) -> tuple[str, str, str]:
    """(file to replace, its new content, what was done), for the render fuzz."""
    kind = draw(st.sampled_from(["markdown", "markdown", "markdown", "numbers", "regex"]))
    if kind == "numbers":
        name = "quizzes/M1-exercises.yml" if draw(st.booleans()) else "quizzes/M1-extra.yml"
        text = files[name]
        if name.endswith("exercises.yml"):
            lost, total = draw(st.sampled_from(NUMBERS)), draw(st.sampled_from(NUMBERS))
            formula = draw(st.sampled_from(["churn_rate", "churn_rate", "lifecycle", "replacement"]))
            givens = {
                "churn_rate": f"{{lost: {lost}, total: {total}}}",
                "lifecycle": f"{{churn: {total}}}",
                "replacement": f"{{total: {lost}, churn: {total}}}",
            }[formula]
            text = text.replace("formula: churn_rate", f"formula: {formula}").replace(
                "givens: {lost: 100, total: 500}", f"givens: {givens}"
            )
            what = f"calc {formula} {givens}"
        else:
            answer, tolerance = draw(st.sampled_from(NUMBERS)), draw(st.sampled_from(NUMBERS))
            text = text.replace("answer: 365", f"answer: {answer}")
            text = text.replace("tolerance: 0.01", f"tolerance: {tolerance}")
            what = f"numeric answer {answer} tolerance {tolerance}"
        return name, text, what
    if kind == "regex":
        if draw(st.booleans()):
            pattern = draw(st.sampled_from(HOSTILE_REGEXES))
        else:
            pattern = "".join(draw(st.lists(st.sampled_from(REGEX_ATOMS), min_size=1, max_size=12)))
        name = "quizzes/M1-extra.yml"
        text = files[name].replace("regex: '^(购买力?|Money)$'", f"regex: {json.dumps(pattern)}")
        return name, text, f"regex {pattern[:60]!r}"
    name = draw(st.sampled_from(sorted(n for n in files if n.startswith(("lessons/", "quizzes/", "glossary/")))))
    data = yaml.safe_load(files[name])
    paths = _strings(data)
    path = draw(st.sampled_from(paths))
    new = draw(markdown_text())
    if draw(st.booleans()):
        # Cut it down to what the limits let through, so that heavy content gets rendered too.
        new = fit(new, draw(st.sampled_from([MAX_TEXT_CHARS, MAX_MARKDOWN_CHARS])))
    old = _get(data, path)
    how = draw(st.sampled_from(["replace", "append", "prepend"]))
    value = new if how == "replace" else (old + new if how == "append" else new + old)
    _set(data, path, value)
    return (
        name,
        yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000),
        f"{how} {'.'.join(map(str, path))} with {len(new):,} chars {new[:40]!r}",
    )


def fit(text: str, limit: int) -> str:
    """The longest prefix of `text` the content limits accept ('x' if none does)."""
    low, high = 0, min(len(text), limit)
    while low < high:
        mid = (low + high + 1) // 2
        low, high = (mid, high) if markdown_problem(text[:mid].strip() or "x", limit) is None else (low, mid - 1)
    return text[:low].strip() or "x"


class _TooSlowError(Exception):
    pass


def _stop(signum: int, frame: FrameType | None) -> None:
    raise _TooSlowError


def render_case(root: Path, name: str, content: str) -> tuple[str | None, bool, float]:
    """Load and render the project with `name` replaced: (problem or None, refused with errors, CPU s)."""
    target = root / name
    original = target.read_bytes()
    target.write_text(content, encoding="utf-8")
    refused = False
    # A CPU-time alarm, not a wall clock: the neighbours' load on a shared machine must not count.
    previous = signal.signal(signal.SIGPROF, _stop)
    signal.setitimer(signal.ITIMER_PROF, CASE_LIMIT_S)
    started = time.process_time()
    try:
        render_course(BuildInputs(root=root))
        problem = None
    except ContentErrors as exc:
        refused = True
        bad = [e for e in exc.errors if not e.file or e.line < 1 or e.column < 1]
        problem = (
            "ContentErrors without any error"
            if not exc.errors
            else "errors without a file or a line >= 1: " + "; ".join(map(repr, bad))
            if bad
            else None
        )
    except _TooSlowError:
        problem = f"took more than {CASE_LIMIT_S:g} s of CPU time"
    except Exception:  # the point of the test: anything else is a bug
        problem = traceback.format_exc()
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)
        target.write_bytes(original)
    return problem, refused, time.process_time() - started


@pytest.mark.fuzz
def test_render_fuzz(project_copy: Path, fuzz_examples: int, capsys: pytest.CaptureFixture[str]) -> None:
    """`--fuzz-examples` cases: each ends in a rendered course or in well-located errors, within the time limit."""
    ran = refused = 0
    slowest: tuple[float, str] = (0.0, "")
    failures: dict[str, tuple[str, str, str]] = {}

    @settings(
        max_examples=fuzz_examples,
        deadline=None,
        database=None,
        derandomize=False,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=render_cases(content_files(project_copy)))
    def run(case: tuple[str, str, str]) -> None:
        nonlocal ran, refused, slowest
        ran += 1
        name, content, what = case
        problem, was_refused, seconds = render_case(project_copy, name, content)
        refused += was_refused
        slowest = max(slowest, (seconds, f"{name}: {what}"))
        if problem is not None:
            sig = _signature(problem) if "Traceback" in problem else problem
            if sig not in failures or len(content) < len(failures[sig][2]):
                failures[sig] = (problem, f"{name}: {what}", content)

    started = time.perf_counter()
    run()
    elapsed = time.perf_counter() - started
    with capsys.disabled():
        print(
            f"\nrender fuzz: {ran} cases in {elapsed:.1f}s ({ran - refused} built, {refused} refused with errors), "
            f"{len(failures)} distinct failure(s); slowest case {slowest[0]:.2f} s CPU ({slowest[1][:160]})"
        )
        for problem, what, _ in failures.values():
            print(f"--- {what[:300]}\n{problem[-3000:]}")
    assert ran >= min(fuzz_examples, 50), f"only {ran} cases ran"
    assert not failures, f"{len(failures)} kind(s) of failure; see the output above"
    assert slowest[0] <= CASE_LIMIT_S


# ---------------------------------------------------------------------------------------------
# Fixed hostile inputs
# ---------------------------------------------------------------------------------------------

#: Nine levels of nine aliases each: 9**9 = 387,420,489 strings if naively expanded.
BILLION_LAUGHS = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{b}: &{b} [{', '.join([f'*{a}'] * 9)}]\n" for a, b in zip("abcdefgh", "bcdefghi", strict=True)
)


def _load_errors(root: Path) -> list:
    with pytest.raises(ContentErrors) as info:
        load_project(root)
    return info.value.errors


@pytest.mark.parametrize("name", ["lessons/M1.yml", "quizzes/M1-quiz.yml"])
def test_billion_laughs_is_refused_quickly_with_bounded_memory(project_copy: Path, name: str) -> None:
    (project_copy / name).write_text(BILLION_LAUGHS, encoding="utf-8")
    assert BILLION_LAUGHS.count("*") == 72  # 9**9 = 387,420,489 strings if expanded
    started = time.perf_counter()
    errors = _load_errors(project_copy)
    elapsed = time.perf_counter() - started
    mine = [e for e in errors if e.file == name]
    assert [e.message for e in mine] == ["document expands to more than 200,000 values (too many aliases?)"]
    assert mine[0].line >= 1
    assert elapsed < 5, f"took {elapsed:.1f}s"
    tracemalloc.start()
    try:
        _load_errors(project_copy)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 200_000_000, f"peak {peak / 1e6:.0f} MB"


def test_five_megabyte_file_is_refused_quickly_with_bounded_memory(project_copy: Path) -> None:
    name = "lessons/M1.yml"
    big = (project_copy / name).read_text(encoding="utf-8") + "extra: " + "长" * 1_700_000 + "\n"
    (project_copy / name).write_text(big, encoding="utf-8")
    size = (project_copy / name).stat().st_size
    assert size > 5_000_000
    tracemalloc.start()
    started = time.perf_counter()
    try:
        errors = _load_errors(project_copy)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    elapsed = time.perf_counter() - started
    mine = [e for e in errors if e.file == name]
    assert [(e.line, e.column, e.message) for e in mine] == [
        (1, 1, f"file is {size:,} bytes; content files are limited to 2,000,000 bytes")
    ]
    assert elapsed < 2, f"took {elapsed:.1f}s"
    assert peak < 3 * size, f"peak {peak / 1e6:.0f} MB for a {size / 1e6:.0f} MB file"


def test_deep_nesting_is_refused_quickly(project_copy: Path) -> None:
    (project_copy / "lessons/M1.yml").write_text("id: " + "[" * 20_000 + "]" * 20_000 + "\n", encoding="utf-8")
    started = time.perf_counter()
    errors = _load_errors(project_copy)
    assert time.perf_counter() - started < 10
    assert [str(e) for e in errors if e.file == "lessons/M1.yml"] == [
        "lessons/M1.yml:1:55: invalid YAML: nesting is deeper than 50 levels"
    ]
