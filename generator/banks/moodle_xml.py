"""Moodle XML: every question type Moodle has, as HTML rendered by the site's own sanitising renderer.

Fill-in questions become cloze (`type="cloze"`, Moodle's "embedded answers"), which is the only
Moodle type with several blanks in the text; ordering uses `type="ordering"` (core since Moodle
4.4, a plugin before); categorise becomes matching with repeated answers.
"""

from __future__ import annotations

import html
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
from .common import (
    Bank,
    Context,
    Skip,
    absolute_tolerance,
    bank_question,
    category_path,
    decimal,
    moodle_weight,
    points,
)
from .package import sub, xml_bytes

#: Stands for blank n while the prompt is rendered; private-use characters no author text holds.
_TOKEN = "\ue000{}\ue001"
#: What Moodle's cloze parser unescapes ('\}', '\#'); '\*' is a literal star for its short answers.
_CLOZE_ESCAPES = str.maketrans({"}": "\\}", "#": "\\#", "*": "\\*"})
_CLOZE_FEEDBACK_ESCAPES = str.maketrans({"}": "\\}"})


def _text(parent: ET.Element, tag: str, value: str, fmt: str = "html") -> ET.Element:
    """<tag format=…><text>value</text></tag>, Moodle's shape for every text."""
    element = sub(parent, tag, format=fmt)
    sub(element, "text", value)
    return element


def write_moodle_xml(bank: Bank, ctx: Context) -> bytes:
    """The bank as one Moodle XML file: a category per lesson, then its questions."""
    root = ET.Element("quiz")
    for lesson_id, lesson_title, quizzes in bank.categories():
        category = sub(root, "question", type="category")
        sub(sub(category, "category"), "text", category_path(bank, lesson_title))
        _text(category, "info", "")
        sub(category, "idnumber", lesson_id)
        for bq in quizzes:
            for original in bq.quiz.questions:
                try:
                    q = bank_question(original, bq.quiz, ctx)
                    root.append(_question(q, bq.quiz.scoring, bq.quiz.shuffle_options, ctx))
                except Skip as exc:
                    ctx.warn(original.id, str(exc), skipped=True)
    return xml_bytes(root)


def _question(q: Question, scoring: str, shuffle: bool, ctx: Context) -> ET.Element:
    kind = {
        "single": "multichoice",
        "multiple": "multichoice",
        "truefalse": "truefalse",
        "fill": "cloze",
        "numeric": "numerical",
        "ordering": "ordering",
        "matching": "matching",
        "categorise": "matching",
    }[q.type]
    el = ET.Element("question", type=kind)
    sub(sub(el, "name"), "text", q.id)
    prompt = _cloze_prompt(q, ctx) if isinstance(q, FillIn) else ctx.html(q.prompt)
    _text(el, "questiontext", prompt)
    _text(el, "generalfeedback", ctx.html(q.explanation))
    sub(el, "defaultgrade", points(q))
    sub(el, "penalty", "1" if isinstance(q, TrueFalse) else "0.3333333")
    sub(el, "hidden", "0")
    sub(el, "idnumber", q.id)
    if isinstance(q, SingleChoice | MultipleResponse):
        _choices(el, q, scoring, shuffle, ctx)
    elif isinstance(q, TrueFalse):
        fb = q.feedback
        for truth in (True, False):
            right = truth == q.answer
            answer = sub(el, "answer", fraction="100" if right else "0", format="moodle_auto_format")
            sub(answer, "text", "true" if truth else "false")
            _text(answer, "feedback", ctx.html((fb.correct if right else fb.incorrect) if fb else None))
    elif isinstance(q, Numeric):
        _numeric(el, q, ctx)
    elif isinstance(q, Ordering):
        for tag, value in (
            ("layouttype", "VERTICAL"),
            ("selecttype", "ALL"),
            ("selectcount", str(len(q.items))),
            ("gradingtype", "ALL_OR_NOTHING"),
            ("showgrading", "SHOW"),
            ("numberingstyle", "none"),
        ):
            sub(el, tag, value)
        _combined_feedback(el, q, ctx)
        for n, item in enumerate(q.items, 1):
            sub(sub(el, "answer", fraction=str(n), format="html"), "text", ctx.inline(item))
    elif isinstance(q, Matching | Categorise):
        _matching(el, q, shuffle, ctx)
    for hint in q.hints:
        _text(el, "hint", ctx.html(hint))
    if q.skills:
        tags = sub(el, "tags")
        for skill in q.skills:
            sub(sub(tags, "tag"), "text", skill)
    return el


def _combined_feedback(el: ET.Element, q: Question, ctx: Context) -> None:
    fb = q.feedback
    _text(el, "correctfeedback", ctx.html(fb.correct if fb else None))
    _text(el, "partiallycorrectfeedback", "")
    _text(el, "incorrectfeedback", ctx.html(fb.incorrect if fb else None))
    sub(el, "shownumcorrect")


