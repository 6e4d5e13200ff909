"""Benchmarks of the courseware generator: one module per measured part, one table out.

Run ``python -m bench.run`` (or ``make bench``); see bench/README.md for what each row means.
"""

from __future__ import annotations

from pathlib import Path

#: The repository root: the bundled course, its mkdocs.yml and the test fixtures live here.
ROOT = Path(__file__).resolve().parent.parent
