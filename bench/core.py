"""The generator's public functions the benchmarks call, imported in this one module only."""

from __future__ import annotations

from generator.load import load_project
from generator.mkdocs.build import build_site
from generator.model.limits import markdown_problem
from generator.pipeline import BuildInputs, render_course
from generator.render.assets import WIDGET_CSS, built, widget_css
from generator.render.site import (
    ASSET_DIR,
    RUNTIME_FILES,
    RUNTIME_GZIP_BUDGET,
    SITE_FILES,
    RenderSettings,
    SiteOutput,
    generate,
    page_files,
)

__all__ = [
    "ASSET_DIR",
    "RUNTIME_FILES",
    "RUNTIME_GZIP_BUDGET",
    "SITE_FILES",
    "WIDGET_CSS",
    "BuildInputs",
    "RenderSettings",
    "SiteOutput",
    "build_site",
    "built",
    "generate",
    "load_project",
    "markdown_problem",
    "page_files",
    "render_course",
    "widget_css",
]
