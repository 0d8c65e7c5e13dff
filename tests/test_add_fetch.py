"""`scholar add IDENTIFIER`: a work fetched by DOI, arXiv id or DBLP key, from the recorded-response server."""

from __future__ import annotations

import socket
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import LIBRARY_TOML, Run, library_files, write_library
from fetch import hostile
from fetch.server import Answer, Recorded
from scholarcli import index
from scholarcli.store.records import record_text

Scholar = Callable[..., Run]
pytestmark = pytest.mark.usefixtures("recorded")  # every service at the local server of recorded responses


SETTINGS = LIBRARY_TOML + '\n[venues.PLOSONE]\nname = "PLOS ONE"\nkind = "journal"\naliases = ["PLoS ONE"]\n'
PLOS = "10.1371/journal.pone.0033693"
WWW = "10.1145/3184558.3186235"


@pytest.fixture
def library(tmp_path: Path) -> Path:
    return write_library(tmp_path / "lib", {}, SETTINGS)


def serve(recorded: Recorded) -> None:
    recorded.file(f"/crossref/works/{PLOS}", "crossref/10.1371-journal.pone.0033693.json")
    recorded.file(f"/crossref/works/{WWW}", "crossref/10.1145-3184558.3186235.json")
    recorded.file("/arxiv/api/query", "arxiv/1710.08557.xml", query={"id_list": "1710.08557"})
    recorded.file("/arxiv/api/query", "arxiv/astro-ph-9812133.xml", query={"id_list": "astro-ph/9812133"})
    recorded.file("/arxiv/api/query", "arxiv/math-0211159.xml", query={"id_list": "math/0211159"})
    recorded.file("/dblp/rec/conf/cpaior/JabsBJ24.xml", "dblp/rec-conf-cpaior-JabsBJ24.xml")
    recorded.file("/dblp/rec/journals/jair/JabsBNJ24.xml", "dblp/rec-journals-jair-JabsBNJ24.xml")


def add(scholar: Scholar, root: Path, *args: str) -> Run:
    return scholar("-L", root, "add", *args)


def test_add_by_doi_prints_and_saves_the_record_with_the_registry_acronym(
    scholar: Scholar, library: Path, recorded: Recorded
) -> None:
    serve(recorded)
    run = add(scholar, library, f"https://doi.org/{PLOS}")
    assert run.exit_code == 0, run.stderr
    assert run.stderr == "added publications/sadasivan2012methylphenidate.toml\n"
    work = index.load(library).get("sadasivan2012methylphenidate")
    assert run.stdout == record_text(work) == (library / "publications/sadasivan2012methylphenidate.toml").read_text()
    assert (work.type, work.venue, work.doi, work.year, work.volume) == ("article", "PLOSONE", PLOS, 2012, "7")
    assert len(work.authors) == 6 and work.authors[0] == "Shankar Sadasivan"
    assert recorded.requests[0].headers["user-agent"].startswith("scholar/")


def test_the_contact_email_of_the_config_file_goes_in_the_user_agent(
    scholar: Scholar, library: Path, recorded: Recorded, tmp_path: Path
) -> None:
    serve(recorded)
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "config.toml").write_text('contact_email = "ada@example.org"\n')
    assert add(scholar, library, WWW).exit_code == 0
    assert recorded.requests[0].headers["user-agent"].endswith("(mailto:ada@example.org)")


@pytest.mark.parametrize(
    ("identifier", "key", "arxiv"),
    [
        ("arXiv:1710.08557", "valerocuevas2017neuromechanical", "1710.08557"),
        ("https://arxiv.org/abs/astro-ph/9812133", "perlmutter1998measurements", "astro-ph/9812133"),
        ("math/0211159", "perelman2002entropy", "math/0211159"),
    ],
)
def test_add_by_arxiv_id_new_and_old_style(
    scholar: Scholar, library: Path, recorded: Recorded, identifier: str, key: str, arxiv: str
) -> None:
    serve(recorded)
    run = add(scholar, library, identifier)
    assert run.exit_code == 0, run.stderr
    work = index.load(library).get(key)
    assert (work.type, work.venue, work.arxiv) == ("preprint", "arXiv", arxiv)
    assert run.stdout == record_text(work)


@pytest.mark.parametrize("identifier", ["DBLP:conf/cpaior/JabsBJ24", "https://dblp.org/rec/conf/cpaior/JabsBJ24.html"])
def test_add_by_dblp_key_or_address(scholar: Scholar, library: Path, recorded: Recorded, identifier: str) -> None:
    serve(recorded)
    run = add(scholar, library, identifier)
    assert (run.exit_code, run.stderr) == (0, "added publications/jabs2024core.toml\n")
    work = index.load(library).get("jabs2024core")
    assert (work.type, work.venue, work.authors[2], work.pages) == (
        "inproceedings",
        "CPAIOR",
        "Matti Järvisalo",
        "1-19",
    )


