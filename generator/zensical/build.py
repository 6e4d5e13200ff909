"""`make site-zensical`: the course built by Zensical from the core's export, swapped in atomically.

Zensical reads mkdocs.yml but runs no MkDocs plugin, so the pages the plugin would add are
written by the core (`export.write_output`) into a build folder the generator owns, next to a
copy of the hand-written docs and a configuration derived from the project's mkdocs.yml.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

from ..errors import warning_report
from ..export import NAV_FILE, write_output
from ..output import check_output_dir, remove_stale, swap_in
from ..pipeline import BuildInputs, render_course
from ..render.markdown import DEFAULT_CONFIGS, DEFAULT_EXTENSIONS
from ..render.site import ASSET_DIR, PRINT_CSS, SITE_FILES

#: The newest Zensical the registry serves with all its dependencies (0.0.74 and 0.1.x need a
#: zensical-ui release that is not published there).
ZENSICAL_VERSION = "0.0.73"
#: Where the generated docs tree and configuration are written, relative to mkdocs.yml.
WORK_DIR = Path("build") / "zensical"
#: Front matter that keeps a page out of Zensical's search index.
SEARCH_EXCLUDED = "---\nsearch:\n  exclude: true\n---\n\n"


class ZensicalError(Exception):
    """Zensical failed; the message holds its output."""


def read_config(config_file: Path) -> dict[str, Any]:
    """The project's mkdocs.yml as data (plain YAML: no Python tags)."""
    data = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ZensicalError(f"{config_file} is not a mapping of settings")
    return data


def prepare(config_file: Path, course: str | None = None, drafts: bool = False) -> tuple[Path, Path]:
    """Write the docs tree and the Zensical configuration; returns (configuration, site_dir).

    `drafts`: include lessons and quizzes marked `draft: true` (the live preview does).
    """
    base = config_file.resolve().parent
    config = read_config(config_file)
    options = _plugin_options(config)
    inputs = BuildInputs(
        root=(base / options.get("root", ".")).resolve(),
        course=course or options.get("course", "course.yml"),
        language=(config.get("theme") or {}).get("language") or "en",
        markdown_extensions=_extension_names(config) or list(DEFAULT_EXTENSIONS),
        markdown_configs=_extension_configs(config) or dict(DEFAULT_CONFIGS),
        templates_dir=(base / options["templates_dir"]) if options.get("templates_dir") else None,
        use_directory_urls=config.get("use_directory_urls", True),
        drafts=drafts,
    )
    output = render_course(inputs)  # content errors stop here, before anything is written
    # Zensical 0.0.73 indexes every block, data-search-exclude ones too (explanations, option
    # feedback): widget pages stay out of its search, by the front matter it documents.
    output.pages = [
        replace(page, markdown=SEARCH_EXCLUDED + page.markdown) if page.widget else page for page in output.pages
    ]
    if output.warnings:
        print(warning_report(output.warnings), file=sys.stderr, flush=True)
    work = base / WORK_DIR
    docs = work / "docs"
    if work.exists() and not (docs / NAV_FILE).is_file():
        raise ZensicalError(f"{work} exists but was not written by the generator; remove it or move it away")
    with tempfile.TemporaryDirectory(dir=base) as fresh:
        write_output(output, Path(fresh))
        _copy_hand_written(base / config.get("docs_dir", "docs"), Path(fresh))
        # Only what changed is rewritten, so a running `zensical serve` rebuilds just those pages.
        sync_tree(Path(fresh), docs)
    config["plugins"] = [p for p in config.get("plugins", []) if _plugin_name(p) != "courseware"]
    config["docs_dir"] = "docs"
    site_dir = (base / config.get("site_dir", "site")).with_name("site-zensical")
    config["site_dir"] = "site"  # Zensical builds inside its project folder; the result is moved out
    config.setdefault("nav", output.nav)
    if options.get("site_name_from_course", True):
        config["site_name"] = output.title
    # Every page gets the small site files; pages with a widget link the widget runtime themselves.
    for name in SITE_FILES:
        if name.endswith(".css"):
            config["extra_css"] = [*config.get("extra_css", []), f"{ASSET_DIR}/{name}"]
        else:  # deferred, as the MkDocs plugin links it: nothing on the page waits for it
            config["extra_javascript"] = [
                *config.get("extra_javascript", []),
                {"path": f"{ASSET_DIR}/{name}", "defer": True},
            ]
    # Zensical links extra_css without a media attribute; the file's rules sit inside @media print.
    config["extra_css"] = [*config.get("extra_css", []), PRINT_CSS]
    config.pop("not_in_nav", None)  # Zensical 0.0.73 does not read it; hand-written pages stay out of nav
    target = work / "mkdocs.yml"
    target.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target, site_dir


