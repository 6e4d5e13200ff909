"""The generator's public functions the benchmarks call, imported in this one module only."""

from __future__ import annotations

from generator.load import load_project
from generator.mkdocs.build import build_site
from generator.model.limits import markdown_problem
from generator.pipeline import BuildInputs, render_course
from generator.render.site import (
    ASSET_DIR,
    RUNTIME_FILES,
    RUNTIME_GZIP_BUDGET,
    RenderSettings,
    SiteOutput,
    generate,
)

__all__ = [
    "ASSET_DIR",
    "RUNTIME_FILES",
    "RUNTIME_GZIP_BUDGET",
    "BuildInputs",
    "RenderSettings",
    "SiteOutput",
    "build_site",
    "generate",
    "load_project",
    "markdown_problem",
    "render_course",
]
