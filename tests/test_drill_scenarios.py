"""Judgment schemes' drill scenarios: validated where they are written, and every bundled scheme gets a drill."""

from __future__ import annotations

from pathlib import Path

from helpers import LOADER, ROOT, copy_mini, errors_of

from generator.load import load_project
from generator.render.site import RenderSettings, generate

ROLE = "quizzes/schemes/role.yml"
SCENARIOS = """drill_scenarios:
  user:
    - 小李每天都用这台机器打印图纸。
    - 仓库的王师傅天天开这台叉车。
  decider:
    - 采购单最后要张总签字才算数。
    - 买不买由赵老板一个人说了算。
"""


def with_scenarios(tmp_path: Path, text: str) -> Path:
    root = copy_mini(tmp_path, LOADER)
    path = root / ROLE
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")
    return root


def test_a_complete_bank_loads(tmp_path: Path) -> None:
    project = load_project(with_scenarios(tmp_path, SCENARIOS))
    assert project.schemes["role"].drill_scenarios["decider"][1] == "买不买由赵老板一个人说了算。"


def test_unknown_class_is_named_at_its_line(tmp_path: Path) -> None:
    root = with_scenarios(tmp_path, SCENARIOS + "  boss:\n    - 老板说了算。\n    - 老板拍板。\n")
    assert errors_of(root) == [
        f"{ROLE}:14:3: drill_scenarios.boss: unknown class 'boss'; expected one of user, decider"
    ]


def test_a_class_needs_two_scenarios(tmp_path: Path) -> None:
    root = with_scenarios(tmp_path, SCENARIOS.replace("    - 仓库的王师傅天天开这台叉车。\n", ""))
    assert errors_of(root) == [
        f"{ROLE}:8:3: drill_scenarios.user: class 'user' has 1 scenario(s); a drill needs at least 2"
    ]


def test_the_bank_covers_every_class(tmp_path: Path) -> None:
    root = with_scenarios(tmp_path, SCENARIOS.split("  decider:")[0])
    assert errors_of(root) == [
        f"{ROLE}:7:1: drill_scenarios: no scenarios for class(es) decider; a drill covers every class"
    ]


def test_a_rule_scheme_takes_cues_not_scenarios(tmp_path: Path) -> None:
    root = copy_mini(tmp_path, LOADER)
    path = root / "quizzes/schemes/man.yml"
    path.write_text(path.read_text(encoding="utf-8") + "drill_scenarios:\n  MA: [有钱又能拍板。, 老板说预算够。]\n")
    found = errors_of(root)
    assert len(found) == 1 and found[0].endswith(
        "drill_scenarios: only judgment schemes take scenarios; a rule-based scheme's drill uses drill cues"
    ), found


def test_every_bundled_scheme_has_a_drill_page_in_the_nav() -> None:
    project = load_project(ROOT)
    course = project.courses["khkf"]
    output = generate(project, course, RenderSettings(language="zh"))

    def paths(nav: list[object]) -> list[str]:
        found: list[str] = []
        for entry in nav:
            for value in entry.values() if isinstance(entry, dict) else []:
                found += paths(value) if isinstance(value, list) else [value]
        return found

    in_nav = {p for p in paths(output.nav) if p.startswith("drills/")}
    assert in_nav == {f"drills/{s}.md" for s in project.schemes}, sorted(in_nav)
    judgment = [s for s in project.schemes.values() if s.kind == "judgment"]
    assert len(judgment) == 8
    pages = {p.path: p.markdown for p in output.pages}
    for scheme in judgment:
        page = pages[f"drills/{scheme.id}.md"]
        assert 'class="cw-drill__how"' in page and '"scenarios":{"' in page, scheme.id
        assert all(len(texts) >= 3 for texts in scheme.drill_scenarios.values()), scheme.id
