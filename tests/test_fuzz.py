"""Hypothesis fuzzing of the loader: whatever an author saves, the result is a project or ContentErrors.

Each example takes one file of the mini fixture and mutates it (wrong types, missing and unknown
fields, wrong nesting, odd Unicode, long strings, empty files, tabs, duplicate keys, anchors and
aliases, invalid UTF-8, random bytes), then loads the whole project. Success is fine; so is
ContentErrors if every error names a file and a line >= 1. Anything else is a bug.

The ordinary suite runs a few hundred examples; `make fuzz` runs this same test with
``-m fuzz --fuzz-examples=5000`` and prints how many cases ran and how many tracebacks (0).
"""

from __future__ import annotations

import shutil
import time
import traceback
import tracemalloc
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.errors import ContentErrors
from generator.load import load_project

MINI = Path(__file__).parent / "fixtures" / "mini"


def content_files(root: Path) -> dict[str, str]:
    """Every content file of a project copy (mkdocs.yml is not content), by path relative to it.

    Read once per test: strategies must not depend on files that may change while it runs.
    """
    return {p.relative_to(root).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(root.rglob("*.yml")) if p.name != "mkdocs.yml"}


# ---------------------------------------------------------------------------------------------
# Strategies
# ---------------------------------------------------------------------------------------------

#: Text that tends to break things: control and format characters, surrogate-free astral
#: characters, right-to-left marks, YAML indicators, CJK, combining marks.
odd_text = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40),
    st.sampled_from([
        "", " ", "\t", "\u200b", "\u202e反转", "\ufeff", "\u0000", "\x85", "\u2028", "\ud7ff", "\U0001f600",
        "e\u0301" * 20, "{_}", "{_}{_}", "- x", ": ", "? ", "&a", "*a", "!!python/object:os.system",
        "<script>alert(1)</script>", "null", "~", "yes", "no", "0x1f", "1e999", ".nan", "-.inf",
        "2020-01-01", "'", '"', "#", "|", ">", "%YAML 1.1", "---", "...", "\\", "{{ x }}", "\r\n",
    ]),
)
#: Values of a wrong type for wherever they land.
wrong_values = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True), odd_text,
    st.just("x" * 100_000),
    st.lists(st.one_of(st.integers(), odd_text, st.none()), max_size=4),
    st.dictionaries(odd_text, st.one_of(st.integers(), odd_text, st.none()), max_size=3),
    # builds, not just: mutations edit values in place, and a shared object would leak between examples.
    st.builds(lambda: [[[[[]]]]]), st.builds(lambda: {"a": {"b": {"c": {}}}}),
)
#: Keys a schema does not know, plus near misses of real ones and keys of other types.
unknown_keys = st.one_of(
    st.sampled_from(["titel", "Title", "id ", "questions_", "type2", "correct ", "answer\u200b", "选项"]),
    odd_text.filter(bool), st.integers(), st.booleans(),
)

MUTATIONS = ("retype", "delete", "unknown", "wrap_list", "wrap_map", "unwrap", "duplicate_item", "swap")


def _paths(data: Any, prefix: tuple = ()) -> list[tuple]:
    """Every path to a value inside `data` (the root included)."""
    out = [prefix]
    if isinstance(data, dict):
        for k, v in data.items():
            out += _paths(v, prefix + (k,))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            out += _paths(v, prefix + (i,))
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
    return yaml.safe_dump(data, allow_unicode=draw(st.booleans()), sort_keys=draw(st.booleans()),
                          default_flow_style=draw(st.sampled_from([False, None, True])),
                          width=draw(st.sampled_from([80, 10, 10_000])))


@st.composite
def text_mutation(draw: st.DrawFn, text: str) -> str | bytes:
    """A textual mutation of one valid document: the things a text editor can do to YAML."""
    lines = text.splitlines(keepends=True)
    n = draw(st.integers(0, max(len(lines) - 1, 0)))
    kind = draw(st.sampled_from([
        "empty", "blank", "comments", "tab_indent", "tab_inside", "duplicate_line", "anchor_alias", "bad_alias",
        "merge_key", "truncate", "invalid_utf8", "insert_text", "bom", "crlf", "long_line", "second_document",
        "flow_garbage", "tagged", "tagged", "tagged_key",
    ]))
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
            lines[n] = f"{key}: {draw(st.sampled_from(['x', '长', ' ', '{_}', '**']))* 200_000}\n"
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
            tag = draw(st.sampled_from(["!!int", "!!float", "!!bool", "!!timestamp", "!!int", "!!float", "!!bool",
                                        "!!timestamp", "!!null", "!!binary", "!!str", "!!map", "!!seq", "!!set",
                                        "!!omap", "!!pairs", "!custom", "!!python/object/apply:os.system",
                                        "!!python/name:os.system"]))
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
        content = draw(st.one_of(st.binary(max_size=200), st.text(max_size=200),
                                 st.text(alphabet=" \t\n:-[]{}&*!|>'\"#%@`,?<=~x", max_size=200)))
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
    except Exception:
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

    @settings(max_examples=fuzz_examples, deadline=None, database=None, derandomize=False,
              suppress_health_check=list(HealthCheck))
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
# Fixed hostile inputs
# ---------------------------------------------------------------------------------------------

#: Nine levels of nine aliases each: 9**9 = 387,420,489 strings if naively expanded.
BILLION_LAUGHS = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{b}: &{b} [{', '.join([f'*{a}'] * 9)}]\n" for a, b in zip("abcdefgh", "bcdefghi", strict=False)
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
