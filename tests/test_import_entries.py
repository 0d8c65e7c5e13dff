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
from scholarcli.formats.export_types import ExportOptions
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


def _unwrapped(value: str) -> str:
    """A field's value without the braces or quotes around it."""
    return value[1:-1] if len(value) >= 2 and value[0] + value[-1] in ("{}", '""') else value


def _entries(text: str) -> dict[str, tuple[str, dict[str, str]]]:
    from bibtexparser.entrypoint import parse_string

    # bibtexparser takes @commentary for @comment: the type is hidden from it behind a prefix
    library = parse_string(re.sub(r"(?im)^@(?=(comment|preamble|string)\w)", "@x", text), parse_stack=[])
    return {
        entry.key: (
            re.sub(r"^x(?=(comment|preamble|string)\w)", "", entry.entry_type.lower()),
            {f.key.lower(): _unwrapped(str(f.value)) for f in entry.fields},
        )
        for entry in library.entries
    }


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    entry_type=st.sampled_from(TYPES) | st.from_regex(r"[a-z][a-z]{2,10}", fullmatch=True),
    names=st.sets(st.sampled_from(FIELDS) | st.from_regex(r"[a-z][a-z0-9]{2,9}", fullmatch=True), max_size=6),
    value=st.from_regex(r"[A-Z][a-z]{2,8}( [A-Z0-9][a-z0-9]{1,6}){0,2}", fullmatch=True),
    protected=st.booleans(),  # a word in braces, which protects its case (or an "and" in a list)
    empty=st.sets(st.sampled_from(FIELDS), max_size=2),  # fields given as {}: bibtex reads them as empty
)
def test_an_imported_entry_keeps_its_type_and_every_field_and_gains_none(
    entry_type: str, names: set[str], value: str, protected: bool, empty: set[str]
) -> None:
    """Whatever the type and fields, both BibTeX exports give back the type and each field's
    value (under the name the format gives it), and write no field the entry did not have."""
    # what a date or an address holds (an address is written verbatim, its spaces percent-encoded)
    dates = {"year": "1999", "month": "mar", "date": "2001-02-03", "doi": "10.1/a", "url": "https://a.org/b"}
    word = "{and}" if protected else "and"
    values = {name: dates.get(name, f"{value} {word} {number}") for number, name in enumerate(sorted(names))}
    values |= dict.fromkeys(empty - names - set(dates), "")
    source = f"@{entry_type}{{k,\n  title = {{{value}}},\n" + "".join(f"  {n} = {{{v}}},\n" for n, v in values.items())
    [converted] = parse(source + "}\n", "x.bib", SETTINGS).entries
    work, problems = work_from_record("k", converted.record, "k")
    assert work is not None, problems
    for fmt in ("bibtex", "biblatex"):
        text = renderer(fmt)([work], SETTINGS, ExportOptions()).text
        [(written_type, written)] = _entries(text).values()
        if not (fmt == "bibtex" and entry_type == "patent"):  # BibTeX has no @patent: scholar's @misc
            assert written_type in (entry_type, ALIASES[fmt].get(entry_type)), (fmt, source, text)
        renamed = RENAMED[fmt]
        for name, given_value in values.items():
            found = written.get(name, written.get(renamed.get(name, name)))
            assert found is not None, (fmt, name, source, text)
            if name not in ("year", "month", "date") and name not in renamed:
                assert found == given_value, (fmt, name, source, text)
        made = {renamed.get(name, name) for name in values} | set(values) | {"title"}
        made |= {"type"} if entry_type in ALIASES[fmt] else set()  # @thesis, type = {phdthesis}
        made |= {"month"} if fmt == "bibtex" and "date" in values else set()  # a date is year and month there
        assert set(written) <= made, (fmt, set(written) - made, source, text)


def _library(scholar: Scholar, tmp_path: Path) -> Path:
    root = tmp_path / "lib"
    assert scholar("init", root).exit_code == 0
    return root


def test_an_entry_of_a_type_that_starts_like_a_command_is_imported_and_counted(
    scholar: Scholar, tmp_path: Path
) -> None:
    root = _library(scholar, tmp_path)
    text = (
        "@commentary{hooker:1991, author = {Hooker, Morna D.}, title = {The Gospel According to Saint Mark},"
        " year = {1991}}\n@foo{bar, title = {A Foo}}\n@comment{not an entry}\n@string{s = {x}}\n"
    )
    run = scholar("-L", root, "import", "-", input=text)
    assert run.exit_code == 0, run.stderr
    assert run.lines == ["hooker:1991", "bar"]
    assert (
        run.stderr.splitlines()[-1] == "2 entries: imported 2, skipped 0 (already in the library), failed 0; 0 problems"
    )
    exported = scholar("-L", root, "export", "biblatex").stdout
    assert "@commentary{hooker:1991," in exported and "@foo{bar," in exported


