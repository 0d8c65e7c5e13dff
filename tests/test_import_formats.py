"""RIS and CSL-JSON from the wild: every record is imported or reported, and pandoc reads scholar's
CSL-JSON export of the import as it reads the source.

The corpus is tests/corpus/ris and tests/corpus/csl-json (sources, commits and licences in each
SOURCES.md). Each file is imported into a fresh library; pandoc reads the source (``-f ris`` or
``-f csljson``) and scholar's ``export csl-json`` (``-f csljson``), both to CSL-JSON, and every
variable both carry must agree. The allowances, each a difference in how the same thing is written:

- names are compared as the whole name (given, particles, family, suffix): CSL keeps particles apart,
  scholar keeps them in the family name as BibTeX does;
- ``issued`` is compared on its first date's year, month and day (a season, CSL's months 13 to 24,
  is no month): scholar's record holds the first day of a range, a season or a circa date (the
  whole date is kept in extra). pandoc reads an RIS date with more than a year (``2014//``,
  ``2019/05/17``) as no date, and takes the first of PY and Y1 where scholar takes the year of PY
  and the month and day of the first date of that year: RIS dates are compared on the parts both have;
- ``page`` with a hyphen or an en dash, a DOI in any case and with its resolver's address or
  ``doi:`` (scholar keeps the DOI alone), white space runs in text, and keywords as a set (pandoc
  joins RIS keywords with commas, which scholar's tags may hold);
- a venue scholar links to its registry is exported under the registry's name and acronym;
- RIS types are not compared: pandoc maps TY its own way (GEN to ``entry``, EJOUR to ``article``);
  scholar's mapping is tested in test_ris_reading.py. A CSL type that is no CSL type (Crossref's
  ``journal-article``) comes back as the CSL type of the work type scholar reads it as;
- pandoc's RIS reader stops at a line outside its grammar, so it is given the records alone: lines
  outside records left out, a value's continuation lines joined to it, an ER after each record; and
  it reads CSL-JSON's object of items by id only in part, so it is given the items as an array.

A file pandoc cannot read at all is named in UNREADABLE, and only the export is read then.
"""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import Run
from corpus_tools import (
    LANES,
    UNCITABLE,
    biber_keys,
    bibtex_read,
    compile_with_biber,
    compile_with_bibtex,
    isolated_env,
    round_trip,
    tool,
)
from scholarcli.formats.csl_json_reading import CROSSREF_TYPES
from scholarcli.formats.exports.csl_json import TYPES, WORK_TYPE_OF
from scholarcli.formats.inputs import decode
from scholarcli.library.importing import ImportReport, import_entries
from scholarcli.model import Settings

Scholar = Callable[..., Run]
CORPUS = Path(__file__).parent / "corpus"
RIS_FILES = sorted((CORPUS / "ris").glob("*.ris"))
CSL_FILES = sorted((CORPUS / "csl-json").glob("*.json"))
FILES = [*RIS_FILES, *CSL_FILES]
_RIS_START = re.compile(r"^\ufeff?TY[ \t]{1,2}-", re.MULTILINE)
_RIS_LINE = re.compile(r"([A-Z][A-Z0-9])[ \t]{1,2}-(?:[ \t]+(.*))?")

