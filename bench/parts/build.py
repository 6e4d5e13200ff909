"""(c) Build overhead: the bundled course's full build against a plain MkDocs build of the same pages.

The generator's pages and assets (from the core's `render_course`) are written to disk next to the
hand-written pages and built by MkDocs without the courseware plugin, but with the plugin's navigation
and runtime links. Both builds run as child processes, so both pay for interpreter start-up; they
alternate, and the child CPU time of each variant is reported as a median.
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bench import ROOT
from bench.core import ASSET_DIR, SITE_FILES, BuildInputs, SiteOutput, render_course
from bench.report import Row, fmt_s

#: Target from the issue: the full build within 1.10× the plain MkDocs build of the same pages.
OVERHEAD = 1.10
PLUGIN = "courseware"
CONFIG = ROOT / "mkdocs.yml"


@dataclass
class Samples:
    """CPU and wall seconds of the repeated builds of one variant."""

    cpu: list[float] = field(default_factory=list)
    wall: list[float] = field(default_factory=list)

    def text(self) -> str:
        """Median CPU time with its spread, and median wall time."""
        return (
            f"CPU {fmt_s(statistics.median(self.cpu))} (spread {fmt_s(min(self.cpu))}–{fmt_s(max(self.cpu))}, "
            f"n={len(self.cpu)}); wall median {fmt_s(statistics.median(self.wall))}"
        )


def timed(args: list[str]) -> tuple[float, float, subprocess.CompletedProcess[str]]:
    """Run a command from the repository root; (wall seconds, CPU seconds of the child, result)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    # The root first on the path, so the child imports this checkout's generator and bench.
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    done = subprocess.run(args, check=False, cwd=ROOT, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), done


def _plugin_options(raw: dict[str, Any]) -> dict[str, Any] | None:
    """The courseware plugin's options in a parsed mkdocs.yml, or None when it is not listed."""
    for plugin in raw.get("plugins", []):
        name = plugin if isinstance(plugin, str) else next(iter(plugin))
        if name == PLUGIN:
            return {} if isinstance(plugin, str) else dict(plugin[name] or {})
    return None


def _config(raw: dict[str, Any], *, search: bool, courseware: bool, docs: Path) -> dict[str, Any]:
    """A copy of the parsed root mkdocs.yml usable from another folder, with or without two plugins."""
    out = dict(raw, docs_dir=str(docs))
    plugins: list[Any] = []
    for plugin in raw.get("plugins", []):
        name = plugin if isinstance(plugin, str) else next(iter(plugin))
        options = {} if isinstance(plugin, str) else dict(plugin[name] or {})
        if (name == "search" and not search) or (name == PLUGIN and not courseware):
            continue
        if name == PLUGIN:
            options["root"] = str((ROOT / options.get("root", ".")).resolve())
            if options.get("templates_dir"):
                options["templates_dir"] = str(ROOT / options["templates_dir"])
        plugins.append({name: options} if options else name)
    out["plugins"] = plugins
    return out


def render_bundled(raw: dict[str, Any]) -> SiteOutput:
    """The bundled course as the plugin renders it: same manifest, language, Markdown and templates."""
    from mkdocs.config import load_config

    # MkDocs adds its built-in Markdown extensions to the listed ones; the plugin hands on that full list.
    config = load_config(str(CONFIG))
    options = _plugin_options(raw) or {}
    return render_course(
        BuildInputs(
            root=(ROOT / options.get("root", ".")).resolve(),
            course=options.get("course", "course.yml"),
            language=config.theme.get("language") or "en",
            markdown_extensions=list(config.markdown_extensions),
            markdown_configs=dict(config.mdx_configs),
            templates_dir=ROOT / options["templates_dir"] if options.get("templates_dir") else None,
            use_directory_urls=config.use_directory_urls,
        )
    )


