"""(e) Markdown at the limits: the slowest build per MB of content that the loader's limits let through.

Python-Markdown has inputs that take quadratic time or recurse per level; `generator/model/limits.py`
rejects them at load time. What the limits let through is measured here: each motif below (the
shapes that were slow before the limits, plus seeded random mixes of Markdown punctuation, the same
kind the fuzz tests use) is repeated to fill one field as far as the limits allow, the field is
copied into the sections of a lesson of about 1 MB, and the course is loaded and rendered. The
slowest motifs then go through a full MkDocs build (search included), which also parses the HTML.
"""

from __future__ import annotations

import json
import random
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

from bench import ROOT
from bench.core import BuildInputs, markdown_problem, render_course
from bench.report import Row

MINI = ROOT / "tests" / "fixtures" / "mini"
#: Characters per Markdown field (generator/model/limits.py MAX_MARKDOWN_CHARS).
FIELD = 20_000
#: Target: a content file at the 2 MB limit builds within 30 s.
TARGET_S_PER_MB = 15.0

#: One paragraph of each shape that was slow or crashed before the limits (2026-11 attack run).
MOTIFS: dict[str, str] = {
    "open brackets": "[" * 20 + "a" * 9_000,
    "images": "![" * 20 + "a" * 9_000,
    "links, open parens": "[a](" * 20 + "(" * 9_000,
    "emphasis *a_": "*a_" * 600,
    "inline HTML <a": "<a" * 50 + "b" * 9_000,
    "autolinks": "<http://a" * 50 + "b" * 9_000,
    "code spans ``a`": "``a`" * 16 + "b" * 9_000,
    "carets and marks": "^a==b~c" * 250,
    "entities and escapes": "&#1\\*" * 330,
    "table cells": "| a | b | c | d |\n| - | - | - | - |\n" + "\n".join("|a|b|c|d|" for _ in range(190)),
    "wide table": "|" + "a|" * 600 + "\n|" + "-|" * 600,
    "headings": "\n".join("# " + "a" * 90 for _ in range(199)),
    "rules and setext": "\n".join(["a", "-", "***", "==="] * 49),
    "lists": "\n".join("- " + "a" * 8 for _ in range(199)),
    "nested lists": "\n".join("    " * (i % 7) + "- " + "a" * 8 for i in range(199)),
    "quotes": "\n".join("> " * 8 + "a" * 8 for _ in range(199)),
    "definitions": "a\n: b\n" * 4,
    "call-outs": "!!! note\n    " + "a" * 200,
    "tabs": '=== "t"\n    ' + "a" * 200,
    "abbreviations": "*[AB]: x\n\nAB " * 40,
    "Chinese prose": "潜在客户要用得着，也要买得起。**MAN 法则**帮助你筛选。" * 300,
}

#: Markdown punctuation and line starts the random motifs are made of.
ALPHABET = [
    "[",
    "]",
    "(",
    ")",
    "*",
    "_",
    "`",
    "<",
    ">",
    "|",
    "!",
    "\\",
    "&",
    "#",
    "-",
    "=",
    "^",
    "~",
    ":",
    "a",
    "中",
    " ",
    "\n",
    "\n\n",
    "    ",
    "1. ",
    "- ",
    "> ",
    "{",
    "}",
    "http://",
]


