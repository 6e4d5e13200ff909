"""Quiz and lesson files written by the importer: YAML as authors write it, with comments where things were dropped."""

from __future__ import annotations

from typing import Any

import yaml


class _Dumper(yaml.SafeDumper):
    """Multi-line text as literal blocks (as authors write it), everything else as PyYAML's safe dumper does."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value.strip() else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def _dump(value: Any) -> str:
    return yaml.dump(value, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=110)


def comment(text: str) -> str:
    """One YAML comment line (line breaks in `text` become spaces)."""
    return "# " + " ".join(text.split())


def content_file(
    schema: str,
    header: list[str],
    fields: dict[str, Any],
    items: list[tuple[dict[str, Any], list[str]]] | None = None,
    list_key: str = "questions",
) -> str:
    """A content file: the schema line, header comments, the fields, then `list_key` with a comment per item."""
    lines = [f"# yaml-language-server: $schema={schema}", *(comment(h) for h in header)]
    text = "\n".join(lines) + "\n" + _dump(fields)
    if items is not None:
        text += f"{list_key}:\n"
        for data, notes in items:
            text += "".join(f"  {comment('dropped: ' + n)}\n" for n in notes)
            text += "".join(f"  {line}\n" if line else "\n" for line in _dump([data]).rstrip("\n").split("\n"))
    return text
