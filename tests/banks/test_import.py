"""`questions import`: GIFT and Moodle XML files become quizzes `check` accepts; bad files fail with their line."""

from __future__ import annotations

from pathlib import Path

import yaml
from click.testing import CliRunner, Result

from generator.cli import main
from generator.load import load_project

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "mini"

#: Every GIFT feature Moodle's importer reads (and qtype_ordering's block), each in a question.
EVERY_FEATURE = r"""// A bank with every GIFT feature. Comment lines are ignored.
$CATEGORY: $course$/top/Imported course/Lesson A // one

// [id:g-single] [tag:MAN] [tag:closing]
::g-single::[markdown]Which **one**? Escapes\: \~ \= \# \{ \} \\ and a\nline break.{
=right one#Yes \= right
~wrong one#No\: wrong
####General *feedback*.
}

::Title only:: [html]<p>Pick <b>two</b>.</p>{
~%50%first#half
~%50%second
~%-50%third#minus
~%-50%fourth
}

// [id:g-tf]
Grant is buried in Grant's tomb.{FALSE#Wrong answer feedback#Right answer feedback####Because.}

// [id:g-short]
Who's buried in Grant's tomb?{=no one#Right. =nobody =%0%*#Think again.}

// [id:g-missing]
Moodle costs {=nothing =zero} to download.

// [id:g-num]
When was Grant born?{#1822:5}

// [id:g-range]
Pi to two places?{#3.14..3.15####Pi is about 3.14159.}

// [id:g-num-multi]
Pick a number.{#=10:0#Exact =%50%9:1#Close ~#Not close}

// [id:g-match]
[plain]Match the countries *as typed*.{
=Canada -> Ottawa
=Italy -> Rome
=Japan -> Tokyo
= -> Paris
}

// [id:g-cat]
Sort them.{
=cat -> animal
=dog -> animal
=rose -> plant
= -> mineral
}

// [id:g-order] [tag:order]
::g-order::[markdown]Put in order.{>3 ALL VERTICAL ALL_OR_NOTHING SHOW
first
second
third
}

// [id:g-essay]
Write an essay about Grant.{}

This line is a description: it has no answer block.
"""


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def project(tmp_path: Path) -> Path:
    import shutil

    root = tmp_path / "mini"
    shutil.copytree(MINI, root)
    return root


def test_a_gift_file_with_every_feature_imports_to_a_quiz_check_accepts(tmp_path: Path) -> None:
    root = project(tmp_path)
    source = tmp_path / "every-feature.gift.txt"
    source.write_text(EVERY_FEATURE, encoding="utf-8")
    result = run("questions", "import", str(source), "--out", str(root))
    assert result.exit_code == 0, result.output
    quiz_file = root / "quizzes" / "every-feature.yml"
    text = quiz_file.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schema/quiz.schema.json\n")
    essay = EVERY_FEATURE.splitlines().index("Write an essay about Grant.{}") + 1
    assert f"# dropped: line {essay}: question g-essay not imported: an essay question" in text
    assert "description" in text  # the description is noted, not silently lost
    data = yaml.safe_load(text)
    assert data["title"] == "Lesson A / one" and data["lesson"] == "every-feature-lesson"
    questions = {q["id"]: q for q in data["questions"]}
    assert list(questions) == [
        "g-single",
        "every-feature-q02",
        "g-tf",
        "g-short",
        "g-missing",
        "g-num",
        "g-range",
        "g-num-multi",
        "g-match",
        "g-cat",
        "g-order",
    ]
    single = questions["g-single"]
    assert single["prompt"] == "Which **one**? Escapes: ~ = # { } \\ and a\nline break."
    assert single["skills"] == ["MAN", "closing"] and single["explanation"] == "General *feedback*."
    assert single["options"][0] == {"text": "right one", "correct": True, "feedback": "Yes = right"}
    multiple = questions["every-feature-q02"]
    assert multiple["type"] == "multiple" and multiple["prompt"] == "Pick **two**."
    assert [o.get("correct", False) for o in multiple["options"]] == [True, True, False, False]
    assert questions["g-tf"] == {
        "id": "g-tf",
        "type": "truefalse",
        "prompt": "Grant is buried in Grant's tomb.",
        "answer": False,
        "explanation": "Because.",
        "feedback": {"incorrect": "Wrong answer feedback", "correct": "Right answer feedback"},
    }
    assert questions["g-short"]["blanks"] == [{"accept": ["no one", "nobody"]}]
    assert questions["g-short"]["feedback"] == {"correct": "Right.", "incorrect": "Think again."}
    assert questions["g-missing"]["prompt"] == "Moodle costs {_} to download."
    assert (questions["g-num"]["answer"], questions["g-num"]["tolerance"]) == (1822, 5)
    assert questions["g-range"]["answer"] == 3.145 and abs(questions["g-range"]["tolerance"] - 0.005) < 1e-9
    assert questions["g-num-multi"]["feedback"] == {"correct": "Exact", "incorrect": "Not close"}
    assert "answer 9 (50%) dropped" in text
    assert questions["g-match"]["prompt"] == r"Match the countries \*as typed\*."  # [plain]: shown as typed
    assert questions["g-match"]["distractors"] == ["Paris"]
    assert questions["g-cat"]["type"] == "categorise"
    assert questions["g-cat"]["categories"] == ["animal", "plant", "mineral"]
    assert questions["g-order"]["items"] == ["first", "second", "third"]
    assert questions["g-order"]["skills"] == ["order"]
    lesson = yaml.safe_load((root / "lessons" / "every-feature-lesson.yml").read_text(encoding="utf-8"))
    assert lesson["objectives"][0]["assessed_by"] == list(questions)
    loaded = load_project(root)
    assert len(loaded.quizzes["every-feature"].questions) == 11
    checked = run("--root", str(root), "check")
    assert checked.exit_code == 0 and "errors: 0" in checked.output


