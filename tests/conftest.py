"""Shared pytest options and fixtures."""

from __future__ import annotations

import pytest

#: Examples per Hypothesis test in an ordinary run; `make fuzz` asks for thousands.
DEFAULT_FUZZ_EXAMPLES = 300


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--fuzz-examples", type=int, default=DEFAULT_FUZZ_EXAMPLES, metavar="N",
        help=f"number of Hypothesis examples for the fuzz tests (default {DEFAULT_FUZZ_EXAMPLES})",
    )


@pytest.fixture(scope="session")
def fuzz_examples(request: pytest.FixtureRequest) -> int:
    """How many examples a fuzz test should run (--fuzz-examples)."""
    return request.config.getoption("--fuzz-examples")
