"""`scholar refresh` through the command line, against the local server of recorded responses."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Run, interrupt_after, write_library
from fetch.server import Answer, Recorded, Sleeps

Scholar = Callable[..., Run]
SETTINGS = """\
schema = 1

[[people]]
name = "Shankar Sadasivan"

[marks.corresponding]
symbol = "†"
legend = "corresponding author"

[venues.PONE]
name = "Public Library of Science ONE"
kind = "journal"
aliases = ["PLoS ONE"]

[venues.arXiv]
name = "arXiv"
kind = "preprint"
"""
SADASIVAN = """\
type = "article"
title = "Methylphenidate exposure induces dopamine neuron loss and activation of microglia in the basal ganglia of mice"
authors = ["Shankar Sadasivan", "Brooks B. Pond"]
authors_truncated = true
venue = "PONE"
year = 2011
doi = "10.1371/journal.pone.0033693"
url = "https://example.org/methylphenidate"
tags = ["neuro"]
note = "Read twice."
"""
PERELMAN = """\
type = "preprint"
title = "The entropy formula for the Ricci flow and its geometric applications"
authors = ["Grisha Perelman"]
venue = "arXiv"
year = 2002
arxiv = "math/0211159"
categories = ["math.DG"]
"""
SHINOGI = """\
type = "preprint"
title = "A Test Cost Reduction Method by Test Response and Test Vector Overlapping for Full-Scan Test Architecture"
authors = ["Tsuyoshi Shinogi", "Hiroyuki Yamada", "Terumine Hayashi", "Shinji Tsuruoka", "Tomohiro Yoshikawa"]
venue = "arXiv"
year = 2005
"""
RECORDS = {
    "publications/sadasivan2012methylphenidate": SADASIVAN,
    "publications/perelman2002entropy": PERELMAN,
    "publications/shinogi2005test": SHINOGI,
    "publications/notes": 'type = "misc"\ntitle = "Notes to self"\n',
}
NO_HITS = b'{"result": {"hits": {"@total": "0"}}}'


pytestmark = pytest.mark.usefixtures("refresh_client")


@pytest.fixture
def served(recorded: Recorded) -> Recorded:
    recorded.file("/crossref/works/10.1371/journal.pone.0033693", "crossref/10.1371-journal.pone.0033693.json")
    recorded.file("/arxiv/api/query", "arxiv/math-0211159.xml", query={"id_list": "math/0211159"})
    recorded.file("/dblp/search/publ/api", "dblp/search-test.json", query={"q": SHINOGI.split('"')[3]})
    recorded.add("/dblp/search/publ/api", Answer(NO_HITS), query={"q": PERELMAN.split('"')[3]})
    return recorded


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return write_library(tmp_path / "lib", RECORDS, SETTINGS)


def record(root: Path, key: str) -> dict[str, object]:
    return tomllib.loads((root / "publications" / f"{key}.toml").read_text())


def test_refresh_shows_each_change_and_saves_nothing(scholar: Scholar, served: Recorded, root: Path) -> None:
    before = {path: path.read_bytes() for path in root.rglob("*.toml")}
    run = scholar("-L", root, "refresh")
    assert run.exit_code == 0, run.stderr
    assert run.lines == [
        "perelman2002entropy: month: (none) -> 11",
        "perelman2002entropy: day: (none) -> 11",
        "perelman2002entropy: categories: math.DG -> math.DG, 53C",
        "perelman2002entropy: abstract: (none) -> We present a monotonic expression for the Ricci flow, valid in all dimensions a…",
        "sadasivan2012methylphenidate: authors: Shankar Sadasivan, Brooks B. Pond -> Shankar Sadasivan, Brooks B. Pond, Amar K. Pani, Chunxu Qu, Yun Jiao, Richard J…",
        "sadasivan2012methylphenidate: authors_truncated: true -> false",
        "sadasivan2012methylphenidate: year: 2011 -> 2012",
        "sadasivan2012methylphenidate: month: (none) -> 3",
        "sadasivan2012methylphenidate: day: (none) -> 21",
        "sadasivan2012methylphenidate: volume: (none) -> 7",
        "sadasivan2012methylphenidate: issue: (none) -> 3",
        "sadasivan2012methylphenidate: pages: (none) -> e33693",
        "sadasivan2012methylphenidate: publisher: (none) -> Public Library of Science (PLoS)",
        "shinogi2005test: published version: inproceedings, Asian Test Symposium, 2005, DOI 10.1109/ATS.2005.17 (dblp)",
        "shinogi2005test: type: preprint -> inproceedings",
        "shinogi2005test: venue: arXiv -> Asian Test Symposium",
        "shinogi2005test: doi: (none) -> 10.1109/ATS.2005.17",
    ]  # the title differs only in case, and PLoS ONE is the registry's PONE: neither is a change
    assert run.stderr.splitlines() == [
        "note: notes: nothing to look it up by (no DOI, arXiv id or DBLP key); left as it is",
        "3 of 4 works changed; nothing was saved (run again with --write to save them)",
    ]
    assert {path: path.read_bytes() for path in root.rglob("*.toml")} == before


def test_refresh_write_saves_the_changes_and_keeps_what_the_fetch_lacks(
    scholar: Scholar, served: Recorded, root: Path
) -> None:
    run = scholar("-L", root, "refresh", "sadasivan2012methylphenidate", "shinogi2005test", "--write")
    assert run.exit_code == 0, run.stderr
    assert run.stderr.splitlines()[-1] == "saved 2 of 2 changed works"
    saved = record(root, "sadasivan2012methylphenidate")
    assert saved["authors"] == [
        "Shankar Sadasivan",
        "Brooks B. Pond",
        "Amar K. Pani",
        "Chunxu Qu",
        "Yun Jiao",
        "Richard J. Smeyne",
    ]
    assert (saved["year"], saved["pages"], saved["venue"]) == (2012, "e33693", "PONE")
    assert "authors_truncated" not in saved
    # the fetch has no url, tags or note, and the user's title case stays
    assert (saved["url"], saved["tags"], saved["note"]) == (
        "https://example.org/methylphenidate",
        ["neuro"],
        "Read twice.",
    )
    assert str(saved["title"]).startswith("Methylphenidate exposure induces")
    published = record(root, "shinogi2005test")
    assert (published["type"], published["venue"], published["doi"]) == (
        "inproceedings",
        "Asian Test Symposium",
        "10.1109/ATS.2005.17",
    )
    assert published["year"] == 2005 and "pages" not in published  # only type, venue and DOI are taken
    assert scholar("-L", root, "check").exit_code == 0
    again = scholar("-L", root, "refresh", "sadasivan2012methylphenidate")
    assert (again.exit_code, again.stdout) == (0, "")
    assert again.stderr == "1 of 1 works looked up; nothing changed\n"


def test_a_published_version_keeps_the_arxiv_id(scholar: Scholar, recorded: Recorded, root: Path) -> None:
    recorded.file("/arxiv/api/query", "arxiv/astro-ph-9812133.xml", query={"id_list": "astro-ph/9812133"})
    # arXiv names the DOI 10.1086/307221; a recorded Crossref answer of another DOI stands in for it
    recorded.file("/crossref/works/10.1086/307221", "crossref/10.1371-journal.pone.0033693.json")
    supernovae = 'type = "preprint"\ntitle = "Measurements of Omega and Lambda from 42 High-Redshift Supernovae"\nvenue = "arXiv"\narxiv = "astro-ph/9812133"\n'
    (root / "publications" / "perlmutter1999.toml").write_text(supernovae)
    run = scholar("-L", root, "refresh", "perlmutter1999", "--write")
    assert run.exit_code == 0, run.stderr
    assert (
        "perlmutter1999: published version: article, PLoS ONE, 2012, DOI 10.1371/journal.pone.0033693 (crossref)"
        in run.lines
    )
    saved = record(root, "perlmutter1999")
    assert (saved["type"], saved["venue"], saved["arxiv"]) == ("article", "PONE", "astro-ph/9812133")


def test_equal_contributors_missing_from_the_fetched_authors_keep_the_authors(
    scholar: Scholar, served: Recorded, root: Path
) -> None:
    path = root / "publications" / "sadasivan2012methylphenidate.toml"
    path.write_text(
        SADASIVAN.replace('"Brooks B. Pond"]', '"B. Pond"]\nequal_contribution = ["Shankar Sadasivan", "B. Pond"]')
    )
    run = scholar("-L", root, "refresh", "sadasivan2012methylphenidate", "--write")
    assert run.exit_code == 0, run.stderr
    assert (
        "note: sadasivan2012methylphenidate: authors kept: the marked authors B. Pond are not among the fetched authors"
        in run.stderr
    )
    assert record(root, "sadasivan2012methylphenidate")["authors"] == ["Shankar Sadasivan", "B. Pond"]
    assert record(root, "sadasivan2012methylphenidate")["year"] == 2012  # the other fields are taken


def test_each_mark_stays_on_its_author_when_the_fetched_list_replaces_the_authors(
    scholar: Scholar, served: Recorded, root: Path
) -> None:
    path = root / "publications" / "sadasivan2012methylphenidate.toml"
    path.write_text(
        SADASIVAN + 'equal_contribution = ["shankar sadasivan"]\n[marks]\ncorresponding = ["Brooks B. Pond"]\n'
    )
    path.write_text(path.read_text().replace('"Shankar Sadasivan", "Brooks', '"shankar sadasivan", "Brooks'))
    run = scholar("-L", root, "refresh", "sadasivan2012methylphenidate", "--write")
    assert run.exit_code == 0, run.stderr
    saved = record(root, "sadasivan2012methylphenidate")
    authors = saved["authors"]
    assert isinstance(authors, list) and authors[:2] == ["Shankar Sadasivan", "Brooks B. Pond"] and len(authors) == 6
    assert (saved["equal_contribution"], saved["marks"]) == (
        ["Shankar Sadasivan"],
        {"corresponding": ["Brooks B. Pond"]},
    )


def refresh_with(
    scholar: Scholar, served: Recorded, root: Path, answers: dict[str, Answer | None]
) -> tuple[Run, list[str]]:
    """`refresh --write` with a work KEY of DOI 10.1000/KEY for each answer (None: not served), its error lines."""
    for key, answer in answers.items():
        doi = f"10.1000/{key}"
        (root / "publications" / f"{key}.toml").write_text(f'type = "article"\ntitle = "{key}"\ndoi = "{doi}"\n')
        if answer is not None:
            served.add(f"/crossref/works/{doi}", answer)
    run = scholar("-L", root, "refresh", "--write")
    assert run.exit_code == 1
    return run, [line for line in run.stderr.splitlines() if line.startswith("error:")]


def test_failures_are_one_line_each_the_batch_goes_on_and_the_exit_status_is_1(
    scholar: Scholar, served: Recorded, root: Path, sleeps: Sleeps
) -> None:
    run, errors = refresh_with(
        scholar,
        served,
        root,
        {
            "missing": None,  # Crossref and doi.org: 404
            "limited": Answer(b"{}", 429, headers={"Retry-After": "3600"}),  # asks to wait an hour
            "slow": Answer(b"{}", delay=2.0),  # no answer in time
        },
    )
    assert errors == [
        "error: limited: Crossref: 10.1000/limited: rate-limited (429) after 1 try, asks to wait 3600 s",
        "error: missing: doi.org: 10.1000/missing: no such DOI (404: no fixture for this address)",
        "error: slow: Crossref: 10.1000/slow: no whole answer within 0.5 s",
        "error: 3 of 7 works could not be refreshed",
    ]
    assert "saved 3 of 3 changed works" in run.stderr  # the others were still refreshed and saved
    assert record(root, "sadasivan2012methylphenidate")["year"] == 2012
    assert sleeps == []  # an hour is not waited for


def test_the_sample_library_may_be_refreshed_but_not_written(scholar: Scholar) -> None:
    for args in (["refresh", "--write"], ["refresh", "--citations"]):
        run = scholar(*args)
        assert run.exit_code == 1
        assert run.stderr.startswith("error: no library was found") and "read-only" in run.stderr


def test_unknown_keys_and_misused_options_are_errors(scholar: Scholar, root: Path) -> None:
    run = scholar("-L", root, "refresh", "nosuchkey")
    assert (run.exit_code, run.stderr) == (1, 'error: no work with key "nosuchkey"\n')
    run = scholar("-L", root, "refresh", "--source", "crossref")
    assert run.exit_code == 2 and "--source applies only to --citations" in run.stderr
    run = scholar("-L", root, "refresh", "--citations", "--source", "scholar")
    assert run.exit_code == 2 and '"scholar" is not a citation source' in run.stderr


def test_an_interrupted_refresh_says_what_it_looked_up_and_saved_and_exits_130(
    scholar: Scholar, served: Recorded, root: Path
) -> None:
    """Ctrl-C while works are looked up saves nothing (and reports every lookup that had ended); while
    they are saved, keeps each saved record whole."""
    from scholarcli.library import refreshing
    from scholarcli.store import records

    keys = ("sadasivan2012methylphenidate", "shinogi2005test")
    before = {path: path.read_bytes() for path in root.rglob("*.toml")}
    with pytest.MonkeyPatch.context() as patch:
        interrupt_after(patch, refreshing, "_refresh_one", 2)  # as the second lookup ends
        run = scholar("-L", root, "refresh", *keys, "--write")
    assert run.exit_code == 130, run.stderr
    assert run.stderr.splitlines()[-1] == "interrupted: 2 works looked up, 0 of 2 changed works saved"
    assert {path: path.read_bytes() for path in root.rglob("*.toml")} == before
    with pytest.MonkeyPatch.context() as patch:
        interrupt_after(patch, records, "save", 1)
        run = scholar("-L", root, "refresh", *keys, "--write")
    assert run.exit_code == 130, run.stderr
    assert run.stderr.splitlines()[-1] == "interrupted: 2 works looked up, 1 of 2 changed works saved"
    assert record(root, keys[0])["year"] == 2012 and record(root, keys[1])["type"] == "preprint"
    assert scholar("-L", root, "check").exit_code == 0


def test_answers_of_the_wrong_shape_fail_their_work_and_the_batch_goes_on(
    scholar: Scholar, served: Recorded, root: Path
) -> None:
    """A redirect loop, JSON nested 100,000 deep, and a record of the wrong shape: each is that
    work's one line, and the others are refreshed and saved."""
    loop = Answer(status=302, headers={"Location": "{base}/crossref/works/10.1000/loop"})
    deep = Answer(b"[" * 100_000 + b"]" * 100_000)
    shape = Answer(b'{"message": {"title": {"x": 1}, "author": "x", "issued": 5}}')
    run, errors = refresh_with(scholar, served, root, {"loop": loop, "deep": deep, "shape": shape})
    assert errors == [
        "error: deep: Crossref: 10.1000/deep: answered with JSON nested too deeply",
        "error: loop: Crossref: 10.1000/loop: redirected more than 5 times (a redirect loop?)",
        "error: shape: Crossref: 10.1000/shape: the work has no title",
        "error: 3 of 7 works could not be refreshed",
    ]
    assert "saved 3 of 3 changed works" in run.stderr