def test_an_existing_lesson_can_be_named_and_ids_in_use_are_renamed(tmp_path: Path) -> None:
    root = project(tmp_path)
    source = tmp_path / "again.gift"
    used = next(iter(load_project(root).questions()))
    source.write_text(f"// [id:{used}]\nTwo and two?{{#4}}\n", encoding="utf-8")
    result = run("questions", "import", str(source), "--out", str(root), "--lesson", "M1")
    assert result.exit_code == 0, result.output
    assert not (root / "lessons" / "again-lesson.yml").exists()
    data = yaml.safe_load((root / "quizzes" / "again.yml").read_text(encoding="utf-8"))
    assert data["lesson"] == "M1" and data["questions"][0]["id"] == f"{used}-2"
    assert f"id '{used}' is used elsewhere" in result.output
    assert "list the imported questions in an objective's assessed_by of lesson M1" in result.output
    checked = run("--root", str(root), "check")  # and `check` says where, until the author lists it
    assert checked.exit_code == 1 and f"question '{used}-2' assesses no objective" in checked.output
    again = run("questions", "import", str(source), "--out", str(root), "--lesson", "M1")
    assert again.exit_code == 1 and "already exists; the importer never overwrites a file" in again.output


def test_malformed_gift_exits_1_naming_the_line(tmp_path: Path) -> None:
    source = tmp_path / "broken.gift.txt"
    source.write_text("// fine\nFirst?{=a ~b}\n\nSecond?\n  {=a ~b\n\nThird?{#abc}\n\n}{=x}\n", encoding="utf-8")
    result = run("questions", "import", str(source), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert any(line.endswith(":5:3: the answer block opened here is not closed with '}'") for line in lines)
    assert any(":7:9: expected a number, number:margin or min..max; found 'abc'" in line for line in lines)
    assert any(":9:1: '}' without an opening '{'" in line for line in lines)
    assert not (tmp_path / "out").exists()  # nothing is written when a file is malformed


def test_encodings(tmp_path: Path) -> None:
    root = project(tmp_path)
    bom = tmp_path / "bom.gift.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + "中文题目？{TRUE}\n".encode())
    assert run("questions", "import", str(bom), "--out", str(root)).exit_code == 0
    assert (
        yaml.safe_load((root / "quizzes" / "bom.yml").read_text(encoding="utf-8"))["questions"][0]["prompt"]
        == "中文题目？"
    )
    utf16 = tmp_path / "utf16.gift.txt"
    utf16.write_bytes("题目？{TRUE}".encode("utf-16"))
    result = run("questions", "import", str(utf16), "--out", str(root))
    assert result.exit_code == 1 and ":1:1: the file is UTF-16 or UTF-32" in result.output
    latin = tmp_path / "latin.gift.txt"
    latin.write_bytes("First?{T}\n\nCaf\xe9?{T}\n".encode("latin-1"))
    result = run("questions", "import", str(latin), "--out", str(root))
    assert result.exit_code == 1 and ":3:4: not valid UTF-8 (byte 0xe9); save the file as UTF-8" in result.output


MOODLE = """<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="category"><category><text>$course$/top/Sales/Prospects</text></category></question>
  <question type="multichoice">
    <name><text>Question one</text></name>
    <questiontext format="html"><text><![CDATA[<p dir="ltr" style="text-align: left;">Who is a
      <strong>prospect</strong>?<br></p>]]></text></questiontext>
    <generalfeedback format="html"><text><![CDATA[<p>Needs &amp; means.</p>]]></text></generalfeedback>
    <defaultgrade>2.0000000</defaultgrade>
    <idnumber>m-choice</idnumber>
    <single>true</single>
    <answer fraction="100" format="html"><text><![CDATA[<p>Needs it and can pay</p>]]></text>
      <feedback format="html"><text>Yes.</text></feedback></answer>
    <answer fraction="0" format="html"><text>Likes it</text><feedback format="html"><text></text></feedback></answer>
    <hint format="html"><text>Two things.</text></hint>
    <tags><tag><text>prospect</text></tag><tag><text>two words</text></tag></tags>
  </question>
  <question type="shortanswer">
    <name><text>m-short</text></name>
    <questiontext format="moodle_auto_format"><text>First line
second line</text></questiontext>
    <usecase>1</usecase>
    <answer fraction="100"><text>Paris</text></answer>
    <answer fraction="100"><text>Par*</text></answer>
  </question>
  <question type="numerical">
    <name><text>m-num</text></name>
    <questiontext format="plain_text"><text>How many *households*?</text></questiontext>
    <answer fraction="100"><text>3</text><tolerance>0</tolerance></answer>
    <units><unit><multiplier>1</multiplier><unit_name>户</unit_name></unit></units>
  </question>
  <question type="cloze">
    <name><text>m-cloze</text></name>
    <questiontext format="html"><text><![CDATA[<p>A {1:SHORTANSWER:=red~=Red} rose and a {1:SA:=blue#ok} sky.</p>]]>
    </text></questiontext>
  </question>
  <question type="cloze">
    <name><text>m-cloze-choice</text></name>
    <questiontext format="html"><text><![CDATA[<p>Pick {1:MULTICHOICE:=a~b}.</p>]]></text></questiontext>
  </question>
  <question type="description"><name><text>intro</text></name>
    <questiontext format="html"><text>Read this.</text></questiontext></question>
  <question type="essay"><name><text>m-essay</text></name>
    <questiontext format="html"><text>Write.</text></questiontext></question>
</quiz>
"""


def test_a_moodle_xml_file_imports_to_a_quiz_check_accepts(tmp_path: Path) -> None:
    root = project(tmp_path)
    source = tmp_path / "moodle-export.xml"
    source.write_text(MOODLE, encoding="utf-8")
    result = run("questions", "import", str(source), "--out", str(root))
    assert result.exit_code == 0, result.output
    text = (root / "quizzes" / "moodle-export.yml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert data["title"] == "Prospects"
    questions = {q["id"]: q for q in data["questions"]}
    assert list(questions) == ["m-choice", "m-short", "m-num", "m-cloze"]
    choice = questions["m-choice"]
    assert choice["prompt"] == "Who is a **prospect**?" and choice["points"] == 2
    assert choice["options"][0] == {"text": "Needs it and can pay", "correct": True, "feedback": "Yes."}
    assert choice["explanation"] == "Needs & means." and choice["hints"] == ["Two things."]
    assert choice["skills"] == ["prospect", "two-words"]
    assert questions["m-short"]["prompt"] == "First line  \nsecond line\n\n{_}"
    assert questions["m-short"]["blanks"] == [{"accept": ["Paris"], "regex": "Par.*"}]
    assert "case-sensitive in Moodle" in text
    assert questions["m-num"]["prompt"] == r"How many \*households\*?" and questions["m-num"]["unit"] == "户"
    assert questions["m-cloze"]["prompt"] == "A {_} rose and a {_} sky."
    assert questions["m-cloze"]["blanks"] == [{"accept": ["red", "Red"]}, {"accept": ["blue"]}]
    for dropped in ("MULTICHOICE has no form here", "'description' questions", "'essay' questions"):
        assert dropped in text
    assert run("--root", str(root), "check").exit_code == 0


def test_unsafe_or_broken_xml_is_refused_with_its_line(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.xml"
    bomb.write_text('<?xml version="1.0"?>\n<!DOCTYPE quiz [<!ENTITY a "aaaa">]>\n<quiz>&a;</quiz>\n', encoding="utf-8")
    result = run("questions", "import", str(bomb), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1 and "bomb.xml:2:" in result.output and "a document type declaration" in result.output
    external = tmp_path / "external.xml"
    external.write_text(
        '<?xml version="1.0"?>\n<quiz>\n  <question type="truefalse">&xxe;</question>\n</quiz>\n', encoding="utf-8"
    )
    result = run("questions", "import", str(external), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1 and "external.xml:3:" in result.output and "undefined entity" in result.output
    broken = tmp_path / "broken.xml"
    broken.write_text("<quiz>\n  <question type='truefalse'>\n</quiz>\n", encoding="utf-8")
    result = run("questions", "import", str(broken), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1 and "broken.xml:3:3: not well-formed XML: mismatched tag" in result.output
    latin = tmp_path / "latin.xml"
    latin.write_text('<?xml version="1.0" encoding="ISO-8859-1"?>\n<quiz/>\n', encoding="utf-8")
    result = run("questions", "import", str(latin), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1 and "declares encoding 'ISO-8859-1'; save it as UTF-8" in result.output
