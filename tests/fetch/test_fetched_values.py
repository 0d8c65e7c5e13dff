"""What a fetched value may become in a record: numbers checked before they are stored, plain text
kept as it was written, LaTeX read as LaTeX only where a service sends LaTeX.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import Run, write_library
from fetch import batch_answers
from fetch.server import FIXTURES, Answer, Recorded, one_line
from scholarcli.fetch import fetch_citations, fetch_profile, fetch_work
from scholarcli.fetch.config import Config
from scholarcli.fetch.http import Client
from scholarcli.model import Work
from scholarcli.model.markup import plain as readable
from scholarcli.store.citations_file import read_citations

Scholar = Callable[..., Run]
WWW = "10.1145/3184558.3186235"
PLOS = "10.1371/journal.pone.0033693"

# Numbers no record or citations.toml may hold, each as a service could send it.
NO_COUNTS = [-5, -1, 2**63, 2**64, 10**30, 1e308, 5.0, 0.5, "12", True, None, [], {}]
COUNT_SOURCES = ("openalex", "semanticscholar", "crossref")


@pytest.fixture
def client(tmp_path: Path) -> Iterator[Client]:
    with Client(Config(), use_cache=False, sleep=lambda _: None, pacing={}) as made:
        yield made


def _load(name: str) -> Any:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def _with(document: Any, path: tuple[str, ...], value: object) -> Any:
    parent = document
    for name in path[:-1]:
        parent = parent[name]
    parent[path[-1]] = value
    return document


def _serve(recorded: Recorded, path: str, document: Any) -> None:
    recorded.add(path, Answer(json.dumps(document).encode()))


@pytest.mark.parametrize("source", COUNT_SOURCES)
@pytest.mark.parametrize("count", NO_COUNTS, ids=repr)
def test_a_count_that_is_no_count_fails_that_work(
    recorded: Recorded, client: Client, source: str, count: object
) -> None:
    batch_answers.serve(recorded, source, dict([batch_answers.one(source, "10.7717/peerj.4375", count)]))
    result = fetch_citations([Work("k", "article", "T", doi="10.7717/peerj.4375")], source, client)
    assert result.counts == {}
    if count is None:
        assert result.unmatched == ["k"]  # no count at all: the service does not count the work
    else:
        assert one_line(Exception(result.failures["k"]), "answered with a citation count that is no count")


@pytest.mark.parametrize("source", COUNT_SOURCES)
@pytest.mark.parametrize("count", [0, 2**63 - 1])
def test_every_count_a_library_can_hold_is_taken(recorded: Recorded, client: Client, source: str, count: int) -> None:
    batch_answers.serve(recorded, source, dict([batch_answers.one(source, "10.7717/peerj.4375", count)]))
    result = fetch_citations([Work("k", "article", "T", doi="10.7717/peerj.4375")], source, client)
    assert result.counts["k"].count == count


@pytest.mark.usefixtures("refresh_client")
def test_refresh_never_stores_a_negative_count_and_the_library_stays_readable(
    scholar: Scholar, recorded: Recorded, tmp_path: Path
) -> None:
    records = {
        "publications/good": 'type = "article"\ntitle = "Good"\ndoi = "10.1000/good"\n',
        "publications/bad": 'type = "article"\ntitle = "Bad"\ndoi = "10.1000/bad"\n',
    }
    root = write_library(tmp_path / "lib", records, "schema = 1\n")
    known = {
        "10.1000/good": batch_answers.work("10.1000/good", 12),
        "10.1000/bad": batch_answers.work("10.1000/bad", -5),
    }
    batch_answers.serve(recorded, "openalex", known)
    run = scholar("-L", root, "refresh", "--citations")
    assert run.exit_code == 1
    assert "error: bad: OpenAlex: 10.1000/bad: answered with a citation count that is no count (-5)" in run.stderr
    counts, problems = read_citations(root)
    assert {key: c.cited for key, c in counts.items()} == {"good": 12} and problems == []
    for command in (["list"], ["check"], ["export", "bibtex"]):
        assert scholar("-L", root, *command).exit_code == 0, command
    again = scholar("-L", root, "refresh", "--citations")  # the file is not refused as broken
    assert [line for line in again.stderr.splitlines() if line.startswith("error:")] == [
        "error: bad: OpenAlex: 10.1000/bad: answered with a citation count that is no count (-5); the count it had is kept",
        "error: 1 of 2 counts could not be fetched; the counts they had are kept",
    ]


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        ([[2018, 4, 23]], {"year": 2018, "month": 4, "day": 23}),
        ([["2018", "04"]], {"year": 2018, "month": 4}),
        ([[2018, 2, 30]], {"year": 2018, "month": 2}),  # no such day: left out
        ([[2018, 13]], {"year": 2018}),
        ([[-5]], {}),
        ([[1e308]], {}),
        ([[2018.7]], {}),
        ([[True]], {}),
        ([[2**64]], {}),
        ([["２０１８"]], {}),  # digits, but not ASCII ones
        ([["1_999"]], {}),
        ([[None]], {}),
        ("2018", {}),
        ({"0": 2018}, {}),
    ],
    ids=repr,
)
def test_a_date_is_taken_as_far_as_each_part_is_a_date(
    recorded: Recorded, client: Client, parts: object, expected: dict[str, int]
) -> None:
    document = _load("crossref/10.1371-journal.pone.0033693.json")
    for name in ("issued", "published", "published-print", "published-online"):
        document["message"].pop(name, None)
    document["message"]["issued"] = {"date-parts": parts}
    _serve(recorded, f"/crossref/works/{PLOS}", document)
    record = fetch_work(PLOS, client).record
    assert {name: record[name] for name in ("year", "month", "day") if name in record} == expected


@pytest.mark.parametrize(
    ("volume", "expected"),
    [
        (7, "7"),
        ("12", "12"),
        ("12 (Suppl. 2)", "12 (Suppl. 2)"),
        (-5, None),
        (1e308, None),
        (2**64, None),
        (True, None),
        ({"a": 1}, None),
        ([7], None),
    ],
    ids=repr,
)
def test_a_volume_is_text_or_a_whole_number(
    recorded: Recorded, client: Client, volume: object, expected: str | None
) -> None:
    document = _load("crossref/10.1371-journal.pone.0033693.json")
    document["message"] |= {"volume": volume, "issue": volume, "page": volume}
    _serve(recorded, f"/crossref/works/{PLOS}", document)
    record = fetch_work(PLOS, client).record
    assert (record.get("volume"), record.get("issue"), record.get("pages")) == (expected, expected, expected)


# --- text: plain where the service sends plain text ------------------------------------------------

TITLES = [
    "The $100 laptop",
    "C:\\path\\to",
    "A } B {",
    "50% of {x} costs $5",
    "\\emph{not} LaTeX",
    "x^2 & y_1 ~ #tag",
]


def _crossref_title(recorded: Recorded, client: Client, title: object) -> str:
    document = _load("crossref/10.1145-3184558.3186235.json")
    document["message"]["title"] = title
    _serve(recorded, f"/crossref/works/{WWW}", document)
    return str(fetch_work(WWW, client).record["title"])


@pytest.mark.parametrize("title", TITLES)
def test_a_crossref_title_is_kept_as_written(recorded: Recorded, client: Client, title: str) -> None:
    assert readable(_crossref_title(recorded, client, [title])) == title


@pytest.mark.parametrize("title", TITLES)
def test_every_plain_text_service_keeps_a_title_as_written(recorded: Recorded, client: Client, title: str) -> None:
    doi_org = _load("doi/10.1126-science.169.3946.635.json") | {"title": title, "subtitle": []}
    recorded.add("/crossref/works/10.1126/x", Answer(b"Resource not found.", 404))
    _serve(recorded, "/doi/10.1126/x", doi_org)
    assert readable(fetch_work("10.1126/x", client).record["title"]) == title

    escaped = title.replace("&", "&amp;").replace("<", "&lt;")
    xml = (
        f'<dblp><article key="x/y/Z24"><author>A B</author><title>{escaped}.</title><year>2024</year></article></dblp>'
    )
    recorded.add("/dblp/rec/x/y/Z24.xml", Answer(xml.encode(), content_type="application/xml"))
    assert readable(fetch_work("DBLP:x/y/Z24", client).record["title"]) == title

    openalex = _load("openalex/works-list.json")
    openalex["results"] = [openalex["results"][0] | {"title": title}]
    openalex["meta"]["next_cursor"] = None
    _serve(recorded, "/openalex/authors/A5023888391", _load("openalex/A5023888391.json"))
    _serve(recorded, "/openalex/works", openalex)
    (record,) = fetch_profile("openalex", "A5023888391", client).records
    assert readable(record["title"]) == title


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("<i>In vitro</i> uptake of H<sub>2</sub>O", "In vitro uptake of H2O"),
        ("<jats:title>A <jats:italic>B</jats:italic></jats:title>", "A B"),
        ("Spin <mml:math><mml:mi>S</mml:mi><mml:mo>=</mml:mo><mml:mn>1</mml:mn></mml:math> chains", "Spin S=1 chains"),
        ("AT&amp;T &lt;i&gt; tags", "AT&T <i> tags"),
        ("x < y and z > w", "x < y and z > w"),
        ("a<b, c>d", "a<b, c>d"),
        ("n<2 or n>3", "n<2 or n>3"),
    ],
)
def test_crossref_markup_tags_are_dropped_and_their_text_kept(
    recorded: Recorded, client: Client, markup: str, expected: str
) -> None:
    """Crossref's titles carry JATS and HTML inline tags (and MathML): the text is what a reader sees."""
    assert readable(_crossref_title(recorded, client, [markup])) == expected


