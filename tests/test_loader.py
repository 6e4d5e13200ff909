"""Loading and validation: every error names file, line, column, field, found and expected."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import LOADER, copy_mini, errors_of, replace_in

from generator.load import load_project


def test_fixture_loads(tmp_path: Path) -> None:
    project = load_project(copy_mini(tmp_path, LOADER))
    assert sorted(project.lessons) == ["M1"]
    assert len(project.questions()) == 11
    assert project.courses["mini"].lessons == ["M1"]


def test_wrong_type_names_file_line_and_found_value(tmp_path: Path) -> None:
    root = copy_mini(tmp_path, LOADER)
    replace_in(root / "lessons/M1.yml", "minutes: 20", "minutes: twenty")
    assert errors_of(root) == [
        "lessons/M1.yml:4:10: minutes: Input should be a valid integer, unable to parse string as an integer; "
        "found text 'twenty'"
    ]


def test_unknown_field_suggests_the_right_one(tmp_path: Path) -> None:
    root = copy_mini(tmp_path, LOADER)
    replace_in(root / "quizzes/M1-quiz.yml", "    explanation: A 是 authority。", "    explanaton: A 是 authority。")
    assert errors_of(root) == [
        "quizzes/M1-quiz.yml:12:5: questions[0].explanaton (question 1): unknown field 'explanaton' (did you mean 'explanation'?)"
    ]


def test_missing_field_and_bad_option_in_one_run(tmp_path: Path) -> None:
    root = copy_mini(tmp_path, LOADER)
    replace_in(root / "lessons/M1.yml", "title: MAN 法则入门\n", "")
    replace_in(root / "quizzes/M1-quiz.yml", "      - {text: 决策权, correct: true}", "      - {text: 决策权}")
    found = errors_of(root)
    assert "lessons/M1.yml:1:1: missing required field 'title'" in found
    assert (
        "quizzes/M1-quiz.yml:6:5: questions[0] (question 1): a single-choice question needs exactly one option with "
        "correct: true, found 0"
    ) in found
    assert len(found) == 2


def test_unknown_question_type(tmp_path: Path) -> None:
    root = copy_mini(tmp_path, LOADER)
    replace_in(root / "quizzes/M1-quiz.yml", "type: single", "type: essay")
    assert errors_of(root) == [
        "quizzes/M1-quiz.yml:7:11: questions[0].type (question 1): unknown type 'essay'; expected one of 'single', "
        "'multiple', 'truefalse', 'fill', 'numeric', 'ordering', 'matching', 'categorise', 'classify', 'calc', "
        "'dialogue'"
    ]


def test_fill_blank_count_must_match(tmp_path: Path) -> None:
    root = copy_mini(tmp_path, LOADER)
    replace_in(root / "quizzes/M1-quiz.yml", "“{_}”和“{_}”", "“{_}”")
    assert errors_of(root) == [
        "quizzes/M1-quiz.yml:26:5: questions[3] (question 4): the prompt has 1 blank(s) written as {_} but 2 blanks are listed"
    ]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "lessons/M1.yml:1:1: file is empty; expected a mapping of fields (e.g. id: \u2026, title: \u2026)"),
        (
            b"# only a comment\n",
            "lessons/M1.yml:1:1: file is empty; expected a mapping of fields (e.g. id: \u2026, title: \u2026)",
        ),
        (b"- a\n- b\n", "lessons/M1.yml:1:1: expected a mapping of fields, found a list"),
        (b"just text\n", "lessons/M1.yml:1:1: expected a mapping of fields, found the value 'just text'"),
        (
            "id: M1\ntitle: \u4e2d\n".encode("gbk"),
            "lessons/M1.yml:2:8: not valid UTF-8 (byte 0xd6); save the file as UTF-8",
        ),
        (
            b"id: M1\ntitle:\n\t- x\n",
            "lessons/M1.yml:3:1: invalid YAML while scanning for the next token: found "
            "character '\\t' that cannot start any token (this line contains a tab; YAML "
            "indentation must use spaces)",
        ),
        (b"id: M1\nid: M2\n", "lessons/M1.yml:2:1: duplicate key 'id': each field may appear once"),
        (
            "id: M1\ntitle: 标题\n".encode() + b"summary: ab\xffcd\n",
            "lessons/M1.yml:3:12: not valid UTF-8 (byte 0xff); save the file as UTF-8",
        ),
        (
            b"id: M1\nsections:\n  - title: x\n    body: y\n\t  blocks: []\n",
            "lessons/M1.yml:5:1: invalid YAML while scanning for the next token: found character '\\t' that cannot "
            "start any token (this line contains a tab; YAML indentation must use spaces)",
        ),
        (
            b"a: &a [1]\nb: *a\n---\nc: 1\n",
            "lessons/M1.yml:4:1: expected one YAML document, found 2 (remove the '---' separator)",
        ),
    ],
)
def test_broken_files_get_one_clear_error(tmp_path: Path, content: bytes, expected: str) -> None:
    root = copy_mini(tmp_path, LOADER)
    (root / "lessons/M1.yml").write_bytes(content)
    found = errors_of(root)
    assert found[0] == expected
    assert all(not e.startswith("lessons/M1.yml") for e in found[1:])


def test_no_python_objects_from_yaml(tmp_path: Path) -> None:
    root = copy_mini(tmp_path, LOADER)
    replace_in(root / "lessons/M1.yml", "minutes: 20", "minutes: !!python/object/apply:os.system ['echo hi']")
    assert errors_of(root) == [
        "lessons/M1.yml:4:10: unsupported YAML tag "
        "'tag:yaml.org,2002:python/object/apply:os.system': content is plain text, numbers, "
        "lists and mappings"
    ]


def test_cross_references(tmp_path: Path) -> None:
    root = copy_mini(tmp_path, LOADER)
    replace_in(root / "quizzes/M1-quiz.yml", "lesson: M1", "lesson: M9")
    replace_in(root / "course.yml", "lessons: [M1]", "lessons: [M1, M2]")
    found = errors_of(root)
    assert found == [
        "course.yml:5:15: lessons[1]: unknown lesson 'M2' (did you mean 'M1'?)",
        "quizzes/M1-quiz.yml:3:9: lesson: unknown lesson 'M9' (did you mean 'M1'?)",
    ]


def test_unknown_lesson_after_a_rename_is_one_error(tmp_path: Path) -> None:
    """Renaming a lesson's id leaves the old id in the quizzes, the course and the glossary: one error, not a cascade."""
    root = copy_mini(tmp_path, LOADER)
    replace_in(root / "lessons/M1.yml", "id: M1", "id: MAN-intro")
    found = errors_of(root)
    assert found == [
        "course.yml:5:11: lessons[0]: unknown lesson 'M1' (did you mean 'MAN-intro'?); also used at "
        "glossary/terms.yml:4 (terms[0].lesson), quizzes/M1-exercises.yml:3 (lesson), quizzes/M1-quiz.yml:3 (lesson)"
    ]
    # A renamed question: its id in the objective, once, with the close match.
    root = copy_mini(tmp_path / "q", LOADER)
    replace_in(root / "quizzes/M1-quiz.yml", "id: m-q2", "id: m-q2b")
    assert errors_of(root) == [
        "lessons/M1.yml:8:25: objectives[0].assessed_by[1]: unknown question 'm-q2' (did you mean 'm-q2b'?)"
    ]


