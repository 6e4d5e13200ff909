"""The instructor edition: facilitator notes only there, answers read from the grading key."""

from __future__ import annotations

import json
import shutil
import string
import subprocess
from pathlib import Path
from typing import Any

from helpers import ROOT, copy_mini, errors_of, replace_in

from generator.load import load_project
from generator.model.facilitator import timing_total
from generator.render.answers import AnswerView, answer_views
from generator.render.context import RenderContext, RenderSettings
from generator.render.edition import edition_strings
from generator.render.i18n import strings
from generator.render.quizview import QuestionView, question_views

#: Words that appear only in facilitator notes, so finding them anywhere proves a leak.
LESSON_MARK = "讲师专用标记甲"
SECTION_MARK = "讲师专用标记乙"

NOTES_LESSON = f"""
facilitator:
  timing:
    - {{minutes: 5, activity: 开场}}
    - {{minutes: 15, activity: 角色扮演}}
  mistakes: [{LESSON_MARK}：把热情接待当成有决定权]
"""
NOTES_SECTION = f"""    facilitator:
      activities:
        - title: 预约电话
          kind: role-play
          roles:
            - {{name: 客户, brief: {SECTION_MARK}}}
          observer_checklist: [说明来意]
"""


def _with_notes(project: Any) -> None:
    lesson = project.root / "lessons/M1.yml"
    replace_in(lesson, "  - title: 三个字母\n", "  - title: 三个字母\n" + NOTES_SECTION)
    lesson.write_text(lesson.read_text(encoding="utf-8") + NOTES_LESSON, encoding="utf-8")


def _texts(site: Path) -> dict[str, str]:
    """Every text file of a built site; the search index decoded, without jieba's zero-width spaces.

    MkDocs writes the index with \\u escapes and Material's jieba puts U+200B between words, so a
    plain grep of search_index.json would never find Chinese text even when it is there.
    """
    texts = {
        p.relative_to(site).as_posix(): p.read_text(encoding="utf-8", errors="replace")
        for p in site.rglob("*")
        if p.is_file() and p.suffix in (".html", ".json", ".xml", ".md", ".js")
    }
    index = json.loads(texts["search/search_index.json"])
    texts["search/search_index.json"] = "\n".join(f"{doc['title']}\n{doc['text']}" for doc in index["docs"]).replace(
        "\u200b", ""
    )
    return texts


def test_facilitator_notes_never_reach_the_trainee_site_or_its_search_index(make_project: Any, tmp_path: Path) -> None:
    project = make_project()
    _with_notes(project)
    trainee = project.build(tmp_path / "site")
    instructor = project.build(tmp_path / "site-instructor", edition="instructor")

    texts = _texts(trainee)
    assert "潜在客户" in texts["search/search_index.json"]  # the decoded index does hold the lessons' text
    assert [name for name, text in texts.items() if LESSON_MARK in text or SECTION_MARK in text] == []

    shown = _texts(instructor)
    lesson = shown["lessons/M1/index.html"]
    assert LESSON_MARK in lesson and SECTION_MARK in lesson
    # The section's notes sit in that section: after its heading, before the next one.
    section = lesson.split('id="s1"', 1)[1].split("<h2", 1)[0]
    assert SECTION_MARK in section and "data-cw-facilitator" in section
    assert LESSON_MARK in shown["search/search_index.json"]
    assert "（讲师版）" in shown["index.html"]


def test_instructor_quiz_page_has_an_answer_key_and_expanded_solutions(make_project: Any, tmp_path: Path) -> None:
    site = make_project().build(tmp_path / "site-instructor", edition="instructor")
    page = (site / "quizzes/M1-quiz/index.html").read_text(encoding="utf-8")
    key = page.split("data-cw-answer-key", 1)[1].split("</table>", 1)[0]
    assert key.count("<tr>") == 1 + 8  # the header and one row per question
    assert page.count('class="cw-solution"') == 8
    assert '<details class="cw-q__explanation"' not in page  # nothing left folded
    config = json.loads(page.split("data-cw-config", 1)[1].split(">", 1)[1].split("</template>", 1)[0])
    assert config["shuffle_options"] is False and config["shuffle_questions"] is False
    trainee = (make_project().build(tmp_path / "site") / "quizzes/M1-quiz/index.html").read_text(encoding="utf-8")
    assert "data-cw-answer-key" not in trainee and "cw-solution" not in trainee


def test_timing_must_add_up_to_the_lessons_minutes(tmp_path: Path) -> None:
    root = copy_mini(tmp_path)
    path = root / "lessons/M1.yml"
    path.write_text(
        path.read_text(encoding="utf-8") + NOTES_LESSON.replace("minutes: 15", "minutes: 10"), encoding="utf-8"
    )
    (error,) = errors_of(root)
    assert error.startswith("lessons/M1.yml:")
    assert "adds up to 15 minutes but the lesson's minutes is 20" in error


def test_bundled_lessons_have_full_facilitator_notes() -> None:
    project = load_project(ROOT)
    for lesson in project.lessons.values():
        assert lesson.facilitator is not None, lesson.id
        notes = [lesson.facilitator, *(s.facilitator for s in lesson.sections if s.facilitator)]
        assert timing_total(lesson.facilitator, [s.facilitator for s in lesson.sections]) == lesson.minutes
        assert lesson.facilitator.materials and lesson.facilitator.mistakes, lesson.id
        assert any(n.activities or n.discussion for n in notes), lesson.id
    role_plays = {
        (lesson.id, s.id): [a.title for a in s.facilitator.activities if a.kind == "role-play"]
        for lesson in project.lessons.values()
        for s in lesson.sections
        if s.facilitator
    }
    # The appointment call, the first visit, and closing on a buying signal.
    assert role_plays[("L5", "phone-visit")] == ["预约电话"]
    assert role_plays[("L6", "visit-phases")] == ["初次拜访"]
    assert role_plays[("L7", "methods")] == ["抓住购买信号促成交易"]
    for key in (("L5", "phone-visit"), ("L6", "visit-phases"), ("L7", "methods")):
        section = next(s for s in project.lessons[key[0]].sections if s.id == key[1])
        assert section.facilitator is not None
        (play,) = section.facilitator.activities
        assert len(play.roles) >= 2 and play.observer_checklist and play.debrief and play.setup


