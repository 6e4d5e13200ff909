"""Starter files for `new lesson` and `new quiz`: valid as written, commented for authors."""

from __future__ import annotations

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
    assessed_by: [{id}-q01]
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
