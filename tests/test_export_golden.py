"""Golden files: each export of the hard-case fixture library, byte for byte.

Regenerate after an intended change with SCHOLAR_UPDATE_GOLDEN=1 and review the diff.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from scholarcli import index
from scholarcli.formats import ExportOptions, format_names, renderer
from scholarcli.model import Citation
from scholarcli.model.query import Filters, find_person, select, sort_works

HERE = Path(__file__).parent
HARD = index.load(HERE / "fixtures" / "hard", use_cache=False)  # read at import: writes no cache
PERSON = find_person(HARD.settings, "Hervé Jégou")
# Counts for two of his works, from two services: the CV's --metrics line and --citations counts.
COUNTS = {
    "jegou2024qa": Citation(1234, "openalex", dt.date(2025, 6, 20)),
    "schmude2024prithvi": Citation(3, "semanticscholar", dt.date(2025, 6, 18)),
}
CITED = ExportOptions(person=PERSON, metrics=True, citations=True, citation_counts=COUNTS)
# golden file -> (format, options)
GOLDEN: dict[str, tuple[str, ExportOptions]] = {
    "hard.bib": ("bibtex", ExportOptions()),
    "hard.equal-note.bib": ("bibtex", ExportOptions(equal_note=True)),
    "hard.ascii.bib": ("bibtex", ExportOptions(ascii=True)),
    "hard.biblatex.bib": ("biblatex", ExportOptions()),
    "hard.csl.json": ("csl-json", ExportOptions()),
    "hard.json": ("json", ExportOptions()),
    "cv.tex": ("cv", ExportOptions(person=PERSON, cv_format="latex")),
    "cv.numbered-by-type.tex": ("cv", ExportOptions(person=PERSON, group_by="type", numbered=True)),
    "cv.md": ("cv", ExportOptions(person=PERSON, cv_format="markdown")),
    "cv.html": ("cv", ExportOptions(person=PERSON, cv_format="html", numbered=True)),
    "cv.json-resume.json": ("json-resume", ExportOptions(person=PERSON)),
    "cv.rendercv.yaml": ("rendercv", ExportOptions(person=PERSON)),
    "cv.citations.tex": ("cv", CITED),
    "cv.citations.md": ("cv", CITED._replace(cv_format="markdown")),
    "cv.citations.html": ("cv", CITED._replace(cv_format="html")),
}


@pytest.mark.parametrize("name", sorted(GOLDEN))
def test_export_matches_its_golden_file(name: str) -> None:
    assert HARD.problems == []
    fmt, options = GOLDEN[name]
    works = sort_works(HARD.works, "key")
    if options.person:  # a CV holds the person's works only, as `export cv --person` selects them
        works = select(works, Filters(person=options.person.name), HARD.settings)
    text = renderer(fmt)(works, HARD.settings, options).text
    golden = HERE / "golden" / name
    if os.environ.get("SCHOLAR_UPDATE_GOLDEN") == "1":
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_every_format_has_a_golden_file() -> None:
    from test_refs import GOLDEN_REFS
    from test_site_exports import GOLDEN_TEXT, GOLDEN_TREES

    covered = {fmt for fmt, _ in (*GOLDEN.values(), *GOLDEN_TEXT.values())} | set(GOLDEN_TREES)
    covered |= {"refs"} if GOLDEN_REFS else set()  # every bundled style in text, Markdown and HTML
    assert covered == set(format_names())
