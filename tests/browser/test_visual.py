"""What a trainee sees of the bundled course: diagrams sized to be read, pages with no blank regions.

The bundled course (course.yml, lessons/, quizzes/) is built once into a temporary folder and served
on a free port; the geometry is measured in Chromium, and full-page screenshots are checked pixel by
pixel with Pillow.
"""

from __future__ import annotations

import functools
import http.server
import io
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 375, "height": 740}


def _lesson_diagrams() -> dict[str, int]:
    """Lesson id -> number of diagram blocks in it, for every lesson of the bundled course."""
    course = yaml.safe_load((ROOT / "course.yml").read_text(encoding="utf-8"))
    counts = {}
    for lesson_id in course["lessons"]:
        lesson = yaml.safe_load((ROOT / "lessons" / f"{lesson_id}.yml").read_text(encoding="utf-8"))
        counts[lesson_id] = sum(
            1
            for section in lesson.get("sections", [])
            for block in section.get("blocks", [])
            if block.get("type") == "diagram"
        )
    return counts


DIAGRAMS = _lesson_diagrams()
WITH_DIAGRAMS = [lesson for lesson, n in DIAGRAMS.items() if n]


def test_the_bundled_course_has_diagrams_to_measure() -> None:
    """Guard: the measurements below run over every flow, funnel and cycle the course has (14 since the
    second edition drew L1's three angles on customers as a table, not as nested layers)."""
    assert sum(DIAGRAMS.values()) >= 14, DIAGRAMS


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="session")
def course_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The bundled course, built into a temporary folder (never the repository's site/) and served."""
    from generator.mkdocs.build import build_site

    site = build_site(ROOT / "mkdocs.yml", site_dir=tmp_path_factory.mktemp("course") / "site")
    handler = functools.partial(_Quiet, directory=str(site))
    # A free port: the pages are opened by URL, so the site_url's port need not be free.
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def open_page(browser: Any, course_url: str) -> Iterator[Any]:
    """Factory of pages in fresh contexts; a script error or a request leaving the site fails the test."""
    contexts: list[Any] = []
    problems: list[str] = []

    def make(path: str, viewport: dict[str, int], scheme: str = "light") -> Any:
        context = browser.new_context(viewport=viewport, color_scheme=scheme, locale="zh-CN")
        context.set_default_timeout(5000)
        contexts.append(context)
        context.on(
            "request",
            lambda r: (
                None
                if r.url.startswith((course_url + "/", "data:", "blob:", "about:"))
                else problems.append(f"request left the site: {r.url}")
            ),
        )
        page = context.new_page()
        page.on("pageerror", lambda exc: problems.append(f"script error: {exc}"))
        page.goto(course_url + path)
        # Material follows the reader's colour scheme on the first visit: light -> default, dark -> slate.
        expected = "slate" if scheme == "dark" else "default"
        assert page.evaluate("document.body.dataset.mdColorScheme") == expected
        page.evaluate("document.fonts.ready.then(() => true)")
        return page

    yield make
    for context in contexts:
        context.close()
    if problems:
        pytest.fail("; ".join(problems))


# One measurement per diagram: how wide it is against the article, the smallest text as rendered,
# and every label that leaves the shape it sits in (corners of the label's box tested against the
# shape's fill, so a trapezoid or a rounded box counts, not only its bounding rectangle).
MEASURE = """() => {
  const article = document.querySelector('.md-content__inner') || document.querySelector('article');
  const articleWidth = article.getBoundingClientRect().width;
  return [...document.querySelectorAll('figure.cw-diagram')].map((figure, index) => {
    const svg = figure.querySelector('svg');
    const box = svg.getBoundingClientRect();
    // The shapes labels sit in (arrows are paths, never boxes; the arrowhead lives in <defs>).
    const shapes = [...svg.querySelectorAll('rect, polygon, circle, ellipse')].filter((s) => !s.closest('defs'));
    const texts = [...svg.querySelectorAll('text')];
    const fonts = texts.map((t) => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a);
    const overflows = [];
    for (const t of texts) {
      const b = t.getBBox();
      const point = (x, y) => { const p = svg.createSVGPoint(); p.x = x; p.y = y; return p; };
      const centre = point(b.x + b.width / 2, b.y + b.height / 2);
      const shape = shapes.find((s) => s.isPointInFill(centre));
      const corners = [point(b.x, b.y), point(b.x + b.width, b.y), point(b.x, b.y + b.height),
                       point(b.x + b.width, b.y + b.height)];
      if (!shape || !corners.every((c) => shape.isPointInFill(c))) {
        overflows.push({label: t.textContent, text: [b.x, b.y, b.width, b.height].map(Math.round),
                        shape: shape ? shape.outerHTML.slice(0, 120) : null});
      }
    }
    return {index, kind: figure.className.baseVal || figure.className, name: svg.getAttribute('aria-label'),
            width: box.width, left: box.left, right: box.right, height: box.height, articleWidth,
            minFont: Math.min(...fonts), texts: texts.length, overflows};
  });
}"""


def _measure(page: Any, lesson: str) -> list[dict[str, Any]]:
    diagrams = page.evaluate(MEASURE)
    assert len(diagrams) == DIAGRAMS[lesson], f"{lesson}: expected {DIAGRAMS[lesson]} diagrams, found {len(diagrams)}"
    return diagrams


@pytest.mark.parametrize("lesson", WITH_DIAGRAMS)
def test_diagrams_are_readable_at_desktop_width(open_page: Any, lesson: str) -> None:
    page = open_page(f"/lessons/{lesson}/", DESKTOP)
    problems = []
    for d in _measure(page, lesson):
        where = f"{lesson} diagram {d['index'] + 1} ({d['kind']})"
        if d["width"] < 0.6 * d["articleWidth"]:
            problems.append(f"{where}: {d['width']:.0f}px wide, under 60% of the article's {d['articleWidth']:.0f}px")
        if d["texts"] == 0 or d["minFont"] < 12:
            problems.append(f"{where}: smallest text renders at {d['minFont']:.1f}px (< 12px)")
        if d["overflows"]:
            problems.append(f"{where}: labels leave their shapes: {d['overflows']}")
        if not d["name"]:
            problems.append(f"{where}: no accessible name")
    assert not problems, "\n".join(problems)


def test_the_overflow_measure_sees_a_label_leaving_its_box(open_page: Any) -> None:
    """Guard for the checks above: a box narrowed under its label, or a funnel layer flattened, is reported."""
    page = open_page("/lessons/L2/", DESKTOP)
    assert [d["overflows"] for d in _measure(page, "L2")] == [[], [], []]
    page.evaluate("""() => {
        const rect = document.querySelector('.cw-diagram--flow rect');
        rect.setAttribute('x', Number(rect.getAttribute('x')) + Number(rect.getAttribute('width')) / 2 - 20);
        rect.setAttribute('width', 40);
        const layer = document.querySelector('.cw-diagram--funnel polygon');
        const [a, b, c, d] = layer.getAttribute('points').split(' ').map((p) => p.split(',').map(Number));
        layer.setAttribute('points', [a, b, [c[0], a[1] + 12], [d[0], a[1] + 12]].map((p) => p.join(',')).join(' '));
    }""")
    flow, funnel, cycle = (d["overflows"] for d in _measure(page, "L2"))
    assert len(flow) == 1 and len(funnel) == 1 and cycle == [], (flow, funnel, cycle)


@pytest.mark.parametrize("lesson", WITH_DIAGRAMS)
def test_diagrams_fit_a_phone(open_page: Any, lesson: str) -> None:
    page = open_page(f"/lessons/{lesson}/", PHONE)
    width = PHONE["width"]
    problems = []
    for d in _measure(page, lesson):
        where = f"{lesson} diagram {d['index'] + 1} ({d['kind']})"
        if d["left"] < 0 or d["right"] > width:
            problems.append(f"{where}: spans {d['left']:.0f}..{d['right']:.0f}px of a {width}px screen")
        if d["overflows"]:
            problems.append(f"{where}: labels leave their shapes: {d['overflows']}")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    if overflow > 0:
        problems.append(f"the page scrolls sideways by {overflow}px")
    assert not problems, "\n".join(problems)


CONTRAST = """() => {
  const parse = (c) => {
    const v = c.match(/[\\d.]+/g).map(Number);
    return [v[0], v[1], v[2], v.length > 3 ? v[3] : 1];
  };
  const bg = parse(getComputedStyle(document.body).backgroundColor);
  // A translucent colour is seen blended over the page.
  const over = ([r, g, b, a]) => [r, g, b].map((v, k) => v * a + bg[k] * (1 - a));
  const lum = (rgb) => {
    const [r, g, b] = rgb.map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (colour) => {
    const [x, y] = [lum(over(parse(colour))), lum(bg)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  return [...document.querySelectorAll('figure.cw-diagram svg')].map((svg) => ({
    text: Math.min(...[...svg.querySelectorAll('text')].map((t) => ratio(getComputedStyle(t).fill))),
    edge: Math.min(...[...svg.querySelectorAll('rect, polygon')].map((s) => ratio(getComputedStyle(s).stroke))),
  }));
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_diagram_colours_follow_the_palette(open_page: Any, scheme: str) -> None:
    """Labels contrast with the page (4.5:1) and box edges are visible (3:1) in both palettes."""
    page = open_page("/lessons/L2/", DESKTOP, scheme)
    measured = page.evaluate(CONTRAST)
    assert len(measured) == DIAGRAMS["L2"]
    for m in measured:
        assert m["text"] >= 4.5 and m["edge"] >= 3, f"{scheme}: {measured}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_diagrams_have_no_axe_violations(open_page: Any, scheme: str) -> None:
    """axe-core over the diagrams of the lesson with all three kinds (name, role, contrast)."""
    page = open_page("/lessons/L2/", DESKTOP, scheme)
    page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")
    page.add_script_tag(content=(ROOT / "node_modules" / "axe-core" / "axe.min.js").read_text(encoding="utf-8"))
    result = page.evaluate("""async () => {
        const r = await axe.run({include: [['figure.cw-diagram']]}, {resultTypes: ['violations']});
        return {checked: r.passes.length, violations: r.violations.map((v) => [v.id, v.help, v.nodes.length])};
    }""")
    assert result["checked"] > 0 and result["violations"] == [], result


# --- full-page screenshots -----------------------------------------------------------------------

# The blocks of a page: the article's children, and the children of the runtime's widgets (a quiz or
# the progress page is one child of the article). Blocks the runtime hides on purpose ([hidden], a
# <noscript> with scripts on, a <template>) are left out; any other block must take up room.
BLOCKS = """() => {
  const article = document.querySelector('article');
  const blocks = [];
  for (const child of article.children) {
    blocks.push(child);
    if (child.matches('.cw-quiz, .cw-progress, .cw-drill')) blocks.push(...child.children);
  }
  const a = article.getBoundingClientRect();
  return {
    article: {x: a.left + scrollX, y: a.top + scrollY, width: a.width, height: a.height},
    blocks: blocks
      .filter((b) => !b.hidden && !['TEMPLATE', 'NOSCRIPT', 'SCRIPT', 'STYLE'].includes(b.tagName))
      .map((b) => { const r = b.getBoundingClientRect();
                    return {tag: b.tagName, cls: String(b.className), text: b.textContent.trim().slice(0, 40),
                            x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height}; }),
  };
}"""


def _answer_one_question(page: Any) -> None:
    """Answer L1-quiz's first question wrongly, so the progress page has a mistake to list."""
    first = page.locator("#L1-q01")
    first.locator("input[value='1']").check()  # option 0 is right; options are shuffled, so go by value
    first.locator("[data-cw-action=check]").click()
    first.locator("[data-cw-status]:not(:empty)").wait_for()


def _distinct_colours(image: Any) -> int:
    colours = image.convert("RGB").getcolors(maxcolors=1 << 16)
    return len(colours) if colours is not None else 1 << 16


def _drawn_share(image: Any, box: tuple[int, int, int, int], background: tuple[int, ...]) -> float:
    """Share of the pixels in `box` that differ clearly from the page's background colour."""
    from PIL import Image, ImageChops

    crop = image.crop(box).convert("RGB")
    if not crop.width or not crop.height:
        return 0.0
    red, green, blue = ImageChops.difference(crop, Image.new("RGB", crop.size, background)).split()
    distance = ImageChops.lighter(ImageChops.lighter(red, green), blue)
    return distance.point(lambda v: 255 if v > 24 else 0).histogram()[255] / (crop.width * crop.height)


def _blank_regions(
    image: Any, layout: dict[str, Any], diagrams: list[list[float]], background: tuple[int, ...]
) -> list[str]:
    """Collapsed blocks, blocks that are one flat colour, a flat article, diagrams that draw nothing."""

    def pixels(x: float, y: float, width: float, height: float) -> Any:
        return image.crop((round(x), round(y), round(x + width), round(y + height)))

    problems = []
    for block in layout["blocks"]:
        if block["tag"].lower() in ("link", "script", "style", "template", "meta"):
            continue  # not drawn: a widget page links its own stylesheet and script in the article
        label = f"<{block['tag'].lower()} class={block['cls']!r}> {block['text']!r}"
        if block["height"] <= 0 or block["width"] <= 0:
            problems.append(f"{label} is collapsed ({block['width']:.0f}x{block['height']:.0f})")
        # Thinner blocks (a rule, a spacer) are too thin to judge by their pixels.
        elif (
            block["height"] >= 8
            and _distinct_colours(pixels(block["x"], block["y"], block["width"], block["height"])) < 2
        ):
            problems.append(f"{label} is a flat colour in the screenshot")
    a = layout["article"]
    if _distinct_colours(pixels(a["x"], a["y"], a["width"], a["height"])) < 16:
        problems.append("the article is (nearly) one flat colour")
    for box in diagrams:
        share = _drawn_share(image, (round(box[0]), round(box[1]), round(box[2]), round(box[3])), background)
        if share < 0.02:
            problems.append(f"the diagram at {box} is (nearly) blank: {share:.1%} of its pixels drawn")
    return problems


DIAGRAM_BOXES = """() => [...document.querySelectorAll('figure.cw-diagram svg')].map((s) => {
  const r = s.getBoundingClientRect();
  return [r.left + scrollX, r.top + scrollY, r.right + scrollX, r.bottom + scrollY];
})"""

# Page -> (path, whether the quiz runtime mounts a widget there). Lessons in both palettes at both
# widths (a flow; a flow, a funnel and a cycle); the runtime's pages at 1280 px light and 375 px dark.
SCREENSHOT_PAGES = {
    "lesson-flow": ("/lessons/L3/", False),
    "lesson-all-kinds": ("/lessons/L2/", False),
    "quiz": ("/quizzes/L1-quiz/", True),
    "exercises": ("/quizzes/L1-exercises/", True),
    "progress": ("/progress/", True),
}
SCREENSHOTS = [
    pytest.param(name, viewport, scheme, id=f"{name}-{viewport['width']}-{scheme}")
    for name, (_, widget) in SCREENSHOT_PAGES.items()
    for viewport, scheme in (
        [(DESKTOP, "light"), (PHONE, "dark")]
        if widget
        else [(DESKTOP, "light"), (DESKTOP, "dark"), (PHONE, "light"), (PHONE, "dark")]
    )
]


def test_the_blank_checks_see_a_blank_diagram_and_a_collapsed_block(open_page: Any, tmp_path: Path) -> None:
    """Guard for the screenshot test: break a lesson page on purpose and expect each break reported."""
    from PIL import Image

    page = open_page("/lessons/L2/", DESKTOP)
    page.evaluate("""() => {
        document.querySelector('.cw-diagram--cycle svg').style.visibility = 'hidden';
        const table = document.querySelector('article > .cw-table');
        table.style.height = '0';
        table.style.overflow = 'hidden';
        document.querySelector('article > .admonition').style.color = 'transparent';
        document.querySelector('article > .admonition').style.background = 'none';
        document.querySelector('article > .admonition').style.border = 'none';
        document.querySelector('article > .admonition').style.boxShadow = 'none';
        document.querySelectorAll('article > .admonition > .admonition-title').forEach((t) => t.remove());
    }""")
    shot = tmp_path / "broken.png"
    page.screenshot(path=str(shot), full_page=True)
    problems = _blank_regions(Image.open(shot), page.evaluate(BLOCKS), page.evaluate(DIAGRAM_BOXES), (255, 255, 255))
    assert len(problems) == 3, problems
    assert "cw-table" in problems[0] + problems[1] and "collapsed" in problems[0] + problems[1], problems
    assert "admonition" in problems[0] + problems[1] and "flat colour" in problems[0] + problems[1], problems
    assert "diagram" in problems[2] and "blank" in problems[2], problems


@pytest.mark.parametrize(("name", "viewport", "scheme"), SCREENSHOTS)
def test_page_screenshot_has_no_blank_regions(
    open_page: Any, tmp_path: Path, name: str, viewport: dict[str, int], scheme: str
) -> None:
    from PIL import Image

    path, widget = SCREENSHOT_PAGES[name]
    if name == "progress":
        page = open_page("/quizzes/L1-quiz/", viewport, scheme)
        page.wait_for_selector("[data-cw-quiz][data-cw-mounted]", state="attached")
        _answer_one_question(page)
        page.goto(page.url.split("/quizzes/")[0] + path)
    else:
        page = open_page(path, viewport, scheme)
    if widget:
        page.wait_for_selector("[data-cw-mounted]", state="attached")
    if name == "progress":
        page.locator("[data-cw-mistakes] a").first.wait_for()  # the answered question is listed

    shot = tmp_path / f"{name}-{viewport['width']}-{scheme}.png"
    page.screenshot(path=str(shot), full_page=True)
    image = Image.open(io.BytesIO(shot.read_bytes()))
    layout = page.evaluate(BLOCKS)
    assert layout["article"]["height"] >= 400, f"the article is only {layout['article']['height']:.0f}px high"
    assert len(layout["blocks"]) >= 2
    background = tuple(
        int(float(v))
        for v in re.findall(r"[\d.]+", page.evaluate("getComputedStyle(document.body).backgroundColor"))[:3]
    )
    problems = _blank_regions(image, layout, page.evaluate(DIAGRAM_BOXES), background)
    assert not problems, f"{shot}:\n" + "\n".join(problems)
