"""Hostile text in every author field never runs as script in the built site.

A corpus of payloads (script tags, event handlers, javascript: URLs, SVG and MathML vectors,
broken markup, `</script>` inside JSON, Markdown links and images, attribute-breaking quotes) is
written into every text field of a lesson, a quiz, an exercise, two schemes, the glossary and the
course. The site is built with ``build_site`` and every page is opened in Chromium: no dialog may
open, no payload may set ``window.__xss``, no element may carry an ``on*`` attribute holding the
payload marker and no link may point to ``javascript:``.
"""

from __future__ import annotations

import asyncio
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.build import build_site

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--headless=new", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

#: Appears in every payload, so an attribute that kept a payload can be recognised.
MARK = "XSSMARK"
RUN = "window.__xss=1"

PAYLOADS: list[str] = [
    f"<script>{RUN}</script>{MARK}",
    f"<SCRIPT SRC=data:text/javascript,{RUN}></SCRIPT>{MARK}",
    f'<img src=x onerror="{RUN}" alt="{MARK}">',
    f"<img src=x onerror={RUN}//{MARK}>",
    f"<svg onload={RUN}>{MARK}</svg>",
    f"<svg><script>{RUN}</script><a xlink:href=javascript:{RUN}><text>{MARK}</text></a></svg>",
    f"<svg><animate onbegin={RUN} attributeName=x dur=1s>{MARK}",
    f"<math><mtext><table><mglyph><style><img src=x onerror={RUN}>{MARK}</style></mglyph></table></mtext></math>",
    f'<math href="javascript:{RUN}">{MARK}</math>',
    f"[{MARK}](javascript:{RUN})",
    f"[{MARK}](<javascript:{RUN}>)",
    f"[{MARK}](JaVaScRiPt:{RUN} \"t\")",
    f"![{MARK}](javascript:{RUN})",
    f'![{MARK}](x" onerror="{RUN})',
    f"<javascript:{RUN}> {MARK}",
    f'<a href="javascript:{RUN}">{MARK}</a>',
    f'<a href="jav&#x09;ascript:{RUN}">{MARK}</a>',
    f'<a href=" &#106;avascript:{RUN}">{MARK}</a>',
    f'"><img src=x onerror={RUN}>{MARK}',
    f"'><svg/onload={RUN}>{MARK}",
    f'" onmouseover="{RUN}" data-x="{MARK}',
    f"' onfocus='{RUN}' autofocus data-x='{MARK}",
    f"</script><script>{RUN}</script>{MARK}",
    f"</SCRIPT ><img src=x onerror={RUN}>{MARK}",
    f"</template><script>{RUN}</script></textarea></noscript></title></style><img src=x onerror={RUN}>{MARK}",
    f"<!--<img src=\"--><img src=x onerror={RUN}//\">{MARK}",
    f"<details open ontoggle={RUN}>{MARK}</details>",
    f'<iframe srcdoc="<script>parent.__xss=1</script>">{MARK}</iframe>',
    f"<input autofocus onfocus={RUN} value={MARK}>",
    f"<form><button formaction=javascript:{RUN}>{MARK}</button></form>",
    f'<object data="javascript:{RUN}">{MARK}</object>',
    f"<style>@import 'javascript:{RUN}';</style>{MARK}",
    f"<p style=\"background:url(javascript:{RUN})\">{MARK}</p>",
    f"{{: onclick=\"{RUN}\" }} {MARK}",
    f"*{MARK}*{{: onclick=\"{RUN}\" }}",
    f"<div markdown=1 onclick={RUN}>{MARK}</div>",
    f"{{{{ {RUN} }}}} {{% raw %}} ${{{RUN}}} {MARK}",
    f"\\<script>{RUN}\\</script>{MARK}",
    f"&lt;script&gt;{RUN}&lt;/script&gt;{MARK}",
    f"`</code><script>{RUN}</script>`{MARK}",
    f"\u2028<script>{RUN}</script>\u2029{MARK}",
    # DOM clobbering: Material reads its config (search worker and index URLs) from #__config.
    f'<p id="__config">{{"base": "https://evil.example/", "search": "data:text/javascript,{RUN}"}}</p>{MARK}',
    f'<a id="__search" name="__drawer">{MARK}</a> *{MARK}*{{: #__drawer }}',
]
#: Markdown fields also get a reference-style link and a raw block, which need several lines.
MULTILINE = [
    f"[{MARK}][evil]\n\n[evil]: javascript:{RUN}",
    f"<div>\n<script>{RUN}</script>\n</div>\n\n{MARK}",
    f"???+ note \"{MARK}\" onclick=\"{RUN}\"\n    <img src=x onerror={RUN}>",
    f"{MARK}[^1]\n\n[^1]: <a href=\"javascript:{RUN}\">x</a>",
    f"Term {MARK}\n:   <img src=x onerror={RUN}>",
    f"```html\n</code></pre><script>{RUN}</script>\n```\n{MARK}",
]