# Differences that are decisions, each with its reason; strict: one that no longer shows fails.
KNOWN_DIFFERENCES = {
    ("jabref-1.ris", "issued"): 'PY "99" is no year to scholar (a problem it reports); pandoc reads the year 99',
    ("jabref-1.ris", "container-title"): (
        "a conference paper's venue is its T2 (Zotero's and EndNote's RIS); pandoc takes the first of JO, JF, T2 "
        "and BT in the file"
    ),
    ("zotero-ris-test-02.ris", "keyword"): (
        "a KW value over two lines is two keywords, as Zotero reads it; the lines are joined for pandoc"
    ),
    ("jabref-science.ris", "container-title"): (
        'the venue registry takes "Acta Materialia" for ACTA (Acta Informatica): its acronym is a strong match key '
        "in venues/registry.tsv"
    ),
}
# bibtex's warnings about what a source says (see the test of the BibTeX exports).
SOURCE_SAYS = {
    "nothing to sort by in <key>",
    "can't use both author and editor fields in <key>",
    "can't use both volume and number fields in <key>",  # a book in a numbered series, as the source says
}
# bibtex's "empty year in <key>" and the like: a field the entry type requires that the source does
# not have. The import invents none (no "n.d." year, no @misc for a journal article without a journal).
SOURCE_LACKS = re.compile(r"empty [a-z]+( and [a-z]+)? in <key>")
# Exports pdflatex cannot typeset with the T1 fonts of the citing document, and why; strict.
NO_FONT: dict[tuple[str, str], str] = {}
# Files pandoc cannot read, and why.
UNREADABLE = {
    "doi-org-citationjs-recorded.json": "Crossref's lists (title, container-title, ISSN) where CSL has text",
}


def _records_in(path: Path) -> int:
    """How many records the file holds, counted without scholar's readers."""
    text, _ = decode(path.read_bytes())
    if path.suffix == ".ris":
        return len(_RIS_START.findall(text))
    data = json.loads(text)
    return len(data) if isinstance(data, list | dict) else 1


def _imported(scholar: Scholar, path: Path, root: Path) -> ImportReport:
    assert scholar("init", root).exit_code == 0
    text, _ = decode(path.read_bytes())
    return import_entries(root, text, path.name)


@pytest.mark.parametrize("source", FILES, ids=[path.name for path in FILES])
def test_every_record_is_imported_or_reported(scholar: Scholar, source: Path, tmp_path: Path) -> None:
    report = _imported(scholar, source, tmp_path / "lib")
    refused = {problem.path for problem in report.problems if problem.field and problem.path != source.name}
    skipped_whole = [p for p in report.problems if p.path == source.name and p.field.startswith(("record ", "item "))]
    accounted = len(report.added) + report.skipped + len(refused) + len(skipped_whole)
    assert accounted == _records_in(source), report
    assert report.stopped is None


def test_every_corpus_file_has_its_source_commit_and_licence_recorded() -> None:
    for folder, files in (("ris", RIS_FILES), ("csl-json", CSL_FILES)):
        text = (CORPUS / folder / "SOURCES.md").read_text(encoding="utf-8")
        rows = {
            cells[0].strip("` "): cells
            for line in text.splitlines()
            if line.startswith("| `") and len(cells := [cell.strip() for cell in line.strip("|").split("|")]) == 8
        }
        assert set(rows) == {path.name for path in files}
        for path in files:
            _, kind, repository, where, commit, licence, extent, entries = rows[path.name]
            assert re.fullmatch(r"`[0-9a-f]{40}`", commit), path.name
            assert kind and repository.count("/") == 1 and where and licence, path.name
            assert extent.startswith(("whole", "excerpt")), path.name
            assert int(entries) == _records_in(path), path.name
    assert len(RIS_FILES) >= 20 and len(CSL_FILES) >= 15


# --- the round trip through pandoc ---------------------------------------------------------------


