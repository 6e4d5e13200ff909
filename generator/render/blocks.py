"""Lesson blocks (tables, cases, notes, diagrams) as template values."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..model import Block
from .diagram import diagram_view
from .markdown import MarkdownRenderer


@dataclass(frozen=True)
class TableView:
    caption: str | None
    columns: list[str]
    rows: list[list[str]]
    type: str = "table"


@dataclass(frozen=True)
class CaseView:
    title: str
    story: str
    takeaway: str
    type: str = "case"


@dataclass(frozen=True)
class NoteView:
    style: str
    title: str | None
    body: str
    type: str = "note"


BlockView = TableView | CaseView | NoteView | dict[str, Any]


def block_view(block: Block, md: MarkdownRenderer, uid: str) -> BlockView:
    """The values a block's template needs; `uid` keeps ids (diagram arrow markers) unique on a page."""
    if block.type == "table":
        return TableView(
            block.caption,
            [md.inline(c) for c in block.columns],
            [[md.inline(cell) if cell else "" for cell in row] for row in block.rows],
        )
    if block.type == "case":
        return CaseView(block.title, md.block(block.story), md.block(block.takeaway))
    if block.type == "note":
        return NoteView(block.style, block.title, md.block(block.body))
    # Diagram geometry is computed by diagram.py as plain values for the SVG template.
    return {"type": "diagram", "caption": block.caption, "uid": uid} | diagram_view(block.kind, block.steps)
