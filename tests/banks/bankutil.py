"""Shared pieces of the question-bank tests: banks of the bundled course or of given questions, readers by others."""

from __future__ import annotations

import functools
import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from generator.banks.common import Bank, BankQuiz, Context, Where
from generator.banks.export import ExportResult, load_course, render_banks
from generator.banks.htmltree import parse_fragment
from generator.model import Quiz
from generator.model.assemble import course_quizzes
from generator.render.markdown import MarkdownRenderer

ROOT = Path(__file__).resolve().parents[2]
GIFT_PARSE = Path(__file__).with_name("gift_parse.cjs")
_MD = MarkdownRenderer()


@functools.cache
def course_banks(fmt: str) -> tuple[dict[str, bytes], ExportResult]:
    """Every bank of the bundled course in `fmt` (file name -> bytes) and the export's result."""
    project, course = load_course(ROOT, "course.yml")
    return render_banks(project, course, fmt)


@functools.cache
def course_counts() -> dict[str, int]:
    """Questions of the bundled course by type, "all", and "quizzes": what a complete export must hold."""
    project, course = load_course(ROOT, "course.yml")
    counts: dict[str, int] = {"all": 0, "quizzes": len(course_quizzes(project, course))}
    for quiz in course_quizzes(project, course):
        for q in quiz.questions:
            counts["all"] += q.type != "dialogue"  # no bank format carries a conversation: skipped, with a warning
            counts[q.type] = counts.get(q.type, 0) + 1
    return counts


def quiz_bank(questions: list[Any], quiz_id: str = "T-quiz", **quiz: Any) -> Bank:
    """A bank of one quiz holding `questions` (models or dicts), under a lesson 'T'."""
    model = Quiz.model_validate({"id": quiz_id, "title": "Test quiz", "lesson": "T", "questions": questions, **quiz})
    return Bank(quiz_id, "Test quiz", "测试课程", [BankQuiz(model, "T", "测试一课 / Lesson T")])


def context(fmt: str, language: str = "zh") -> Context:
    """A writer's context whose warnings point at a made-up file."""
    return Context(fmt, language, {}, lambda ident: Where("quizzes/T-quiz.yml", 1, 1))


def rendered(text: str) -> str:
    """What a Markdown text shows, as comparable HTML (white space, b/strong, i/em and empty elements evened out)."""
    html = _flatten(_MD.block(text))
    html = re.sub(r"<(/?)b>", r"<\1strong>", html)
    html = re.sub(r"<(/?)i>", r"<\1em>", html)
    inline = "strong|em|mark|del|ins|sub|sup|span|u|s|a[^>]*"
    for _ in range(3):  # white space at the edge of an inline element shows the same outside it
        html = re.sub(rf"<({inline})>(\s+)", r"\2<\1>", html)
        html = re.sub(rf"(\s+)</({inline.split('|a[')[0]}|a)>", r"</\2>\1", html)
        html = re.sub(rf"<({inline}|code)></(strong|em|mark|del|ins|sub|sup|span|u|s|a|code)>", "", html)  # empty
    html = re.sub(r"</(strong|em|mark|del|ins|sub|sup)><\1>", "", html)  # <em>a</em><em>b</em> shows as <em>ab</em>
    html = re.sub(r"\s+", " ", html)
    html = re.sub(r"(<(?:p|li|td|th|h\d)[^>]*>) ", r"\1", html)
    html = re.sub(r" (</(?:p|li|td|th|h\d)>)", r"\1", html)
    return html.replace("> <", "><").strip()


def _flatten(html: str) -> str:
    """HTML with an inline element inside one of the same kind unwrapped (<em>a<em>b</em></em> shows as <em>ab</em>)."""
    root = parse_fragment(html)

    def visit(element: ET.Element, active: frozenset[str]) -> None:
        for child in list(element):
            visit(child, active | {str(element.tag)})
            if child.tag in ("em", "i", "strong", "b", "mark", "del", "ins") and child.tag in active | {element.tag}:
                index = list(element).index(child)
                before = element[index - 1] if index else None
                inner = child.text or ""
                if before is None:
                    element.text = (element.text or "") + inner
                else:
                    before.tail = (before.tail or "") + inner
                for n, grand in enumerate(list(child)):
                    element.insert(index + n, grand)
                last = element[index + len(child) - 1] if len(child) else before
                if last is None:
                    element.text = (element.text or "") + (child.tail or "")
                else:
                    last.tail = (last.tail or "") + (child.tail or "")
                element.remove(child)

    visit(root, frozenset())
    return ET.tostring(root, encoding="unicode", method="html")[len("<fragment>") : -len("</fragment>")]