def _pandoc(text: str, reader: str) -> list[dict[str, Any]]:
    done = subprocess.run(
        [tool("pandoc"), "-f", reader, "-t", "csljson"], input=text, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    items: list[dict[str, Any]] = json.loads(done.stdout)
    return items


def _ris_for_pandoc(text: str) -> str:
    """The records of an RIS text as pandoc's reader takes them (see the module's allowances)."""
    records: list[list[list[str]]] = []
    inside = False
    for line in re.split(r"\r\n|\r|\n", text.replace("\ufeff", "")):
        found = _RIS_LINE.fullmatch(line.rstrip())
        if found and found.group(1) == "TY":
            records.append([])
            inside = True
        if found and found.group(1) == "ER":
            inside = False
        elif found and inside:
            records[-1].append([found.group(1), (found.group(2) or "").strip()])
        elif inside and line.strip() and records[-1]:
            records[-1][-1][1] += " " + line.strip()
    return "".join("".join(f"{tag}  - {value}\n" for tag, value in record) + "ER  - \n\n" for record in records)


def _name(name: dict[str, Any]) -> str:
    parts = ("given", "dropping-particle", "non-dropping-particle", "family", "suffix", "literal")
    return " ".join(" ".join(str(name.get(part) or "") for part in parts).split())


def _first_day(date: Any) -> tuple[int, ...]:
    """The first date's year, month and day, up to the first that is none (a season's month 21)."""
    parts = [int(part) for part in date["date-parts"][0]] if isinstance(date, dict) and date.get("date-parts") else []
    if len(parts) > 1 and not 1 <= parts[1] <= 12:
        parts = parts[:1]
    return tuple(parts)


def _csl_type(kind: str) -> str:
    """The CSL type scholar's export gives an item of this type."""
    if kind in WORK_TYPE_OF:
        return kind
    return TYPES[CROSSREF_TYPES.get(kind, "misc")]


def _registry_name(venue: str) -> str:
    """A venue as the registry names it, "Name (ACRONYM)", without its acronym: the name."""
    found = re.fullmatch(r"(.*) \(([^()]+)\)", venue)
    entry = Settings(schema=1).venue(found.group(2)) if found else None
    return entry.name if found and entry and entry.name == found.group(1) else venue


NORMAL: dict[str, Callable[[Any], Any]] = {
    "author": lambda names: [_name(name) for name in names],
    "issued": _first_day,
    "page": lambda page: str(page).replace("–", "-"),
    "DOI": lambda doi: re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", "", str(doi).strip(), flags=re.I).casefold(),
    "keyword": lambda words: {word.strip() for word in re.split(r"[,;]", str(words)) if word.strip()},
}


def _normal(variable: str, value: Any) -> Any:
    if variable in NORMAL:
        return NORMAL[variable](value)
    return " ".join(value.split()) if isinstance(value, str) else value


def _agreeing(theirs: dict[str, Any], ours: dict[str, Any]) -> tuple[int, bool]:
    """How many variables agree, then whether the type does: items alike but for their type (a
    file of every item type, each titled "Title") are told apart by it, now that each is a work."""
    shared = set(theirs) & set(ours) - {"id", "type"}
    same_type = _csl_type(theirs.get("type", "")) == ours.get("type")
    return sum(_normal(name, theirs[name]) == _normal(name, ours[name]) for name in shared), same_type


def _differences(source: Path, theirs: dict[str, Any], ours: dict[str, Any]) -> list[tuple[str, str]]:
    """(variable, what differs) for each variable both carry that does not agree."""
    found = []
    for variable in sorted(set(theirs) & set(ours) - {"id", "type"}):
        mine, source_value = _normal(variable, ours[variable]), _normal(variable, theirs[variable])
        if variable == "issued" and source.suffix == ".ris":
            mine, source_value = mine[: len(source_value)], source_value[: len(mine)]
        if variable == "container-title":
            mine = _registry_name(mine) if mine != source_value else mine
        if mine != source_value:
            found.append((variable, f"source {source_value!r} != export {mine!r}"))
    if source.suffix == ".json" and _csl_type(theirs.get("type", "")) != ours.get("type"):
        found.append(("type", f"source {theirs.get('type')!r} != export {ours.get('type')!r}"))
    return found


def _source_read_by_pandoc(source: Path) -> list[dict[str, Any]]:
    text, _ = decode(source.read_bytes())
    if source.suffix == ".ris":
        return _pandoc(_ris_for_pandoc(text), "ris")
    data = json.loads(text)
    return _pandoc(json.dumps(list(data.values()) if isinstance(data, dict) else data), "csljson")


def _counterpart(theirs: list[dict[str, Any]], item: dict[str, Any]) -> dict[str, Any]:
    """The source item an exported item came from: the one under its key, else the one with its
    title that agrees with it most."""
    if same_id := [candidate for candidate in theirs if candidate.get("id") == item["id"]]:
        return same_id[0]
    titled = [
        candidate
        for candidate in theirs
        if _normal("title", candidate.get("title")) == _normal("title", item.get("title"))
    ]
    return max(titled or theirs, key=lambda candidate: _agreeing(candidate, item))


@pytest.mark.tools
@pytest.mark.parametrize("source", list(UNREADABLE))
def test_the_files_pandoc_cannot_read_are_still_unreadable_to_it(source: str) -> None:
    done = subprocess.run(
        [tool("pandoc"), "-f", "csljson", "-t", "csljson", CORPUS / "csl-json" / source],
        capture_output=True,
        check=False,
    )
    assert done.returncode != 0, f"pandoc reads {source} now: take it off UNREADABLE"


@pytest.mark.tools
@pytest.mark.parametrize("source", FILES, ids=[path.name for path in FILES])
def test_pandoc_reads_the_export_as_it_reads_the_source(scholar: Scholar, source: Path, tmp_path: Path) -> None:
    root = tmp_path / "lib"
    report = _imported(scholar, source, root)
    export = scholar("-L", root, "export", "csl-json")
    assert export.exit_code == 0, export.stderr
    ours = _pandoc(export.stdout, "csljson")
    assert len(ours) == len(report.added)
    if source.name in UNREADABLE:
        return
    theirs = _source_read_by_pandoc(source)
    failures, seen = [], set()
    for item in ours:
        for variable, text in _differences(source, _counterpart(theirs, item), item):
            seen.add((source.name, variable))
            if (source.name, variable) not in KNOWN_DIFFERENCES:
                failures.append(f"{item['id']}: {variable}: {text}")
    assert not failures, "\n".join(failures)
    known = {pair for pair in KNOWN_DIFFERENCES if pair[0] == source.name}
    assert known <= seen, f"known differences that no longer show: {known - seen}"


@pytest.mark.tools
@pytest.mark.parametrize("source", FILES, ids=[path.name for path in FILES])
def test_the_bibtex_exports_of_the_import_compile_with_every_key(source: Path, tmp_path: Path) -> None:
    """What the import kept in extra is BibTeX source the exports write as it is: bibtex and biber
    read every entry, a document citing each key compiles, and bibtex (plain) warns of nothing but
    what the source says: a work with no author and no title has nothing to sort by, a book with
    authors and editors (or a volume and a series number) holds both, which plain.bst's book does not,
    and a field the entry type requires is missing where the source has none."""
    env = isolated_env(tmp_path)
    (tmp_path / "trip").mkdir()
    trip = round_trip(source, tmp_path / "trip", env)
    assert not trip.problems, trip.problems
    keys = [
        key for key in bibtex_read(trip.exports["bibtex"], tmp_path / "keys", env).keys if not UNCITABLE.search(key)
    ]
    entries = re.findall(r"^@\w+\{(.*),$", trip.exports["bibtex"].read_text(encoding="utf-8"), re.MULTILINE)
    assert sorted(keys) == sorted(key for key in entries if not UNCITABLE.search(key)), trip.messages
    assert set(keys) <= set(biber_keys(trip.exports["biblatex"], tmp_path / "biber-keys", env))
    for lane in LANES:
        bib, work = trip.exports[lane.name], tmp_path / lane.name
        compiled = (
            compile_with_bibtex(bib, keys, work, env)
            if lane.engine == "bibtex"
            else compile_with_biber(bib, keys, work, env, 1)
        )
        assert compiled.fatal == ((source.name, lane.name) in NO_FONT), (lane.name, compiled)
        assert not compiled.undefined, (lane.name, compiled)
        if lane.engine == "bibtex":
            told = {warning for warning in compiled.warnings if warning[1] not in SOURCE_SAYS}
            assert not {warning for warning in told if not SOURCE_LACKS.fullmatch(warning[1])}, compiled.warnings
