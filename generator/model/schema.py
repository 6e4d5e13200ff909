"""JSON Schemas of the content files, for editors (yaml-language-server) and the site."""

from __future__ import annotations

import functools
import json

from pydantic import BaseModel

from . import Course, Glossary, Lesson, Quiz, Scheme

KINDS: dict[str, type[BaseModel]] = {
    "lesson": Lesson, "quiz": Quiz, "scheme": Scheme, "glossary": Glossary, "course": Course,
}


@functools.cache
def _schemas() -> tuple[tuple[str, bytes], ...]:
    """Computed once per process: the models do not change while it runs, and pydantic takes about
    0.1 s per model to build a schema, more than rendering a small course."""
    out = {}
    for kind, model in KINDS.items():
        schema = model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        out[f"{kind}.schema.json"] = (json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()
    return tuple(out.items())


def schemas() -> dict[str, bytes]:
    """File name -> JSON Schema bytes, deterministic so builds are byte-identical."""
    return dict(_schemas())
