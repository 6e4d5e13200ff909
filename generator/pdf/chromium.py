"""Print an HTML book to PDF with Debian's Chromium through Playwright, offline.

The book is served from memory on an origin that does not exist (`ORIGIN`); every request is
answered by a route handler, and one for any other origin is refused and reported, so printing
never touches the network. JavaScript is off: the printed pages are the server-rendered ones.

Chromium has no `target-counter()`, so the table of contents gets its page numbers in a second
pass: the first print's named destinations (one per chapter, the targets of the contents' links)
give each chapter's page, and the book is printed again with those numbers in place.
"""

from __future__ import annotations

import importlib.util
import io
import mimetypes
import os
import subprocess
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

#: An origin that cannot resolve (RFC 2606 .invalid): nothing is ever fetched from it.
ORIGIN = "https://courseware.invalid"
BOOK = "book.html"
#: Debian's chromium, and how every headless run of it here starts (the PDF printer, the browser tests
#: and the benchmarks import these: one place to change).
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless=new",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
#: Printing also turns off font hinting, so glyph widths in the PDF are the font's own.
PRINT_ARGS = [*CHROMIUM_ARGS, "--font-render-hinting=none"]
#: The PDF's text font. Chromium (Skia) embeds TrueType fonts as CID TrueType subsets but draws
#: CFF-based OpenType fonts such as Debian's Noto CJK as Type 3 glyph procedures, which are not a
#: font a printer or a PDF reader can use as one; so the books ask for a TrueType CJK font first.
PDF_FONT = "WenQuanYi Micro Hei"
FONT_PACKAGE = "fonts-wqy-microhei"


class PdfError(Exception):
    """The PDF could not be printed; the message says why and what to install."""


def check_tools() -> None:
    """Fail early, with the fix, when Playwright, pypdf, Chromium or the PDF font is missing."""
    for module in ("playwright", "pypdf"):
        if importlib.util.find_spec(module) is None:
            raise PdfError(f"the Python package {module} is missing: `make pdf` installs it (pip install -e '.[pdf]')")
    if not CHROMIUM.is_file():
        raise PdfError(f"{CHROMIUM} is missing: install Debian's chromium (`make pdf` does)")
    try:
        families = subprocess.run(
            ["fc-list", ":lang=zh", "family"], capture_output=True, text=True, timeout=60, check=False
        ).stdout
    except OSError:
        families = ""
    if PDF_FONT not in families:
        raise PdfError(
            f"the font {PDF_FONT!r} is missing: install Debian's {FONT_PACKAGE} (`make pdf` does); "
            "without it Chinese text would be drawn as Type 3 glyphs instead of an embedded font"
        )


def print_book(render: Callable[[dict[str, int]], str], files: dict[str, bytes]) -> bytes:
    """Print the book (see `_print_book`) in a thread of its own.

    Playwright's sync API refuses to run where an asyncio loop is running (a notebook, or a process
    that already drives a browser); a fresh thread has none.
    """
    result: list[bytes] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            result.append(_print_book(render, files))
        except BaseException as exc:  # handed back to the caller's thread
            errors.append(exc)

    worker = threading.Thread(target=run, name="courseware-pdf")
    worker.start()
    worker.join()
    if errors:
        raise errors[0]
    return result[0]


def _print_book(render: Callable[[dict[str, int]], str], files: dict[str, bytes]) -> bytes:
    """Print the book `render(pages)` returns, with `files` served beside it; returns the PDF.

    `render` gets chapter id -> page number (empty on the first pass) and returns the book's HTML.
    """
    from playwright.sync_api import sync_playwright

    served = dict(files)
    leaks: list[str] = []
    missing: list[str] = []

    def route(route: Any) -> None:
        url = str(route.request.url)
        if not url.startswith(ORIGIN + "/"):
            leaks.append(url)
            route.abort()
            return
        path = url[len(ORIGIN) + 1 :].split("#", 1)[0].split("?", 1)[0]
        data = served.get(path)
        if data is None:
            missing.append(path)
            route.fulfill(status=404, body=b"")
            return
        route.fulfill(status=200, body=data, content_type=mimetypes.guess_type(path)[0] or "application/octet-stream")

    pages: dict[str, int] = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=PRINT_ARGS)
        try:
            context = browser.new_context(java_script_enabled=False, service_workers="block")
            page = context.new_page()
            page.route("**/*", route)
            for _ in range(3):  # pagination settles after one pass with the real numbers
                served[BOOK] = render(pages).encode("utf-8")
                page.goto(f"{ORIGIN}/{BOOK}", wait_until="load")
                pdf: bytes = page.pdf(prefer_css_page_size=True, print_background=True, outline=True, tagged=True)
                found = chapter_pages(pdf)
                if found == pages:
                    break
                pages = found
        finally:
            browser.close()
    if leaks:
        raise PdfError(
            "the book asked for files from other origins, which printing never fetches: "
            + ", ".join(sorted(set(leaks)))
        )
    if missing:
        raise PdfError("the book refers to files that are not part of the course: " + ", ".join(sorted(set(missing))))
    return pdf


def chapter_pages(pdf: bytes) -> dict[str, int]:
    """Named destination -> 1-based page number, read from a PDF Chromium printed."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    pages = {}
    for name, dest in reader.named_destinations.items():
        number = reader.get_destination_page_number(dest)
        if number is not None:
            pages[name.lstrip("/")] = number + 1
    return pages
