"""`make serve-zensical`: Zensical's own live preview over the core's export, re-exported on edits."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

from ..errors import ContentErrors
from .build import prepare, read_config, zensical_command

#: How often content folders are scanned for edits (seconds).
POLL = 0.25


def serve(config_file: Path, dev_addr: str = "127.0.0.1:8000", course: str | None = None) -> None:
    """Export, start `zensical serve`, and export again whenever an author file changes."""
    generated, _ = prepare(config_file, course, drafts=True)
    server = subprocess.Popen(
        [*zensical_command(), "serve", "-f", str(generated), "-a", dev_addr], cwd=generated.parent
    )
    watched = _watched(config_file)
    seen = _stamp(watched)
    try:
        while server.poll() is None:
            time.sleep(POLL)
            now = _stamp(watched)
            if now != seen:
                seen = now
                try:
                    prepare(config_file, course, drafts=True)
                except ContentErrors as exc:  # keep serving the last good pages; say what is wrong
                    print(exc.report(), flush=True)
    finally:
        server.terminate()
        server.wait(timeout=10)


def _watched(config_file: Path) -> list[Path]:
    base = config_file.resolve().parent
    config = read_config(config_file)
    folders = ["lessons", "quizzes", "glossary", "courses", "course.yml", config.get("docs_dir", "docs")]
    return [base / f for f in folders] + [config_file.resolve()]


def _files(paths: list[Path]) -> Iterator[Path]:
    for path in paths:
        if path.is_file():
            yield path
        elif path.is_dir():
            yield from (p for p in path.rglob("*") if p.is_file())


def _stamp(paths: list[Path]) -> dict[Path, tuple[int, int]]:
    """Size and modification time of every watched file."""
    return {p: (s.st_mtime_ns, s.st_size) for p in _files(paths) if (s := p.stat())}
