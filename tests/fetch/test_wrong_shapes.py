"""Every service's recorded answers with values replaced by values of another type (a list for an
object, a string for a number, -5 for a count, 2**64, a lone surrogate): the fetch code returns
valid records, or fails the work with one FetchError line. Nothing else is ever raised.

The answers go through the real client and the local server, as a command's do.
"""

from __future__ import annotations

import copy
import json
import re
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fetch import batch_answers
from fetch.server import FIXTURES, Answer, Recorded
from scholarcli.fetch import FetchError, fetch_citations, fetch_profile, fetch_work, published_version
from scholarcli.fetch.config import Config
from scholarcli.fetch.http import Client, Limits
from scholarcli.fetch.value import MAX_WHOLE
from scholarcli.model import Work
from scholarcli.model.validate import work_from_record
from scholarcli.store.records import parse_toml_text, record_text

HOSTILE = settings(
    max_examples=60,
    deadline=None,
    database=None,
    derandomize=True,  # the same examples on every run
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Values of every JSON type, and those that break careless code: numbers TOML cannot hold, a float
# year, digits that are no ASCII, markup characters, a terminal escape, a lone surrogate.
ODD_TEXT = ["", " ", "-5", "12", "2018.0", "١٢", "1_000", "$100 \\ } {", "\x1b[2J", "\ud800", "<i>x</i>", "a" * 300]
ODD_NUMBERS = [-5, 0, 7, 2**63, 2**64, -(2**63) - 1, 10**30, 1e308, -0.0, 2018.7, 0.5]
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.sampled_from(ODD_NUMBERS),
    st.integers(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from(ODD_TEXT),
    st.text(max_size=8),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=6,
)


def _kind(value: object) -> str:
    return "number" if type(value) in (int, float) else type(value).__name__


def _paths(value: object, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield prefix
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        yield from _paths(item, (*prefix, key))


def _replaced(document: Any, path: tuple[Any, ...], new: object) -> Any:
    if not path:
        return new
    parent = document
    for key in path[:-1]:
        parent = parent[key]
    parent[path[-1]] = new
    return document


# The names the parsers read (``work["title"]``, ``.at("name", "given-names")``), from their source:
# a value under one of these is where a wrong type matters, so half the replacements go there.
_SOURCE = "".join(
    path.read_text(encoding="utf-8") for path in (Path(__file__).parents[2] / "src/scholarcli/fetch").glob("*.py")
)
READ = frozenset(
    re.findall(r'\["([\w@.-]+)"\]', _SOURCE)
    + re.findall(r'"([\w@.-]+)"', " ".join(re.findall(r"\.at\(([^)]*)\)", _SOURCE)))
)


@st.composite
def mutated(draw: st.DrawFn, document: Any) -> Any:
    """The document with one to three of its values (anywhere, containers too) of another JSON type."""
    document = copy.deepcopy(document)
    for _ in range(draw(st.integers(1, 3))):
        every = list(_paths(document))
        read = [path for path in every if path and path[-1] in READ]
        toward_read = bool(read) and draw(st.booleans())
        path = draw(st.sampled_from(read if toward_read else every))
        document = _replaced(document, path, draw(_other_than(_at(document, path))))
    return document


def _other_than(old: object) -> st.SearchStrategy[Any]:
    """Values of any JSON type but that of ``old``."""
    return VALUES.filter(lambda new: _kind(new) != _kind(old))


def _at(document: Any, path: tuple[Any, ...]) -> Any:
    for key in path:
        document = document[key]
    return document


def _load(name: str) -> Any:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def _serve(recorded: Recorded, path: str, document: Any) -> None:
    recorded.add(path, Answer(json.dumps(document).encode()))  # a lone surrogate goes as \\ud800, as JSON allows


def valid_record(record: dict[str, Any]) -> None:
    """A record the library would read: valid, and its text read back the same."""
    work, problems = work_from_record("key", record, "fetched.toml")
    assert work is not None, problems
    raw, error = parse_toml_text(record_text(work))
    assert raw == record, error
    texts = [text for value in record.values() for text in (value if isinstance(value, list) else [value])]
    for text in texts:
        assert not isinstance(text, str) or not any(unicodedata.category(c) in ("Cc", "Cs") for c in text), text


@pytest.fixture
def client(tmp_path: Path) -> Iterator[Client]:
    with Client(Config(), use_cache=False, limits=Limits(deadline=5.0), sleep=lambda _: None, pacing={}) as made:
        yield made


def _work_or_failure(call: Callable[[], Any]) -> None:
    """A call that fetches one work gives a valid record, or fails with a FetchError of one line."""
    found = _outcome(call)
    if found is not None:
        valid_record(found.record)


def _outcome(call: Callable[[], Any]) -> Any:
    """What a call returns, or None when it failed with a FetchError of one line; any other exception fails the test."""
    try:
        return call()
    except FetchError as error:
        assert "\n" not in str(error)
        return None


# --- one work: Crossref, doi.org ---------------------------------------------------------------

CROSSREF = {
    "10.1145/3184558.3186235": "crossref/10.1145-3184558.3186235.json",
    "10.1371/journal.pone.0033693": "crossref/10.1371-journal.pone.0033693.json",
    "10.32396/usurj.v1i1.55": "crossref/10.32396-usurj.v1i1.55.json",
    "10.1109/icdcsw.2003.1203662": "crossref/10.1109-icdcsw.2003.1203662.json",
}


@pytest.mark.parametrize("doi", CROSSREF)
@HOSTILE
@given(data=st.data())
def test_crossref_answers_of_any_shape(recorded: Recorded, client: Client, doi: str, data: st.DataObject) -> None:
    recorded.routes.clear()
    _serve(recorded, f"/crossref/works/{doi}", data.draw(mutated(_load(CROSSREF[doi]))))
    _work_or_failure(lambda: fetch_work(doi, client))


@HOSTILE
@given(data=st.data())
def test_doi_org_answers_of_any_shape(recorded: Recorded, client: Client, data: st.DataObject) -> None:
    recorded.routes.clear()
    recorded.add("/crossref/works/10.1126/science.169.3946.635", Answer(b"Resource not found.", 404))
    _serve(
        recorded,
        "/doi/10.1126/science.169.3946.635",
        data.draw(mutated(_load("doi/10.1126-science.169.3946.635.json"))),
    )
    _work_or_failure(lambda: fetch_work("10.1126/science.169.3946.635", client))


# --- a person's works: ORCID, OpenAlex ------------------------------------------------------------

ORCID = "0000-0002-0613-2229"
ORCID_ANSWERS = {
    f"/orcid/v3.0/{ORCID}/person": "orcid/0000-0001-8607-8025-person.json",
    f"/orcid/v3.0/{ORCID}/works": f"orcid/{ORCID}-works.json",
    f"/orcid/v3.0/{ORCID}/works/89975745,76065020": f"orcid/{ORCID}-works-89975745,76065020.json",
}
OPENALEX_ANSWERS = {
    "/openalex/authors/A5023888391": "openalex/A5023888391.json",
    "/openalex/works": "openalex/works-list.json",
}


def _profile_outcome(kind: str, ident: str, client: Client) -> None:
    result = _outcome(lambda: fetch_profile(kind, ident, client))
    if result is None:
        return
    for record in result.records:
        valid_record(record)
    for identifier, reason in result.failures:
        assert "\n" not in identifier + reason


@pytest.mark.parametrize(
    ("kind", "ident", "answers"), [("orcid", ORCID, ORCID_ANSWERS), ("openalex", "A5023888391", OPENALEX_ANSWERS)]
)
@HOSTILE
@given(data=st.data())
def test_profile_answers_of_any_shape(
    recorded: Recorded, client: Client, kind: str, ident: str, answers: dict[str, str], data: st.DataObject
) -> None:
    recorded.routes.clear()
    broken = data.draw(st.sampled_from(sorted(answers)))
    for path, name in answers.items():
        _serve(recorded, path, data.draw(mutated(_load(name))) if path == broken else _load(name))
    _profile_outcome(kind, ident, client)


# --- DBLP's search (a preprint's published version), and the XML services ----------------------

SHINOGI = Work(
    "shinogi2005test",
    "preprint",
    "A Test Cost Reduction Method by Test Response and Test Vector Overlapping for Full-Scan Test Architecture",
)


@HOSTILE
@given(data=st.data())
def test_dblp_search_answers_of_any_shape(recorded: Recorded, client: Client, data: st.DataObject) -> None:
    recorded.routes.clear()
    _serve(recorded, "/dblp/search/publ/api", data.draw(mutated(_load("dblp/search-test.json"))))
    _work_or_failure(lambda: published_version(SHINOGI, client))


XML_TEXTS = st.one_of(
    st.sampled_from([t for t in ODD_TEXT if t.isprintable()] + ["99999999999999999999", "2018.7"]),
    st.text(st.characters(codec="utf-8", exclude_categories=["Cc", "Cs"]), max_size=12),
)


@st.composite
def xml_mutated(draw: st.DrawFn, text: str) -> bytes:
    """The XML with one to three elements' text replaced, or an element removed or repeated."""
    root = ElementTree.fromstring(text)
    for _ in range(draw(st.integers(1, 3))):
        parents = [(parent, child) for parent in root.iter() for child in parent]
        if not parents:
            break
        parent, child = draw(st.sampled_from(parents))
        action = draw(st.sampled_from(["text", "remove", "repeat"]))
        if action == "text":
            child.text = draw(XML_TEXTS)
        elif action == "remove":
            parent.remove(child)
        else:
            parent.append(copy.deepcopy(child))
    return ElementTree.tostring(root)


XML_ANSWERS = {
    "arXiv:1710.08557": ("/arxiv/api/query", "arxiv/1710.08557.xml"),
    "arXiv:astro-ph/9812133": ("/arxiv/api/query", "arxiv/astro-ph-9812133.xml"),
    "DBLP:conf/cpaior/JabsBJ24": ("/dblp/rec/conf/cpaior/JabsBJ24.xml", "dblp/rec-conf-cpaior-JabsBJ24.xml"),
    "DBLP:journals/jair/JabsBNJ24": ("/dblp/rec/journals/jair/JabsBNJ24.xml", "dblp/rec-journals-jair-JabsBNJ24.xml"),
}


@pytest.mark.parametrize("identifier", XML_ANSWERS)
@HOSTILE
@given(data=st.data())
def test_xml_answers_of_any_shape(recorded: Recorded, client: Client, identifier: str, data: st.DataObject) -> None:
    recorded.routes.clear()
    path, name = XML_ANSWERS[identifier]
    body = data.draw(xml_mutated((FIXTURES / name).read_text(encoding="utf-8")))
    recorded.add(path, Answer(body, content_type="application/xml"))
    _work_or_failure(lambda: fetch_work(identifier, client))


@HOSTILE
@given(data=st.data())
def test_dblp_person_answers_of_any_shape(recorded: Recorded, client: Client, data: st.DataObject) -> None:
    recorded.routes.clear()
    body = data.draw(xml_mutated((FIXTURES / "dblp/pid-95-7448-1.xml").read_text(encoding="utf-8")))
    recorded.add("/dblp/pid/95/7448-1.xml", Answer(body, content_type="application/xml"))
    _profile_outcome("dblp", "95/7448-1", client)


# --- citation counts -------------------------------------------------------------------------------

COUNTS = {  # the entry a batch answer holds for the work, and the work
    "openalex": (batch_answers.work("10.7717/peerj.4375"), Work("k", "article", "T", doi="10.7717/peerj.4375")),
    "semanticscholar": (batch_answers.paper(arxiv="1706.03762"), Work("k", "preprint", "T", arxiv="1706.03762")),
    "crossref": (batch_answers.message("10.7717/peerj.4375"), Work("k", "article", "T", doi="10.7717/peerj.4375")),
}


@pytest.mark.parametrize("source", COUNTS)
@HOSTILE
@given(data=st.data())
def test_citation_answers_of_any_shape(recorded: Recorded, client: Client, source: str, data: st.DataObject) -> None:
    recorded.routes.clear()
    entry, work = COUNTS[source]
    asked = f"ARXIV:{work.arxiv}" if source == "semanticscholar" else str(work.doi)
    batch_answers.serve(recorded, source, {asked: data.draw(mutated(entry))})
    result = fetch_citations([work], source, client)
    for found in result.counts.values():
        assert type(found.count) is int and 0 <= found.count <= MAX_WHOLE
    assert all("\n" not in reason for reason in result.failures.values())
