"""ORCID's public API v3.0: ``/{orcid}/person``, ``/{orcid}/works``, ``/{orcid}/works/{put-codes}``.

The works list holds summaries grouped by shared identifiers; a summary has no authors. The bulk
details endpoint (up to 100 put-codes a request) adds the contributors. ORCID types are mapped to
scholar's; a work with a preprint server's DOI (or an arXiv id and no other DOI) is a preprint.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from scholarcli.fetch import FetchError, ProfileResult, Progress
from scholarcli.fetch.answers import METADATA_TTL
from scholarcli.fetch.identify import arxiv_id, is_preprint_doi, normalize_doi
from scholarcli.fetch.profiles import convert, merged
from scholarcli.fetch.records import make_record, year_month_day
from scholarcli.fetch.service import Pace, Service
from scholarcli.fetch.service_text import clean_title, markup, person_name, plain
from scholarcli.fetch.value import Value

if TYPE_CHECKING:
    from scholarcli.fetch.http import Client

SERVICE = Service(
    name="orcid",
    shown="ORCID",
    url="https://pub.orcid.org",
    looks_up=frozenset({"profile"}),
    pace=Pace(rate=8, concurrency=4),  # ORCID's public API allows 24 a second (bursts of 40); a third of it
    batch=100,  # put-codes one bulk works request reads
    profile="Every work of an ORCID iD (0000-0002-1825-0097).",
    order=5,
)


ACCEPT = "application/vnd.orcid+json"
TYPES = {
    "journal-article": "article",
    "magazine-article": "article",
    "newspaper-article": "article",
    "conference-paper": "inproceedings",
    "preprint": "preprint",
    "book": "book",
    "edited-book": "book",
    "book-chapter": "incollection",
    "encyclopedia-entry": "incollection",
    "dissertation": "thesis",
    "dissertation-thesis": "thesis",
    "report": "techreport",
    "working-paper": "techreport",
    "patent": "patent",
}
PREPRINT_VENUES = {"arxiv", "biorxiv", "medrxiv", "chemrxiv", "ssrn", "research square", "osf preprints"}
_ORCID = re.compile(r"(\d{4})-?(\d{4})-?(\d{4})-?(\d{3}[\dX])")


def normalize_orcid(text: str) -> str:
    """An ORCID iD as 0000-0000-0000-000X (from a bare iD or an orcid.org address), checksum checked."""
    match = _ORCID.search(text.strip().upper())
    if not match:
        raise FetchError("ORCID", text, "not an ORCID iD (e.g. 0000-0002-1825-0097)", "malformed")
    digits = "".join(match.groups())
    total = 0
    for digit in digits[:-1]:
        total = (total + int(digit)) * 2
    check = (12 - total % 11) % 11
    if digits[-1] != ("X" if check == 10 else str(check)):
        raise FetchError("ORCID", text, "not an ORCID iD (its check digit is wrong)", "malformed")
    return "-".join(match.groups())


def _external_ids(work: Value) -> tuple[str | None, str | None]:
    """The work's own DOI and arXiv id (relationship "self", or unstated)."""
    doi, arxiv = None, None
    for entry in work["external-ids"]["external-id"].items():
        if (entry["external-id-relationship"].text() or "self").lower() != "self":
            continue
        kind, value = (entry["external-id-type"].text() or "").lower(), entry["external-id-value"].text() or ""
        if kind == "doi" and not doi:
            doi = normalize_doi(value)
        elif kind == "arxiv" and not arxiv:
            found = arxiv_id(re.sub(r"^arxiv:", "", value, flags=re.IGNORECASE))
            arxiv = found.value if found else None
    return doi, arxiv


def _work_type(work: Value, doi: str | None, arxiv: str | None, venue: str | None) -> str:
    raw = (work["type"].text() or "").lower()
    if is_preprint_doi(doi) or (venue or "").casefold() in PREPRINT_VENUES or (arxiv and not doi):
        return "preprint"
    return TYPES.get(raw, "misc")


def _authors(work: Value) -> list[str]:
    names = []
    for contributor in work["contributors"]["contributor"].items():
        role = contributor.at("contributor-attributes", "contributor-role").text() or "author"
        name = contributor.at("credit-name", "value").text()
        if name and (role.lower() in ("author", "co-inventor") or role.startswith("http://credit.niso.org/")):
            names.append(person_name(plain(name)))
    return names


def put_code(work: Value) -> int | None:
    """A work's put-code, the number ORCID names it by in addresses; None when it is no number."""
    return work["put-code"].whole()


