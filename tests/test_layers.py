"""The package's layers (README, Layout): each imports only the layers below it, so that the model is
read without the venue registry, the store without the formats, the core without the CLI's libraries."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import scholarcli

PACKAGE = Path(scholarcli.__file__).parent
# Lower imports nothing higher; one rank may import itself. errors and model name each other's types.
RANK = {
    "errors": 0,
    "model": 0,
    "processes": 0,
    "venues": 1,
    "store": 2,
    "index": 3,
    "formats": 3,
    "fetch": 4,
    "library": 5,
    "cli": 6,
    "__main__": 7,
}
INTERFACE = {"typer", "click", "rich"}  # the command line's own libraries


def imports() -> dict[str, set[str]]:
    """By layer (a subpackage, or a top-level module), the layers and outside modules it imports."""
    found: dict[str, set[str]] = defaultdict(set)
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE).parts
        layer = parts[0] if len(parts) > 1 else parts[0].removesuffix(".py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            for name in names:
                top, _, rest = name.partition(".")
                found[layer].add(rest.partition(".")[0] if top == "scholarcli" else top)
    return found


def test_every_layer_imports_only_layers_below_it() -> None:
    found = imports()
    assert set(RANK) >= {layer for layer in found if layer != "__init__"}, "a new layer: give it a rank"
    upward = {
        f"{layer} imports {other}"
        for layer, names in found.items()
        for other in names
        if other in RANK and layer in RANK and RANK[other] > RANK[layer]
    }
    assert not upward


def test_only_the_command_line_imports_its_libraries() -> None:
    assert {
        layer: names & INTERFACE for layer, names in imports().items() if names & INTERFACE and layer != "cli"
    } == {}
