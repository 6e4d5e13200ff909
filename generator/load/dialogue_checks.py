"""The graph checks of a dialogue: every path is sound before a trainee can walk it.

Each problem is reported at the field that causes it (a choice's `next`, a node's `id`, `points`, …),
relative to the question. Links marked `retry: true` may go back to an earlier node; every other link
must lead forward, so the graph without retry links is acyclic and its longest and best paths are
found in linear time.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Dialogue
from ..model.formulas import number

Loc = tuple[str | int, ...]
Problems = list[tuple[Loc, str]]


@dataclass(frozen=True)
class BestPath:
    """The best path of a dialogue: its score, the node ids it visits and the choice taken at each."""

    score: float
    nodes: list[str]
    choices: list[int]


def check_dialogue(q: Dialogue) -> Problems:
    """Every problem of dialogue `q`'s graph, each with the location of the field to fix."""
    problems = _check_names(q)
    if problems:
        return problems  # the graph is not whole: reachability and paths would only repeat these
    problems += _check_reachable(q)
    order, cycles = _forward_order(q)
    problems += cycles
    if cycles:
        return problems
    nodes = {n.id for n in q.nodes}
    dead = [n for n, node in enumerate(q.nodes) if not _reaches_ending(q, node.id, nodes)]
    problems += [
        (("nodes", n, "id"), f"node {q.nodes[n].id!r} leads to no ending (retry links aside): every path must end")
        for n in dead
    ]
    if not any(e.success for e in q.endings):
        problems.append((("endings",), "no ending has success: true; at least one ending must count as success"))
    if dead:
        return problems
    longest = _longest(q, order)
    if len(longest) - 1 > q.max_turns:
        problems.append(
            (
                ("max_turns",),
                f"max_turns is {q.max_turns} but the longest path takes {len(longest) - 1} choices "
                f"({' → '.join(longest)})",
            )
        )
    best = best_path(q)
    if abs(best.score - q.points) > 1e-9:
        problems.append(
            (
                ("points",),
                f"points is {number(q.points)} but the best path scores {number(best.score)} "
                f"({' → '.join(best.nodes)}); points must equal the best path's score",
            )
        )
    return problems


def _check_names(q: Dialogue) -> Problems:
    """Unique ids, known start, speakers and `next`s, cue quotes in the line, no copy-pasted choices."""
    problems: Problems = []
    seen: dict[str, str] = {}
    items = [("nodes", n, node.id) for n, node in enumerate(q.nodes)]
    items += [("endings", n, ending.id) for n, ending in enumerate(q.endings)]
    for kind, n, ident in items:
        if ident in seen:
            problems.append(((kind, n, "id"), f"id {ident!r} is already used by {seen[ident]} of this dialogue"))
        else:
            seen[ident] = f"{kind}[{n}]"
    nodes = {node.id for node in q.nodes}
    endings = {ending.id for ending in q.endings}
    if q.start not in nodes:
        problems.append((("start",), f"start {q.start!r} names no node of this dialogue; known: {_list(nodes)}"))
    for n, node in enumerate(q.nodes):
        if node.speaker not in q.speakers:
            problems.append(
                (("nodes", n, "speaker"), f"speaker {node.speaker!r} is not listed in speakers: {_list(q.speakers)}")
            )
        if node.cue is not None and node.cue.quote not in node.says:
            problems.append((("nodes", n, "cue", "quote"), f"quote {node.cue.quote!r} does not occur in says"))
        first: dict[tuple[str, str], int] = {}
        for m, choice in enumerate(node.choices):
            where: Loc = ("nodes", n, "choices", m)
            if choice.next not in nodes | endings:
                problems.append(((*where, "next"), f"next {choice.next!r} names no node or ending of this dialogue"))
            elif choice.retry and choice.next not in nodes:
                problems.append(((*where, "next"), f"a retry link goes back to a node; {choice.next!r} is an ending"))
            same = (choice.next, choice.feedback.strip())
            if same in first:
                problems.append(
                    (
                        where,
                        f"choice {m + 1} leads to {choice.next!r} with the same feedback as choice "
                        f"{first[same] + 1}: a copy-paste slip? Give each choice its own feedback",
                    )
                )
            first.setdefault(same, m)
    return problems


