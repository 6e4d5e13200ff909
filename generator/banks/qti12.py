"""QTI 1.2 as Canvas reads it: a zip with imsmanifest.xml and, per assessment, its items and assessment_meta.xml.

Canvas names each item's type in a `question_type` metadata field. It has no ordering or
categorising question: ordering becomes matching each item to its position, categorise becomes
matching with repeated answers. A per-quiz package holds one assessment; the course package one per
lesson (Canvas makes a question bank of each), titled after the lesson.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET
from typing import Any

from ..model import (
    BLANK,
    Categorise,
    FillIn,
    Matching,
    MultipleResponse,
    Numeric,
    Ordering,
    Question,
    SingleChoice,
    TrueFalse,
)
from ..render.i18n import strings
from .common import Bank, BankQuiz, Context, Skip, absolute_tolerance, bank_question, decimal, points
from .package import qti12_manifest, sub, xml_bytes, zip_files

NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
_TOKEN = "\ue000{}\ue001"


def write_qti12(bank: Bank, ctx: Context) -> bytes:
    """The bank as a Canvas QTI 1.2 zip: one assessment per quiz (a quiz bank) or per lesson (the course)."""
    if len(bank.quizzes) == 1:
        bq = bank.quizzes[0]
        groups = [(bank.id, bq.quiz.title, bq.quiz.intro, [bq])]
    else:
        groups = [(f"{bank.id}-{lesson_id}", title, None, quizzes) for lesson_id, title, quizzes in bank.categories()]
    files: dict[str, bytes] = {}
    resources = []
    for ident, title, intro, quizzes in groups:
        root = ET.Element("questestinterop", xmlns=NS)
        assessment = sub(root, "assessment", ident=ident, title=title)
        section = sub(assessment, "section", ident="root_section")
        total = 0.0
        for bq in quizzes:
            for original in bq.quiz.questions:
                try:
                    q = bank_question(original, bq.quiz, ctx)
                    section.append(_item(q, bq, ctx))
                    total += q.points
                except Skip as exc:
                    ctx.warn(original.id, str(exc), skipped=True)
        files[f"{ident}/{ident}.xml"] = xml_bytes(root)
        files[f"{ident}/assessment_meta.xml"] = _meta(ident, title, intro, quizzes, total, ctx)
        resources.append(ident)
    files = {"imsmanifest.xml": qti12_manifest(bank.id, resources)} | files
    return zip_files(files)


def _item(q: Question, bq: BankQuiz, ctx: Context) -> ET.Element:
    item = ET.Element("item", ident=q.id, title=q.id)
    meta = sub(sub(item, "itemmetadata"), "qtimetadata")
    presentation = ET.Element("presentation")
    processing = ET.Element("resprocessing")
    outcomes = sub(processing, "outcomes")
    sub(outcomes, "decvar", maxvalue="100", minvalue="0", varname="SCORE", vartype="Decimal")
    if q.explanation:
        _condition(processing, None, feedback="general_fb")
    feedbacks: dict[str, str] = {"general_fb": ctx.html(q.explanation)} if q.explanation else {}
    kind, answer_ids = _body(q, bq, presentation, processing, feedbacks, ctx)
    if q.feedback and q.feedback.incorrect:
        _condition(processing, None, feedback="general_incorrect_fb")
        feedbacks["general_incorrect_fb"] = ctx.html(q.feedback.incorrect)
    if q.feedback and q.feedback.correct:
        feedbacks["correct_fb"] = ctx.html(q.feedback.correct)
    if q.hints:
        ctx.warn(q.id, f"Canvas QTI has no hints: {len(q.hints)} hint(s) not carried")
    for label, value in (
        ("question_type", kind),
        ("points_possible", points(q)),
        ("original_answer_ids", ",".join(answer_ids)),
        ("assessment_question_identifierref", f"{q.id}-ref"),
        ("skills", " ".join(q.skills)),
    ):
        field = sub(meta, "qtimetadatafield")
        sub(field, "fieldlabel", label)
        sub(field, "fieldentry", value)
    item.extend([presentation, processing])
    for ident, text in feedbacks.items():
        _material(sub(sub(item, "itemfeedback", ident=ident), "flow_mat"), text)
    return item


def _body(
    q: Question, bq: BankQuiz, pres: ET.Element, proc: ET.Element, feedbacks: dict[str, str], ctx: Context
) -> tuple[str, list[str]]:
    """Presentation and scoring of one item; returns Canvas's question_type and the answer ids."""
    correct_fb = "correct_fb" if q.feedback and q.feedback.correct else None
    if isinstance(q, SingleChoice | MultipleResponse | TrueFalse):
        _material(pres, ctx.html(q.prompt))
        if isinstance(q, TrueFalse):
            words = strings(ctx.language)
            options: list[tuple[str, bool, str | None]] = [
                (words["true"], q.answer, None),
                (words["false"], not q.answer, None),
            ]
        else:
            options = [(ctx.inline(o.text), o.correct, o.feedback) for o in q.options]
        multiple = isinstance(q, MultipleResponse)
        if isinstance(q, MultipleResponse) and (q.scoring or bq.quiz.scoring) == "all":
            ctx.warn(q.id, "Canvas scores multiple-answer questions with partial credit; the site all-or-nothing")
        lid = sub(pres, "response_lid", ident="response1", rcardinality="Multiple" if multiple else "Single")
        choice = sub(lid, "render_choice")
        ids = [f"{q.id}-a{n}" for n in range(len(options))]
        for ident, (text, _, option_fb) in zip(ids, options, strict=True):
            _material(sub(choice, "response_label", ident=ident), text)
            if option_fb:
                _condition(proc, ("varequal", ident), feedback=f"{ident}_fb")
                feedbacks[f"{ident}_fb"] = ctx.html(option_fb)
        right = [i for i, (_, ok, _) in zip(ids, options, strict=True) if ok]
        if multiple:
            conditions = [("varequal", i) if i in right else ("not", i) for i in ids]
            _condition(proc, ("and", conditions), score="100", feedback=correct_fb)
        else:
            _condition(proc, ("varequal", right[0]), score="100", feedback=correct_fb)
        kind = (
            "true_false_question"
            if isinstance(q, TrueFalse)
            else ("multiple_answers_question" if multiple else "multiple_choice_question")
        )
        return kind, ids
    if isinstance(q, FillIn):
        return _fill(q, pres, proc, correct_fb, ctx)
    if isinstance(q, Numeric):
        _material(pres, ctx.html(q.prompt))
        if q.unit:
            ctx.warn(q.id, f"Canvas numerical questions have no unit: {q.unit!r} is not shown")
        fib = sub(sub(pres, "response_str", ident="response1", rcardinality="Single"), "render_fib", fibtype="Decimal")
        sub(fib, "response_label", ident="answer1")
        margin = absolute_tolerance(q)
        low, high = decimal(q.answer - margin), decimal(q.answer + margin)
        _condition(
            proc,
            ("or", [("varequal", decimal(q.answer)), ("and", [("vargte", low), ("varlte", high)])]),
            score="100",
            feedback=correct_fb,
        )
        return "numerical_question", [f"{q.id}-numeric"]
    if isinstance(q, Ordering | Matching | Categorise):
        return _matching(q, pres, proc, correct_fb, ctx)
    raise Skip(f"Canvas QTI has no form for a {q.type} question")  # pragma: no cover


