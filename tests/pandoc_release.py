"""The pandoc the suite judges with: the current release, from the pypandoc_binary wheel of the test
extras (pandoc 3.9), ahead of an older pandoc on PATH (Debian's is 2.17, years behind)."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
from pathlib import Path

OLDEST = (3, 9)  # the release the judgement of the exports was checked with


def put_current_pandoc_first() -> None:
    """Put the wheel's pandoc first on PATH, for this process and every tool it starts."""
    spec = importlib.util.find_spec("pypandoc")
    if spec is None or spec.origin is None:
        return  # not installed: the version test says which pandoc is in use
    files = Path(spec.origin).parent / "files"
    if (files / "pandoc").exists() and not os.environ.get("PATH", "").startswith(str(files)):
        os.environ["PATH"] = f"{files}{os.pathsep}{os.environ.get('PATH', '')}"


def pandoc_version() -> tuple[int, ...]:
    first = subprocess.run(["pandoc", "--version"], capture_output=True, text=True, check=True).stdout.split("\n")[0]
    found = re.search(r"(\d+(?:\.\d+)+)", first)
    return tuple(int(part) for part in found.group(1).split(".")) if found else ()
