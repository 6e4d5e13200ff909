"""QTI 1.2 (Canvas), QTI 2.1 and Moodle XML read by lxml: the structure Canvas, Blackboard and Moodle expect.

No registry package ships the QTI or Moodle XML schemas (see docs/banks.md), so the structure is
checked here instead: for Canvas, against what text2qti (PyPI, an independent Canvas QTI writer)
makes of the same simple questions; for QTI 2.1, the rules of the specification an XSD would check.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest
from bankutil import context, course_banks, course_counts, quiz_bank
from lxml import etree
from text2qti.config import Config
from text2qti.qti import QTI
from text2qti.quiz import Quiz as Text2qtiQuiz

from generator.banks.qti12 import write_qti12
from generator.banks.qti21 import write_qti21

Q12 = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"
Q21 = "{http://www.imsglobal.org/xsd/imsqti_v2p1}"
CANVAS_TYPES = {
    "multiple_choice_question",
    "true_false_question",
    "short_answer_question",
    "multiple_answers_question",
    "numerical_question",
    "fill_in_multiple_blanks_question",
    "matching_question",
}

TEXT2QTI = """Quiz title: Same questions

Title: s1
Points: 2
1.  Which one?
... General feedback.
+   Right!
-   Wrong!
*a) one
... Feedback on one.
b)  two

Title: m1
1.  Which ones?
[*] one
[*] two
[ ] three

Title: tf
1.  True?
*a) True
b)  False

Title: sa
1.  Name it.
*   alpha
*   beta

