"""The fetch code stays small and lazy: short functions, httpx loaded only by the client."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import scholarcli.fetch

PACKAGE = Path(scholarcli.fetch.__file__).parent


def test_every_function_is_under_60_lines() -> None:
    long = []
    for path in sorted(PACKAGE.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length >= 60:
                    long.append(f"{path.name}:{node.name} ({length} lines)")
    assert long == []


def test_httpx_is_imported_by_the_client_alone() -> None:
    code = (
        "import sys\n"
        "import scholarcli.cli, scholarcli.fetch, scholarcli.fetch.identify, scholarcli.fetch.dedupe\n"
        "import scholarcli.fetch.config, scholarcli.fetch.text\n"
        "assert 'httpx' not in sys.modules, 'httpx imported'\n"
        "import scholarcli.fetch.http\n"
        "assert 'httpx' in sys.modules\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def test_no_module_outside_fetch_imports_it() -> None:
    source = PACKAGE.parent
    users = [
        path.relative_to(source).as_posix()
        for path in source.rglob("*.py")
        if PACKAGE not in path.parents
        and ("httpx" in path.read_text(encoding="utf-8") or "scholarcli.fetch" in path.read_text(encoding="utf-8"))
    ]
    assert users == []
