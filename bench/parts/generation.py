"""(b) Generation speed: load + generate synthetic pools, against parsing the same files with libyaml alone.

All times are CPU time of this process (`time.process_time`): the work is single-threaded, and on a
shared machine wall time also measures the neighbours. Wall time is shown for context.
"""

from __future__ import annotations

import itertools
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

from bench.core import RenderSettings, generate, load_project
from bench.pool import COURSE_ID, write_pool
from bench.report import Row, fmt_s

#: Targets from the issue: load + generate within 2× the plain parse, and 10× the questions within
#: 11× the time (the same 10 % slack for other factors: 5× within 5.5×).
PARSE_FACTOR = 2.0
LINEAR_SLACK = 1.1
#: Rendered once before measuring (imports, pydantic validators, Markdown extensions), not reported.
WARM_UP = 100


@dataclass(frozen=True)
class Timing:
    """CPU seconds for one pool size."""

    questions: int
    files: int
    megabytes: float
    parse: float
    load: float
    total: float
    wall: float
    pages: int


def time_pool(root: Path, questions: int) -> Timing:
    """Write a pool of `questions` under `root`, then time the plain parse and load + generate on it."""
    files = write_pool(root, questions)
    megabytes = sum(f.stat().st_size for f in files) / 1e6
    started = time.process_time()
    for f in files:
        yaml.load(f.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    parse = time.process_time() - started
    started, wall_started = time.process_time(), time.perf_counter()
    project = load_project(root)
    load = time.process_time() - started
    output = generate(project, project.courses[COURSE_ID], RenderSettings(language="zh"))
    total, wall = time.process_time() - started, time.perf_counter() - wall_started
    loaded = sum(len(q.questions) for q in project.quizzes.values())
    if loaded != questions:
        raise RuntimeError(f"the pool of {questions:,} questions loaded as {loaded:,}")
    return Timing(questions, len(files), megabytes, parse, load, total, wall, len(output.pages))


def run(sizes: list[int], tmp: Path) -> list[Row]:
    """One row per pool size (against the parse) and one per consecutive pair of sizes (linearity)."""
    warm = tmp / "pool-warm-up"
    time_pool(warm, WARM_UP)
    shutil.rmtree(warm)
    rows: list[Row] = []
    timings: list[Timing] = []
    for size in sorted(sizes):
        root = tmp / f"pool-{size}"
        t = time_pool(root, size)
        shutil.rmtree(root)
        timings.append(t)
        ratio = t.total / t.parse
        rows.append(
            Row(
                "b",
                f"{size:,} questions ({t.files:,} files, {t.megabytes:.1f} MB): load + generate, CPU time",
                f"{fmt_s(t.total)} (load {fmt_s(t.load)}, render {fmt_s(t.total - t.load)}; wall {fmt_s(t.wall)}; "
                f"{t.pages:,} pages) = {ratio:.1f}× CSafeLoader parse alone ({fmt_s(t.parse)})",
                f"≤ {PARSE_FACTOR:g}× parse",
                ratio <= PARSE_FACTOR,
            )
        )
    for small, big in itertools.pairwise(timings):
        factor = big.questions / small.questions
        growth = big.total / small.total
        limit = factor * LINEAR_SLACK
        rows.append(
            Row(
                "b",
                f"linearity {small.questions:,} → {big.questions:,} questions ({factor:g}× questions)",
                f"{growth:.2f}× time",
                f"≤ {limit:g}×",
                growth <= limit,
            )
        )
    return rows
