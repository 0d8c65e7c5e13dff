"""The BibTeX file writer every .bib export shares (formats/bibfile.py): an entry is written only
as BibTeX reads it, each value by its kind, and an import's kept fields and other keys come back
as they came. In-process, so that mutation testing runs these too."""

from __future__ import annotations

import pytest

from scholarcli.errors import UnsafeOutput
from scholarcli.formats.bibfile import (
    Bare,
    Fields,
    Text,
    Value,
    bare,
    entry,
    kept_fields,
    link_fields,
    one_part,
    page_range,
    text,
    title,
    venue_text_field,
    verbatim,
    with_aliases,
    word,
)
from scholarcli.model import Work


def test_an_entry_aligns_its_fields_and_writes_each_value_as_its_kind_says() -> None:
    written = entry("article", "k", [("title", Text("T")), ("author", Text("A")), ("month", Bare("jan"))])
    assert written == "@article{k,\n  title  = {T},\n  author = {A},\n  month  = jan,\n}\n"
    assert entry("misc", "k", []) == "@misc{k,\n}\n"


def test_what_bibtex_would_read_otherwise_is_never_written() -> None:
    assert entry("misc,x", "k", []).startswith("@misc{k,")  # no entry type: misc
    assert entry("misc", "k", [("bad name", Text("x")), ("ok", Text("y"))]) == "@misc{k,\n  ok = {y},\n}\n"
    with pytest.raises(UnsafeOutput, match=r"^'a,b' is not a citation key BibTeX reads; nothing was written$"):
        entry("misc", "a,b", [])
    refused = {
        "title": Text(r"a \{"),  # bibtex counts the escaped brace: the field would not close
        "note": Text("a}"),
        "month": Bare("jan}"),
        "other": Value("x"),  # a value of no kind the writer knows
    }
    for name, value in refused.items():
        with pytest.raises(UnsafeOutput, match=f"^k: {name}: .* would not stay in its field; nothing was written$"):
            entry("misc", "k", [(name, value)])


def test_values_are_made_only_of_what_their_kind_may_hold() -> None:
    assert bare("jan") == "jan" and isinstance(bare("jan"), Bare)
    assert bare("a}") is None
    assert word("phdthesis") == "phdthesis"
    for unsafe in ("é", "a b", "a}"):
        with pytest.raises(UnsafeOutput, match="is not a word a BibTeX field can hold as it is"):
            word(unsafe)
    assert verbatim("https://x/a b}") == "https://x/a%20b%7D"
    assert text("é", kept=frozenset("é")) == "é" and text("é") == r"{\'e}" and text("é", ascii_only=False) == "é"


def test_a_title_is_protected_unless_it_came_as_written() -> None:
    assert title("BERT é") == r"{BERT} {\'e}"
    assert title("BERT é", as_written=True) == r"BERT {\'e}"
    assert title("BERT é", as_written=True, ascii_only=False) == "BERT é"
    assert title("BERT é", as_written=True, kept=frozenset("é")) == "BERT é"


@pytest.mark.parametrize(
    ("pages", "written"), [("12-34", "12--34"), ("12--34", "12--34"), ("1-2-3", "1-2-3"), ("e7", "e7")]
)
def test_a_page_range_gets_the_en_dash_styles_expect(pages: str, written: str) -> None:
    assert page_range(pages) == written


def test_a_name_part_with_and_or_a_comma_is_kept_one_part() -> None:
    assert one_part("Procter and Gamble") == "{Procter and Gamble}"
    assert one_part(r"\emph{, x}") == r"{\emph{, x}}"
    assert one_part("Smith") == "Smith"


def test_an_imported_venue_text_is_kept_under_the_field_its_type_names_it_with() -> None:
    assert [venue_text_field(kind) for kind in ("article", "inproceedings", "incollection", "misc")] == [
        "journal",
        "booktitle",
        "booktitle",
        "howpublished",
    ]


def test_kept_fields_come_after_the_made_ones_and_never_twice() -> None:
    made: Fields = [("title", Text("T")), ("note", Text("made")), ("author", Text("A"))]
    work = Work(key="k", type="misc", extra={"note": "kept", "series": "S"}, macros={"author": "ACME"})
    ours, kept = kept_fields(work, made)
    assert ours == [("title", "T"), ("note", "made")]  # the @string stands in for the made author
    assert kept == [("series", "S"), ("author", "ACME")]
    assert kept_fields(Work(key="k", type="misc", macros={"publisher": "PUB"}), made)[1] == [("publisher", "PUB")]
    assert kept_fields(Work(key="k", type="misc"), made) == (made, [])


def test_links_are_written_under_their_names_where_no_field_has_the_name() -> None:
    work = Work(key="k", type="misc", links={"code": "https://c/", "Bad Name": "https://b/", "url": "https://u/"})
    assert link_fields(work, [("url", Text("https://u/"))]) == [("code", "https://c/")]


def test_each_other_key_gets_a_copy_of_the_entry_and_none_carries_ids() -> None:
    work = Work(key="k", type="misc", extra={"ids": "a1, k, bad key, a1, a2"})
    written = with_aliases("misc", work, [("title", Text("T")), ("ids", Text("a1"))])
    copies = written.split("\n@")
    assert [copy.lstrip("@").split(",")[0] for copy in copies] == ["misc{k", "misc{a1", "misc{a2"]
    assert all(copy.endswith("  title = {T},\n}\n") for copy in copies)
    assert "ids" not in written
