"""Shared pytest options and fixtures: a factory that builds real sites from fixture projects."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import SiteFactory, SiteProject

#: Examples per Hypothesis test in an ordinary run; `make fuzz` asks for thousands.
DEFAULT_FUZZ_EXAMPLES = 300
MINI = Path(__file__).resolve().parent / "fixtures" / "mini"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--fuzz-examples",
        type=int,
        default=DEFAULT_FUZZ_EXAMPLES,
        metavar="N",
        help=f"number of Hypothesis examples for the fuzz tests (default {DEFAULT_FUZZ_EXAMPLES})",
    )


@pytest.fixture(scope="session")
def fuzz_examples(request: pytest.FixtureRequest) -> int:
    """How many examples a fuzz test should run (--fuzz-examples)."""
    return int(request.config.getoption("--fuzz-examples"))


@pytest.fixture
def make_project(tmp_path: Path) -> SiteFactory:
    """Copy a fixture project into tmp_path, with mkdocs.yml and plugin options overridden as data.

    `mkdocs` replaces top-level keys of mkdocs.yml (`theme` is merged one level deep); `plugin`
    sets options of the courseware plugin; `files` adds or replaces files (None deletes).
    """
    made = 0

    def make(
        source: Path = MINI,
        *,
        mkdocs: dict[str, Any] | None = None,
        plugin: dict[str, Any] | None = None,
        files: dict[str, str | None] | None = None,
    ) -> SiteProject:
        nonlocal made
        made += 1
        root = tmp_path / f"{source.name}-{made}"
        shutil.copytree(source, root)
        project = SiteProject(root)
        if mkdocs or plugin:
            config = yaml.safe_load(project.config.read_text(encoding="utf-8"))
            for key, value in (mkdocs or {}).items():
                config[key] = {**config.get(key, {}), **value} if key == "theme" else value
            if plugin:
                config["plugins"] = [_with_options(p, plugin) for p in config["plugins"]]
            project.config.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
        for path, text in (files or {}).items():
            if text is None:
                (root / path).unlink()
            else:
                project.write(path, text)
        return project

    return make


def _with_options(entry: str | dict[str, Any], options: dict[str, Any]) -> str | dict[str, Any]:
    name = entry if isinstance(entry, str) else next(iter(entry))
    if name != "courseware":
        return entry
    current = {} if isinstance(entry, str) else dict(entry[name] or {})
    return {name: {**current, **options}}


@pytest.fixture(scope="session")
def mini_packages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The mini fixture course packaged for both SCORM versions, its final quiz M1-extra deciding the pass."""
    from helpers import build_package, with_completion

    project = tmp_path_factory.mktemp("package") / "mini"
    shutil.copytree(MINI, project)
    with_completion(project, "{quizzes: [M1-extra]}")
    out = project.parent / "dist"
    return {fmt: build_package(project, fmt, out) for fmt in ("scorm12", "scorm2004")}
