"""The final exam: the manifest's blueprint, the checks that the pool can satisfy it, and the draw."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import LOADER, ROOT, copy_mini, errors_of, replace_in

from generator.load import load_project
from generator.model.assemble import exam_minimums, exam_pool
from generator.model.examdraw import draw

#: Two lessons; each question's skills and level, in the order its quiz lists them.
LESSONS: dict[str, list[tuple[list[str], str]]] = {
    "X1": [(["a"], "apply"), (["a", "b"], "understand"), (["b"], "recall"), ([], "apply")],
    "X2": [(["b"], "apply"), (["c"], "apply"), (["c"], "understand"), (["a"], "recall")],
}


def make_course(root: Path, exam: str, extra: str = "") -> Path:
    """A project of two lessons with one quiz each, and a course.yml ending in `exam` (YAML text)."""
    for lesson, questions in LESSONS.items():
        (root / "lessons").mkdir(parents=True, exist_ok=True)
        (root / "quizzes").mkdir(exist_ok=True)
        body = {
            "id": lesson,
            "title": f"第 {lesson} 课",
            "summary": "摘要。",
            "minutes": 10,
            "objectives": [{"id": f"{lesson}-o", "text": "目标"}],
            "sections": [{"title": "一节", "body": "正文。"}],
            "key_points": ["要点。"],
        }
        (root / "lessons" / f"{lesson}.yml").write_text(yaml.safe_dump(body, allow_unicode=True), encoding="utf-8")
        quiz = {
            "id": f"{lesson}-quiz",
            "title": "测验",
            "lesson": lesson,
            "questions": [
                {
                    "id": f"{lesson}-q{n}",
                    "type": "truefalse",
                    "prompt": f"第 {n} 题。",
                    "answer": True,
                    "skills": skills,
                    "level": level,
                }
                for n, (skills, level) in enumerate(questions, 1)
            ],
        }
        (root / "quizzes" / f"{lesson}-quiz.yml").write_text(yaml.safe_dump(quiz, allow_unicode=True), encoding="utf-8")
    (root / "course.yml").write_text(
        "id: c\ntitle: 课程\nlessons: [X1, X2]\ncheck_objectives: false\n"
        f"skills: {{a: 甲, b: 乙, c: 丙}}\n{extra}final_exam:\n{exam}",
        encoding="utf-8",
    )
    return root


def test_a_satisfiable_blueprint_loads_and_its_pool_follows_levels_and_types(tmp_path: Path) -> None:
    root = make_course(
        tmp_path,
        "  pass_mark: 75\n  blueprint:\n    per_lesson: 2\n    levels: [understand, apply]\n"
        "    min_per_skill: {a: 1, c: 1}\n",
    )
    course = load_project(root).courses["c"]
    exam = course.final_exam
    assert exam is not None and exam.id == "final-exam" and exam.pass_mark == 75 and exam.title is None
    pool = exam_pool(load_project(root), course, exam)
    assert [(lesson, [q.id for q in qs]) for lesson, qs in pool] == [
        ("X1", ["X1-q1", "X1-q2", "X1-q4"]),
        ("X2", ["X2-q1", "X2-q2", "X2-q3"]),
    ]
    assert exam_minimums(exam, pool) == {"a": 1, "c": 1}


def test_a_number_for_min_per_skill_covers_every_skill_of_the_eligible_pool(tmp_path: Path) -> None:
    root = make_course(tmp_path, "  blueprint:\n    per_lesson: 2\n    exclude_types: [truefalse]\n", "")
    # Every question is a true/false one: no lesson has an eligible question.
    assert errors_of(root) == [
        "course.yml:8:17: final_exam.blueprint.per_lesson: lesson X1 has 0 eligible question(s), fewer than "
        "per_lesson (2); eligible: type not truefalse",
        "course.yml:8:17: final_exam.blueprint.per_lesson: lesson X2 has 0 eligible question(s), fewer than "
        "per_lesson (2); eligible: type not truefalse",
    ]
    make_course(tmp_path, "  blueprint:\n    per_lesson: 2\n    min_per_skill: 1\n")
    project = load_project(tmp_path)
    exam = project.courses["c"].final_exam
    assert exam is not None
    assert exam_minimums(exam, exam_pool(project, project.courses["c"], exam)) == {"a": 1, "b": 1, "c": 1}


def test_too_few_eligible_questions_in_a_lesson_is_reported_at_per_lesson(tmp_path: Path) -> None:
    root = make_course(tmp_path, "  blueprint:\n    per_lesson: 2\n    levels: [recall]\n")
    assert errors_of(root) == [
        "course.yml:8:17: final_exam.blueprint.per_lesson: lesson X1 has 1 eligible question(s), fewer than "
        "per_lesson (2); eligible: level recall",
        "course.yml:8:17: final_exam.blueprint.per_lesson: lesson X2 has 1 eligible question(s), fewer than "
        "per_lesson (2); eligible: level recall",
    ]


def test_a_skill_minimum_beyond_what_can_be_drawn_is_reported_at_the_skill(tmp_path: Path) -> None:
    # c: two eligible questions, both in X2, but only one place there.
    root = make_course(tmp_path, "  blueprint:\n    per_lesson: 1\n    min_per_skill:\n      c: 2\n      zz: 1\n")
    assert errors_of(root) == [
        "course.yml:10:10: final_exam.blueprint.min_per_skill.c: skill 'c' must be asked 2 time(s) per attempt "
        "but at most 1 of its questions can be drawn (1 per lesson; eligible questions with it: X2 2)",
        "course.yml:11:11: final_exam.blueprint.min_per_skill.zz: skill 'zz' is not declared in `skills:` "
        "of course 'c'",
    ]


def test_a_number_for_min_per_skill_points_at_the_number(tmp_path: Path) -> None:
    # a and b have two places (one per lesson); c only one, in X2.
    root = make_course(tmp_path, "  blueprint:\n    per_lesson: 1\n    min_per_skill: 2\n")
    assert errors_of(root) == [
        "course.yml:9:20: final_exam.blueprint.min_per_skill: skill 'c' must be asked 2 time(s) per attempt "
        "but at most 1 of its questions can be drawn (1 per lesson; eligible questions with it: X2 2)"
    ]


def test_minimums_that_compete_for_the_same_places_are_found_by_the_search(tmp_path: Path) -> None:
    # Each count alone is fine (X1's place can give a; X2's place b or c), but not b and c at once.
    root = make_course(
        tmp_path, "  blueprint:\n    per_lesson: 1\n    levels: [apply]\n    min_per_skill: {a: 1, b: 1, c: 1}\n"
    )
    assert errors_of(root) == [
        "course.yml:7:3: final_exam.blueprint: no draw of 1 question(s) per lesson meets every skill minimum at "
        "once (a 1, b 1, c 1): the skills compete for the same lessons' places; lower a minimum or raise "
        "per_lesson"
    ]


def test_the_exam_id_may_not_be_a_quiz_id(tmp_path: Path) -> None:
    root = make_course(tmp_path, "  id: X1-quiz\n  blueprint:\n    per_lesson: 1\n")
    assert errors_of(root) == [
        "course.yml:7:7: final_exam.id: final exam id 'X1-quiz' is also a quiz's id: their saved results "
        "would mix; choose another id"
    ]


def test_an_exam_too_long_for_one_page_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.load import exam_checks

    monkeypatch.setattr(exam_checks, "MAX_EXAM_QUESTIONS", 3)
    root = make_course(tmp_path, "  blueprint:\n    per_lesson: 2\n")
    assert errors_of(root) == [
        "course.yml:8:17: final_exam.blueprint.per_lesson: the exam would ask 4 questions (2 from each of 2 "
        "lessons); at most 3"
    ]


def test_the_blueprint_fields_are_validated(tmp_path: Path) -> None:
    root = make_course(tmp_path, "  blueprint:\n    per_lesson: 51\n    levels: [hard]\n    min_per_skill: -1\n")
    assert errors_of(root) == [
        "course.yml:8:17: final_exam.blueprint.per_lesson: Input should be less than or equal to 50; found a number 51",
        "course.yml:9:14: final_exam.blueprint.levels[0]: Input should be 'recall', 'understand' or 'apply'; "
        "found text 'hard'",
        "course.yml:10:20: final_exam.blueprint.min_per_skill: min_per_skill must be a number from 0 to 200, "
        "or a mapping skill: number",
    ]


# The draw -----------------------------------------------------------------------------------------------


def _meets(
    drawn: list[str], groups: list[list[str]], skills: dict[str, list[str]], per: int, mins: dict[str, int]
) -> bool:
    per_group = all(sum(q in g for q in drawn) == per for g in groups)
    counts = {s: sum(s in skills[q] for q in drawn) for s in mins}
    return per_group and len(set(drawn)) == len(drawn) and all(counts[s] >= n for s, n in mins.items())


def _random_pool(r: random.Random) -> tuple[list[list[str]], dict[str, list[str]], int, dict[str, int]]:
    groups = [[f"g{i}q{j}" for j in range(r.randint(1, 7))] for i in range(r.randint(1, 4))]
    skills = {q: r.sample("abcd", r.randint(0, 2)) for g in groups for q in g}
    mins = {s: r.randint(0, 3) for s in r.sample("abcd", r.randint(0, 3))}
    return groups, skills, r.randint(1, 3), mins


def _exists(groups: list[list[str]], skills: dict[str, list[str]], per: int, mins: dict[str, int]) -> bool:
    """Brute force: does any draw meet the blueprint?"""
    from itertools import combinations, product

    choices = [list(combinations(g, per)) for g in groups]
    return any(_meets([q for c in pick for q in c], groups, skills, per, mins) for pick in product(*choices))


def test_the_draw_finds_a_draw_exactly_when_one_exists() -> None:
    r = random.Random(7)
    found = missing = 0
    for _ in range(400):
        groups, skills, per, mins = _random_pool(r)
        exists = _exists(groups, skills, per, mins)
        for seed in (0, r.randint(1, 999999)):
            got = draw(groups, skills, per, mins, seed)
            assert (got is not None) == exists, (groups, skills, per, mins, seed)
            assert got is None or _meets(got, groups, skills, per, mins)
        found += exists
        missing += not exists
    assert found > 50 and missing > 50  # both outcomes were tried


def test_seeds_give_different_draws_and_seed_0_keeps_the_page_order() -> None:
    groups = [[f"a{j}" for j in range(10)], [f"b{j}" for j in range(10)]]
    skills = {q: [] for g in groups for q in g}
    assert draw(groups, skills, 3, {}, 0) == ["a0", "a1", "a2", "b0", "b1", "b2"]
    draws = {tuple(sorted(draw(groups, skills, 3, {}, seed) or [])) for seed in range(1, 30)}
    assert len(draws) > 25


def test_the_bundled_course_exam_is_satisfiable_with_a_varied_draw() -> None:
    project = load_project(ROOT)
    course = project.courses["khkf"]
    exam = course.final_exam
    assert exam is not None and exam.id == "final-exam" and exam.pass_mark == 80 and exam.blueprint.per_lesson == 3
    pool = exam_pool(project, course, exam)
    groups = [[q.id for q in qs] for _, qs in pool]
    skills = {q.id: q.skills for _, qs in pool for q in qs}
    mins = exam_minimums(exam, pool)
    assert len(mins) >= 5
    draws = [draw(groups, skills, 3, mins, seed) for seed in range(1, 41)]
    assert all(d is not None and _meets(d, groups, skills, 3, mins) for d in draws)
    assert len({frozenset(d or []) for d in draws}) == 40


# Shared vectors: tests/js/vectors.test.mjs draws the same cases with the runtime's blueprint.js.

DRAW_VECTORS = ROOT / "tests" / "vectors" / "draw.json"


def course_like() -> dict[str, Any]:
    """A pool shaped like a course's: 8 lessons of 25 questions, skills mostly of their own lesson."""
    r = random.Random(18)
    groups = [[f"L{i}-q{j}" for j in range(25)] for i in range(8)]
    skills = {
        q: [f"s{i}-{r.randint(0, 3)}"] + ([f"s{r.randint(0, 7)}-0"] if r.random() < 0.2 else [])
        for i, g in enumerate(groups)
        for q in g
    }
    return {"groups": groups, "skills": skills, "per": 3, "min": {"s0-0": 2, "s3-1": 2, "s5-2": 1, "s7-0": 3}}


