"""Shared building blocks of the content model."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

#: A stable identifier: trainees' saved progress and cross-references hang off it, so it
#: is restricted to characters that are safe in URLs, storage keys and HTML ids.
Id = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"),
    Field(description="Stable identifier: letters, digits, '-', '_' or '.', at most 64 characters."),
]

#: Author-written Markdown. Raw HTML inside it is sanitised, never trusted.
Markdown = Annotated[str, StringConstraints(min_length=1), Field(description="Markdown text.")]

#: A short single-line text (a title, a label, an option).
Text = Annotated[
    str,
    StringConstraints(min_length=1, strip_whitespace=True),
    Field(description="Plain text or inline Markdown."),
]


class Model(BaseModel):
    """Base of every content model: unknown fields are errors, instances are immutable."""

    # inf and nan would reach the page as invalid JSON (Infinity) and break the quiz.
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False, allow_inf_nan=False)
