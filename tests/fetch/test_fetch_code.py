"""The fetch code stays small and lazy: short functions, httpx loaded only by the client."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import scholarcli.fetch

PACKAGE = Path(scholarcli.fetch.__file__).parent


def test_every_function_is_under_60_lines() -> None:
    long = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length >= 60:
                    long.append(f"{path.name}:{node.name} ({length} lines)")
    assert long == []


def test_httpx_is_imported_by_the_client_alone() -> None:
    """Every service module, found by the registry, loads without the HTTP client."""
    code = (
        "import sys\n"
        "import scholarcli.cli, scholarcli.fetch, scholarcli.fetch.identify, scholarcli.fetch.dedupe\n"
        "import scholarcli.fetch.config, scholarcli.fetch.service_text, scholarcli.fetch.registry\n"
        "assert len(scholarcli.fetch.registry.services()) == 7\n"
        "assert 'httpx' not in sys.modules, 'httpx imported'\n"
        "import scholarcli.fetch.http\n"
        "assert 'httpx' in sys.modules\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def _module_level_imports(tree: ast.Module) -> list[str]:
    """The modules a file imports when it is imported: not inside functions, nor under TYPE_CHECKING."""
    names: list[str] = []
    for node in tree.body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            continue
        for inner in ast.walk(node):
            if isinstance(inner, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                break
            if isinstance(inner, ast.Import):
                names += [alias.name for alias in inner.names]
            elif isinstance(inner, ast.ImportFrom) and inner.module:
                names.append(inner.module)
    return names


def test_modules_outside_fetch_never_name_httpx_and_import_fetch_only_when_they_fetch() -> None:
    source = PACKAGE.parent
    outside = [path for path in source.rglob("*.py") if PACKAGE not in path.parents]
    assert [path.name for path in outside if "httpx" in path.read_text(encoding="utf-8")] == []
    eager = [
        path.relative_to(source).as_posix()
        for path in outside
        if any(name.startswith("scholarcli.fetch") for name in _module_level_imports(ast.parse(path.read_text())))
    ]
    assert eager == []


def _imported(path: Path) -> set[str]:
    """The modules a file imports (at the top or inside a function)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_no_module_outside_fetch_imports_httpx_and_only_the_library_layer_imports_fetch() -> None:
    source = PACKAGE.parent
    users: dict[str, set[str]] = {}
    for path in source.rglob("*.py"):
        if PACKAGE in path.parents:
            continue
        wanted = {
            name for name in _imported(path) if name == "httpx" or name.startswith(("httpx.", "scholarcli.fetch"))
        }
        if wanted:
            users[path.relative_to(source).as_posix()] = wanted
    # The commands call the library layer, which calls the fetch code (and httpx stays inside it).
    assert {path: names for path, names in users.items() if not path.startswith("library/") or "httpx" in names} == {}


@pytest.mark.parametrize("command", [["list"], ["export", "bibtex"]])
def test_list_and_export_load_neither_the_fetch_code_nor_httpx(command: list[str]) -> None:
    code = (
        "import sys\n"
        "from scholarcli.cli import main\n"
        f"try:\n    main({command!r})\n"
        "finally:\n"
        "    print(sorted(m for m in sys.modules if m.startswith(('scholarcli.fetch', 'httpx'))), file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines()[-1] == "[]"
