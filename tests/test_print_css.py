"""The print stylesheet (linked for print media only, within its own size budget) and the site stylesheet
(written into the page by our theme override)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from bench.parts.size import gzip9
from generator.pipeline import BuildInputs, render_course
from generator.render.site import PRINT_CSS, PRINT_GZIP_BUDGET

MINI = Path(__file__).parent / "fixtures" / "mini"
LINK = re.compile(r'<link rel="stylesheet"[^>]*courseware-print\.css[^>]*>')


def test_print_stylesheet_is_shipped_within_its_budget() -> None:
    output = render_course(BuildInputs(root=MINI))
    css = output.assets[PRINT_CSS]
    assert css.startswith(b"/*") and b"@media print" in css
    # Every rule sits inside the one @media print block, so linking it plainly cannot touch screens.
    body = css.decode("utf-8").split("@media print {", 1)[1]
    assert body.rstrip().endswith("}") and "@media" not in body
    assert gzip9(css) <= PRINT_GZIP_BUDGET, f"print.css is {gzip9(css)} B gzip -9, budget {PRINT_GZIP_BUDGET}"


def test_every_page_links_it_for_print_media(make_project: Any, tmp_path: Path) -> None:
    site = make_project().build(tmp_path / "site")
    pages = sorted(site.rglob("index.html"))
    assert len(pages) >= 6
    for page in pages:
        links = LINK.findall(page.read_text(encoding="utf-8"))
        assert len(links) == 1 and 'media="print"' in links[0], page
    assert (site / PRINT_CSS).read_bytes() == render_course(BuildInputs(root=MINI)).assets[PRINT_CSS]


def test_a_projects_own_main_html_keeps_the_print_rules(make_project: Any, tmp_path: Path) -> None:
    """A custom main.html wins over ours; the stylesheet is then linked as extra_css instead."""
    project = make_project(
        mkdocs={"theme": {"custom_dir": "theme"}}, files={"theme/main.html": '{% extends "base.html" %}\n'}
    )
    page = (project.build(tmp_path / "site") / "index.html").read_text(encoding="utf-8")
    (link,) = LINK.findall(page)
    assert "media=" not in link


SITE_CSS_LINK = re.compile(r'<link rel="stylesheet"[^>]*courseware/site\.css[^>]*>')


def test_the_site_stylesheet_is_written_into_every_page(make_project: Any, tmp_path: Path) -> None:
    """A few hundred bytes are not worth a render-blocking request: <head> carries them."""
    site = make_project().build(tmp_path / "site")
    css = (site / "assets/courseware/site.css").read_text(encoding="utf-8")
    for page in sorted(site.rglob("index.html")):
        html = page.read_text(encoding="utf-8")
        head = html.split("</head>", 1)[0]
        assert f"<style>{css}</style>" in head, page
        assert not SITE_CSS_LINK.search(html), page


def test_with_a_projects_own_main_html_the_site_stylesheet_is_linked(make_project: Any, tmp_path: Path) -> None:
    project = make_project(
        mkdocs={"theme": {"custom_dir": "theme"}}, files={"theme/main.html": '{% extends "base.html" %}\n'}
    )
    page = (project.build(tmp_path / "site") / "index.html").read_text(encoding="utf-8")
    assert len(SITE_CSS_LINK.findall(page)) == 1
    assert "<style>.md-nav__link.cw-done" not in page
