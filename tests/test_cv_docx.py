"""The Word CV: a real .docx (headings, list paragraphs, bold, italic and superscript runs, live
links) that python-docx and pandoc read back as the Markdown CV reads, the same bytes each run."""

from __future__ import annotations

import io
import os
import re
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import Run
from scholarcli import index
from scholarcli.formats import ExportOptions, renderer
from scholarcli.model import Settings, Work
from scholarcli.model.markup import title_text
from scholarcli.model.query import find_person
from strategies import libraries
from test_properties import fit_html
from test_terminal import _in_terminal

Scholar = Callable[..., Run]
HERE = Path(__file__).parent
HARD = index.load(HERE / "fixtures" / "hard", use_cache=False)
PERSON = find_person(HARD.settings, "Hervé Jégou")
GOLDEN = HERE / "golden" / "cv.docx.document.xml"


def docx_of(works: list[Work], settings_: Settings, **options: Any) -> bytes:
    chosen = ExportOptions(person=options.pop("person", settings_.people[0]), cv_format="docx", **options)
    result = renderer("cv")(works, settings_, chosen)
    assert result.text == "" and result.data is not None
    return result.data


def _style(paragraph: Any) -> str:
    """A paragraph's style name (python-docx types a style as possibly missing)."""
    return str(paragraph.style.name) if paragraph.style is not None else ""


def hard_docx(**options: Any) -> bytes:
    return docx_of(list(HARD.works), HARD.settings, person=PERSON, **options)


def test_the_document_matches_its_golden_file_and_is_the_same_bytes_each_time() -> None:
    data = hard_docx(numbered=True)
    assert data == hard_docx(numbered=True)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert {item.date_time for item in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert "docProps/thumbnail.jpeg" not in package.namelist()
        assert b"thumbnail" not in package.read("_rels/.rels")
        xml = package.read("word/document.xml").decode("utf-8")
        core = package.read("docProps/core.xml").decode("utf-8")
    if os.environ.get("SCHOLAR_UPDATE_GOLDEN") == "1":
        GOLDEN.write_text(xml, encoding="utf-8")
    assert xml == GOLDEN.read_text(encoding="utf-8")
    assert "<dc:creator>Hervé Jégou</dc:creator>" in core and "created" not in core and "python-docx" not in core


def test_python_docx_reads_headings_lists_and_runs_for_what_they_are() -> None:
    document = Document(io.BytesIO(hard_docx()))
    paragraphs = document.paragraphs
    assert (_style(paragraphs[0]), paragraphs[0].text) == ("Title", "Hervé Jégou")
    headings = [(_style(p), p.text) for p in paragraphs if _style(p).startswith("Heading")]
    assert ("Heading 1", "Publications") in headings and ("Heading 1", "Patents") in headings
    assert any(style == "Heading 2" and text.isdigit() for style, text in headings)  # grouped by year
    entries = [p for p in paragraphs if _style(p) == "List Bullet"]
    markdown = renderer("cv")(list(HARD.works), HARD.settings, ExportOptions(person=PERSON, cv_format="markdown"))
    assert len(entries) == markdown.text.count("\n- ") + markdown.text.startswith("- ")  # a paragraph a work
    bold = {run.text for p in entries for run in p.runs if run.bold}
    assert bold == {"Hervé Jégou"}  # the person, and nothing else
    assert {run.text for p in entries for run in p.runs if run.font.superscript} == {"*"}
    titles = [run.text for p in entries for run in p.runs if run.italic]
    assert len(titles) == len(entries) and set(titles) <= {title_text(w.title) for w in HARD.works}
    links = {rel.target_ref for rel in document.part.rels.values() if rel.reltype.endswith("/hyperlink")}
    assert "https://example.org/a_b?x=1&y=2" in links and all(
        link.startswith(("https://", "http://")) for link in links
    )


def test_numbered_entries_carry_their_numbers_newest_highest() -> None:
    document = Document(io.BytesIO(hard_docx(numbered=True)))
    labels = [re.match(r"\[(\d+)\]", p.text) for p in document.paragraphs if _style(p) == "List Paragraph"]
    numbers = [int(found.group(1)) for found in labels if found]
    assert numbers and numbers[0] == max(numbers)


@settings(max_examples=40, deadline=None)
@given(library=libraries(), numbered=st.booleans())
def test_any_library_makes_a_document_that_reads_back_with_every_title_as_written(
    library: tuple[Settings, list[Work]], numbered: bool
) -> None:
    settings_, works = library
    document = Document(io.BytesIO(docx_of(works, settings_, numbered=numbered, selected_first=True)))
    italic = {run.text for p in document.paragraphs for run in p.runs if run.italic}
    assert italic <= {fit_html(title_text(work.title)) for work in works}


def _plain_of(path: Path, source: str) -> str:
    """pandoc's plain text of a file, in words, marks as the Markdown CV writes them."""
    done = subprocess.run(
        ["pandoc", "-f", source, "-t", "plain", "--wrap=none", str(path)], capture_output=True, text=True, check=True
    )
    text = re.sub(r"\^\(([^)]*)\)", r"\1", done.stdout)  # pandoc's plain superscript: ^(*)
    text = re.sub(r"(?m)^- ", "", text)
    return " ".join(text.split())


@pytest.mark.tools
@pytest.mark.parametrize("numbered", [False, True])
def test_pandoc_reads_the_word_cv_as_the_markdown_cv(scholar: Scholar, tmp_path: Path, numbered: bool) -> None:
    args = ["-L", HERE / "fixtures" / "hard", "export", "cv", "--person", PERSON.name, *(["--numbered"] * numbered)]
    word = scholar(*args, "--format", "docx", "-o", tmp_path / "cv.docx")
    markdown = scholar(*args, "--format", "markdown", "-o", tmp_path / "cv.md")
    assert word.exit_code == markdown.exit_code == 0, word.stderr + markdown.stderr
    assert _plain_of(tmp_path / "cv.docx", "docx") == _plain_of(tmp_path / "cv.md", "markdown")


def test_a_word_file_goes_to_a_file_or_a_pipe_never_to_a_terminal(scholar: Scholar, tmp_path: Path) -> None:
    args = ["-L", str(HERE / "fixtures" / "hard"), "export", "cv", "--person", PERSON.name, "--format", "docx"]
    piped = scholar(*args)
    assert piped.exit_code == 0, piped.stderr
    env = {"XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    drawn = _in_terminal(args, env)
    assert "error: a Word file is not for a terminal: write it with -o FILE (or redirect it)" in drawn
    assert "PK" not in drawn