def random_motif(rng: random.Random) -> str:
    """A short random piece of Markdown punctuation, repeated to paragraph size."""
    piece = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 6)))
    return piece * max(1, rng.randint(100, 9_000) // len(piece))


def worst_allowed(paragraph: str, limit: int = FIELD - 10) -> str:
    """`paragraph` repeated (blank lines between) into the longest field the limits accept; '' if none.

    `limit` leaves room for the section number `lesson_project` puts in front.
    """

    def field(n: int) -> str:
        return "\n\n".join([paragraph] * n)[:limit].strip() or "x"

    if markdown_problem(field(1), limit) is not None:
        # Too much in one paragraph: keep the longest prefix that passes.
        low, high = 0, len(paragraph)
        while low < high:
            mid = (low + high + 1) // 2
            fits = markdown_problem(paragraph[:mid].strip() or "x", limit) is None
            low, high = (mid, high) if fits else (low, mid - 1)
        paragraph = paragraph[:low]
        if not paragraph.strip():
            return ""
    low, high = 1, max(1, limit // max(len(paragraph), 1) + 1)
    while low < high:
        mid = (low + high + 1) // 2
        low, high = (mid, high) if markdown_problem(field(mid), limit) is None else (low, mid - 1)
    return field(low)


def lesson_project(folder: Path, body: str, target_bytes: int) -> Path:
    """A copy of the mini fixture whose lesson has sections with `body` until it weighs `target_bytes`.

    Each section's body starts with its own number: the renderer caches fragments it has seen, and
    a copy would cost nothing.
    """
    root = folder / "mini"
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(MINI, root)
    lesson = root / "lessons" / "M1.yml"
    text = lesson.read_text(encoding="utf-8")
    sections: list[str] = []
    size, n = len(text.encode()), 0
    while True:
        section = f"  - title: 第{n}节\n    body: {json.dumps(f'第{n}节' + body, ensure_ascii=False)}\n"
        if size + len(section.encode()) > target_bytes:
            break
        sections.append(section)
        size += len(section.encode())
        n += 1
    lesson.write_text(text.replace("sections:\n", "sections:\n" + "".join(sections), 1), encoding="utf-8")
    return root


def run(tmp: Path, quick: bool = False) -> list[Row]:
    """Rows (e): the slowest render and the slowest full build per MB of limit-filling Markdown."""
    rng = random.Random(20261123)
    motifs = dict(MOTIFS)
    for n in range(10 if quick else 40):
        motif = random_motif(rng)
        motifs[f"random {n + 1}: {motif[:12]!r}"] = motif
    folder = tmp / "markdown-limits"
    folder.mkdir(exist_ok=True)
    target = 500_000 if quick else 1_000_000
    rendered: list[tuple[float, str, Path]] = []
    for name, paragraph in motifs.items():
        body = worst_allowed(paragraph)
        if not body:
            continue
        root = lesson_project(folder / str(len(rendered)), body, target)
        megabytes = (root / "lessons" / "M1.yml").stat().st_size / 1e6
        started = time.process_time()
        render_course(BuildInputs(root=root))
        seconds = time.process_time() - started
        rendered.append((seconds / megabytes, name, root))
    rendered.sort(reverse=True)
    worst_render, render_name, _ = rendered[0]
    rows = [
        Row(
            "f",
            f"load + render per MB of limit-filling Markdown ({len(rendered)} motifs, CPU time)",
            f"{worst_render:.1f} s/MB worst ({render_name}); median {rendered[len(rendered) // 2][0]:.1f} s/MB",
            f"≤ {TARGET_S_PER_MB:g} s/MB",
            worst_render <= TARGET_S_PER_MB,
        )
    ]
    builds: list[tuple[float, float, str]] = []
    for _, name, root in rendered[: 2 if quick else 4]:
        megabytes = (root / "lessons" / "M1.yml").stat().st_size / 1e6
        before, started = _children_cpu(), time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-c",
                "import sys; from bench.core import build_site; build_site(sys.argv[1], sys.argv[2])",
                str(root / "mkdocs.yml"),
                str(root / "site"),
            ],
            cwd=ROOT,
            check=True,
            capture_output=True,
            timeout=900,
        )
        wall = time.perf_counter() - started
        builds.append(((_children_cpu() - before) / megabytes, wall / megabytes, name))
    worst_build, wall, build_name = max(builds)
    rows.append(
        Row(
            "f",
            f"full build (MkDocs, search) per MB, the {len(builds)} slowest motifs above (child CPU time)",
            f"{worst_build:.1f} s/MB worst ({build_name}; wall {wall:.1f} s/MB)",
            f"≤ {TARGET_S_PER_MB:g} s/MB",
            worst_build <= TARGET_S_PER_MB,
        )
    )
    return rows


def _children_cpu() -> float:
    """CPU seconds used by finished child processes: a shared machine's load does not count."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime
