"""Geometry of the data-drawn diagrams; the SVG itself is an autoescaped template.

Sizes are in viewBox units. The template draws the SVG ``width / FONT`` em wide (never wider than
its column), so one unit is 1/16 of the surrounding text's em: a label of FONT units is exactly as
large as the body text wherever the column has room, and the whole drawing scales down with the
column on a narrow screen instead of overflowing it.
"""

from __future__ import annotations

import itertools
import math
from typing import Any

from .wrap import FONT, text_width, wrap

LINE = 22.0  # pitch of a wrapped label's lines
TEXT_H = 24.0  # height of one line of text as browsers measure it (CJK fonts' ascent + descent ~ 1.45 em)
PAD_X, PAD_Y = 14.0, 10.0  # room between a label and its shape's edge
EDGE = 4.0  # room for the stroke at the view's edges
GAP = 28.0  # between the boxes of a flow: room for an arrow
LAYER_GAP = 6.0  # between the layers of a funnel
# Flows and funnels are 30 em wide: 70% of the article on a 1280 px desktop, and on a 375 px phone
# they shrink only to ~0.7 (labels ~11 px) where a full 43 em drawing would halve them.
NARROW = 480.0
# A cycle may widen up to the article's width at 1280 px (43 em) before its labels wrap further.
WIDE = 688.0
MIN_FLOW_BOX = 240.0
CYCLE_LINE = 10 * FONT  # a cycle's labels wrap after about ten CJK characters
MIN_ARROW = 40.0  # length of a cycle's arrows between the boxes they join


def _label(label: str, width: float) -> dict[str, Any]:
    lines = wrap(label, width)
    return {
        "label": label,
        "text": lines,
        "tw": max(text_width(line) for line in lines),
        "th": TEXT_H + LINE * (len(lines) - 1),
    }


def _lines(item: dict[str, Any], cx: float, cy: float) -> list[dict[str, Any]]:
    """Each line of a label at its place: the block of lines is centred on (cx, cy)."""
    n = len(item["text"])
    return [{"x": cx, "y": cy + (k - (n - 1) / 2) * LINE, "text": line} for k, line in enumerate(item["text"])]


def _flow(steps: list[str]) -> dict[str, Any]:
    """A vertical chain of equally wide boxes, centred, joined by arrows."""
    width = NARROW
    items = [_label(s, width - 2 * (EDGE + PAD_X)) for s in steps]
    box_w = min(width - 2 * EDGE, max(MIN_FLOW_BOX, max(i["tw"] for i in items) + 2 * PAD_X))
    x, y = (width - box_w) / 2, EDGE
    shapes, arrows = [], []
    for n, item in enumerate(items):
        h = item["th"] + 2 * PAD_Y
        if n:
            arrows.append({"d": f"M{width / 2:.1f},{y - GAP + 3:.1f} L{width / 2:.1f},{y - 3:.1f}"})
        shapes.append(
            {"x": x, "y": y, "w": box_w, "h": h, "label": item["label"], "lines": _lines(item, width / 2, y + h / 2)}
        )
        y += h + GAP
    return {"width": width, "height": y - GAP + EDGE, "shapes": shapes, "arrows": arrows}


def _funnel(steps: list[str]) -> dict[str, Any]:
    """Stacked trapezoids narrowing downwards; each label fits the narrow edge of its layer."""
    width, n = NARROW, len(steps)
    top = width - 2 * EDGE
    flattest = 0.55 * top  # labels wrap rather than flatten the funnel beyond this
    items = []
    for i, step in enumerate(steps):
        room = top - (top - flattest) * (i + 1) / n
        items.append(_label(step, room - 2 * PAD_X))
    # The narrowest bottom with every layer's bottom edge still as wide as its label needs.
    bottom = max([0.3 * top] + [top - (top - (it["tw"] + 2 * PAD_X)) * n / (i + 1) for i, it in enumerate(items)])
    bottom = min(bottom, top)
    cx, y = width / 2, EDGE
    shapes = []
    for i, item in enumerate(items):
        w1 = top - (top - bottom) * i / n
        w2 = top - (top - bottom) * (i + 1) / n
        h = item["th"] + 2 * PAD_Y
        corners = ((cx - w1 / 2, y), (cx + w1 / 2, y), (cx + w2 / 2, y + h), (cx - w2 / 2, y + h))
        shapes.append(
            {
                "points": " ".join(f"{px:.1f},{py:.1f}" for px, py in corners),
                "label": item["label"],
                "lines": _lines(item, cx, y + h / 2),
            }
        )
        y += h + LAYER_GAP
    return {"width": width, "height": y - LAYER_GAP + EDGE, "shapes": shapes, "arrows": []}


Box = tuple[float, float, float, float]  # centre x, centre y, width, height
Arc = tuple[list[tuple[float, float]], float, float]  # points along the ring, and its two radii

RING_SAMPLES = 96  # points per arrow when finding where the ring leaves and meets the boxes
ARROW_GAP = 5.0  # between an arrow's ends and the boxes it joins


def _inside(box: Box, x: float, y: float, gap: float) -> bool:
    bx, by, w, h = box
    return abs(x - bx) <= w / 2 + gap and abs(y - by) <= h / 2 + gap


