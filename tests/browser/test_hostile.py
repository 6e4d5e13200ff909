"""Hostile input to the quiz runtime: odd question ids and skill tags, poisoned localStorage, and author
inputs (content tabs, a checkbox) inside prompts and scenarios. Every test fails on any page error.
"""

from __future__ import annotations

import functools
import http.server
import json
import re
import shutil
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from answers import RIGHT, answer_right, order_right
from helpers import copy_mini, replace_in

pytestmark = pytest.mark.browser

QUIZ = "/quizzes/M1-quiz/"
#: Ids and skill tags that pass the build but name things in JavaScript or look like numbers; the skills'
#: display names, as the course declares them.
ODD_IDS = {"m-q3": "0", "m-q4": "length", "m-q5": "m.q.5", "m-q7": "toJSON"}
ODD_SKILLS = {"length": "长度", "0": "零", "prototype": "原型"}
#: Names the build rejects (Object.prototype's); written into a built page, the runtime must cope anyway.
RESERVED_IDS = {"m-q1": "constructor", "m-q2": "__proto__", "m-q6": "toString", "m-q8": "hasOwnProperty"}
RESERVED_SKILLS = ["constructor", "__proto__", "toString", "valueOf"]
TABS = """
      === "甲"

          甲的内容

      === "乙"

          乙的内容
"""
#: An object that throws when turned into a string or a number.
BAD = {"toString": 1, "valueOf": 1}


