"""Worked classification: per-step credit, step-by-step solution with cue highlights, seeded drills."""

from __future__ import annotations

import json
from typing import Any

import pytest

pytestmark = pytest.mark.browser

EXERCISES = "/quizzes/M1-exercises/"
DRILL = "/drills/man/"


def shown_steps(page: Any, scope: str) -> list[str]:
    return page.eval_on_selector_all(
        f"{scope} [data-cw-worked] > li", "els => els.filter(e => !e.hidden).map(e => e.textContent.trim())"
    )


def highlighted(page: Any, scope: str) -> list[str]:
    return page.eval_on_selector_all(f"{scope} .cw-cue--on", "els => els.map(e => e.dataset.cwCue)")


def test_classify_credit_per_step(s: Any) -> None:
    page = s.goto(EXERCISES)
    page.check("#m-x1 input[name='m-x1-money'][value='M']")
    page.check("#m-x1 input[name='m-x1-authority'][value='a']")
    page.check("#m-x1 input[name='m-x1-class'][value='MA']")
    page.check("#m-x1 input[name='m-x1-action'][value='MA']")
    page.click("#m-x1 [data-cw-action=check]")
    text = page.inner_text("#m-x1 [data-cw-status]")
    assert text.startswith("◐ 部分正确（0.75/1）"), text
    assert "正确答案：M+A" in text
    assert s.saved("M1-exercises")["results"]["m-x1"] == {"score": 0.75, "max": 1, "correct": False}
    marks = page.eval_on_selector_all("#m-x1 [data-cw-step]", "els => els.map(e => e.dataset.cwMark)")
    assert marks == ["right", "wrong", "right", "right"]
    glyphs = page.eval_on_selector_all(
        "#m-x1 [data-cw-step] > legend", "els => els.map(e => getComputedStyle(e, '::after').content)"
    )
    assert glyphs == ['" ✓"', '" ✗"', '" ✓"', '" ✓"'], "each step says right or wrong in text, not only colour"


def test_classify_all_right_and_judgment_scheme(s: Any) -> None:
    page = s.goto(EXERCISES)
    for name, value in [("money", "M"), ("authority", "A"), ("class", "MA"), ("action", "MA")]:
        page.check(f"#m-x1 input[name='m-x1-{name}'][value='{value}']")
    page.click("#m-x1 [data-cw-action=check]")
    assert page.inner_text("#m-x1 [data-cw-status]").startswith("✓ 回答正确（1/1）")
    page.check("#m-x2 input[value='decider']")
    page.click("#m-x2 [data-cw-action=check]")
    assert page.inner_text("#m-x2 [data-cw-status]").startswith("✗ 回答错误（0/1） 正确答案：使用者")


def test_worked_solution_step_by_step_with_cue_highlight(s: Any) -> None:
    page = s.goto(EXERCISES)
    assert not page.is_visible("#m-x1 [data-cw-explanation]"), "the solution waits for an answer"
    page.check("#m-x1 input[name='m-x1-class'][value='Ma']")
    page.click("#m-x1 [data-cw-action=check]")
    steps = shown_steps(page, "#m-x1")
    assert len(steps) == 1 and "公司预算充足" in steps[0]
    assert highlighted(page, "#m-x1") == ["0"]
    assert "公司预算充足" in page.inner_text("#m-x1 .cw-cue--on")
    next_button = page.locator("#m-x1 [data-cw-action=next]")
    next_button.focus()
    page.keyboard.press("Enter")
    steps = shown_steps(page, "#m-x1")
    assert len(steps) == 2 and "张总是这家公司的老板" in steps[1]
    assert highlighted(page, "#m-x1") == ["1"]
    next_button.click()
    assert highlighted(page, "#m-x1") == [], "the rule step refers to no cue"
    next_button.click()
    assert len(shown_steps(page, "#m-x1")) == 4
    assert not next_button.is_visible(), "no steps left"