def _fill(q: FillIn, pres: ET.Element, proc: ET.Element, correct_fb: str | None, ctx: Context) -> tuple[str, list[str]]:
    if any(b.regex for b in q.blanks):
        ctx.warn(q.id, "Canvas has no regular expressions for blanks: the pattern is not carried")
    single = len(q.blanks) == 1
    names = ["______"] if single else [f"[blank{n}]" for n in range(1, len(q.blanks) + 1)]
    pieces = q.prompt.split(BLANK)
    rendered = ctx.html("".join(p + (_TOKEN.format(n) if n < len(q.blanks) else "") for n, p in enumerate(pieces)))
    for n, name in enumerate(names):
        if rendered.count(_TOKEN.format(n)) != 1:
            raise Skip("a blank sits where Canvas's blank syntax cannot go (inside a link, code or raw HTML)")
        rendered = rendered.replace(_TOKEN.format(n), html.escape(name, quote=False))
    _material(pres, rendered)
    if single:
        fib = sub(sub(pres, "response_str", ident="response1", rcardinality="Single"), "render_fib")
        sub(fib, "response_label", ident="answer1", rshuffle="No")
        _condition(proc, ("varequal-any", q.blanks[0].accept), score="100", feedback=correct_fb)
        return "short_answer_question", [f"{q.id}-b0-{n}" for n in range(len(q.blanks[0].accept))]
    ctx.warn(q.id, "Canvas scores each blank separately; the site gives the points only when every blank is right")
    ids = []
    share = decimal(round(100 / len(q.blanks), 2))
    for n, blank in enumerate(q.blanks, 1):
        lid = sub(pres, "response_lid", ident=f"response_blank{n}")
        _material(lid, f"blank{n}", html=False)
        choice = sub(lid, "render_choice")
        for m, answer in enumerate(blank.accept):
            ident = f"{q.id}-b{n}-{m}"
            ids.append(ident)
            _material(sub(choice, "response_label", ident=ident), answer, html=False)
            _condition(proc, ("varequal", ident, f"response_blank{n}"), score=share, add=True)
    return "fill_in_multiple_blanks_question", ids