#: Payloads per lesson: list fields get one payload per item, single fields all of them joined.
#: (One lesson per payload would mean 150 pages at ~0.4 s each in Chromium.)
GROUP = 4


def _section(g: int, k: int, p: str, md: str) -> dict[str, Any]:
    return {
        "title": p,
        "body": md + f"\n\n术语{g}x{k} 出现在这里。",
        "blocks": [
            {"type": "table", "caption": p, "columns": [p, f"{p} 2"], "rows": [[p, md.replace("\n", " ")]]},
            {"type": "case", "title": p, "story": md, "takeaway": md},
            {"type": "note", "title": p, "body": md},
            {"type": "note", "style": "warning", "body": md},
            {"type": "diagram", "kind": ["flow", "funnel", "cycle"][k % 3], "caption": p,
             "steps": [p, f"{p} 2", f"{p} 3"]},
        ],
    }


def _lesson(g: int, ps: list[str], mds: list[str], question_ids: list[list[str]]) -> dict[str, Any]:
    return {
        "id": f"X{g}",
        "title": " ".join(ps),
        "summary": "\n\n".join(mds),
        "minutes": 5,
        "objectives": [{"id": f"X{g}-o{k}", "text": p, "assessed_by": question_ids[k]} for k, p in enumerate(ps)],
        "sections": [_section(g, k, p, md) for k, (p, md) in enumerate(zip(ps, mds))],
        "key_points": ps + mds,
        "terms": [name for k, p in enumerate(ps) for name in (f"术语{g}x{k}", f"{p} T")],
    }


def _questions(g: int, k: int, p: str, md: str) -> list[dict[str, Any]]:
    common = {"hints": [p, md], "explanation": md, "feedback": {"correct": md, "incorrect": p}}
    x = f"x{g}-{k}"
    return [
        {"id": f"{x}-single", "type": "single", "prompt": md,
         "options": [{"text": p, "correct": True, "feedback": md}, {"text": f"{p} 2", "feedback": p}], **common},
        {"id": f"{x}-multiple", "type": "multiple", "prompt": p,
         "options": [{"text": p, "correct": True, "feedback": p}, {"text": f"{p} 2", "feedback": md}], **common},
        {"id": f"{x}-tf", "type": "truefalse", "prompt": md, "answer": True, **common},
        {"id": f"{x}-fill", "type": "fill", "prompt": f"{p} {{_}} {p}", "blanks": [{"accept": [p, f"{p} 2"]}],
         **common},
        {"id": f"{x}-numeric", "type": "numeric", "prompt": p, "answer": 3, "unit": p, **common},
        {"id": f"{x}-ordering", "type": "ordering", "prompt": p, "items": [p, f"{p} 2", f"{p} 3"], **common},
        {"id": f"{x}-matching", "type": "matching", "prompt": p,
         "pairs": [{"left": p, "right": f"{p} R"}, {"left": f"{p} 2", "right": f"{p} R2"}],
         "distractors": [f"{p} D"], **common},
        {"id": f"{x}-categorise", "type": "categorise", "prompt": p, "categories": [p, f"{p} B"],
         "items": [{"text": p, "category": p}, {"text": f"{p} 2", "category": f"{p} B"}], **common},
        # Exercises: a rule-based scheme with cues, a judgment scheme with a rationale, a calculation.
        {"id": f"{x}-rules", "type": "classify", "scheme": f"xr{g}", "prompt": md,
         "scenario": f"{md}\n\n{p} 预算充足。",
         "cues": [{"quote": p, "attribute": "money", "value": "M", "why": md}], **common},
        {"id": f"{x}-judgment", "type": "classify", "scheme": f"xj{g}", "scenario": md, "answer": "user",
         "rationale": md, **common},
        {"id": f"{x}-calc", "type": "calc", "prompt": md, "formula": "churn_rate", "givens": {"lost": 1, "total": 4},
         **common},
    ]


def _quiz(g: int, ps: list[str], mds: list[str]) -> dict[str, Any]:
    return {"id": f"X{g}-quiz", "title": " ".join(ps), "lesson": f"X{g}", "intro": "\n\n".join(mds),
            "questions": [q for k, (p, md) in enumerate(zip(ps, mds)) for q in _questions(g, k, p, md)]}


