#!/usr/bin/env python3
"""Benchmarks of the courseware generator; prints ONE table (Markdown), each row with value, target and result.

(a) size of the quiz runtime, (b) generation speed on synthetic pools of 1,000 / 10,000 / 50,000
questions against plain YAML parsing, (c) build overhead of the bundled course against a plain
MkDocs build of the same pages, with and without the search plugin, (d) browser: time for the
runtime to mount a 200-question quiz, and Lighthouse scores of a lesson and a quiz page.

    .venv/bin/python bench/run.py            # everything (a few minutes)
    .venv/bin/python bench/run.py --quick    # smaller pools, fewer repeats, no Lighthouse

Nothing is written into the repository: every pool, site and config lives in a temporary folder.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import json
import os
import platform
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PY = sys.executable
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--headless=new", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
#: Where Lighthouse is installed on demand (outside the repository, reused between runs).
LIGHTHOUSE_DIR = Path(tempfile.gettempdir()) / "cw-bench-lighthouse"
BUDGET = 8 * 1024
#: mkdocs-quiz inlines this much into every page (measured by the issue's author).
MKDOCS_QUIZ = (62_652, 14_602)


@dataclass
class Row:
    part: str
    measure: str
    value: str
    target: str = "—"
    ok: bool | None = None  # None: informational

    @property
    def result(self) -> str:
        return "info" if self.ok is None else ("pass" if self.ok else "FAIL")


ROWS: list[Row] = []


def row(part: str, measure: str, value: str, target: str = "—", ok: bool | None = None) -> None:
    ROWS.append(Row(part, measure, value, target, ok))
    print(f"  [{part}] {measure}: {value}" + (f" (target {target}: {ROWS[-1].result})" if ok is not None else ""),
          file=sys.stderr, flush=True)


def fmt_bytes(n: int) -> str:
    return f"{n:,} B"


def fmt_s(t: float) -> str:
    return f"{t * 1000:.0f} ms" if t < 1 else f"{t:.2f} s"


# ---------------------------------------------------------------------------------------------
# (a) runtime size
# ---------------------------------------------------------------------------------------------

def bench_runtime_size() -> None:
    total_raw = total_gz = 0
    for name in ("quiz.js", "quiz.css"):
        data = (ROOT / "generator" / "assets" / name).read_bytes()
        gz = len(gzip.compress(data, compresslevel=9, mtime=0))
        total_raw += len(data)
        total_gz += gz
        row("a", f"runtime {name} raw / gzip", f"{fmt_bytes(len(data))} / {fmt_bytes(gz)}")
    row("a", "runtime JS+CSS gzip (loaded once, cached)", f"{fmt_bytes(total_gz)} (raw {fmt_bytes(total_raw)})",
        f"≤ {fmt_bytes(BUDGET)}", total_gz <= BUDGET)
    row("a", "reference: mkdocs-quiz, inlined in every page", f"{fmt_bytes(MKDOCS_QUIZ[0])} / "
        f"{fmt_bytes(MKDOCS_QUIZ[1])} gz; ours is {MKDOCS_QUIZ[1] / max(total_gz, 1):.1f}× smaller gz")


# ---------------------------------------------------------------------------------------------
# (b) generation speed
# ---------------------------------------------------------------------------------------------

def _question(n: int, lesson: str) -> dict[str, Any]:
    """The n-th synthetic question: the ten types in turn, with Chinese text and some Markdown."""
    qid = f"q{n}"
    text = f"第 {n} 题：客户说“**预算**已经批了”，这说明了什么？"
    common = {"id": qid, "explanation": f"解析 {n}：先看*购买力*，再看决策权。", "skills": ["MAN"]}
    kind = n % 10
    if kind == 0:
        return {**common, "type": "single", "prompt": text, "hints": ["想一想谁说了算。"],
                "options": [{"text": "有购买力", "correct": True}, {"text": "有决策权", "feedback": "不一定。"},
                            {"text": "有需求"}, {"text": "都没有"}]}
    if kind == 1:
        return {**common, "type": "multiple", "prompt": text,
                "options": [{"text": "购买力", "correct": True}, {"text": "需求", "correct": True}, {"text": "包装"}]}
    if kind == 2:
        return {**common, "type": "truefalse", "prompt": f"第 {n} 题：MAN 中的 N 指需求。", "answer": True}
    if kind == 3:
        return {**common, "type": "fill", "prompt": f"第 {n} 题：潜在客户要“{{_}}”和“{{_}}”。",
                "blanks": [{"accept": ["用得着", "需要"]}, {"accept": ["买得起"]}]}
    if kind == 4:
        return {**common, "type": "numeric", "prompt": f"第 {n} 题：MAN 有几种组合？", "answer": 8, "unit": "种"}
    if kind == 5:
        return {**common, "type": "ordering", "prompt": f"第 {n} 题：排序", "items": ["寻找", "鉴定", "接近", "成交"]}
    if kind == 6:
        return {**common, "type": "matching", "prompt": f"第 {n} 题：配对",
                "pairs": [{"left": "M", "right": "购买力"}, {"left": "A", "right": "决策权"},
                          {"left": "N", "right": "需求"}], "distractors": ["包装"]}
    if kind == 7:
        return {**common, "type": "categorise", "prompt": f"第 {n} 题：归类", "categories": ["M", "A"],
                "items": [{"text": "预算充足", "category": "M"}, {"text": "老板本人", "category": "A"}]}
    if kind == 8:
        return {**common, "type": "classify", "scheme": "man", "scenario": f"情境 {n}：张总是老板，公司预算充足。",
                "cues": [{"quote": "公司预算充足", "attribute": "money", "value": "M", "why": "钱够。"},
                         {"quote": "张总是老板", "attribute": "authority", "value": "A"}]}
    return {**common, "type": "calc", "prompt": f"第 {n} 题：{n + 100} 名客户流失 {n % 50 + 1} 名，流失率是多少？",
            "formula": "churn_rate", "givens": {"lost": n % 50 + 1, "total": n + 100}}


SCHEME = {
    "id": "man", "title": "MAN 法则", "kind": "rules",
    "attributes": [
        {"id": "money", "label": "购买力", "values": [{"id": "M", "label": "有"}, {"id": "m", "label": "无"}]},
        {"id": "authority", "label": "决策权", "values": [{"id": "A", "label": "有"}, {"id": "a", "label": "无"}]},
    ],
    "classes": [{"id": c, "label": c, "action": f"对 {c} 的做法"} for c in ("MA", "Ma", "mA", "ma")],
    "rules": [{"when": {"money": m, "authority": a}, "then": m + a} for m in "Mm" for a in "Aa"],
}


def write_pool(root: Path, questions: int, per_quiz: int = 50, quizzes_per_lesson: int = 10) -> list[Path]:
    """A synthetic content pool; returns its YAML files."""
    for folder in ("lessons", "quizzes/schemes", "glossary"):
        (root / folder).mkdir(parents=True, exist_ok=True)

    def dump(rel: str, data: Any) -> None:
        (root / rel).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")

    quizzes = (questions + per_quiz - 1) // per_quiz
    lessons = (quizzes + quizzes_per_lesson - 1) // quizzes_per_lesson
    for k in range(lessons):
        dump(f"lessons/L{k}.yml", {
            "id": f"L{k}", "title": f"第 {k} 课：客户开发", "summary": "用三个问题判断**潜在客户**。", "minutes": 30,
            "objectives": [{"id": f"L{k}-o1", "text": "说出 MAN 的含义"}],
            "sections": [{"title": f"第 {s} 节", "body": "**M** 是购买力，**A** 是决策权，**N** 是需求。\n\n- 一\n- 二",
                          "blocks": [{"type": "table", "columns": ["组合", "做法"], "rows": [["M+A+N", "理想客户"]]}]}
                         for s in range(3)],
            "key_points": ["MAN 三个条件缺一不可。"], "terms": ["MAN 法则"],
        })
    n = 0
    for q in range(quizzes):
        count = min(per_quiz, questions - n)
        dump(f"quizzes/Q{q}.yml", {"id": f"Q{q}", "title": f"测验 {q}", "lesson": f"L{q // quizzes_per_lesson}",
                                   "questions": [_question(n + i, "") for i in range(count)]})
        n += count
    dump("quizzes/schemes/man.yml", SCHEME)
    dump("glossary/terms.yml", {"terms": [{"term": "MAN 法则", "definition": "判断潜在客户的方法。", "lesson": "L0"}]})
    dump("course.yml", {"id": "bench", "title": "基准课程", "lessons": [f"L{k}" for k in range(lessons)],
                        "check_objectives": False})
    return sorted(root.rglob("*.yml"))


def bench_generation(sizes: list[int], tmp: Path) -> None:
    from generator.loader import load_project
    from generator.render.site import RenderSettings, generate

    # Warm up once (imports, pydantic validators, Markdown extensions) so the first size is not penalised.
    warm = tmp / "pool-warm-up"
    write_pool(warm, 100)
    generate((project := load_project(warm)), project.courses["bench"], RenderSettings(language="zh"))
    shutil.rmtree(warm)
    per_question: dict[int, float] = {}
    for size in sizes:
        root = tmp / f"pool-{size}"
        files = write_pool(root, size)
        megabytes = sum(f.stat().st_size for f in files) / 1e6
        # CPU time of this (single-threaded) process: a busy shared machine inflates wall time, not this.
        started, wall = time.process_time(), time.perf_counter()
        for f in files:
            yaml.load(f.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        parse = time.process_time() - started
        started, wall = time.process_time(), time.perf_counter()
        project = load_project(root)
        loaded = time.process_time() - started
        output = generate(project, project.courses["bench"], RenderSettings(language="zh"))
        total, wall = time.process_time() - started, time.perf_counter() - wall
        assert sum(len(q.questions) for q in project.quizzes.values()) == size
        per_question[size] = total / size
        row("b", f"{size:,} questions ({len(files):,} files, {megabytes:.1f} MB): load + generate, CPU time",
            f"{fmt_s(total)} (load {fmt_s(loaded)}, render {fmt_s(total - loaded)}; wall {fmt_s(wall)}; "
            f"{len(output.pages):,} pages) = {total / parse:.1f}× CSafeLoader parse alone ({fmt_s(parse)})",
            "≤ 2× parse", total / parse <= 2)
        shutil.rmtree(root)
    ordered = sorted(per_question)
    for small, big in zip(ordered, ordered[1:]):
        factor = big / small
        growth = per_question[big] * big / (per_question[small] * small)
        limit = factor * 1.1
        row("b", f"linearity {small:,} → {big:,} questions ({factor:g}× questions)", f"{growth:.2f}× time",
            f"≤ {limit:g}×", growth <= limit)


# ---------------------------------------------------------------------------------------------
# (c) build overhead against plain MkDocs
# ---------------------------------------------------------------------------------------------

def _run(args: list[str], cwd: Path = ROOT) -> tuple[float, float, subprocess.CompletedProcess[str]]:
    """Run a command; (wall seconds, CPU seconds of the child, result)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(args, cwd=cwd, capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), done


