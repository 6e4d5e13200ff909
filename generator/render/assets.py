"""The runtime's static files: where they are served from and which pages load them."""

from __future__ import annotations

import functools
import posixpath
from importlib import resources

from .urls import page_url

#: Where the runtime's static files are served from, relative to the site root.
ASSET_DIR = "assets/courseware"
#: Loaded by every page (the MkDocs plugin adds them to extra_css and, deferred, extra_javascript):
#: glossary-term focus tooltips, contrast fixes, ✓ on passed quizzes in the navigation. A few hundred bytes.
SITE_FILES = ("site.css", "site.js")
#: Loaded only by pages with a widget: one script per kind of widget page, which the page links from its
#: own content (deferred; Material's instant navigation runs such a script when it swaps the page in).
WIDGET_SCRIPTS = {"quiz": "quiz.js", "drill": "drill.js", "progress": "progress.js"}
#: The widgets' stylesheet, written into each widget page rather than linked: a stylesheet linked from
#: the page's body holds up the parser (measured: worse LCP and TBT in Lighthouse than inline), and
#: inline it arrives with the page on instant navigation, so nothing shows unstyled.
WIDGET_CSS = "quiz.css"
#: The files a built site serves.
RUNTIME_FILES = (*SITE_FILES, *WIDGET_SCRIPTS.values())
#: The adapter an LMS package's launch page loads (generator/scorm/); never part of the site itself.
LMS_SCRIPT = "lms.js"
#: What esbuild makes from generator/runtime/ into generator/assets/ (`make runtime`).
BUILT_FILES = (*RUNTIME_FILES, WIDGET_CSS, LMS_SCRIPT)
#: Most bytes of runtime one page may load after `gzip -9`, its inline stylesheet included
#: (tests/test_runtime_budget.py and the bench check it).
RUNTIME_GZIP_BUDGET = 6_500


def page_files(kind: str) -> tuple[str, ...]:
    """The runtime a page with a widget of this kind loads: the site files, the inline stylesheet, its script."""
    return (*SITE_FILES, WIDGET_CSS, WIDGET_SCRIPTS[kind])


def built(name: str) -> bytes:
    """A file of the built runtime (generator/assets/)."""
    return resources.files("generator").joinpath("assets", name).read_bytes()


@functools.cache
def widget_css() -> str:
    """The widgets' minified stylesheet, to be written into a <style> element of the page."""
    css = built(WIDGET_CSS).decode("utf-8").strip()
    # Our own build output; this keeps it from ever ending the <style> element early.
    if "</" in css or "<!--" in css:
        raise ValueError(f"{WIDGET_CSS} must not contain '</' or '<!--'")
    return css


def asset_url(name: str, source: str, use_directory_urls: bool) -> str:
    """A link from page `source` (a Markdown path) to the runtime file `name`."""
    start = page_url(source, use_directory_urls)
    base_dir = start if start == "" or start.endswith("/") else posixpath.dirname(start)
    return posixpath.relpath(f"{ASSET_DIR}/{name}", base_dir or ".")
