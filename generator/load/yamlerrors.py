"""YAML syntax errors in an author's words, at the place the mistake was made.

libyaml reports an unclosed quote where it gave up (the end of the file, or the next line it could
not read after the quote ran on); authors need the line where the quote opens. `mapping values are
not allowed here` means a value holds ': ', which quotes fix.
"""

from __future__ import annotations

import re

import yaml

#: A value that starts with a quote: after `key: ` or `- ` at the start of a line.
_OPENING = re.compile(r"^[ \t]*(?:-[ \t]+)*(?:[^\s#'\"][^#\n]*?:[ \t]+)?(?:-[ \t]+)*([\"'])", re.MULTILINE)
QUOTE_HINT = "put text containing ': ' in quotes, e.g. summary: \"Step 1: listen\""


def explain(exc: yaml.MarkedYAMLError, text: str) -> tuple[int, int, str]:
    """(line, column, message) for a YAML syntax error, both 1-based."""
    mark = exc.problem_mark or exc.context_mark
    problem = exc.problem or "not valid YAML"
    line, column = ((mark.line + 1), (mark.column + 1)) if mark else (1, 1)
    if exc.context == "while scanning a quoted scalar" and exc.context_mark is not None:
        opened = exc.context_mark
        quote = text.splitlines()[opened.line][opened.column : opened.column + 1] or '"'
        return (
            opened.line + 1,
            opened.column + 1,
            f"invalid YAML: the quoted text that starts here is never closed ({problem}); add the closing {quote}",
        )
    runaway = _runaway_quote(text, mark.line) if mark else None
    if runaway is not None:
        at_line, at_column, quote = runaway
        return (
            at_line,
            at_column,
            f"invalid YAML: the quoted text that starts here is not closed on its line, so it ran on to the "
            f"next {quote} (line {line}), after which YAML found: {problem}; add the closing {quote}",
        )
    lines = text.splitlines()
    if mark is not None and mark.line < len(lines) and "\t" in lines[mark.line]:
        problem += " (this line contains a tab; YAML indentation must use spaces)"
    if "mapping values are not allowed" in problem:
        problem += f"; {QUOTE_HINT}"
    context = f" {exc.context}" if exc.context else ""
    return line, column, f"invalid YAML{context}: {problem}"


def _runaway_quote(text: str, error_line: int) -> tuple[int, int, str] | None:
    """The quote (1-based line, column, character) whose text runs from an earlier line to the error's line."""
    position = 0
    while (match := _OPENING.search(text, position)) is not None:
        start = match.start(1)
        quote = match.group(1)
        end = _closing(text, start + 1, quote)
        start_line = text.count("\n", 0, start)
        end_line = text.count("\n", 0, end) if end is not None else None
        if start_line >= error_line:
            return None
        if end_line is None or (end_line == error_line and start_line < error_line):
            return start_line + 1, start - (text.rfind("\n", 0, start) + 1) + 1, quote
        position = (end if end is not None else len(text)) + 1
    return None


def _closing(text: str, start: int, quote: str) -> int | None:
    """The offset of the quote that closes a quoted scalar opened just before `start`."""
    i = start
    while i < len(text):
        char = text[i]
        if quote == '"' and char == "\\":
            i += 2
            continue
        if char == quote:
            if quote == "'" and text.startswith("''", i):  # '' is an escaped quote in single quotes
                i += 2
                continue
            return i
        i += 1
    return None
