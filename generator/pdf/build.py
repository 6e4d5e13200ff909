"""`make pdf`: the course's workbook and answer key as PDF files in dist/, each written atomically.

Reads mkdocs.yml for the course manifest, the language and the Markdown extensions (as the
Zensical adapter does), loads the content once and renders it in both editions.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import replace
from functools import partial
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ..pipeline import BuildInputs, load_course
from ..render.assets import WIDGET_CSS, built
from ..render.context import RenderContext
from ..render.markdown import DEFAULT_CONFIGS, DEFAULT_EXTENSIONS
from ..render.site import ASSET_DIR, INSTRUCTOR_CSS, PRINT_CSS, generate
from .book import Book, answer_key, render_book, workbook
from .chromium import PdfError, check_tools, print_book

PDF_CSS = "pdf.css"


def build_pdfs(config_file: Path, out_dir: Path | None = None, course: str | None = None) -> list[Path]:
    """Write `<course-id>-workbook.pdf` and `<course-id>-answer-key.pdf`; returns their paths.

    Raises:
        ContentErrors: problems in the content (nothing is written).
        PdfError: Chromium or the font is missing, or the book asked for something it may not fetch.
    """
    check_tools()
    base = config_file.resolve().parent
    project, course_model, settings = load_course(inputs_from_config(config_file, course))
    target = (out_dir or base / "dist").resolve()
    written = []
    for edition in ("trainee", "instructor"):
        ctx = RenderContext.create(project, course_model, replace(settings, edition=edition))
        output = generate(project, course_model, ctx.settings)
        files = dict(output.assets)
        # Quiz pages carry the widget stylesheet inline; the printed book links it as a file.
        files[f"{ASSET_DIR}/{WIDGET_CSS}"] = built(WIDGET_CSS)
        files[PDF_CSS] = resources.files("generator").joinpath("templates", "pdf", PDF_CSS).read_bytes()
        sheets = [f"{ASSET_DIR}/{WIDGET_CSS}", PRINT_CSS, *([INSTRUCTOR_CSS] if ctx.instructor else []), PDF_CSS]
        book: Book = (answer_key if ctx.instructor else workbook)(ctx, output, sheets)
        pdf = print_book(partial(render_book, ctx, book), files)
        written.append(_write(target / f"{course_model.id}-{book.kind}.pdf", pdf))
    return written


def inputs_from_config(config_file: Path, course: str | None = None) -> BuildInputs:
    """The build inputs mkdocs.yml describes (plain YAML; the courseware plugin's options)."""
    data = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise PdfError(f"{config_file} is not a mapping of settings")
    options: dict[str, Any] = {}
    for entry in data.get("plugins") or []:
        if (entry if isinstance(entry, str) else next(iter(entry), "")) == "courseware":
            options = {} if isinstance(entry, str) else dict(entry["courseware"] or {})
    extensions = data.get("markdown_extensions") or []
    names = [e if isinstance(e, str) else next(iter(e)) for e in extensions]
    configs = {next(iter(e)): dict(next(iter(e.values())) or {}) for e in extensions if isinstance(e, dict)}
    base = config_file.resolve().parent
    return BuildInputs(
        root=(base / options.get("root", ".")).resolve(),
        course=course or options.get("course", "course.yml"),
        language=(data.get("theme") or {}).get("language") or "en",
        markdown_extensions=names or list(DEFAULT_EXTENSIONS),
        markdown_configs=configs or dict(DEFAULT_CONFIGS),
        templates_dir=(base / options["templates_dir"]) if options.get("templates_dir") else None,
    )


def _write(path: Path, data: bytes) -> Path:
    """Write `path` whole or not at all: a reader never sees half a PDF."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}-{secrets.token_hex(4)}")
    try:
        partial.write_bytes(data)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return path
