"""Builds are reproducible and atomic; broken files give one exact, well-placed error."""

from __future__ import annotations

import gzip
import hashlib
import re
import shutil
from pathlib import Path

import pytest

from generator.mkdocs.build import build_site
from generator.errors import ContentError, ContentErrors
from generator.load import load_project

MINI = Path(__file__).parent / "fixtures" / "mini"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "mini"
    shutil.copytree(MINI, root)
    return root


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
    at = next((i for i, (p, q) in enumerate(zip(x, y)) if p != q), min(len(x), len(y)))
    return f"{a.name} differs at byte {at}: {x[max(0, at - 80):at + 80]!r} vs {y[max(0, at - 80):at + 80]!r}"


def _previous_site(project: Path, tmp_path: Path) -> tuple[Path, dict[str, str]]:
    site = build_site(project / "mkdocs.yml", tmp_path / "site")
    (site / "marker.txt").write_text("from the previous build\n", encoding="utf-8")
    return site, snapshot(site)


def _no_leftovers(site: Path) -> None:
    """No staging or backup folder is left beside the site."""
    assert sorted(p.name for p in site.parent.iterdir() if p.name.startswith(f".{site.name}.")) == []


def test_content_errors_leave_the_previous_site_untouched(project: Path, tmp_path: Path,
                                                          caplog: pytest.LogCaptureFixture) -> None:
    site, before = _previous_site(project, tmp_path)
    lesson = project / "lessons" / "M1.yml"
    lesson.write_text(lesson.read_text(encoding="utf-8").replace("minutes: 20", "minutes: lots"), encoding="utf-8")
    with pytest.raises(Exception):  # MkDocs turns the plugin's error into its own Abort
        build_site(project / "mkdocs.yml", site)
    assert "lessons/M1.yml:4:10: minutes:" in caplog.text
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
    with pytest.raises(Exception, match="disk on fire"):
        build_site(project / "mkdocs.yml", site)
    assert len(calls) == 3
    assert snapshot(site) == before
    _no_leftovers(site)


def test_a_failing_build_into_a_new_folder_creates_nothing(project: Path, tmp_path: Path) -> None:
    (project / "course.yml").write_text("id: mini\n", encoding="utf-8")
    with pytest.raises(Exception):
        build_site(project / "mkdocs.yml", tmp_path / "fresh")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mini"]


BROKEN = {
    "empty file": (b"", 1, 1, "file is empty; expected a mapping of fields (e.g. id: …, title: …)"),
    "only comments": (b"# TODO\n\n", 1, 1, "file is empty; expected a mapping of fields (e.g. id: …, title: …)"),
    "a list": (b"- id: M1\n- title: x\n", 1, 1, "expected a mapping of fields, found a list"),
    "a scalar": ("就一句话\n".encode(), 1, 1, "expected a mapping of fields, found the value '就一句话'"),
    "not UTF-8": ("id: M1\ntitle: 标题\n".encode() + b"summary: ab\xffcd\n", 3, 12,
                  "not valid UTF-8 (byte 0xff); save the file as UTF-8"),
    "GBK": ("id: M1\ntitle: 标题\n".encode("gbk"), 2, 8, "not valid UTF-8 (byte 0xb1); save the file as UTF-8"),
    "tab indent": (b"id: M1\ntitle: x\nobjectives:\n\t- id: a\n", 4, 1,
                   "invalid YAML while scanning for the next token: found character '\\t' that cannot start any "
                   "token (this line contains a tab; YAML indentation must use spaces)"),
    "tab before a key": (b"id: M1\nsections:\n  - title: x\n    body: y\n\t  blocks: []\n", 5, 1,
                         "invalid YAML while scanning for the next token: found character '\\t' that cannot "
                         "start any token (this line contains a tab; YAML indentation must use spaces)"),
}


@pytest.mark.parametrize("content,line,column,message", BROKEN.values(), ids=BROKEN.keys())
def test_broken_file_gives_one_exact_error(project: Path, content: bytes, line: int, column: int,
                                           message: str) -> None:
    (project / "lessons" / "M1.yml").write_bytes(content)
    with pytest.raises(ContentErrors) as info:
        load_project(project)
    assert info.value.errors == [ContentError("lessons/M1.yml", line, column, "", message)]
