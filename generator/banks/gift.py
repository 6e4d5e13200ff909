"""GIFT, Moodle's text format for questions: one paragraph per question, the answers in braces.

Text is written as GIFT `[markdown]` (the author's Markdown as typed; Moodle renders Markdown
itself), so a file stays readable and editable and reads back to the same text. Every line break
inside a text is written as the escape `\\n`, so no text line can end a question (a blank line)
or be taken for a comment (a line starting with `//`).
"""

from __future__ import annotations

import re
from html import unescape

import markdown

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
from ..render.markdown import model_texts
from .common import Bank, Context, Skip, absolute_tolerance, bank_question, category_path, decimal, moodle_weight

_ESCAPES = str.maketrans(
    {"\\": "\\\\", "~": "\\~", "=": "\\=", "#": "\\#", "{": "\\{", "}": "\\}", ":": "\\:", "\n": "\\n", "\r": ""}
)
#: Characters GIFT's ordering syntax (qtype_ordering) cannot escape in an item; gift-pegjs rejects them there.
_ORDERING_UNSAFE = set("~=#{}\\:\n")
#: Moodle renders [markdown] with Markdown Extra; these Python-Markdown extensions are its near equivalent.
_MOODLE_MARKDOWN = ["tables", "footnotes", "def_list", "abbr", "attr_list", "fenced_code"]


def escape(text: str) -> str:
    """`text` with GIFT's special characters escaped and line breaks written as `\\n`."""
    return text.strip().translate(_ESCAPES)


def rich(text: str, tagged: bool = False) -> str:
    """A text field: escaped, and tagged [markdown] where asked or where a leading '[' or '%' would read as a
    tag or a weight (untagged fields take the format of the question's text)."""
    out = escape(text)
    return f"[markdown]{out}" if tagged or out.startswith(("[", "%")) else out


def write_gift(bank: Bank, ctx: Context) -> str:
    """The bank as one GIFT file: a $CATEGORY per lesson, then its questions."""
    moodle_md = markdown.Markdown(extensions=_MOODLE_MARKDOWN)
    blocks = [
        f"// {escape(bank.title)}\n// Moodle: Question bank > Import > GIFT format (UTF-8). "
        "Ordering questions need Moodle 4.4 or the qtype_ordering plugin."
    ]
    for _, lesson_title, quizzes in bank.categories():
        blocks.append(f"$CATEGORY: {category_path(bank, lesson_title)}")
        for bq in quizzes:
            for original in bq.quiz.questions:
                try:
                    q = bank_question(original, bq.quiz, ctx)
                    body = _question(q, bq.quiz.scoring, ctx)
                except Skip as exc:
                    ctx.warn(original.id, str(exc), skipped=True)
                    continue
                _check_markdown(q, ctx, moodle_md)
                tags = "".join(f" [tag:{s}]" for s in q.skills)
                blocks.append(f"// [id:{q.id}]{tags}\n::{escape(q.id)}::{body}")
    return "\n\n".join(blocks) + "\n"


def _question(q: Question, scoring: str, ctx: Context) -> str:
    _common_losses(q, ctx)
    assert q.prompt is not None  # only classify has none, and it is a choice by now
    prompt = "[markdown]" + escape(q.prompt)
    general = f"####{rich(q.explanation)}\n" if q.explanation else ""
    if isinstance(q, TrueFalse):
        wrong, right = _feedback(q, "incorrect")[1:], _feedback(q, "correct")[1:]
        feedback = f"#{wrong}#{right}" if right else (f"#{wrong}" if wrong else "")
        return f"{prompt}{{{'TRUE' if q.answer else 'FALSE'}{feedback}{general.rstrip()}}}"
    if isinstance(q, SingleChoice | MultipleResponse):
        return f"{prompt}{{\n{_choices(q, scoring, ctx)}{general}}}"
    if isinstance(q, FillIn):
        return _fill(q, ctx)
    if isinstance(q, Numeric):
        if q.unit:
            ctx.warn(q.id, f"GIFT has no unit: the unit {q.unit!r} shown after the answer box is not carried")
        lines = f"=%100%{decimal(q.answer)}:{decimal(absolute_tolerance(q))}{_feedback(q, 'correct')}\n"
        if q.feedback and q.feedback.incorrect:
            lines += f"~{_feedback(q, 'incorrect')}\n"
        return f"{prompt}{{#\n{lines}{general}}}"
    if isinstance(q, Ordering):
        return _ordering(q, ctx, prompt)
    if isinstance(q, Matching | Categorise):
        return f"{prompt}{{\n{_pairs(q, ctx)}{general}}}"
    raise Skip(f"GIFT has no form for a {q.type} question")  # pragma: no cover - bank_question maps the rest


def _common_losses(q: Question, ctx: Context) -> None:
    """Warnings for what no GIFT question holds: hints, points, and feedback by result (except true/false)."""
    if q.hints:
        ctx.warn(q.id, f"GIFT has no hints: {len(q.hints)} hint(s) not carried (the Moodle XML file keeps them)")
    if q.points != 1:
        ctx.warn(q.id, f"GIFT has no points: the question is worth {q.points:g} here, Moodle imports it as 1")
    if q.feedback and not isinstance(q, TrueFalse | FillIn | Numeric):
        ctx.warn(q.id, "GIFT has no feedback by result for this type: feedback.correct/incorrect not carried")


