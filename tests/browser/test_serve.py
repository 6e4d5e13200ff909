"""The live preview: a content error shows in the browser with its file and line; fixing it reloads."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers import MINI as FIXTURE


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """`python -m generator serve` on a copy of the fixture project; (project, base URL)."""
    project = tmp_path / "mini"
    shutil.copytree(FIXTURE, project)
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(base + "/lessons/M1/", timeout=2):
                break
        except OSError:
            time.sleep(0.2)
    else:
        server.kill()
        pytest.fail("the preview did not start: " + (server.stdout.read() if server.stdout else ""))
    yield project, base
    server.terminate()
    server.wait(timeout=20)


def test_an_error_shows_in_the_browser_and_a_fix_reloads(browser: Any, preview: tuple[Path, str]) -> None:
    project, base = preview
    page = browser.new_page()
    page.goto(base + "/lessons/M1/")
    assert "MAN 法则入门" in page.inner_text("h1")
    lesson = project / "lessons" / "M1.yml"
    good = lesson.read_text(encoding="utf-8")
    lesson.write_text(good.replace("minutes: 20", "minutes: lots"), encoding="utf-8")
    started = time.monotonic()
    page.wait_for_selector("text=lessons/M1.yml:4:10", timeout=15_000)
    shown = time.monotonic() - started
    assert "minutes" in page.inner_text(".cw-errors")
    lesson.write_text(good, encoding="utf-8")
    page.wait_for_selector("h1:has-text('MAN 法则入门')", timeout=15_000)
    page.close()
    assert shown <= 5, f"the error took {shown:.1f} s to show"


def test_the_preview_shows_a_draft_lesson(preview: tuple[Path, str]) -> None:
    """`draft: true` keeps a lesson out of builds (tests/test_scope.py) but not out of the preview."""
    from test_scope import M2, M2_QUIZ

    project, base = preview
    (project / "lessons/M2.yml").write_text(M2 + "draft: true\n", encoding="utf-8")
    (project / "quizzes/M2-quiz.yml").write_text(M2_QUIZ, encoding="utf-8")
    course = project / "course.yml"
    course.write_text(
        course.read_text(encoding="utf-8").replace("lessons: [M1]", "lessons: [M1, M2]"), encoding="utf-8"
    )
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(base + "/lessons/M2/", timeout=2) as response:
                assert "第二课" in response.read().decode("utf-8")
                break
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)
    with urllib.request.urlopen(base + "/", timeout=2) as response:
        assert "lessons/M2/" in response.read().decode("utf-8")