def canon(value: Any, key: str = "") -> Any:
    """A question dump with every text replaced by what it shows (ids, tags, numbers and answers kept)."""
    if isinstance(value, dict):
        return {k: canon(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [canon(v, key) for v in value]
    if isinstance(value, str) and key not in ("id", "type", "skills", "accept", "regex", "scoring", "unit"):
        # The site puts a blank's input in place of {_} before Markdown reads the prompt; so does this.
        return rendered(value.replace("{_}", "\ue000blank\ue001"))
    return value


def gift_pegjs(paths: list[Path]) -> list[dict[str, Any]]:
    """What gift-pegjs (npm, pinned in package.json) reads in each GIFT file."""
    node = shutil.which("node")
    assert node, "node is needed for the gift-pegjs test"
    assert (ROOT / "node_modules" / "gift-pegjs").is_dir(), "run `npm install` (make test does) for gift-pegjs"
    done = subprocess.run(
        [node, str(GIFT_PARSE), *map(str, paths)], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    result: list[dict[str, Any]] = json.loads(done.stdout)
    return result


#: Every special character of GIFT (~ = # { } : \), of XML (< > & " ') and of Markdown, in every type.
SPECIAL = r"~ = # { } : \ [ ] % * _ < > & ' \" / -> // ^ | `"
NASTY: list[dict[str, Any]] = [
    {
        "id": "n-single",
        "type": "single",
        "prompt": f"选哪个？ {SPECIAL}\n\n第二段 **粗体** 2 \\* 3 = 6",
        "options": [
            {"text": "[html] 不是格式", "correct": True, "feedback": "对：{a} = #1"},
            {"text": "%50% off", "feedback": "[markdown] ~不对~"},
            {"text": "a -> b // c"},
        ],
        "explanation": "#### 不是总评 \\#",
        "hints": ["想想 {x}"],
        "skills": ["skill.one", "skill-2"],
    },
    {
        "id": "n-multi",
        "type": "multiple",
        "prompt": "Which? a:b c=d",
        "scoring": "partial",
        "options": [
            {"text": "one ~ two", "correct": True},
            {"text": "三 = 3", "correct": True},
            {"text": "wrong # 1", "feedback": "no {}"},
        ],
    },
    {
        "id": "n-tf",
        "type": "truefalse",
        "prompt": "真的吗？ T = {TRUE}",
        "answer": False,
        "feedback": {"correct": "对 #", "incorrect": "错 ~"},
        "explanation": "因为 a:b",
    },
    {
        "id": "n-fill",
        "type": "fill",
        "prompt": "1 + 1 = {_}，对吗？ {x} \\ y",
        "blanks": [{"accept": ["2", "二", "a*b", "x=y", "#1"]}],
        "feedback": {"correct": "好 {}", "incorrect": "再想 ~"},
    },
    {
        "id": "n-fill-start",
        "type": "fill",
        "prompt": "{_} 是首都。",
        "blanks": [{"accept": ["北京"]}],
        "explanation": "**北京** = Beijing",
    },
    {
        "id": "n-num",
        "type": "numeric",
        "prompt": "多少？ {#1}",
        "answer": -1.25,
        "tolerance": 0.05,
        "feedback": {"correct": "对", "incorrect": "错 #"},
    },
    {
        "id": "n-num-rel",
        "type": "numeric",
        "prompt": "约多少？",
        "answer": 200,
        "tolerance": 0.1,
        "relative": True,
        "unit": "元",
    },
    {"id": "n-order", "type": "ordering", "prompt": "排序（从小到大）", "items": ["一", "二 two", "三 three"]},
    {
        "id": "n-match",
        "type": "matching",
        "prompt": "配对 a:b",
        "pairs": [{"left": "左 = 1", "right": "右 ~ 1"}, {"left": "左 {2}", "right": "右 #2"}],
        "distractors": ["多余 :3"],
        "explanation": "配对说明",
    },
    {
        "id": "n-cat",
        "type": "categorise",
        "prompt": "分类",
        "categories": ["甲类", "乙类 = B", "丙类"],
        "items": [
            {"text": "x1", "category": "甲类"},
            {"text": "x2 #", "category": "乙类 = B"},
            {"text": "x3", "category": "甲类"},
        ],
    },
]
