"""Hostile text in every author field never runs as script in the built site, whatever a reader does.

A corpus of payloads (script tags, event handlers, javascript: URLs, SVG and MathML vectors,
broken markup, `</script>` inside JSON, Markdown links and images, attribute-breaking quotes) is
written into every text field of a lesson, a quiz, an exercise, two schemes, the glossary and the
course. A lesson of its own holds the places where a theme could turn text back into markup: a
long section title (Material shortens it with an ellipsis in the table of contents and copies its
text into a `title`), a `<pre class="md-ellipsis">`, a Markdown link title, a raw `<span title>`,
an attr_list title, an abbreviation and glossary definitions, one of them an off-origin image.

Every page is opened in Chromium; the questions are answered and hints revealed, then every
element that has a `title`, every `.md-ellipsis`, every `abbr` and every element Material can hang
a tooltip on is hovered with the mouse and focused, and Tab is pressed through the page. Setters on
`window.__xss` and `window.__pwned` report any payload that runs, dialogs are recorded, and every
request that leaves the site's origin is recorded and aborted. A last test builds the same sink
lesson with Material's `content.tooltips` forced on, which the courseware plugin refuses, and
shows that this detector then catches the script.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.mkdocs import plugin as mkdocs_plugin
from generator.mkdocs.build import build_site
from generator.model.limits import MAX_TEXT_CHARS, markdown_problem

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]

#: Appears in every payload, so an attribute that kept a payload can be recognised.
MARK = "XSSMARK"
RUN = "window.__xss=1"
#: Pictures in Markdown must be files of lessons/images/ with a text alternative, or the content is
#: refused when it is loaded (tests/test_links.py has the payloads refused that way). The payloads use
#: one that exists but does not decode, so an `onerror` that survived the sanitiser would fire.
BROKEN_PICTURE = "images/x.png"

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
    f'[{MARK}](JaVaScRiPt:{RUN} "t")',
    f'![{MARK}]({BROKEN_PICTURE}){{: onerror="{RUN}" }}',
    f'![{MARK}" onerror="{RUN}]({BROKEN_PICTURE})',
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
    f'<!--<img src="--><img src=x onerror={RUN}//">{MARK}',
    f"<details open ontoggle={RUN}>{MARK}</details>",
    f'<iframe srcdoc="<script>parent.__xss=1</script>">{MARK}</iframe>',
    f"<input autofocus onfocus={RUN} value={MARK}>",
    f"<form><button formaction=javascript:{RUN}>{MARK}</button></form>",
    f'<object data="javascript:{RUN}">{MARK}</object>',
    f"<style>@import 'javascript:{RUN}';</style>{MARK}",
    f'<p style="background:url(javascript:{RUN})">{MARK}</p>',
    f'{{: onclick="{RUN}" }} {MARK}',
    f'*{MARK}*{{: onclick="{RUN}" }}',
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
    f'???+ note "{MARK}" onclick="{RUN}"\n    <img src=x onerror={RUN}>',
    f'{MARK}[^1]\n\n[^1]: <a href="javascript:{RUN}">x</a>',
    f"Term {MARK}\n:   <img src=x onerror={RUN}>",
    f"```html\n</code></pre><script>{RUN}</script>\n```\n{MARK}",
]
PAYLOADS = [p.replace("<img src=x ", f"<img src={BROKEN_PICTURE} alt={MARK} ") for p in PAYLOADS]
MULTILINE = [p.replace("<img src=x ", f"<img src={BROKEN_PICTURE} alt={MARK} ") for p in MULTILINE]


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
            {
                "type": "diagram",
                "kind": ["flow", "funnel", "cycle"][k % 3],
                "caption": p,
                "steps": [p, f"{p} 2", f"{p} 3"],
            },
        ],
    }


def _lesson(g: int, ps: list[str], mds: list[str], question_ids: list[list[str]]) -> dict[str, Any]:
    return {
        "id": f"X{g}",
        "title": " ".join(ps),
        "summary": "\n\n".join(mds),
        "minutes": 5,
        "objectives": [{"id": f"X{g}-o{k}", "text": p, "assessed_by": question_ids[k]} for k, p in enumerate(ps)],
        "sections": [_section(g, k, p, md) for k, (p, md) in enumerate(zip(ps, mds, strict=False))],
        "key_points": ps + mds,
        "terms": [name for k, p in enumerate(ps) for name in (f"术语{g}x{k}", f"{p} T")],
    }


def _questions(g: int, k: int, p: str, md: str) -> list[dict[str, Any]]:
    common = {"hints": [p, md], "explanation": md, "feedback": {"correct": md, "incorrect": p}}
    x = f"x{g}-{k}"
    return [
        {
            "id": f"{x}-single",
            "type": "single",
            "prompt": md,
            "options": [{"text": p, "correct": True, "feedback": md}, {"text": f"{p} 2", "feedback": p}],
            **common,
        },
        {
            "id": f"{x}-multiple",
            "type": "multiple",
            "prompt": p,
            "options": [{"text": p, "correct": True, "feedback": p}, {"text": f"{p} 2", "feedback": md}],
            **common,
        },
        {"id": f"{x}-tf", "type": "truefalse", "prompt": md, "answer": True, **common},
        {
            "id": f"{x}-fill",
            "type": "fill",
            "prompt": f"{{_}} {p} {p}",
            "blanks": [{"accept": [p, f"{p} 2"]}],
            **common,
        },
        {"id": f"{x}-numeric", "type": "numeric", "prompt": p, "answer": 3, "unit": p, **common},
        {"id": f"{x}-ordering", "type": "ordering", "prompt": p, "items": [p, f"{p} 2", f"{p} 3"], **common},
        {
            "id": f"{x}-matching",
            "type": "matching",
            "prompt": p,
            "pairs": [{"left": p, "right": f"{p} R"}, {"left": f"{p} 2", "right": f"{p} R2"}],
            "distractors": [f"{p} D"],
            **common,
        },
        {
            "id": f"{x}-categorise",
            "type": "categorise",
            "prompt": p,
            "categories": [p, f"{p} B"],
            "items": [{"text": p, "category": p}, {"text": f"{p} 2", "category": f"{p} B"}],
            **common,
        },
        # Exercises: a rule-based scheme with cues, a judgment scheme with a rationale, a calculation.
        {
            "id": f"{x}-rules",
            "type": "classify",
            "scheme": f"xr{g}",
            "prompt": md,
            # A cue quote must be text of the scenario (a payload in raw HTML is refused at build).
            "scenario": f"预算充足。\n\n{md}\n\n{p}",
            "cues": [{"quote": "预算充足", "attribute": "money", "value": "M", "why": md}],
            **common,
        },
        {
            "id": f"{x}-judgment",
            "type": "classify",
            "scheme": f"xj{g}",
            "scenario": md,
            "answer": "user",
            "rationale": md,
            **common,
        },
        {
            "id": f"{x}-calc",
            "type": "calc",
            "prompt": md,
            "formula": "churn_rate",
            "givens": {"lost": 1, "total": 4},
            **common,
        },
        # A conversation: every line, reply, feedback, note, outcome and debrief, which the runtime clones.
        {
            "id": f"{x}-dialogue",
            "type": "dialogue",
            "prompt": md,
            "points": 2,
            "max_turns": 2,
            "speakers": {"customer": p},
            "start": "a",
            "nodes": [
                {
                    "id": "a",
                    "says": f"看看。\n\n{md}",
                    "cue": {"quote": "看看", "note": md},
                    "choices": [
                        {"say": p, "next": "b", "points": 1, "feedback": md},
                        {"say": f"{p} 2", "next": "lose", "feedback": p},
                    ],
                },
                {
                    "id": "b",
                    "says": md,
                    "choices": [
                        {"say": p, "next": "win", "points": 1, "feedback": md},
                        {"say": f"{p} 2", "next": "lose", "feedback": p},
                    ],
                },
            ],
            "endings": [
                {"id": "win", "outcome": p, "success": True, "debrief": md},
                {"id": "lose", "outcome": f"{p} 2", "debrief": md},
            ],
            **common,
        },
    ]


def _quiz(g: int, ps: list[str], mds: list[str]) -> dict[str, Any]:
    return {
        "id": f"X{g}-quiz",
        "title": " ".join(ps),
        "lesson": f"X{g}",
        "intro": "\n\n".join(mds),
        "questions": [q for k, (p, md) in enumerate(zip(ps, mds, strict=False)) for q in _questions(g, k, p, md)],
    }


def _schemes(g: int, ps: list[str], mds: list[str]) -> list[dict[str, Any]]:
    title, md = " ".join(ps), "\n\n".join(mds)
    rules = {
        "id": f"xr{g}",
        "title": title,
        "kind": "rules",
        "description": md,
        "reasoning": md,
        "attributes": [
            {
                "id": "money",
                "label": title,
                "question": title,
                "values": [{"id": "M", "label": title}, {"id": "m", "label": f"{title} 2"}],
            }
        ],
        "classes": [
            {"id": "yes", "label": title, "description": md, "action": md},
            {"id": "no", "label": f"{title} 2", "action": title},
        ],
        "rules": [{"when": {"money": "M"}, "then": "yes"}, {"when": {"money": "m"}, "then": "no"}],
        "drill": {"money": {"M": ps, "m": [f"{p} 3" for p in ps]}},
    }
    judgment = {
        "id": f"xj{g}",
        "title": title,
        "kind": "judgment",
        "description": md,
        "classes": [
            {"id": "user", "label": title, "description": md, "action": md},
            {"id": "decider", "label": f"{title} 2", "description": title},
        ],
    }
    return [rules, judgment]


# --- The places where a theme could turn text back into markup -----------------------------------


def pwn(tag: str) -> str:
    """A payload that reports `tag` through the `window.__pwned` trap when it runs."""
    return f"<img src=x onerror=window.__pwned='{tag}'>"


#: Section titles long enough that Material shortens them with an ellipsis in the table of contents;
#: its ellipsis patch then copies the text (the payload, as text) into the link's `title`.
TOC_TITLE = f"{pwn('toc')} " + "A" * 150
TOC_REMOTE_TITLE = "<img src=https://evil.example/toc.png> " + "B" * 150
#: Markdown that yields a `title` (or an ellipsis) holding a payload, one kind of sink per line.
SINK_MARKDOWN = "\n\n".join(
    [
        f'带标题的[链接](#s1 "{pwn("linktitle")}")。',
        f'<span title="{pwn("span")}">悬停这里</span>',
        f'带属性的*强调*{{: title="{pwn("attr")}" }}',
        f"ABBRX 是缩写。\n\n*[ABBRX]: {pwn('abbr')}",
        f"<pre class=\"md-ellipsis\">&lt;img src=x onerror=window.__pwned='pre'&gt; {'A' * 200}</pre>",
        "脚本术语 和 外链术语 都是术语。",
    ]
)
GLOSSARY_SINKS = [
    {"term": "脚本术语", "definition": pwn("glossary"), "lesson": "S0"},
    {"term": "外链术语", "definition": "<img src=https://evil.example/pixel.png>", "lesson": "S0"},
]
#: Sinks that must always be reached. The Markdown ones may lose their `title` or class to the
#: sanitizer; a section title cannot, and an abbreviation keeps its title by design.
ALWAYS_PRESENT = {"toc", "abbr"}
PWNED = re.compile(r"__pwned='(\w+)'")


def _sink_lesson() -> tuple[dict[str, Any], dict[str, Any]]:
    """The lesson S0 (every sink, in its summary and sections) and its quiz (sinks in revealed feedback)."""
    lesson = {
        "id": "S0",
        "title": "工具提示",
        "summary": SINK_MARKDOWN,
        "minutes": 5,
        "objectives": [{"id": "S0-o1", "text": "悬停", "assessed_by": ["s0-q"]}],
        "sections": [
            {"id": "s1", "title": TOC_TITLE, "body": SINK_MARKDOWN},
            {"id": "s2", "title": TOC_REMOTE_TITLE, "body": "外链术语。"},
            {"id": "s3", "title": "短标题", "body": SINK_MARKDOWN},
        ],
        "key_points": [SINK_MARKDOWN],
        "terms": [t["term"] for t in GLOSSARY_SINKS],
    }
    quiz = {
        "id": "S0-quiz",
        "title": "工具提示测验",
        "lesson": "S0",
        "intro": SINK_MARKDOWN,
        "questions": [
            {
                "id": "s0-q",
                "type": "single",
                "prompt": SINK_MARKDOWN,
                "hints": [SINK_MARKDOWN],
                "explanation": SINK_MARKDOWN,
                "feedback": {"correct": SINK_MARKDOWN, "incorrect": SINK_MARKDOWN},
                "options": [
                    {"text": f'[选项](#s1 "{pwn("linktitle")}")', "correct": True, "feedback": SINK_MARKDOWN},
                    {"text": "ABBRX", "feedback": SINK_MARKDOWN},
                ],
            }
        ],
    }
    return lesson, quiz


def bundled_features() -> list[str]:
    """theme.features of the bundled mkdocs.yml: the hostile site is built with what ships."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    return list(config["theme"]["features"])


