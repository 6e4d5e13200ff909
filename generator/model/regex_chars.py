"""Which characters a regex parse-tree leaf matches (ASCII meanings, as browsers use without the u flag)."""

from __future__ import annotations

import importlib
from typing import Any

_c: Any = importlib.import_module("re._constants")


def category_matches(code: Any, ch: str) -> bool:
    """A class escape as browsers read it without the u flag (\\d and \\w ASCII, \\s Unicode)."""
    name = str(code)
    if name.endswith("DIGIT"):
        hit = "0" <= ch <= "9"
    elif name.endswith("WORD"):
        hit = ch.isascii() and (ch.isalnum() or ch == "_")
    else:  # SPACE; both engines' definitions together, which only makes the check more careful
        hit = ch.isspace() or ch == "\ufeff"
    return hit != ("NOT_" in name)


def leaf_matches(op: Any, av: Any, ch: str) -> bool:
    """Whether a one-character node matches `ch`."""
    if op is _c.LITERAL:
        return bool(ch == chr(av))
    if op is _c.NOT_LITERAL:
        return bool(ch != chr(av))
    if op is _c.ANY:
        return ch != "\n"
    if op is _c.IN:
        negate, hit = False, False
        for sub_op, sub_av in av:
            if sub_op is _c.NEGATE:
                negate = True
            elif sub_op is _c.LITERAL:
                hit = hit or ch == chr(sub_av)
            elif sub_op is _c.RANGE:
                hit = hit or sub_av[0] <= ord(ch) <= sub_av[1]
            elif sub_op is _c.CATEGORY:
                hit = hit or category_matches(sub_av, ch)
        return hit != negate
    return False
