"""Starter files for `new`: valid as written, commented for authors, one per kind of content.

A new lesson comes with its quiz (`<id>-quiz`): the lesson's objective names the quiz's first
question, so the two pass `check` together, also inside a course that checks objectives.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .load.yamlsource import load
from .model import Scheme

KINDS = ("lesson", "quiz", "exercises", "scheme", "glossary", "course")

LESSON = """\
# yaml-language-server: $schema=../schema/lesson.schema.json
# A lesson. Every field is explained in docs/authoring.md.
id: {id}                       # stable: saved progress and links hang off it
title: 新课程标题
summary: 一两句话说明本课讲什么、学完能做什么。
minutes: 30                    # estimated study time
objectives:                    # each names the questions that assess it
  - id: {id}-o1
    text: 学完本课能做到的一件事
    assessed_by: [{id}-quiz-q01]   # the first question of quizzes/{id}-quiz.yml
sections:
  - title: 第一节
    body: |
      用 Markdown 写正文：段落、列表、**加粗**、表格，以及提示框：

      !!! tip "小提示"
          提示框里的内容要缩进四个空格。
key_points:
  - 本课最重要的一点。
"""

QUIZ = """\
# yaml-language-server: $schema=../schema/quiz.schema.json
# A quiz. Question types and their fields are listed in docs/authoring.md.
# Each question should assess an objective: list its id in an objective's assessed_by in lessons/{lesson}.yml.
id: {id}
title: 新测验
lesson: {lesson}               # the lesson this quiz practises
pass_mark: 80                  # percent needed to pass
questions:
  - id: {id}-q01               # unique across all quizzes
    type: single
    prompt: 这里写题目。
    options:
      - text: 正确选项
        correct: true
      - text: 一个看似合理的错误选项
        feedback: 说明它为什么不对。
    explanation: 说明正确答案的理由。
"""

EXERCISES_HEAD = """\
# yaml-language-server: $schema=../schema/quiz.schema.json
# Worked exercises on the scheme {scheme!r}. Each question should assess an objective: list its id in an
# objective's assessed_by in lessons/{lesson}.yml.
id: {id}
title: 新练习
lesson: {lesson}
intro: 读每段情景，逐步做出判断，再对照分步解答。
questions:
"""

RULES_EXERCISE = """\
  - id: {id}-q{n:02d}
    type: classify
    scheme: {scheme}
    scenario: |
      {scenario}
    cues:                      # each cue quotes the scenario and sets one attribute
{cues}
    explanation: 说明每条线索为什么指向这个判断。
"""

CUE = """\
      - quote: {quote}
        attribute: {attribute}
        value: {value}
        why: 为什么这句话说明了“{label}”。"""

JUDGMENT_EXERCISE = """\
  - id: {id}-q{n:02d}
    type: classify
    scheme: {scheme}
    scenario: |
      这里写一段情景，让学员判断它属于哪一类。
    answer: {answer}              # one of: {classes}
    rationale: 说明情景里哪些话让你做出这个判断。
"""

RULES_SCHEME = """\
# yaml-language-server: $schema=../../schema/scheme.schema.json
# A rule-based scheme: attributes with values, and a rule table that gives the class for every combination.
id: {id}
title: 新分类
kind: rules
description: 用一两句话说明这个分类看什么、为什么要分。
attributes:
  - id: a
    label: 第一个判断
    question: 对方具备这一点吗？
    values:
      - {{id: has, label: 具备}}
      - {{id: lacks, label: 不具备}}
classes:
  - {{id: go, label: 跟进, description: 具备时的做法。, action: 马上安排下一步。}}
  - {{id: wait, label: 暂缓, description: 不具备时的做法。, action: 记录下来，过段时间再联系。}}
rules:
  - {{when: {{a: has}}, then: go}}
  - {{when: {{a: lacks}}, then: wait}}
drill:                         # optional cue bank: sentences a drill composes into fresh scenarios
  a:
    has: [对方说预算已经批下来了。]
    lacks: [对方说今年没有这笔钱。]
"""

JUDGMENT_SCHEME = """\
# yaml-language-server: $schema=../../schema/scheme.schema.json
# A judgment scheme: classes with descriptions; each exercise names its class and explains why.
id: {id}
title: 新分类
kind: judgment
description: 用一两句话说明怎样判断属于哪一类。
classes:
  - {{id: first, label: 第一类, description: 什么情况属于这一类。}}
  - {{id: second, label: 第二类, description: 什么情况属于这一类。}}
"""

GLOSSARY = """\
# yaml-language-server: $schema=../schema/glossary.schema.json
# Glossary terms: each becomes a tooltip in lessons and a row on the glossary page.
terms:
  - term: 新术语
    definition: 一句话说明这个术语的意思。
    aliases: []                # other spellings that get the same tooltip
    lesson: {lesson}           # the lesson that introduces it
