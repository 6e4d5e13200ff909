"""Limits on author text, checked when content is loaded, so that every build ends in bounded time.

Python-Markdown re-reads the rest of a paragraph for every bracket, backtick or angle bracket it
cannot close, rebuilds a paragraph's text for every inline construct it finds, re-reads the rest of
a paragraph for every heading or rule line it splits off, and recurses once per level of list, quote
or definition nesting. Text within the 2 MB file limit could therefore keep a build busy for hours
or overflow the stack. The checks below are a few linear passes over each field; they reject only
shapes far beyond what a course needs (the bundled course's measured maxima are given next to each
limit) and say what to change. With them, the slowest content measured builds at about 13 s of CPU
per MB (bench part e). Every limit is listed in the "Limits" section of docs/authoring.md.
"""

from __future__ import annotations

import re

#: Characters in one Markdown field (a section body, a prompt, a story). Bundled course: 763.
MAX_MARKDOWN_CHARS = 20_000
#: Characters in one short text (a title, an option, a term, a table cell). Bundled course: 103.
MAX_TEXT_CHARS = 2_000
#: '[' (links, images, footnotes) in one paragraph. Bundled course: 0 in any paragraph.
MAX_BRACKETS = 20
#: Runs of backticks (each opens or closes inline code) in one paragraph. Bundled course: 0.
MAX_BACKTICK_RUNS = 50
#: '<' (inline HTML, autolinks) in one paragraph. Bundled course: 0.
MAX_ANGLE_BRACKETS = 50
#: '~' and '^' (strike-through, sub- and superscript) in one paragraph: pymdownx's delimiter pass is
#: quadratic in them when emphasis is mixed in ('*~a ' x 400: 0.23 s). Bundled course: 0.
MAX_TILDES_CARETS = 20
#: Markup characters in one field: \\ ` * _ [ < & ^ = ~ | (each can start an inline construct the parser
#: tries, and every construct found rebuilds the paragraph's text). Bundled course: 52.
MAX_MARKUP = 2_000
#: Lines in one field. Python-Markdown handles every line that is a heading, a rule or a list item as a
#: block of its own, at some 25 µs each. Bundled course: 37.
MAX_LINES = 1_000
#: Levels of list, quote, definition and indentation nesting on one line. Bundled course: 1.
MAX_NESTING = 8
#: Fenced code blocks, call-outs (!!!, ???), tabs (===) and abbreviations (*[) in one field. Bundled: 0.
MAX_BLOCK_MARKERS = 50
#: Lines of one paragraph: lines not separated by a blank line (a list or a Markdown table is one
#: paragraph too). Python-Markdown re-reads the rest of a paragraph after each heading or rule line it
#: splits off. Bundled course: 12.
MAX_PARAGRAPH_LINES = 200
#: Rows of one table block. Bundled course: 12.
MAX_TABLE_ROWS = 200
#: Columns of one table block. Bundled course: 5.
MAX_TABLE_COLUMNS = 20

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_BACKTICK_RUN = re.compile(r"`+")
_TILDE_CARET = re.compile(r"[~^]")
_MARKUP = "\\`*_[<&^=~|"
#: Lines whose start could nest deeper than MAX_NESTING: every level takes at least one character.
_DEEP_CANDIDATE = re.compile(rf"^[ \t>*+:\d.)-]{{{MAX_NESTING + 1},}}", re.MULTILINE)
#: One nesting marker at the start of what is left of a line: a quote, a list item, a definition.
_MARKER = re.compile(r">[ \t]?|(?:[-*+:]|\d{1,9}[.)])(?:[ \t]+|$)")
#: A definition line (def_list): consecutive ones nest inside each other.
_DEFINITION = re.compile(r"^ {0,3}:[ \t]", re.MULTILINE)
#: Lines that open a block construct each extension parses on its own.
_BLOCK_MARKER = re.compile(r"^[ \t]*(?:`{3,}|~{3,}|!!!|\?\?\?|===|\*\[)", re.MULTILINE)


def check_markdown(text: str) -> str:
    """Pydantic validator of Markdown fields: `text` unchanged, or ValueError saying what is too big."""
    problem = markdown_problem(text, MAX_MARKDOWN_CHARS)
    if problem is not None:
        raise ValueError(problem)
    return text


def check_text(text: str) -> str:
    """Pydantic validator of short texts (titles, options, cells): as check_markdown, shorter."""
    problem = markdown_problem(text, MAX_TEXT_CHARS)
    if problem is not None:
        raise ValueError(problem)
    return text


