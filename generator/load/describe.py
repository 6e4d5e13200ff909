"""Pydantic's validation errors in an author's words: what was found, what was expected."""

from __future__ import annotations

import difflib
from types import UnionType
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic_core import ErrorDetails


def describe(error: ErrorDetails, model: type[BaseModel]) -> str:
    """Turn one pydantic error into 'found …, expected …' words for an author."""
    kind = error["type"]
    found = error.get("input")
    if kind == "missing":
        return f"missing required field {error['loc'][-1]!r}"
    if kind == "extra_forbidden":
        name = str(error["loc"][-1])
        known = _fields_at(model, error["loc"][:-1])
        close = difflib.get_close_matches(name, known, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else (f"; known fields: {', '.join(known)}" if known else "")
        return f"unknown field {name!r}{hint}"
    if kind == "union_tag_invalid":
        ctx = error.get("ctx", {})
        return f"unknown type {ctx.get('tag')!r}; expected one of {ctx.get('expected_tags', '')}"
    if kind == "union_tag_not_found":
        return "missing field 'type'"
    message = error["msg"]
    if message.startswith("Value error, "):
        return message.removeprefix("Value error, ")
    return f"{message}; found {_show(found)}"


def _show(value: Any) -> str:
    text = repr(value)
    kind = {dict: "a mapping", list: "a list", str: "text", bool: "a boolean", int: "a number", float: "a number"}
    prefix = kind.get(type(value), type(value).__name__)
    if value is None:
        return "nothing (an empty value)"
    return f"{prefix} {text[:60] + '…' if len(text) > 60 else text}"


def _fields_at(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """Field names of the model reached by walking `loc`, for "did you mean" hints."""
    current: Any = model
    for step in loc:
        current = _unwrap(current)
        if isinstance(step, int):
            continue
        if isinstance(current, tuple):  # a union: of question types (the step is the tag), or model | text
            models = [m for m in current if isinstance(m, type) and issubclass(m, BaseModel)]
            tagged = [
                m for m in models if "type" in m.model_fields and step in get_args(m.model_fields["type"].annotation)
            ]
            if tagged:
                current = tagged[0]
                continue
            if len(models) != 1:
                return []
            current = models[0]
        fields = getattr(current, "model_fields", None)
        if not fields or step not in fields:
            return []
        current = fields[step].annotation
    current = _unwrap(current)
    if isinstance(current, tuple):  # model | text: the fields of the one model
        models = [m for m in current if isinstance(m, type) and issubclass(m, BaseModel)]
        current = models[0] if len(models) == 1 else None
    return sorted(current.model_fields) if isinstance(current, type) and issubclass(current, BaseModel) else []


def _unwrap(annotation: Any) -> Any:
    """Strip Annotated, Optional, list and dict down to the model (or a tuple of union members)."""
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, UnionType):
            members = tuple(a for a in get_args(annotation) if a is not type(None))
            if len(members) != 1:
                return members
            annotation = members[0]
        elif origin in (list, dict):
            annotation = get_args(annotation)[-1]
        else:
            return annotation
