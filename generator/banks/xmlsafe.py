"""A safe XML reader that remembers where each element starts.

Expat, the standard library's parser, builds the tree; a document type declaration, any entity
declaration or external entity is refused before it can take effect (no entity expansion, no file
or network access), as defusedxml does. Every element's line and column is kept for error messages.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from xml.parsers import expat

from ..errors import ContentError, ContentErrors


class _RefusedError(Exception):
    def __init__(self, line: int, column: int, message: str) -> None:
        super().__init__(message)
        self.line, self.column, self.message = line, column, message


class Positions(dict[int, tuple[int, int]]):
    """id(element) -> (line, column) of its start tag."""

    def of(self, element: ET.Element) -> tuple[int, int]:
        """Where `element` starts (1, 1 if unknown)."""
        return self.get(id(element), (1, 1))


def parse_xml(text: str, file: str) -> tuple[ET.Element, Positions]:
    """The root element of `text` and the positions of its elements. Raises ContentErrors."""
    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    positions = Positions()
    stack: list[ET.Element] = []
    roots: list[ET.Element] = []

    def here() -> tuple[int, int]:
        return parser.CurrentLineNumber, parser.CurrentColumnNumber + 1

    def refuse(what: str) -> None:
        raise _RefusedError(
            *here(),
            f"{what} is not allowed in a question file (no DTDs or entities: they can read "
            "other files or expand without limit)",
        )

    def start(tag: str, attrs: dict[str, str]) -> None:
        element = ET.Element(tag, attrs)
        positions[id(element)] = here()
        if stack:
            stack[-1].append(element)
        else:
            roots.append(element)
        stack.append(element)

    def end(tag: str) -> None:
        stack.pop()

    def data(chars: str) -> None:
        if not stack:
            return
        parent = stack[-1]
        if len(parent):
            parent[-1].tail = (parent[-1].tail or "") + chars
        else:
            parent.text = (parent.text or "") + chars

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = data
    parser.StartDoctypeDeclHandler = lambda *args: refuse("a document type declaration (<!DOCTYPE …>)")
    parser.EntityDeclHandler = lambda *args: refuse("an entity declaration")
    parser.ExternalEntityRefHandler = lambda *args: refuse("an external entity")  # type: ignore[assignment]
    try:
        parser.Parse(text, True)
    except _RefusedError as exc:
        raise ContentErrors([ContentError(file, exc.line, exc.column, "", exc.message)]) from None
    except expat.ExpatError as exc:
        message = expat.ErrorString(exc.code) if exc.code else str(exc)
        raise ContentErrors(
            [ContentError(file, exc.lineno, exc.offset + 1, "", f"not well-formed XML: {message}")]
        ) from None
    return roots[0], positions