def draw_cases() -> list[dict[str, Any]]:
    """Random blueprints and seeds with the draw Python makes (None: no draw exists)."""
    r = random.Random(2026)
    cases = [{**course_like(), "seed": seed} for seed in (0, 1, 77, 999999)]
    for _ in range(60):
        groups, skills, per, mins = _random_pool(r)
        for seed in (0, r.randint(1, 999999), r.randint(1, 999999)):
            cases.append({"groups": groups, "skills": skills, "per": per, "min": mins, "seed": seed})
    for case in cases:
        case["draw"] = draw(case["groups"], case["skills"], case["per"], case["min"], case["seed"])
    return cases


def test_the_draw_vectors_are_current() -> None:
    import os

    cases = draw_cases()
    if os.environ.get("UPDATE_VECTORS"):
        data = {"cases": cases, "course_like": course_like()}
        DRAW_VECTORS.write_text(json.dumps(data, ensure_ascii=False) + "\n", encoding="utf-8")
    stored = json.loads(DRAW_VECTORS.read_text(encoding="utf-8"))
    assert stored["cases"] == cases and stored["course_like"] == course_like()
    assert sum(c["draw"] is None for c in cases) > 20 and sum(c["draw"] is not None for c in cases) > 60


@pytest.mark.parametrize("seed", [1, 2, 999999])
def test_the_draw_matches_the_runtime_prng(seed: int) -> None:
    from generator.model.examdraw import rng

    # mulberry32 from util.js, computed by hand in node for these seeds (tests/js checks the rest).
    expected = {1: 0.6270739405881613, 2: 0.7342509443406016, 999999: 0.03664584248326719}[seed]
    assert rng(seed)() == expected


