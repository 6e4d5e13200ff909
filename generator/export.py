"""`export`: the course as plain files, for any static-site engine and for review.

Writes every generated Markdown page, the runtime assets, the JSON Schemas and the navigation
(`nav.yml`, a YAML fragment to paste under `nav:`) into a folder the generator owns. Nothing here
imports an engine: this is the path every other engine and exporter builds on.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from .load import Layout
from .output import check_output_dir, staging_for, swap_in
from .pipeline import BuildInputs, render_course
from .render.context import SiteOutput

#: The export's own file, also the sign that a folder is an earlier export it may replace.
NAV_FILE = "nav.yml"


def export_course(inputs: BuildInputs, target: Path) -> SiteOutput:
    """Render the course of `inputs` and write it under `target`, replacing an earlier export atomically.

    Raises:
        ContentErrors: every problem in the content (nothing is written).
        UnsafeOutput: `target` holds the project or author files.
    """
    output = render_course(inputs)
    layout: Layout = inputs.layout
    owned = [
        inputs.root / folder
        for folder in (layout.lessons, layout.quizzes, layout.glossary, layout.courses, "docs", ".git")
    ]
    owned += [inputs.templates_dir] if inputs.templates_dir else []
    check_output_dir(target, inputs.root, owned, marker=NAV_FILE)
    with staging_for(target) as staging:
        write_output(output, staging)
        swap_in(staging, target)
    return output


def write_output(output: SiteOutput, folder: Path) -> None:
    """Write pages, assets and nav.yml of `output` under `folder`."""
    for page in output.pages:
        _write(folder / page.path, page.markdown.encode("utf-8"))
    for path, data in output.assets.items():
        _write(folder / path, data)
    nav = yaml.safe_dump({"nav": output.nav}, allow_unicode=True, sort_keys=False)
    _write(folder / NAV_FILE, nav.encode("utf-8"))


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
