"""ORCID's public API v3.0: ``/{orcid}/person``, ``/{orcid}/works``, ``/{orcid}/works/{put-codes}``.

The works list holds summaries grouped by shared identifiers; a summary has no authors. The bulk
details endpoint (up to 100 put-codes a request) adds the contributors. ORCID types are mapped to
scholar's; a work with a preprint server's DOI (or an arXiv id and no other DOI) is a preprint.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from scholarcli.fetch import FetchError
from scholarcli.fetch.http import METADATA_TTL, base_url
from scholarcli.fetch.identify import arxiv_id
from scholarcli.fetch.shape import is_preprint_doi, make_record, year_month_day
from scholarcli.fetch.text import clean_title, normalize_doi, person_name, plain

if TYPE_CHECKING:
    from scholarcli.fetch.http import Client

ACCEPT = "application/vnd.orcid+json"
BULK_LIMIT = 100
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


def _value(node: Any, *path: str) -> str | None:
    for name in path:
        node = node.get(name) if isinstance(node, dict) else None
    return node.strip() if isinstance(node, str) and node.strip() else None


def _external_ids(work: dict[str, Any]) -> tuple[str | None, str | None]:
    """The work's own DOI and arXiv id (relationship "self", or unstated)."""
    doi, arxiv = None, None
    for entry in (work.get("external-ids") or {}).get("external-id") or []:
        if not isinstance(entry, dict) or (entry.get("external-id-relationship") or "self").lower() != "self":
            continue
        kind, value = (entry.get("external-id-type") or "").lower(), entry.get("external-id-value") or ""
        if kind == "doi" and not doi:
            doi = normalize_doi(value)
        elif kind == "arxiv" and not arxiv:
            found = arxiv_id(re.sub(r"^arxiv:", "", value.strip(), flags=re.IGNORECASE))
            arxiv = found.value if found else None
    return doi, arxiv


def _work_type(work: dict[str, Any], doi: str | None, arxiv: str | None, venue: str | None) -> str:
    raw = str(work.get("type") or "").lower()
    if is_preprint_doi(doi) or (venue or "").casefold() in PREPRINT_VENUES or (arxiv and not doi):
        return "preprint"
    return TYPES.get(raw, "misc")


def _authors(work: dict[str, Any]) -> list[str]:
    names = []
    for contributor in (work.get("contributors") or {}).get("contributor") or []:
        role = _value(contributor, "contributor-attributes", "contributor-role") or "author"
        name = _value(contributor, "credit-name", "value")
        if name and (role.lower() in ("author", "co-inventor") or role.startswith("http://credit.niso.org/")):
            names.append(person_name(name))
    return names


def record_from_work(work: dict[str, Any]) -> dict[str, Any]:
    """A scholar record from a work summary or a full work (which adds the authors)."""
    doi, arxiv = _external_ids(work)
    title = clean_title(_value(work, "title", "title", "value") or "")
    if not title:
        raise FetchError("ORCID", str(work.get("put-code", "")), "the work has no title", "bad-response")
    venue = _value(work, "journal-title", "value")
    date = work.get("publication-date") or {}
    parts = [_value(date, "year", "value"), _value(date, "month", "value"), _value(date, "day", "value")]
    url = _value(work, "url", "value")
    return make_record(
        _work_type(work, doi, arxiv, venue),
        title,
        authors=_authors(work),
        venue=plain(venue) if venue else None,
        **year_month_day(parts),
        doi=doi,
        arxiv=arxiv,
        url=None if url and doi and doi.casefold() in url.casefold() else url,
        abstract=plain(_value(work, "short-description") or "") or None,
    )


def fetch_person(orcid: str, client: Client) -> tuple[str | None, tuple[str, ...]]:
    """The person's name (credit name, else given and family names) and other names."""
    url = f"{base_url('orcid')}/v3.0/{orcid}/person"
    data = client.json("orcid", orcid, url, accept=ACCEPT, not_found="no such ORCID iD")
    given, family = _value(data, "name", "given-names", "value"), _value(data, "name", "family-name", "value")
    full = " ".join(part for part in (given, family) if part) or None
    credit = _value(data, "name", "credit-name", "value")
    others = [_value(item, "content") for item in (data.get("other-names") or {}).get("other-name") or []]
    names = [plain(name) for name in (credit, full, *others) if name]
    unique = list(dict.fromkeys(names))
    return (unique[0] if unique else None), tuple(unique[1:])


def _display_index(summary: dict[str, Any]) -> int:
    text = str(summary.get("display-index") or "0")
    return int(text) if text.isdigit() else 0


def preferred_summary(group: dict[str, Any]) -> dict[str, Any] | None:
    """The group's preferred version: the summary with the highest display index (the first on ties)."""
    summaries = [s for s in group.get("work-summary") or [] if isinstance(s, dict)]
    return max(summaries, key=_display_index) if summaries else None


def fetch_summaries(orcid: str, client: Client) -> list[dict[str, Any]]:
    """One summary per work group of the person's works list."""
    url = f"{base_url('orcid')}/v3.0/{orcid}/works"
    data = client.json("orcid", orcid, url, accept=ACCEPT, not_found="no such ORCID iD")
    groups = data.get("group") if isinstance(data, dict) else None
    if not isinstance(groups, list):
        raise FetchError("ORCID", orcid, "answered without a works list", "bad-response")
    return [summary for summary in (preferred_summary(g) for g in groups if isinstance(g, dict)) if summary]


def fetch_details(orcid: str, put_codes: list[str], client: Client) -> dict[str, dict[str, Any]]:
    """Full works by put-code, from the bulk endpoint (a request per 100 works)."""
    found: dict[str, dict[str, Any]] = {}
    for start in range(0, len(put_codes), BULK_LIMIT):
        chunk = ",".join(put_codes[start : start + BULK_LIMIT])
        url = f"{base_url('orcid')}/v3.0/{orcid}/works/{chunk}"
        data = client.json("orcid", f"{orcid} works {chunk}", url, accept=ACCEPT, ttl=METADATA_TTL)
        for item in data.get("bulk") or [] if isinstance(data, dict) else []:
            work = item.get("work") if isinstance(item, dict) else None
            if isinstance(work, dict) and work.get("put-code") is not None:
                found[str(work["put-code"])] = work
    return found