# One entry, and copies of it under other keys: the same fields, one more field, one field otherwise.
TWINS = """@book{first, author = {Doe, Jane}, title = {One Book}, year = {2001}, publisher = {P}}
@book{copy, author = {Doe, Jane}, title = {One Book}, year = {2001}, publisher = {P}}
@book{more, author = {Doe, Jane}, title = {One Book}, year = {2001}, publisher = {P}, edition = {2}}
@book{other, author = {Doe, Jane}, title = {One Book}, year = {2001}, publisher = {Q}}
"""


def test_entries_of_one_file_are_merged_only_when_one_adds_nothing(scholar: Scholar, tmp_path: Path) -> None:
    root = _library(scholar, tmp_path)
    run = scholar("-L", root, "import", "-", input=TWINS)
    assert run.exit_code == 0, run.stderr
    assert run.lines == ["first", "more", "other"]
    assert "skipped copy: repeats the earlier entry first (same title, year and first author)" in run.stderr
    assert 'note: copy: merged into "first", which keeps "copy" as another key (ids)' in run.stderr
    assert (
        'note: more: looks like "first" (same title, year and first author) but differs in extra.edition;' in run.stderr
    )
    assert 'note: other: looks like "first" (same title, year and first author) but differs in publisher;' in run.stderr
    assert (
        run.stderr.splitlines()[-1] == "4 entries: imported 3, skipped 1 (already in the library), failed 0; 0 problems"
    )
    assert index.load(root).get("more").extra == {"edition": "2"}
    again = scholar("-L", root, "import", "-", input=TWINS)  # idempotent: each entry is there, by key or alias
    assert again.lines == []
    assert (
        again.stderr.splitlines()[-1]
        == "4 entries: imported 0, skipped 4 (already in the library), failed 0; 0 problems"
    )


def test_an_entry_the_library_has_is_skipped_naming_what_its_record_does_not_keep(
    scholar: Scholar, tmp_path: Path
) -> None:
    root = _library(scholar, tmp_path)
    scholar(
        "-L", root, "import", "-", input="@article{a, title = {T}, author = {Doe, J.}, doi = {10.1/x}, year = 2001}"
    )
    run = scholar(
        "-L",
        root,
        "import",
        "-",
        input="@article{b, title = {T}, author = {Doe, J.}, doi = {10.1/X}, year = 2002, note = {N}}",
    )
    assert run.exit_code == 0
    assert "skipped b: already in the library as a (same DOI); not kept from it: note, year, doi" in run.stderr


def test_merge_takes_what_other_adds_names_what_it_drops_and_keeps_other_as_a_key(
    scholar: Scholar, tmp_path: Path
) -> None:
    root = _library(scholar, tmp_path)
    scholar("-L", root, "import", "-", input=TWINS)
    before = {path: path.read_bytes() for path in root.rglob("*.toml")}
    dry = scholar("-L", root, "merge", "first", "other", "--dry-run")
    assert dry.exit_code == 0, dry.stderr
    assert 'publisher = "P"' in dry.stdout and 'ids = "copy, other"' in dry.stdout
    assert dry.stderr.splitlines() == [
        "publisher: kept 'P', dropped 'Q' (other's)",
        "would merge other into first; nothing was written",
    ]
    assert {path: path.read_bytes() for path in root.rglob("*.toml")} == before
    run = scholar("-L", root, "merge", "first", "more", "--prefer", "other")
    assert run.exit_code == 0, run.stderr
    assert run.stderr.splitlines()[0] == "first takes from more: extra.edition"
    assert not (root / "books" / "more.toml").exists() and not any(p.stem == "more" for p in root.rglob("*.toml"))
    merged = index.load(root).get("first")
    assert (merged.extra["edition"], merged.extra["ids"]) == ("2", "copy, more")
    assert scholar("-L", root, "import", "-", input=TWINS).lines == []  # every key still names the work