def _dump(path: Path, data: Any) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")


def write_project(root: Path, site_url: str, features: list[str], corpus: bool = True) -> int:
    """A course with the sink lesson and (with `corpus`) every payload in every text field.

    Returns the number of lessons.
    """
    texts = PAYLOADS + [m.splitlines()[0] for m in MULTILINE]
    mds = PAYLOADS + MULTILINE
    for folder in ("lessons/images", "quizzes/schemes", "glossary", "docs"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    (root / BROKEN_PICTURE.replace("images/", "lessons/images/")).write_bytes(b"not a picture")
    terms: list[dict[str, Any]] = list(GLOSSARY_SINKS)
    groups = [(texts[i : i + GROUP], mds[i : i + GROUP]) for i in range(0, len(texts), GROUP)] if corpus else []
    for g, (ps, ms) in enumerate(groups):
        quiz = _quiz(g, ps, ms)
        ids = [[q["id"] for q in quiz["questions"] if q["id"].startswith(f"x{g}-{k}-")] for k in range(len(ps))]
        _dump(root / f"lessons/X{g}.yml", _lesson(g, ps, ms, ids))
        _dump(root / f"quizzes/X{g}-quiz.yml", quiz)
        for scheme in _schemes(g, ps, ms):
            _dump(root / f"quizzes/schemes/{scheme['id']}.yml", scheme)
        for k, p in enumerate(ps):
            terms += [
                {"term": f"术语{g}x{k}", "definition": p, "aliases": [f"别名{g}x{k} {p}"], "lesson": f"X{g}"},
                {"term": f"{p} T", "definition": p},
            ]
    lesson, quiz = _sink_lesson()
    _dump(root / "lessons/S0.yml", lesson)
    _dump(root / "quizzes/S0-quiz.yml", quiz)
    _dump(root / "glossary/terms.yml", {"terms": terms})
    # A title keeps to the content limits (length, '<' per paragraph): the course title takes the payloads
    # that fit; every payload is also in a lesson title, which reaches the same navigation and heading contexts.
    title = ""
    for text in texts if corpus else []:
        longer = f"{title} {text}".strip()
        title = longer if markdown_problem(longer, MAX_TEXT_CHARS) is None else title
    _dump(
        root / "course.yml",
        {
            "id": "xss",
            "language": "zh",
            "title": title if corpus else "XSS",
            "intro": "\n\n".join(mds) if corpus else SINK_MARKDOWN,
            "lessons": ["S0"] + [f"X{g}" for g in range(len(groups))],
        },
    )
    (root / "docs" / "about.md").write_text("# About\n\nHand-written.\n", encoding="utf-8")
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    _dump(
        root / "mkdocs.yml",
        {
            "site_name": "XSS",
            "site_url": site_url + "/",
            "docs_dir": "docs",
            "theme": {"name": "material", "language": "zh", "font": False, "features": features},
            # No search: every page would build the search index of the whole site in its worker.
            "plugins": ["courseware"],
            # The bundled course's Markdown pipeline, which is what authors get.
            "markdown_extensions": config["markdown_extensions"],
        },
    )
    return len(groups) + 1


# --- The browser ----------------------------------------------------------------------------------

#: Installed before any page script: a payload that runs reports itself, whatever page it is on.
TRAP = """(() => {
  for (const name of ['__xss', '__pwned']) {
    Object.defineProperty(window, name, {
      configurable: false,
      get() { return undefined; },
      set(value) { window.__cwXssTrap(name, String(value)); },
    });
  }
})();"""

#: Answer and reveal what can be revealed, so HTML the runtime inserts later is probed too.
INTERACT = """() => {
  for (const d of document.querySelectorAll('details')) d.open = true;
  for (const el of document.querySelectorAll('input[type=radio], input[type=checkbox]')) {
    try { el.click(); } catch (e) {}
  }
  // Conversations: the first reply at every turn, to the end summary (cloned lines, feedback, debrief).
  for (let turn = 0; turn < 4; turn++) {
    for (const box of document.querySelectorAll('[data-cw-replies]')) {
      try { box.querySelector('button')?.click(); } catch (e) {}
    }
  }
  for (const b of document.querySelectorAll('button[data-cw-action]')) {
    if (b.dataset.cwAction === 'reset') continue;
    try { b.click(); } catch (e) {}
  }
}"""

#: Elements Material can hang a tooltip on besides `[title]`, `abbr` and `.md-ellipsis`: status
#: icons, footnote references, instant previews, annotations and code-block buttons.
TOOLTIP_HOSTS = ".md-status, .footnote-ref, a[data-preview], .md-annotation, .md-clipboard, .md-code__button"
FOCUSABLE = "a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex='-1'])"

#: Every element to hover and focus, in document order, numbered through data attributes (its focus
#: target, the nearest focusable element around it, too) so each can be addressed later. Its signature (kind, region, tag, text) lets a later page skip
#: what an earlier page already probed (the navigation and header repeat on every page).
COLLECT = """([kinds, focusable]) => {
  const out = [], done = new Set();
  const region = (el) => el.closest('.md-header') ? 'header'
    : el.closest('.md-sidebar--secondary') ? 'toc'
    : el.closest('.md-sidebar--primary') ? 'nav'
    : el.closest('.md-content') ? 'content' : 'other';
  for (const [kind, selector] of kinds) {
    for (const el of document.querySelectorAll(selector)) {
      if (done.has(el) || el.closest('.md-tooltip2, .md-tooltip')) continue;
      // A link whose title Material's ellipsis patch copied from its shortened text: the pointer
      // enters it on the way to that text, which is probed as an ellipsis.
      if (kind === 'title' && el.querySelector('.md-ellipsis')) continue;
      done.add(el);
      const n = out.length;
      el.setAttribute('data-xss-probe', n);
      const target = el.closest(focusable);
      if (target) target.setAttribute('data-xss-focus', `${target.getAttribute('data-xss-focus') || ''} ${n}`);
      const box = el.getBoundingClientRect();
      const visible = el.checkVisibility({visibilityProperty: true}) && box.width > 0 && box.height > 0;
      // Material's ellipsis patch mounts its tooltip on an element only once it has been on screen,
      // as it would have been by the time a reader points at it.
      if (visible) el.scrollIntoView({block: 'center', inline: 'center', behavior: 'instant'});
      out.push({
        n, kind, region: region(el), tag: el.tagName.toLowerCase(), focus: !!target, visible,
        text: `${el.getAttribute('title') || ''} ${el.innerText || ''}`.slice(0, 400),
      });
    }
  }
  window.scrollTo(0, 0);
  return out;
}"""
KINDS = [["abbr", "abbr"], ["ellipsis", ".md-ellipsis"], ["title", "[title]"], ["tooltip", TOOLTIP_HOSTS]]

#: Where Tab starts: the table of contents (it comes before the content and holds the shortened
#: titles), else the content. The first page is also tabbed from the top (header and navigation).
TAB_START = """() => {
  const start = document.querySelector('.md-sidebar--secondary .md-nav') || document.querySelector('.md-content');
  if (!start) return false;
  start.tabIndex = -1;
  start.focus();
  return document.activeElement === start;
}"""

# A check run in every page: what a payload would have left behind.
INSPECT = """(mark) => {
  const bad = [];
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase(), value = attr.value;
      if (name.startsWith('on') && (value.includes(mark) || /__xss|__pwned/.test(value)))
        bad.push(`${el.tagName} ${name}=${value}`);
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc'].includes(name)
          && /^\\s*(javascript|data|vbscript):/i.test(value.replace(/[\\s\\u0000-\\u001f]/g, ''))
          && !(name === 'src' && /^data:image\\//i.test(value))) bad.push(`${el.tagName} ${name}=${value}`);
      if (name === 'srcdoc') bad.push(`${el.tagName} srcdoc`);
    }
    if (el.tagName === 'SCRIPT' && /__xss|__pwned/.test(el.textContent || '') && el.type !== 'application/json')
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
  return bad;
}"""

#: Focus one element, scroll it into the middle of the viewport and return the point where the pointer
#: lands on it (null when something else is drawn there, such as Material's drawer title over the
#: navigation). This is what locator.hover() checks before it moves the mouse, in one round trip:
#: hover()'s own waits cost about 140 ms an element, ten times this, and there are hundreds.
POINT = """(n) => {
  const el = document.querySelector(`[data-xss-probe="${n}"]`);
  const focus = document.querySelector(`[data-xss-focus~="${n}"]`);
  if (focus) focus.focus({preventScroll: true});
  if (!el.hasAttribute('data-xss-armed')) {
    el.setAttribute('data-xss-armed', '');
    el.addEventListener('mouseenter', () => el.setAttribute('data-xss-entered', ''), {once: true});
  }
  el.scrollIntoView({block: 'center', inline: 'center', behavior: 'instant'});
  const r = el.getBoundingClientRect();
  const x = r.left + r.width / 2, y = r.top + r.height / 2;
  const hit = document.elementFromPoint(x, y);
  // Already under the pointer (inside the element probed before it): leave first, then enter.
  return hit && el.contains(hit) ? [x, y, el.matches(':hover')] : null;
}"""
FRAMES = "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"
#: The probed elements the pointer really entered.
ENTERED = "() => [...document.querySelectorAll('[data-xss-entered]')].map(el => +el.dataset.xssProbe)"

#: Bounds that keep the whole run under a minute on two cores.
TABS_PER_KIND = 25
TABS_FIRST_PAGE = 50
MAX_TARGETS_PER_PAGE = 30


def _is_sink(text: str) -> bool:
    """Text of one of the sink lesson's payloads (the corpus' payloads are everywhere else)."""
    return "__pwned" in text or "evil.example" in text


def choose(candidates: list[dict[str, Any]], seen: set[tuple[str, ...]]) -> list[dict[str, Any]]:
    """The candidates to probe on one page: visible, not probed on an earlier page, at most a bound.

    Deterministic: see _sample.
    """

    def signature(c: dict[str, Any]) -> tuple[str, ...]:
        return c["kind"], c["region"], c["tag"], c["text"]

    fresh = [c for c in candidates if c["visible"] and signature(c) not in seen]
    chosen = fresh if len(fresh) <= MAX_TARGETS_PER_PAGE else _sample(fresh)
    # Only what is probed counts as seen: what the sample left out here may be probed on a later page.
    seen.update(signature(c) for c in chosen)
    return chosen


def _sample(fresh: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every candidate holding a sink payload and the first of each (kind, region, tag); the
    rest at an even stride, up to MAX_TARGETS_PER_PAGE."""
    kinds: set[tuple[str, str, str]] = set()
    keep = []
    for c in fresh:
        kind = (c["kind"], c["region"], c["tag"])
        if _is_sink(c["text"]) or kind not in kinds:
            keep.append(c["n"])
            kinds.add(kind)
    rest = [c["n"] for c in fresh if c["n"] not in keep]
    room = max(MAX_TARGETS_PER_PAGE - len(keep), 0)
    if room:
        keep += rest[:: max(len(rest) // room, 1)][:room]
    return [c for c in fresh if c["n"] in keep]


@dataclass
class Probe:
    """What a walk through a site saw: scripts that ran, dialogs, requests to elsewhere, leftovers."""

    origin: str
    hits: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    leftovers: list[str] = field(default_factory=list)
    #: The elements probed (hovered, or only focused where something else covers them on screen),
    #: and those the pointer could not enter.
    probed: list[dict[str, Any]] = field(default_factory=list)
    unhoverable: list[str] = field(default_factory=list)
    #: (kind, region) of every visible candidate on any page, probed or not.
    kinds: set[tuple[str, str]] = field(default_factory=set)
    tabs: int = 0

    def problems(self) -> list[str]:
        return (
            [f"script ran: {h}" for h in self.hits]
            + [f"dialog: {d}" for d in self.dialogs]
            + [f"request left {self.origin}: {u}" for u in self.foreign]
            + self.leftovers
        )

    def reached(self) -> set[str]:
        """Sink tags whose payload text was in an element the pointer entered."""
        return {tag for c in self.probed if c["hovered"] for tag in PWNED.findall(c["text"])}


def walk(browser: Any, origin: str, paths: list[str]) -> Probe:
    """Open each page, answer and reveal, hover and focus every tooltip host, press Tab; report."""
    probe = Probe(origin)
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 800})
    context.set_default_timeout(5000)
    try:
        context.expose_binding(
            "__cwXssTrap", lambda source, name, value: probe.hits.append(f"{source['page'].url}: {name} = {value}")
        )
        context.add_init_script(TRAP)

        def elsewhere(route: Any) -> None:
            probe.foreign.append(route.request.url)
            route.abort()

        # A pattern (matched in the browser driver), not a Python predicate: the site's own requests are
        # never intercepted, which would cost a round trip each; everything else is recorded and aborted.
        context.route(re.compile(f"^(?!{re.escape(origin)}/)"), elsewhere)
        page = context.new_page()
        page.on("dialog", lambda d: (probe.dialogs.append(f"{page.url}: {d.type} {d.message}"), d.dismiss()))
        seen: set[tuple[str, ...]] = set()
        tabbed: set[str] = set()
        for i, path in enumerate(paths):
            page.goto(origin + path, wait_until="load")
            page.evaluate(INTERACT)
            candidates = page.evaluate(COLLECT, [KINDS, FOCUSABLE])
            probe.kinds |= {(c["kind"], c["region"]) for c in candidates if c["visible"]}
            chosen = choose(candidates, seen)
            # Two frames: the visibility observers (Material's ellipsis patch) see what COLLECT scrolled past.
            page.evaluate(FRAMES)
            for c in chosen:
                # Focus, then a real pointer move onto the element's centre (mouseenter and mouseover
                # fire as for a person); see POINT for why not locator.hover().
                at = page.evaluate(POINT, c["n"])
                if at:
                    if at[2]:
                        page.mouse.move(0, 0)
                    page.mouse.move(at[0], at[1])
            entered = set(page.evaluate(ENTERED))
            for c in chosen:
                hovered = c["n"] in entered
                if not hovered:
                    probe.unhoverable.append(f"{path}: {c['kind']} {c['region']} {c['tag']} {c['text'][:60]!r}")
                if hovered or c["focus"]:
                    probe.probed.append({"path": path, "hovered": hovered, **c})
            # Tab through the first page of each kind (lessons, quizzes, drills, …): the order of focus
            # is the same on every page of a kind, and every focusable tooltip host was focused above.
            kind = path.strip("/").split("/")[0]
            if kind not in tabbed:
                tabbed.add(kind)
                if i == 0:
                    page.evaluate("() => document.activeElement && document.activeElement.blur()")
                    for _ in range(TABS_FIRST_PAGE):
                        page.keyboard.press("Tab")
                    probe.tabs += TABS_FIRST_PAGE
                if page.evaluate(TAB_START):
                    for _ in range(TABS_PER_KIND):
                        page.keyboard.press("Tab")
                    probe.tabs += TABS_PER_KIND
            # Let an image that failed to load fire its error handler before the page is left.
            page.wait_for_timeout(50)
            probe.leftovers += [f"{path}: {b}" for b in page.evaluate(INSPECT, MARK)[:5]]
    finally:
        context.close()
    return probe


def pages_of(site: Path) -> list[str]:
    """URL paths of every page of a built site, sorted."""
    return sorted("/" + p.relative_to(site).as_posix().removesuffix("index.html") for p in site.rglob("*.html"))


def report(probe: Probe, limit: int = 40) -> str:
    """The first `limit` problems of a walk, one a line."""
    problems = probe.problems()
    return "\n".join(problems[:limit]) + (f"\n… {len(problems)} in all" if len(problems) > limit else "")


# --- Tests ----------------------------------------------------------------------------------------


@dataclass
class Site:
    """A built hostile site, the origin it is served on and its number of lessons."""

    folder: Path
    origin: str
    lessons: int


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory, serve_folder: Any) -> Iterator[Site]:
    """The hostile course, built with the bundled theme features and served on a free port of its own."""
    root = tmp_path_factory.mktemp("xss") / "project"
    site = root / "site"
    site.mkdir(parents=True)
    with serve_folder(site) as origin:
        # The site is built after the server has its port, so site_url names the origin it is served on.
        lessons = write_project(root, origin, bundled_features())
        build_site(root / "mkdocs.yml", site)
        yield Site(site, origin, lessons)


def test_payloads_reach_every_kind_of_page(hostile: Site) -> None:
    """The corpus and the sinks made it into the pages (escaped), so the browser checks mean something."""
    site = hostile.folder
    assert len(list((site / "lessons").iterdir())) == hostile.lessons
    for page in [
        "index.html",
        "lessons/X0/index.html",
        "quizzes/X0-quiz/index.html",
        "drills/xr0/index.html",
        "quizzes/X11-quiz/index.html",
        "glossary/index.html",
        "progress/index.html",
    ]:
        text = (site / page).read_text(encoding="utf-8")
        assert MARK in text, page
    sinks = (site / "lessons/S0/index.html").read_text(encoding="utf-8")
    assert sinks.count("A" * 150) >= 2  # the heading and its entry in the table of contents
    assert "ABBRX</abbr>" in sinks and "evil.example/toc.png" in sinks


def test_payloads_inside_json_do_not_close_the_script(hostile: Site) -> None:
    """The runtime's JSON (in <script type="application/json"> or <template>) holds no '<' at all.

    So `</script>`, `</template>` or `<!--` inside author text can neither end the element early nor
    create markup; the payloads are escaped as \\u003c.
    """
    # A dialogue's turns and endings are <template>s of sanitised HTML, not JSON: the walk below probes them.
    pattern = re.compile(r'<(script) type="application/json"[^>]*>|<(template) data-cw(?!-turn=|-ending=)[^>]*>')
    seen = 0
    for path in hostile.folder.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        for match in pattern.finditer(html):
            tag = match.group(1) or match.group(2)
            body = html[match.end() : html.index(f"</{tag}>", match.end())]
            assert "<" not in body and "&" not in body, f"{path}: markup in JSON: {body[:300]}"
            seen += MARK.lower() in body.lower()
    assert seen, "no JSON block holds a payload; the check above tested nothing"


def test_no_payload_runs_on_hover_focus_or_keyboard(browser: Any, hostile: Site) -> None:
    """Every page, every tooltip host hovered and focused, Tab pressed: nothing runs, nothing leaves."""
    paths = pages_of(hostile.folder)
    started = time.monotonic()
    probe = walk(browser, hostile.origin, paths)
    elapsed = time.monotonic() - started
    assert not probe.problems(), report(probe)
    # The walk reached what it had to: every kind of element found (in each region of the page), the
    # table of contents and abbreviations with the pointer, and every sink's payload.
    assert probe.kinds <= {(c["kind"], c["region"]) for c in probe.probed}, probe.kinds
    hovered = {(c["kind"], c["region"]) for c in probe.probed if c["hovered"]}
    assert {("ellipsis", "toc"), ("abbr", "content")} <= hovered, hovered
    assert probe.reached() >= ALWAYS_PRESENT, probe.reached()
    assert not [u for u in probe.unhoverable if "__pwned" in u], probe.unhoverable
    print(
        f"\n{len(paths)} pages, {len(probe.probed)} elements probed "
        f"({sum(c['hovered'] for c in probe.probed)} hovered, the rest covered on screen and focused), "
        f"{probe.tabs} Tab presses, {elapsed:.1f} s"
    )


def test_detector_catches_material_tooltips(
    browser: Any, serve_folder: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The detector works: with content.tooltips forced on, hovering the sinks runs their script.

    The plugin refuses the feature; the refusal is lifted here only, to build the sink lesson the
    way the site would have been built before.
    """
    monkeypatch.setattr(mkdocs_plugin, "UNSAFE_THEME_FEATURES", {})
    root, site = tmp_path / "project", tmp_path / "site"
    site.mkdir()
    with serve_folder(site) as origin:
        write_project(root, origin, bundled_features() + ["content.tooltips"], corpus=False)
        build_site(root / "mkdocs.yml", site)
        probe = walk(browser, origin, pages_of(site))
    hits = {value for hit in probe.hits for value in re.findall(r"__pwned = (\w+)", hit)}
    # Every sink that still carries its payload in a title or an ellipsis ran it when hovered or focused.
    assert hits >= ALWAYS_PRESENT and probe.reached() <= hits, (probe.reached(), report(probe))
    assert any(u.startswith("https://evil.example/toc.png") for u in probe.foreign), probe.foreign
    assert any("onerror=window.__pwned" in b for b in probe.leftovers), probe.leftovers
