"""(d) Browser: how long the runtime takes to mount a 200-question quiz, and what the runtime costs a page
in Lighthouse (mobile): a lesson and a quiz page against the same pages with the runtime removed.

Both use Debian's Chromium. Lighthouse is installed on demand with npm into a folder outside the
repository (reused between runs) and scores pages served by `bench.http`.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from bench import ROOT
from bench.core import ASSET_DIR, build_site, widget_css
from bench.http import serve
from bench.pool import write_pool
from bench.report import Row
from generator.pdf.chromium import CHROMIUM, CHROMIUM_ARGS

MINI = ROOT / "tests" / "fixtures" / "mini"
#: Where Lighthouse is installed on demand (outside the repository, reused between runs).
LIGHTHOUSE_DIR = Path(tempfile.gettempdir()) / "cw-bench-lighthouse"

#: Targets from the issue: the mount, and what the runtime may cost a page in Lighthouse (mobile, the
#: median of alternating runs): at most one performance point and 100 ms of LCP; accessibility stays 100.
MOUNT_QUESTIONS = 200
MOUNT_MS = 50.0
RUNS = 5
PERFORMANCE_COST = 1
LCP_COST_MS = 100.0
ACCESSIBILITY = 100
LIGHTHOUSE_TARGET = f"perf ≥ plain − {PERFORMANCE_COST}, LCP ≤ plain + {LCP_COST_MS:g} ms, a11y {ACCESSIBILITY}"
#: The runtime's tags in a built page: the site files in <head> and at the end, a widget page's own script
#: (the inline stylesheets, the site's and a widget page's, are removed as well, see without_runtime).
RUNTIME_TAGS = re.compile(
    r'<link rel="stylesheet" href="[^"]*assets/courseware/[^"]*">\s*'
    r'|<script src="[^"]*assets/courseware/[^"]*"[^>]*></script>\s*'
)

# Evaluated in the page with the runtime's source as argument. Material's document$ has already
# emitted by now, and the runtime would wait for it; hidden, the runtime mounts at once, so the
# call is timed between two performance.now() calls, forced layout included.
MOUNT_SCRIPT = """(src) => {
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


# Then a new attempt (the retry button): every question is reshuffled and reset, the page laid out again.
RETRY_SCRIPT = """() => {
  const t0 = performance.now();
  document.querySelector('[data-cw-action=retry]').click();
  void document.body.offsetHeight;
  return performance.now() - t0;
}"""


def _quiz_site(tmp: Path, count: int) -> Path:
    """A site whose only quiz, Q0, has `count` questions (the mini fixture's mkdocs.yml over a synthetic pool)."""
    root = tmp / f"quiz-{count}"
    # The mount is timed for quiz.js: no conversation, whose pages load dialogue.js instead.
    write_pool(root, count, per_quiz=count, dialogues=False)
    (root / "docs").mkdir()
    (root / "docs" / "about.md").write_text("# About\n", encoding="utf-8")
    shutil.copy(MINI / "mkdocs.yml", root / "mkdocs.yml")
    return build_site(root / "mkdocs.yml", root / "site")


def mount(tmp: Path, repeats: int) -> list[Row]:
    """Median mount time of a 200-question quiz over `repeats` page loads, after one warm-up load.

    A fresh attempt keeps the page as built (nothing to restore, options shuffled at build time), so the
    mount mostly reads; the retry row shows the cost of laying out every question anew.
    """
    from playwright.sync_api import Route, sync_playwright

    site = _quiz_site(tmp, MOUNT_QUESTIONS)
    page_file = site / "quizzes" / "Q0" / "index.html"
    runtime = (site / ASSET_DIR / "quiz.js").read_text(encoding="utf-8")
    results: list[dict[str, Any]] = []

    def stub(route: Route) -> None:
        # The page loads without its runtime; MOUNT_SCRIPT runs the runtime itself.
        route.fulfill(body="", content_type="text/javascript")

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.route(f"**/{ASSET_DIR}/quiz.js", stub)
            for _ in range(repeats + 1):
                page.goto(page_file.as_uri(), wait_until="load")
                page.evaluate("localStorage.clear()")
                results.append(page.evaluate(MOUNT_SCRIPT, runtime) | {"retry": page.evaluate(RETRY_SCRIPT)})
        finally:
            browser.close()
    results = results[1:]  # the first load warms the browser's caches
    measure = f"runtime mount of a {MOUNT_QUESTIONS}-question quiz (Chromium)"
    target = f"≤ {MOUNT_MS:g} ms"
    if not all(r["mounted"] == 1 and r["questions"] >= MOUNT_QUESTIONS for r in results):
        return [Row("d", measure, f"runtime did not mount: {results[0]}", target, False)]
    times = sorted(r["ms"] for r in results)
    median = statistics.median(times)
    retry = sorted(r["retry"] for r in results)
    return [
        Row(
            "d",
            measure,
            f"{median:.1f} ms median (spread {times[0]:.1f}–{times[-1]:.1f} ms, n={len(times)})",
            target,
            median <= MOUNT_MS,
        ),
        Row(
            "d",
            f"then a new attempt of it (retry: all {MOUNT_QUESTIONS} questions reshuffled and reset)",
            f"{statistics.median(retry):.1f} ms median (spread {retry[0]:.1f}–{retry[-1]:.1f} ms)",
        ),
    ]


def install_lighthouse() -> Path | str:
    """Lighthouse's command-line script, installed with npm if needed; a reason when it cannot be."""
    cli = LIGHTHOUSE_DIR / "node_modules" / "lighthouse" / "cli" / "index.js"
    if cli.is_file():
        return cli
    if not shutil.which("npm") or not shutil.which("node"):
        return "node or npm is not installed"
    print(f"  installing lighthouse into {LIGHTHOUSE_DIR} …", file=sys.stderr, flush=True)
    LIGHTHOUSE_DIR.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["npm", "install", "--no-audit", "--no-fund", "--silent", "--prefix", str(LIGHTHOUSE_DIR), "lighthouse"],
        check=False,
        capture_output=True,
        text=True,
        timeout=900,
    )
    if done.returncode != 0 or not cli.is_file():
        return "npm install lighthouse failed: " + (done.stderr.strip().splitlines() or ["?"])[-1][:120]
    return cli


