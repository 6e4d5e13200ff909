"""Part of the pool: `check FILE`, `check --course`, builds that need only their course, drafts."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import SiteFactory, copy_mini, replace_in

from generator.cli import main
from generator.errors import ContentErrors
from generator.pipeline import BuildInputs, render_course

#: A second lesson with its quiz, for a second course and for drafts.
M2 = """\
id: M2
title: 第二课
summary: 第二课的摘要。
minutes: 10
objectives:
  - {id: M2-o1, text: 知道第二课, assessed_by: [m2-q1]}
sections:
  - {title: 唯一一节, body: 正文。}
key_points: [要点。]
"""
M2_QUIZ = """\
id: M2-quiz
title: 第二课小测
lesson: M2
questions:
  - {id: m2-q1, type: truefalse, prompt: 对吗？, answer: true}
"""
OTHER_COURSE = "id: other\ntitle: 另一门课\nlessons: [M2]\n"


@pytest.fixture
def pool(tmp_path: Path) -> Path:
    """The mini project plus lesson M2 (with its quiz) and a second course that uses only M2."""
    root = copy_mini(tmp_path)
    (root / "lessons/M2.yml").write_text(M2, encoding="utf-8")
    (root / "quizzes/M2-quiz.yml").write_text(M2_QUIZ, encoding="utf-8")
    (root / "courses").mkdir()
    (root / "courses/other.yml").write_text(OTHER_COURSE, encoding="utf-8")
    return root


def run(root: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--root", str(root), *args])
    return result.exit_code, result.stdout, result.stderr


def render(root: Path, course: str = "course.yml", drafts: bool = False) -> list[str]:
    return [p.path for p in render_course(BuildInputs(root=root, course=course, drafts=drafts)).pages]


def test_check_files_reports_only_those_files_and_what_they_use(pool: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(pool)
    replace_in(pool / "lessons/M2.yml", "minutes: 10", "minutes: ten")
    # The whole pool: M2's error.
    code, _, err = run(pool, "check")
    assert code == 1 and "lessons/M2.yml:4:10: minutes:" in err
    # M1's quiz uses lesson M1 only: clean, with a note that other files were not checked.
    code, out, err = run(pool, "check", "quizzes/M1-quiz.yml")
    assert code == 0, err
    assert "errors: 0" in out
    assert "not checked: 1 problem(s) in other files" in err
    # M2's quiz refers to lesson M2: its error is reported although only the quiz was named.
    code, _, err = run(pool, "check", "quizzes/M2-quiz.yml")
    assert code == 1 and "lessons/M2.yml:4:10: minutes:" in err
    # --course: the course that does not use M2 is clean, the one that does is not.
    assert run(pool, "check", "--course", "course.yml")[0] == 0
    code, _, err = run(pool, "check", "--course", "courses/other.yml")
    assert code == 1 and "lessons/M2.yml:4:10" in err


def test_check_file_reports_cross_file_problems_in_that_file(pool: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(pool)
    replace_in(pool / "quizzes/M2-quiz.yml", "lesson: M2", "lesson: M9")
    code, _, err = run(pool, "check", "quizzes/M2-quiz.yml")
    assert code == 1
    assert "quizzes/M2-quiz.yml:3:9: lesson: unknown lesson 'M9'" in err
    # The same problem is not M1's: checking M1's quiz passes.
    assert run(pool, "check", "quizzes/M1-quiz.yml")[0] == 0


def test_check_rejects_files_outside_the_project(pool: Path, tmp_path: Path) -> None:
    stray = tmp_path / "stray.yml"
    stray.write_text("id: x\n", encoding="utf-8")
    code, _, err = run(pool, "check", str(stray))
    assert code == 2 and "is not a content file of the project" in err


def test_a_broken_file_the_course_does_not_use_is_a_warning(pool: Path) -> None:
    (pool / "lessons/HALF.yml").write_text('id: HALF\ntitle: "half written\n', encoding="utf-8")
    replace_in(pool / "lessons/M2.yml", "minutes: 10", "minutes: ten")
    output = render_course(BuildInputs(root=pool))
    assert "lessons/M1.md" in [p.path for p in output.pages]
    shown = [str(w) for w in output.warnings]
    assert any(w.startswith("lessons/M2.yml:4:10: minutes:") for w in shown), shown
    assert any(w.startswith("lessons/HALF.yml:") for w in shown), shown
    assert all(w.endswith("(not used by this course: the build goes on without it)") for w in shown)
    # The course that uses M2 does not build.
    with pytest.raises(ContentErrors) as info:
        render_course(BuildInputs(root=pool, course="courses/other.yml"))
    assert [e.file for e in info.value.errors] == ["lessons/M2.yml"]


def test_a_broken_quiz_of_a_course_lesson_stops_the_build(pool: Path) -> None:
    # Not YAML at all, and its lesson readable from the text only.
    (pool / "quizzes/M1-broken.yml").write_text("id: M1-broken\nlesson: M1\ntitle: [oops\n", encoding="utf-8")
    with pytest.raises(ContentErrors) as info:
        render_course(BuildInputs(root=pool))
    assert [e.file for e in info.value.errors] == ["quizzes/M1-broken.yml"]
    # The other course (lesson M2 only) does not use it.
    assert "lessons/M2.md" in render(pool, "courses/other.yml")


def test_a_lesson_no_valid_file_defines_pulls_in_the_broken_lessons(pool: Path) -> None:
    """When the course names a lesson that only a broken file could define, that file's errors are the report."""
    (pool / "lessons/M2.yml").write_text("title: [no id readable\n", encoding="utf-8")
    with pytest.raises(ContentErrors) as info:
        render_course(BuildInputs(root=pool, course="courses/other.yml"))
    assert {e.file for e in info.value.errors} == {"lessons/M2.yml"}