def test_options_override_what_was_fetched(scholar: Scholar, library: Path, recorded: Recorded) -> None:
    serve(recorded)
    run = add(
        scholar,
        library,
        WWW,
        *("--type", "misc", "--venue", "The Web Conference", "--tag", "rdf", "--tag", "ml", "--key", "dllearner"),
        *("--equal", "Lorenz Bühmann", "--equal", "Jens Lehmann", "--note", "demo", "--year", "2017"),
    )
    assert (run.exit_code, run.stderr) == (0, "added publications/dllearner.toml\n")
    work = index.load(library).get("dllearner")
    assert (work.type, work.venue, work.tags, work.note, work.year) == (
        "misc",
        "The Web Conference",
        ("rdf", "ml"),
        "demo",
        2017,
    )
    assert work.equal_contribution == ("Lorenz Bühmann", "Jens Lehmann") and work.doi == WWW


def test_dry_run_prints_the_record_and_writes_nothing(scholar: Scholar, library: Path, recorded: Recorded) -> None:
    serve(recorded)
    before = library_files(library)
    run = add(scholar, library, WWW, "--dry-run", "--tag", "rdf")
    assert run.exit_code == 0, run.stderr
    assert run.stdout.startswith(
        'type = "inproceedings"\ntitle = "DL-Learner Structured Machine Learning on Semantic Web Data"\n'
    )
    assert 'tags = [\n    "rdf",\n]\n' in run.stdout
    assert run.stderr == "would add publications/buhmann2018dllearner.toml; nothing was written\n"
    assert library_files(library) == before


def test_dry_run_of_a_typed_work_prints_its_record(scholar: Scholar, library: Path) -> None:
    before = library_files(library)
    run = add(scholar, library, "--type", "misc", "--title", "Notes", "--author", "Ada Lovelace", "--dry-run")
    assert (run.exit_code, run.stdout) == (0, 'type = "misc"\ntitle = "Notes"\nauthors = [\n    "Ada Lovelace",\n]\n')
    assert run.stderr == "would add publications/lovelace-notes.toml; nothing was written\n"
    assert library_files(library) == before


def test_the_same_doi_again_fills_what_is_missing_and_lists_the_disagreements(
    scholar: Scholar, library: Path, recorded: Recorded
) -> None:
    serve(recorded)
    typed = ("--type", "article", "--title", "A simple guide", "--author", "Shankar Sadasivan", "--year", "2011")
    assert add(scholar, library, *typed, "--doi", PLOS.upper(), "--tag", "mine").exit_code == 0
    path = library / "publications/sadasivan2011simple.toml"
    run = add(scholar, library, PLOS)
    assert run.exit_code == 0, run.stderr
    work = index.load(library).get("sadasivan2011simple")
    assert (work.title, work.year, work.doi, work.tags) == ("A simple guide", 2011, PLOS.upper(), ("mine",))  # kept
    assert (work.venue, work.month, work.volume, work.issue) == ("PLOSONE", 3, "7", "3")  # filled
    assert run.stdout == record_text(work) == path.read_text()
    assert run.stderr.splitlines() == [
        'sadasivan2011simple: title differs: library "A simple guide", Crossref "Methylphenidate Exposure Induces Dopamine Neuron Loss and Activation of Microglia in the Basal Ganglia of Mice" (kept; --update overwrites it)',
        'sadasivan2011simple: authors differs: library ["Shankar Sadasivan"], Crossref '
        '["Shankar Sadasivan", "Brooks B. Pond", "Amar K. Pani", "Chunxu Qu", "Yun Jiao", "Richard J. Smeyne"] (kept; --update overwrites it)',
        "sadasivan2011simple: year differs: library 2011, Crossref 2012 (kept; --update overwrites it)",
        "publications/sadasivan2011simple.toml: already in the library (same DOI): filled venue, month, day, volume, issue, pages, publisher",
    ]
    again = add(scholar, library, PLOS)
    assert (
        again.stderr.splitlines()[-1]
        == "publications/sadasivan2011simple.toml: already in the library (same DOI): nothing to fill"
    )
    assert path.read_text() == run.stdout


def test_update_overwrites_the_fields_that_disagree(scholar: Scholar, library: Path, recorded: Recorded) -> None:
    serve(recorded)
    typed = ("--type", "article", "--title", "A simple guide", "--author", "Shankar Sadasivan", "--year", "2011")
    assert add(scholar, library, *typed, "--doi", PLOS, "--tag", "mine").exit_code == 0
    dry = add(scholar, library, PLOS, "--update", "--dry-run")
    assert dry.stderr.splitlines()[-1].endswith(
        "would have filled venue, month, day, volume, issue, pages, publisher; overwrote title, authors, year; nothing was written"
    )
    run = add(scholar, library, PLOS, "--update")
    assert run.exit_code == 0, run.stderr
    assert "year differs: library 2011, Crossref 2012 (overwritten)" in run.stderr
    assert run.stderr.splitlines()[-1].endswith(
        "filled venue, month, day, volume, issue, pages, publisher; overwrote title, authors, year"
    )
    work = index.load(library).get("sadasivan2011simple")  # the key stays
    assert (work.title, work.year, len(work.authors), work.tags) == (
        "Methylphenidate Exposure Induces Dopamine Neuron Loss and Activation of Microglia in the Basal Ganglia of Mice",
        2012,
        6,
        ("mine",),
    )