# The pages ------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def mini() -> Any:
    from generator.pipeline import BuildInputs, render_course

    return render_course(BuildInputs(root=ROOT / "tests" / "fixtures" / "mini"))


def _page(output: Any, path: str) -> str:
    return str(next(p for p in output.pages if p.path == path).markdown)


def test_the_exam_and_its_certificate_follow_the_last_lesson_in_the_nav(mini: Any) -> None:
    titles = [next(iter(entry)) for entry in mini.nav]
    assert titles == ["课程首页", "1. MAN 法则入门", "结业考试", "结业证书", "术语表", "学习进度"]
    assert mini.nav[2] == {"结业考试": "exam.md"} and mini.nav[3] == {"结业证书": "certificate.md"}
    # And at the end of the home page's learning path.
    assert '<p class="cw-path__exam"><a href="exam/">结业考试</a> · <a href="certificate/">结业证书</a></p>' in _page(
        mini, "index.md"
    )


def test_the_exam_page_holds_the_eligible_pool_and_the_blueprint(mini: Any) -> None:
    page = _page(mini, "exam.md")
    config = json.loads(page.split("<template data-cw-config data-search-exclude>")[1].split("</template>")[0])
    pool = ["m-e1", "m-e2", "m-e3", "m-x3", "m-p1", "m-p2", "m-p3", *(f"m-q{n}" for n in range(1, 9))]
    assert config["blueprint"] == {
        "per_lesson": 5,
        "groups": [pool],
        "min": {"MAN": 3, "recall": 1},
        "certificate_key": "cw:v1:certificate:final-exam",
    }
    assert config["id"] == "final-exam" and config["key"] == "cw:v1:quiz:final-exam" and config["mode"] == "exam"
    assert config["draw"] == 5 and config["pass_mark"] == 80 and sorted(config["questions"]) == sorted(pool)
    fieldsets = [line for line in page.splitlines() if 'data-cw-q="' in line]
    assert [line.split('data-cw-q="')[1].split('"')[0] for line in fieldsets] == pool
    # Built hidden: the runtime shows an attempt's draw only, so the pool never flashes up.
    assert all(line.endswith(" hidden>") for line in fieldsets)
    assert " hidden>" not in _page(mini, "quizzes/M1-quiz.md").split("<fieldset", 1)[1].split("\n", 1)[0]
    # Classify exercises are excluded; one submit, no "retry the wrong ones" (that would turn the exam into practice).
    assert "m-x1" not in page and 'data-cw-action="retry-wrong"' not in page
    assert 'data-cw-action="submit"' in page and "assets/courseware/exam.js" in page
    # Its questions are each quiz's: search finds them there, not twice.
    assert 'data-cw-exam="final-exam" data-cw-mode="exam" data-search-exclude>' in page