def test_drafts_are_left_out_of_builds_but_checked_and_previewed(pool: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    replace_in(pool / "courses/other.yml", "lessons: [M2]", "lessons: [M2, M1]\nskills: {MAN: MAN, recall: 记忆}")
    replace_in(pool / "lessons/M2.yml", "key_points: [要点。]", "key_points: [要点。]\ndraft: true")
    output = render_course(BuildInputs(root=pool, course="courses/other.yml"))
    paths = [p.path for p in output.pages]
    assert "lessons/M1.md" in paths
    assert "lessons/M2.md" not in paths and "quizzes/M2-quiz.md" not in paths
    assert "M2" not in str(output.nav) and "第二课" not in str(output.nav)
    assert [str(w) for w in output.warnings] == [
        "courses/other.yml:3:11: lessons[0]: lesson 'M2' is a draft: left out of this build"
    ]
    # The preview shows it.
    assert {"lessons/M2.md", "quizzes/M2-quiz.md"} <= set(render(pool, "courses/other.yml", drafts=True))
    # A draft quiz of a published lesson.
    replace_in(pool / "quizzes/M1-extra.yml", "lesson: M1", "lesson: M1\ndraft: true")
    output = render_course(BuildInputs(root=pool))
    assert "quizzes/M1-extra.md" not in [p.path for p in output.pages]
    # The final exam's blueprint needed that quiz's only `recall` question: the build says so too.
    assert [str(w) for w in output.warnings] == [
        "quizzes/M1-extra.yml:4:8: draft: quiz 'M1-extra' is a draft: left out of this build",
        "course.yml:14:37: final_exam.blueprint.min_per_skill.recall: skill 'recall' must be asked 1 "
        "time(s) per attempt but at most 0 of its questions can be drawn (5 per lesson; eligible questions with "
        "it: none); eligible: type not classify (with the drafts left out)",
    ]
    # `check` still validates drafts.
    replace_in(pool / "lessons/M2.yml", "minutes: 10", "minutes: 0")
    monkeypatch.chdir(pool)
    code, _, err = run(pool, "check")
    assert code == 1 and "lessons/M2.yml:4:10: minutes:" in err


def test_a_draft_lesson_is_absent_from_the_built_site(make_project: SiteFactory) -> None:
    project = make_project(
        files={
            "lessons/M2.yml": M2 + "draft: true\n",
            "quizzes/M2-quiz.yml": M2_QUIZ,
            "course.yml": (Path(__file__).parent / "fixtures/mini/course.yml")
            .read_text(encoding="utf-8")
            .replace("lessons: [M1]", "lessons: [M1, M2]"),
        }
    )
    site = project.build()
    assert (site / "lessons/M1/index.html").is_file()
    assert not (site / "lessons/M2").exists() and not (site / "quizzes/M2-quiz").exists()
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "第二课" not in home and "lessons/M2" not in home


def test_question_banks_leave_drafts_out(pool: Path) -> None:
    from generator.banks.export import banks_of, load_course

    replace_in(pool / "quizzes/M1-extra.yml", "lesson: M1", "lesson: M1\ndraft: true")
    project, course = load_course(pool, "course.yml")
    names = {bank.id for bank in banks_of(project, course)}
    assert "M1-quiz" in names and "M1-extra" not in names


def test_check_file_reports_an_unknown_id_in_that_file(pool: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An unknown id used in several files is one error; `check FILE` puts it in the file asked about."""
    monkeypatch.chdir(pool)
    replace_in(pool / "lessons/M2.yml", "id: M2", "id: M2-renamed")
    code, _, err = run(pool, "check", "quizzes/M2-quiz.yml")
    assert code == 1
    assert err.splitlines()[0] == (
        "quizzes/M2-quiz.yml:3:9: lesson: unknown lesson 'M2' (did you mean 'M2-renamed'?); "
        "also used at courses/other.yml:3 (lessons[0])"
    )
    code, _, err = run(pool, "check")
    assert err.splitlines()[0] == (
        "courses/other.yml:3:11: lessons[0]: unknown lesson 'M2' (did you mean 'M2-renamed'?); "
        "also used at quizzes/M2-quiz.yml:3 (lesson)"
    )