def test_duplicate_ids(tmp_path: Path) -> None:
    root = copy_mini(tmp_path, LOADER)
    replace_in(root / "quizzes/M1-quiz.yml", "id: m-q2", "id: m-x2")
    assert errors_of(root) == [
        "quizzes/M1-quiz.yml:15:9: questions[1].id (question 2): duplicate id 'm-x2': already used in quizzes/M1-exercises.yml:14"
    ]


def test_objective_coverage(tmp_path: Path) -> None:
    root = copy_mini(tmp_path, LOADER)
    replace_in(root / "lessons/M1.yml", "assessed_by: [m-q1, m-q2, m-q3, m-q4, m-q5]", "assessed_by: [m-q1, m-q2]")
    found = errors_of(root)
    assert found == [
        "quizzes/M1-quiz.yml:25:10: questions[2].id (question 3): question 'm-q3' assesses no objective: list it in an "
        "objective's assessed_by in lesson M1",
        "quizzes/M1-quiz.yml:26:9: questions[3].id (question 4): question 'm-q4' assesses no objective: list it in an "
        "objective's assessed_by in lesson M1",
        "quizzes/M1-quiz.yml:33:10: questions[4].id (question 5): question 'm-q5' assesses no objective: list it in an "
        "objective's assessed_by in lesson M1",
    ]