def _list(names: Iterable[str]) -> str:
    return ", ".join(sorted(names))


def _links(q: Dialogue, ident: str, retry: bool) -> list[str]:
    """Where node `ident`'s choices lead, retry links included or not."""
    node = q.node(ident)
    return [c.next for c in node.choices if retry or not c.retry] if node else []


def _check_reachable(q: Dialogue) -> Problems:
    """Every node and ending can be reached from `start` (retry links count: they are real links)."""
    seen, todo = {q.start}, [q.start]
    while todo:
        for nxt in _links(q, todo.pop(), retry=True):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    items = [("nodes", n, node.id) for n, node in enumerate(q.nodes)]
    items += [("endings", n, ending.id) for n, ending in enumerate(q.endings)]
    return [
        ((kind, n, "id"), f"{kind[:-1]} {ident!r} cannot be reached from start {q.start!r}")
        for kind, n, ident in items
        if ident not in seen
    ]


def _forward_order(q: Dialogue) -> tuple[list[str], Problems]:
    """The nodes in an order where every non-retry link points forward, or the links that close a loop."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    order: list[str] = []
    problems: Problems = []
    index = {node.id: n for n, node in enumerate(q.nodes)}
    for root in [q.start, *index]:
        if root in state:
            continue
        # Iterative depth-first search: a long dialogue must not hit Python's recursion limit.
        stack: list[tuple[str, int]] = [(root, 0)]
        state[root] = 1
        while stack:
            ident, m = stack[-1]
            choices = q.nodes[index[ident]].choices
            if m == len(choices):
                stack.pop()
                state[ident] = 2
                order.append(ident)
                continue
            stack[-1] = (ident, m + 1)
            choice = choices[m]
            if choice.retry or choice.next not in index:
                continue
            if state.get(choice.next) == 1:
                problems.append(
                    (
                        ("nodes", index[ident], "choices", m, "next"),
                        f"next {choice.next!r} goes back to an earlier node and makes a loop: every path must "
                        "end; mark a deliberate way back with retry: true",
                    )
                )
            elif choice.next not in state:
                state[choice.next] = 1
                stack.append((choice.next, 0))
    order.reverse()
    return order, problems


def _reaches_ending(q: Dialogue, ident: str, nodes: set[str]) -> bool:
    seen, todo = {ident}, [ident]
    while todo:
        for nxt in _links(q, todo.pop(), retry=False):
            if nxt not in nodes:
                return True
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return False


def _longest(q: Dialogue, order: list[str]) -> list[str]:
    """The path with the most choices from `start` to an ending, retry links aside, as ids."""
    after: dict[str, list[str]] = {}
    for ident in reversed(order):
        paths = [after.get(nxt, [nxt]) for nxt in _links(q, ident, retry=False)]
        after[ident] = [ident, *max(paths, key=len)]
    return after[q.start]


def best_path(q: Dialogue) -> BestPath:
    """The highest-scoring path from `start` to an ending, retry links aside (the graph must be checked)."""
    order, _ = _forward_order(q)
    nodes = {n.id for n in q.nodes}
    best: dict[str, BestPath] = {}
    for ident in reversed(order):
        node = q.node(ident)
        assert node is not None
        options = [
            BestPath(
                c.points + (best[c.next].score if c.next in nodes else 0),
                [ident, *(best[c.next].nodes if c.next in nodes else [c.next])],
                [m, *(best[c.next].choices if c.next in nodes else [])],
            )
            for m, c in enumerate(node.choices)
            if not c.retry and (c.next in best or c.next not in nodes)
        ]
        if options:
            # Ties go to the first choice listed: the author's own order decides the marked path.
            best[ident] = max(options, key=lambda p: p.score)
    return best[q.start]
