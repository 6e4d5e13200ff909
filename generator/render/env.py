"""The Jinja environment: autoescaped, with an instructor override folder searched first."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

from jinja2 import BaseLoader, ChoiceLoader, Environment, FileSystemLoader, PackageLoader, StrictUndefined
from markupsafe import Markup

#: Python-Markdown's backslash-escapable characters (markdown.Markdown.ESCAPED_CHARS).
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!])")


def md_text(value: Any) -> Markup:
    """Author text made inert inside Markdown: HTML-escaped, then Markdown punctuation escaped."""
    return Markup(_MD_SPECIAL.sub(r"\\\1", html.escape(str(value), quote=False)))


def json_script(value: Any) -> Markup:
    """JSON safe to place inside <script type="application/json">: no '<', '>' or '&' survive."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def make_env(overrides: Path | None = None) -> Environment:
    """Templates from `overrides` (if given) win over the packaged ones, as Material's custom_dir."""
    loaders: list[BaseLoader] = [FileSystemLoader(str(overrides))] if overrides else []
    loaders.append(PackageLoader("generator", "templates"))
    env = Environment(
        loader=ChoiceLoader(loaders),
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
