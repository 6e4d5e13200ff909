"""A synthetic content pool of any size, for the benchmarks and for tests that need bulk content.

`write_pool(folder, n)` writes n questions (every question type in turn, Chinese text with some
Markdown) into quizzes of 50, ten quizzes per lesson, plus one rule-based scheme, a glossary and a
course manifest `course.yml` whose course id is `bench` and which lists every lesson.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

#: The id of the course the pool's course.yml declares.
COURSE_ID = "bench"

#: The one classification scheme the `classify` questions use.
SCHEME: dict[str, Any] = {
    "id": "man",
    "title": "MAN 法则",
    "kind": "rules",
    "attributes": [
        {"id": "money", "label": "购买力", "values": [{"id": "M", "label": "有"}, {"id": "m", "label": "无"}]},
        {"id": "authority", "label": "决策权", "values": [{"id": "A", "label": "有"}, {"id": "a", "label": "无"}]},
    ],
    "classes": [{"id": c, "label": c, "action": f"对 {c} 的做法"} for c in ("MA", "Ma", "mA", "ma")],
    "rules": [{"when": {"money": m, "authority": a}, "then": m + a} for m in "Mm" for a in "Aa"],
}

# libyaml's emitter when PyYAML was built with it: writing 50,000 questions with the pure-Python one
# takes longer than timing them. Writing is not measured; only the parse is.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def question(n: int, dialogues: bool = True) -> dict[str, Any]:
    """The n-th synthetic question: the ten types in turn (the tenth alternately calc and dialogue), with
    Chinese text and some Markdown."""
    text = f"第 {n} 题：客户说“**预算**已经批了”，这说明了什么？"
    common = {"id": f"q{n}", "explanation": f"解析 {n}：先看*购买力*，再看决策权。", "skills": ["MAN"]}
    kind = n % 10
    if kind == 0:
        return {
            **common,
            "type": "single",
            "prompt": text,
            "hints": ["想一想谁说了算。"],
            "options": [
                {"text": "有购买力", "correct": True},
                {"text": "有决策权", "feedback": "不一定。"},
                {"text": "有需求"},
                {"text": "都没有"},
            ],
        }
    if kind == 1:
        return {
            **common,
            "type": "multiple",
            "prompt": text,
            "options": [{"text": "购买力", "correct": True}, {"text": "需求", "correct": True}, {"text": "包装"}],
        }
    if kind == 2:
        return {**common, "type": "truefalse", "prompt": f"第 {n} 题：MAN 中的 N 指需求。", "answer": True}
    if kind == 3:
        return {
            **common,
            "type": "fill",
            "prompt": f"第 {n} 题：潜在客户要“{{_}}”和“{{_}}”。",
            "blanks": [{"accept": ["用得着", "需要"]}, {"accept": ["买得起"]}],
        }
    if kind == 4:
        return {**common, "type": "numeric", "prompt": f"第 {n} 题：MAN 有几种组合？", "answer": 8, "unit": "种"}
    if kind == 5:
        return {**common, "type": "ordering", "prompt": f"第 {n} 题：排序", "items": ["寻找", "鉴定", "接近", "成交"]}
    if kind == 6:
        return {
            **common,
            "type": "matching",
            "prompt": f"第 {n} 题：配对",
            "pairs": [
                {"left": "M", "right": "购买力"},
                {"left": "A", "right": "决策权"},
                {"left": "N", "right": "需求"},
            ],
            "distractors": ["包装"],
        }
    if kind == 7:
        return {
            **common,
            "type": "categorise",
            "prompt": f"第 {n} 题：归类",
            "categories": ["M", "A"],
            "items": [{"text": "预算充足", "category": "M"}, {"text": "老板本人", "category": "A"}],
        }
    if kind == 8:
        return {
            **common,
            "type": "classify",
            "scheme": "man",
            "scenario": f"情境 {n}：张总是老板，公司预算充足。",
            "cues": [
                {"quote": "公司预算充足", "attribute": "money", "value": "M", "why": "钱够。"},
                {"quote": "张总是老板", "attribute": "authority", "value": "A"},
            ],
        }
    if dialogues and (n // 10) % 2:  # every other tenth question is a conversation; the other types stay as frequent
        return dialogue(n, common)
    return {
        **common,
        "type": "calc",
        "prompt": f"第 {n} 题：{n + 100} 名客户流失 {n % 50 + 1} 名，流失率是多少？",
        "formula": "churn_rate",
        "givens": {"lost": n % 50 + 1, "total": n + 100},
    }


def dialogue(n: int, common: dict[str, Any]) -> dict[str, Any]:
    """A short branching conversation: two turns, a retry link, three endings."""
    return {
        **common,
        "type": "dialogue",
        "prompt": f"第 {n} 题：你给刘经理打电话约面谈。",
        "points": 5,
        "max_turns": 2,
        "speakers": {"customer": "刘经理"},
        "start": "greet",
        "nodes": [
            {
                "id": "greet",
                "says": "喂，哪位？",
                "cue": {"quote": "哪位", "note": "先报*姓名*。"},
                "choices": [
                    {"say": "刘经理您好，我是小李。", "next": "need", "points": 2, "feedback": "先自报家门。"},
                    {"say": "我们产品特别好！", "next": "hangup", "points": -1, "feedback": "没报姓名就推销。"},
                    {"say": "我过会儿再打。", "next": "greet", "retry": True, "feedback": "退缩没有用。"},
                ],
            },
            {
                "id": "need",
                "says": "什么事？",
                "choices": [
                    {"say": "想约您周三面谈。", "next": "booked", "points": 3, "feedback": "给出具体时间。"},
                    {"say": "我寄份资料吧。", "next": "mailed", "points": 1, "feedback": "资料换不来面谈。"},
                ],
            },
        ],
        "endings": [
            {"id": "booked", "outcome": "约到面谈", "success": True, "debrief": "约到了。"},
            {"id": "hangup", "outcome": "客户挂断", "debrief": "挂断了。"},
            {"id": "mailed", "outcome": "只寄了资料", "debrief": "没约到。"},
        ],
    }


def _lesson(k: int) -> dict[str, Any]:
    return {
        "id": f"L{k}",
        "title": f"第 {k} 课：客户开发",
        "summary": "用三个问题判断**潜在客户**。",
        "minutes": 30,
        "objectives": [{"id": f"L{k}-o1", "text": "说出 MAN 的含义"}],
        "sections": [
            {
                "title": f"第 {s} 节",
                "body": "**M** 是购买力，**A** 是决策权，**N** 是需求。\n\n- 一\n- 二",
                "blocks": [{"type": "table", "columns": ["组合", "做法"], "rows": [["M+A+N", "理想客户"]]}],
            }
            for s in range(3)
        ],
        "key_points": ["MAN 三个条件缺一不可。"],
        "terms": ["MAN 法则"],
    }


def write_pool(
    root: Path, questions: int, per_quiz: int = 50, quizzes_per_lesson: int = 10, dialogues: bool = True
) -> list[Path]:
    """Write a pool of `questions` synthetic questions under `root`; returns its YAML files, sorted.

    Without `dialogues`, calc questions stand in for them: such quiz pages load quiz.js, not dialogue.js.
    """
    for folder in ("lessons", "quizzes/schemes", "glossary"):
        (root / folder).mkdir(parents=True, exist_ok=True)

    def dump(rel: str, data: Any) -> None:
        text = yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=False)
        (root / rel).write_text(text, encoding="utf-8")

    quizzes = (questions + per_quiz - 1) // per_quiz
    lessons = (quizzes + quizzes_per_lesson - 1) // quizzes_per_lesson
    for k in range(lessons):
        dump(f"lessons/L{k}.yml", _lesson(k))
    n = 0
    for q in range(quizzes):
        count = min(per_quiz, questions - n)
        dump(
            f"quizzes/Q{q}.yml",
            {
                "id": f"Q{q}",
                "title": f"测验 {q}",
                "lesson": f"L{q // quizzes_per_lesson}",
                "questions": [question(n + i, dialogues) for i in range(count)],
            },
        )
        n += count
    dump("quizzes/schemes/man.yml", SCHEME)
    dump("glossary/terms.yml", {"terms": [{"term": "MAN 法则", "definition": "判断潜在客户的方法。", "lesson": "L0"}]})
    dump(
        "course.yml",
        {
            "id": COURSE_ID,
            "title": "基准课程",
            "lessons": [f"L{k}" for k in range(lessons)],
            "skills": {"MAN": "MAN 法则"},
            "check_objectives": False,
        },
    )
    return sorted(root.rglob("*.yml"))
