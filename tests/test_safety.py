"""Data safety: a build never deletes what it does not own, never reads outside the project, never crashes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import copy_mini, errors_of

from generator.cli import main
from generator.errors import ContentErrors
from generator.mkdocs.build import build_site
from generator.output import UnsafeOutput, remove_stale, staging_for, swap_in
from generator.pipeline import BuildInputs, render_course


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def checkout(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the mini project under git, with a hand-written page and a template override."""
    root = copy_mini(tmp_path_factory.mktemp("checkout"))
    (root / "overrides").mkdir()
    env = {**os.environ, "GIT_AUTHOR_DATE": "2001-02-03T04:05:06Z", "GIT_COMMITTER_DATE": "2001-02-03T04:05:06Z"}
    for args in (["init", "-q"], ["add", "-A"], ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "x"]):
        subprocess.run(["git", *args], cwd=root, check=True, env=env)
    return root


@pytest.mark.parametrize(
    "target", [".", "..", "lessons", "quizzes", "glossary", "docs", ".git", "lessons/site", "notes"]
)
def test_build_refuses_folders_it_does_not_own(checkout: Path, target: str) -> None:
    (checkout / "notes").mkdir(exist_ok=True)
    (checkout / "notes" / "todo.txt").write_text("mine", encoding="utf-8")
    before = _tree(checkout)
    with pytest.raises(UnsafeOutput):
        build_site(checkout / "mkdocs.yml", site_dir=checkout / target)
    assert _tree(checkout) == before


def test_cli_build_into_the_project_exits_2_and_touches_nothing(checkout: Path) -> None:
    before = _tree(checkout)
    cwd = os.getcwd()
    os.chdir(checkout)
    try:
        result = CliRunner().invoke(main, ["build", "-d", "."])
    finally:
        os.chdir(cwd)
    assert result.exit_code == 2
    assert "is the project folder or contains it" in result.output
    assert _tree(checkout) == before


def test_site_is_world_readable_dated_by_the_commit_and_staging_is_cleaned(checkout: Path) -> None:
    stale = checkout / ".site.building-999999999-dead"  # a build whose process is gone
    stale.mkdir()
    (checkout / ".site.previous").mkdir()
    site = build_site(checkout / "mkdocs.yml", site_dir=checkout / "site")
    assert oct(site.stat().st_mode & 0o777) == oct(0o777 & ~_umask())
    assert not stale.exists() and not (checkout / ".site.previous").exists()
    assert "<lastmod>2001-02-03</lastmod>" in (site / "sitemap.xml").read_text(encoding="utf-8")
    # A rebuild replaces the site in place and leaves nothing beside it.
    build_site(checkout / "mkdocs.yml", site_dir=site)
    assert sorted(p.name for p in checkout.glob(".site*")) == []


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_swap_replaces_the_old_site_in_one_step(tmp_path: Path) -> None:
    target = tmp_path / "site"
    target.mkdir()
    (target / "index.html").write_text("old", encoding="utf-8")
    with staging_for(target) as staging:
        (staging / "index.html").write_text("new", encoding="utf-8")
        swap_in(staging, target)
    assert (target / "index.html").read_text(encoding="utf-8") == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_a_failed_build_leaves_the_previous_site_and_no_staging(tmp_path: Path) -> None:
    target = tmp_path / "site"
    target.mkdir()
    (target / "index.html").write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), staging_for(target) as staging:
        (staging / "half.html").write_text("…", encoding="utf-8")
        raise RuntimeError("the engine failed")
    assert (target / "index.html").read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_staging_of_a_running_build_is_kept(tmp_path: Path) -> None:
    running = tmp_path / f".site.building-{os.getpid()}-abcd"
    running.mkdir()
    assert remove_stale(tmp_path / "site") == []
    assert running.exists()


@pytest.mark.parametrize(
    "text",
    [
        "id: deep\nx: " + "[" * 30_000 + "]" * 30_000 + "\n",
        "id: deep\nx: " + "{a: " * 30_000 + "}" * 30_000 + "\n",
        "id: deep\nx:\n" + "- " * 30_000 + "a\n",
    ],
)
def test_deep_yaml_is_an_error_not_a_crash(tmp_path: Path, text: str) -> None:
    root = copy_mini(tmp_path)
    (root / "lessons" / "deep.yml").write_text(text, encoding="utf-8")
    # In a child process: a crash in libyaml would kill the test runner itself.
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(root), "check"], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 1, result.stderr[-500:]
    assert "lessons/deep.yml:" in result.stderr and "nesting is deeper than 50 levels" in result.stderr