def test_an_arxiv_preprint_in_the_library_is_found_by_its_id(
    scholar: Scholar, library: Path, recorded: Recorded
) -> None:
    serve(recorded)
    typed = ("--type", "preprint", "--title", "Neuromechanics", "--arxiv", "arXiv:1710.08557v2", "--key", "mine")
    assert add(scholar, library, *typed).exit_code == 0
    run = add(scholar, library, "1710.08557")
    assert run.stderr.splitlines()[-1].startswith(
        "publications/mine.toml: already in the library (same arXiv id): filled authors,"
    )
    assert "arxiv differs" not in run.stderr  # the same paper, whatever the version


def test_an_invalid_result_writes_nothing(scholar: Scholar, library: Path, recorded: Recorded) -> None:
    serve(recorded)
    before = library_files(library)
    run = add(scholar, library, WWW, "--equal", "Ada Lovelace")
    assert run.exit_code == 1
    assert run.stderr == (
        'error: publications/buhmann2018dllearner.toml: equal_contribution: "Ada Lovelace" is not one of the authors\n'
    )
    assert {name: data for name, data in library_files(library).items() if name != ".scholar.lock"} == before


def test_update_needs_an_identifier(scholar: Scholar, library: Path) -> None:
    run = add(scholar, library, "--type", "misc", "--title", "T", "--update")
    assert run.exit_code == 2 and "--update needs an IDENTIFIER" in run.stderr


def refused_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


FAILURES = {
    "404": (
        "10.1126/foo",
        "error: doi.org: 10.1126/foo: no such DOI (404: Error: DOI Not Found)\n",
    ),
    "malformed identifier": (
        "arXiv:2413.00001",
        "error: arXiv: arXiv:2413.00001: not a valid arXiv id (e.g. 2409.13598v2 or hep-th/9901001)\n",
    ),
    "malformed answer": (
        WWW,
        f"error: Crossref: {WWW}: answered with an HTML page, not JSON\n",
    ),
    "connection refused": (PLOS, f"error: Crossref: {PLOS}: cannot reach 127.0.0.1 ("),
    "truncated JSON": (
        PLOS,
        f"error: Crossref: {PLOS}: answered with unreadable JSON at character 2689 (truncated?)\n",
    ),
    "openreview": (
        "https://openreview.net/forum?id=5RielfrDkP",
        "error: OpenReview: 5RielfrDkP: reading OpenReview is not supported; add the work by its arXiv id or DOI\n",
    ),
}


@pytest.mark.parametrize("case", FAILURES)
def test_each_failure_is_one_line_naming_the_service_and_the_identifier_and_writes_nothing(
    scholar: Scholar, library: Path, recorded: Recorded, monkeypatch: pytest.MonkeyPatch, case: str
) -> None:
    recorded.file("/crossref/works/10.1126/foo", "crossref/not-found.txt", 404)
    recorded.file("/doi/10.1126/foo", "doi/not-found.html", 404)
    recorded.file(f"/crossref/works/{WWW}", "doi/not-found.html", 200)
    recorded.file(f"/crossref/works/{PLOS}", "crossref/truncated.json")
    if case == "connection refused":
        monkeypatch.setenv("SCHOLAR_CROSSREF_URL", f"http://127.0.0.1:{refused_port()}")
    identifier, message = FAILURES[case]
    before = library_files(library)
    run = add(scholar, library, identifier, "--tag", "x")
    assert (run.exit_code, run.stdout) == (1, "")
    assert run.stderr.startswith(message) and run.stderr.count("\n") == 1, run.stderr
    assert library_files(library) == before


HOSTILE_ANSWERS: dict[str, tuple[Callable[[], Answer], str]] = {
    "a 16 MiB gzip bomb": (lambda: hostile.gzip_bomb(16 << 20), "answered with more than 8 MiB"),
    "an endless body": (hostile.endless_chunks, "answered with more than 8 MiB"),
    "a redirect loop": (
        lambda: Answer(status=302, headers={"Location": "{base}/crossref/works/" + PLOS}),
        "redirected more than 5 times",
    ),
    "JSON 100,000 deep": (lambda: hostile.deep_json(100_000), "answered with JSON nested too deeply"),
}


@pytest.mark.parametrize("case", HOSTILE_ANSWERS)
def test_a_hostile_answer_is_one_error_line_with_the_limits_a_user_gets(
    scholar: Scholar, library: Path, recorded: Recorded, case: str
) -> None:
    """The command's own client (8 MiB an answer, 5 redirects): one line, nothing written, no traceback."""
    answer, says = HOSTILE_ANSWERS[case]
    recorded.add(f"/crossref/works/{PLOS}", answer())
    before = library_files(library)
    run = add(scholar, library, PLOS)
    assert (run.exit_code, run.stdout) == (1, "")
    assert run.stderr.startswith(f"error: Crossref: {PLOS}: {says}") and run.stderr.count("\n") == 1, run.stderr
    assert library_files(library) == before
