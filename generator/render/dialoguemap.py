"""The instructor's map of a dialogue: its whole tree as a layered drawing, the best path marked.

Geometry only, in viewBox units (see diagram.py: FONT units are the body text's size); the SVG is the
autoescaped template instructor/dialogue_map.html.j2. The graph comes from the answer key the runtime
grades with, the words from the question's view. Nodes are placed in rows by their longest distance
from the start (retry links aside, the graph is acyclic: the loader checks it), endings in the
row after their deepest parent; each row is ordered by where its parents stand, which keeps most links
from crossing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .dialogueview import DialogueView
from .wrap import FONT, wrap

BOX_W = 152.0  # a node's width: about eight CJK characters a line
LINE = 21.0  # pitch of a label's lines
PAD = 9.0  # between a label and its box's edge
GAP_X, GAP_Y = 28.0, 64.0  # between boxes of a row, between rows (room for links and their letters)
EDGE = 6.0  # room for strokes at the view's edges
LOOP = 36.0  # room on the right for retry links, which go back up
MAX_LINES = 3  # a node shows the start of its line; the list under the map has all of it


def _label(text: str) -> list[str]:
    lines = wrap(text, BOX_W - 2 * PAD)
    if len(lines) > MAX_LINES:
        lines = [*lines[: MAX_LINES - 1], lines[MAX_LINES - 1][:-1] + "…"]
    return lines


def best_nodes(key: Mapping[str, Any]) -> list[str]:
    """The ids the best path visits, from the start to its ending."""
    at, out = key["start"], [key["start"]]
    for index in key["path"]:
        at = key["nodes"][at]["choices"][index]["next"]
        out.append(at)
    return out


def _rows(key: Mapping[str, Any]) -> list[list[str]]:
    """Node and ending ids by row: the longest distance from the start over forward links. An ending
    stands in the row after its deepest parent, so links to it stay short."""
    nodes: dict[str, Any] = key["nodes"]
    depth = {key["start"]: 0}
    # Relax in rounds: a row can only grow while a forward link is longer than the rows it spans.
    for _ in range(len(nodes) + 1):
        changed = False
        for ident, turn in nodes.items():
            if ident not in depth:
                continue
            for choice in turn["choices"]:
                nxt = choice["next"]
                if not choice["retry"] and depth.get(nxt, -1) < depth[ident] + 1:
                    depth[nxt] = depth[ident] + 1
                    changed = True
        if not changed:
            break
    rows: list[list[str]] = [[] for _ in range(max(depth.values()) + 1)]
    for ident in [*nodes, *key["endings"]]:
        rows[depth.get(ident, 0)].append(ident)
    return rows


def dialogue_answer(d: DialogueView, key: Mapping[str, Any]) -> tuple[str, dict[str, Any]]:
    """The one-line answer (the best path's reply letters and its ending) and the map, for the instructor."""
    letters, at = [], key["start"]
    turns = {t.id: t for t in d.turns}
    for index in key["path"]:
        replies = turns[at].replies
        position = next(n for n, r in enumerate(replies) if r.index == index)
        letters.append("ABCD"[position])
        at = replies[position].next
    ending = next(e for e in d.endings if e.id == at)
    return f"{' → '.join(letters)}（{ending.outcome_text}）", dialogue_map(d, key, d.strings["best_path"])


def dialogue_map(d: DialogueView, key: Mapping[str, Any], best_label: str) -> dict[str, Any]:
    """Boxes (with their label lines), links (path data, their reply letter, on the best path or not,
    retry or not) and the view's size."""
    turns = {t.id: t for t in d.turns}
    endings = {e.id: e for e in d.endings}
    labels = {i: _label(f"{t.speaker}：{t.says_text}") for i, t in turns.items()}
    labels |= {i: _label(("✓ " if e.success else "✗ ") + e.outcome_text) for i, e in endings.items()}
    height = {i: len(lines) * LINE + 2 * PAD for i, lines in labels.items()}
    rows = _rows(key)
    width = max(len(r) for r in rows) * (BOX_W + GAP_X) - GAP_X + 2 * EDGE + LOOP
    place: dict[str, tuple[float, float]] = {}  # top-left corner of each box
    y = EDGE
    for row in rows:
        # Order a row by the mean x of the boxes already placed that link to it.
        def parents_x(ident: str) -> float:
            xs = [
                place[p][0]
                for p, turn in key["nodes"].items()
                if p in place and any(c["next"] == ident for c in turn["choices"])
            ]
            return sum(xs) / len(xs) if xs else 0.0

        row.sort(key=parents_x)
        span = len(row) * (BOX_W + GAP_X) - GAP_X
        x = (width - LOOP - span) / 2
        for ident in row:
            place[ident] = (x, y)
            x += BOX_W + GAP_X
        y += max(height[i] for i in row) + GAP_Y
    path = best_nodes(key)
    boxes = [
        {
            "x": x,
            "y": y0,
            "w": BOX_W,
            "h": height[i],
            "id": i,
            "ending": i in endings,
            "success": i in endings and endings[i].success,
            "best": i in path,
            "lines": [
                {"x": x + BOX_W / 2, "y": y0 + PAD + LINE * (k + 0.5), "text": line} for k, line in enumerate(labels[i])
            ],
        }
        for i, (x, y0) in place.items()
    ]
    links: list[dict[str, Any]] = []
    for ident, turn in turns.items():
        x0, y0 = place[ident]
        bottom = y0 + height[ident]
        count = len(turn.replies)
        for position, reply in enumerate(turn.replies):
            tx, ty = place[reply.next]
            sx = x0 + BOX_W * (position + 1) / (count + 1)
            if reply.retry:
                # Back up along the right-hand side, from this box's right edge to the target's (a loop
                # when it goes back to the same node).
                h, th, right = height[ident], height[reply.next], max(x0, tx) + BOX_W + LOOP * 0.9
                data = (
                    f"M{x0 + BOX_W:.1f},{y0 + h * 0.7:.1f} C{right:.1f},{y0 + h:.1f} {right:.1f},{ty:.1f} "
                    f"{tx + BOX_W + 2:.1f},{ty + th * 0.3:.1f}"
                )
            else:
                ex, mid = tx + BOX_W / 2, (bottom + ty) / 2
                data = f"M{sx:.1f},{bottom:.1f} C{sx:.1f},{mid:.1f} {ex:.1f},{mid:.1f} {ex:.1f},{ty - 2:.1f}"
            best = not reply.retry and _on_best(key, ident, reply.index)
            links.append(
                {
                    "d": data,
                    "letter": "ABCD"[position],  # as the list under the map and the page (2 to 4 replies)
                    "lx": sx + 5 if not reply.retry else x0 + BOX_W + LOOP * 0.55,
                    "ly": bottom + 14 if not reply.retry else y0 + height[ident] * 0.85 + 12,
                    "best": best,
                    "retry": reply.retry,
                }
            )
    links.sort(key=lambda link: link["best"])  # the best path is drawn last, over the others
    total = y - GAP_Y + EDGE
    return {
        "width": width,
        "height": total,
        "em": width / FONT,
        "boxes": boxes,
        "links": links,
        "label": f"{best_label}：{' → '.join(path)}",
    }


def _on_best(key: Mapping[str, Any], ident: str, index: int) -> bool:
    """Is reply `index` of node `ident` the one the best path takes there?"""
    at = key["start"]
    for taken in key["path"]:
        if at == ident:
            return bool(taken == index)
        at = key["nodes"][at]["choices"][taken]["next"]
    return False
