"""Run the runtime's unit tests (tests/js/*.test.mjs) with node's built-in test runner, and type-check
the runtime's sources with the pinned TypeScript (`tsc --noEmit --checkJs`, see tsconfig.json)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_node_unit_tests_pass() -> None:
    node = shutil.which("node")
    assert node, "node is needed to run tests/js"
    done = subprocess.run([node, "--test", "tests/js"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "# fail 0" in done.stdout
    assert "# pass 0" not in done.stdout


def test_runtime_type_checks() -> None:
    tsc = ROOT / "node_modules" / ".bin" / "tsc"
    assert tsc.is_file(), "run `make test` (it installs the npm dev tools, TypeScript among them) before this test"
    done = subprocess.run([str(tsc), "-p", "tsconfig.json"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
