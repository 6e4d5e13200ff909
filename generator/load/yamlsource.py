"""Safe YAML loading that remembers where every value came from.

PyYAML's SafeLoader composes a node tree with line and column marks; this module builds plain
Python data from that tree itself, so that (a) only scalars, lists and mappings can ever be made,
(b) duplicate keys and alias bombs are caught, and (c) every value keeps its position for error
messages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import ContentError
from .yamlerrors import explain

#: Upper bound on values built from one file, aliases included ("billion laughs" guard).
MAX_NODES = 200_000
#: Upper bound on how deeply lists and mappings nest (real content needs fewer than ten).
MAX_DEPTH = 50
#: Upper bound on the size of one content file.
MAX_BYTES = 2_000_000

Loc = tuple[str | int, ...]

_STR = "tag:yaml.org,2002:str"
_PLAIN_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}


@dataclass
class SourceMap:
    """Positions (1-based line, column) of the values of one YAML document, by field path."""

    file: str
    positions: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    #: Where each mapping key is written (for "unknown field" errors).
    keys: dict[Loc, tuple[int, int]] = field(default_factory=dict)

    def locate(self, loc: Loc) -> tuple[int, int]:
        """The position of the deepest known value along `loc`.

        Paths from pydantic may contain steps that are not in the document (the tag of a
        discriminated union, a model name); those are skipped.
        """
        best: Loc = ()
        for step in loc:
            candidate = best + (step,)
            if candidate in self.positions:
                best = candidate
        return self.positions.get(best, (1, 1))

    def error(self, loc: Loc, message: str, exact: bool = False) -> ContentError:
        """A ContentError at the value `loc` points to.

        The field path is shown as the author wrote it: steps pydantic adds (union tags) are
        dropped unless `exact`, which callers that build `loc` themselves pass.
        """
        line, column = self.locate(loc)
        return ContentError(self.file, line, column, format_loc(loc if exact else self.written(loc)), message)

    def key_error(self, loc: Loc, message: str) -> ContentError:
        """A ContentError at the key that ends `loc` (a field that should not be there)."""
        written = self.written(loc[:-1]) + loc[-1:]
        line, column = self.keys.get(written, self.locate(loc))
        return ContentError(self.file, line, column, format_loc(written), message)

    def written(self, loc: Loc) -> Loc:
        """`loc` without the steps pydantic adds that are not in the document (union tags)."""
        kept: Loc = ()
        for step in loc:
            if kept + (step,) in self.positions:
                kept += (step,)
        return kept


def format_loc(loc: Loc) -> str:
    """('questions', 2, 'options') -> 'questions[2].options'."""
    out = ""
    for step in loc:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out


class _Builder:
    def __init__(self, source: SourceMap) -> None:
        self.source = source
        self.count = 0
        self.scalars = yaml.constructor.SafeConstructor()

    def build(self, node: yaml.Node, loc: Loc) -> Any:
        if len(loc) > MAX_DEPTH:
            raise _BadKey(node, f"invalid YAML: nesting is deeper than {MAX_DEPTH} levels")
        self.count += 1
        if self.count > MAX_NODES:
            raise _TooBig(node)
        self.source.positions.setdefault(loc, (node.start_mark.line + 1, node.start_mark.column + 1))
        if not isinstance(node, yaml.ScalarNode) and node.tag not in _PLAIN_TAGS:
            raise _BadKey(
                node, f"unsupported YAML tag {node.tag!r}: content is plain text, numbers, lists and mappings"
            )
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, loc)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(child, loc + (i,)) for i, child in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)
        value = self._scalar(node)
        # Dates and binary data have no place in course content; keep what the author typed.
        if not isinstance(value, (str, int, float, bool, type(None))):
            value = str(node.value)
        return value

    def _mapping(self, node: yaml.MappingNode, loc: Loc) -> dict[Any, Any]:
        self.scalars.flatten_mapping(node)  # resolves "<<" merge keys
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise _BadKey(key_node, "a mapping key must be a plain value, not a list or mapping")
            key = self._scalar(key_node)
            if isinstance(key, bool) or key is None:
                key = str(key_node.value)  # `yes:` or `null:` as a key means the word
            if not isinstance(key, (str, int, float)):
                key = str(key_node.value)
            if key in out:
                raise _BadKey(key_node, f"duplicate key {key!r}: each field may appear once")
            self.source.keys[loc + (key,)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            out[key] = self.build(value_node, loc + (key,))
            if not isinstance(value_node, yaml.ScalarNode) and not value_node.flow_style:
                # A block list or mapping starts on the next line; the key is where authors look.
                self.source.positions[loc + (key,)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
        return out

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        """A scalar's value; an explicit tag that does not fit it (`!!int x`) is a content error."""
        if node.tag == _STR:  # most of a course: no constructor machinery needed
            return node.value
        try:
            return self.scalars.construct_object(node, deep=True)
        except yaml.YAMLError:
            raise
        except Exception:  # PyYAML's scalar constructors raise ValueError, KeyError, AttributeError
            raise _BadKey(node, f"the value {node.value!r} does not fit its tag {node.tag!r}") from None


