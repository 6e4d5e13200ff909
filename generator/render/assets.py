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
WIDGET_SCRIPTS = {
    "quiz": "quiz.js",
    "drill": "drill.js",
    "progress": "progress.js",
    "exam": "exam.js",
    "certificate": "certificate.js",
    #: A quiz page with a dialogue loads this instead of "quiz.js": the quiz runtime plus the conversation,
    #: so that quiz pages without one stay within the budget.
    "dialogue": "dialogue.js",
}
#: The widgets' stylesheet, written into each widget page rather than linked: a stylesheet linked from
#: the page's body holds up the parser (measured: worse LCP and TBT in Lighthouse than inline), and
#: inline it arrives with the page on instant navigation, so nothing shows unstyled.
WIDGET_CSS = "quiz.css"
#: Widgets with a stylesheet of their own instead (the certificate: its page and its print layout).
WIDGET_STYLES = {"certificate": "certificate.css"}
#: The conversation's own styles, written into dialogue pages only, after the widgets' stylesheet.
DIALOGUE_CSS = "dialogue.css"
#: The files a built site serves.
RUNTIME_FILES = (*SITE_FILES, *WIDGET_SCRIPTS.values())
#: The adapter an LMS package's launch page loads (generator/scorm/); never part of the site itself.
LMS_SCRIPT = "lms.js"
#: What esbuild makes from generator/runtime/ into generator/assets/ (`make runtime`).
BUILT_FILES = (*RUNTIME_FILES, WIDGET_CSS, DIALOGUE_CSS, *WIDGET_STYLES.values(), LMS_SCRIPT)
#: Most bytes of runtime one page may load after `gzip -9`, its inline stylesheet included
#: (tests/test_runtime_budget.py and the bench check it).
RUNTIME_GZIP_BUDGET = 6_500
#: The final exam's page loads the quiz runtime plus the blueprint's draw: one page of the course, so its
#: own, larger budget keeps the extra code out of every quiz page.
EXAM_GZIP_BUDGET = 7_500
#: What a page with a dialogue may load beyond RUNTIME_GZIP_BUDGET: the conversation's script and styles.
DIALOGUE_GZIP_EXTRA = 2_500


def page_files(kind: str) -> tuple[str, ...]:
    """The runtime a page with a widget of this kind loads: the site files, the inline stylesheet, its script."""
    if kind in WIDGET_STYLES:
        return (*SITE_FILES, WIDGET_STYLES[kind], WIDGET_SCRIPTS[kind])
    extra = (DIALOGUE_CSS,) if kind == "dialogue" else ()
    return (*SITE_FILES, WIDGET_CSS, *extra, WIDGET_SCRIPTS[kind])


def built(name: str) -> bytes:
    """A file of the built runtime (generator/assets/)."""
    return resources.files("generator").joinpath("assets", name).read_bytes()


@functools.cache
def widget_css(name: str = WIDGET_CSS) -> str:
    """A widget's minified stylesheet (default: the quiz, drill and progress widgets'), to be written into a
    <style> element of the page."""
    css = built(name).decode("utf-8").strip()
    # Our own build output; this keeps it from ever ending the <style> element early.
    if "</" in css or "<!--" in css:
        raise ValueError(f"{name} must not contain '</' or '<!--'")
    return css


def asset_url(name: str, source: str, use_directory_urls: bool) -> str:
    """A link from page `source` (a Markdown path) to the runtime file `name`."""
    start = page_url(source, use_directory_urls)
    base_dir = start if start == "" or start.endswith("/") else posixpath.dirname(start)
    return posixpath.relpath(f"{ASSET_DIR}/{name}", base_dir or ".")
