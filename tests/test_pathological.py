"""The attack run's inputs, at full size, end quickly: `python -m generator build` in a subprocess with a timeout.

Before the content limits, a lesson summary of 1.5 MB of any of these shapes kept a build busy for
4 to 10 minutes until it was killed (8,000 '[' alone took 11.6 s); a fill-in answer of 60,000 '!'
took 47 s to normalise. Now each is refused at load with its place, in about a second.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import ROOT, copy_mini, replace_in

#: The issue's bound for any input within the limits.
BOUND_S = 30
SIZE = 1_500_000


def _fill(unit: str, encoded: int = SIZE) -> str:
    """`unit` repeated so that the value, written as a JSON (YAML double-quoted) string, is about `encoded` bytes."""
    return unit * (encoded // len(json.dumps(unit, ensure_ascii=False)[1:-1].encode()))


KINDS = {
    "open brackets": _fill("["),
    "emphasis *a_": _fill("*a_"),
    "inline HTML <a": _fill("<a"),
    "backticks": _fill("`"),
    "code spans ``a`": _fill("``a`"),
    "table of 150,000 rows": "| a | b |\n| - | - |\n" + "| x | y |\n" * 150_000,
    "nested list": "\n".join("  " * (n % 60) + "- x" for n in range(22_000)),
    "quotes": _fill(">"),
    "definition chain": _fill("a\n: b\n"),
    "ordered list chain": _fill("1. "),
    "headings": _fill("# a\n"),
}


def _run(root: Path, timeout: float) -> tuple[subprocess.CompletedProcess[str], float, float]:
    """`python -m generator build` in `root`: (result, wall seconds, CPU seconds of the child)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return result, time.perf_counter() - started, cpu


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_a_1_5_mb_field_of_each_kind_ends_quickly_with_its_error(tmp_path: Path, kind: str) -> None:
    root = copy_mini(tmp_path)
    value = KINDS[kind]
    summary = "summary: " + json.dumps(value, ensure_ascii=False)
    replace_in(root / "lessons/M1.yml", "summary: 用三个问题判断潜在客户。", summary)
    assert (root / "lessons/M1.yml").stat().st_size > 1_400_000
    result, wall, _ = _run(root, BOUND_S)
    assert result.returncode == 1, result.stderr[-2000:]
    assert result.stderr.splitlines() == [
        f"lessons/M1.yml:3:10: summary: {len(value):,} characters is too long: this field takes at most 20,000 "
        "(split the text into several sections or blocks)",
        "1 error(s) in course content",
    ]
    assert wall < BOUND_S


def test_a_long_accepted_answer_ends_quickly_with_its_error(tmp_path: Path) -> None:
    root = copy_mini(tmp_path)
    replace_in(root / "quizzes/M1-quiz.yml", "accept: [买得起]", "accept: [" + json.dumps("!" * 60_000 + "a") + "]")
    result, wall, _ = _run(root, BOUND_S)
    assert result.returncode == 1
    assert "60,001 characters is too long: this field takes at most 2,000 (shorten it)" in result.stderr
    assert wall < BOUND_S


@pytest.mark.fuzz
def test_a_lesson_of_1_5_mb_at_the_limits_builds_within_the_bound(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The other side: content that passes the limits, as dense as they allow, in every slow shape.

    One lesson of about 1.5 MB whose sections cycle through the worst motifs of bench part (e).
    The bound is on the build's CPU time, so a busy shared machine does not make the test flaky.
    """
    from bench.parts.markdown import MOTIFS, worst_allowed

    root = copy_mini(tmp_path)
    bodies = [b for b in (worst_allowed(m) for m in MOTIFS.values()) if b]
    lesson = root / "lessons/M1.yml"
    text = lesson.read_text(encoding="utf-8")
    sections, size, n = [], len(text.encode()), 0
    while size < 1_500_000:
        body = json.dumps(f"第{n}节" + bodies[n % len(bodies)], ensure_ascii=False)
        sections.append(f"  - title: 第{n}节\n    body: {body}\n")
        size += len(sections[-1].encode())
        n += 1
    lesson.write_text(text.replace("sections:\n", "sections:\n" + "".join(sections), 1), encoding="utf-8")
    result, wall, cpu = _run(root, 20 * BOUND_S)
    assert result.returncode == 0, result.stderr[-3000:]
    with capsys.disabled():
        print(f"\n1.5 MB at the limits: built in {cpu:.1f} s CPU ({wall:.1f} s wall), {n} sections")
    assert cpu < BOUND_S
