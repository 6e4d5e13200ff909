"""The final exam's draw: per lesson so many questions, every named skill at least so often.

The browser runs the same algorithm (generator/runtime/blueprint.js) with a random seed per attempt;
`check` runs it here to prove that the pool can satisfy the blueprint. tests/vectors/draw.json holds
both to the same draws.

The search is complete: it returns a draw whenever one exists. It picks questions lesson by lesson in
the seed's shuffled order (so an unconstrained draw is simply the first questions of each shuffled
lesson), prunes a branch as soon as the remaining lessons can no longer meet a skill's minimum, and
remembers branches that failed, so that a blueprint is decided in time polynomial in the pool's size.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TypeVar

T = TypeVar("T")


def rng(seed: int) -> Callable[[], float]:
    """The runtime's seeded PRNG (mulberry32, util.js `rng`), bit for bit."""
    a = seed & 0xFFFFFFFF

    def imul(x: int, y: int) -> int:
        return (x * y) & 0xFFFFFFFF

    def next_() -> float:
        nonlocal a
        a = (a + 0x6D2B79F5) & 0xFFFFFFFF
        t = imul(a ^ (a >> 15), 1 | a)
        t = ((t + imul(t ^ (t >> 7), 61 | t)) & 0xFFFFFFFF) ^ t
        return ((t ^ (t >> 14)) & 0xFFFFFFFF) / 4294967296

    return next_


def shuffle(items: Sequence[T], r: Callable[[], float]) -> list[T]:
    """The runtime's Fisher–Yates shuffle (util.js `shuffle`) with the same PRNG draws."""
    out = list(items)
    for i in range(len(out) - 1, 0, -1):
        j = int(r() * (i + 1))
        out[i], out[j] = out[j], out[i]
    return out


def draw(
    groups: Sequence[Sequence[str]],
    skills: Mapping[str, Sequence[str]],
    per: int,
    minimums: Mapping[str, int],
    seed: int,
) -> list[str] | None:
    """Question ids, `per` from each group (a lesson's eligible questions, in page order), such that every
    skill of `minimums` is asked at least that often; None when no such draw exists.

    Seed 0 keeps the page's order; any other seed shuffles each group with the runtime's PRNG.
    """
    r = rng(seed)
    orders = [shuffle(g, r) if seed else list(g) for g in groups]
    names = sorted(s for s, n in minimums.items() if n > 0)
    if any(len(o) < per for o in orders):
        return None
    # has[i][j]: which needed skills question j of group i counts towards (by index into names).
    has = [[[k for k, s in enumerate(names) if s in skills.get(q, ())] for q in o] for o in orders]
    # left_in[i][j][k]: how many questions from j on in group i have skill k.
    left_in = []
    for rows in has:
        counts = [[0] * len(names)]
        for row in reversed(rows):
            counts.append([c + (k in row) for k, c in enumerate(counts[-1])])
        left_in.append(counts[::-1])
    # cap[i][k]: the most questions with skill k that groups i, i+1, … can give.
    cap = [[0] * len(names) for _ in range(len(orders) + 1)]
    for i in reversed(range(len(orders))):
        cap[i] = [c + min(per, left_in[i][0][k]) for k, c in enumerate(cap[i + 1])]
    failed: set[tuple[int, int, int, tuple[int, ...]]] = set()

    def search(i: int, start: int, left: int, need: tuple[int, ...]) -> list[str] | None:
        if left == 0:
            if i + 1 == len(orders):
                return [] if not any(need) else None
            i, start, left = i + 1, 0, per
        state = (i, start, left, need)
        if state in failed:
            return None
        # Can the rest of this group and the later groups still meet every minimum?
        if any(n > min(left, left_in[i][start][k]) + cap[i + 1][k] for k, n in enumerate(need)):
            failed.add(state)
            return None
        for j in range(start, len(orders[i]) - left + 1):
            after = tuple(max(0, n - (k in has[i][j])) for k, n in enumerate(need))
            rest = search(i, j + 1, left - 1, after)
            if rest is not None:
                return [orders[i][j], *rest]
        failed.add(state)
        return None

    if not orders:
        return [] if not names else None
    return search(0, 0, per, tuple(minimums[s] for s in names))
