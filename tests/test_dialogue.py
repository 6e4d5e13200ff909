"""The dialogue question type: every graph check at load time, with its file, line, field and exact message."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from helpers import MINI, copy_mini, errors_of, replace_in

from generator.load import load_project
from generator.load.dialogue_checks import best_path
from generator.model import Dialogue
from generator.render.context import RenderContext, RenderSettings
from generator.render.dialoguemap import dialogue_map
from generator.render.quizview import question_views
from generator.render.wrap import text_width

FILE = "quizzes/M1-dialogue.yml"

CASES = [
    pytest.param(
        "            next: mailed",
        "            next: mailde",
        "46:19: questions[0].nodes[1].choices[1].next (question 1): next 'mailde' names no node or ending of this dialogue",
        id="unknown next",
    ),
    pytest.param(
        "      - id: mailed",
        "      - id: hangup",
        "57:13: questions[0].endings[2].id (question 1): id 'hangup' is already used by endings[1] of this dialogue",
        id="duplicate id",
    ),
    pytest.param(
        "    start: greet",
        "    start: hello",
        "16:12: questions[0].start (question 1): start 'hello' names no node of this dialogue; known: greet, need",
        id="unknown start",
    ),
    pytest.param(
        "      - id: need\n",
        "      - id: need\n        speaker: boss\n",
        "39:18: questions[0].nodes[1].speaker (question 1): speaker 'boss' is not listed in speakers: customer",
        id="unknown speaker",
    ),
    pytest.param(
        "          quote: 哪位",
        "          quote: 是谁",
        "21:18: questions[0].nodes[0].cue.quote (question 1): quote '是谁' does not occur in says",
        id="cue quote not in says",
    ),
    pytest.param(
        "            next: greet\n            retry: true",
        "            next: booked\n            retry: true",
        "34:19: questions[0].nodes[0].choices[2].next (question 1): a retry link goes back to a node; 'booked' is an ending",
        id="retry link to an ending",
    ),
    pytest.param(
        "            next: mailed\n            points: 1\n            feedback: 寄资料很少换来面谈：电话的目的是约时间。",
        "            next: booked\n            points: 1\n            feedback: 用对方关心的结果开头，再给出具体时间，约见就容易成功。",
        "45:13: questions[0].nodes[1].choices[1] (question 1): choice 2 leads to 'booked' with the same feedback as choice 1: "
        "a copy-paste slip? Give each choice its own feedback",
        id="copy-pasted choice",
    ),
    pytest.param(
        "      - id: mailed",
        "      - id: lost\n        outcome: 没下文\n        debrief: 没有下文。\n      - id: mailed",
        "57:13: questions[0].endings[2].id (question 1): ending 'lost' cannot be reached from start 'greet'",
        id="unreachable ending",
    ),
    pytest.param(
        "    endings:",
        "      - id: aside\n        says: 还有事吗？\n        choices:\n"
        "          - {say: 没有了, next: booked, feedback: 好。}\n          - {say: 再见, next: hangup, feedback: 好吧。}\n"
        "    endings:",
        "49:13: questions[0].nodes[2].id (question 1): node 'aside' cannot be reached from start 'greet'",
        id="unreachable node",
    ),
    pytest.param(
        "            next: greet\n            retry: true\n",
        "            next: greet\n",
        "34:19: questions[0].nodes[0].choices[2].next (question 1): next 'greet' goes back to an earlier node and makes a loop: "
        "every path must end; mark a deliberate way back with retry: true",
        id="loop without retry",
    ),
    pytest.param(
        ("            next: booked\n", "            next: mailed\n"),
        ("            next: greet\n            retry: true\n",) * 2,
        "38:13: questions[0].nodes[1].id (question 1): node 'need' leads to no ending (retry links aside): every path must end",
        id="dead end",
    ),
    pytest.param(
        "        success: true",
        "        success: false",
        "49:5: questions[0].endings (question 1): no ending has success: true; at least one ending must count as success",
        id="no success ending",
    ),
    pytest.param(
        "    max_turns: 2",
        "    max_turns: 1",
        "11:16: questions[0].max_turns (question 1): max_turns is 1 but the longest path takes 2 choices (greet → need → booked)",
        id="longer than max_turns",
    ),
    pytest.param(
        "    points: 5",
        "    points: 6",
        "10:13: questions[0].points (question 1): points is 6 but the best path scores 5 (greet → need → booked); "
        "points must equal the best path's score",
        id="points differ from the best path",
    ),
    pytest.param(
        "          - say: 那我先给您寄一份资料吧。\n            next: mailed\n            points: 1\n"
        "            feedback: 寄资料很少换来面谈：电话的目的是约时间。\n",
        "",
        "40:9: questions[0].nodes[1].choices (question 1): a node offers 2 to 4 choices; found 1",
        id="one choice",
    ),
    pytest.param(
        "            skills: [recall]",
        "            skills: [closing]",
        "28:22: questions[0].nodes[0].choices[0].skills[0] (question 1): skill 'closing' is not declared in course 'mini': "
        "add it to `skills:` in course.yml with its display name; known: MAN, recall",
        id="undeclared skill of a reply",
    ),
]


@pytest.mark.parametrize(("old", "new", "expected"), CASES)
def test_each_check_names_file_line_field_and_problem(
    tmp_path: Path, old: str | tuple[str, ...], new: str | tuple[str, ...], expected: str
) -> None:
    root = copy_mini(tmp_path)
    # One edit, or several made in turn (old and new as tuples).
    for before, after in zip(*(((old,), (new,)) if isinstance(old, str) else (old, new)), strict=True):
        replace_in(root / FILE, before, after)
    assert f"{FILE}:{expected}" in errors_of(root)


def test_the_fixture_dialogue_is_sound_and_its_best_path_is_found() -> None:
    quiz = load_project(MINI).quizzes["M1-dialogue"]
    dialogue = quiz.questions[0]
    assert isinstance(dialogue, Dialogue)
    best = best_path(dialogue)
    assert (best.score, best.nodes, best.choices) == (5, ["greet", "need", "booked"], [0, 0])


def test_the_instructor_edition_maps_the_tree_with_the_best_path_marked(make_project: Any, tmp_path: Path) -> None:
    site = make_project().build(tmp_path / "site-instructor", edition="instructor")
    page = (site / "quizzes/M1-dialogue/index.html").read_text(encoding="utf-8")
    svg = page.split("data-cw-dialogue-map", 1)[1].split("</svg>", 1)[0]
    # Every node and ending is a box; every reply a link: 3 + 2 of them, the 2 of the best path drawn thick.
    assert svg.count("<rect") == 5 and svg.count("<path style=") == 5
    assert svg.count("stroke-width:3.5") == 2 and svg.count("stroke-dasharray") == 1
    assert 'aria-label="对话结构图；最佳路径：greet → need → booked"' in svg
    assert "✓ 约到面谈" in svg and "王经理：两分钟？" in svg
    # The one-line answer: the best path's reply letters as the page orders them, and its ending.
    key = page.split("data-cw-answer-key", 1)[1].split("</table>", 1)[0]
    assert "C → B（约到面谈）" in key
    trainee = (make_project().build(tmp_path / "site") / "quizzes/M1-dialogue/index.html").read_text(encoding="utf-8")
    assert "data-cw-dialogue-map" not in trainee


def test_labels_of_the_map_are_readable_and_wrap_inside_their_boxes() -> None:
    project = load_project(MINI)
    ctx = RenderContext.create(project, project.courses["mini"], RenderSettings(edition="instructor"))
    quiz = project.quizzes["M1-dialogue"]
    views, keys = question_views(quiz, ctx.quiz_md, project.schemes, ctx.text, "zh", {})
    entry = keys["m-d1"].model_dump(mode="json")
    drawn = dialogue_map(views[0].dialogue, entry, "最佳路径")
    # Drawn at width / 16 em: one unit is one CSS pixel of 16 px text, so 15-unit labels are 15 px.
    assert drawn["em"] == drawn["width"] / 16
    for box in drawn["boxes"]:
        assert all(text_width(line["text"]) <= box["w"] - 2 * 9 for line in box["lines"]), box
        assert len(box["lines"]) <= 3


def test_the_authoring_guide_lists_every_check_with_its_message() -> None:
    from helpers import ROOT

    guide = (ROOT / "docs/authoring.md").read_text(encoding="utf-8")
    for case in CASES:
        field, message = str(case.values[2]).split(": ", 2)[1:]
        field = re.sub(r" \(question \d+\)$", "", field)  # the number the page shows, not part of the path
        # The guide shortens the field path to its end, and the skill message before its advice.
        assert f"{field.rsplit('.', 2)[-1]}: {message.split(': add it', 1)[0]}" in guide, case.id


def test_the_progress_page_counts_a_replys_skill_towards_mastery() -> None:
    from generator.model.answerkey import Outline
    from generator.pipeline import BuildInputs, render_course

    output = render_course(BuildInputs(root=MINI))
    page = next(p for p in output.pages if p.path == "progress.md")
    outline = Outline.model_validate_json(
        page.markdown.split("data-cw-outline", 1)[1].split(">", 1)[1].split("<", 1)[0]
    )
    (question,) = [q for lesson in outline.lessons for quiz in lesson.quizzes for q in quiz.questions if q.id == "m-d1"]
    assert question.skills == ["MAN", "recall"]
