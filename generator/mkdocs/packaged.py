"""The MkDocs settings of a site that runs inside an LMS package (`package --format scorm12|scorm2004`).

An LMS serves a package's files from its own file server, often in an iframe and behind a firewall:
pages are linked as files (lessons/L1.html; an LMS may not resolve lessons/L1/), every page is a
full load (no instant navigation, which also needs the site's own origin), and nothing may come
from another origin: no web fonts, no analytics, no repository facts fetched from GitHub, and no
`offline` plugin (it makes search load a script from a CDN). Search stays: Material runs it in a
worker from the package's own files.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

#: Plugins that would make pages request another origin inside the LMS.
_DROPPED_PLUGINS = ("offline", "material/offline")
#: Settings that make Material fetch from or link to the site's public home (a canonical link, repository facts).
_DROPPED_SETTINGS = ("site_url", "repo_url", "repo_name", "edit_uri")


def package_overrides(config_file: Path) -> dict[str, Any]:
    """Top-level settings of `config_file` (plain YAML) changed for a site inside an LMS package."""
    data = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{config_file} is not a mapping of settings")
    theme = data.get("theme") or {}
    theme = dict(theme) if isinstance(theme, dict) else {"name": theme}
    theme["features"] = [f for f in theme.get("features") or [] if not str(f).startswith("navigation.instant")]
    theme["font"] = False
    plugins = [p for p in data.get("plugins") or [] if _plugin_name(p) not in _DROPPED_PLUGINS]
    extra = {k: v for k, v in (data.get("extra") or {}).items() if k not in ("analytics", "consent")}
    overrides: dict[str, Any] = {"use_directory_urls": False, "theme": theme, "plugins": plugins, "extra": extra}
    # Empty, not None: MkDocs ignores overrides that are None.
    return overrides | {name: "" for name in _DROPPED_SETTINGS if name in data}


def _plugin_name(entry: Any) -> str:
    return entry if isinstance(entry, str) else next(iter(entry), "")
