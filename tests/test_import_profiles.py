"""`scholar import --orcid/--dblp/--openalex`: a person's works and the person, from the recorded-response server."""

from __future__ import annotations

import json
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import LIBRARY_TOML, Run, interrupt_after, library_files, write_library
from fetch.server import FIXTURES, Answer, Recorded
from scholarcli import index

Scholar = Callable[..., Run]
pytestmark = pytest.mark.usefixtures("recorded")  # every service at the local server of recorded responses


SETTINGS = LIBRARY_TOML + '\n[venues.PRA]\nname = "Physical Review A"\nkind = "journal"\naliases = ["Phys. Rev. A"]\n'
COUCH = "0000-0002-7416-5858"
EGLEN = "0000-0001-8607-8025"
COUCH_DOI = "10.1103/PhysRevA.109.022426"


@pytest.fixture
def library(tmp_path: Path) -> Path:
    return write_library(tmp_path / "lib", {}, SETTINGS)


def serve_json(recorded: Recorded, path: str, data: Any) -> None:
    recorded.add(path, Answer(json.dumps(data).encode()))


def serve_couch(recorded: Recorded) -> None:
    """ORCID answers for a preprint and its published version, both made from one recorded full work.

    The recorded work (INSPIRE-HEP's, in ORCID) has a DOI and an arXiv id: the published version
    keeps the DOI, the preprint the arXiv id, dated by it (2309: September 2023). The person is
    ORCID's recorded answer for another iD with the name of the work's first author.
    """
    work = json.loads((FIXTURES / f"orcid/{COUCH}-work-154061860.json").read_text(encoding="utf-8"))
    ids = work["external-ids"]["external-id"]
    published = work | {
        "put-code": 1,
        "external-ids": {"external-id": [i for i in ids if i["external-id-type"] != "arxiv"]},
    }
    preprint = work | {
        "put-code": 2,
        "type": "preprint",
        "journal-title": {"value": "arXiv"},
        "publication-date": {"year": {"value": "2023"}, "month": {"value": "09"}},
        "external-ids": {"external-id": [i for i in ids if i["external-id-type"] == "arxiv"]},
        "url": None,
    }
    summaries = [{k: v for k, v in w.items() if k not in ("contributors", "citation")} for w in (published, preprint)]
    serve_json(recorded, f"/orcid/v3.0/{COUCH}/works", {"group": [{"work-summary": [s]} for s in summaries]})
    serve_json(recorded, f"/orcid/v3.0/{COUCH}/works/1,2", {"bulk": [{"work": published}, {"work": preprint}]})
    person = json.loads((FIXTURES / f"orcid/{EGLEN}-person.json").read_text(encoding="utf-8"))
    person["name"] |= {"given-names": {"value": "Josiah"}, "family-name": {"value": "Couch"}}
    serve_json(recorded, f"/orcid/v3.0/{COUCH}/person", person)


def test_orcid_merges_a_preprint_into_its_published_version_and_adds_the_person(
    scholar: Scholar, library: Path, recorded: Recorded
) -> None:
    serve_couch(recorded)
    run = scholar("-L", library, "import", "--orcid", f"https://orcid.org/{COUCH}")
    assert run.exit_code == 0, run.stderr
    assert run.stdout == "couch2024possibility\n"
    assert run.stderr == "added Josiah Couch to the people of library.toml\nimported 1, merged 1, skipped 0, failed 0\n"
    work = index.load(library).get("couch2024possibility")
    assert (work.type, work.doi, work.arxiv, work.venue, work.year) == ("article", COUCH_DOI, "2309.02506", "PRA", 2024)
    assert work.authors[0] == "Josiah Couch" and len(work.authors) == 5 and work.people == ()
    settings = (library / "library.toml").read_text()
    assert settings == SETTINGS + '\n[[people]]\nname = "Josiah Couch"\n'


def test_an_interrupted_import_from_a_profile_says_what_it_wrote_and_exits_130(
    scholar: Scholar, library: Path, recorded: Recorded
) -> None:
    from scholarcli.library import importing

    serve_couch(recorded)
    with pytest.MonkeyPatch.context() as patch:
        interrupt_after(patch, importing, "save", 1)
        run = scholar("-L", library, "import", "--orcid", COUCH)
    assert run.exit_code == 130 and run.stdout == "couch2024possibility\n"
    assert run.stderr.splitlines()[-1] == (
        "imported 1, merged 1, skipped 0, failed 0; interrupted (every record written is whole)"
    )
    assert [work.key for work in index.load(library).works] == ["couch2024possibility"]


def test_importing_twice_adds_nothing(scholar: Scholar, library: Path, recorded: Recorded) -> None:
    serve_couch(recorded)
    assert scholar("-L", library, "import", "--orcid", COUCH).exit_code == 0
    before = library_files(library)
    run = scholar("-L", library, "import", "--orcid", COUCH)
    assert (run.exit_code, run.stdout) == (0, "")
    assert run.stderr.splitlines() == [
        f"skipped doi:{COUCH_DOI}: already in the library as couch2024possibility (same DOI)",
        "imported 0, merged 1, skipped 1, failed 0",
    ]
    assert library_files(library) == before


def test_a_work_the_library_has_is_skipped(scholar: Scholar, library: Path, recorded: Recorded) -> None:
    serve_couch(recorded)
    typed = ("--type", "article", "--title", "Purification", "--doi", COUCH_DOI.lower(), "--key", "mine")
    assert scholar("-L", library, "add", *typed).exit_code == 0
    run = scholar("-L", library, "import", "--orcid", COUCH)
    assert "skipped doi:10.1103/PhysRevA.109.022426: already in the library as mine (same DOI)" in run.stderr
    assert [work.key for work in index.load(library).works] == ["mine"]


