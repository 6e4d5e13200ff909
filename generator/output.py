"""Output folders: which folder a build may replace, and how a new site replaces the old one.

Any engine builds into a staging folder beside the target and calls `swap_in` only when it has
finished, so a failed or killed build leaves the previous site as it was. A build never replaces
a folder that holds the project, its content or its history.
"""

from __future__ import annotations

import ctypes
import errno
import os
import secrets
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class UnsafeOutput(Exception):
    """The requested output folder would replace something the build does not own."""


def check_output_dir(target: Path, project: Path, owned_by_author: list[Path], marker: str = "index.html") -> None:
    """Refuse an output folder that would replace or mix with the project's own files.

    `project` (the folder holding mkdocs.yml and the content) may contain the site but may not be
    it or lie inside it; `owned_by_author` (content, docs, templates, .git) may neither contain the
    site nor lie inside it. An existing folder is replaced only if it looks like an earlier output
    (it holds `marker`).
    """
    site = target.resolve()
    root = project.resolve()
    if site == root or site in root.parents:
        raise UnsafeOutput(
            f"the output folder {target} is the project folder or contains it; "
            "building there would delete the project. Choose a new folder such as 'site'"
        )
    for folder in owned_by_author:
        owned = folder.resolve()
        if site == owned or site in owned.parents or owned in site.parents:
            raise UnsafeOutput(
                f"the output folder {target} overlaps {display(folder, root)}, which holds your files; "
                "choose a folder outside it (such as 'site')"
            )
    if site.exists() and (not site.is_dir() or (any(site.iterdir()) and not (site / marker).is_file())):
        raise UnsafeOutput(
            f"{target} exists and is not an earlier build (no {marker}); the build replaces its "
            "whole output folder, so it refuses to delete this one. Remove it yourself or choose "
            "another folder"
        )


def display(path: Path, root: Path) -> str:
    """`path` relative to `root` where possible, for messages."""
    try:
        return path.resolve().relative_to(root).as_posix() or "."
    except ValueError:
        return str(path)


@contextmanager
def staging_for(target: Path) -> Iterator[Path]:
    """A fresh folder beside `target` to build into; removed if the build fails.

    Staging folders of builds that died (their process is gone) are removed first. The folder
    gets the permissions an ordinary `mkdir` gives (0755 under the usual umask), so the site can
    be copied to a web server as it is.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_stale(target)
    staging = target.with_name(f".{target.name}.building-{os.getpid()}-{secrets.token_hex(4)}")
    staging.mkdir(mode=0o777)
    try:
        yield staging
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def remove_stale(target: Path) -> list[Path]:
    """Remove staging folders beside `target` left by builds whose process no longer runs."""
    removed = []
    for candidate in target.parent.glob(f".{target.name}.*"):
        kind, _, rest = candidate.name[len(target.name) + 2 :].partition("-")
        if kind not in ("building", "previous") or not candidate.is_dir() or candidate.is_symlink():
            continue
        pid = rest.split("-", 1)[0]
        if pid.isdigit() and _alive(int(pid)):
            continue
        shutil.rmtree(candidate, ignore_errors=True)
        removed.append(candidate)
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def swap_in(staging: Path, target: Path) -> None:
    """Make `staging` the site at `target` in one step, then delete the previous site.

    Where the OS can exchange two paths atomically (Linux renameat2), a kill at any moment leaves
    either the old or the new site at `target`. Elsewhere the old site is first moved aside, and
    the window in which `target` is missing is two renames long.
    """
    if not target.exists():
        staging.rename(target)
        return
    if _exchange(staging, target):
        shutil.rmtree(staging)  # it now holds the previous site
        return
    previous = target.with_name(f".{target.name}.previous-{os.getpid()}-{secrets.token_hex(4)}")
    target.rename(previous)
    staging.rename(target)
    shutil.rmtree(previous)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically; False where the OS or filesystem cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(b))