def _matching(
    q: Ordering | Matching | Categorise, pres: ET.Element, proc: ET.Element, correct_fb: str | None, ctx: Context
) -> tuple[str, list[str]]:
    if isinstance(q, Ordering):
        ctx.warn(q.id, "Canvas has no ordering question: exported as matching each item to its position (1, 2, …)")
        pairs = [(item, str(n)) for n, item in enumerate(q.items, 1)]
        spare: list[str] = []
    elif isinstance(q, Matching):
        pairs, spare = [(p.left, p.right) for p in q.pairs], list(q.distractors)
    else:
        pairs = [(i.text, i.category) for i in q.items]
        spare = [c for c in q.categories if c not in {i.category for i in q.items}]
    ctx.warn(q.id, "Canvas gives credit per pair in matching questions; the site only when every pair is right")
    _material(pres, ctx.html(q.prompt))
    rights = list(
        dict.fromkeys(
            [ctx.plain(q.id, r, "a matching answer") for _, r in pairs]
            + [ctx.plain(q.id, s, "a matching answer") for s in spare]
        )
    )
    right_ids = {text: f"{q.id}-m{n}" for n, text in enumerate(rights)}
    share = decimal(round(100 / len(pairs), 2))
    ids = []
    for n, (left, right) in enumerate(pairs):
        ident = f"{q.id}-l{n}"
        ids.append(ident)
        lid = sub(pres, "response_lid", ident=f"response_{ident}")
        _material(lid, ctx.plain(q.id, left, "a matching item"), html=False)
        choice = sub(lid, "render_choice")
        for text, rid in right_ids.items():
            _material(sub(choice, "response_label", ident=rid), text, html=False)
        target = right_ids[ctx.md.plain(right)]
        _condition(proc, ("varequal", target, f"response_{ident}"), score=share, add=True)
    return "matching_question", ids


def _material(parent: ET.Element, text: str, html: bool = True) -> None:
    sub(sub(parent, "material"), "mattext", text, texttype="text/html" if html else "text/plain")


#: (operator, value[, response id]): varequal/vargte/varlte/not compare a value, and/or nest conditions.
Condition = tuple[Any, ...]


def _condition(
    proc: ET.Element, test: Condition | None, score: str | None = None, feedback: str | None = None, add: bool = False
) -> None:
    """A respcondition: `test` (None: any response) sets or adds `score` and shows `feedback`."""
    rc = sub(proc, "respcondition", **{"continue": "Yes" if score is None or add else "No"})
    _test(sub(rc, "conditionvar"), test)
    if score is not None:
        sub(rc, "setvar", score, action="Add" if add else "Set", varname="SCORE")
    if feedback:
        sub(rc, "displayfeedback", feedbacktype="Response", linkrefid=feedback)


def _test(parent: ET.Element, test: Condition | None) -> None:
    if test is None:
        sub(parent, "other")
        return
    op, value, *rest = test
    respident = rest[0] if rest else "response1"
    if op in ("and", "or"):
        group = sub(parent, op)
        for part in value:
            _test(group, part)
    elif op == "not":
        sub(sub(parent, "not"), "varequal", str(value), respident=respident)
    elif op == "varequal-any":  # Canvas reads each varequal of a short answer as one accepted answer
        for answer in value:
            sub(parent, "varequal", answer, respident=respident)
    else:
        sub(parent, op, str(value), respident=respident)


def _meta(ident: str, title: str, intro: str | None, quizzes: list[BankQuiz], total: float, ctx: Context) -> bytes:
    """Canvas's assessment_meta.xml: the quiz settings Canvas reads with the questions."""
    root = ET.Element("quiz", identifier=ident, xmlns="http://canvas.instructure.com/xsd/cccv1p0")
    practice = all(bq.quiz.mode == "practice" for bq in quizzes)
    for tag, value in (
        ("title", title),
        ("description", ctx.html(intro)),
        ("shuffle_answers", "true" if all(bq.quiz.shuffle_options for bq in quizzes) else "false"),
        ("scoring_policy", "keep_highest"),
        ("quiz_type", "practice_quiz" if practice else "assignment"),
        ("points_possible", decimal(total)),
        ("show_correct_answers", "true" if practice else "false"),
        ("allowed_attempts", "-1" if practice else "1"),
        ("available", "false"),
    ):
        sub(root, tag, value)
    return xml_bytes(root)