def _schemes(g: int, ps: list[str], mds: list[str]) -> list[dict[str, Any]]:
    title, md = " ".join(ps), "\n\n".join(mds)
    rules = {
        "id": f"xr{g}", "title": title, "kind": "rules", "description": md, "reasoning": md,
        "attributes": [{"id": "money", "label": title, "question": title,
                        "values": [{"id": "M", "label": title}, {"id": "m", "label": f"{title} 2"}]}],
        "classes": [{"id": "yes", "label": title, "description": md, "action": md},
                    {"id": "no", "label": f"{title} 2", "action": title}],
        "rules": [{"when": {"money": "M"}, "then": "yes"}, {"when": {"money": "m"}, "then": "no"}],
        "drill": {"money": {"M": ps, "m": [f"{p} 3" for p in ps]}},
    }
    judgment = {
        "id": f"xj{g}", "title": title, "kind": "judgment", "description": md,
        "classes": [{"id": "user", "label": title, "description": md, "action": md},
                    {"id": "decider", "label": f"{title} 2", "description": title}],
    }
    return [rules, judgment]


def write_project(root: Path) -> int:
    """A course with every payload in every text field; returns the number of lessons."""
    texts = PAYLOADS + [m.splitlines()[0] for m in MULTILINE]
    mds = PAYLOADS + MULTILINE
    for folder in ("lessons", "quizzes/schemes", "glossary", "docs"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    terms = []

    def dump(path: Path, data: Any) -> None:
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")

    groups = [(texts[i:i + GROUP], mds[i:i + GROUP]) for i in range(0, len(texts), GROUP)]
    for g, (ps, ms) in enumerate(groups):
        quiz = _quiz(g, ps, ms)
        ids = [[q["id"] for q in quiz["questions"] if q["id"].startswith(f"x{g}-{k}-")] for k in range(len(ps))]
        dump(root / f"lessons/X{g}.yml", _lesson(g, ps, ms, ids))
        dump(root / f"quizzes/X{g}-quiz.yml", quiz)
        for scheme in _schemes(g, ps, ms):
            dump(root / f"quizzes/schemes/{scheme['id']}.yml", scheme)
        for k, p in enumerate(ps):
            terms += [{"term": f"术语{g}x{k}", "definition": p, "aliases": [f"别名{g}x{k} {p}"], "lesson": f"X{g}"},
                      {"term": f"{p} T", "definition": p}]
    dump(root / "glossary/terms.yml", {"terms": terms})
    dump(root / "course.yml", {"id": "xss", "title": " ".join(texts), "language": "zh",
                               "intro": "\n\n".join(mds), "lessons": [f"X{g}" for g in range(len(groups))]})
    (root / "docs" / "about.md").write_text("# About\n\nHand-written.\n", encoding="utf-8")
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    mkdocs = {
        "site_name": "XSS",
        "site_url": "http://127.0.0.1:8765/",
        "docs_dir": "docs",
        "theme": {"name": "material", "language": "zh", "font": False,
                  "features": ["navigation.instant", "content.tooltips", "search.highlight"]},
        # No search: every page would build the search index of the whole site in its worker.
        "plugins": ["courseware"],
        # The bundled course's Markdown pipeline, which is what authors get.
        "markdown_extensions": config["markdown_extensions"],
    }
    dump(root / "mkdocs.yml", mkdocs)
    return len(groups)


# A check run in every page: what a payload would have left behind.
INSPECT = """(mark) => {
  const bad = [];
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase(), value = attr.value;
      if (name.startsWith('on') && value.includes(mark)) bad.push(`${el.tagName} ${name}=${value}`);
      if (name.startsWith('on') && value.includes('__xss')) bad.push(`${el.tagName} ${name}=${value}`);
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc'].includes(name)
          && /^\\s*(javascript|data|vbscript):/i.test(value.replace(/[\\s\\u0000-\\u001f]/g, ''))
          && !(name === 'src' && /^data:image\\//i.test(value))) bad.push(`${el.tagName} ${name}=${value}`);
      if (name === 'srcdoc') bad.push(`${el.tagName} srcdoc`);
    }
    if (el.tagName === 'SCRIPT' && (el.textContent || '').includes('__xss') && el.type !== 'application/json')
      bad.push('SCRIPT ' + el.textContent.slice(0, 80));
    if (['IFRAME', 'OBJECT', 'EMBED', 'BASE', 'FRAME'].includes(el.tagName)) bad.push('element ' + el.tagName);
    if (el.tagName === 'FORM' && el.textContent.includes(mark)) bad.push('FORM around ' + mark);
  }
  // The theme's own elements must be the only ones with their ids (no DOM clobbering).
  const config = document.querySelectorAll('[id="__config"]');
  if (config.length !== 1 || config[0].tagName !== 'SCRIPT') bad.push(`#__config clobbered (${config.length})`);
  for (const id of ['__drawer', '__search', '__toc']) {
    const found = document.querySelectorAll(`[id="${id}"]`);
    if (found.length > 1 || (found.length && found[0].tagName !== 'INPUT')) bad.push(`#${id} clobbered`);
  }
  return {xss: typeof window.__xss === 'undefined' ? null : String(window.__xss), bad};
}"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("xss") / "project"
    lessons = write_project(root)
    site = build_site(root / "mkdocs.yml", root / "site")
    pages = sorted(site.rglob("*.html"))
    assert len([p for p in pages if "lessons" in p.parts]) == lessons
    return site


def test_payloads_reach_every_kind_of_page(hostile_site: Path) -> None:
    """The corpus made it into the pages (escaped), so the browser check below means something."""
    for page in ["index.html", "lessons/X0/index.html", "quizzes/X0-quiz/index.html", "drills/xr0/index.html", "quizzes/X11-quiz/index.html",
                 "glossary/index.html", "progress/index.html"]:
        text = (hostile_site / page).read_text(encoding="utf-8")
        assert MARK in text, page


def test_no_payload_runs_in_the_browser(hostile_site: Path) -> None:
    # A thread of its own: the browser tests' session-wide sync Playwright keeps an event loop
    # running in this one, and asyncio.run refuses to start inside it.
    pages = sorted(hostile_site.rglob("*.html"))
    with ThreadPoolExecutor(max_workers=1) as pool:
        problems = pool.submit(asyncio.run, _visit_all(hostile_site, pages)).result()
    assert not problems, "\n".join(problems[:40]) + (f"\n… {len(problems)} in all" if len(problems) > 40 else "")


async def _visit_all(site: Path, pages: list[Path], tabs: int = 4) -> list[str]:
    """Open every page (a few tabs at a time); return what each one let through."""
    from playwright.async_api import async_playwright

    problems: list[str] = []
    queue = list(pages)
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            context = await browser.new_context()
            # Nothing may leave the site (a payload could try to load a remote script).
            await context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
                                else route.abort())

            async def worker() -> None:
                page = await context.new_page()
                dialogs: list[str] = []
                page.on("dialog", lambda d: (dialogs.append(f"{d.type}: {d.message}"), asyncio.ensure_future(d.dismiss())))
                while queue:
                    path = queue.pop()
                    rel = path.relative_to(site).as_posix()
                    await page.goto(path.as_uri(), wait_until="load")
                    await page.evaluate(INTERACT)
                    await page.wait_for_timeout(50)
                    result = await page.evaluate(INSPECT, MARK)
                    if result["xss"] is not None:
                        problems.append(f"{rel}: window.__xss = {result['xss']}")
                    problems.extend(f"{rel}: {b}" for b in result["bad"][:5])
                    problems.extend(f"{rel}: dialog {d}" for d in dialogs)
                    dialogs.clear()
                await page.close()

            await asyncio.gather(*(worker() for _ in range(tabs)))
        finally:
            await browser.close()
    return sorted(problems)


#: Answer and reveal what can be revealed, so HTML the runtime inserts later is checked too.
INTERACT = """() => {
  for (const d of document.querySelectorAll('details')) d.open = true;
  for (const el of document.querySelectorAll('input[type=radio], input[type=checkbox]')) {
    try { el.click(); } catch (e) {}
  }
  for (const b of document.querySelectorAll('button[data-cw-action]')) {
    if (b.dataset.cwAction === 'reset') continue;
    try { b.click(); } catch (e) {}
  }
  for (const el of document.querySelectorAll('abbr, [title]')) {
    el.dispatchEvent(new MouseEvent('mouseover', {bubbles: true}));
  }
}"""


def test_payloads_inside_json_do_not_close_the_script(hostile_site: Path) -> None:
    """The runtime's JSON (in <script type="application/json"> or <template>) holds no '<' at all.

    So `</script>`, `</template>` or `<!--` inside author text can neither end the element early nor
    create markup; the payloads are escaped as \\u003c.
    """
    pattern = re.compile(r'<(script) type="application/json"[^>]*>|<(template) data-cw[^>]*>')
    seen = 0
    for path in hostile_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        for match in pattern.finditer(html):
            tag = match.group(1) or match.group(2)
            body = html[match.end():html.index(f"</{tag}>", match.end())]
            assert "<" not in body and "&" not in body, f"{path}: markup in JSON: {body[:300]}"
            seen += MARK.lower() in body.lower()
    assert seen, "no JSON block holds a payload; the check above tested nothing"