# --- A site with odd ids, tabs in prompts, and a copy of it with reserved names -------------------------------------


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _reserved_copy(site: Path, target: Path) -> None:
    """The built site with Object.prototype names for ids and skills, past the build's check."""
    shutil.copytree(site, target)
    reserved = ",".join(json.dumps(s) for s in RESERVED_SKILLS)
    for page in (target / "quizzes/M1-quiz/index.html", target / "progress/index.html"):
        html = page.read_text(encoding="utf-8")
        for old, new in RESERVED_IDS.items():
            assert old in html
            html = html.replace(old, new)
        html, n = re.subn(r'"skills":\[(\]?)', lambda m: f'"skills":[{reserved}' + ("]" if m[1] else ","), html)
        assert n
        page.write_text(html, encoding="utf-8")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Serves /odd/ (the mini fixture with odd ids and tabs) and /reserved/ (the same, renamed after the build)."""
    from generator.mkdocs.build import build_site

    port, top = _free_port(), tmp_path_factory.mktemp("hostile")
    root = copy_mini(top)
    replace_in(root / "mkdocs.yml", "site_url: http://127.0.0.1:8765/", f"site_url: http://127.0.0.1:{port}/odd/")
    quiz = root / "quizzes/M1-quiz.yml"
    replace_in(quiz, "    prompt: A 指的是什么？\n", "    prompt: |\n      A 指的是什么？\n" + TABS)
    replace_in(quiz, "    skills: [MAN]\n", f"    skills: [MAN, {', '.join(json.dumps(s) for s in ODD_SKILLS)}]\n")
    declared = "".join(f"  {json.dumps(k)}: {v}\n" for k, v in ODD_SKILLS.items())
    replace_in(root / "course.yml", "skills:\n", "skills:\n" + declared)
    # An author's checkbox, checked, in a multiple-response prompt.
    replace_in(quiz, "prompt: 哪些属于 MAN？", 'prompt: 哪些属于 MAN？<input type="checkbox" checked>')
    replace_in(
        root / "quizzes/M1-exercises.yml",
        "    scenario: 张总是这家公司的老板，公司预算充足。\n",
        "    scenario: |\n      张总是这家公司的老板，公司预算充足。\n" + TABS,
    )
    for old, new in ODD_IDS.items():
        replace_in(quiz, f"id: {old}", f"id: {json.dumps(new)}")
        replace_in(root / "lessons/M1.yml", f" {old},", f" {json.dumps(new)},")
    build_site(root / "mkdocs.yml", site_dir=top / "www" / "odd")
    _reserved_copy(top / "www" / "odd", top / "www" / "reserved")

    handler = functools.partial(_Quiet, directory=str(top / "www"))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{port}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def visit(browser: Any, hostile: str) -> Iterator[Any]:
    """A fresh page on the hostile site; the test fails on any page error or request to another origin."""
    context = browser.new_context(base_url=hostile, locale="zh-CN")
    context.set_default_timeout(5000)
    errors: list[str] = []
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    def goto(path: str) -> Any:
        page.goto(hostile + path)
        page.wait_for_selector("[data-cw-mounted]", state="attached")
        return page

    yield goto
    context.close()
    assert not errors, f"page errors: {errors}"
    assert all(u.startswith(hostile + "/") or u.startswith(("data:", "blob:")) for u in requests), requests


# --- Odd and reserved ids and skill tags ----------------------------------------------------------------------------


def _renamed(site: str) -> dict[str, str]:
    names = {qid: qid for qid in [*RIGHT, "m-q6"]} | ODD_IDS
    return names | RESERVED_IDS if site == "reserved" else names


@pytest.mark.parametrize("site", ["odd", "reserved"])
def test_odd_ids_and_skills_grade_and_tally(visit: Any, site: str) -> None:
    ids = _renamed(site)
    at = {qid: f"[data-cw-q={json.dumps(new)}]" for qid, new in ids.items()}
    page = visit(f"/{site}{QUIZ}")
    # A fresh attempt: nothing graded, nothing disabled, no score (old code read Object.prototype's members here).
    assert page.locator("[data-cw-status]:not(:empty)").count() == 0
    assert page.locator("[data-cw-q] :is(input, select, button[data-cw-move]):disabled").count() == 0
    assert page.inner_text("[data-cw-result]").strip() == ""
    for qid in RIGHT:
        answer_right(page, qid, at[qid])
        page.click(f"{at[qid]} [data-cw-action=check]")
        assert page.inner_text(f"{at[qid]} [data-cw-status]").startswith("✓"), qid
    order_right(page, at["m-q6"])
    page.click(f"{at['m-q6']} [data-cw-action=check]")
    # Shown by their display names; the reserved ones, written into the page past the build, by their ids.
    skills = ["MAN 法则", *ODD_SKILLS.values()] + (RESERVED_SKILLS if site == "reserved" else [])

    def check_result() -> None:
        text = page.inner_text("[data-cw-result]")
        assert "得分 8/8（100%）" in text and "✓ 已通过" in text, text
        line = next(x for x in text.splitlines() if x.startswith("各项技能："))
        assert sorted(line.removeprefix("各项技能：").split("，")) == sorted(f"{s} 100%" for s in skills), line

    check_result()
    page.reload()
    page.wait_for_selector("[data-cw-mounted]", state="attached")
    check_result()
    assert page.locator("[data-cw-status]:not(:empty)").count() == 8, "every result comes back from storage"
    mastery = visit(f"/{site}/progress/").inner_text("[data-cw-mastery]")
    for s in skills:
        assert f"\n{s}：" in f"\n{mastery}", (s, mastery)
    page = visit(f"/{site}{QUIZ}")
    page.click("[data-cw-action=retry]")
    assert page.locator("[data-cw-status]:not(:empty)").count() == 0
    assert page.inner_text("[data-cw-result]").strip() == "最好成绩：100%"


# --- Author inputs inside prompts and scenarios ---------------------------------------------------------------------


def _tab(page: Any, q: str) -> list[bool]:
    """Which tab of the content tabs inside question q is selected."""
    return page.eval_on_selector_all(f"{q} .tabbed-set > input", "els => els.map(e => e.checked)")


def test_tabs_in_a_single_choice_prompt(visit: Any) -> None:
    page = visit(f"/odd{QUIZ}")
    assert _tab(page, "#m-q1") == [True, False], "the runtime leaves the author's tab selected"
    assert page.is_visible("#m-q1 >> text=甲的内容") and not page.is_visible("#m-q1 >> text=乙的内容")
    page.click("#m-q1 .tabbed-labels label >> text=乙")
    assert page.is_visible("#m-q1 >> text=乙的内容") and not page.is_visible("#m-q1 >> text=甲的内容")
    saved = page.evaluate("JSON.parse(localStorage.getItem('cw:v1:quiz:M1-quiz'))")
    assert "m-q1" not in saved["answers"], "a tab is not an answer"
    page.check("#m-q1 [data-cw-choice][value='0']")
    page.click("#m-q1 [data-cw-action=check]")
    assert page.inner_text("#m-q1 [data-cw-status]").startswith("✓ 回答正确"), "the author's radio is not a pick"
    assert _tab(page, "#m-q1") == [False, True], "checking keeps the tab"
    assert page.is_disabled("#m-q1 [data-cw-choice][value='0']")
    page.click("#m-q1 .tabbed-labels label >> text=甲")
    assert _tab(page, "#m-q1") == [True, False], "tabs still work once the question is graded"
    page.reload()
    page.wait_for_selector("[data-cw-mounted]", state="attached")
    assert _tab(page, "#m-q1") == [True, False]
    assert page.inner_text("#m-q1 [data-cw-status]").startswith("✓ 回答正确")


def test_author_checkbox_in_a_multiple_response_prompt(visit: Any) -> None:
    page = visit(f"/odd{QUIZ}")
    author = "#m-q2 legend input[type=checkbox]"
    assert page.is_checked(author), "the runtime leaves the author's checkbox alone"
    answer_right(page, "m-q2")
    page.click("#m-q2 [data-cw-action=check]")
    assert page.inner_text("#m-q2 [data-cw-status]").startswith("✓ 回答正确")
    assert page.is_checked(author) and page.is_enabled(author)
    assert sorted(page.evaluate("JSON.parse(localStorage.getItem('cw:v1:quiz:M1-quiz')).answers['m-q2']")) == [0, 1]


def test_tabs_in_a_classify_scenario(visit: Any) -> None:
    page = visit("/odd/quizzes/M1-exercises/")
    assert _tab(page, "#m-x1") == [True, False]
    page.click("#m-x1 .tabbed-labels label >> text=乙")
    for step, value in [
        ("[data-cw-attribute=money]", "M"),
        ("[data-cw-attribute=authority]", "A"),
        ("[data-cw-step=class]", "MA"),
        ("[data-cw-step=action]", "MA"),
    ]:
        page.check(f"#m-x1 {step} [data-cw-choice][value={value}]")
    page.click("#m-x1 [data-cw-action=check]")
    assert page.inner_text("#m-x1 [data-cw-status]").startswith("✓ 回答正确")
    assert _tab(page, "#m-x1") == [False, True]


# --- Poisoned localStorage ------------------------------------------------------------------------------------------

GOOD_Q2 = {"answers": {"m-q2": [0, 1]}, "results": {"m-q2": {"score": 1, "max": 1, "correct": True}}}


def _record(**fields: Any) -> str:
    """M1-quiz's record: a good answer and result for m-q2, the poison, then JSON text (as storage holds it)."""
    record: dict[str, Any] = {"v": 1, "id": "M1-quiz", "seed": 7, **json.loads(json.dumps(GOOD_Q2))}
    for name, value in fields.items():
        if name in ("answers", "results") and isinstance(value, dict):
            record[name].update(value)
        else:
            record[name] = value
    return json.dumps(record)


