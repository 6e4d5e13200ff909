"""Benchmarks of the courseware generator; prints one Markdown table, each row with value, target and result.

(a) size of the quiz runtime, (b) generation speed on synthetic pools against plain YAML parsing,
(c) build overhead of the bundled course against a plain MkDocs build of the same pages, (d) browser:
mount time of a 200-question quiz and Lighthouse scores, (e) MkDocs against Zensical: build time and
edit-to-visible latency while serving, (f) the slowest build per MB of Markdown that the content limits
let through. Nothing is written into the repository.

    python -m bench.run                  # everything (about 8 minutes on 2 cores)
    python -m bench.run --quick          # no 50,000-question pool, fewer repeats, no Lighthouse
    python -m bench.run --only ab        # some parts only; also --sizes, --repeats, --no-lighthouse
"""

from __future__ import annotations

import sys
from pathlib import Path

if not __package__:
    # Run as a file (python bench/run.py): Python put bench/ first on the path, where bench/http.py
    # would shadow the standard library's http package; put the repository root there instead.
    sys.path[0] = str(Path(__file__).resolve().parent.parent)

import argparse
import tempfile
import time
from collections.abc import Callable

from bench.parts import browser, build, engines, generation, markdown, size
from bench.report import Row, load_average, machine, table

#: Pool sizes for (b); the last takes about 40 s of the run, so --quick leaves it out.
SIZES = [1_000, 10_000, 50_000]
QUICK_SIZES = [1_000, 10_000]


def _sizes(text: str) -> list[int]:
    return [int(x) for x in text.split(",")]


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The command line; see --help."""
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--quick",
        action="store_true",
        help="pools of 1,000 and 10,000, 2 build repeats, 3 mount repeats, no Lighthouse",
    )
    parser.add_argument(
        "--sizes", type=_sizes, default=None, help="question counts for (b), comma-separated (default 1000,10000,50000)"
    )
    parser.add_argument("--repeats", type=int, default=None, help="alternated builds per variant in (c) (default 5)")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip the Lighthouse rows of (d)")
    parser.add_argument(
        "--lighthouse-runs", type=int, default=None, help="alternated Lighthouse runs per page and variant (default 5)"
    )
    parser.add_argument("--only", default="abcdef", help="parts to run, e.g. 'ab'")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Run the chosen parts, print each row to stderr as it comes and the table to stdout at the end."""
    args = parse_args(argv)
    sizes = args.sizes or (QUICK_SIZES if args.quick else SIZES)
    repeats = args.repeats or (2 if args.quick else 5)
    print(f"bench: {time.strftime('%Y-%m-%d %H:%M %Z')}; {machine()}", file=sys.stderr, flush=True)
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="cw-bench-") as tmp_name:
        tmp = Path(tmp_name)
        steps: list[tuple[str, Callable[[], list[Row]]]] = [
            ("a", size.run),
            ("b", lambda: generation.run(sizes, tmp)),
            ("c", lambda: build.run(tmp, repeats)),
            ("d", lambda: browser.mount(tmp, 3 if args.quick else 10)),
            ("e", lambda: engines.run(tmp, repeats)),
        ]
        if not (args.quick or args.no_lighthouse):
            steps.append(("d", lambda: browser.lighthouse(tmp, args.lighthouse_runs or browser.RUNS)))
        steps.append(("f", lambda: markdown.run(tmp, args.quick)))
        for part, step in steps:
            if part not in args.only:
                continue
            started = time.perf_counter()
            try:
                new = step()
            except Exception as exc:  # one broken part must not hide the others
                new = [
                    Row(part, f"part {part} crashed", f"{type(exc).__name__}: {str(exc).strip()[:160]}", "runs", False)
                ]
            for row in new:
                print(row.line(), file=sys.stderr, flush=True)
            print(f"  [{part}] done in {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
            rows += new
    # CPU times hold up under the neighbours' load; wall times and Lighthouse's mobile scores do not.
    print(f"bench: finished {time.strftime('%H:%M %Z')}; load average {load_average()}", file=sys.stderr)
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
