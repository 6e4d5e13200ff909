"""JSON Schemas of the content files (for editors: yaml-language-server) and of the runtime's data.

`make schema` runs this module: it writes schema/*.json and generator/runtime/contract.js, the JSDoc
typedefs of the data the runtime reads, made from the same models (model.answerkey).
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter

from . import Course, Glossary, Lesson, Quiz, Scheme
from .answerkey import AnswerKey, CertificateConfig, Outline, QuizConfig, Result
from .lms import LmsCourse

KINDS: dict[str, type[BaseModel]] = {
    "lesson": Lesson,
    "quiz": Quiz,
    "scheme": Scheme,
    "glossary": Glossary,
    "course": Course,
}
#: The runtime's data, by the name its typedef gets in contract.js.
CONTRACT: dict[str, Any] = {
    "AnswerKey": AnswerKey,
    "QuizConfig": QuizConfig,
    "CertificateConfig": CertificateConfig,
    "Outline": Outline,
    "Result": Result,
    "LmsCourse": LmsCourse,
}
DIALECT = "https://json-schema.org/draft/2020-12/schema"


def _dump(schema: dict[str, Any]) -> bytes:
    return (json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()


@functools.cache
def _schemas() -> tuple[tuple[str, bytes], ...]:
    """Computed once per process: the models do not change while it runs, and pydantic takes about
    0.1 s per model to build a schema, more than rendering a small course."""
    out = {}
    for kind, model in KINDS.items():
        schema = model.model_json_schema()
        schema["$schema"] = DIALECT
        out[f"{kind}.schema.json"] = _dump(schema)
    key = TypeAdapter(AnswerKey).json_schema()
    key |= {
        "$schema": DIALECT,
        "title": "AnswerKey",
        "description": "The answer key of one question, as quiz pages give it to the browser runtime.",
    }
    out["answer-key.schema.json"] = _dump(key)
    return tuple(out.items())


def schemas() -> dict[str, bytes]:
    """File name -> JSON Schema bytes, deterministic so builds are byte-identical."""
    return dict(_schemas())


def contract_js() -> bytes:
    """JSDoc typedefs of the runtime's data, generated from the models; `tsc --checkJs` holds the runtime to them."""
    defs: dict[str, Any] = {}
    roots: dict[str, Any] = {}
    for name, model in CONTRACT.items():
        schema = TypeAdapter(model).json_schema(ref_template="#/$defs/{model}")
        defs |= schema.pop("$defs", {})
        roots[name] = schema
    lines = [
        "// @ts-check",
        "// Generated from generator/model/answerkey.py and lms.py by `make schema`: do not edit. The data quiz,",
        "// drill, progress and LMS launch pages give the runtime, as the generator types it (tests fail when this",
        "// file is stale).",
        "",
    ]
    for name, schema in sorted((defs | roots).items()):
        lines += _typedef(name, schema)
    return ("\n".join([*lines, "export {};", ""])).encode()


def _typedef(name: str, schema: dict[str, Any]) -> list[str]:
    doc = [f" * {line}".rstrip() for line in schema.get("description", "").splitlines()]
    if "properties" not in schema:
        return ["/**", *doc, f" * @typedef {{{_ts(schema)}}} {name}", " */"]
    required = set(schema.get("required", []))
    props = [
        f" * @property {{{_ts(node)}}} {key if key in required else f'[{key}]'}"
        + (f" {node['description']}" if "description" in node else "")
        for key, node in schema["properties"].items()
    ]
    return ["/**", *doc, f" * @typedef {{object}} {name}", *props, " */"]


def _ts(node: dict[str, Any]) -> str:
    """The TypeScript type of a JSON Schema node (the subset pydantic writes for the contract's models)."""
    if "$ref" in node:
        return str(node["$ref"]).rsplit("/", 1)[1]
    for union in ("oneOf", "anyOf"):
        if union in node:
            return " | ".join(_ts(n) for n in node[union])
    if "const" in node:
        return json.dumps(node["const"])
    if "enum" in node:
        return " | ".join(json.dumps(v) for v in node["enum"])
    kind = node.get("type")
    if kind == "array":
        inner = _ts(node["items"])
        return f"({inner})[]" if " " in inner else f"{inner}[]"
    if kind == "object":
        return f"Record<string, {_ts(node.get('additionalProperties', {}))}>"
    return {"string": "string", "integer": "number", "number": "number", "boolean": "boolean", "null": "null"}.get(
        str(kind), "unknown"
    )


#: The repository (make schema writes into it).
ROOT = Path(__file__).resolve().parents[2]


def main(root: Path = ROOT) -> None:
    """Write schema/*.json and generator/runtime/contract.js under the repository `root`."""
    for name, data in schemas().items():
        (root / "schema" / name).write_bytes(data)
        print(f"wrote schema/{name}")
    (root / "generator" / "runtime" / "contract.js").write_bytes(contract_js())
    print("wrote generator/runtime/contract.js")


if __name__ == "__main__":
    main()
