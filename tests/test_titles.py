"""Titles as their source wrote them: an imported title comes back unprotected where the source left
it so, a typed one gets the words whose case matters protected, and TeX's quotes stay in the record,
shown as typographic quotes wherever a person reads the title."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

from conftest import Run

Scholar = Callable[..., Run]
SOURCE = "@article{src, author = {Ada Lovelace}, title = {The GB/T 7714 Rules and Q\\&A at Mannheim for ``Small-World'' Nets}, journal = {J}, year = {2020}}\n"


def _library(scholar: Scholar, tmp_path: Path) -> Path:
    root = tmp_path / "lib"
    assert scholar("init", root).exit_code == 0
    (tmp_path / "in.bib").write_text(SOURCE)
    assert scholar("-L", root, "import", tmp_path / "in.bib").exit_code == 0
    return root


def _bib_title(text: str, key: str) -> str:
    entry = text[text.index(f"{{{key},") :]
    found = re.search(r"^\s*title\s*=\s*(.*),$", entry, flags=re.MULTILINE)
    assert found, entry
    return found.group(1)


def test_an_imported_title_is_written_back_as_its_source_wrote_it(scholar: Scholar, tmp_path: Path) -> None:
    root = _library(scholar, tmp_path)
    for fmt in ("bibtex", "biblatex"):
        written = scholar("-L", root, "export", fmt).stdout
        # no braces added around GB/T, Q&A or Mannheim: a sentence-casing style treats them as the source let it
        assert _bib_title(written, "src") == "{The GB/T 7714 Rules and Q\\&A at Mannheim for ``Small-World'' Nets}"


def test_a_typed_title_gets_whole_words_protected(scholar: Scholar, tmp_path: Path) -> None:
    root = _library(scholar, tmp_path)
    run = scholar(
        "-L", root, "add", "--type", "article", "--title", "Q&A at 50% cost for LLMs under GB/T rules",
        "--author", "Ada Lovelace", "--year", "2024", "--key", "typed",
    )  # fmt: skip
    assert run.exit_code == 0, run.stderr
    written = scholar("-L", root, "export", "bibtex").stdout
    assert _bib_title(written, "typed") == "{{Q\\&A} at 50\\% cost for {LLMs} under {GB/T} rules}"


def test_tex_quotes_are_typographic_wherever_a_person_reads_the_title(scholar: Scholar, tmp_path: Path) -> None:
    root = _library(scholar, tmp_path)
    shown = "The GB/T 7714 Rules and Q&A at Mannheim for \u201cSmall-World\u201d Nets"
    assert shown in scholar("-L", root, "list").stdout
    assert shown in scholar("-L", root, "show", "src").stdout
    (item,) = json.loads(scholar("-L", root, "export", "csl-json").stdout)
    assert item["title"] == shown
    # the record keeps what the source wrote, and the BibTeX export gives it back
    assert "``Small-World'' Nets" in scholar("-L", root, "export", "bibtex").stdout


def test_only_tex_quotes_become_typographic_and_an_apostrophe_stays_as_typed() -> None:
    from scholarcli.model.markup import typographic

    assert typographic("``Small-World'' Nets") == "\u201cSmall-World\u201d Nets"
    assert typographic("a `quoted' word") == "a \u2018quoted\u2019 word"
    # from CSL-JSON, RIS or a service a ' is what was typed: an apostrophe, or a quote pandoc reads as one
    assert typographic("over 'obvious' women, don't") == "over 'obvious' women, don't"