@settings(
    max_examples=60,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    title=st.text(
        st.characters(codec="utf-8", exclude_categories=["Cc", "Cs", "Cf", "Zl", "Zp"], exclude_characters="<&"),
        min_size=1,
        max_size=40,
    )
)
def test_any_plain_title_reads_back_as_it_was_sent(recorded: Recorded, client: Client, title: str) -> None:
    """Any text (no tags, no entities) is the title a display shows, white space collapsed."""
    expected = " ".join(unicodedata.normalize("NFC", title).split())
    recorded.routes.clear()
    if not expected or expected.endswith("."):
        return  # no title; or the full stop every DBLP title ends with, which the title loses
    assert readable(_crossref_title(recorded, client, title)) == expected


# --- arXiv: LaTeX ------------------------------------------------------------------------------------


def _arxiv_title(recorded: Recorded, client: Client, title: str) -> str:
    feed = (FIXTURES / "arxiv/1710.08557.xml").read_text(encoding="utf-8")
    start, end = feed.index("<title>", feed.index("<entry>")), feed.index("</title>", feed.index("<entry>"))
    escaped = title.replace("&", "&amp;").replace("<", "&lt;")
    recorded.add(
        "/arxiv/api/query",
        Answer(f"{feed[:start]}<title>{escaped}{feed[end:]}".encode(), content_type="application/xml"),
    )
    return str(fetch_work("arXiv:1710.08557", client).record["title"])


@pytest.mark.parametrize(
    ("latex", "markup"),
    [
        ("$L_1$ regularization", "$L_1$ regularization"),
        ('Schr\\"odinger equations', "Schrödinger equations"),
        ("{B}ayesian \\emph{deep} learning", "{B}ayesian \\emph{deep} learning"),
        ("The $100 laptop", "The \\$100 laptop"),  # a lone $ is no math: the text as written
        ("A } B {", "A \\} B \\{"),
    ],
)
def test_an_arxiv_title_is_read_as_latex(recorded: Recorded, client: Client, latex: str, markup: str) -> None:
    assert _arxiv_title(recorded, client, latex) == markup