def _lighthouse_site(tmp: Path) -> tuple[Path, str, dict[str, str]]:
    """The bundled course built into `tmp`, or the mini fixture when the bundled course does not build."""
    try:
        site = build_site(ROOT / "mkdocs.yml", tmp / "bundled-site")
    except Exception as exc:  # content may be mid-edit; the mini fixture still shows the runtime
        print(
            f"  bundled course does not build ({type(exc).__name__}); Lighthouse uses the mini fixture", file=sys.stderr
        )
        root = tmp / "mini"
        shutil.copytree(MINI, root)
        site = build_site(root / "mkdocs.yml", root / "site")
        return (
            site,
            "mini fixture (bundled course does not build)",
            {"lesson page": "lessons/M1/", "quiz page": "quizzes/M1-quiz/"},
        )
    lessons = sorted(p.parent.name for p in (site / "lessons").glob("*/index.html"))
    quizzes = sorted(p.parent.name for p in (site / "quizzes").glob("*/index.html"))
    # The first lesson's quiz (L1-quiz) rather than its worked exercises (L1-exercises), as recorded before.
    quiz = next((q for q in quizzes if "quiz" in q), quizzes[0])
    return site, "bundled course", {"lesson page": f"lessons/{lessons[0]}/", "quiz page": f"quizzes/{quiz}/"}


def without_runtime(site: Path, target: Path) -> Path:
    """A copy of `site` whose pages link no runtime file: the "plain" side of the comparison."""
    shutil.copytree(site, target)
    site_css = (site / "assets" / "courseware" / "site.css").read_text(encoding="utf-8")
    for page in target.rglob("*.html"):
        html = page.read_text(encoding="utf-8").replace(f"<style>{widget_css()}</style>", "")
        html = html.replace(f"<style>{site_css}</style>", "")  # MkDocs writes the site stylesheet into <head>
        page.write_text(RUNTIME_TAGS.sub("", html), encoding="utf-8")
    return target


