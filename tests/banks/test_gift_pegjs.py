"""gift-pegjs (an independent GIFT parser, npm) reads every GIFT file we export: no error, same questions and types."""

from __future__ import annotations

from pathlib import Path

from bankutil import NASTY, context, course_banks, course_counts, gift_pegjs, quiz_bank

from generator.banks.common import Bank
from generator.banks.export import banks_of, load_course
from generator.banks.gift import write_gift

#: Our type -> the type gift-pegjs reports. It does not know qtype_ordering's `{>N …}` block and reads it as a
#: short answer starting with '>'; classify and calc are exported as single choice and numeric.
PEGJS_TYPE = {
    "single": "MC",
    "multiple": "MC",
    "truefalse": "TF",
    "fill": "Short",
    "numeric": "Numerical",
    "calc": "Numerical",
    "ordering": "Short",
    "matching": "Matching",
    "categorise": "Matching",
    "classify": "MC",
}


def expected(bank: Bank, skipped: set[str]) -> list[tuple[str, str | None, list[str]]]:
    """(type, id, tags) gift-pegjs should read, in order: a Category per lesson, then its questions."""
    out: list[tuple[str, str | None, list[str]]] = []
    for _, _, quizzes in bank.categories():
        out.append(("Category", None, []))
        out += [
            (PEGJS_TYPE[q.type], q.id, q.skills) for bq in quizzes for q in bq.quiz.questions if q.id not in skipped
        ]
    return out


def test_every_gift_file_of_the_course_parses_with_the_same_questions(tmp_path: Path) -> None:
    files, result = course_banks("gift")
    skipped = {w.question for w in result.skipped}
    assert skipped, "multi-blank questions are skipped in GIFT; the test should see some"
    paths = []
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
        paths.append(tmp_path / name)
    read = {Path(r["file"]).name: r for r in gift_pegjs(paths)}
    project, course = load_course(Path(__file__).resolve().parents[2], "course.yml")
    banks = {f"{b.id}.gift.txt": b for b in banks_of(project, course)}
    assert set(read) == set(banks) and len(banks) == course_counts()["quizzes"] + 1
    for name, bank in banks.items():
        assert "error" not in read[name], f"{name}: {read[name]}"
        got = [(q["type"], q["id"], q["tags"]) for q in read[name]["questions"]]
        assert got == expected(bank, skipped), name
        for question in read[name]["questions"]:
            if question["id"]:
                assert question["title"] == question["id"]
            if question["type"] == "Short" and question["answer"].startswith(">"):
                assert question["answer"].split()[0][1:].isdigit()  # qtype_ordering's count of items


def test_special_characters_in_every_type_parse(tmp_path: Path) -> None:
    bank = quiz_bank(NASTY)
    ctx = context("gift")
    path = tmp_path / "nasty.gift.txt"
    path.write_text(write_gift(bank, ctx), encoding="utf-8")
    skipped = {w.question for w in ctx.warnings if w.skipped}
    assert skipped == set()
    [read] = gift_pegjs([path])
    assert "error" not in read, read
    got = [(q["type"], q["id"], q["tags"]) for q in read["questions"]]
    assert got == expected(bank, skipped)
    stems = {q["id"]: q for q in read["questions"]}
    # What gift-pegjs decodes is the text we wrote: escapes undone, format [markdown].
    assert stems["n-single"]["format"] == "markdown"
    assert stems["n-single"]["stem"].startswith("选哪个？ ~ = # { } : \\")
    assert stems["n-tf"]["isTrue"] is False
    assert stems["n-match"]["pairs"] == 3  # two pairs and the distractor


def test_a_question_gift_cannot_hold_is_skipped_with_its_place_and_reason() -> None:
    bank = quiz_bank(
        [
            {
                "id": "two-blanks",
                "type": "fill",
                "prompt": "{_} 和 {_}",
                "blanks": [{"accept": ["a"]}, {"accept": ["b"]}],
            },
            NASTY[2],
        ]
    )
    ctx = context("gift")
    text = write_gift(bank, ctx)
    assert "two-blanks" not in text and "n-tf" in text
    [warning] = [w for w in ctx.warnings if w.skipped]
    assert str(warning).startswith("quizzes/T-quiz.yml:1:1: two-blanks: gift: skipped: GIFT holds one blank")


def test_classify_and_calc_are_exported_as_their_nearest_type() -> None:
    files, result = course_banks("gift")
    classify = [w for w in result.warnings if "classify exercise" in w.message]
    calc = [w for w in result.warnings if "calc exercise" in w.message]
    assert len(classify) == course_counts()["classify"] and len(calc) == course_counts()["calc"] == 6
    assert all(w.where.file.startswith("quizzes/") and w.where.line > 1 for w in classify + calc)
    text = files["L8-exercises.gift.txt"].decode()
    assert "::L8-x06::" in text and "{#\n=%100%20:0.2" in text  # 20% churn, 1% relative tolerance -> 0.2