def test_calc_relative_tolerance(s: Any) -> None:
    page = s.goto(EXERCISES)
    page.fill("#m-x3 [data-cw-number]", "２０％")
    page.click("#m-x3 [data-cw-action=check]")
    assert page.inner_text("#m-x3 [data-cw-status]").startswith("✓")
    assert page.is_visible("#m-x3 .cw-steps"), "the worked steps of the calculation"
    page.click("[data-cw-action=retry]")
    page.fill("#m-x3 [data-cw-number]", "25")
    page.click("#m-x3 [data-cw-action=check]")
    assert "正确答案：20 %" in page.inner_text("#m-x3 [data-cw-status]")


def drill_state(page: Any) -> dict[str, Any]:
    data = json.loads(page.eval_on_selector("[data-cw-drill-data]", "e => e.content.textContent"))
    cues = page.eval_on_selector_all("[data-cw-scenario] .cw-cue", "els => els.map(e => e.textContent)")
    return {
        "data": data,
        "cues": cues,
        "seed": page.input_value("[data-cw-seed]"),
        "scenario": page.inner_text("[data-cw-scenario]"),
    }


def expected(data: dict[str, Any], cues: list[str]) -> tuple[dict[str, str], str, str | None]:
    """What the scheme says about the composed scenario: the attribute values behind its cues, class, action."""
    values = {}
    for attribute in data["attributes"]:
        for value in attribute["values"]:
            if any(c in cues for c in value["cues"]):
                values[attribute["id"]] = value["id"]
    klass = next(r["then"] for r in data["rules"] if r["when"] == values)
    action = next(c for c in data["classes"] if c["id"] == klass)["action"]
    return values, klass, klass if action else None


def test_drill_page_exists(s: Any) -> None:
    page = s.goto(DRILL)
    assert page.locator("[data-cw-drill='man']").count() == 1, "the generated drill page for scheme man"


def test_drill_same_seed_same_scenario(s: Any) -> None:
    page = s.goto(DRILL + "#seed=12345")
    first = drill_state(page)
    assert first["seed"] == "12345"
    assert len(first["cues"]) == 2, "one cue per attribute"
    page = s.goto("/", mounted=False)  # somewhere else, then back with the same seed
    page = s.goto(DRILL + "#seed=12345")
    assert drill_state(page)["scenario"] == first["scenario"]
    # Another seed through the input; then the first seed again through the input.
    seen = {first["scenario"]}
    for seed in ["1", "2", "3", "4", "5", "6"]:
        page.fill("[data-cw-seed]", seed)
        page.press("[data-cw-seed]", "Enter")
        page.locator("[data-cw-seed]").blur()
        seen.add(drill_state(page)["scenario"])
        assert page.evaluate("location.hash") == f"#seed={seed}"
    assert len(seen) > 1, "different seeds give different scenarios"
    page.fill("[data-cw-seed]", "12345")
    page.locator("[data-cw-seed]").blur()
    assert drill_state(page)["scenario"] == first["scenario"]


def answer_drill(page: Any, values: dict[str, str], klass: str, action: str | None) -> int:
    """Pick the given attribute values, class and action, check, and return the number of steps."""
    for attribute, value in values.items():
        page.check(f"input[name='drill-{attribute}'][value='{value}']")
    page.check(f"input[name='drill-class'][value='{klass}']")
    if action:
        page.check(f"input[name='drill-action'][value='{action}']")
    page.click("[data-cw-drill] [data-cw-action=check]")
    return len(values) + 1 + (1 if action else 0)


def test_drill_scores_right_and_per_step(s: Any) -> None:
    page = s.goto(DRILL + "#seed=777")
    state = drill_state(page)
    values, klass, action = expected(state["data"], state["cues"])
    steps = answer_drill(page, values, klass, action)
    assert page.inner_text("[data-cw-drill] [data-cw-status]").startswith(f"✓ 回答正确（{steps}/{steps}）")
    worked = shown_steps(page, "[data-cw-drill]")
    assert len(worked) == 1 and any(c in worked[0] for c in state["cues"])
    assert highlighted(page, "[data-cw-drill]") == ["0"]
    page.click("[data-cw-drill] [data-cw-action=next]")
    assert highlighted(page, "[data-cw-drill]") == ["1"]

    # A new scenario; this time one attribute wrong: credit for the other steps only.
    page.click("[data-cw-action=new]")
    state = drill_state(page)
    assert state["seed"] != "777"
    values, klass, action = expected(state["data"], state["cues"])
    flip = next(iter(values))
    other = next(
        v["id"] for a in state["data"]["attributes"] if a["id"] == flip for v in a["values"] if v["id"] != values[flip]
    )
    steps = answer_drill(page, {**values, flip: other}, klass, action)
    assert page.inner_text("[data-cw-drill] [data-cw-status]").startswith(f"◐ 部分正确（{steps - 1}/{steps}）")