def _bundled_answers() -> list[tuple[QuestionView, dict[str, Any], AnswerView]]:
    project = load_project(ROOT)
    course = project.courses["khkf"]
    ctx = RenderContext.create(project, course, RenderSettings(edition="instructor"))
    found = []
    for quiz in ctx.quizzes:
        skills = ctx.skill_names([s for q in quiz.questions for s in q.skills])
        views, keys = question_views(quiz, ctx.quiz_md, project.schemes, ctx.text, "zh", skills)
        key = {q: k.model_dump(mode="json", by_alias=True) for q, k in keys.items()}
        answers = answer_views(views, key, ctx.text, edition_strings("zh"))
        found += [(view, key[view.id], answers[view.id]) for view in views]
    return found


def _response(view: QuestionView, answer: AnswerView, text: dict[str, str]) -> Any:
    """What a trainee would enter after reading the instructor edition's answer (no key used)."""
    pos = string.ascii_uppercase.index
    if view.type in ("single", "multiple"):
        return [view.options[pos(o.label)].index for o in answer.options]
    if view.type == "truefalse":
        return answer.truth == text["true"]
    if view.type == "fill":
        return [b.show for b in answer.blanks]
    if view.type in ("numeric", "calc"):
        assert answer.value is not None
        return answer.value.split(" ")[0]
    if view.type == "ordering":
        return [view.items[pos(s.label)].index for s in answer.sequence]
    if view.type == "matching":
        return [view.choices[pos(right.label)].index for _, right in answer.pairs]
    if view.type == "categorise":
        picks: list[int | None] = [None] * len(view.items)
        for item, (_, right) in zip(view.items, answer.pairs, strict=True):
            picks[item.index] = pos(right.label)
        return picks
    if view.type == "dialogue":
        # The best path's reply letters, followed from the start through the page's replies.
        path, turns = [], {t.id: t for t in view.dialogue.turns}
        at = view.dialogue.start.id
        for label in answer.short.split("（", 1)[0].split(" → "):
            reply = turns[at].replies[pos(label)]
            path.append(reply.index)
            at = reply.next
        return path
    assert view.type == "classify"
    classes = {c["label"]: c["id"] for c in view.classes}
    values = {(a["label"], v["label"]): (a["id"], v["id"]) for a in view.attributes for v in a["values"]}
    action = next((a["id"] for a in view.actions if a["html"] == answer.action), None)
    return {
        "attributes": dict(values[s] for s in answer.settings),
        "class": classes[answer.verdict or ""],
        "action": action,
    }


def test_every_shown_answer_scores_full_marks_in_the_runtime(tmp_path: Path) -> None:
    """The instructor edition shows no second truth: what it says is right, the runtime grades right."""
    node = shutil.which("node")
    assert node, "node is needed to run the runtime's grading"
    labels = strings("zh")
    cases = [
        {"id": view.id, "spec": spec, "answer": _response(view, answer, labels)}
        for view, spec, answer in _bundled_answers()
    ]
    assert len(cases) > 250 and {c["spec"]["type"] for c in cases} >= {"single", "fill", "classify", "calc"}
    # A control: one deliberately wrong answer must be graded wrong, or the check proves nothing.
    wrong = next(c for c in cases if c["spec"]["type"] == "single")
    other = [i for i in range(9) if i not in wrong["answer"]][:1]
    cases.append({"id": "control", "spec": wrong["spec"], "answer": other})
    data = tmp_path / "cases.json"
    data.write_text(json.dumps(cases, ensure_ascii=False), encoding="utf-8")
    script = (
        "const {gradeAny: grade} = await import(process.argv[1]);"
        "const {readFileSync} = await import('node:fs');"
        "const cases = JSON.parse(readFileSync(process.argv[2], 'utf8'));"
        "console.log(JSON.stringify(cases.map((c) => [c.id, grade(c.spec, c.answer)])));"
    )
    # dialoguegrade.js grades conversations and hands every other type to grade.js.
    grade_module = (ROOT / "generator/runtime/dialoguegrade.js").as_uri()
    done = subprocess.run(
        [node, "--input-type=module", "-e", script, grade_module, str(data)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    results = dict(json.loads(done.stdout))
    assert results.pop("control")["correct"] is False
    assert [qid for qid, result in results.items() if not result["correct"]] == []


def test_cli_builds_the_instructor_edition_with_mkdocs_only() -> None:
    from click.testing import CliRunner

    from generator.cli import main

    result = CliRunner().invoke(main, ["build", "--engine", "zensical", "--edition", "instructor"])
    assert result.exit_code == 2 and "--engine mkdocs" in result.output


def test_instructor_edition_goes_beside_the_trainee_site_by_default(make_project: Any) -> None:
    from generator.mkdocs.build import build_site

    project = make_project()
    assert build_site(project.config, edition="instructor") == (project.root / "site-instructor").resolve()
    assert not (project.root / "site").exists()
