"""Geometry of the data-drawn diagrams; the SVG itself is an autoescaped template."""

from __future__ import annotations

import math
from typing import Any

WIDTH = 640
BOX_H = 44
GAP = 22


def _text_width(text: str) -> float:
    # CJK characters are about one em wide, Latin about half; 15px font.
    return sum(15 if ord(ch) > 0x2E7F else 8.5 for ch in text)


def diagram_view(kind: str, steps: list[str]) -> dict[str, Any]:
    """Boxes (x, y, w, h, label) and arrows for a flow, funnel or cycle, plus the viewBox."""
    if kind == "funnel":
        n = len(steps)
        top, bottom = WIDTH - 40, 180
        shapes = []
        for i, label in enumerate(steps):
            w1 = top - (top - bottom) * i / n
            w2 = top - (top - bottom) * (i + 1) / n
            y = 10.0 + i * (BOX_H + 6)
            cx = WIDTH / 2
            corners = ((cx - w1 / 2, y), (cx + w1 / 2, y), (cx + w2 / 2, y + BOX_H), (cx - w2 / 2, y + BOX_H))
            points = " ".join(f"{px:.1f},{py:.1f}" for px, py in corners)
            shapes.append({"points": points, "x": cx, "y": y + BOX_H / 2, "label": label})
        return {"kind": kind, "width": WIDTH, "height": 20 + n * (BOX_H + 6), "polys": shapes, "boxes": [], "arrows": []}
    if kind == "cycle":
        n = len(steps)
        radius = 150.0 if n <= 6 else 190.0
        box_w = max(_text_width(s) for s in steps) + 24
        cx, cy = WIDTH / 2, radius + BOX_H
        boxes, centres = [], []
        for i, label in enumerate(steps):
            angle = -math.pi / 2 + 2 * math.pi * i / n
            x, y = cx + radius * math.cos(angle), cy + radius * math.sin(angle)
            centres.append((x, y))
            boxes.append({"x": x - box_w / 2, "y": y - BOX_H / 2, "w": box_w, "h": BOX_H, "cx": x, "cy": y,
                          "label": label})
        arrows = []
        for i in range(n):
            (x1, y1), (x2, y2) = centres[i], centres[(i + 1) % n]
            # Shorten each arrow so it starts and ends outside the boxes.
            dx, dy = x2 - x1, y2 - y1
            length = math.hypot(dx, dy) or 1
            cut = min(0.35, (BOX_H * 0.9) / length)
            arrows.append({"x1": x1 + dx * cut, "y1": y1 + dy * cut, "x2": x2 - dx * cut, "y2": y2 - dy * cut})
        return {"kind": kind, "width": WIDTH, "height": 2 * (radius + BOX_H), "boxes": boxes, "arrows": arrows,
                "polys": []}
    # flow: a vertical chain of boxes
    box_w = min(WIDTH - 20, max(_text_width(s) for s in steps) + 40)
    x = (WIDTH - box_w) / 2
    boxes, arrows = [], []
    for i, label in enumerate(steps):
        y = 10 + i * (BOX_H + GAP)
        boxes.append({"x": x, "y": y, "w": box_w, "h": BOX_H, "cx": WIDTH / 2, "cy": y + BOX_H / 2, "label": label})
        if i:
            arrows.append({"x1": WIDTH / 2, "y1": y - GAP + 2, "x2": WIDTH / 2, "y2": y - 3})
    return {"kind": kind, "width": WIDTH, "height": 20 + len(steps) * (BOX_H + GAP) - GAP, "boxes": boxes,
            "arrows": arrows, "polys": []}
