"""Shared helpers for the engine tests: copy the fixture project, load it, build it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.errors import ContentErrors
from generator.load import load_project

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "fixtures" / "mini"
#: A frozen project for exact error positions (the mini fixture grows with the browser tests).
LOADER = ROOT / "tests" / "fixtures" / "loader"


def copy_mini(tmp_path: Path, source: Path = MINI) -> Path:
    """A writable copy of a fixture project."""
    target = tmp_path / source.name
    shutil.copytree(source, target)
    return target


def replace_in(path: Path, old: str, new: str) -> None:
    """Edit a fixture file in place; fails loudly if `old` is not there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def errors_of(root: Path) -> list[str]:
    """The error lines loading `root` produces (the load must fail)."""
    with pytest.raises(ContentErrors) as info:
        load_project(root)
    return [str(e) for e in info.value.errors]
