"""DBLP: a record (``/rec/{key}.xml``), a person (``/pid/{pid}.xml``), the search API.

Text is plain (DBLP's DTD allows ``<i>``, ``<sub>``, ``<sup>``, ``<tt>`` in titles, whose text is kept).

Records are XML elements named after their BibTeX type (``article``, ``inproceedings``, ...).
An arXiv paper is an ``article`` in the journal "CoRR" (``publtype="informal"``), with its id in
the volume (``abs/2301.09809``). Author names carry DBLP's homonym number ("Di Xu 0001"), dropped.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any
from urllib.parse import quote
from xml.etree import ElementTree

from scholarcli.fetch import FetchError, ProfileResult, Progress
from scholarcli.fetch.answers import METADATA_TTL
from scholarcli.fetch.identify import arxiv_id, normalize_doi
from scholarcli.fetch.profiles import convert, merged
from scholarcli.fetch.records import make_record, year_month_day
from scholarcli.fetch.service import Pace, Service
from scholarcli.fetch.service_text import clean, clean_title, person_name, plain
from scholarcli.fetch.value import Value

if TYPE_CHECKING:
    from scholarcli.fetch.http import Client

SERVICE = Service(
    name="dblp",
    shown="DBLP",
    url="https://dblp.org",
    looks_up=frozenset({"dblp", "profile"}),
    pace=Pace(rate=1, concurrency=1),  # DBLP publishes no rate; it answers 429 to bursts, so one a second
    profile="Every work of a DBLP person: pid or dblp.org/pid address.",
    order=8,
)


TYPES = {
    "article": "article",
    "inproceedings": "inproceedings",
    "book": "book",
    "incollection": "incollection",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "data": "misc",
}
NOT_WORKS = {"www": "a person's home page", "proceedings": "a proceedings volume (an editorship)", "person": "a person"}
_PART = re.compile(r"\s*\(\d+\)$")  # "CPAIOR (2)": part 2 of the proceedings


def _texts(element: ElementTree.Element, tag: str) -> list[str]:
    return [clean("".join(child.itertext())) for child in element.findall(tag)]


def _one(element: ElementTree.Element, tag: str) -> str | None:
    values = _texts(element, tag)
    return values[0] if values and values[0] else None


def _identifiers(links: list[str], volume: str | None) -> tuple[str | None, str | None]:
    """The DOI and the arXiv id among a record's electronic editions (and a CoRR volume)."""
    doi, arxiv = None, None
    for link in links:
        found = normalize_doi(link) if "doi" in link else None
        if found and found.casefold().startswith("10.48550/arxiv."):
            arxiv = arxiv or found[len("10.48550/arxiv.") :]
        elif found:
            doi = doi or found
        elif "arxiv.org/abs/" in link:
            arxiv = arxiv or link.split("arxiv.org/abs/")[-1]
    if volume and volume.startswith("abs/"):
        arxiv = arxiv or volume[4:]
    parsed = arxiv_id(arxiv) if arxiv else None
    return doi, parsed.value if parsed else None


def record_from_element(element: ElementTree.Element) -> dict[str, Any]:
    """A scholar record from one DBLP record element; FetchError when it is not a work."""
    key = element.get("key", "")
    if element.tag in NOT_WORKS or element.tag not in TYPES:
        raise FetchError("DBLP", key, f"names {NOT_WORKS.get(element.tag, element.tag)}, not a work", "not-a-work")
    title_element = element.find("title")
    title = clean_title("".join(title_element.itertext()) if title_element is not None else "")
    if not title:
        raise FetchError("DBLP", key, "the record has no title", "bad-response")
    volume = _one(element, "volume")
    doi, arxiv = _identifiers(_texts(element, "ee"), volume)
    venue = _one(element, "journal") or _one(element, "booktitle") or _one(element, "school")
    informal = element.get("publtype") == "informal" or venue == "CoRR"
    work_type = "preprint" if informal and element.tag == "article" else TYPES[element.tag]
    return make_record(
        work_type,
        title,
        authors=[person_name(name) for name in _texts(element, "author")],
        venue="arXiv" if work_type == "preprint" and arxiv else _PART.sub("", venue or ""),
        **year_month_day([_one(element, "year")]),
        volume=None if informal else volume,
        issue=_one(element, "number"),
        pages=_one(element, "pages"),
        publisher=_one(element, "publisher"),
        doi=doi,
        arxiv=arxiv,
    )


