"""A built site made into a single-SCO package: launch page, LMS adapter, imsmanifest.xml, one zip.

The site is built by an engine beforehand with file URLs and no instant navigation (the CLI uses
MkDocs with `mkdocs.packaged.package_overrides`); this module only adds what an LMS needs and lists
every file in the manifest. Nothing here imports an engine.
"""

from __future__ import annotations

import os
import secrets
import zipfile
from dataclasses import replace
from pathlib import Path
from typing import Literal
from urllib.parse import quote

from ..model import Course
from ..pipeline import BuildInputs, load_course
from ..render.assets import ASSET_DIR, LMS_SCRIPT, built
from ..render.env import make_env
from .data import lms_course

#: The package formats, with the SCORM version each declares.
STANDARDS: dict[str, Literal["1.2", "2004"]] = {"scorm12": "1.2", "scorm2004": "2004"}
#: The page the LMS opens (the manifest's resource href): it holds the adapter and the course's frame.
LAUNCH = "launch.html"
MANIFEST = "imsmanifest.xml"
#: The launch page's own words, in the course's interface language.
LAUNCH_TEXT = {
    "zh": {"missing": "没有找到学习平台（LMS）：课程照常使用，作答记录只保存在这个浏览器里。", "noscript": "打开课程"},
    "en": {
        "missing": "No LMS was found: the course works as usual, and your answers are kept in this browser only.",
        "noscript": "Open the course",
    },
}


def package_name(course: Course, fmt: str) -> str:
    """`<course-id>-scorm12.zip` or `<course-id>-scorm2004.zip`."""
    return f"{course.id}-{fmt}.zip"


def write_package(site: Path, inputs: BuildInputs, fmt: str, out_dir: Path) -> Path:
    """Package the built `site` of the course of `inputs` as `fmt` into `out_dir`; returns the zip's path.

    The zip is written whole or not at all. Raises ContentErrors for problems in the content.
    """
    standard = STANDARDS[fmt]
    project, course, settings = load_course(replace(inputs, use_directory_urls=False))
    files = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    pages = [f for f in files if f.endswith(".html") and f != "404.html"]
    data = lms_course(project, course, settings, standard, pages)
    env = make_env()
    script = f"{ASSET_DIR}/{LMS_SCRIPT}"
    language = settings.language if settings.language in LAUNCH_TEXT else "en"
    added = {
        LAUNCH: env.get_template("scorm/launch.html.j2")
        .render(
            language=language,
            title=course.title,
            data=data.model_dump(mode="json", by_alias=True),
            text=LAUNCH_TEXT[language],
            script=script,
        )
        .encode("utf-8"),
        script: built(LMS_SCRIPT),
    }
    listed = sorted({*files, *added})
    manifest = env.get_template(f"scorm/imsmanifest-{fmt}.xml.j2").render(
        identifier=f"cw-{course.id}-{fmt}",
        title=course.title,
        pass_mark=data.pass_mark,
        launch=LAUNCH,
        files=[quote(f) for f in listed],
    )
    target = out_dir / package_name(course, fmt)
    out_dir.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.{os.getpid()}-{secrets.token_hex(4)}")
    try:
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr(MANIFEST, manifest.encode("utf-8"))
            for name in listed:
                if name in added:
                    zf.writestr(name, added[name])
                else:
                    zf.write(site / name, name)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return target
