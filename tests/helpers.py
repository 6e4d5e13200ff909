"""Shared helpers for the engine tests: copy the fixture project, load it, build it."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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


@dataclass
class SiteProject:
    """A writable copy of a fixture project; `build` runs the real `make site` path on it."""

    root: Path

    @property
    def config(self) -> Path:
        return self.root / "mkdocs.yml"

    def write(self, path: str, text: str) -> Path:
        """Add or replace a file of the project."""
        target = self.root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        return target

    def build(self, site_dir: Path | None = None, **options: Any) -> Path:
        """Build the site atomically (strict) into `site_dir` (default: the project's site/)."""
        from generator.mkdocs.build import build_site

        return build_site(self.config, site_dir=site_dir or self.root / "site", **options)


SiteFactory = Callable[..., SiteProject]


def build_package(project: Path, fmt: str, out: Path) -> Path:
    """Run `package --format fmt` on the project folder `project` (holding mkdocs.yml); the zip's path."""
    from click.testing import CliRunner

    from generator.cli import main

    done = CliRunner().invoke(
        main, ["--root", str(project), "package", "--format", fmt, "-f", str(project / "mkdocs.yml"), "-o", str(out)]
    )
    assert done.exit_code == 0, done.output
    (path,) = out.glob(f"*-{fmt}.zip")
    return path


def with_completion(project: Path, rule: str) -> None:
    """Give the course manifest of `project` the completion rule `rule` (YAML flow mapping)."""
    with open(project / "course.yml", "a", encoding="utf-8") as fh:
        fh.write(f"completion: {rule}\n")
