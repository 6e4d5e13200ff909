"""Line breaking for diagram labels: width estimates and CJK-aware wrapping (no font metrics at build time)."""

from __future__ import annotations

import unicodedata

FONT = 16.0  # label size in viewBox units; diagram.py draws the SVG so that this equals the body text's size

_NO_LINE_START = set("，。、：；！？）》」』”’,.;:!?)]}%")
_NO_LINE_END = set("（《「『“‘([{")
_BREAK_AFTER = set("，。、：；！？,;:!?")


def _char_width(ch: str) -> float:
    """A generous estimate of one character's advance, in em, over the fonts a reader may have."""
    if unicodedata.combining(ch):
        return 0.0
    if unicodedata.east_asian_width(ch) in "WFA":
        return 1.0  # CJK, fullwidth forms, and ambiguous symbols CJK fonts draw full width
    if ch == " ":
        return 0.35
    if ch in "MWmw@%&":
        return 1.0
    if ch.isupper():
        return 0.78
    if ch in "ijlI.,:;'|!":
        return 0.4
    return 0.64


def text_width(text: str) -> float:
    """Estimated rendered width of `text` at FONT, in viewBox units (an overestimate, never an under)."""
    return sum(_char_width(ch) for ch in text) * FONT


def _is_wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF"


def _tokens(text: str) -> list[str]:
    """Units a line may break between: each CJK character, each Latin word with its trailing spaces.

    Closing punctuation sticks to what precedes it and opening punctuation to what follows, so no
    line starts with "，" or ends with "（".
    """
    tokens: list[str] = []
    for ch in text:
        if not tokens:
            tokens.append(ch)
            continue
        last = tokens[-1][-1]
        in_word = not _is_wide(ch) and ch != " " and not _is_wide(last) and last != " "
        if ch in _NO_LINE_START or unicodedata.combining(ch) or last in _NO_LINE_END or ch == " " or in_word:
            tokens[-1] += ch
        else:
            tokens.append(ch)
    return tokens


def _greedy(tokens: list[str], width: float) -> list[str]:
    """Fill lines token by token; break after punctuation when that keeps half a line or more."""
    lines: list[str] = []
    line: list[str] = []
    used = 0.0  # width of `line`, trailing spaces included
    for token in tokens:
        size = text_width(token)
        if line and used + text_width(token.rstrip()) > width:
            cut = max((k + 1 for k, t in enumerate(line[:-1]) if t.rstrip()[-1:] in _BREAK_AFTER), default=0)
            kept = sum(text_width(t) for t in line[:cut])
            if cut and kept >= width / 2:
                lines.append("".join(line[:cut]).rstrip())
                line, used = line[cut:], used - kept
            if not cut or kept < width / 2 or used + text_width(token.rstrip()) > width:
                lines.append("".join(line).rstrip())
                line, used = [], 0.0
        while len(token) > 1 and text_width(token.rstrip()) > width:
            # A word longer than the line (a URL, say) is cut where it must be.
            n = 1
            while n < len(token) and text_width(token[: n + 1]) <= width:
                n += 1
            lines.append(token[:n])
            token = token[n:]
            size = text_width(token)
        line.append(token)
        used += size
    if "".join(line).strip():
        lines.append("".join(line).rstrip())
    return [ln for ln in lines if ln] or [""]


def wrap(text: str, width: float) -> list[str]:
    """`text` in as few lines as fit `width` units, the lines made about equally long."""
    tokens = _tokens(text)
    lines = _greedy(tokens, width)
    if len(lines) == 1:
        return lines
    # Balance: the narrowest width that still needs no more lines (no lone character on a last line).
    low, high = min(width, max(text_width(t.rstrip()) for t in tokens)), width
    while high - low > 2:
        mid = (low + high) / 2
        if len(_greedy(tokens, mid)) <= len(lines):
            high = mid
        else:
            low = mid
    return _greedy(tokens, high)
