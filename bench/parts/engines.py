"""(e) Engines: the bundled course built by MkDocs (the plugin) and by Zensical (over the export).

Both builds run as child processes of the real commands (`python -m generator build` with
`--engine mkdocs|zensical`), alternating, into throwaway folders; CPU (children's rusage) and wall
medians are compared. Then each engine serves a copy of the mini fixture, a lesson file is edited,
and the page is polled until the change is visible (edit-to-visible latency).
"""

from __future__ import annotations

import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from bench import ROOT
from bench.parts.build import timed
from bench.report import Row, fmt_s

#: Targets from the engines issue.
SPEED = 0.5
LATENCY = 1.5
MINI = ROOT / "tests" / "fixtures" / "mini"


def run(tmp: Path, repeats: int) -> list[Row]:
    """Build-time rows for both engines and edit-to-visible rows for both previews."""
    cpu: dict[str, list[float]] = {"mkdocs": [], "zensical": []}
    wall: dict[str, list[float]] = {"mkdocs": [], "zensical": []}
    for n in range(repeats):
        for engine in ("mkdocs", "zensical"):
            out = tmp / f"engine-{engine}-{n}"
            seconds, used, done = timed(
                [sys.executable, "-m", "generator", "build", "--engine", engine, "-d", str(out)]
            )
            if done.returncode != 0:
                return [Row("e", f"{engine} build", f"failed: {(done.stderr or done.stdout)[-160:]}", "builds", False)]
            cpu[engine].append(used)
            wall[engine].append(seconds)
            shutil.rmtree(out, ignore_errors=True)
    ratio_cpu = statistics.median(cpu["zensical"]) / statistics.median(cpu["mkdocs"])
    ratio_wall = statistics.median(wall["zensical"]) / statistics.median(wall["mkdocs"])
    rows = [
        Row(
            "e",
            f"bundled course, MkDocs build (n={repeats})",
            f"CPU {fmt_s(statistics.median(cpu['mkdocs']))}, wall {fmt_s(statistics.median(wall['mkdocs']))}",
        ),
        Row(
            "e",
            f"bundled course, export + Zensical build (n={repeats})",
            f"CPU {fmt_s(statistics.median(cpu['zensical']))}, wall {fmt_s(statistics.median(wall['zensical']))}",
        ),
        Row(
            "e",
            "Zensical path / MkDocs path",
            f"CPU {ratio_cpu:.2f}×, wall {ratio_wall:.2f}×",
            f"≤ {SPEED}×",
            ratio_cpu <= SPEED and ratio_wall <= SPEED,
        ),
    ]
    for engine in ("mkdocs", "zensical"):
        latency = edit_to_visible(tmp / f"serve-{engine}", engine)
        target = f"≤ {LATENCY} s" if engine == "zensical" else "—"
        ok = (latency is not None and latency <= LATENCY) if engine == "zensical" else None
        rows.append(
            Row(
                "e",
                f"edit-to-visible while serving, {engine}",
                "no change seen in 30 s" if latency is None else fmt_s(latency),
                target,
                ok,
            )
        )
    return rows


def edit_to_visible(folder: Path, engine: str) -> float | None:
    """Seconds from saving a lesson edit to the served page showing it (None after 30 s)."""
    shutil.copytree(MINI, folder)
    port = _free_port()
    url = f"http://127.0.0.1:{port}/lessons/M1/"
    server = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--engine", engine, "-a", f"127.0.0.1:{port}"],
        cwd=folder,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        if _wait_for(url, "MAN 法则入门", 60) is None:
            return None
        lesson = folder / "lessons" / "M1.yml"
        lesson.write_text(
            lesson.read_text(encoding="utf-8").replace("MAN 法则入门", "MAN 法则入门（新）", 1), encoding="utf-8"
        )
        return _wait_for(url, "MAN 法则入门（新）", 30)
    finally:
        server.terminate()
        server.wait(timeout=20)


def _wait_for(url: str, text: str, limit: float) -> float | None:
    started = time.perf_counter()
    while time.perf_counter() - started < limit:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if text in response.read().decode("utf-8", "replace"):
                    return time.perf_counter() - started
        except OSError:
            pass
        time.sleep(0.05)
    return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