def _absolute_config(config: dict[str, Any], *, search: bool, courseware: bool, docs: Path) -> dict[str, Any]:
    """A copy of the root mkdocs.yml usable from another folder."""
    out = dict(config)
    out["docs_dir"] = str(docs)
    plugins = []
    for plugin in config.get("plugins", []):
        name = plugin if isinstance(plugin, str) else next(iter(plugin))
        options = {} if isinstance(plugin, str) else dict(plugin[name] or {})
        if name == "search" and not search:
            continue
        if name == "courseware":
            if not courseware:
                continue
            options["root"] = str(ROOT)
            if options.get("templates_dir"):
                options["templates_dir"] = str(ROOT / options["templates_dir"])
        plugins.append({name: options} if options else name)
    out["plugins"] = plugins
    return out


def _plain_docs(tmp: Path) -> tuple[Path, list[Any], list[str], list[str]] | str:
    """Generated pages and assets written as ordinary Markdown files, plus the nav and runtime links."""
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    plugin = next(p for name, p in config.plugins.items() if name.endswith("courseware"))
    try:
        plugin.on_config(config)
    except Exception as exc:  # noqa: BLE001 - content is still being written
        return f"{type(exc).__name__}: {str(exc).strip().splitlines()[0][:140]}"
    docs = tmp / "plain-docs"
    shutil.copytree(ROOT / config["docs_dir"], docs)
    for page in plugin.output.pages:
        (docs / page.path).parent.mkdir(parents=True, exist_ok=True)
        (docs / page.path).write_text(page.markdown, encoding="utf-8")
    for path, data in plugin.output.assets.items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_bytes(data)
    return docs, plugin.output.nav, [str(x) for x in config.extra_css], [str(x) for x in config.extra_javascript]


