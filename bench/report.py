"""The benchmark table: one row per measure, each with its value, target and result."""

from __future__ import annotations

import contextlib
import os
import platform
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Row:
    """One measured value; `ok` is None for context rows that have no target."""

    part: str
    measure: str
    value: str
    target: str = "—"
    ok: bool | None = None

    @property
    def result(self) -> str:
        """`pass`, `FAIL`, or `info` for a row without a target."""
        return "info" if self.ok is None else ("pass" if self.ok else "FAIL")

    def line(self) -> str:
        """A one-line progress note for stderr."""
        verdict = f" (target {self.target}: {self.result})" if self.ok is not None else ""
        return f"  [{self.part}] {self.measure}: {self.value}{verdict}"


def fmt_bytes(n: int) -> str:
    """Bytes with thousands separators: 8,036 B."""
    return f"{n:,} B"


def fmt_s(seconds: float) -> str:
    """Milliseconds below a second, seconds above."""
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def table(rows: list[Row]) -> str:
    """The rows as one Markdown table."""
    lines = ["| # | Measure | Value | Target | Result |", "|---|---|---|---|---|"]
    for r in rows:
        # A '|' inside a cell would split it; values are measurements and messages, never Markdown.
        cells = (r.part, r.measure, r.value, r.target, r.result)
        lines.append("| " + " | ".join(c.replace("|", "/") for c in cells) + " |")
    return "\n".join(lines)


def machine() -> str:
    """OS, cores, memory, CPU model and Python version, for the table's header."""
    memory = "?"
    with contextlib.suppress(OSError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    cpu = "?"
    with contextlib.suppress(OSError):
        cpu = next(
            (
                ln.split(":", 1)[1].strip()
                for ln in Path("/proc/cpuinfo").read_text().splitlines()
                if ln.startswith("model name")
            ),
            "?",
        )
    return (
        f"{platform.system()} {platform.machine()}, nproc {os.cpu_count()}, memory {memory}, CPU {cpu}, "
        f"Python {platform.python_version()}, load average {load_average()}"
    )


def load_average() -> str:
    """The 1, 5 and 15 minute load averages: how busy the neighbours kept the machine."""
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f}"
