"""Shared building blocks of the content model."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from .limits import MAX_MARKDOWN_CHARS, MAX_TEXT_CHARS, check_markdown, check_text

#: Names every JavaScript object inherits from Object.prototype. The quiz runtime keys saved
#: answers, results and skill tallies by id, so such an id could read an inherited function
#: where it expects data; the runtime guards against that too, this keeps it out of content.
JS_RESERVED = frozenset(
    {
        "__defineGetter__",
        "__defineSetter__",
        "__lookupGetter__",
        "__lookupSetter__",
        "__proto__",
        "constructor",
        "hasOwnProperty",
        "isPrototypeOf",
        "propertyIsEnumerable",
        "toLocaleString",
        "toString",
        "valueOf",
    }
)


def _not_reserved(value: str) -> str:
    if value in JS_RESERVED:
        raise ValueError(f"{value!r} is a reserved JavaScript name; choose another id")
    return value


#: A stable identifier: trainees' saved progress and cross-references hang off it, so it
#: is restricted to characters that are safe in URLs, storage keys and HTML ids.
Id = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"),
    AfterValidator(_not_reserved),
    Field(description="Stable identifier: letters, digits, '-', '_' or '.', at most 64 characters."),
]

#: Author-written Markdown. Raw HTML inside it is sanitised, never trusted. Its size and nesting are
#: limited (see limits.py) so that rendering it takes bounded time.
Markdown = Annotated[
    str,
    StringConstraints(min_length=1),
    AfterValidator(check_markdown),
    Field(description="Markdown text.", json_schema_extra={"maxLength": MAX_MARKDOWN_CHARS}),
]

#: A short single-line text (a title, a label, an option).
Text = Annotated[
    str,
    StringConstraints(min_length=1, strip_whitespace=True),
    AfterValidator(check_text),
    Field(description="Plain text or inline Markdown.", json_schema_extra={"maxLength": MAX_TEXT_CHARS}),
]

#: A table cell: inline Markdown like Text, but it may be empty.
Cell = Annotated[str, AfterValidator(check_text), Field(json_schema_extra={"maxLength": MAX_TEXT_CHARS})]


class Model(BaseModel):
    """Base of every content model: unknown fields are errors, instances are immutable."""

    # inf and nan would reach the page as invalid JSON (Infinity) and break the quiz.
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False, allow_inf_nan=False)