def test_merge_with_a_key_that_is_not_there_or_twice_the_same_is_a_one_line_error(
    scholar: Scholar, tmp_path: Path
) -> None:
    root = _library(scholar, tmp_path)
    scholar("-L", root, "import", "-", input=TWINS)
    for args, said in ((("first", "nothere"), 'error: no work with key "nothere"'),
                       (("first", "first"), 'error: cannot merge "first" into itself; name two works')):  # fmt: skip
        run = scholar("-L", root, "merge", *args)
        assert run.exit_code == 1 and len(run.stderr.splitlines()) == 1 and run.stderr.startswith(said)
    assert scholar("-L", root, "merge", "first", "other", "--prefer", "both").exit_code == 2


@pytest.mark.tools
def test_a_merged_work_exports_so_that_bibtex_and_biber_read_every_key_without_a_warning(
    scholar: Scholar, tmp_path: Path
) -> None:
    root = _library(scholar, tmp_path)
    scholar("-L", root, "import", "-", input=TWINS)
    assert scholar("-L", root, "merge", "first", "more").exit_code == 0
    for fmt, engine in (("bibtex", "bibtex"), ("biblatex", "biber")):
        where = tmp_path / fmt
        where.mkdir()
        scholar("-L", root, "export", fmt, "-o", where / "refs.bib")
        text = (where / "refs.bib").read_text()
        assert text.count("ids") == (1 if fmt == "biblatex" else 0)
        citing = "".join(f"\\cite{{{key}}}" for key in ("first", "copy", "more", "other"))
        head = "\\usepackage[backend=biber]{biblatex}\\addbibresource{refs.bib}" if engine == "biber" else ""
        tail = "\\printbibliography" if engine == "biber" else "\\bibliographystyle{plain}\\bibliography{refs}"
        (where / "doc.tex").write_text(
            f"\\documentclass{{article}}{head}\\begin{{document}}{citing}{tail}\\end{{document}}"
        )
        latex = [shutil.which("pdflatex") or "pdflatex", "-interaction=batchmode", "doc.tex"]
        subprocess.run(latex, cwd=where, capture_output=True, check=False)
        done = subprocess.run(
            [shutil.which(engine) or engine, "doc"], cwd=where, capture_output=True, text=True, check=False
        )
        assert done.returncode == 0, done.stdout
        assert "WARN" not in done.stdout and "Warning" not in done.stdout, done.stdout
        for _ in range(2):  # citations resolve on the second run after bibtex
            subprocess.run(latex, cwd=where, capture_output=True, check=False)
        assert "undefined" not in (where / "doc.log").read_text(errors="replace"), fmt


COUNTING_BST = "ENTRY {} {} {}\nFUNCTION {key.out} { cite$ write$ newline$ }\nREAD\nITERATE {key.out}\n"


def bibtex_entries(source: Path, where: Path) -> list[str]:
    """The entries bibtex reads from ``source``: a style that writes each entry's key, and
    \\nocite{*}, one a line. A repeated key counts once, as bibtex skips the repeat; an empty key
    (Mendeley writes `@article{,`) is an entry bibtex reads too."""
    where.mkdir()
    shutil.copyfile(source, where / "refs.bib")
    (where / "count.bst").write_text(COUNTING_BST)
    (where / "k.aux").write_text("\\citation{*}\n\\bibdata{refs}\n\\bibstyle{count}\n")
    subprocess.run([shutil.which("bibtex") or "bibtex", "k"], cwd=where, capture_output=True, check=False)
    return (where / "k.bbl").read_text(errors="replace").splitlines()


@pytest.mark.tools
@pytest.mark.parametrize("source", corpus_files(), ids=[path.name for path in corpus_files()])
def test_the_import_summary_accounts_for_every_entry_bibtex_reads(
    scholar: Scholar, tmp_path: Path, source: Path
) -> None:
    keys = bibtex_entries(source, tmp_path / "count")
    root = _library(scholar, tmp_path)
    run = scholar("-L", root, "import", source)
    summary = re.fullmatch(
        r"(\d+) entr(?:y|ies): imported (\d+), skipped (\d+) \(already in the library\), failed (\d+); \d+ problems?",
        run.stderr.splitlines()[-1],
    )
    assert summary, run.stderr
    entries, imported, skipped, failed = map(int, summary.groups())
    assert imported + skipped + failed == entries == len(keys)
    named = set(run.lines) | set(re.findall(r"^(?:skipped|note:|error:) ([^:\s]+)", run.stderr, flags=re.MULTILINE))
    assert len(run.lines) == imported
    assert not {key for key in keys if key not in named and not any(key in line for line in run.stderr.splitlines())}
