"""(a) Size of the runtime: raw and `gzip -9` bytes of each file, and of what each kind of page loads."""

from __future__ import annotations

import gzip
import shutil
import subprocess
from pathlib import Path

from bench import ROOT
from bench.core import (
    ASSET_DIR,
    RUNTIME_FILES,
    RUNTIME_GZIP_BUDGET,
    SITE_FILES,
    WIDGET_CSS,
    BuildInputs,
    SiteOutput,
    built,
    page_files,
    render_course,
)
from bench.report import Row, fmt_bytes

#: A small course with quiz pages; every course ships the same runtime.
MINI = ROOT / "tests" / "fixtures" / "mini"

#: mkdocs-quiz inlines this much into every page, raw and gzip (measured by the issue's author).
MKDOCS_QUIZ = (62_652, 14_602)


def gzip9(data: bytes) -> int:
    """Bytes after `gzip -9 -n`: the gzip tool when present, else zlib at level 9 (a few bytes smaller)."""
    tool = shutil.which("gzip")
    if tool:
        return len(subprocess.run([tool, "-9", "-n", "-c"], input=data, capture_output=True, check=True).stdout)
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def runtime_assets(output: SiteOutput) -> dict[str, bytes]:
    """The JavaScript and CSS a generated site ships for its quiz pages, by file name."""
    prefix = ASSET_DIR + "/"
    return {
        path[len(prefix) :]: data
        for path, data in output.assets.items()
        if path.startswith(prefix) and path.endswith((".js", ".css"))
    }


def run(root: Path = MINI) -> list[Row]:
    """Rows for each runtime file of the course under `root`, then what each kind of page loads against the budget."""
    assets = runtime_assets(render_course(BuildInputs(root=root)))
    assets[WIDGET_CSS] = built(WIDGET_CSS)  # written into each widget page, not served as a file
    rows: list[Row] = []
    gz = {name: gzip9(data) for name, data in assets.items()}
    # RUNTIME_FILES first, in their order; any other shipped JS/CSS is listed too.
    for name in [*RUNTIME_FILES, *sorted(set(assets) - set(RUNTIME_FILES))]:
        rows.append(
            Row(
                "a",
                f"runtime {name}{' (inline in widget pages)' if name == WIDGET_CSS else ''} raw / gzip -9",
                f"{fmt_bytes(len(assets[name]))} / {fmt_bytes(gz[name])}",
            )
        )
    rows.append(
        Row(
            "a",
            "lesson, home, glossary page: site.css + site.js gzip -9",
            f"{fmt_bytes(sum(gz[n] for n in SITE_FILES))} (no widget runtime)",
        )
    )
    for kind in ("quiz", "drill", "progress"):
        files = page_files(kind)
        total_gz, total_raw = sum(gz[n] for n in files), sum(len(assets[n]) for n in files)
        rows.append(
            Row(
                "a",
                f"{kind} page: {' + '.join(files)} gzip -9",
                f"{fmt_bytes(total_gz)} (raw {fmt_bytes(total_raw)})",
                f"≤ {fmt_bytes(RUNTIME_GZIP_BUDGET)}",
                total_gz <= RUNTIME_GZIP_BUDGET,
            )
        )
    quiz = sum(gz[n] for n in page_files("quiz"))
    rows.append(
        Row(
            "a",
            "reference: mkdocs-quiz, inlined in every page",
            f"{fmt_bytes(MKDOCS_QUIZ[0])} / {fmt_bytes(MKDOCS_QUIZ[1])} gz; "
            f"a quiz page of ours loads {MKDOCS_QUIZ[1] / max(quiz, 1):.1f}× less gz",
        )
    )
    return rows
