"""Golden files: each export of the hard-case fixture library, byte for byte.

Regenerate after an intended change with SCHOLAR_UPDATE_GOLDEN=1 and review the diff.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import pytest

from scholarcli import store
from scholarcli.formats import FORMATS, ExportOptions
from scholarcli.model import Work
from scholarcli.query import sort_works

HERE = Path(__file__).parent
GOLDEN = {
    "bibtex": "hard.bib",
    "biblatex": "hard.biblatex.bib",
    "csl-json": "hard.csl.json",
    "json": "hard.json",
}


@pytest.mark.parametrize("fmt", sorted(GOLDEN))
def test_export_matches_its_golden_file(fmt: str) -> None:
    library = store.load(HERE / "fixtures" / "hard")
    assert library.problems == []
    works: Sequence[Work] = sort_works(library.works, "key")
    text = FORMATS[fmt](works, library.settings, ExportOptions()).text
    golden = HERE / "golden" / GOLDEN[fmt]
    if os.environ.get("SCHOLAR_UPDATE_GOLDEN") == "1":
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_every_format_has_a_golden_file() -> None:
    assert set(GOLDEN) == set(FORMATS)
