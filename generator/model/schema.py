"""JSON Schemas of the content files, for editors (yaml-language-server) and the site."""

from __future__ import annotations

import json

from pydantic import BaseModel

from . import Course, Glossary, Lesson, Quiz, Scheme

KINDS: dict[str, type[BaseModel]] = {"lesson": Lesson, "quiz": Quiz, "scheme": Scheme, "glossary": Glossary, "course": Course}


def schemas() -> dict[str, bytes]:
    """File name -> JSON Schema bytes, deterministic so builds are byte-identical."""
    out = {}
    for kind, model in KINDS.items():
        schema = model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        out[f"{kind}.schema.json"] = (json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()
    return out