def test_a_failure_of_one_part_never_stops_the_rest(scholar: Scholar, library: Path, recorded: Recorded) -> None:
    recorded.file(f"/orcid/v3.0/{EGLEN}/person", f"orcid/{EGLEN}-person.json")
    recorded.file(f"/orcid/v3.0/{EGLEN}/works", f"orcid/{EGLEN}-works.json")  # their details are not served: 404
    run = scholar("-L", library, "import", "--orcid", EGLEN)
    assert run.exit_code == 1
    assert len(run.lines) == 11 and len(index.load(library).works) == 11
    lines = run.stderr.splitlines()
    assert lines[0] == "added Stephen Eglen to the people of library.toml"
    assert lines[1].startswith(f"error: {EGLEN}: ORCID: {EGLEN} works ") and lines[1].endswith(
        "(the works are listed without their authors)"
    )
    assert lines[2:] == ["imported 11, merged 8, skipped 0, failed 1"]
    # The summaries list no authors: each work names the person whose profile it came from.
    assert {work.people for work in index.load(library).works} == {("Stephen Eglen",)}
    assert len(scholar("-L", library, "list", "--person", "Stephen Eglen").lines) == 11


def test_dblp_person_by_address(scholar: Scholar, library: Path, recorded: Recorded) -> None:
    recorded.file("/dblp/pid/95/7448-1.xml", "dblp/pid-95-7448-1.xml")
    run = scholar("-L", library, "import", "--dblp", "https://dblp.org/pid/95/7448-1")
    assert run.exit_code == 0, run.stderr
    assert len(run.lines) == 8
    assert run.stderr.splitlines()[-1] == "imported 8, merged 0, skipped 0, failed 0"
    people = tomllib.loads((library / "library.toml").read_text())["people"]
    assert people[-1]["name"] == "Di Xu"


def test_openalex_gives_a_known_person_the_variants_they_lack(
    scholar: Scholar, make_library: Callable[..., Path], recorded: Recorded
) -> None:
    recorded.file("/openalex/authors/A5023888391", "openalex/A5023888391.json")
    recorded.file("/openalex/works", "openalex/works-list.json", query={"filter": "author.id:A5023888391"})
    settings = (
        '# mine\nschema = 1\n\n[[people]]\nname = "Jason Priem"   # the one\n\n[[people]]\nname = "Ada Lovelace"\n'
    )
    library = make_library({}, settings)
    run = scholar("-L", library, "import", "--openalex", "A5023888391")
    assert run.exit_code == 0, run.stderr
    assert run.stderr.splitlines() == [
        "added to Jason Priem in library.toml the variants Priem Jason",
        "imported 2, merged 0, skipped 0, failed 0",
    ]
    assert (library / "library.toml").read_text() == settings.replace(
        "# the one\n", '# the one\nvariants = ["Priem Jason"]\n'
    )
    assert scholar("-L", library, "import", "--openalex", "A5023888391").stderr.splitlines()[-1] == (
        "imported 0, merged 0, skipped 2, failed 0"
    )


def test_an_unknown_person_is_one_line_and_writes_nothing(scholar: Scholar, library: Path, recorded: Recorded) -> None:
    recorded.file(f"/orcid/v3.0/{EGLEN}/person", "orcid/not-found.json", 404)
    before = library_files(library)
    run = scholar("-L", library, "import", "--orcid", EGLEN)
    assert (run.exit_code, run.stdout) == (1, "")
    assert run.stderr.startswith(f"error: ORCID: {EGLEN}: no such ORCID iD (404: ") and run.stderr.count("\n") == 1
    assert library_files(library) == before


@pytest.mark.parametrize("args", [[], ["refs.bib", "--orcid", COUCH], ["--dblp", "x", "--openalex", "y"]])
def test_exactly_one_source(scholar: Scholar, library: Path, args: list[str]) -> None:
    run = scholar("-L", library, "import", *args)
    assert run.exit_code == 2
    assert "give exactly one of FILE, --orcid, --dblp, --openalex" in run.stderr


def test_works_of_the_wrong_shape_fail_one_line_each_and_the_rest_are_imported(
    scholar: Scholar, library: Path, recorded: Recorded
) -> None:
    """ORCID answers where one summary's external-ids is a list and another's title a number: those
    two fail, each on its line, and every other work is imported; no internal error stops the batch."""
    recorded.file(f"/orcid/v3.0/{EGLEN}/person", f"orcid/{EGLEN}-person.json")
    works = json.loads((FIXTURES / f"orcid/{EGLEN}-works.json").read_text(encoding="utf-8"))
    first, second = (group["work-summary"][0] for group in works["group"][:2])
    first["external-ids"] = ["x"]
    first["title"] = {"title": {"value": 5}}
    second["publication-date"] = {"year": {"value": -5}, "month": [1]}
    second["put-code"] = "1/../../x"
    serve_json(recorded, f"/orcid/v3.0/{EGLEN}/works", works)
    run = scholar("-L", library, "import", "--orcid", EGLEN)
    assert run.exit_code == 1
    assert "unexpected" not in run.stderr
    errors = [line for line in run.stderr.splitlines() if line.startswith("error:")]
    code = first["put-code"]
    assert f"error: {EGLEN} work {code}: ORCID: {code}: the work has no title" in errors
    assert len(errors) == 2  # and the details of the works, which are not served
    assert run.stderr.splitlines()[-1].startswith("imported ")
    assert not any("/../" in seen.path for seen in recorded.requests)  # a put-code that is no number is never asked for
    assert len(index.load(library).works) >= 10