def markdown_problem(text: str, max_chars: int = MAX_MARKDOWN_CHARS) -> str | None:
    """Why `text` would take the Markdown parser too long or too deep, or None. Linear in len(text)."""
    if len(text) > max_chars:
        advice = "split the text into several sections or blocks" if max_chars > MAX_TEXT_CHARS else "shorten it"
        return f"{len(text):,} characters is too long: this field takes at most {max_chars:,} ({advice})"
    # Cheap counts first: most fields have none of the characters the finer checks look at.
    per_paragraph = (
        ("[", MAX_BRACKETS, "'['", None),
        ("<", MAX_ANGLE_BRACKETS, "'<'", None),
        ("`", MAX_BACKTICK_RUNS, "runs of backticks", _BACKTICK_RUN),
        ("~^", MAX_TILDES_CARETS, "'~' and '^'", _TILDE_CARET),
    )
    for char, limit, what, runs in per_paragraph:
        if sum(text.count(c) for c in char) > limit:
            problem = _paragraph_count(text, char, limit, what, runs)
            if problem is not None:
                return problem
    markup = sum(text.count(char) for char in _MARKUP)
    if markup > MAX_MARKUP:
        return (
            f"{markup:,} markup characters ({' '.join(_MARKUP)}) in one field; at most {MAX_MARKUP:,} are allowed "
            "(split the text into several sections)"
        )
    lines = text.count("\n") + 1
    if lines > MAX_LINES:
        return f"{lines:,} lines in one field; at most {MAX_LINES:,} are allowed (split the text into several sections)"
    return _nesting_problem(text) or _block_problem(text)


def _paragraphs(text: str) -> list[tuple[int, str]]:
    """(first line number, text) of each paragraph: text between blank lines.

    Python-Markdown never carries an inline scan across a blank line, so a paragraph bounds how far
    one unclosed bracket makes it read.
    """
    out, line, start = [], 1, 0
    for brk in _PARAGRAPH_BREAK.finditer(text):
        out.append((line, text[start : brk.start()]))
        line += text.count("\n", start, brk.end())
        start = brk.end()
    out.append((line, text[start:]))
    return out


def _paragraph_count(text: str, char: str, limit: int, what: str, runs: re.Pattern[str] | None) -> str | None:
    for line, paragraph in _paragraphs(text):
        count = len(runs.findall(paragraph)) if runs is not None else paragraph.count(char)
        if count > limit:
            return (
                f"line {line}: a paragraph may contain at most {limit} {what}, this one has {count:,} "
                "(the Markdown parser slows down on so many; split the paragraph with blank lines)"
            )
    return None


def _nesting_problem(text: str) -> str | None:
    """Lists, quotes, definitions and indentation nested deeper than MAX_NESTING."""
    for match in _DEEP_CANDIDATE.finditer(text):
        line_end = text.find("\n", match.start())
        depth = _depth(text[match.start() : line_end if line_end >= 0 else len(text)])
        if depth > MAX_NESTING:
            number = text.count("\n", 0, match.start()) + 1
            return (
                f"line {number}: lists, quotes and indentation nest {depth} levels deep here; "
                f"at most {MAX_NESTING} are allowed"
            )
    if len(_DEFINITION.findall(text)) > MAX_NESTING:
        for line, paragraph in _paragraphs(text):
            count = len(_DEFINITION.findall(paragraph))
            if count > MAX_NESTING:
                return (
                    f"line {line}: {count} definition lines (': …') in one paragraph nest inside each other; "
                    f"at most {MAX_NESTING} are allowed (put a blank line between the terms)"
                )
    return None


def _depth(line: str) -> int:
    """Nesting levels a line opens: one per marker (>, -, 1., :) and one per 4 columns of indentation.

    Indented code counts too, fenced or not: an unclosed fence is not a fence, and telling the two
    apart would take a parse. Code indented 36 columns deep is rare enough to ask for a rewrite.
    """
    depth, columns, at = 0, 0, 0
    while at < len(line):
        char = line[at]
        if char in " \t":
            columns += 4 - columns % 4 if char == "\t" else 1
            at += 1
            continue
        marker = _MARKER.match(line, at)
        if marker is None:
            break
        depth += 1
        at = marker.end()  # the marker and the spaces that separate it from its content
    return depth + columns // 4


def _block_problem(text: str) -> str | None:
    """Too many block constructs in one field, or too many lines in one paragraph."""
    if sum(text.count(m) for m in ("```", "~~~", "!!!", "???", "===", "*[")) > MAX_BLOCK_MARKERS:
        found = len(_BLOCK_MARKER.findall(text))
        if found > MAX_BLOCK_MARKERS:
            return (
                f"{found:,} fenced code blocks, call-outs (!!!, ???), tabs (===) and abbreviations (*[) in one "
                f"field; at most {MAX_BLOCK_MARKERS} are allowed (split the text into several sections)"
            )
    if text.count("\n") >= MAX_PARAGRAPH_LINES:
        for line, paragraph in _paragraphs(text):
            lines = paragraph.count("\n") + 1
            if lines > MAX_PARAGRAPH_LINES:
                return (
                    f"line {line}: a paragraph, list or table may have at most {MAX_PARAGRAPH_LINES} lines without "
                    f"a blank line between them, this one has {lines:,}"
                )
    return None
