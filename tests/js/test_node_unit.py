"""Run the runtime's grading unit tests (tests/js/*.test.cjs) with node's built-in test runner."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_node_unit_tests_pass() -> None:
    node = shutil.which("node")
    assert node, "node is needed to run tests/js"
    done = subprocess.run([node, "--test", "tests/js"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "# fail 0" in done.stdout
