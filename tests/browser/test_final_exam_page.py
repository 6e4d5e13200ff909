"""The final exam in a real browser: each attempt draws by the blueprint, a pass unlocks the certificate."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser

#: Math.random made repeatable (mulberry32 from a seed per page load, counted in sessionStorage): the
#: seeds of the attempts, hence their draws, are the same on every run, so "two attempts differ" cannot
#: pass or fail by chance.
REPEATABLE_RANDOM = """(() => {
  const loads = +(sessionStorage.getItem('cw-test-loads') || 0);
  sessionStorage.setItem('cw-test-loads', String(loads + 1));
  let a = 42 + 1000 * loads;
  Math.random = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
})()"""

#: The attempt as shown: the ids of the visible questions, and the config's blueprint and keys.
SHOWN = """() => {
  const root = document.querySelector('[data-cw-exam]');
  const cfg = JSON.parse(root.querySelector('[data-cw-config]').content.textContent);
  const ids = [...root.querySelectorAll('[data-cw-q]:not([hidden])')].map((f) => f.dataset.cwQ);
  return {ids, cfg};
}"""

#: Answer every visible question right from the answer key the page carries (what grading uses).
ANSWER_RIGHT = """() => {
  const root = document.querySelector('[data-cw-exam]');
  const keys = JSON.parse(root.querySelector('[data-cw-config]').content.textContent).questions;
  for (const f of root.querySelectorAll('[data-cw-q]:not([hidden])')) {
    const k = keys[f.dataset.cwQ];
    if (k.type == 'single' || k.type == 'multiple')
      f.querySelectorAll('[data-cw-choice]').forEach((i) => (i.checked = k.correct.includes(+i.value)));
    else if (k.type == 'truefalse') f.querySelector(`[data-cw-choice][value='${k.answer}']`).checked = true;
    else if (k.type == 'fill') f.querySelectorAll('[data-cw-blank]').forEach((i, n) => (i.value = k.blanks[n].show));
    else if (k.type == 'numeric' || k.type == 'calc') f.querySelector('[data-cw-number]').value = String(k.answer);
    else if (k.type == 'ordering') {
      const ol = f.querySelector('[data-cw-order]');
      k.order.forEach((n) => ol.append(ol.querySelector(`[data-cw-item='${n}']`)));
    } else {
      const want = k.type == 'matching' ? k.pairs : k.categories;
      f.querySelectorAll('[data-cw-select]').forEach((s) => (s.value = String(want[+s.dataset.cwSelect])));
    }
  }
}"""


def meets_blueprint(ids: list[str], cfg: dict[str, Any]) -> None:
    """Per lesson exactly per_lesson questions, each at most once, every skill minimum met."""
    bp = cfg["blueprint"]
    assert len(set(ids)) == len(ids) == bp["per_lesson"] * len(bp["groups"])
    for group in bp["groups"]:
        assert sum(q in group for q in ids) == bp["per_lesson"]
    for skill, n in bp["min"].items():
        assert sum(skill in cfg["questions"][q]["skills"] for q in ids) >= n, skill


def shot(page: Any, folder: Path, engine: str, name: str) -> None:
    """A full-page screenshot to look at (kept in pytest's temporary folder)."""
    page.screenshot(path=str(folder / f"exam-{engine}-{name}.png"), full_page=True)


def test_each_attempt_draws_by_the_blueprint_and_a_reload_keeps_the_draw(
    make_session: Any, engine: str, tmp_path: Path
) -> None:
    s = make_session()
    s.context.add_init_script(REPEATABLE_RANDOM)
    page = s.goto("/exam/")
    first = page.evaluate(SHOWN)
    cfg = first["cfg"]
    # The page holds the whole eligible pool; an attempt shows its draw only.
    pool = [q for group in cfg["blueprint"]["groups"] for q in group]
    assert len(pool) == page.locator("[data-cw-q]").count() > len(first["ids"])
    assert cfg["blueprint"]["min"] == {"MAN": 3, "recall": 1}
    meets_blueprint(first["ids"], cfg)
    assert s.axe() == []
    # Numbered 1…n as shown.
    assert page.locator("[data-cw-q]:not([hidden]) .cw-q__num").all_inner_texts() == [
        f"第 {n} 题" for n in range(1, len(first["ids"]) + 1)
    ]
    shot(page, tmp_path, engine, "attempt")
    page.reload()
    page.wait_for_selector("[data-cw-mounted]", state="attached")
    assert page.evaluate(SHOWN)["ids"] == first["ids"]
    page.click("[data-cw-action=retry]")
    second = page.evaluate(SHOWN)["ids"]
    meets_blueprint(second, cfg)
    assert set(second) != set(first["ids"])
    assert s.saved("final-exam")["seed"] > 0


def test_the_certificate_appears_only_after_a_pass(make_session: Any, engine: str, tmp_path: Path) -> None:
    s = make_session()
    page = s.goto("/certificate/")
    assert page.locator("[data-cw-locked]").is_visible()
    assert page.locator("[data-cw-issued]").is_hidden()
    assert "80%" in page.locator("[data-cw-locked]").inner_text()
    assert s.axe() == []
    shot(page, tmp_path, engine, "certificate-locked")

    # A failed attempt: nothing answered, submitted.
    page = s.goto("/exam/")
    page.click("[data-cw-action=submit]")
    assert "未通过" in page.locator("[data-cw-result]").inner_text()
    page = s.goto("/certificate/")
    assert page.locator("[data-cw-issued]").is_hidden() and page.locator("[data-cw-locked]").is_visible()

    # Another attempt, every question right from the page's own answer key.
    page = s.goto("/exam/")
    page.click("[data-cw-action=retry]")
    page.evaluate(ANSWER_RIGHT)
    page.click("[data-cw-action=submit]")
    assert "得分" in page.locator("[data-cw-result]").inner_text()
    assert "已通过" in page.locator("[data-cw-result]").inner_text()
    assert s.axe() == []
    shot(page, tmp_path, engine, "passed")
    record = page.evaluate("JSON.parse(localStorage.getItem('cw:v1:certificate:final-exam'))")
    today = page.evaluate(
        "(() => { const d = new Date(); return [d.getFullYear(), d.getMonth() + 1, d.getDate()]"
        ".map((n) => String(n).padStart(2, '0')).join('-'); })()"
    )
    assert record == {"v": 1, "id": "final-exam", "pct": 100, "date": today}

    page = s.goto("/certificate/")
    assert page.locator("[data-cw-locked]").is_hidden()
    assert page.locator("[data-cw-name]").inner_text() == "（请在上方填写姓名）"
    page.fill("[data-cw-name-input]", "王小明")
    assert page.locator("[data-cw-name]").inner_text() == "王小明"
    assert page.locator("[data-cw-score]").inner_text() == "100%"
    y, m, d = (int(x) for x in today.split("-"))
    assert page.locator("[data-cw-date]").inner_text() == f"{y}年{m}月{d}日"
    sheet = page.locator(".cw-cert__sheet").inner_text()
    assert "迷你课程" in sheet and "未经任何机构核验" in sheet and "LMS" in sheet
    assert s.axe() == []
    shot(page, tmp_path, engine, "certificate")
    # The name stays in this browser: kept across a reload, never in a request.
    page.reload()
    page.wait_for_selector("[data-cw-mounted]", state="attached")
    assert page.locator("[data-cw-name]").inner_text() == "王小明"
    assert not [u for u in s.requests if "%E7%8E%8B" in u or "王" in u]
    # In print: the certificate alone, on one A4 landscape page, without the site's navigation or the form.
    page.emulate_media(media="print")
    assert page.locator(".md-header").is_hidden() and page.locator(".md-sidebar--primary").is_hidden()
    assert page.locator(".cw-cert__form").first.is_hidden() and page.locator("h1").is_hidden()
    shot(page, tmp_path, engine, "certificate-print")
    assert _pages(page.pdf(prefer_css_page_size=True)) == 1


def _pages(pdf: bytes) -> int:
    """The page count of a PDF Chromium printed (its page tree's /Count)."""
    import re

    counts = [int(n) for n in re.findall(rb"/Count (\d+)", pdf)]
    assert counts, "no page tree in the PDF"
    return max(counts)


def test_the_progress_page_lists_the_exam(make_session: Any) -> None:
    s = make_session()
    page = s.goto("/exam/")
    page.click("[data-cw-action=submit]")
    page = s.goto("/progress/")
    row = page.locator('[data-cw-pq="final-exam"]')
    assert row.locator("a").inner_text() == "结业考试"
    assert "0%" in row.inner_text() and "未通过" in row.inner_text()