def test_symlinks_out_of_the_project_are_refused_without_reading_them(tmp_path: Path) -> None:
    root = copy_mini(tmp_path)
    outside = tmp_path / "outside.yml"
    outside.write_text("id: LEAK\ntitle: secret-lesson-text\n", encoding="utf-8")
    (root / "lessons" / "leak.yml").symlink_to(outside)
    (root / "lessons" / "passwd.yml").symlink_to("/etc/passwd")
    (root / "glossary" / "status.yml").symlink_to("/proc/self/status")
    inside = root / "lessons" / "alias.yml"
    inside.symlink_to(root / "lessons" / "M1.yml")  # inside the project: read like any file
    lines = errors_of(root)
    message = "is a symbolic link to a file outside the project; copy the file into the project instead"
    for name in ("lessons/leak.yml", "lessons/passwd.yml", "glossary/status.yml"):
        assert f"{name}:1:1: {message}" in lines
    assert not any("secret-lesson-text" in line or "root:" in line for line in lines)
    assert any("lessons/alias.yml" in line and "duplicate id 'M1'" in line for line in lines)


def test_a_course_manifest_outside_the_project_is_not_read(tmp_path: Path) -> None:
    root = copy_mini(tmp_path)
    with pytest.raises(ContentErrors) as info:
        render_course(BuildInputs(root=root, course="/etc/passwd"))
    report = info.value.report()
    assert "/etc/passwd:1:1: the course manifest must be a file inside the project folder" in report
    assert "root:" not in report


def test_unreadable_files_and_folders_are_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = copy_mini(tmp_path)
    real_read, real_walk = Path.read_bytes, os.walk

    def read_bytes(path: Path) -> bytes:
        if path.name == "M1.yml":
            raise PermissionError(13, "Permission denied", str(path))
        return real_read(path)

    def walk(top, onerror=None, **kwargs):  # type: ignore[no-untyped-def]
        if Path(top).name == "glossary" and onerror is not None:
            onerror(PermissionError(13, "Permission denied", str(top)))
            return iter(())
        return real_walk(top, onerror=onerror, **kwargs)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    monkeypatch.setattr(os, "walk", walk)
    lines = errors_of(root)
    assert "lessons/M1.yml:1:1: cannot read this file (Permission denied); check its permissions" in lines
    assert (
        "glossary:1:1: cannot read this folder (Permission denied); its files would be left out of the course" in lines
    )


def test_a_missing_templates_dir_is_an_error(tmp_path: Path) -> None:
    root = copy_mini(tmp_path)
    with pytest.raises(ContentErrors, match="templates_dir names a folder that does not exist"):
        render_course(BuildInputs(root=root, templates_dir=root / "nope"))


@pytest.mark.parametrize("page", ["lessons/M1/index.md", "lessons/M1/index.html"])
def test_a_hand_written_page_at_a_generated_url_stops_the_build(tmp_path: Path, page: str) -> None:
    from mkdocs.exceptions import Abort

    root = copy_mini(tmp_path)
    (root / "docs" / page).parent.mkdir(parents=True)
    (root / "docs" / page).write_text("# mine\n", encoding="utf-8")
    with pytest.raises(Abort):
        build_site(root / "mkdocs.yml", site_dir=root / "site")
    assert (root / "docs" / page).read_text(encoding="utf-8") == "# mine\n"
    assert not (root / "site").exists()


def test_a_failed_build_reports_the_page_clash(tmp_path: Path) -> None:
    root = copy_mini(tmp_path)
    (root / "docs" / "lessons" / "M1").mkdir(parents=True)
    (root / "docs" / "lessons" / "M1" / "index.md").write_text("# mine\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build"], cwd=root, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 1
    assert "docs/lessons/M1/index.md is a hand-written page, but the course generates the page" in result.stderr


def test_a_full_disk_is_a_message_not_a_traceback(checkout: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import generator.mkdocs.build as mkdocs_build

    def full(*args: object, **kwargs: object) -> Path:
        raise OSError(28, "No space left on device", str(checkout / "site"))

    monkeypatch.setattr(mkdocs_build, "build_site", full)
    cwd = os.getcwd()
    os.chdir(checkout)
    try:
        result = CliRunner().invoke(main, ["build"])
    finally:
        os.chdir(cwd)
    assert result.exit_code == 1
    assert "build failed: No space left on device" in result.output
    assert "the previous site was left as it was" in result.output