def plain_config(raw: dict[str, Any], output: SiteOutput, docs: Path, *, search: bool) -> dict[str, Any]:
    """mkdocs.yml without the plugin, carrying what the plugin would add: nav, site name, runtime links."""
    config = _config(raw, search=search, courseware=False, docs=docs)
    config["nav"] = raw.get("nav") or output.nav
    if (_plugin_options(raw) or {}).get("site_name_from_course", True):
        config["site_name"] = output.title
    # The plugin adds the site files to every page (the script deferred); widget pages link the rest.
    config["extra_css"] = list(raw.get("extra_css", [])) + [
        f"{ASSET_DIR}/{n}" for n in SITE_FILES if n.endswith(".css")
    ]
    config["extra_javascript"] = list(raw.get("extra_javascript", [])) + [
        {"path": f"{ASSET_DIR}/{n}", "defer": True} for n in SITE_FILES if n.endswith(".js")
    ]
    return config


def write_plain_docs(output: SiteOutput, hand_written: Path, docs: Path) -> None:
    """The hand-written pages plus the generated pages and assets, as ordinary files in `docs`."""
    shutil.copytree(hand_written, docs)
    files = [(p.path, p.markdown.encode("utf-8")) for p in output.pages] + list(output.assets.items())
    for path, data in files:
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_bytes(data)


def run(tmp: Path, repeats: int) -> list[Row]:
    """Alternate the four builds `repeats` times; rows for each variant, the overheads and search's share."""
    raw = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))
    output = render_bundled(raw)
    hand_written = ROOT / raw.get("docs_dir", "docs")
    docs = tmp / "plain-docs"
    write_plain_docs(output, hand_written, docs)
    variants = [("generator", True), ("plain", True), ("generator", False), ("plain", False)]
    commands: dict[tuple[str, bool], list[str]] = {}
    for kind, search in variants:
        if kind == "generator":
            config = _config(raw, search=search, courseware=True, docs=hand_written)
        else:
            config = plain_config(raw, output, docs, search=search)
        path = tmp / f"mkdocs-{kind}-{'search' if search else 'nosearch'}.yml"
        path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
        site = str(tmp / f"site-{kind}-{'search' if search else 'nosearch'}")
        # The generator's build is what `make site` runs; the plain one is MkDocs' own command line.
        commands[(kind, search)] = (
            [
                sys.executable,
                "-c",
                "import sys; from bench.core import build_site; build_site(sys.argv[1], sys.argv[2])",
                str(path),
                site,
            ]
            if kind == "generator"
            else [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(path), "-d", site]
        )
    samples = {key: Samples() for key in variants}
    for _ in range(repeats):
        for key in variants:
            wall, cpu, done = timed(commands[key])
            if done.returncode != 0:
                last = [ln for ln in (done.stderr or done.stdout).splitlines() if ln.strip()][-3:]
                return [
                    Row(
                        "c",
                        f"{key[0]} build, search {'on' if key[1] else 'off'}",
                        "fails: " + " / ".join(last)[:200],
                        "builds",
                        False,
                    )
                ]
            samples[key].wall.append(wall)
            samples[key].cpu.append(cpu)

    pages = len(list((tmp / "site-generator-search").rglob("*.html")))
    rows: list[Row] = []
    for search in (True, False):
        label = "with search (jieba)" if search else "search plugin removed"
        gen, plain = samples[("generator", search)], samples[("plain", search)]
        gen_cpu, plain_cpu = statistics.median(gen.cpu), statistics.median(plain.cpu)
        rows.append(Row("c", f"bundled course via build_site, {label}", f"{gen.text()}; {pages} pages"))
        rows.append(Row("c", f"plain mkdocs build of the same pages, {label}", plain.text()))
        rows.append(
            Row(
                "c",
                f"generator overhead, {label}",
                f"{fmt_s(gen_cpu - plain_cpu)} ({gen_cpu / plain_cpu:.2f}× plain)",
                f"≤ {OVERHEAD:.2f}× plain",
                gen_cpu / plain_cpu <= OVERHEAD,
            )
        )
    full = statistics.median(samples[("generator", True)].cpu)
    search_cost = full - statistics.median(samples[("generator", False)].cpu)
    rows.append(
        Row(
            "c",
            "share of Material search + jieba in the full build",
            f"{fmt_s(search_cost)} ({search_cost / full:.0%})",
        )
    )
    return rows