def _feedback(q: Question, which: str, tagged: bool = False) -> str:
    text = getattr(q.feedback, which) if q.feedback else None
    return f"#{rich(text, tagged)}" if text else ""


def _choices(q: SingleChoice | MultipleResponse, scoring: str, ctx: Context) -> str:
    lines = []
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
        if isinstance(q, SingleChoice):
            mark = "=" if option.correct else "~"
        else:
            weight = (plus or f"{100 / right:.5f}") if option.correct else (minus or f"{-100 / right:.5f}")
            mark = f"~%{weight}%"
        fb = f"#{rich(option.feedback)}" if option.feedback else ""
        lines.append(f"{mark}{rich(option.text)}{fb}\n")
    return "".join(lines)


def _fill(q: FillIn, ctx: Context) -> str:
    if len(q.blanks) != 1:
        raise Skip(
            f"GIFT holds one blank per question, this one has {len(q.blanks)}; the Moodle XML file keeps "
            "it (as a cloze question)"
        )
    blank = q.blanks[0]
    if blank.regex:
        ctx.warn(q.id, f"GIFT has no regular expressions: the pattern {blank.regex!r} is not carried")
    before, after = q.prompt.split(BLANK)
    # The spaces around the blank are kept (escaped), so the prompt reads back exactly.
    head, tail = before.lstrip().translate(_ESCAPES), after.rstrip().translate(_ESCAPES)
    # A format tag needs text after it before the brace (gift-pegjs rejects "[markdown]{"), so a prompt that
    # starts with its blank goes untagged; its feedback texts then carry the tag themselves.
    tagged = not head
    if tagged and ctx.md.plain(after) != after.strip():
        ctx.warn(
            q.id,
            "a prompt that starts with its blank cannot carry GIFT's [markdown] tag: Moodle shows its "
            "Markdown as typed",
        )
    # Moodle (and gift-pegjs) read '=' with '->' in an answer block as matching, and '->' cannot be escaped.
    if any("->" in a for a in blank.accept):
        raise Skip("GIFT reads '->' in a short answer as a matching pair; the Moodle XML file keeps this question")
    fb = {w: _feedback(q, w, tagged) for w in ("correct", "incorrect")}
    for which in [w for w, text in fb.items() if "->" in text]:
        ctx.warn(q.id, f"GIFT reads '->' in a short answer block as a matching pair: feedback.{which} not carried")
        fb[which] = ""
    # '*' is a wildcard in Moodle's short answers; '\*' is a literal star.
    lines = "".join(f"={rich(a.replace('*', chr(92) + '*'))}{fb['correct']}\n" for a in blank.accept)
    if fb["incorrect"]:
        lines += f"=%0%*{fb['incorrect']}\n"
    if q.explanation:
        lines += f"####{rich(q.explanation, tagged)}\n"
    if tagged:
        return f"{{\n{lines}}}{tail}"
    return f"[markdown]{head}{{\n{lines}}}{tail}"


def _ordering(q: Ordering, ctx: Context, prompt: str) -> str:
    items = [ctx.plain(q.id, item, "an ordering item in GIFT") for item in q.items]
    unsafe = sorted({c for item in items for c in item if c in _ORDERING_UNSAFE})
    if unsafe or "{" in q.prompt or "}" in q.prompt or any(i.startswith("//") for i in items):
        raise Skip(
            "GIFT's ordering syntax cannot escape "
            + (" ".join(repr(c) for c in unsafe) or "braces")
            + " in this question; the Moodle XML file keeps it"
        )
    if q.explanation:
        ctx.warn(q.id, "GIFT's ordering syntax has no general feedback: the explanation is not carried")
    body = "".join(f"{item}\n" for item in items)
    return f"{prompt}{{>{len(items)} ALL VERTICAL ALL_OR_NOTHING SHOW\n{body}}}"


def _pairs(q: Matching | Categorise, ctx: Context) -> str:
    ctx.warn(q.id, "Moodle gives credit per pair in matching questions; the site only when every pair is right")
    if isinstance(q, Matching):
        pairs = [(p.left, p.right) for p in q.pairs]
        spare = list(q.distractors)
    else:
        pairs = [(i.text, i.category) for i in q.items]
        spare = [c for c in q.categories if c not in {i.category for i in q.items}]
    lines = []
    for left, right in pairs:
        if "->" in left:
            raise Skip("GIFT cannot hold '->' inside the left-hand side of a pair")
        lines.append(f"={rich(left)} -> {escape(ctx.plain(q.id, right, 'the right-hand side of a pair'))}\n")
    lines += [f"= -> {escape(ctx.plain(q.id, s, 'the right-hand side of a pair'))}\n" for s in spare]
    return "".join(lines)


def _check_markdown(q: Question, ctx: Context, moodle_md: markdown.Markdown) -> None:
    """Warn when Moodle's Markdown would show some of the question's text differently from the site."""
    for text in model_texts(q):
        if not any(c in text for c in "!=^~?:|"):  # the syntax only the site's extensions read
            continue
        moodle_md.reset()
        if ctx.md.plain(text) != _text_of(moodle_md.convert(text)):
            ctx.warn(
                q.id,
                f"uses Markdown that Moodle's Markdown does not render (admonitions, ==mark==, "
                f"^^insert^^, tabs …): {text.strip()[:60]!r}; the Moodle XML file renders it",
            )
            return


def _text_of(html: str) -> str:
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html)).strip())