def fetch_record(key: str, client: Client) -> dict[str, Any]:
    """The work a DBLP key names."""
    shown = f"DBLP:{key}"
    root = client.xml("dblp", shown, f"{SERVICE.base_url()}/rec/{quote(key)}.xml", not_found="no such DBLP record")
    elements = list(root) if root.tag == "dblp" else []
    if not elements:
        raise FetchError("DBLP", shown, "answered without a record", "bad-response")
    return record_from_element(elements[0])


def fetch_person(pid: str, client: Client) -> tuple[str | None, tuple[str, ...], list[Any]]:
    """A person's name, name variants and ``<r>`` record elements, by DBLP pid ("95/7448-1")."""
    shown = f"DBLP pid {pid}"
    root = client.xml("dblp", shown, f"{SERVICE.base_url()}/pid/{quote(pid)}.xml", not_found="no such DBLP person")
    if root.tag != "dblpperson":
        raise FetchError("DBLP", shown, "answered with something other than a person", "bad-response")
    name = person_name(root.get("name", "")) or None
    person = root.find("person")
    aliases = [person_name(alias) for alias in _texts(person, "author")] if person is not None else []
    variants = tuple(alias for alias in dict.fromkeys(aliases) if alias and alias != name)
    return name, variants, [child for r in root.findall("r") for child in r]


def _hit_authors(info: Value) -> list[str]:
    names = [
        item["text"].text() if item.is_object() else item.text() for item in info["authors"]["author"].one_or_many()
    ]
    return [person_name(plain(name)) for name in names if name]


def hit_title(info: Value) -> str:
    """A search hit's title as record markup ("" when it has none)."""
    return clean_title(plain(info["title"].text() or ""))


def hit_venue(info: Value) -> str:
    """A search hit's venue (DBLP gives some hits a list of venues: the first)."""
    return plain(info["venue"].first_text() or "")


def is_informal(info: Value) -> bool:
    """Whether a search hit is an informal publication: a CoRR preprint, a report."""
    return info["type"].text() == "Informal and Other Publications" or hit_venue(info) == "CoRR"


def record_from_hit(info: Value) -> dict[str, Any]:
    """A scholar record from one search hit's ``info`` (the search API's JSON)."""
    kinds = {"Journal Articles": "article", "Conference and Workshop Papers": "inproceedings"}
    kinds |= {"Books and Theses": "book", "Parts in Books or Collections": "incollection"}
    informal = is_informal(info)
    volume = info["volume"].label()
    doi, arxiv = _identifiers([link for item in info["ee"].one_or_many() if (link := item.text())], volume)
    doi = normalize_doi(info["doi"].text() or "") or doi
    return make_record(
        "preprint" if informal else kinds.get(info["type"].text() or "", "misc"),
        hit_title(info),
        authors=_hit_authors(info),
        venue=_PART.sub("", hit_venue(info)),
        **year_month_day([info["year"].raw]),
        volume=None if informal else volume,
        issue=info["number"].label(),
        pages=info["pages"].label(),
        doi=None if arxiv and doi and doi.casefold().startswith("10.48550/") else doi,
        arxiv=arxiv,
    )


def search(title: str, client: Client, hits: int = 10) -> list[Value]:
    """Publication search hits (each the ``info`` of a hit, with its ``key``) for a title."""
    url = f"{SERVICE.base_url()}/search/publ/api"
    params = {"q": title, "format": "json", "h": str(hits)}
    data = Value(client.json("dblp", title[:60], url, params=params, ttl=METADATA_TTL))
    found = data.at("result", "hits", "hit").one_or_many()
    return [item["info"] for item in found if item["info"].is_object()]


def profile(pid: str, client: Client, progress: Progress | None = None, *, details: bool = True) -> ProfileResult:
    """The works of a DBLP person (pid or dblp.org/pid address), merged."""
    pid = pid.strip().removeprefix("https://dblp.org/pid/").removesuffix(".xml").removesuffix(".html")
    name, variants, elements = fetch_person(pid, client)
    items = [(f"DBLP:{element.get('key', '')}", element) for element in elements]
    records, failures = convert(items, record_from_element, progress)
    return merged(records, name, variants, failures)