def record_from_work(work: Value) -> dict[str, Any]:
    """A scholar record from a work summary or a full work (which adds the authors)."""
    doi, arxiv = _external_ids(work)
    title = clean_title(plain(work.at("title", "title", "value").text() or ""))
    if not title:
        raise FetchError("ORCID", str(put_code(work) or ""), "the work has no title", "bad-response")
    venue = plain(work.at("journal-title", "value").text() or "") or None
    date = work["publication-date"]
    parts = [date.at(part, "value").raw for part in ("year", "month", "day")]
    url = work.at("url", "value").text()
    return make_record(
        _work_type(work, doi, arxiv, venue),
        title,
        authors=_authors(work),
        venue=venue,
        **year_month_day(parts),
        doi=doi,
        arxiv=arxiv,
        url=None if url and doi and doi.casefold() in url.casefold() else url,
        abstract=plain(work["short-description"].text() or "") or None,
    )


def fetch_person(orcid: str, client: Client) -> tuple[str | None, tuple[str, ...]]:
    """The person's name (credit name, else given and family names) and other names."""
    url = f"{SERVICE.base_url()}/v3.0/{orcid}/person"
    data = Value(client.json("orcid", orcid, url, accept=ACCEPT, not_found="no such ORCID iD"))
    given, family = data.at("name", "given-names", "value").text(), data.at("name", "family-name", "value").text()
    full = " ".join(part for part in (given, family) if part) or None
    credit = data.at("name", "credit-name", "value").text()
    others = [item["content"].text() for item in data.at("other-names", "other-name").items()]
    names = [markup(plain(name)) for name in (credit, full, *others) if name]  # as the person writes them
    unique = list(dict.fromkeys(name for name in names if name))
    return (unique[0] if unique else None), tuple(unique[1:])


def preferred_summary(group: Value) -> Value | None:
    """The group's preferred version: the summary with the highest display index (the first on ties)."""
    summaries = [summary for summary in group["work-summary"].items() if summary.is_object()]
    return max(summaries, key=lambda summary: summary["display-index"].whole() or 0) if summaries else None


def fetch_summaries(orcid: str, client: Client) -> list[Value]:
    """One summary per work group of the person's works list."""
    url = f"{SERVICE.base_url()}/v3.0/{orcid}/works"
    groups = Value(client.json("orcid", orcid, url, accept=ACCEPT, not_found="no such ORCID iD"))["group"]
    if not isinstance(groups.raw, list):
        raise FetchError("ORCID", orcid, "answered without a works list", "bad-response")
    return [summary for summary in (preferred_summary(group) for group in groups.items()) if summary]


def fetch_details(orcid: str, put_codes: list[int], client: Client) -> dict[int, Value]:
    """Full works by put-code, from the bulk endpoint (a request per SERVICE.batch works)."""
    found: dict[int, Value] = {}
    for start in range(0, len(put_codes), SERVICE.batch):
        chunk = ",".join(map(str, put_codes[start : start + SERVICE.batch]))
        url = f"{SERVICE.base_url()}/v3.0/{orcid}/works/{chunk}"
        data = Value(client.json("orcid", f"{orcid} works {chunk}", url, accept=ACCEPT, ttl=METADATA_TTL))
        for item in data["bulk"].items():
            code = put_code(item["work"])
            if item["work"].is_object() and code is not None:
                found[code] = item["work"]
    return found


def profile(ident: str, client: Client, progress: Progress | None = None, *, details: bool = True) -> ProfileResult:
    """The works of an ORCID iD, with their authors from the bulk works (``details``), merged."""
    orcid_id = normalize_orcid(ident)
    name, variants = fetch_person(orcid_id, client)
    summaries = fetch_summaries(orcid_id, client)
    codes = [put_code(summary) for summary in summaries]
    failures: list[tuple[str, str]] = []
    full: dict[int, Value] = {}
    if details and summaries:
        try:
            full = fetch_details(orcid_id, [code for code in codes if code is not None], client)
        except FetchError as error:
            failures.append((orcid_id, f"{error} (the works are listed without their authors)"))
    items = [
        (
            f"{orcid_id} work {code if code is not None else '(no put-code)'}",
            full.get(code, summary) if code is not None else summary,
        )
        for code, summary in zip(codes, summaries, strict=True)
    ]
    records, failed = convert(items, record_from_work, progress)
    return merged(records, name, variants, failures + failed)