class _TooBig(Exception):
    def __init__(self, node: yaml.Node) -> None:
        self.node = node


class _BadKey(Exception):
    def __init__(self, node: yaml.Node, message: str) -> None:
        self.node = node
        self.message = message


#: libyaml's composer when PyYAML was built with it: the same nodes and marks, several times faster.
_FAST_LOADER = getattr(yaml, "CSafeLoader", None)


def _compose(text: str) -> list[yaml.Node]:
    """Compose every document of `text` into nodes.

    libyaml does the work when available; if it rejects the text, the pure-Python loader parses
    it again, so that error messages and positions are the same on every installation.
    """
    if _FAST_LOADER is not None:
        _check_depth(text)
        try:
            return list(yaml.compose_all(text, Loader=_FAST_LOADER))
        except (yaml.YAMLError, RecursionError):
            pass
    return list(yaml.compose_all(text, Loader=yaml.SafeLoader))


#: libyaml composes recursively in C: past some 20,000 levels it overflows the stack and the process
#: dies with no message. Nesting can only come from these characters, so text with fewer of them
#: than that cannot be deep, and most files skip the pre-scan.
_NESTING_CHARS = "[{-?"
_SCAN_ABOVE = 5_000


def _check_depth(text: str) -> None:
    """Raise _TooDeep if `text` nests deeper than MAX_DEPTH, without composing it (events only)."""
    if _FAST_LOADER is None or sum(text.count(c) for c in _NESTING_CHARS) < _SCAN_ABOVE:
        return
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_FAST_LOADER):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH + 1:  # the document's own mapping is not a nesting level
                    mark = event.start_mark
                    raise _TooDeep(mark.line if mark else 0, mark.column if mark else 0)
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return  # the composer reports it with the pure loader's wording


class _TooDeep(Exception):
    def __init__(self, line: int, column: int) -> None:
        super().__init__()
        self.line, self.column = line, column


def load(path: Path, shown_as: str) -> tuple[Any, SourceMap, list[ContentError]]:
    """Read one YAML file. Returns (data, positions, errors); data is None when errors is not empty."""
    source = SourceMap(shown_as)

    def fail(line: int, column: int, message: str) -> tuple[Any, SourceMap, list[ContentError]]:
        return None, source, [ContentError(shown_as, line, column, "", message)]

    try:
        raw = path.read_bytes()
    except OSError as exc:
        return fail(1, 1, f"cannot read this file ({exc.strerror or exc}); check its permissions")
    if len(raw) > MAX_BYTES:
        return fail(1, 1, f"file is {len(raw):,} bytes; content files are limited to {MAX_BYTES:,} bytes")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return fail(line, column, f"not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8")
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        return fail(1, 1, "file is empty; expected a mapping of fields (e.g. id: …, title: …)")
    try:
        nodes = _compose(text)
    except _TooDeep as exc:
        return fail(exc.line + 1, exc.column + 1, f"invalid YAML: nesting is deeper than {MAX_DEPTH} levels")
    except yaml.MarkedYAMLError as exc:
        return fail(*explain(exc, text))
    except yaml.reader.ReaderError as exc:  # a control character: has a character offset, not a mark
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        return fail(
            line,
            column,
            f"invalid YAML: control character #x{exc.character:04x} is not allowed "
            "(remove it or write it as an escape in a double-quoted string)",
        )
    except yaml.YAMLError as exc:  # errors without a position, e.g. undefined aliases in odd places
        return fail(1, 1, f"invalid YAML: {exc}")
    except RecursionError:
        return fail(1, 1, "invalid YAML: nesting is too deep")
    if len(nodes) != 1:
        line = nodes[1].start_mark.line + 1 if len(nodes) > 1 else 1
        return fail(line, 1, f"expected one YAML document, found {len(nodes)} (remove the '---' separator)")
    root = nodes[0]
    if not isinstance(root, yaml.MappingNode):
        kind = "a list" if isinstance(root, yaml.SequenceNode) else f"the value {root.value!r}"
        return fail(root.start_mark.line + 1, root.start_mark.column + 1, f"expected a mapping of fields, found {kind}")
    builder = _Builder(source)
    try:
        data = builder.build(root, ())
    except _TooBig as exc:
        m = exc.node.start_mark
        return fail(m.line + 1, m.column + 1, f"document expands to more than {MAX_NODES:,} values (too many aliases?)")
    except _BadKey as exc:
        m = exc.node.start_mark
        return fail(m.line + 1, m.column + 1, exc.message)
    except yaml.MarkedYAMLError as exc:  # e.g. a '<<' merge of a non-mapping, `!!map` on a scalar
        mark = exc.problem_mark or exc.context_mark
        context = f" ({exc.context})" if exc.context else ""
        return fail(
            (mark.line + 1) if mark else 1,
            (mark.column + 1) if mark else 1,
            f"invalid YAML: {exc.problem or 'invalid value'}{context}",
        )
    except yaml.YAMLError as exc:
        return fail(1, 1, f"invalid YAML: {exc}")
    except RecursionError:
        return fail(1, 1, "invalid YAML: nesting is too deep")
    return data, source, []
