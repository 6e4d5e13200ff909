"""Size of the browser runtime: raw and gzip -9 bytes of quiz.js and quiz.css against the 8 KB budget.

Usage: python bench/runtime_size.py   (exits 1 when the gzipped total is over budget)
"""

from __future__ import annotations

import gzip
import shutil
import subprocess
import sys
from pathlib import Path

ASSETS = Path(__file__).resolve().parents[1] / "generator" / "assets"
FILES = ("quiz.js", "quiz.css")
BUDGET = 8 * 1024  # gzipped bytes, JS and CSS together


def gzipped(data: bytes) -> int:
    """Bytes after `gzip -9 -n` (the gzip tool when present; zlib's level 9 otherwise)."""
    tool = shutil.which("gzip")
    if tool:
        return len(subprocess.run([tool, "-9", "-n", "-c"], input=data, capture_output=True, check=True).stdout)
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def main() -> int:
    rows = []
    for name in FILES:
        data = (ASSETS / name).read_bytes()
        rows.append((name, len(data), gzipped(data)))
    raw_total, gz_total = sum(r[1] for r in rows), sum(r[2] for r in rows)
    print(f"{'file':<10} {'raw':>8} {'gzip -9':>8}")
    for name, raw, gz in rows:
        print(f"{name:<10} {raw:>8} {gz:>8}")
    print(f"{'total':<10} {raw_total:>8} {gz_total:>8}")
    verdict = "OK" if gz_total <= BUDGET else "OVER BUDGET"
    print(f"{'budget':<10} {'':>8} {BUDGET:>8}  {verdict} ({BUDGET - gz_total:+d} bytes left)")
    return 0 if gz_total <= BUDGET else 1


if __name__ == "__main__":
    sys.exit(main())