def test_the_progress_outline_lists_the_exam(mini: Any) -> None:
    page = _page(mini, "progress.md")
    outline = json.loads(page.split("<template data-cw-outline data-search-exclude>")[1].split("</template>")[0])
    exam = outline["exam"]
    assert (exam["id"], exam["key"], exam["asked"], exam["href"]) == (
        "final-exam",
        "cw:v1:quiz:final-exam",
        5,
        "../exam/",
    )
    assert 'data-cw-pq="final-exam"' in page


def test_the_certificate_page_says_what_is_needed_and_that_it_is_unverified(mini: Any, tmp_path: Path) -> None:
    from generator.pipeline import BuildInputs, render_course

    page = _page(mini, "certificate.md")
    assert "通过结业考试（得分达到 80%）后，这里会显示你的结业证书。" in page
    assert "未经任何机构核验" in page and "学习管理系统（LMS）" in page and "不会发送到任何地方" in page
    assert 'href="../exam/"' in page and "assets/courseware/certificate.js" in page
    root = copy_mini(tmp_path)
    replace_in(root / "course.yml", "language: zh", "language: en")
    english = render_course(BuildInputs(root=root))
    page = _page(english, "certificate.md")
    assert "# Certificate of completion" in page and "no one has verified it" in page and "(LMS)" in page
    assert next(iter(english.nav[2])) == "Final exam"


def test_a_course_without_a_final_exam_has_no_exam_pages() -> None:
    from generator.pipeline import BuildInputs, render_course

    output = render_course(BuildInputs(root=LOADER))
    assert not {"exam.md", "certificate.md"} & {p.path for p in output.pages}
    outline = _page(output, "progress.md").split("<template data-cw-outline data-search-exclude>")[1]
    assert '"exam":null' in outline


def test_conversations_are_never_drawn_into_the_exam() -> None:
    """The exam page loads the quiz runtime, not the conversation's: a dialogue is not eligible."""
    from generator.banks.export import load_course

    project, course = load_course(ROOT, "course.yml")
    assert course.final_exam is not None
    assert any(q.type == "dialogue" for quiz in project.quizzes.values() for q in quiz.questions)
    pool = exam_pool(project, course, course.final_exam)
    assert pool and not [q.id for _, questions in pool for q in questions if q.type == "dialogue"]