def bench_build(tmp: Path, repeats: int) -> Path | None:
    """Returns the generator-built bundled site (for Lighthouse), or None when it does not build."""
    raw = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    plain = _plain_docs(tmp)
    if isinstance(plain, str):
        row("c", "bundled course (repo root mkdocs.yml)", f"does not build: {plain}", "builds", False)
        return None
    docs, nav, css, js = plain
    configs = {}
    for search in (True, False):
        gen = _absolute_config(raw, search=search, courseware=True, docs=ROOT / raw.get("docs_dir", "docs"))
        base = _absolute_config(raw, search=search, courseware=False, docs=docs)
        base |= {"nav": nav, "extra_css": css, "extra_javascript": js}
        for kind, cfg in (("generator", gen), ("plain", base)):
            path = tmp / f"mkdocs-{kind}-{'search' if search else 'nosearch'}.yml"
            path.write_text(yaml.safe_dump(cfg, allow_unicode=True, sort_keys=False), encoding="utf-8")
            configs[(kind, search)] = path
    commands: dict[tuple[str, bool], Callable[[Path], list[str]]] = {
        ("generator", s): (lambda out, s=s: [PY, "-c", "import sys; from generator.build import build_site; "
                                            "build_site(sys.argv[1], sys.argv[2])", str(configs[("generator", s)]),
                                            str(out)])
        for s in (True, False)
    } | {
        ("plain", s): (lambda out, s=s: [PY, "-m", "mkdocs", "build", "-q", "-f", str(configs[("plain", s)]),
                                         "-d", str(out)])
        for s in (True, False)
    }
    times: dict[tuple[str, bool], list[float]] = {key: [] for key in commands}
    walls: dict[tuple[str, bool], list[float]] = {key: [] for key in commands}
    site = tmp / "bundled-site"
    for _ in range(repeats):
        for key in [("generator", True), ("plain", True), ("generator", False), ("plain", False)]:
            out = site if key == ("generator", True) else tmp / f"site-{key[0]}-{key[1]}"
            wall, elapsed, done = _run(commands[key](out))
            walls[key].append(wall)
            if done.returncode != 0:
                last = [ln for ln in (done.stderr or done.stdout).splitlines() if ln.strip()][-3:]
                row("c", f"{key[0]} build, search {'on' if key[1] else 'off'}", "fails: " + " | ".join(last)[:200],
                    "builds", False)
                return None
            times[key].append(elapsed)

    def stat(key: tuple[str, bool]) -> tuple[float, str]:
        values = times[key]
        return statistics.median(values), f"CPU {fmt_s(statistics.median(values))} (spread {fmt_s(min(values))}–" \
                                          f"{fmt_s(max(values))}, n={len(values)}); wall median " \
                                          f"{fmt_s(statistics.median(walls[key]))}"

    pages = len(list(site.rglob("*.html")))
    for search in (True, False):
        label = "with search (jieba)" if search else "search plugin removed"
        gen, gen_text = stat(("generator", search))
        base, base_text = stat(("plain", search))
        row("c", f"bundled course via build_site, {label}", f"{gen_text}; {pages} pages")
        row("c", f"plain mkdocs build of the same pages, {label}", base_text)
        row("c", f"generator overhead, {label}", f"{fmt_s(gen - base)} ({gen / base:.2f}× plain)",
            "≤ 1.05× plain", gen / base <= 1.05)
    search_cost = stat(("generator", True))[0] - stat(("generator", False))[0]
    row("c", "share of Material search + jieba in the full build",
        f"{fmt_s(search_cost)} ({search_cost / stat(('generator', True))[0]:.0%})")
    return site


