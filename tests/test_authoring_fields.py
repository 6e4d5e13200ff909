"""docs/authoring.md names every field the content models accept: a field the guide does not mention is one
no instructor will find. Fields added later fail this test until the guide describes them."""

from __future__ import annotations

import re
from types import UnionType
from typing import Annotated, Any, Union, get_args, get_origin

from helpers import ROOT
from pydantic import BaseModel

from generator.model import Course, Glossary, Lesson, Quiz, Scheme

ROOTS: tuple[type[BaseModel], ...] = (Lesson, Quiz, Scheme, Glossary, Course)


def _models(annotation: Any) -> list[type[BaseModel]]:
    """The models inside a field's type (through Annotated, unions, lists and dicts)."""
    origin = get_origin(annotation)
    if origin is Annotated:
        return _models(get_args(annotation)[0])
    if origin in (Union, UnionType, list, dict, tuple):
        return [m for arg in get_args(annotation) for m in _models(arg)]
    return [annotation] if isinstance(annotation, type) and issubclass(annotation, BaseModel) else []


def model_fields() -> dict[str, set[str]]:
    """Every field name of every content model -> the models that have it."""
    seen: set[type[BaseModel]] = set()
    fields: dict[str, set[str]] = {}
    todo = list(ROOTS)
    while todo:
        model = todo.pop()
        if model in seen:
            continue
        seen.add(model)
        for name, info in model.model_fields.items():
            fields.setdefault(info.alias or name, set()).add(model.__name__)
            todo += _models(info.annotation)
    return fields


def documented(guide: str, name: str) -> bool:
    """`name` in backticks (alone or as `name: …`), or as the first cell of a table row."""
    return bool(
        re.search(rf"`{re.escape(name)}(:[^`]*)?`", guide)
        or re.search(rf"^\|\s*`?{re.escape(name)}`?\s*\|", guide, re.MULTILINE)
    )


def test_the_walk_finds_nested_and_question_fields() -> None:
    fields = model_fields()
    assert {"assessed_by", "blanks", "cues", "when", "draft", "rationale"} <= set(fields)


def test_every_model_field_is_in_the_authoring_guide() -> None:
    guide = (ROOT / "docs/authoring.md").read_text(encoding="utf-8")
    missing = {name: sorted(models) for name, models in sorted(model_fields().items()) if not documented(guide, name)}
    assert not missing, f"fields docs/authoring.md does not mention (as `name`): {missing}"