Title: num
1.  How many?
=   3 +- 0.5
"""
OURS: list[dict[str, Any]] = [
    {
        "id": "s1",
        "type": "single",
        "prompt": "Which one?",
        "points": 2,
        "explanation": "General feedback.",
        "feedback": {"correct": "Right!", "incorrect": "Wrong!"},
        "options": [{"text": "one", "correct": True, "feedback": "Feedback on one."}, {"text": "two"}],
    },
    {
        "id": "m1",
        "type": "multiple",
        "prompt": "Which ones?",
        "scoring": "all",
        "options": [{"text": "one", "correct": True}, {"text": "two", "correct": True}, {"text": "three"}],
    },
    {"id": "tf", "type": "truefalse", "prompt": "True?", "answer": True},
    {"id": "sa", "type": "fill", "prompt": "Name it. {_}", "blanks": [{"accept": ["alpha", "beta"]}]},
    {"id": "num", "type": "numeric", "prompt": "How many?", "answer": 3, "tolerance": 0.5},
]


def _items(xml: bytes) -> list[etree._Element]:
    return etree.fromstring(xml).findall(f".//{Q12}item")


def shape(item: etree._Element) -> dict[str, Any]:
    """What Canvas reads from an item, with identifiers replaced by positions (each writer names them its own way)."""
    meta = {f.findtext(f"{Q12}fieldlabel"): f.findtext(f"{Q12}fieldentry") for f in item.iter(f"{Q12}qtimetadatafield")}
    labels = [label.get("ident") for label in item.iter(f"{Q12}response_label")]
    presentation = item.find(f"{Q12}presentation")
    responses = [
        (
            r.tag,
            r.get("rcardinality"),
            [c.tag for c in r],
            len(r.findall(f".//{Q12}response_label")),
            r.find(f"{Q12}render_fib").get("fibtype") if r.find(f"{Q12}render_fib") is not None else None,
        )
        for r in presentation
        if r.tag != f"{Q12}material"
    ]

    def condition(node: etree._Element) -> Any:
        if len(node):
            return (etree.QName(node).localname, [condition(c) for c in node])
        value = node.text or ""
        if value in labels:
            value = labels.index(value)
        elif value.replace(".", "").isdigit():
            value = float(value)
        return (etree.QName(node).localname, value)

    def feedback_kind(ident: str | None) -> str | None:
        return "choice_fb" if ident and ident.endswith("_fb") and ident[:-3] in labels else ident

    rules = [
        (
            rc.get("continue"),
            [condition(c) for c in rc.find(f"{Q12}conditionvar")],
            [(s.get("action"), float(s.text)) for s in rc.findall(f"{Q12}setvar")],
            [feedback_kind(d.get("linkrefid")) for d in rc.findall(f"{Q12}displayfeedback")],
        )
        for rc in item.iter(f"{Q12}respcondition")
    ]
    feedbacks = sorted(str(feedback_kind(f.get("ident"))) for f in item.findall(f"{Q12}itemfeedback"))
    return {
        "type": meta["question_type"],
        "points": float(meta["points_possible"]),
        "responses": responses,
        "rules": rules,
        "feedbacks": feedbacks,
    }


def test_simple_types_have_the_structure_text2qti_gives_them() -> None:
    theirs = _items(QTI(Text2qtiQuiz(TEXT2QTI, config=Config())).assessment.encode("utf-8"))
    package = zipfile.ZipFile(io.BytesIO(write_qti12(quiz_bank(OURS), context("qti12", "en"))))
    ours = _items(package.read("T-quiz/T-quiz.xml"))
    assert len(ours) == len(theirs) == 5
    for mine, other in zip(ours, theirs, strict=True):
        assert shape(mine) == shape(other), mine.get("ident")


def test_the_course_packages_are_canvas_qti(tmp_path: Any) -> None:
    files, result = course_banks("qti12")
    assert len(files) == course_counts()["quizzes"] + 1  # each quiz and the whole course
    package = zipfile.ZipFile(io.BytesIO(files["khkf.qti12.zip"]))
    manifest = etree.fromstring(package.read("imsmanifest.xml"))
    hrefs = [f.get("href") for f in manifest.iter("{*}file")]
    assert sorted(hrefs) == sorted(n for n in package.namelist() if n != "imsmanifest.xml")
    assessments = [etree.fromstring(package.read(h)) for h in hrefs if not h.endswith("assessment_meta.xml")]
    assert [a.find(f"{Q12}assessment").get("title") for a in assessments][:2] == ["客户与潜在客户", "寻找潜在客户"]
    items = [i for a in assessments for i in a.iter(f"{Q12}item")]
    total = course_counts()["all"]
    assert (
        len(items) == result.questions - len(result.skipped) == total and len({i.get("ident") for i in items}) == total
    )
    for item in items:
        meta = {
            f.findtext(f"{Q12}fieldlabel"): f.findtext(f"{Q12}fieldentry") for f in item.iter(f"{Q12}qtimetadatafield")
        }
        assert meta["question_type"] in CANVAS_TYPES
        labels = {label.get("ident") for label in item.iter(f"{Q12}response_label")}
        responses = {r.get("ident") for r in item.iter(f"{Q12}response_lid", f"{Q12}response_str")}
        for equal in item.iter(f"{Q12}varequal"):
            assert equal.get("respident") in responses
            if meta["question_type"] not in ("short_answer_question", "numerical_question"):
                assert equal.text in labels
        shown = {d.get("linkrefid") for d in item.iter(f"{Q12}displayfeedback")}
        assert shown == {f.get("ident") for f in item.iter(f"{Q12}itemfeedback")}


XHTML = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "code",
    "dd",
    "div",
    "dl",
    "dt",
    "em",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "kbd",
    "li",
    "ol",
    "p",
    "pre",
    "small",
    "span",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
    "caption",
    "cite",
    "q",
    "samp",
    "var",
    "tt",
    "big",
}
INTERACTIONS = {
    "choiceInteraction",
    "orderInteraction",
    "matchInteraction",
    "textEntryInteraction",
    "simpleChoice",
    "simpleMatchSet",
    "simpleAssociableChoice",
}


def test_qti21_items_follow_the_specification() -> None:
    files, _ = course_banks("qti21")
    package = zipfile.ZipFile(io.BytesIO(files["khkf.qti21.zip"]))
    manifest = etree.fromstring(package.read("imsmanifest.xml"))
    resources = {r.get("identifier"): r for r in manifest.iter("{*}resource")}
    assert sorted(f.get("href") for f in manifest.iter("{*}file")) == sorted(package.namelist()[1:])
    test = etree.fromstring(package.read("khkf.xml"))
    refs = [r.get("href") for r in test.iter(f"{Q21}assessmentItemRef")]
    assert len(refs) == course_counts()["all"] and len(test.findall(f".//{Q21}assessmentSection")) == 8
    kinds: set[str] = set()
    for href in refs:
        item = etree.fromstring(package.read(href))
        assert item.tag == f"{Q21}assessmentItem" and item.get("identifier") in resources
        order = [etree.QName(c).localname for c in item]
        assert order == sorted(
            order,
            key=["responseDeclaration", "outcomeDeclaration", "itemBody", "responseProcessing", "modalFeedback"].index,
        )
        declared = {d.get("identifier") for d in item.findall(f"{Q21}responseDeclaration")}
        used = {i.get("responseIdentifier") for i in item.iter() if i.get("responseIdentifier")}
        assert declared == used, href
        for element in item.find(f"{Q21}itemBody").iter():
            name = etree.QName(element).localname
            assert name in XHTML | INTERACTIONS | {"itemBody"}, (href, name)
            kinds.add(name)
        set_values = {b.text for b in item.iter(f"{Q21}baseValue") if b.get("baseType") == "identifier"}
        choices = {c.get("identifier") for c in item.iter(f"{Q21}simpleChoice")}
        for feedback in item.findall(f"{Q21}modalFeedback"):
            assert feedback.get("identifier") in set_values | choices
        for pair in item.findall(f"{Q21}responseDeclaration/{Q21}correctResponse/{Q21}value"):
            if pair.getparent().getparent().get("baseType") == "directedPair":
                left, right = pair.text.split()
                assert {left, right} <= {c.get("identifier") for c in item.iter(f"{Q21}simpleAssociableChoice")}
    assert {"choiceInteraction", "orderInteraction", "matchInteraction", "textEntryInteraction"} <= kinds


def test_moodle_xml_has_every_question_with_id_tags_and_category() -> None:
    files, _ = course_banks("moodle-xml")
    root = etree.fromstring(files["khkf.moodle.xml"])
    questions = root.findall("question")
    categories = [q for q in questions if q.get("type") == "category"]
    real = [q for q in questions if q.get("type") != "category"]
    assert len(categories) == 8 and len(real) == course_counts()["all"]
    assert {q.get("type") for q in real} == {"multichoice", "truefalse", "cloze", "numerical", "ordering", "matching"}
    assert all(q.findtext("idnumber") == q.findtext("name/text") for q in real)
    first = next(q for q in real if q.findtext("idnumber") == "L1-q01")
    assert [t.text for t in first.iter("text") if t.getparent().tag == "tag"] == ["customer-basics"]
    cloze = next(q for q in real if q.findtext("idnumber") == "L1-q05")
    assert cloze.findtext("questiontext/text").count("{1:SHORTANSWER:=") == 2


@pytest.mark.parametrize("fmt", ["qti12", "qti21"])
def test_packages_are_reproducible(fmt: str) -> None:
    from bankutil import ROOT

    from generator.banks.export import load_course, render_banks

    project, course = load_course(ROOT, "course.yml")
    assert render_banks(project, course, fmt)[0] == course_banks(fmt)[0]


def test_a_blank_pattern_becomes_an_anchored_xml_schema_pattern_or_a_warning() -> None:
    bank = quiz_bank(
        [
            {"id": "p1", "type": "fill", "prompt": "买 {_}", "blanks": [{"accept": ["购买力"], "regex": "^购买力?$"}]},
            {"id": "p2", "type": "fill", "prompt": "词 {_}", "blanks": [{"accept": ["x"], "regex": r"\bx"}]},
        ]
    )
    ctx = context("qti21")
    package = zipfile.ZipFile(io.BytesIO(write_qti21(bank, ctx)))
    first = etree.fromstring(package.read("items/p1.xml"))
    assert [m.get("pattern") for m in first.iter(f"{Q21}patternMatch")] == ["购买力?"]
    second = etree.fromstring(package.read("items/p2.xml"))
    assert not list(second.iter(f"{Q21}patternMatch"))
    assert [w.question for w in ctx.warnings] == ["p2"] and "not carried" in ctx.warnings[0].message
