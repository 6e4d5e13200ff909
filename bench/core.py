"""The generator's public functions the benchmarks call, imported in this one module only.

The core's package layout is about to move (``generator.build`` and ``generator.loader`` get new
homes); when it does, this file is the only one in bench/ that changes.
"""

from __future__ import annotations

from generator.build import BuildInputs, build_site, render_course
from generator.loader import load_project
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
    "render_course",
]
