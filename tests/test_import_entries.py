"""Every entry of a .bib file is imported as it came, skipped with a reason, or a problem; entries
that look alike are merged only when one adds nothing, or by the user's choice (`scholar merge`)."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import Run
from corpus_tools import corpus_files
from scholarcli import index
from scholarcli.formats import renderer
from scholarcli.formats.bib_reading import parse
from scholarcli.formats.common import ExportOptions
from scholarcli.model import Settings
from scholarcli.model.validate import work_from_record

Scholar = Callable[..., Run]
SETTINGS = Settings(schema=1)

# The entry types of BibTeX's standard styles and of biblatex, and names no style knows.
TYPES = (
    "article", "book", "booklet", "inbook", "incollection", "inproceedings", "conference", "manual",
    "mastersthesis", "misc", "phdthesis", "proceedings", "techreport", "unpublished", "mvbook", "bookinbook",
    "collection", "online", "patent", "report", "thesis", "software", "dataset", "commentary", "set", "xdata",
)  # fmt: skip
# Fields of BibTeX's styles and of biblatex's datamodel (a value for each is generated).
FIELDS = (
    "address", "annote", "booktitle", "chapter", "edition", "editor", "howpublished", "institution",
    "journal", "key", "month", "note", "number", "organization", "pages", "publisher", "school", "series",
    "type", "volume", "year", "journaltitle", "date", "location", "subtitle", "titleaddon", "maintitle",
    "eventtitle", "venue", "origdate", "urldate", "isbn", "issn", "language", "langid", "addendum", "pubstate",
    "holder", "version", "related", "relatedtype", "crossref", "xref", "options", "keywords", "abstract",
    "issue", "doi", "url", "eprint", "eprinttype", "eprintclass", "archiveprefix", "primaryclass",
)  # fmt: skip
# What an export writes a field of the source under, where it is not the source's name.
RENAMED = {
    "biblatex": {"journal": "journaltitle", "year": "date", "month": "date", "school": "institution",
                 "archiveprefix": "eprinttype", "primaryclass": "eprintclass", "issue": "number"},
    "bibtex": {"journaltitle": "journal", "date": "year", "institution": "school", "eprinttype": "archiveprefix",
               "eprintclass": "primaryclass", "issue": "number", "holder": "organization"},
}  # fmt: skip

# Types biblatex reads as another with a type field (its manual, 2.1.2), which its export writes so.
ALIASES = {"biblatex": {"phdthesis": "thesis", "mastersthesis": "thesis", "techreport": "report"}, "bibtex": {}}


def _entries(text: str) -> dict[str, tuple[str, dict[str, str]]]:
    from bibtexparser.entrypoint import parse_string

    # bibtexparser takes @commentary for @comment: the type is hidden from it behind a prefix
    library = parse_string(re.sub(r"(?im)^@(?=(comment|preamble|string)\w)", "@x", text), parse_stack=[])
    return {
        entry.key: (re.sub(r"^x(?=(comment|preamble|string)\w)", "", entry.entry_type.lower()), {f.key.lower(): str(f.value).strip("{}\"") for f in entry.fields})
        for entry in library.entries
    }


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    entry_type=st.sampled_from(TYPES) | st.from_regex(r"[a-z][a-z]{2,10}", fullmatch=True),
    names=st.sets(st.sampled_from(FIELDS) | st.from_regex(r"[a-z][a-z0-9]{2,9}", fullmatch=True), max_size=6),
    value=st.from_regex(r"[A-Z][a-z]{2,8}( [A-Z0-9][a-z0-9]{1,6}){0,2}", fullmatch=True),
)
def test_an_imported_entry_keeps_its_type_and_every_field_and_gains_none(
    entry_type: str, names: set[str], value: str
) -> None:
    """Whatever the type and fields, both BibTeX exports give back the type and each field's
    value (under the name the format gives it), and write no field the entry did not have."""
    given_fields = {name: f"{value} {index}" if name not in ("year", "month", "date") else "" for index, name in enumerate(sorted(names))}
    values = {name: text for name, text in given_fields.items() if text}
    source = f"@{entry_type}{{k,\n  title = {{{value}}},\n" + "".join(f"  {n} = {{{v}}},\n" for n, v in values.items()) + "}\n"
    [converted] = parse(source, "x.bib", SETTINGS).entries
    work, problems = work_from_record("k", converted.record, "k", set())
    assert work is not None, problems
    for fmt in ("bibtex", "biblatex"):
        text = renderer(fmt)([work], SETTINGS, ExportOptions()).text
        [(written_type, written)] = _entries(text).values()
        if not (fmt == "bibtex" and entry_type == "patent"):  # BibTeX has no @patent: scholar's @misc
            assert written_type in (entry_type, ALIASES[fmt].get(entry_type)), (fmt, source, text)
        renamed = RENAMED[fmt]
        for name, text_value in values.items():
            assert written.get(name, written.get(renamed.get(name, name))) is not None, (fmt, name, source, text)
        made = {renamed.get(name, name) for name in values} | set(values) | {"title"}
        made |= {"type"} if entry_type in ALIASES[fmt] else set()  # @thesis, type = {phdthesis}
        assert set(written) <= made, (fmt, set(written) - made, source, text)