def _ring_arrow(boxes: list[Box], i: int, rx: float, ry: float) -> list[tuple[float, float]]:
    """The part of the ring from box i to the next one that lies outside both (empty if none)."""
    n = len(boxes)
    a0 = -math.pi / 2 + 2 * math.pi * i / n
    points = [
        (rx * math.cos(a0 + 2 * math.pi / n * k / RING_SAMPLES), ry * math.sin(a0 + 2 * math.pi / n * k / RING_SAMPLES))
        for k in range(RING_SAMPLES + 1)
    ]
    start, end = boxes[i], boxes[(i + 1) % n]
    return [(x, y) for x, y in points if not _inside(start, x, y, ARROW_GAP) and not _inside(end, x, y, ARROW_GAP)]


def _length(points: list[tuple[float, float]]) -> float:
    return sum(math.dist(p, q) for p, q in itertools.pairwise(points))


def _apart(a: Box, b: Box) -> float:
    """Clear space between two boxes along whichever axis separates them more."""
    return max(abs(a[0] - b[0]) - (a[2] + b[2]) / 2, abs(a[1] - b[1]) - (a[3] + b[3]) / 2)


def _cycle_layout(items: list[dict[str, Any]]) -> tuple[list[Box], list[list[tuple[float, float]]], float, float]:
    """Boxes centred on an ellipse, clockwise from the top, the ellipse grown until every arc of it
    between two neighbours is long enough for an arrow and no two boxes come close."""
    n = len(items)
    sizes = [(max(it["tw"] + 2 * PAD_X, 96.0), it["th"] + 2 * PAD_Y) for it in items]
    # A wide ellipse suits a few boxes; many boxes stack down its sides, so it grows rounder.
    aspect = 0.62 + 0.06 * max(0, n - 6)

    def attempt(radius: float) -> tuple[list[Box], list[list[tuple[float, float]]]] | None:
        rx, ry = radius, radius * aspect
        angles = [-math.pi / 2 + 2 * math.pi * i / n for i in range(n)]
        boxes = [(rx * math.cos(a), ry * math.sin(a), w, h) for a, (w, h) in zip(angles, sizes, strict=True)]
        arrows = [_ring_arrow(boxes, i, rx, ry) for i in range(n)]
        if all(_length(a) >= MIN_ARROW for a in arrows) and all(
            _apart(boxes[i], boxes[j]) >= 16 for i in range(n) for j in range(i + 1, n)
        ):
            return boxes, arrows
        return None

    # Grow the ring until everything fits, then narrow down on the smallest ring that still does.
    low, high = 20.0, 40.0
    found = attempt(high)
    while found is None:
        low, high = high, high * 1.5
        found = attempt(high)
    while high - low > 2:
        mid = (low + high) / 2
        smaller = attempt(mid)
        if smaller is None:
            low = mid
        else:
            high, found = mid, smaller
    return found[0], found[1], high, high * aspect


def _cycle(steps: list[str]) -> dict[str, Any]:
    """Boxes round a ring, clockwise from the top, each joined to the next by an arrow along the ring."""
    for line in (CYCLE_LINE, 7 * FONT, 5 * FONT):
        items = [_label(s, line) for s in steps]
        boxes, arrows, rx, ry = _cycle_layout(items)
        # The drawing's extent: the boxes and the arrows (plus room for a stroke and an arrowhead).
        xs = [x + s * w / 2 for x, _, w, _ in boxes for s in (-1, 1)]
        ys = [y + s * h / 2 for _, y, _, h in boxes for s in (-1, 1)]
        xs += [x + d for arrow in arrows for x, _ in arrow for d in (-6, 6)]
        ys += [y + d for arrow in arrows for _, y in arrow for d in (-6, 6)]
        if max(xs) - min(xs) + 2 * EDGE <= WIDE:
            break
    width = max(NARROW, max(xs) - min(xs) + 2 * EDGE)
    height = max(ys) - min(ys) + 2 * EDGE
    ox, oy = width / 2 - (max(xs) + min(xs)) / 2, EDGE - min(ys)
    shapes = [
        {
            "x": x + ox - w / 2,
            "y": y + oy - h / 2,
            "w": w,
            "h": h,
            "label": it["label"],
            "lines": _lines(it, x + ox, y + oy),
        }
        for (x, y, w, h), it in zip(boxes, items, strict=True)
    ]
    # Each arrow is the ring's own arc (sweep 1: clockwise on screen), so together they draw the ring.
    paths = [
        {"d": f"M{sx + ox:.1f},{sy + oy:.1f} A{rx:.1f},{ry:.1f} 0 0,1 {ex + ox:.1f},{ey + oy:.1f}"}
        for (sx, sy), (ex, ey) in ((arrow[0], arrow[-1]) for arrow in arrows)
    ]
    return {"width": width, "height": height, "shapes": shapes, "arrows": paths}


def diagram_view(kind: str, steps: list[str]) -> dict[str, Any]:
    """Shapes (a rect's x, y, w, h or a polygon's points, with the label's lines placed), arrows as
    path data, and the view's size, for a flow, funnel or cycle.

    `em` is the width to draw the SVG at, in the surrounding text's em: there FONT units are 1 em.
    """
    layout = {"funnel": _funnel, "cycle": _cycle}.get(kind, _flow)
    view = layout(steps)
    return {"kind": kind, "em": view["width"] / FONT, **view}