POISONS = {
    "result-max": ("m-q1", _record(results={"m-q1": {"score": 1, "max": BAD, "correct": True}})),
    "result-score": ("m-q1", _record(results={"m-q1": {"score": BAD, "max": 1, "correct": False}})),
    "result-correct": ("m-q1", _record(results={"m-q1": {"score": 0, "max": 1, "correct": BAD}})),
    "seed": ("m-q1", _record(seed=BAD)),
    "best-passed-done": ("m-q1", _record(best=BAD, passed=BAD, done=BAD)),
    "single": ("m-q1", _record(answers={"m-q1": BAD})),
    "single-item": ("m-q1", _record(answers={"m-q1": [BAD]})),
    "truefalse": ("m-q3", _record(answers={"m-q3": BAD})),
    "fill": ("m-q4", _record(answers={"m-q4": [BAD, "x"]})),
    "numeric": ("m-q5", _record(answers={"m-q5": BAD})),
    "ordering": ("m-q6", _record(answers={"m-q6": [BAD, 0]})),
    "matching": ("m-q7", _record(answers={"m-q7": [BAD, 1]})),
    "categorise": ("m-q8", _record(answers={"m-q8": [0, BAD]})),
    # JSON.parse makes "__proto__" an own key: an entry of that name must not reach other questions.
    "proto-entry": (
        "m-q1",
        _record()
        .replace('"answers": {', '"answers": {"__proto__": {"m-q1": [1]}, ')
        .replace('"results": {', '"results": {"__proto__": {"score": 1, "max": 1, "correct": true}, '),
    ),
}


def _answer_and_check(page: Any, qid: str) -> None:
    if qid == "m-q6":
        order_right(page)
    else:
        answer_right(page, qid)
    page.click(f"#{qid} [data-cw-action=check]")
    assert page.inner_text(f"#{qid} [data-cw-status]").startswith("✓ 回答正确"), qid


@pytest.mark.parametrize("name", POISONS)
def test_poisoned_storage(s: Any, name: str) -> None:
    qid, stored = POISONS[name]
    s.context.add_init_script(f"localStorage.setItem('cw:v1:quiz:M1-quiz', {json.dumps(stored)})")
    page = s.goto(QUIZ)
    assert page.is_visible(f"#{qid} [data-cw-action=check]"), "the poisoned question is open"
    assert page.inner_text(f"#{qid} [data-cw-status]") == ""
    # The good entries next to the poison survive.
    assert page.is_checked("#m-q2 [data-cw-choice][value='0']") and page.is_checked("#m-q2 [data-cw-choice][value='1']")
    assert page.inner_text("#m-q2 [data-cw-status]").startswith("✓ 回答正确")
    _answer_and_check(page, qid)
    assert "得分 2/2（100%）" in page.inner_text("[data-cw-result]")
    page = s.goto("/progress/")
    assert "MAN 法则：100%" in page.inner_text("[data-cw-mastery]"), "the good result counts, the bad one is skipped"


@pytest.mark.parametrize("answer", [BAD, {"attributes": {"money": BAD}}, {"attributes": BAD, "class": BAD}])
def test_poisoned_classify_answer(s: Any, answer: Any) -> None:
    stored = json.dumps({"v": 1, "id": "M1-exercises", "seed": 3, "answers": {"m-x1": answer}, "results": {}})
    s.context.add_init_script(f"localStorage.setItem('cw:v1:quiz:M1-exercises', {json.dumps(stored)})")
    page = s.goto("/quizzes/M1-exercises/")
    assert page.locator("#m-x1 [data-cw-choice]:checked").count() == 0
    page.check("#m-x1 [data-cw-step=class] [data-cw-choice][value=MA]")
    page.click("#m-x1 [data-cw-action=check]")
    assert page.inner_text("#m-x1 [data-cw-status]").startswith("◐")