# ---------------------------------------------------------------------------------------------
# (d) browser: mount time and Lighthouse
# ---------------------------------------------------------------------------------------------

MOUNT = """(src) => {
  // Material's document$ has already emitted by now; without it the runtime mounts at once.
  const doc$ = window.document$;
  window.document$ = undefined;
  const t0 = performance.now();
  (0, eval)(src);                      // the runtime mounts every [data-cw-quiz] it finds
  const mounted = document.querySelectorAll('[data-cw-quiz][data-cw-mounted]').length;
  void document.body.offsetHeight;     // include the style and layout work the mount caused
  const ms = performance.now() - t0;
  window.document$ = doc$;
  return {ms, mounted, questions: document.querySelectorAll('[data-cw-q]').length};
}"""


def _mini_with_questions(tmp: Path, count: int) -> Path:
    """The mini fixture's config with a pool of one quiz of `count` questions."""
    root = tmp / f"quiz-{count}"
    write_pool(root, count, per_quiz=count)
    (root / "docs").mkdir()
    (root / "docs" / "about.md").write_text("# About\n", encoding="utf-8")
    shutil.copy(ROOT / "tests" / "fixtures" / "mini" / "mkdocs.yml", root / "mkdocs.yml")
    return root


def bench_mount(tmp: Path, repeats: int) -> None:
    from playwright.sync_api import sync_playwright

    from generator.build import build_site

    count = 200
    root = _mini_with_questions(tmp, count)
    site = build_site(root / "mkdocs.yml", root / "site")
    page_file = site / "quizzes" / "Q0" / "index.html"
    runtime = (ROOT / "generator" / "assets" / "quiz.js").read_text(encoding="utf-8")
    results = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            # Load the page without the runtime, then run it ourselves between two performance.now().
            page.route("**/assets/courseware/quiz.js", lambda route: route.fulfill(body="", content_type="text/javascript"))
            for _ in range(repeats + 1):
                page.goto(page_file.as_uri(), wait_until="load")
                page.evaluate("localStorage.clear()")
                results.append(page.evaluate(MOUNT, runtime))
        finally:
            browser.close()
    results = results[1:]  # the first run warms the browser's caches
    if not all(r["mounted"] == 1 and r["questions"] >= count for r in results):
        row("d", f"mount {count} questions", f"runtime did not mount: {results[0]}", "≤ 50 ms", False)
        return
    times = sorted(r["ms"] for r in results)
    median = statistics.median(times)
    row("d", f"runtime mount of a {count}-question quiz (Chromium)",
        f"{median:.1f} ms median (spread {times[0]:.1f}–{times[-1]:.1f} ms, n={len(times)})", "≤ 50 ms",
        median <= 50)


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    handler = functools.partial(QuietHandler, directory=str(folder))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.shutdown()
        server.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """A static host as GitHub Pages or Netlify would be: gzip for text, cache headers."""

    COMPRESS = {".html", ".js", ".css", ".json", ".svg", ".xml", ".txt", ".map"}

    def log_message(self, *args: Any) -> None:
        pass

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def do_GET(self) -> None:  # noqa: N802 (http.server's API)
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix not in self.COMPRESS or "gzip" not in self.headers.get("Accept-Encoding", "") \
                or not path.is_file() or self.path.rstrip("?").endswith(("/..", "/.")):
            return super().do_GET()
        if not self.path.split("?")[0].endswith("/") and Path(self.translate_path(self.path)).is_dir():
            return super().do_GET()  # let it redirect to the slash form
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def _lighthouse() -> Path | str:
    cli = LIGHTHOUSE_DIR / "node_modules" / "lighthouse" / "cli" / "index.js"
    if cli.is_file():
        return cli
    if not shutil.which("npm"):
        return "npm is not installed"
    print(f"  installing lighthouse into {LIGHTHOUSE_DIR} …", file=sys.stderr, flush=True)
    LIGHTHOUSE_DIR.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--silent", "--prefix", str(LIGHTHOUSE_DIR),
                           "lighthouse"], capture_output=True, text=True, timeout=900)
    if done.returncode != 0 or not cli.is_file():
        return "npm install lighthouse failed: " + (done.stderr.strip().splitlines() or ["?"])[-1][:120]
    return cli


