"""The new authoring fields and the typed answer key: any_order, synonyms, declared skills, distinct items."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from helpers import LOADER, MINI, copy_mini, errors_of, replace_in

from generator.load import load_project
from generator.model.answerkey import FillKey, QuizConfig
from generator.model.grading import grade
from generator.pipeline import BuildInputs, render_course
from generator.render.site import RenderSettings, generate

QUIZ = "quizzes/M1-quiz.yml"


def _config(markdown: str) -> QuizConfig:
    """The quiz config a built page gives the runtime, read back through the typed model."""
    found = re.search(r"<template data-cw-config data-search-exclude>(.*?)</template>", markdown)
    assert found
    return QuizConfig.model_validate(json.loads(found[1]))


def _page(output: object, path: str) -> str:
    return next(p.markdown for p in output.pages if p.path == path)  # type: ignore[attr-defined]


# --- Skills: declared once per course, shown by name -----------------------------------------------------------------


def test_an_undeclared_skill_is_rejected_with_file_and_line(tmp_path: Path) -> None:
    root = copy_mini(tmp_path, LOADER)
    replace_in(root / QUIZ, "    skills: [MAN]\n", "    skills: [MAN, closing]\n")
    assert errors_of(root) == [
        "quizzes/M1-quiz.yml:14:19: questions[0].skills[1] (question 1): skill 'closing' is not declared in course 'mini': "
        "add it to `skills:` in course.yml with its display name; known: MAN"
    ]


def test_each_course_declares_the_skills_of_its_own_quizzes(tmp_path: Path) -> None:
    root = copy_mini(tmp_path, LOADER)
    (root / "courses").mkdir()
    (root / "courses/other.yml").write_text(
        "id: other\ntitle: 另一门课\nlessons: [M1]\ncheck_objectives: false\n", encoding="utf-8"
    )
    errors = errors_of(root)
    assert errors and all("not declared in course 'other'" in e and "courses/other.yml" in e for e in errors)


def test_skill_names_in_the_site_language(tmp_path: Path) -> None:
    root = copy_mini(tmp_path)
    replace_in(root / "course.yml", "language: zh\n", "")  # the theme's language then decides
    for language, shown in (("zh", "概念记忆"), ("en", "Recall")):
        output = render_course(BuildInputs(root=root, language=language))
        config = _config(_page(output, "quizzes/M1-extra.md"))
        assert config.skills == {"MAN": "MAN 法则", "recall": shown}, "a plain name serves every language"
        assert f'<span class="cw-tag">{shown}</span>' in _page(output, "quizzes/M1-extra.md")
        outline = re.search(
            r"<template data-cw-outline data-search-exclude>(.*?)</template>", _page(output, "progress.md")
        )
        assert outline and json.loads(outline[1])["skills"] == {"MAN": "MAN 法则", "recall": shown}


def test_a_skill_name_needs_a_language(tmp_path: Path) -> None:
    root = copy_mini(tmp_path)
    replace_in(root / "course.yml", "recall: {zh: 概念记忆, en: Recall}", "recall: {}")
    assert "course.yml:8:11: skills.recall: give the skill a name: zh, en or both" in errors_of(root)


# --- Ordering and matching items must differ -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "items: [一, 二, 三]",
            "items: [一, 二, 一]",
            "quizzes/M1-quiz.yml:34:51: questions[5].items (question 6): item 3 repeats item 1 ('一'): two equal items could be "
            "put either way round; make each one different",
        ),
        (
            "{left: A, right: 决策权}",
            "{left: M, right: 决策权}",
            "quizzes/M1-quiz.yml:38:12: questions[6].pairs (question 7): left item 2 repeats left item 1 ('M')",
        ),
        (
            "{left: A, right: 决策权}",
            "{left: A, right: 购买力}",
            "quizzes/M1-quiz.yml:38:12: questions[6].pairs (question 7): right-hand item 2 repeats right-hand item 1 ('购买力')",
        ),
        (
            "distractors: [包装]",
            "distractors: [决策权]",
            "quizzes/M1-quiz.yml:39:18: questions[6].distractors (question 7): right-hand item 3 repeats right-hand item 2 ('决策权')",
        ),
    ],
)
def test_repeated_items_are_rejected(tmp_path: Path, old: str, new: str, expected: str) -> None:
    root = copy_mini(tmp_path, LOADER)
    replace_in(root / QUIZ, old, new)
    errors = errors_of(root)
    assert len(errors) == 1 and expected in errors[0] and errors[0].startswith("quizzes/M1-quiz.yml:"), errors


# --- Fill-in: any_order and synonyms ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("any_order", "message"),
    [
        ("[[1, 3]]", "any_order names a blank the question does not have: blanks are numbered from 1 to 2"),
        ("[[1]]", "any_order: each group lists at least two blank numbers"),
        ("[[1, 2], [2, 1]]", "any_order: a blank is in two groups"),
        ("[[0, 1]]", "any_order names a blank the question does not have: blanks are numbered from 1 to 2"),
    ],
)
def test_bad_any_order_groups(tmp_path: Path, any_order: str, message: str) -> None:
    root = copy_mini(tmp_path, LOADER)
    prompt = "    prompt: 潜在客户要“{_}”和“{_}”。\n"
    replace_in(root / QUIZ, prompt, f"{prompt}    any_order: {any_order}\n")
    errors = errors_of(root)
    assert len(errors) == 1 and message in errors[0], errors


def test_fill_key_groups_and_synonyms() -> None:
    output = render_course(BuildInputs(root=MINI))
    q4 = _config(_page(output, "quizzes/M1-quiz.md")).questions["m-q4"]
    assert isinstance(q4, FillKey) and q4.groups == [[0, 1]], "any_order: true puts every blank in one group"
    p2 = _config(_page(output, "quizzes/M1-extra.md")).questions["m-p2"]
    assert isinstance(p2, FillKey)
    assert p2.groups == [[0]] and p2.blanks[0].accept == ["money"] and p2.blanks[0].synonyms == ["金钱"]
    assert p2.blanks[0].show == "Money", "the standard answer is shown as written"
    assert grade(q4, ["买得起", "用得着"]).correct and not grade(q4, ["用得着", "用得着"]).correct


def test_some_blanks_in_any_order(tmp_path: Path) -> None:
    from generator.model import FillIn

    question = FillIn.model_validate(
        {"id": "f", "type": "fill", "prompt": "{_}{_}{_}{_}", "any_order": [[2, 4]], "blanks": [{"accept": ["a"]}] * 4}
    )
    assert question.groups() == [[0], [1, 3], [2]]


# --- The key on the page ---------------------------------------------------------------------------------------------


def test_every_page_config_is_a_valid_contract() -> None:
    project = load_project(MINI)
    output = generate(project, project.courses["mini"], RenderSettings(language="zh"))
    quizzes = [p for p in output.pages if p.path.startswith("quizzes/")]
    assert len(quizzes) == 5
    types = set()
    for page in quizzes:
        config = _config(page.markdown)
        types |= {key.type for key in config.questions.values()}
        for key in config.questions.values():
            assert key.points > 0 and set(key.skills) <= set(config.skills)
    assert types >= {
        "single",
        "multiple",
        "truefalse",
        "fill",
        "numeric",
        "ordering",
        "matching",
        "categorise",
        "classify",
        "dialogue",
    }
    dialogue = _config(_page(output, "quizzes/M1-dialogue.md")).questions["m-d1"]
    assert dialogue.type == "dialogue" and dialogue.best == 5 and dialogue.path == [0, 0]
    assert dialogue.skills == ["MAN", "recall"], "a reply's own skill counts too"
    multiple = _config(_page(output, "quizzes/M1-quiz.md")).questions["m-q2"]
    assert multiple.type == "multiple" and multiple.scoring == "partial"
    extra = _config(_page(output, "quizzes/M1-extra.md")).questions["m-p1"]
    assert extra.type == "multiple" and extra.scoring == "all", "the quiz's scoring, resolved at build time"


def test_options_are_shuffled_when_the_page_is_built() -> None:
    output = render_course(BuildInputs(root=MINI))
    options = re.findall(r'data-cw-option="(\d+)"', _page(output, "quizzes/M1-quiz.md").split('id="m-q3"')[0])
    assert sorted(options) == ["0", "0", "1", "1", "2"] and options[:2] != ["0", "1"], options
    kept = re.findall(r'data-cw-option="(\d+)"', _page(output, "quizzes/M1-extra.md").split('id="m-p2"')[0])
    assert kept == ["0", "1", "2"], "shuffle_options: false keeps the authored order"
