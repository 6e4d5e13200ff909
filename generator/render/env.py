"""The Jinja environment: autoescaped, with an instructor override folder searched first."""

from __future__ import annotations

import functools
import html
import json
import os
import re
from pathlib import Path
from types import TracebackType
from typing import Any

from jinja2 import (
    BaseLoader,
    BytecodeCache,
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PackageLoader,
    StrictUndefined,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
)
from jinja2.bccache import Bucket
from markupsafe import Markup

from ..errors import ContentError, display_path

#: Python-Markdown's backslash-escapable characters (markdown.Markdown.ESCAPED_CHARS).
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!])")


def md_text(value: Any) -> Markup:
    """Author text made inert inside Markdown: HTML-escaped, then Markdown punctuation escaped."""
    return Markup(_MD_SPECIAL.sub(r"\\\1", html.escape(str(value), quote=False)))


def json_script(value: Any) -> Markup:
    """JSON safe to place inside <script type="application/json">: no '<', '>' or '&' survive."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


class _MemoryBytecodeCache(BytecodeCache):
    """Compiled templates kept for the life of the process, keyed by file and checked against its
    source: an edited override is compiled afresh, an unchanged one is not compiled once per build
    (`serve` rebuilds, tests and the fuzz build many times in one process)."""

    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        data = self._store.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)  # ignored by Jinja when the source's checksum differs

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._store[bucket.key] = bucket.bytecode_to_string()


_BYTECODE = _MemoryBytecodeCache()


def make_env(overrides: Path | None = None) -> Environment:
    """Templates from `overrides` (if given) win over the packaged ones, as Material's custom_dir."""
    loaders: list[BaseLoader] = [FileSystemLoader(str(overrides))] if overrides else []
    loaders.append(PackageLoader("generator", "templates"))
    env = Environment(
        loader=ChoiceLoader(loaders),
        bytecode_cache=_BYTECODE,
        autoescape=True,
        undefined=StrictUndefined,
        auto_reload=False,  # one environment per build: no need to stat templates on every include
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md_text"] = md_text
    env.filters["json_script"] = json_script
    # Optional partials are looked up in this set: Jinja caches templates it found, but an
    # `include … ignore missing` of an absent one searches every loader again on each use.
    env.globals["templates"] = frozenset(env.list_templates())
    return env


def check_overrides(env: Environment, overrides: Path | None, root: Path) -> list[ContentError]:
    """Every override template that does not compile, as `file:line: message` errors."""
    if overrides is None:
        return []
    errors = []
    for name in FileSystemLoader(str(overrides)).list_templates():
        try:
            env.get_template(name)
        except TemplateSyntaxError as exc:
            errors.append(_error(Path(exc.filename or overrides / name), exc.lineno, _describe(exc), name, root))
        except (TemplateError, UnicodeDecodeError, OSError) as exc:
            errors.append(_error(overrides / name, 1, _describe(exc), name, root))
    return errors


def template_error(exc: BaseException, overrides: Path | None, root: Path) -> ContentError | None:
    """The override template and line an exception was raised in while rendering, or None.

    Jinja rewrites tracebacks so that a template's frames carry its file name and line; the innermost
    frame inside the override folder is the author's line. Errors that pass through no override are
    the generator's own and are left to propagate.
    """
    if overrides is None:
        return None
    folder = os.path.abspath(overrides)
    found: tuple[str, int] | None = None
    tb: TracebackType | None = exc.__traceback__
    while tb is not None:
        if _inside(tb.tb_frame.f_code.co_filename, folder):
            found = (tb.tb_frame.f_code.co_filename, tb.tb_lineno)
        tb = tb.tb_next
    if isinstance(exc, TemplateSyntaxError) and exc.filename and _inside(exc.filename, folder):
        found = (exc.filename, exc.lineno)  # an override included by another that does not compile
    if found is None:
        return None
    path = Path(os.path.abspath(found[0]))
    return _error(path, found[1], _describe(exc), path.relative_to(folder).as_posix(), root)


def _inside(filename: str, folder: str) -> bool:
    return os.path.abspath(filename).startswith(folder + os.sep)


def _describe(exc: BaseException) -> str:
    """Jinja's own words for its errors ("'x' is undefined"); the exception's name for any other."""
    if isinstance(exc, TemplateNotFound):
        return f"template {exc.name!r} not found: it is neither in the override folder nor packaged"
    if isinstance(exc, TemplateError) and exc.message:
        return exc.message
    return f"{type(exc).__name__}: {exc}"


def _error(path: Path, line: int, message: str, name: str, root: Path) -> ContentError:
    """An error at an override's line; column 0, as Jinja reports lines only."""
    if name in _packaged_templates():
        what = f"this file overrides the packaged template {name}"
    else:
        what = f"no packaged template is called {name}: this file is the override folder's own"
    return ContentError(display_path(path, root), max(line, 1), 0, "", f"{message} ({what})")


@functools.cache
def _packaged_templates() -> frozenset[str]:
    return frozenset(PackageLoader("generator", "templates").list_templates())