def test_drill_without_javascript(make_session: Any) -> None:
    s = make_session(java_script_enabled=False)
    page = s.goto(DRILL, mounted=False)
    assert page.is_visible(".cw-noscript")
    assert page.locator("[data-cw-drill] [data-cw-q]:visible").count() == 0, "no dead controls without a scenario"


JUDGMENT_DRILL = "/drills/role/"


def judgment_case(page: Any) -> tuple[dict[str, Any], str]:
    """The drawn scenario's class (the one whose bank holds the shown text) and the page's drill data."""
    data = json.loads(page.eval_on_selector("[data-cw-drill-data]", "e => e.content.textContent"))
    shown = page.inner_text("[data-cw-scenario]").strip()
    klass = next(c for c, texts in data["scenarios"].items() if shown in texts)
    return data, klass


def test_judgment_drill_answered_by_keyboard(s: Any) -> None:
    page = s.goto(JUDGMENT_DRILL + "#seed=7")
    assert "判断它属于哪一类" in page.inner_text(".cw-drill__how")
    assert page.locator("[data-cw-step=attribute]").count() == 0, "a judgment scheme has no attributes to ask"
    data, klass = judgment_case(page)
    ids = [c["id"] for c in data["classes"]]
    radios = page.locator("input[name='drill-class']")
    # Tab into the class group, then arrow keys move and choose within it, as in any radio group.
    page.locator("[data-cw-seed]").focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "drill-class"
    page.keyboard.press("Space")
    for _ in range(ids.index(klass)):
        page.keyboard.press("ArrowDown")
    assert radios.evaluate_all("els => els.filter(e => e.checked).map(e => e.value)") == [klass]
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.cwAction") == "check"
    page.keyboard.press("Enter")
    label = next(c for c in data["classes"] if c["id"] == klass)
    assert page.inner_text("[data-cw-status]").startswith("✓ 回答正确（1/1）")
    steps = shown_steps(page, "[data-cw-drill]")
    assert steps == [f"归类：{label['label']}：{label['description']}"], steps
    # A new scenario comes unanswered, and a wrong class is graded with the right one named.
    seed = page.input_value("[data-cw-seed]")
    page.locator("[data-cw-action=new]").focus()
    page.keyboard.press("Enter")
    assert page.input_value("[data-cw-seed]") != seed
    assert page.inner_text("[data-cw-status]") == "" and not page.is_visible("[data-cw-explanation]")
    assert radios.evaluate_all("els => els.filter(e => e.checked || e.disabled).length") == 0
    data, klass = judgment_case(page)
    wrong = next(c for c in data["classes"] if c["id"] != klass)
    page.check(f"input[name='drill-class'][value='{wrong['id']}']")
    page.click("[data-cw-drill] [data-cw-action=check]")
    right = next(c["label"] for c in data["classes"] if c["id"] == klass)
    assert page.inner_text("[data-cw-status]").startswith(f"✗ 回答错误（0/1） 正确答案：{right}")


def test_judgment_drill_same_seed_same_scenario(s: Any) -> None:
    page = s.goto(JUDGMENT_DRILL + "#seed=12345")
    first = page.inner_text("[data-cw-scenario]")
    page = s.goto("/", mounted=False)  # somewhere else, then back with the same seed
    page = s.goto(JUDGMENT_DRILL + "#seed=12345")
    assert page.inner_text("[data-cw-scenario]") == first
    seen = {first}
    for seed in ["1", "2", "3", "4", "5", "6"]:
        page.fill("[data-cw-seed]", seed)
        page.locator("[data-cw-seed]").blur()
        seen.add(page.inner_text("[data-cw-scenario]"))
    assert len(seen) > 1, "different seeds draw different scenarios"
