"""`export` writes the course as files through the pure core, with no engine importable."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml
from helpers import ROOT, copy_mini

#: Runs the CLI's export with every `mkdocs` and `material` import refused.
_BLOCKED = """
import importlib.abc, sys
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("mkdocs", "material"):
            raise ImportError(f"{name} is blocked: the core must not import an engine")
        return None
sys.meta_path.insert(0, Block())
from generator.cli import main
main()
"""


def _export(root: Path, out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _BLOCKED, "--root", str(root), "export", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )


def test_export_writes_the_bundled_course_without_mkdocs(tmp_path: Path) -> None:
    out = tmp_path / "export"
    result = _export(ROOT, out)
    assert result.returncode == 0, result.stderr[-2000:]
    assert not [m for m in ("mkdocs", "material") if f"{m} is blocked" in result.stderr]
    nav = yaml.safe_load((out / "nav.yml").read_text(encoding="utf-8"))["nav"]
    pages = {p.relative_to(out).as_posix() for p in out.rglob("*.md")}
    listed = set()

    def walk(items: list[object]) -> None:
        for item in items:
            assert isinstance(item, dict)
            for value in item.values():
                walk(value) if isinstance(value, list) else listed.add(value)

    walk(nav)
    assert listed == pages and "lessons/L3.md" in pages and "progress.md" in pages
    assert (out / "assets/courseware/quiz.js").stat().st_size > 1000
    assert (out / "schema/lesson.schema.json").is_file()
    assert "# 潜在客户资格鉴定：MAN 法则" in (out / "lessons/L3.md").read_text(encoding="utf-8")


def test_export_replaces_its_own_output_and_refuses_the_project(tmp_path: Path) -> None:
    root = copy_mini(tmp_path)
    out = tmp_path / "export"
    assert _export(root, out).returncode == 0
    (root / "lessons/M1.yml").write_text(
        (root / "lessons/M1.yml").read_text(encoding="utf-8").replace("MAN 法则入门", "MAN 法则入门（新）"),
        encoding="utf-8",
    )
    assert _export(root, out).returncode == 0
    assert "MAN 法则入门（新）" in (out / "lessons/M1.md").read_text(encoding="utf-8")
    refused = _export(root, root)
    assert refused.returncode == 2 and "is the project folder or contains it" in refused.stderr
    assert (root / "lessons/M1.yml").is_file()


def test_export_of_broken_content_writes_nothing(tmp_path: Path) -> None:
    root = copy_mini(tmp_path)
    (root / "lessons/M1.yml").write_text("id: M1\ntitle: [\n", encoding="utf-8")
    result = _export(root, tmp_path / "export")
    assert result.returncode == 1 and "lessons/M1.yml:" in result.stderr
    assert not (tmp_path / "export").exists()
