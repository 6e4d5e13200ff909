"""HTML (from Moodle, or from our own exports) back to Markdown that renders the same.

Text is escaped wherever Markdown or the site's extensions would read it as syntax, so that a
literal `*`, `==` or `<b>` in the HTML stays literal. Elements Markdown has syntax for become that
syntax; the rest keep their text.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from .htmltree import parse_fragment

_BLOCK_TAGS = (
    "p div ul ol li h1 h2 h3 h4 h5 h6 blockquote pre table hr dl details summary section article header footer "
    "figure thead tbody tr center form fieldset"
)
_BLOCKS = frozenset(_BLOCK_TAGS.split())
_WRAP = {
    "strong": "**",
    "b": "**",
    "em": "*",
    "i": "*",
    "mark": "==",
    "del": "~~",
    "s": "~~",
    "strike": "~~",
    "ins": "^^",
    "u": "^^",
    "sub": "~",
    "sup": "^",
}
#: Escaped everywhere: inline syntax of Markdown and of the site's extensions (tilde, caret, tables, attributes).
_ALWAYS = set("\\`*_[]~^|{}")
_SPACE = re.compile(r"[ \t\n\r\f]+")  # HTML's whitespace; a no-break space is text
_ENTITY = re.compile(r"&#?[A-Za-z0-9]+;")
#: What starts a block at the beginning of a line: heading, quote, list, rule or setext line, admonition, details,
#: definition. (`*` and `_` are escaped everywhere already.)
_LINE_START = re.compile(r"^(#|>|[-+](?=\s|$)|-{3,}\s*$|=+\s*$|\d+(?=[.)](\s|$))|!|\?\?\?|:\s)")


def escape_text(text: str) -> str:
    """Plain text as Markdown that shows exactly `text` (whitespace as HTML collapses it)."""
    out = []
    for n, c in enumerate(text):
        following = text[n + 1 : n + 2]
        if c in _ALWAYS or (c == "=" and "=" in (following, text[n - 1 : n])):
            out.append("\\" + c)
        elif c == "<" and (following.isalpha() or following in "/!?") and following:
            out.append("&lt;")
        elif c == "&" and _ENTITY.match(text, n):
            out.append("&amp;")
        else:
            out.append(c)
    return "".join(out)


def plain_to_markdown(text: str) -> str:
    """Plain text (GIFT [plain], Moodle plain_text) as Markdown: paragraphs kept, line breaks hard."""
    paragraphs = [p for p in re.split(r"\n[ \t]*\n", text.strip()) if p.strip()]
    return "\n\n".join(
        _protect("  \n".join(escape_text(_SPACE.sub(" ", line).strip()) for line in p.splitlines() if line.strip()))
        for p in paragraphs
    )


def html_to_markdown(html: str, line_breaks: bool = False) -> str:
    """An HTML fragment as Markdown; `line_breaks`: a line break in the text is a <br> (Moodle's auto-format)."""
    root = parse_fragment(html)
    if line_breaks:
        _breaks(root)
    return "\n\n".join(b for b in _blocks(root) if b.strip()).strip()


def _breaks(element: ET.Element) -> None:
    """Turn the line breaks in the text of `element` (not inside <pre>) into br elements."""
    if element.tag == "pre":
        return
    for child in list(element):
        _breaks(child)
    children = list(element)
    pieces = []
    for n in range(len(children) + 1):
        text = (element.text if n == 0 else children[n - 1].tail) or ""
        # Line breaks next to a block element or the element's edge are layout, not breaks.
        if n == 0 or children[n - 1].tag in _BLOCKS:
            text = text.lstrip("\n")
        if n == len(children) or children[n].tag in _BLOCKS:
            text = text.rstrip("\n")
        pieces.append((n, text.split("\n")))
    for n, lines in reversed(pieces):
        if len(lines) < 2:
            continue
        if n == 0:
            element.text = lines[0]
        else:
            element[n - 1].tail = lines[0]
        for k, line in enumerate(lines[1:]):
            br = ET.Element("br")
            br.tail = line
            element.insert(n + k, br)


def _blocks(element: ET.Element) -> list[str]:
    out: list[str] = []
    run: list[str] = []

    def flush() -> None:
        text = "".join(run).strip()
        if text:
            out.append(_protect(text))
        run.clear()

    run.append(escape_text(_SPACE.sub(" ", element.text or "")))
    for child in element:
        if child.tag in _BLOCKS:
            flush()
            out.extend(_block(child))
        else:
            run.append(_inline(child))
        run.append(escape_text(_SPACE.sub(" ", child.tail or "")))
    flush()
    return out


def _block(element: ET.Element) -> list[str]:
    tag = str(element.tag)
    if tag == "p":
        text = _inline_content(element).strip()
        return [_protect(text)] if text else []
    if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
        content = _inline_content(element).strip()
        if content.endswith("#"):  # trailing hashes would close the heading
            content = content[:-1] + "\\#"
        return ["#" * int(tag[1]) + " " + content]
    if tag in ("ul", "ol"):
        return [_list(element)]
    if tag == "blockquote":
        inner = "\n\n".join(_blocks(element))
        return ["\n".join(f"> {line}" if line else ">" for line in inner.split("\n"))] if inner else []
    if tag == "pre":
        code = "".join(element.itertext()).strip("\n")
        fence = "~~~~" if "```" in code else "```"
        return [f"{fence}\n{code}\n{fence}"]
    if tag == "hr":
        return ["---"]
    if tag == "table":
        return [_table(element)]
    if tag == "dl":
        return [_definitions(element)]
    if tag in ("div", "details") and element.get("class"):
        return _callout(element)
    return _blocks(element)


def _definitions(element: ET.Element) -> str:
    """A definition list: "term" lines, then ":   definition" (a blank line first when it holds paragraphs)."""
    out: list[str] = []
    for child in element:
        if child.tag == "dt":
            out.append(("\n\n" if out else "") + _protect(_inline_content(child).strip()))
        elif child.tag == "dd":
            loose = any(c.tag == "p" for c in child)
            lines = "\n\n".join(_blocks(child)).split("\n")
            body = lines[0] + "".join(f"\n    {line}" if line else "\n" for line in lines[1:])
            out.append(("\n\n" if loose else "\n") + ":   " + body)
    return "".join(out)


def _callout(element: ET.Element) -> list[str]:
    """The site's admonitions (!!! kind "title") and collapsible blocks (??? kind "title") back to their syntax."""
    classes = (element.get("class") or "").split()
    kind = next((c for c in classes if c != "admonition"), "note")
    children = list(element)
    first = children[0] if children else None
    is_title = first is not None and (first.tag == "summary" or "admonition-title" in (first.get("class") or ""))
    if (element.tag == "div" and "admonition" not in classes) or not is_title or first is None:
        return _blocks(element)
    title = "".join(first.itertext()).strip()
    holder = ET.Element("div")
    holder.text = first.tail
    holder.extend(children[1:])
    body = "\n\n".join(_blocks(holder))
    marker = "???" if element.tag == "details" else "!!!"
    default = element.tag == "div" and title == kind.capitalize()
    head = f"{marker} {kind}" + ("" if default else ' "' + title.replace('"', "'") + '"')
    return [head + "".join(f"\n    {line}" if line else "\n" for line in body.split("\n"))]


def _list(element: ET.Element) -> str:
    items = [li for li in element if li.tag == "li"]
    loose = any(child.tag == "p" for li in items for child in li)
    start = int(element.get("start", "1") or "1") if element.get("start", "1").isdigit() else 1
    out = []
    for n, li in enumerate(items):
        marker = f"{start + n}. " if element.tag == "ol" else "- "
        body = ("\n\n" if loose else "\n").join(_blocks(li)) or " "
        lines = body.split("\n")
        out.append(marker + lines[0] + "".join(f"\n    {line}" if line else "\n" for line in lines[1:]))
    return ("\n\n" if loose else "\n").join(out)


def _table(element: ET.Element) -> str:
    rows = [tr for tr in element.iter("tr")]
    cells = [
        [_inline_content(cell).strip().replace("\n", " ") for cell in tr if cell.tag in ("td", "th")] for tr in rows
    ]
    if not cells or not cells[0]:
        return ""
    width = max(len(r) for r in cells)
    cells = [r + [""] * (width - len(r)) for r in cells]
    aligns = [
        {"left": ":---", "right": "---:", "center": ":---:"}.get(c.get("align", ""), "---")
        for c in rows[0]
        if c.tag in ("td", "th")
    ] + ["---"] * width
    lines = ["| " + " | ".join(cells[0]) + " |", "| " + " | ".join(aligns[:width]) + " |"]
    return "\n".join(lines + ["| " + " | ".join(r) + " |" for r in cells[1:]])


def _inline_content(element: ET.Element, active: frozenset[str] = frozenset()) -> str:
    parts = [escape_text(_SPACE.sub(" ", element.text or ""))]
    for child in element:
        part = _inline(child, active) if child.tag not in _BLOCKS else " ".join(_blocks(child))
        mark = _WRAP.get(str(child.tag), "")
        if mark and len(parts) > 1 and not parts[-1] and parts[-2].endswith(mark) and part.startswith(mark):
            # <em>a</em><em>b</em> shows as one run: "*a**b*" would not read back, "*ab*" does
            parts[-2], part = parts[-2][: -len(mark)], part[len(mark) :]
        parts.append(part)
        parts.append(escape_text(_SPACE.sub(" ", child.tail or "")))
    return "".join(parts)


def _inline(element: ET.Element, active: frozenset[str] = frozenset()) -> str:
    tag = str(element.tag)
    if tag == "br":
        return "  \n"
    if tag == "code":
        code = "".join(element.itertext())
        ticks = "`" * (max((len(m) for m in re.findall(r"`+", code)), default=0) + 1)
        pad = " " if code.startswith("`") or code.endswith("`") else ""
        return f"{ticks}{pad}{code}{pad}{ticks}" if code else ""
    if tag == "img":
        return escape_text(element.get("alt", ""))
    mark = _WRAP.get(tag)
    if mark in active:  # emphasis inside the same emphasis shows the same: its markers would be ambiguous
        mark = None
    inner = _inline_content(element, active | {mark} if mark else active)
    if tag == "a" and element.get("href") and inner.strip():
        href = element.get("href", "").replace("<", "%3C").replace(">", "%3E")
        return f"[{inner}](<{href}>)"
    core = inner.strip()
    if mark is None or not core:
        return inner
    lead, trail = inner[: len(inner) - len(inner.lstrip())], inner[len(inner.rstrip()) :]
    return f"{lead}{mark}{core}{mark}{trail}"


def _protect(text: str) -> str:
    """Escape what would start a block at the beginning of a line (heading, list, quote, admonition …)."""
    lines: list[str] = []
    for line in text.split("\n"):
        line = line.lstrip(" ") if lines else line
        match = _LINE_START.match(line)
        if match and match.group(0)[:1].isdigit():
            end = match.end()
            line = f"{line[:end]}\\{line[end:]}"
        elif match and match.group(0).startswith(":"):
            line = "&#58;" + line[1:]
        elif match and match.group(0).startswith("?"):
            line = "&#63;" + line[1:]
        elif match:
            line = "\\" + line
        lines.append(line)
    return "\n".join(lines)