"""

COURSE = """\
# yaml-language-server: $schema=../schema/course.schema.json
# A course assembled from the pool. Build it with: python -m generator build --course courses/{id}.yml
id: {id}
title: 新课程
intro: 一段话介绍这门课适合谁、学完能做什么。
lessons: [{lessons}]           # in teaching order
"""


@dataclass(frozen=True)
class Scaffold:
    """A file to create, and a note for the author about what to do next."""

    path: Path
    text: str
    note: str = ""


def scaffolds(
    root: Path,
    kind: str,
    ident: str,
    lesson: str | None = None,
    scheme: str | None = None,
    scheme_kind: str = "rules",
    lessons: tuple[str, ...] = (),
) -> list[Scaffold]:
    """The files `new KIND IDENT` creates (raises ValueError for a missing or wrong option)."""
    if kind == "lesson":
        return [
            Scaffold(root / "lessons" / f"{ident}.yml", LESSON.format(id=ident)),
            Scaffold(root / "quizzes" / f"{ident}-quiz.yml", QUIZ.format(id=f"{ident}-quiz", lesson=ident)),
        ]
    if kind == "quiz":
        return [
            Scaffold(
                root / "quizzes" / f"{ident}.yml",
                QUIZ.format(id=ident, lesson=_need(lesson, "--lesson")),
                _link_note(ident, lesson),
            )
        ]
    if kind == "exercises":
        found = find_scheme(root, _need(scheme, "--scheme"))
        text = EXERCISES_HEAD.format(id=ident, lesson=_need(lesson, "--lesson"), scheme=found.id) + _exercises(
            ident, found
        )
        return [Scaffold(root / "quizzes" / f"{ident}.yml", text, _link_note(ident, lesson))]
    if kind == "scheme":
        template = RULES_SCHEME if scheme_kind == "rules" else JUDGMENT_SCHEME
        return [Scaffold(root / "quizzes" / "schemes" / f"{ident}.yml", template.format(id=ident))]
    if kind == "glossary":
        return [Scaffold(root / "glossary" / f"{ident}.yml", GLOSSARY.format(lesson=_need(lesson, "--lesson")))]
    if kind == "course":
        if not lessons:
            raise ValueError("a course needs its lessons: pass --lessons L1,L2")
        return [Scaffold(root / "courses" / f"{ident}.yml", COURSE.format(id=ident, lessons=", ".join(lessons)))]
    raise ValueError(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")


def find_scheme(root: Path, scheme_id: str) -> Scheme:
    """The scheme with id `scheme_id` from quizzes/schemes/ (ValueError when none loads)."""
    for path in sorted((root / "quizzes" / "schemes").glob("*.yml")):
        data, _, problems = load(path, path.name)
        if not problems and isinstance(data, dict) and data.get("id") == scheme_id:
            return Scheme.model_validate(data)
    raise ValueError(f"no scheme {scheme_id!r} in quizzes/schemes/ (create one with: new scheme {scheme_id})")


def _exercises(ident: str, scheme: Scheme) -> str:
    if scheme.kind == "judgment":
        classes = ", ".join(c.id for c in scheme.classes)
        return JUDGMENT_EXERCISE.format(id=ident, n=1, scheme=scheme.id, answer=scheme.classes[0].id, classes=classes)
    # One exercise per rule, so the scaffold covers the scheme; its cues quote its own scenario.
    out = []
    for n, rule in enumerate(scheme.rules[:3], 1):
        cues, sentences = [], []
        for attribute in scheme.attributes:
            value = next(v for v in attribute.values if v.id == rule.when[attribute.id])
            # A placeholder sentence per attribute: the author replaces it, and its quote, with real words.
            quote = f"【第{n}题：写一句表明{attribute.label}为“{value.label}”的话】"
            sentences.append(quote)
            cues.append(
                CUE.format(
                    quote=json.dumps(quote, ensure_ascii=False),
                    attribute=attribute.id,
                    value=value.id,
                    label=value.label,
                )
            )
        out.append(
            RULES_EXERCISE.format(id=ident, n=n, scheme=scheme.id, scenario="".join(sentences), cues="\n".join(cues))
        )
    return "".join(out)


def _need(value: str | None, option: str) -> str:
    if not value:
        raise ValueError(f"this kind needs {option}")
    return value


def _link_note(ident: str, lesson: str | None) -> str:
    return (
        f"next: list {ident}-q01 (and each further question) in an objective's assessed_by in "
        f"lessons/{lesson}.yml, so the course's objective check passes"
    )