def build_site_zensical(config_file: Path, site_dir: Path | None = None, course: str | None = None) -> Path:
    """Build the course with Zensical into `site_dir` (default site-zensical/), atomically."""
    base = config_file.resolve().parent
    target = (site_dir or base / "site-zensical").resolve()
    check_output_dir(
        target,
        base,
        [
            base / "lessons",
            base / "quizzes",
            base / "glossary",
            base / "courses",
            base / "docs",
            base / ".git",
            base / WORK_DIR,
        ],
    )
    generated, _ = prepare(config_file, course)
    built = generated.parent / "site"
    done = subprocess.run(
        [*zensical_command(), "build", "--clean", "-f", str(generated)],
        cwd=generated.parent,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0 or not (built / "index.html").is_file():
        raise ZensicalError(f"zensical build failed:\n{done.stdout}{done.stderr}")
    # The finished site is renamed into place in one step, as `make site` does with MkDocs' output.
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_stale(target)
    swap_in(built, target)
    return target


def zensical_command() -> list[str]:
    """Zensical's command line from the running interpreter's environment."""
    script = Path(sys.executable).with_name("zensical")
    if not script.is_file():
        raise ZensicalError(f"zensical is not installed; `make site-zensical` installs zensical=={ZENSICAL_VERSION}")
    return [str(script)]


def sync_tree(source: Path, target: Path) -> None:
    """Make `target` hold exactly the files of `source`, touching only files that differ."""
    wanted = {p.relative_to(source) for p in source.rglob("*") if p.is_file()}
    for rel in sorted(wanted):
        data = (source / rel).read_bytes()
        path = target / rel
        if not path.is_file() or path.read_bytes() != data:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
    if target.is_dir():
        for path in sorted(target.rglob("*"), reverse=True):
            if path.is_file() and path.relative_to(target) not in wanted:
                path.unlink()
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()


def _copy_hand_written(source: Path, docs: Path) -> None:
    """Copy the hand-written pages beside the generated ones; a clash is an error, as in the plugin."""
    if not source.is_dir():
        return
    for path in sorted(source.rglob("*")):
        if path.is_dir():
            continue
        rel = path.relative_to(source)
        target = docs / rel
        if target.exists():
            raise ZensicalError(
                f"{source.name}/{rel.as_posix()} is a hand-written page, but the course generates "
                f"{rel.as_posix()}; rename or remove the hand-written one"
            )
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)


def _plugin_name(entry: Any) -> str:
    return entry if isinstance(entry, str) else next(iter(entry), "")


def _plugin_options(config: dict[str, Any]) -> dict[str, Any]:
    for entry in config.get("plugins", []):
        if _plugin_name(entry) == "courseware":
            return {} if isinstance(entry, str) else dict(entry["courseware"] or {})
    return {}


def _extension_names(config: dict[str, Any]) -> list[str]:
    return [e if isinstance(e, str) else next(iter(e)) for e in config.get("markdown_extensions", [])]


def _extension_configs(config: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {
        next(iter(e)): dict(next(iter(e.values())) or {})
        for e in config.get("markdown_extensions", [])
        if isinstance(e, dict)
    }
