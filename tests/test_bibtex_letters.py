"""Accented letters in the BibTeX export: as they are where bibtex must not change their case, as
commands in names (which 8-bit bibtex sorts and abbreviates by them) and everywhere with --ascii.

bibtex changes the case of an accent command's letter (``{\\'S}aivas`` is ``{\\'s}aivas`` in a
sentence-case title) but never of UTF-8 bytes, so a title written with commands reads differently
from the user's own UTF-8 file; the letters written as they are must be ones pdflatex typesets.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import Run
from scholarcli.formats import ExportOptions
from scholarcli.formats.exports.bibtex import render_work
from scholarcli.formats.latex_text import PDFLATEX_LETTERS, escape
from scholarcli.model import Settings, Work
from test_export_tools import pdflatex, run_tool

Scholar = Callable[..., Run]
CAPITALS = sorted(letter for letter in PDFLATEX_LETTERS if letter != letter.lower())
# The title's words: each capital kept opens a word in the middle of a title, where a sentence-case
# style lowercases a capital written as a command.
TITLE = "Studies of " + " and ".join(f"{capital}ab" for capital in CAPITALS)
RECORD = f"""\
type = "article"
title = "{TITLE}"
authors = ["Émile Ňová", "Łukasz Śrī"]
venue = "Revue de l'Université de Montréal"
year = 2020
"""


def _beyond_ascii(text: str) -> set[str]:
    return {char for char in text if not char.isascii()}


def _field(entry: str, name: str) -> str:
    found = re.search(rf"^\s*{name}\s*=\s*\{{(.*)\}},$", entry, flags=re.MULTILINE)
    assert found, entry
    return found.group(1)


def test_titles_and_text_keep_their_letters_and_names_are_written_with_commands(
    scholar: Scholar, make_library: Callable[..., Path]
) -> None:
    root = make_library({"w": RECORD})
    entry = scholar("-L", root, "export", "bibtex").stdout
    assert _field(entry, "title") == TITLE
    assert _field(entry, "journal") == "Revue de l'Université de Montréal"
    assert _field(entry, "author") == "{\\v N}ov{\\'a}, {\\'E}mile and {\\'S}r{\\=i}, {\\L}ukasz"
    ascii_entry = scholar("-L", root, "export", "bibtex", "--ascii").stdout
    assert _beyond_ascii(ascii_entry) == {char for char in _beyond_ascii(TITLE) if escape(char) == char}, ascii_entry
    assert _field(ascii_entry, "journal") == "Revue de l'Universit{\\'e} de Montr{\\'e}al"
    assert _field(ascii_entry, "author") == _field(entry, "author")


@settings(max_examples=200, deadline=None)
@given(st.text(st.sampled_from([*sorted(PDFLATEX_LETTERS), " ", "a", "Z", "-", "&", "é", "α"]), min_size=1))
def test_a_kept_letter_is_never_written_as_a_command_and_ascii_writes_every_one_with_a_command(text: str) -> None:
    work = Work(key="k", type="misc", title=text, note=text, year=2020)
    written, _ = render_work(work, Settings(schema=1), ExportOptions())
    as_ascii, _ = render_work(work, Settings(schema=1), ExportOptions(ascii=True))
    for letter in set(text) & PDFLATEX_LETTERS:
        assert written.count(letter) == 2 * text.count(letter), written  # in the title and in the note
        assert (letter in as_ascii) == (escape(letter) == letter), as_ascii


@pytest.mark.tools
@pytest.mark.parametrize("preamble", ["", "\\usepackage[T1]{fontenc}\\usepackage{lmodern}"])
def test_pdflatex_typesets_every_letter_the_export_writes_as_it_is(tmp_path: Path, preamble: str) -> None:
    letters = "".join(sorted(PDFLATEX_LETTERS))
    (tmp_path / "doc.tex").write_text(
        f"\\documentclass{{article}}{preamble}\\begin{{document}}\n{letters}\n\\end{{document}}\n", encoding="utf-8"
    )
    pdflatex("doc", tmp_path)  # -halt-on-error: a letter not set up for LaTeX stops it


@pytest.mark.tools
@pytest.mark.parametrize(("ascii", "kept"), [(False, True), (True, False)])
def test_bibtex_keeps_the_case_of_a_title_s_letters_unless_written_as_commands(
    scholar: Scholar, make_library: Callable[..., Path], tmp_path: Path, ascii: bool, kept: bool
) -> None:
    root = make_library({"w": RECORD})
    run = scholar("-L", root, "export", "bibtex", "-o", tmp_path / "refs.bib", *(["--ascii"] if ascii else []))
    assert run.exit_code == 0, run.stderr
    (tmp_path / "doc.tex").write_text(
        "\\documentclass{article}\\usepackage[T1]{fontenc}\\usepackage{lmodern}\\begin{document}\\nocite{*}"
        "\\bibliographystyle{abbrv}\\bibliography{refs}\\end{document}\n"
    )
    pdflatex("doc", tmp_path)
    assert run_tool("bibtex", "doc", cwd=tmp_path).returncode == 0
    pdflatex("doc", tmp_path)
    bbl = " ".join((tmp_path / "doc.bbl").read_text(encoding="utf-8").split())  # bibtex wraps lines
    # abbrv: sentence case for the title, and the given names abbreviated by their first letter
    assert ("\\newblock " + TITLE) in bbl if kept else "{\\'s}ab" in bbl, bbl
    assert "{\\'E}.~{\\v N}ov{\\'a} and {\\L}.~{\\'S}r{\\=i}." in bbl, bbl
