"""Builds are reproducible and atomic; broken files give one exact, well-placed error."""

from __future__ import annotations

import gzip
import hashlib
import re
from pathlib import Path

import pytest
from helpers import SiteFactory

from generator.errors import ContentErrors
from generator.mkdocs.build import build_site


@pytest.fixture
def project(make_project: SiteFactory) -> Path:
    return make_project().root


def _normalised(path: Path) -> bytes:
    """A built file's bytes, with the build date taken out of the sitemap."""
    data = path.read_bytes()
    if path.name == "sitemap.xml.gz":
        data = gzip.decompress(data)  # the gzip header also carries a timestamp
    if path.name in ("sitemap.xml", "sitemap.xml.gz"):
        data = re.sub(rb"<lastmod>[^<]*</lastmod>", b"<lastmod/>", data)
    return data


def snapshot(site: Path) -> dict[str, str]:
    """Every file and folder of a site, relative path -> sha256 (folders -> 'dir')."""
    out = {}
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site).as_posix()
        out[rel] = "dir" if path.is_dir() else hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def test_two_builds_are_byte_identical(project: Path, tmp_path: Path) -> None:
    first = build_site(project / "mkdocs.yml", tmp_path / "one")
    second = build_site(project / "mkdocs.yml", tmp_path / "two")
    files = sorted(p.relative_to(first).as_posix() for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second).as_posix() for p in second.rglob("*") if p.is_file())
    assert any(f.endswith(".html") for f in files)
    different = [f for f in files if _normalised(first / f) != _normalised(second / f)]
    assert different == [], _first_difference(first / different[0], second / different[0])


def _first_difference(a: Path, b: Path) -> str:
    x, y = _normalised(a), _normalised(b)
    at = next((i for i, (p, q) in enumerate(zip(x, y, strict=False)) if p != q), min(len(x), len(y)))
    return f"{a.name} differs at byte {at}: {x[max(0, at - 80) : at + 80]!r} vs {y[max(0, at - 80) : at + 80]!r}"


def _previous_site(project: Path, tmp_path: Path) -> tuple[Path, dict[str, str]]:
    site = build_site(project / "mkdocs.yml", tmp_path / "site")
    (site / "marker.txt").write_text("from the previous build\n", encoding="utf-8")
    return site, snapshot(site)


def _no_leftovers(site: Path) -> None:
    """No staging or backup folder is left beside the site."""
    assert sorted(p.name for p in site.parent.iterdir() if p.name.startswith(f".{site.name}.")) == []


def test_content_errors_leave_the_previous_site_untouched(project: Path, tmp_path: Path) -> None:
    site, before = _previous_site(project, tmp_path)
    lesson = project / "lessons" / "M1.yml"
    lesson.write_text(lesson.read_text(encoding="utf-8").replace("minutes: 20", "minutes: lots"), encoding="utf-8")
    with pytest.raises(ContentErrors) as info:  # raised through MkDocs for the caller to report
        build_site(project / "mkdocs.yml", site)
    assert "lessons/M1.yml:4:10: minutes:" in info.value.report()
    assert snapshot(site) == before
    _no_leftovers(site)


def test_a_build_failing_midway_leaves_the_previous_site_untouched(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mkdocs.commands import build as mkdocs_build

    site, before = _previous_site(project, tmp_path)
    real = mkdocs_build._build_page
    calls = []

    def failing(page, *args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(page.file.src_uri)
        if len(calls) == 3:  # two pages are already written into the staging folder
            raise RuntimeError("disk on fire")
        return real(page, *args, **kwargs)

    monkeypatch.setattr(mkdocs_build, "_build_page", failing)
    with pytest.raises(RuntimeError, match="disk on fire"):
        build_site(project / "mkdocs.yml", site)
    assert len(calls) == 3
    assert snapshot(site) == before
    _no_leftovers(site)


def test_a_failing_build_into_a_new_folder_creates_nothing(project: Path, tmp_path: Path) -> None:
    (project / "course.yml").write_text("id: mini\n", encoding="utf-8")
    with pytest.raises(ContentErrors):
        build_site(project / "mkdocs.yml", tmp_path / "fresh")
    assert not (tmp_path / "fresh").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".fresh.")]