def _choices(el: ET.Element, q: SingleChoice | MultipleResponse, scoring: str, shuffle: bool, ctx: Context) -> None:
    single = isinstance(q, SingleChoice)
    sub(el, "single", "true" if single else "false")
    sub(el, "shuffleanswers", "true" if shuffle else "false")
    sub(el, "answernumbering", "abc")
    sub(el, "showstandardinstruction", "0")
    _combined_feedback(el, q, ctx)
    right = sum(o.correct for o in q.options)
    plus, minus = moodle_weight(1 / right), moodle_weight(-1 / right)
    if isinstance(q, MultipleResponse):
        if (q.scoring or scoring) == "all":
            ctx.warn(
                q.id,
                "Moodle has no all-or-nothing multiple answer: exported with partial credit "
                "(+1/n per right option, -1/n per wrong one, the site's 'partial' rule)",
            )
        if plus is None or minus is None:
            ctx.warn(
                q.id,
                f"{right} right options give weights of {100 / right:.5f}%, which Moodle's list of grades "
                "lacks: choose 'nearest grade' when importing",
            )
    for option in q.options:
        if single:
            fraction = "100" if option.correct else "0"
        else:
            fraction = (plus or f"{100 / right:.5f}") if option.correct else (minus or f"{-100 / right:.5f}")
        answer = sub(el, "answer", fraction=fraction, format="html")
        sub(answer, "text", ctx.inline(option.text))
        _text(answer, "feedback", ctx.html(option.feedback))


def _numeric(el: ET.Element, q: Numeric, ctx: Context) -> None:
    fb = q.feedback
    answer = sub(el, "answer", fraction="100", format="moodle_auto_format")
    sub(answer, "text", decimal(q.answer))
    sub(answer, "tolerance", decimal(absolute_tolerance(q)))
    _text(answer, "feedback", ctx.html(fb.correct if fb else None))
    if fb and fb.incorrect:
        other = sub(el, "answer", fraction="0", format="moodle_auto_format")
        sub(other, "text", "*")
        sub(other, "tolerance", "0")
        _text(other, "feedback", ctx.html(fb.incorrect))
    if q.unit:
        unit = sub(sub(el, "units"), "unit")
        sub(unit, "multiplier", "1")
        sub(unit, "unit_name", q.unit)
        # Units optional and not graded: the number alone is right, as on the site.
        for tag, value in (("unitgradingtype", "0"), ("unitpenalty", "0"), ("showunits", "0"), ("unitsleft", "0")):
            sub(el, tag, value)


def _matching(el: ET.Element, q: Matching | Categorise, shuffle: bool, ctx: Context) -> None:
    ctx.warn(q.id, "Moodle gives credit per pair in matching questions; the site only when every pair is right")
    sub(el, "shuffleanswers", "true" if shuffle else "false")
    _combined_feedback(el, q, ctx)
    if isinstance(q, Matching):
        pairs: list[tuple[str, str]] = [(p.left, p.right) for p in q.pairs] + [("", d) for d in q.distractors]
    else:
        used = {i.category for i in q.items}
        pairs = [(i.text, i.category) for i in q.items] + [("", c) for c in q.categories if c not in used]
    for left, right in pairs:
        pair = sub(el, "subquestion", format="html")
        sub(pair, "text", ctx.inline(left) if left else "")
        sub(sub(pair, "answer"), "text", ctx.plain(q.id, right, "the right-hand side of a pair"))


def _cloze_prompt(q: FillIn, ctx: Context) -> str:
    """The prompt as HTML with each blank written as a cloze short answer, {1:SHORTANSWER:=a~=b}."""
    if any(b.regex for b in q.blanks):
        ctx.warn(q.id, "Moodle's short answers have no regular expressions: the blank's pattern is not carried")
    several = len(q.blanks) > 1
    if several:
        ctx.warn(
            q.id,
            f"Moodle grades each of the {len(q.blanks)} blanks separately (1 mark each); the site gives the "
            "points only when every blank is right",
        )
        if q.feedback:
            ctx.warn(q.id, "feedback by result is not carried for a cloze question with several blanks")
    pieces = q.prompt.split(BLANK)
    marked = "".join(p + (_TOKEN.format(n) if n < len(q.blanks) else "") for n, p in enumerate(pieces))
    rendered = ctx.html(marked)
    for n, blank in enumerate(q.blanks):
        token = _TOKEN.format(n)
        if rendered.count(token) != 1:
            raise Skip("a blank sits where Moodle's cloze syntax cannot go (inside a link, code or raw HTML)")
        rendered = rendered.replace(token, html.escape(_cloze_code(q, blank.accept, several, ctx), quote=False))
    return rendered


def _cloze_code(q: FillIn, accept: list[str], several: bool, ctx: Context) -> str:
    for answer in accept:
        # '~' separates answers and cannot be escaped; a backslash is ambiguous before an escaped '}', and a
        # trailing '&' would swallow the separator.
        if "~" in answer or "\\" in answer or answer.endswith("&"):
            raise Skip(f"Moodle's cloze syntax cannot hold the accepted answer {answer!r}")
    fb = q.feedback if not several else None
    texts = {
        w: ctx.plain(q.id, getattr(fb, w), "cloze feedback") for w in ("correct", "incorrect") if fb and getattr(fb, w)
    }
    for which, text in list(texts.items()):
        if "~" in text or text.endswith("\\"):
            ctx.warn(q.id, f"Moodle's cloze syntax cannot hold the feedback {text!r}; it is not carried")
            del texts[which]
    right = f"#{texts['correct'].translate(_CLOZE_FEEDBACK_ESCAPES)}" if "correct" in texts else ""
    answers = [f"={a.translate(_CLOZE_ESCAPES)}{right}" for a in accept]
    if "incorrect" in texts:
        answers.append(f"%0%*#{texts['incorrect'].translate(_CLOZE_FEEDBACK_ESCAPES)}")
    return "{1:SHORTANSWER:" + "~".join(answers) + "}"
