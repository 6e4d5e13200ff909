"""The runtime's static files: where they are served from and which pages load them."""

from __future__ import annotations

import posixpath

from .urls import page_url

#: Where the runtime's static files are served from, relative to the site root.
ASSET_DIR = "assets/courseware"
#: Loaded by every page (the MkDocs plugin adds them to extra_css and, deferred, extra_javascript):
#: glossary-term focus tooltips, contrast fixes, ✓ on passed quizzes in the navigation. A few hundred bytes.
SITE_FILES = ("site.css", "site.js")
#: Loaded only by pages with a widget, which link them from their own content (Material's instant
#: navigation runs such a script when it swaps such a page in): the widgets' stylesheet, and one
#: script per kind of widget page.
WIDGET_CSS = "quiz.css"
WIDGET_SCRIPTS = {"quiz": "quiz.js", "drill": "drill.js", "progress": "progress.js"}
RUNTIME_FILES = (*SITE_FILES, WIDGET_CSS, *WIDGET_SCRIPTS.values())
#: Most bytes the runtime files one page loads may weigh together after `gzip -9`
#: (tests/test_runtime_budget.py and the bench check it).
RUNTIME_GZIP_BUDGET = 6_500


def page_files(kind: str) -> tuple[str, ...]:
    """The runtime files a page with a widget of this kind loads."""
    return (*SITE_FILES, WIDGET_CSS, WIDGET_SCRIPTS[kind])


def asset_url(name: str, source: str, use_directory_urls: bool) -> str:
    """A link from page `source` (a Markdown path) to the runtime file `name`."""
    start = page_url(source, use_directory_urls)
    base_dir = start if start == "" or start.endswith("/") else posixpath.dirname(start)
    return posixpath.relpath(f"{ASSET_DIR}/{name}", base_dir or ".")
