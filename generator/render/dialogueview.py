"""A dialogue question as template values and as its answer key.

The page carries every line, reply, feedback and debrief as server-rendered, sanitised HTML (inert
<template> elements the runtime clones); the key carries only the graph and the points. So the
runtime never builds HTML from strings, and the page without JavaScript still shows the scenario
and the conversation's first turn.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..load.dialogue_checks import best_path
from ..model import Dialogue, Quiz
from ..model.answerkey import DialogueKey, EndingKey, ReplyKey, TurnKey
from ..model.formulas import number
from .markdown import MarkdownRenderer
from .marks import MarkError, Marks

#: The conversation's own interface strings; only dialogue pages carry them.
DIALOGUE_STRINGS: dict[str, dict[str, str]] = {
    "zh": {
        "you": "你",
        "log": "对话记录",
        "replies": "你的回答",
        "restart": "重新开始对话",
        "ended": "对话结束：{outcome}",
        "success": "✓ 成功：{outcome}",
        "failure": "✗ 未成功：{outcome}",
        "unfinished": "对话没有进行完",
        "score": "对话得分 {got}/{best}",
        "path": "你的对话路径与点评",
        "debrief": "复盘",
        "cue": "线索",
        "reply_points": "（{n} 分）",
        "exam_wait": "对话已结束，交卷后可以看到得分和点评。",
        "noscript": "这段情景对话需要开启 JavaScript 才能进行：每一轮选择你要说的话，客户会随之回应。下面是对话的开头。",
        "best_path": "最佳路径",
        "tree": "对话结构图",
        "node": "节点",
        "reply": "回答",
        "leads_to": "去向",
        "retry": "重来",
        "map_key": "粗线为最佳路径，虚线为“重来”，字母对应下面各节点的回答。",
    },
    "en": {
        "you": "You",
        "log": "Conversation",
        "replies": "Your reply",
        "restart": "Restart the conversation",
        "ended": "Conversation over: {outcome}",
        "success": "✓ Success: {outcome}",
        "failure": "✗ Not a success: {outcome}",
        "unfinished": "the conversation was not finished",
        "score": "Conversation score {got}/{best}",
        "path": "Your path, with feedback",
        "debrief": "Debrief",
        "cue": "Cue",
        "reply_points": " ({n} points)",
        "exam_wait": "The conversation is over; submit the quiz to see the score and the feedback.",
        "noscript": "This conversation needs JavaScript: at each turn you choose what to say and the customer "
        "answers. Its first turn is shown below.",
        "best_path": "Best path",
        "tree": "Conversation map",
        "node": "Node",
        "reply": "Reply",
        "leads_to": "Leads to",
        "retry": "retry",
        "map_key": "The thick line is the best path, dashed lines are retries; letters are the replies listed below.",
    },
}


@dataclass(frozen=True)
class Reply:
    """One reply of a turn, in the order the page shows it; `index` is its place in the key."""

    index: int
    html: str
    feedback: str
    points: str
    next: str
    retry: bool


@dataclass(frozen=True)
class Turn:
    id: str
    speaker: str
    says: str
    #: The line as plain text, for the instructor's map.
    says_text: str
    cue_note: str
    replies: list[Reply]


@dataclass(frozen=True)
class Ending:
    id: str
    outcome: str
    outcome_text: str
    success: bool
    debrief: str


@dataclass(frozen=True)
class DialogueView:
    """What questions/dialogue.html.j2 shows."""

    start: Turn
    turns: list[Turn]
    endings: list[Ending]
    strings: dict[str, str]


def dialogue_view(
    q: Dialogue, quiz: Quiz, md: MarkdownRenderer, language: str, shuffle: Callable[[list[Any], str], list[Any]]
) -> tuple[dict[str, Any], DialogueKey]:
    """Template values and the answer key of dialogue `q` (`shuffle` is the page's stable shuffle)."""
    turns = []
    for n, node in enumerate(q.nodes):
        says = md.block(node.says)
        if node.cue is not None:
            says, found = md.marked(node.says, Marks(cues=(node.cue.quote,)))
            if 0 not in found.cues:
                raise MarkError(
                    q.id,
                    ("nodes", n, "cue", "quote"),
                    f"quote {node.cue.quote!r} must appear in says in one piece "
                    "(not inside a link title, raw HTML or across formatting)",
                )
        replies = [
            Reply(m, md.inline(c.say), md.block(c.feedback), number(c.points), c.next, c.retry)
            for m, c in enumerate(node.choices)
        ]
        # Shuffled when the page is built, like options: the best reply is not always the first.
        if quiz.shuffle_options:
            replies = shuffle(replies, f"{q.id}/{node.id}")
        turns.append(
            Turn(
                id=node.id,
                speaker=q.speakers[node.speaker],
                says=says,
                says_text=md.plain(node.says),
                cue_note=md.block(node.cue.note) if node.cue else "",
                replies=replies,
            )
        )
    endings = [
        Ending(e.id, md.inline(e.outcome), md.plain(e.outcome), e.success, md.block(e.debrief)) for e in q.endings
    ]
    start = next(t for t in turns if t.id == q.start)
    best = best_path(q)
    key = DialogueKey(
        type="dialogue",
        points=q.points,
        skills=q.all_skills(),
        start=q.start,
        nodes={
            n.id: TurnKey(choices=[ReplyKey(next=c.next, points=c.points, retry=c.retry) for c in n.choices])
            for n in q.nodes
        },
        endings={e.id: EndingKey(success=e.success) for e in q.endings},
        best=best.score,
        path=best.choices,
    )
    strings = DIALOGUE_STRINGS.get(language, DIALOGUE_STRINGS["en"])
    return {"dialogue": DialogueView(start, turns, endings, strings)}, key
