"""The shipped runtime is the minified build of the readable sources in generator/runtime/."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from generator.render.assets import BUILT_FILES

ROOT = Path(__file__).resolve().parent.parent


def test_committed_bundle_is_the_build_of_the_sources(tmp_path: Path) -> None:
    script = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["scripts"]["runtime"]
    assert "generator/assets/" in script
    esbuild = ROOT / "node_modules" / ".bin" / "esbuild"
    assert esbuild.is_file(), "run `make test` (it installs the npm dev tools) before this test"
    command = script.replace("generator/assets/", f"{tmp_path}/").replace("esbuild ", f"{esbuild} ")
    subprocess.run(command, shell=True, cwd=ROOT, check=True, timeout=120)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(BUILT_FILES), "the build makes the shipped files"
    for name in BUILT_FILES:
        built = (tmp_path / name).read_bytes()
        assert built == (ROOT / "generator" / "assets" / name).read_bytes(), (
            f"generator/assets/{name} is stale: run `make runtime` and commit the result"
        )
    assert sorted(p.name for p in (ROOT / "generator" / "assets").iterdir()) == sorted(BUILT_FILES)
