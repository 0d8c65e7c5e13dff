"""What the user typed, as a typed identifier: a DOI, an arXiv id, a DBLP key or an OpenReview forum.

Accepted forms::

    10.1145/3184558.3186235            doi:10.1145/...        https://doi.org/10.1145/...
    https://dl.acm.org/doi/10.1145/... (any address with a DOI in it)
    2409.13598   2409.13598v2   arXiv:2409.13598   hep-th/9901001   math.GT/0309136v1
    https://arxiv.org/abs/2409.13598v2   https://arxiv.org/pdf/2409.13598.pdf
    10.48550/arXiv.2409.13598 (arXiv's own DOIs are read from arXiv)
    DBLP:conf/iclr/SenguptaCC25   conf/iclr/SenguptaCC25   https://dblp.org/rec/conf/iclr/SenguptaCC25.html
    https://openreview.net/forum?id=5RielfrDkP
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal
from urllib.parse import parse_qs, unquote, urlsplit

from scholarcli.fetch import FetchError
from scholarcli.fetch.text import normalize_doi

Kind = Literal["doi", "arxiv", "dblp", "openreview"]

_NEW_ARXIV = re.compile(r"(\d{2})(\d{2})\.(\d{4,5})(v\d+)?")
_OLD_ARXIV = re.compile(r"([a-z]+(?:-[a-z]+)*(?:\.[A-Z]{2})?)/(\d{2})(\d{2})(\d{3})(v\d+)?")
_ARXIV_DOI = re.compile(r"10\.48550/arxiv\.(.+)", re.IGNORECASE)
_DBLP_KEY = re.compile(r"[a-z][a-z0-9-]*(?:/[A-Za-z0-9_.:+'=-]+){2,}")
_DBLP_PREFIXES = ("conf/", "journals/", "books/", "series/", "phd/", "reference/", "tr/", "persons/", "homepages/")
_DBLP_HOSTS = ("dblp.org", "dblp.uni-trier.de", "dblp.dagstuhl.de")
_OPENREVIEW_ID = re.compile(r"[A-Za-z0-9_-]{5,40}")
EXPECTED = "expected a DOI, an arXiv id, a DBLP key, or a doi.org, arxiv.org, dblp.org or openreview.net address"


@dataclass(frozen=True)
class Identifier:
    """A typed identifier: for arXiv ``value`` is the id without version, ``version`` e.g. "v2"."""

    kind: Kind
    value: str
    version: str | None = None

    @property
    def versioned(self) -> str:
        """The value with its version, as arXiv's API is asked for it."""
        return self.value + (self.version or "")

    def __str__(self) -> str:
        return {"doi": "doi:", "arxiv": "arXiv:", "dblp": "DBLP:", "openreview": "openreview:"}[
            self.kind
        ] + self.versioned


def arxiv_id(text: str) -> Identifier | None:
    """An arXiv id (new style ``yymm.nnnnn`` or old style ``archive/yymmnnn``), or None."""
    text = text.strip()
    new = _NEW_ARXIV.fullmatch(text)
    if new:
        year, month, number, version = new.groups()
        digits = 4 if (int(year), int(month)) < (15, 1) else 5
        if not 1 <= int(month) <= 12 or len(number) != digits or (int(year), int(month)) < (7, 4):
            return None
        return Identifier("arxiv", f"{year}{month}.{number}", version)
    old = _OLD_ARXIV.fullmatch(text)
    if old:
        archive, _year, month, number, version = old.groups()
        if not 1 <= int(month) <= 12:
            return None
        return Identifier("arxiv", f"{archive}/{old.group(2)}{month}{number}", version)
    return None


def _arxiv_or_error(text: str, original: str) -> Identifier:
    found = arxiv_id(text)
    if found is None:
        raise FetchError("arXiv", original, "not a valid arXiv id (e.g. 2409.13598v2 or hep-th/9901001)", "malformed")
    return found


def _doi(text: str, original: str) -> Identifier:
    doi = normalize_doi(text)
    if doi is None:
        raise FetchError("doi.org", original, "not a valid DOI (e.g. 10.1145/3184558.3186235)", "malformed")
    arxiv = _ARXIV_DOI.fullmatch(doi)
    if arxiv:
        return _arxiv_or_error(arxiv.group(1), original)
    return Identifier("doi", doi)


def _dblp(key: str, original: str) -> Identifier:
    key = re.sub(r"\.(html|bib|xml|ris|nt|ttl|rdf)$", "", key.strip().strip("/"))
    if not _DBLP_KEY.fullmatch(key):
        raise FetchError("DBLP", original, "not a valid DBLP key (e.g. DBLP:conf/iclr/SenguptaCC25)", "malformed")
    return Identifier("dblp", key)


def _from_address(text: str, original: str) -> Identifier:
    parts = urlsplit(text if "://" in text else "https://" + text)
    host = (parts.hostname or "").lower().removeprefix("www.").removeprefix("export.")
    path = unquote(parts.path).strip("/")
    if host in ("doi.org", "dx.doi.org"):
        return _doi(path, original)
    if host == "arxiv.org":
        match = re.fullmatch(r"(?:abs|pdf|html)/(.+?)(?:\.pdf)?", path)
        return _arxiv_or_error(match.group(1) if match else "", original)
    if host in _DBLP_HOSTS:
        match = re.fullmatch(r"rec/(?:(?:bibtex|bib|xml)/)?(.+)", path)
        if match:
            return _dblp(match.group(1), original)
        raise FetchError("DBLP", original, "not the address of a DBLP record (https://dblp.org/rec/...)", "malformed")
    if host == "openreview.net":
        forum = parse_qs(parts.query).get("id", [""])[0]
        if path in ("forum", "pdf") and _OPENREVIEW_ID.fullmatch(forum):
            return Identifier("openreview", forum)
        raise FetchError(
            "OpenReview", original, "not a forum address (https://openreview.net/forum?id=...)", "malformed"
        )
    if normalize_doi(path):
        return _doi(path, original)
    raise FetchError("scholar", original, f"no identifier in this address ({EXPECTED})", "malformed")


def identify(text: str) -> Identifier:
    """The identifier ``text`` names; FetchError (one line, kind "malformed") when it names none."""
    original = " ".join(text.split())
    value = original.strip("<>\"' ").rstrip(".,;")
    lowered = value.lower()
    if not value:
        raise FetchError("scholar", original, f"empty identifier ({EXPECTED})", "malformed")
    if "://" in value or re.match(r"(?:www\.)?(?:dx\.)?(?:doi\.org|arxiv\.org|dblp\.org|openreview\.net)/", lowered):
        return _from_address(value, original)
    if lowered.startswith("arxiv:"):
        return _arxiv_or_error(value[6:], original)
    if lowered.startswith("dblp:"):
        return _dblp(value[5:], original)
    if lowered.startswith(("doi:", "10.")):
        return _doi(value, original)
    found = arxiv_id(value)
    if found is not None:
        return found
    if value.startswith(_DBLP_PREFIXES):
        return _dblp(value, original)
    raise FetchError("scholar", original, f"not an identifier scholar can look up ({EXPECTED})", "malformed")
