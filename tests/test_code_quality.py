"""The code stays typed and lint-clean: ruff and mypy as configured in pyproject.toml."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def check(*command: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", *command], cwd=REPO, capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_finds_nothing() -> None:
    check("ruff", "check", "--no-cache", ".")
    check("ruff", "format", "--no-cache", "--check", ".")


def test_mypy_strict_finds_nothing(tmp_path: Path) -> None:
    check("mypy", "--cache-dir", str(tmp_path / "mypy"))