def bench_lighthouse(site: Path, pages: dict[str, str], which: str) -> None:
    cli = _lighthouse()
    if isinstance(cli, str):
        for label in pages:
            row("d", f"Lighthouse {label}", f"not run: {cli}", "perf ≥ 95, a11y 100", False)
        return
    env = dict(os.environ, CHROME_PATH=CHROMIUM)
    with serve(site) as base:
        for (label, rel), preset in [(item, preset) for item in pages.items() for preset in ("mobile", "desktop")]:
            report = Path(tempfile.mkstemp(suffix=".json")[1])
            label = f"{label}, {preset}"
            done = subprocess.run(
                ["node", str(cli), base + rel, "--quiet", "--output=json", f"--output-path={report}",
                 "--only-categories=performance,accessibility", *(["--preset=desktop"] if preset == "desktop" else []),
                 "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
                env=env, capture_output=True, text=True, timeout=300)
            try:
                data = json.loads(report.read_text(encoding="utf-8"))
                perf = round(data["categories"]["performance"]["score"] * 100)
                a11y = round(data["categories"]["accessibility"]["score"] * 100)
                audits = data["audits"]
                lcp = audits["largest-contentful-paint"]["displayValue"]
                failed = [k for k, a in audits.items() if a.get("score") == 0
                          and a.get("scoreDisplayMode") == "binary" and k in _A11Y_AUDITS(data)]
                row("d", f"Lighthouse {label} ({which}: {rel})",
                    f"performance {perf}, accessibility {a11y} (LCP {lcp}"
                    + (f"; failing: {', '.join(failed[:4])}" if failed else "") + ")",
                    "perf ≥ 95, a11y 100", perf >= 95 and a11y == 100)
            except (OSError, ValueError, KeyError, TypeError) as exc:
                tail = (done.stderr or "").strip().splitlines()[-1:] or [str(exc)]
                row("d", f"Lighthouse {label}", f"failed: {tail[0][:160]}", "perf ≥ 95, a11y 100", False)
            finally:
                report.unlink(missing_ok=True)


def _A11Y_AUDITS(data: dict[str, Any]) -> set[str]:  # noqa: N802
    return {ref["id"] for ref in data["categories"]["accessibility"]["auditRefs"]}


# ---------------------------------------------------------------------------------------------

def machine() -> str:
    memory = "?"
    with contextlib.suppress(OSError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    cpu = "?"
    with contextlib.suppress(OSError):
        cpu = next((ln.split(":", 1)[1].strip() for ln in Path("/proc/cpuinfo").read_text().splitlines()
                    if ln.startswith("model name")), "?")
    return f"{platform.system()} {platform.machine()}, nproc {os.cpu_count()}, memory {memory}, CPU {cpu}, " \
           f"Python {platform.python_version()}"


def table() -> str:
    lines = ["| # | Measure | Value | Target | Result |", "|---|---|---|---|---|"]
    for r in ROWS:
        lines.append(f"| {r.part} | {r.measure} | {r.value.replace('|', '/')} | {r.target} | {r.result} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="pools of 1,000 and 10,000, 2 repeats, no Lighthouse")
    parser.add_argument("--sizes", type=lambda s: [int(x) for x in s.split(",")], default=None,
                        help="question counts for (b), comma-separated (default 1000,10000,50000)")
    parser.add_argument("--repeats", type=int, default=None, help="alternated builds per variant in (c) (default 5)")
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--only", default="abcd", help="parts to run, e.g. 'ab'")
    args = parser.parse_args()
    sizes = args.sizes or ([1_000, 10_000] if args.quick else [1_000, 10_000, 50_000])
    repeats = args.repeats or (2 if args.quick else 5)
    print(f"bench: {time.strftime('%Y-%m-%d %H:%M %Z')}; {machine()}", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="cw-bench-") as tmp_name:
        tmp = Path(tmp_name)
        steps: list[tuple[str, Callable[[], Any]]] = []
        bundled: dict[str, Path | None] = {"site": None}
        if "a" in args.only:
            steps.append(("a", bench_runtime_size))
        if "b" in args.only:
            steps.append(("b", lambda: bench_generation(sizes, tmp)))
        if "c" in args.only:
            steps.append(("c", lambda: bundled.update(site=bench_build(tmp, repeats))))
        if "d" in args.only:
            steps.append(("d", lambda: bench_mount(tmp, 10 if not args.quick else 3)))
            if not (args.quick or args.no_lighthouse):
                steps.append(("d", lambda: run_lighthouse(tmp, bundled["site"])))
        for part, step in steps:
            try:
                step()
            except Exception as exc:  # noqa: BLE001 - one broken part must not hide the others
                row(part, f"part {part} crashed", f"{type(exc).__name__}: {str(exc).strip()[:160]}", "runs", False)
    print(table())
    return 0


def run_lighthouse(tmp: Path, bundled: Path | None) -> None:
    if bundled is not None:
        site, which = bundled, "bundled course"
        lessons = sorted(p.parent.name for p in (site / "lessons").glob("*/index.html"))
        quizzes = sorted(p.parent.name for p in (site / "quizzes").glob("*/index.html") if "quiz" in p.parent.name)
        pages = {"lesson page": f"lessons/{lessons[0]}/", "quiz page": f"quizzes/{quizzes[0]}/"}
    else:
        from generator.build import build_site

        root = tmp / "mini"
        shutil.copytree(ROOT / "tests" / "fixtures" / "mini", root)
        site, which = build_site(root / "mkdocs.yml", root / "site"), "mini fixture (bundled course does not build)"
        pages = {"lesson page": "lessons/M1/", "quiz page": "quizzes/M1-quiz/"}
    bench_lighthouse(site, pages, which)


if __name__ == "__main__":
    sys.exit(main())
