"""Rules the code keeps: small modules, HTML only in templates, no engine in the core."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "generator"
MAX_LINES = 300
#: An HTML tag being written, as opposed to a pattern that reads one.
_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][a-zA-Z0-9-]*[\s>/]")
#: Literals that read HTML (regexes, split markers), keyed by file; each is checked to exist.
READS_HTML = {
    "render/markdown.py": {"'<p>'", "'^<p>(.*)</p>$'", "f'\\n<p>{separator}</p>\\n'"},
    "render/quizview.py": {"'<p>(.*)</p>'", "'<p>'"},
}


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_no_module_over_the_size_limit() -> None:
    sizes = {p.relative_to(ROOT).as_posix(): len(p.read_text(encoding="utf-8").splitlines()) for p in _modules()}
    assert {name: n for name, n in sizes.items() if n > MAX_LINES} == {}


def _strings(tree: ast.AST) -> list[tuple[str, str]]:
    """Every string literal outside docstrings, as (text with {} for fields, source form)."""
    out: list[tuple[str, str]] = []
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
    }

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.JoinedStr):
                text = "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in child.values)
                out.append((text, ast.unparse(child)))
            elif isinstance(child, ast.Constant) and isinstance(child.value, str):
                if id(child) not in docstrings:
                    out.append((child.value, repr(child.value)))
            else:
                visit(child)

    visit(tree)
    return out


def test_no_html_tag_is_built_in_python() -> None:
    found: dict[str, set[str]] = {}
    for path in _modules():
        for text, literal in _strings(ast.parse(path.read_text(encoding="utf-8"))):
            if _TAG.search(text):
                found.setdefault(path.relative_to(PACKAGE).as_posix(), set()).add(literal)
    assert found == READS_HTML


def test_the_core_does_not_import_an_engine() -> None:
    """Only generator/mkdocs/ imports MkDocs; the CLI may, inside the commands that run it."""
    for path in _modules():
        if "mkdocs" in path.relative_to(PACKAGE).parts:
            continue
        tree: ast.AST = ast.parse(path.read_text(encoding="utf-8"))
        if "cli" in path.relative_to(PACKAGE).parts:
            tree = ast.Module(
                body=[n for n in tree.body if isinstance(n, ast.Import | ast.ImportFrom)], type_ignores=[]
            )
        imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
        imported |= {
            node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.level == 0
        }
        engines = {name for name in imported if name.split(".")[0] in ("mkdocs", "material", "zensical")}
        relative = {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.level}
        assert not engines and not any(m.startswith("mkdocs") for m in relative), path


def test_test_modules_have_unique_names() -> None:
    """pytest imports test files by their base name (no packages under tests/): two test_x.py in different
    folders stop the whole run at collection."""
    names = [p.name for p in (ROOT / "tests").rglob("test_*.py")]
    assert sorted({n for n in names if names.count(n) > 1}) == []
