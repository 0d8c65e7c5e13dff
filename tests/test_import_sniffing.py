"""`scholar import FILE` tells BibTeX, RIS and CSL-JSON apart by the content, not the name; --from
names the format; a file of none of them is one line, exit 1, and nothing written."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Run, library_files
from scholarcli import index
from scholarcli.formats.inputs import decode, sniff

Scholar = Callable[..., Run]

BIB = "@article{lovelace1843notes, title = {Notes}, author = {Lovelace, Ada}, journal = {Memoirs}, year = 1843}\n"
RIS = "Provider: A Publisher\r\n\r\nTY  - JOUR\r\nAU  - Lovelace, Ada\r\nTI  - Notes\r\nJO  - Memoirs\r\nPY  - 1843\r\nER  - \r\n"
CSL = json.dumps(
    [{"id": "lovelace1843notes", "type": "article-journal", "title": "Notes", "issued": {"date-parts": [[1843]]}}]
)


@pytest.fixture
def root(scholar: Scholar, tmp_path: Path) -> Path:
    made = tmp_path / "lib"
    assert scholar("init", made).exit_code == 0
    return made


def test_the_content_tells_the_format() -> None:
    assert sniff(BIB) == "bibtex"
    assert sniff(RIS) == "ris"
    assert sniff(CSL) == sniff('\ufeff {"type": "book"}') == "csl-json"
    assert sniff("TY - JOUR\nTI  - one space\nER  - \n") == "ris"
    assert sniff("TY  - JOUR\nAB  - mail me @ article{x}\nER  - \n") == "ris"  # the first marker wins
    assert sniff("% comments\n@comment{x}\n") == "bibtex"
    for other in ("", "localhost\n", "just text\n", "FN Clarivate Analytics Web of Science\nPT J\n"):
        assert sniff(other) is None


@pytest.mark.parametrize(("text", "name"), [(BIB, "refs.txt"), (RIS, "refs.bib"), (CSL, "refs.ris")])
def test_a_file_is_read_by_what_it_holds_whatever_its_name(
    scholar: Scholar, root: Path, tmp_path: Path, text: str, name: str
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="")
    run = scholar("-L", root, "import", path)
    assert run.exit_code == 0, run.stderr
    assert (
        run.stderr.splitlines()[-1] == "1 entry: imported 1, skipped 0 (already in the library), failed 0; 0 problems"
    )
    work = index.load(root).works[0]
    assert (work.title, work.year, work.type) == ("Notes", 1843, "article")


@pytest.mark.parametrize("text", [BIB, RIS, CSL])
def test_standard_input_is_read_too_and_a_second_import_adds_nothing(scholar: Scholar, root: Path, text: str) -> None:
    assert scholar("-L", root, "import", "-", input=text).exit_code == 0
    again = scholar("-L", root, "import", "-", input=text)
    assert again.exit_code == 0 and again.stdout == ""
    assert (
        again.stderr.splitlines()[-1] == "1 entry: imported 0, skipped 1 (already in the library), failed 0; 0 problems"
    )


def test_the_three_formats_of_one_work_are_one_work(scholar: Scholar, root: Path) -> None:
    """The same dedupe as BibTeX: same title, year and first author."""
    runs = [
        scholar("-L", root, "import", "-", input=text)
        for text in (BIB, RIS.replace("TI  - Notes", "TI  - Notes\r\nAU  - Babbage, C."), CSL)
    ]
    assert [run.exit_code for run in runs] == [0, 0, 0]
    assert len(index.load(root).works) == 1


def test_from_names_the_format(scholar: Scholar, root: Path, tmp_path: Path) -> None:
    path = tmp_path / "refs.txt"
    path.write_text(RIS, encoding="utf-8")
    run = scholar("-L", root, "import", "--from", "csl-json", path)
    assert (run.exit_code, run.stdout) == (1, "")
    assert "refs.txt: line 1, column 1: not JSON: Expecting value" in run.stderr
    run = scholar("-L", root, "import", "--from", "bibtex", path)
    assert (run.exit_code, run.stderr) == (1, f"error: {path}: no entries found (read as BibTeX or BibLaTeX)\n")
    assert scholar("-L", root, "import", "--from", "ris", path).exit_code == 0
    bad = scholar("-L", root, "import", "--from", "endnote", path)
    assert bad.exit_code == 2 and '"endnote" is not an input format' in bad.stderr
    both = scholar("-L", root, "import", "--from", "ris", "--orcid", "0000-0002-1825-0097")
    assert both.exit_code == 2 and "--from applies only to FILE" in both.stderr


@pytest.mark.parametrize(
    "content", [b"localhost\n", b"", b"\xff\xfe\x00", b'{"name": "package", "version": "1.0"}', b"[]"]
)
def test_a_file_with_no_entries_is_one_line_and_exit_1_and_nothing_written(
    scholar: Scholar, root: Path, tmp_path: Path, content: bytes
) -> None:
    before = library_files(root)
    path = tmp_path / "hostname"
    path.write_bytes(content)
    run = scholar("-L", root, "import", path)
    assert (run.exit_code, run.stdout) == (1, "")
    assert run.stderr.splitlines()[-1].startswith(f"error: {path}: no entries found")
    assert len(run.stderr.splitlines()) <= 2  # at most the note on the encoding first
    after = library_files(root)
    after.pop(".scholar.lock", None)  # the lock, taken to read the library's settings, is no data
    assert after == before


def test_the_encodings_of_real_files() -> None:
    assert decode("TY  - JOUR\n".encode("utf-16")) == ("TY  - JOUR\n", None)  # EndNote's "Unicode"
    assert decode(b"\xef\xbb\xbfTY") == ("TY", None)
    assert decode("Jégou “x”".encode("cp1252")) == ("Jégou “x”", "Windows-1252")
    assert decode(b"\x81\xe9") == ("\x81é", "Latin-1")  # 0x81 is no Windows-1252 character
