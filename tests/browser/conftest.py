"""Real-browser fixtures: the mini fixture site built once, served on its site_url, one Chromium.

Debian's /usr/bin/chromium is driven through Playwright (``playwright install`` cannot download
browsers here). A missing browser is a test failure, never a skip.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml

from generator.pdf.chromium import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "mini"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def _site_url() -> str:
    with open(FIXTURE / "mkdocs.yml", encoding="utf-8") as fh:
        # mkdocs.yml may hold !!python tags; only site_url is needed here.
        for line in fh:
            if line.startswith("site_url:"):
                return str(yaml.safe_load(line)["site_url"]).rstrip("/")
    raise AssertionError("the fixture's mkdocs.yml has no site_url")


FIXTURE_URL = _site_url()
#: CW_TEST_PORT moves the fixture site to another port, so two checkouts can run their browser tests at once.
BASE = (
    FIXTURE_URL.replace(f":{urlsplit(FIXTURE_URL).port}", f":{os.environ['CW_TEST_PORT']}", 1)
    if os.environ.get("CW_TEST_PORT")
    else FIXTURE_URL
)
ORIGIN = "{0.scheme}://{0.netloc}".format(urlsplit(BASE))


#: Every browser test runs against the site each engine builds from the same fixture project.
ENGINES = ["mkdocs", "zensical"]


@pytest.fixture(scope="session", params=ENGINES)
def engine(request: pytest.FixtureRequest) -> str:
    """The static-site engine that built the site under test."""
    return str(request.param)


@pytest.fixture(scope="session")
def site_dir(engine: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    import shutil

    project = tmp_path_factory.mktemp(f"project-{engine}") / "mini"
    shutil.copytree(FIXTURE, project)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(FIXTURE_URL, BASE, 1), encoding="utf-8")
    out = tmp_path_factory.mktemp(f"site-{engine}") / "site"
    if engine == "zensical":
        from generator.zensical.build import build_site_zensical

        return build_site_zensical(project / "mkdocs.yml", site_dir=out)
    from generator.mkdocs.build import build_site

    return build_site(project / "mkdocs.yml", site_dir=out)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextlib.contextmanager
def serve(folder: Path, host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
    """Serve `folder` over HTTP on host:port (port 0: a free one) and yield the origin it is reachable at.

    The folder may be filled after the server starts (a test can learn the port first and build a site
    whose site_url names it).
    """
    handler = functools.partial(_Quiet, directory=str(folder))
    httpd = http.server.ThreadingHTTPServer((host, port), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="session")
def serve_folder() -> Callable[..., contextlib.AbstractContextManager[str]]:
    """`serve` for tests that build a site of their own (pytest fixtures are how tests share code here)."""
    return serve


@pytest.fixture(scope="session")
def server(site_dir: Path) -> Iterator[str]:
    """Serve the site on the host and port of its site_url: instant navigation needs that origin."""
    parts = urlsplit(BASE)
    with serve(site_dir, parts.hostname or "127.0.0.1", parts.port or 80):
        yield BASE


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium package to run the browser tests")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Session:
    """One browser context: its page, every request it made and every script error it raised."""

    def __init__(self, context: Any, site_dir: Path) -> None:
        self.context = context
        self.site_dir = site_dir
        self.requests: list[str] = []
        self.errors: list[tuple[str, str]] = []
        #: Set where the page itself is expected to fail (Material's own code throws without localStorage):
        #: then only errors raised by the courseware runtime fail the test.
        self.only_runtime_errors = False
        context.on("request", lambda request: self.requests.append(request.url))
        self.page = context.new_page()
        self.page.on("pageerror", lambda exc: self.errors.append((str(exc), exc.stack or "")))

    def goto(self, path: str, *, mounted: bool = True) -> Any:
        self.page.goto(BASE + path)
        if mounted:
            self.page.wait_for_selector("[data-cw-mounted]", state="attached")
        return self.page

    def axe(self) -> list[dict[str, Any]]:
        """axe-core's violations on the current page (axe is injected inline: no network request)."""
        page = self.page
        # axe finds a text's background by hit-testing, and a question off screen is skipped
        # (content-visibility: auto in quiz.css) until it is scrolled near: rendered, it reads as a
        # trainee sees it. The colours come from the same rules either way. Skipped content also
        # missed a palette switch: shown now, its buttons start their colour transitions from the old
        # palette, so this comes before the wait below.
        page.evaluate(
            """() => document.getElementById('cw-test-visible') || document.head.appendChild(Object.assign(
                document.createElement('style'),
                {id: 'cw-test-visible', textContent: '.cw-q { content-visibility: visible !important; }'}))"""
        )
        # Let transitions (Material's header, button hovers) settle: axe measures colours as they are.
        page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")
        if not page.evaluate("typeof window.axe === 'object'"):
            page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
        result = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
        return [{"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]} for v in result]

    def palette(self, scheme: str) -> None:
        """Switch Material's palette as its toggle does (scheme, primary and accent on <body>).

        The fixture configures no palette, so Material's palette stylesheet is linked in first.
        """
        stylesheets = self.site_dir / "assets" / "stylesheets"
        css = next(stylesheets.rglob("palette.*.min.css")).relative_to(stylesheets).as_posix()
        self.page.evaluate(
            """([href, scheme]) => new Promise((done) => {
                document.body.setAttribute('data-md-color-scheme', scheme);
                document.body.setAttribute('data-md-color-primary', 'indigo');
                document.body.setAttribute('data-md-color-accent', 'indigo');
                if (document.querySelector('link[data-cw-palette]')) return done();
                const link = Object.assign(document.createElement('link'), {rel: 'stylesheet', href});
                link.dataset.cwPalette = '';
                link.onload = done;
                document.head.append(link);
            })""",
            [f"{BASE}/assets/stylesheets/{css}", scheme],
        )

    def saved(self, quiz_id: str) -> Any:
        """The quiz's record in localStorage."""
        return self.page.evaluate(f"JSON.parse(localStorage.getItem('cw:v1:quiz:{quiz_id}'))")

    def script_errors(self) -> list[str]:
        return [
            message
            for message, stack in self.errors
            if not self.only_runtime_errors or any(f"courseware/{js}" in stack for js in ("quiz.js", "dialogue.js"))
        ]

    def foreign(self) -> list[str]:
        return [
            u for u in self.requests if not (u.startswith(ORIGIN + "/") or u.startswith(("data:", "blob:", "about:")))
        ]


@pytest.fixture
def make_session(browser: Any, server: str, site_dir: Path) -> Iterator[Any]:
    """Factory of fresh contexts (fresh localStorage); each fails its test on foreign requests or JS errors."""
    sessions: list[Session] = []

    def make(**options: Any) -> Session:
        session = Session(browser.new_context(base_url=BASE, locale="zh-CN", **options), site_dir)
        session.context.set_default_timeout(5000)
        sessions.append(session)
        return session

    yield make
    problems = []
    for session in sessions:
        if session.foreign():
            problems.append(f"requests left {ORIGIN}: {session.foreign()}")
        if session.script_errors():
            problems.append(f"script errors: {session.script_errors()}")
        session.context.close()
    if problems:
        pytest.fail("; ".join(problems))


@pytest.fixture
def s(make_session: Any) -> Session:
    """The usual case: one fresh context with JavaScript on."""
    return make_session()
