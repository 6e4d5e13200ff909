"""QTI 2.1 content packages (what Blackboard Learn imports): one item file per question, a test, a manifest.

Every question type has a native interaction here except classify and calc (see common.py):
ordering is an orderInteraction, matching and categorise are matchInteractions (categories may be
matched many times), blanks are inline textEntryInteractions. Author text is the site's sanitised
HTML, re-parsed and written as the XHTML subset QTI allows.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

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
from .common import Bank, BankQuiz, Context, Skip, bank_question, decimal
from .htmltree import embed_xhtml as _flow
from .package import qti21_manifest, qti_id, sub, xml_bytes, zip_files

NS = "http://www.imsglobal.org/xsd/imsqti_v2p1"
_SCHEMA = f"{NS} http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"
_TOKEN = "\ue000{}\ue001"


def write_qti21(bank: Bank, ctx: Context) -> bytes:
    """The bank as a QTI 2.1 package: items/*.xml, the test (a section per lesson) and imsmanifest.xml."""
    items: dict[str, tuple[bytes, list[str]]] = {}
    test = ET.Element(
        "assessmentTest",
        {
            "xmlns": NS,
            "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
            "xsi:schemaLocation": _SCHEMA,
            "identifier": qti_id(bank.id),
            "title": bank.title,
        },
    )
    sub(test, "outcomeDeclaration", identifier="SCORE", cardinality="single", baseType="float")
    part = sub(test, "testPart", identifier="part", navigationMode="nonlinear", submissionMode="simultaneous")
    for lesson_id, lesson_title, quizzes in bank.categories():
        section = sub(
            part, "assessmentSection", identifier=qti_id(f"{bank.id}-{lesson_id}"), title=lesson_title, visible="true"
        )
        if len(quizzes) == 1 and quizzes[0].quiz.draw:
            sub(section, "selection", select=str(quizzes[0].quiz.draw))
        if len(quizzes) == 1 and quizzes[0].quiz.shuffle_questions:
            sub(section, "ordering", shuffle="true")
        for bq in quizzes:
            for original in bq.quiz.questions:
                try:
                    q = bank_question(original, bq.quiz, ctx)
                    items[q.id] = (xml_bytes(_item(q, bq, ctx)), q.skills)
                except Skip as exc:
                    ctx.warn(original.id, str(exc), skipped=True)
                    continue
                sub(section, "assessmentItemRef", identifier=qti_id(q.id), href=f"items/{q.id}.xml")
    outcome = sub(sub(test, "outcomeProcessing"), "setOutcomeValue", identifier="SCORE")
    sub(sub(outcome, "sum"), "testVariables", variableIdentifier="SCORE")
    files = {"imsmanifest.xml": qti21_manifest(bank.id, items), f"{bank.id}.xml": xml_bytes(test)}
    files |= {f"items/{ident}.xml": data for ident, (data, _) in items.items()}
    return zip_files(files)


def _item(q: Question, bq: BankQuiz, ctx: Context) -> ET.Element:
    item = ET.Element(
        "assessmentItem",
        {
            "xmlns": NS,
            "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
            "xsi:schemaLocation": _SCHEMA,
            "identifier": qti_id(q.id),
            "title": q.id,
            "adaptive": "false",
            "timeDependent": "false",
        },
    )
    if q.hints:
        ctx.warn(q.id, f"QTI 2.1 items here have no hints: {len(q.hints)} hint(s) not carried")
    body = ET.Element("itemBody")
    test, score = _interaction(q, bq, ctx, item, body)
    for ident, value in (("SCORE", "0"), ("MAXSCORE", decimal(q.points))):
        declaration = sub(item, "outcomeDeclaration", identifier=ident, cardinality="single", baseType="float")
        sub(sub(declaration, "defaultValue"), "value", value)
    sub(item, "outcomeDeclaration", identifier="FEEDBACK", cardinality="multiple", baseType="identifier")
    item.append(body)
    _processing(q, item, test, score)
    fb = q.feedback
    for ident, text in (
        ("correct", fb.correct if fb else None),
        ("incorrect", fb.incorrect if fb else None),
        ("explanation", q.explanation),
    ):
        if text:
            _flow(
                sub(item, "modalFeedback", outcomeIdentifier="FEEDBACK", identifier=ident, showHide="show"),
                ctx.html(text),
            )
    for n, option in enumerate(getattr(q, "options", [])):
        if option.feedback:
            _flow(
                sub(item, "modalFeedback", outcomeIdentifier="FEEDBACK", identifier=f"C{n}", showHide="show"),
                ctx.html(option.feedback),
            )
    return item


def _interaction(
    q: Question, bq: BankQuiz, ctx: Context, item: ET.Element, body: ET.Element
) -> tuple[ET.Element, ET.Element | None]:
    """Declares the responses and fills the body; returns the test for "right" and the score (None: points)."""
    if isinstance(q, FillIn):
        return _fill(q, ctx, item, body)
    _flow(body, ctx.html(q.prompt))
    if isinstance(q, SingleChoice | MultipleResponse | TrueFalse):
        if isinstance(q, TrueFalse):
            words = strings(ctx.language)
            choices = [(words["true"], q.answer), (words["false"], not q.answer)]
        else:
            choices = [(ctx.inline(o.text), o.correct) for o in q.options]
        multiple = isinstance(q, MultipleResponse)
        right = [f"C{n}" for n, (_, ok) in enumerate(choices) if ok]
        response = _declare(item, "RESPONSE", "multiple" if multiple else "single", "identifier", right)
        interaction = sub(
            body,
            "choiceInteraction",
            responseIdentifier="RESPONSE",
            maxChoices="0" if multiple else "1",
            shuffle="true" if bq.quiz.shuffle_options and not isinstance(q, TrueFalse) else "false",
        )
        for n, (text, _) in enumerate(choices):
            _flow(sub(interaction, "simpleChoice", identifier=f"C{n}"), text)
        score = None
        if isinstance(q, MultipleResponse) and (q.scoring or bq.quiz.scoring) == "partial":
            share = q.points / len(right)
            mapping = sub(response, "mapping", lowerBound="0", upperBound=decimal(q.points), defaultValue="0")
            for n, (_, ok) in enumerate(choices):
                sub(mapping, "mapEntry", mapKey=f"C{n}", mappedValue=decimal(share if ok else -share))
            score = ET.Element("mapResponse", identifier="RESPONSE")
        return _match("RESPONSE"), score
    if isinstance(q, Numeric):
        _declare(item, "RESPONSE", "single", "float", [decimal(q.answer)])
        paragraph = sub(body, "p")
        entry = sub(paragraph, "textEntryInteraction", responseIdentifier="RESPONSE", expectedLength="12")
        if q.unit:
            entry.tail = f" {q.unit}"
        mode, margin = ("relative", q.tolerance * 100) if q.relative else ("absolute", q.tolerance)
        test = ET.Element("equal", toleranceMode="exact" if margin == 0 else mode)
        if margin:
            test.set("tolerance", f"{decimal(margin)} {decimal(margin)}")
        sub(test, "variable", identifier="RESPONSE")
        sub(test, "correct", identifier="RESPONSE")
        return test, None
    if isinstance(q, Ordering):
        _declare(item, "RESPONSE", "ordered", "identifier", [f"I{n}" for n in range(len(q.items))])
        interaction = sub(body, "orderInteraction", responseIdentifier="RESPONSE", shuffle="true")
        for n, text in enumerate(q.items):
            _flow(sub(interaction, "simpleChoice", identifier=f"I{n}"), ctx.inline(text))
        return _match("RESPONSE"), None
    if isinstance(q, Matching | Categorise):
        return _matching(q, ctx, item, body), None
    raise Skip(f"QTI 2.1 has no form for a {q.type} question")  # pragma: no cover


def _matching(q: Matching | Categorise, ctx: Context, item: ET.Element, body: ET.Element) -> ET.Element:
    if isinstance(q, Matching):
        lefts = [p.left for p in q.pairs]
        rights = [p.right for p in q.pairs] + list(q.distractors)
        pairs = [f"L{n} R{n}" for n in range(len(q.pairs))]
        reuse = "1"
    else:
        lefts, rights = [i.text for i in q.items], list(q.categories)
        pairs = [f"L{n} R{q.categories.index(i.category)}" for n, i in enumerate(q.items)]
        reuse = "0"  # a category takes any number of items
    _declare(item, "RESPONSE", "multiple", "directedPair", pairs)
    interaction = sub(
        body, "matchInteraction", responseIdentifier="RESPONSE", shuffle="true", maxAssociations=str(len(lefts))
    )
    for prefix, texts, limit in (("L", lefts, "1"), ("R", rights, reuse)):
        group = sub(interaction, "simpleMatchSet")
        for n, text in enumerate(texts):
            _flow(sub(group, "simpleAssociableChoice", identifier=f"{prefix}{n}", matchMax=limit), ctx.inline(text))
    return _match("RESPONSE")


def _fill(q: FillIn, ctx: Context, item: ET.Element, body: ET.Element) -> tuple[ET.Element, None]:
    tests = []
    for n, blank in enumerate(q.blanks, 1):
        response = _declare(item, f"RESPONSE_{n}", "single", "string", blank.accept[:1])
        mapping = sub(response, "mapping", defaultValue="0", caseSensitive="false")
        for answer in dict.fromkeys(blank.accept):
            sub(mapping, "mapEntry", mapKey=answer, mappedValue="1")
        test = ET.Element("gt")
        sub(test, "mapResponse", identifier=f"RESPONSE_{n}")
        sub(test, "baseValue", "0", baseType="float")
        pattern = _xsd_pattern(blank.regex) if blank.regex else None
        if blank.regex and pattern is None:
            ctx.warn(
                q.id,
                f"the blank's pattern {blank.regex!r} uses syntax XML Schema's regular expressions "
                "(QTI's patternMatch) lack: not carried",
            )
        if pattern is not None:
            either = ET.Element("or")
            either.append(test)
            sub(sub(either, "patternMatch", pattern=pattern), "variable", identifier=f"RESPONSE_{n}")
            test = either
        tests.append(test)
    pieces = q.prompt.split(BLANK)
    marked = "".join(p + (_TOKEN.format(n) if n < len(q.blanks) else "") for n, p in enumerate(pieces))
    entries = {
        _TOKEN.format(n): ET.Element(
            "textEntryInteraction", responseIdentifier=f"RESPONSE_{n + 1}", expectedLength="15"
        )
        for n in range(len(q.blanks))
    }
    rendered = ctx.html(marked)
    if any(rendered.count(token) != 1 for token in entries) or _flow(body, rendered, entries) != len(entries):
        raise Skip("a blank sits where QTI cannot place an input (inside a link, code or raw HTML)")
    if len(tests) == 1:
        return tests[0], None
    every = ET.Element("and")
    every.extend(tests)
    return every, None


def _xsd_pattern(regex: str) -> str | None:
    """`regex` as an XML Schema pattern (always anchored, as the site anchors it), or None if it has no equivalent."""
    pattern = regex[1:] if regex.startswith("^") else regex
    pattern = pattern[:-1] if pattern.endswith("$") and not pattern.endswith("\\$") else pattern
    return None if re.search(r"\(\?|\\[bBAZzG]|[*+?}]\?|(?<![\\\[])\^|(?<!\\)\$", pattern) else pattern


def _declare(item: ET.Element, ident: str, cardinality: str, base: str, values: list[str]) -> ET.Element:
    declaration = sub(item, "responseDeclaration", identifier=ident, cardinality=cardinality, baseType=base)
    correct = sub(declaration, "correctResponse")
    for value in values:
        sub(correct, "value", value)
    return declaration


def _match(ident: str) -> ET.Element:
    test = ET.Element("match")
    sub(test, "variable", identifier=ident)
    sub(test, "correct", identifier=ident)
    return test


def _processing(q: Question, item: ET.Element, test: ET.Element, score: ET.Element | None) -> None:
    """SCORE is the points when `test` holds (or `score`), FEEDBACK names what to show."""
    condition = sub(sub(item, "responseProcessing"), "responseCondition")
    for branch, result in (("responseIf", "correct"), ("responseElse", "incorrect")):
        part = sub(condition, branch)
        if branch == "responseIf":
            part.append(test)
        value = sub(part, "setOutcomeValue", identifier="SCORE")
        if score is not None:
            value.append(score)
        else:
            sub(value, "baseValue", decimal(q.points) if result == "correct" else "0", baseType="float")
        shown = sub(sub(part, "setOutcomeValue", identifier="FEEDBACK"), "multiple")
        for ident in (result, "explanation"):
            sub(shown, "baseValue", ident, baseType="identifier")
        if getattr(q, "options", None):
            sub(shown, "variable", identifier="RESPONSE")