def test_glossary_terms_must_exist(tmp_path: Path) -> None:
    root = copy_mini(tmp_path, LOADER)
    replace_in(root / "lessons/M1.yml", "terms: [MAN 法则]", "terms: [MAN 法则, 漏斗]")
    assert errors_of(root) == ["lessons/M1.yml:36:17: terms[1]: term '漏斗' is not in the glossary"]


def test_infinite_numbers_are_rejected(tmp_path: Path) -> None:
    root = copy_mini(tmp_path, LOADER)
    replace_in(root / "quizzes/M1-quiz.yml", "answer: 8,", "answer: .inf,")
    assert errors_of(root) == [
        "quizzes/M1-quiz.yml:33:59: questions[4].answer (question 5): Input should be a finite number; found a number inf"
    ]


def test_ids_and_skills_may_not_be_javascript_prototype_names(tmp_path: Path) -> None:
    # The runtime keys saved answers and skill tallies by these names (defence in depth).
    root = copy_mini(tmp_path, LOADER)
    replace_in(root / "quizzes/M1-quiz.yml", "skills: [MAN]", "skills: [MAN, toString]")
    replace_in(root / "quizzes/M1-quiz.yml", "id: m-q2", "id: constructor")
    assert errors_of(root) == [
        "quizzes/M1-quiz.yml:14:19: questions[0].skills[1] (question 1): 'toString' is a reserved JavaScript name; "
        "choose another id",
        "quizzes/M1-quiz.yml:15:9: questions[1].id (question 2): 'constructor' is a reserved JavaScript name; choose another id",
    ]


@pytest.mark.parametrize("name", ["valueOf", "hasOwnProperty", "isPrototypeOf", "toLocaleString"])
def test_every_prototype_name_is_reserved(tmp_path: Path, name: str) -> None:
    root = copy_mini(tmp_path, LOADER)
    replace_in(root / "quizzes/M1-quiz.yml", "id: M1-quiz", f"id: {name}")
    assert f"quizzes/M1-quiz.yml:1:5: id: {name!r} is a reserved JavaScript name; choose another id" in errors_of(root)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'id: M1\ntitle: "MAN 入门\nsummary: 概述\n',
            "lessons/M1.yml:2:8: invalid YAML: the quoted text that starts here is never closed "
            '(found unexpected end of stream); add the closing "',
        ),
        (
            "id: M1\ntitle: 'MAN 入门\nsummary: 概述\n",
            "lessons/M1.yml:2:8: invalid YAML: the quoted text that starts here is never closed "
            "(found unexpected end of stream); add the closing '",
        ),
        (
            'id: M1\ntitle: "MAN 入门\nsummary: 概述\nkey_points: ["要点"]\n',
            "lessons/M1.yml:2:8: invalid YAML: the quoted text that starts here is not closed on its line, so it ran "
            "on to the next \" (line 4), after which YAML found: expected <block end>, but found '<scalar>'; "
            'add the closing "',
        ),
        (
            "id: M1\nsummary: Step 1: listen\n",
            "lessons/M1.yml:2:16: invalid YAML: mapping values are not allowed here; put text containing ': ' in "
            'quotes, e.g. summary: "Step 1: listen"',
        ),
    ],
)
def test_yaml_mistakes_point_where_they_were_made(tmp_path: Path, text: str, expected: str) -> None:
    root = copy_mini(tmp_path, LOADER)
    (root / "lessons/M1.yml").write_text(text, encoding="utf-8")
    assert errors_of(root) == [expected]


def test_did_you_mean_reaches_a_model_inside_a_union_with_text() -> None:
    """A field typed `Model | str` still gets a hint for a misspelt key (the walk used to crash there)."""
    from pydantic import BaseModel, ConfigDict

    from generator.load.describe import _fields_at

    class Inner(BaseModel):
        model_config = ConfigDict(extra="forbid")
        quote: str
        note: str

    class Outer(BaseModel):
        cue: Inner | str | None = None
        items: list[Inner | str] = []

    assert _fields_at(Outer, ("cue",)) == ["note", "quote"]
    assert _fields_at(Outer, ("items", 0)) == ["note", "quote"]
    assert _fields_at(Outer, ("missing",)) == []