def _score(report: dict[str, Any]) -> dict[str, Any]:
    """Performance and accessibility scores, LCP and CLS, and the failing accessibility audits."""
    categories = report["categories"]
    a11y_audits = {ref["id"] for ref in categories["accessibility"]["auditRefs"]}
    audits = report["audits"]
    failed = [
        k
        for k, a in audits.items()
        if k in a11y_audits and a.get("score") == 0 and a.get("scoreDisplayMode") == "binary"
    ]
    return {
        "perf": round(categories["performance"]["score"] * 100),
        "a11y": round(categories["accessibility"]["score"] * 100),
        "lcp": float(audits["largest-contentful-paint"]["numericValue"]),
        "cls": float(audits["cumulative-layout-shift"]["numericValue"]),
        "failed": failed,
    }


def _run_lighthouse(cli: Path, url: str, out: Path) -> dict[str, Any] | str:
    """One mobile Lighthouse run (simulated throttling, its default); the scores, or why there are none."""
    out.unlink(missing_ok=True)
    done = subprocess.run(
        [
            "node",
            str(cli),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={out}",
            "--only-categories=performance,accessibility",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        ],
        check=False,
        env=dict(os.environ, CHROME_PATH=str(CHROMIUM)),
        capture_output=True,
        text=True,
        timeout=300,
    )
    try:
        return _score(json.loads(out.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        tail = (done.stderr or "").strip().splitlines()[-1:] or [f"{type(exc).__name__}: {exc}"]
        return tail[0][:160]


def lighthouse(tmp: Path, runs: int = RUNS) -> list[Row]:
    """Lighthouse mobile on a lesson and a quiz page, as built and with the runtime removed, `runs` times each.

    The two versions alternate, and which goes first swaps every round (ours, plain, plain, ours, …): a
    burst of load on the shared machine falls on both, and neither always runs first. Each row compares
    the medians.
    """
    cli = install_lighthouse()
    if isinstance(cli, str):
        return [
            Row("d", f"Lighthouse {label}", f"not run: {cli}", LIGHTHOUSE_TARGET, False)
            for label in ("lesson page", "quiz page")
        ]
    site, which, pages = _lighthouse_site(tmp)
    plain = without_runtime(site, tmp / "plain-site")
    rows: list[Row] = []
    with serve(site) as ours_base, serve(plain) as plain_base:
        for label, rel in pages.items():
            got: dict[str, list[dict[str, Any]]] = {"ours": [], "plain": []}
            problem = ""
            for n in range(runs):
                order = [("ours", ours_base), ("plain", plain_base)]
                for variant, base in order if n % 2 == 0 else order[::-1]:
                    result = _run_lighthouse(cli, base + rel, tmp / "lighthouse.json")
                    if isinstance(result, str):
                        problem = result
                    else:
                        got[variant].append(result)
            measure = f"Lighthouse mobile, {label} ({which}: {rel}), median of {runs}: ours vs runtime removed"
            if problem or not got["ours"] or not got["plain"]:
                rows.append(Row("d", measure, f"failed: {problem}", LIGHTHOUSE_TARGET, False))
                continue
            med = {
                v: {k: statistics.median(r[k] for r in rs) for k in ("perf", "a11y", "lcp", "cls")}
                for v, rs in got.items()
            }
            ours, base_ = med["ours"], med["plain"]
            failed = sorted({f for r in got["ours"] for f in r["failed"]})
            spread = " vs ".join("/".join(str(r["perf"]) for r in got[v]) for v in ("ours", "plain"))
            value = (
                f"performance {ours['perf']:g} vs {base_['perf']:g} (runs {spread}); "
                f"LCP {ours['lcp']:,.0f} vs {base_['lcp']:,.0f} ms; CLS {ours['cls']:.3f} vs {base_['cls']:.3f}; "
                f"accessibility {ours['a11y']:g} vs {base_['a11y']:g}"
                + (f"; failing: {', '.join(failed[:4])}" if failed else "")
            )
            ok = (
                ours["perf"] >= base_["perf"] - PERFORMANCE_COST
                and ours["lcp"] <= base_["lcp"] + LCP_COST_MS
                and ours["a11y"] >= ACCESSIBILITY
            )
            rows.append(Row("d", measure, value, LIGHTHOUSE_TARGET, ok))
    return rows
