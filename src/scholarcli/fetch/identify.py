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
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import parse_qs, unquote, urlsplit

from scholarcli.fetch import FetchError

Kind = str  # a key of KINDS

_NEW_ARXIV = re.compile(r"(\d{2})(\d{2})\.(\d{4,5})(v\d+)?")
_OLD_ARXIV = re.compile(r"([a-z]+(?:-[a-z]+)*(?:\.[A-Z]{2})?)/(\d{2})(\d{2})(\d{3})(v\d+)?")
_ARXIV_DOI = re.compile(r"10\.48550/arxiv\.(.+)", re.IGNORECASE)
_DBLP_KEY = re.compile(r"[a-z][a-z0-9-]*(?:/[A-Za-z0-9_.:+'=-]+){2,}")
_DBLP_PREFIXES = ("conf/", "journals/", "books/", "series/", "phd/", "reference/", "tr/", "persons/", "homepages/")
_DBLP_HOSTS = ("dblp.org", "dblp.uni-trier.de", "dblp.dagstuhl.de")
_OPENREVIEW_ID = re.compile(r"[A-Za-z0-9_-]{5,40}")
_DOI = re.compile(r"10\.\d{4,9}/[^\s\x00-\x1f\x7f-\x9f]+")
_DOI_PREFIXES = re.compile(r"^(?:https?://)?(?:dx\.)?(?:www\.)?doi\.org/|^doi:\s*", re.IGNORECASE)
# DOI prefixes of preprint servers: a work with such a DOI is a preprint whatever its source calls it.
PREPRINT_DOI_PREFIXES = (
    "10.48550/",  # arXiv
    "10.1101/",  # bioRxiv, medRxiv
    "10.31219/",  # OSF Preprints
    "10.31234/",  # PsyArXiv
    "10.31235/",  # SocArXiv
    "10.20944/",  # Preprints.org
    "10.21203/",  # Research Square
    "10.26434/",  # ChemRxiv
    "10.36227/",  # TechRxiv
    "10.2139/",  # SSRN
    "10.1038/npre.",  # Nature Precedings
)
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
        return KINDS[self.kind][0] + self.versioned


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


# Each kind of identifier: how it is written with its prefix, and the reader of what follows the
# prefix (None: a kind only an address gives, as OpenReview's forum id).
KINDS: dict[str, tuple[str, Callable[[str, str], Identifier] | None]] = {
    "doi": ("doi:", _doi),
    "arxiv": ("arXiv:", _arxiv_or_error),
    "dblp": ("DBLP:", _dblp),
    "openreview": ("openreview:", None),
}


def identify(text: str) -> Identifier:
    """The identifier ``text`` names; FetchError (one line, kind "malformed") when it names none."""
    original = " ".join(text.split())
    value = original.strip("<>\"' ").rstrip(".,;")
    lowered = value.lower()
    if not value:
        raise FetchError("scholar", original, f"empty identifier ({EXPECTED})", "malformed")
    if "://" in value or re.match(r"(?:www\.)?(?:dx\.)?(?:doi\.org|arxiv\.org|dblp\.org|openreview\.net)/", lowered):
        return _from_address(value, original)
    for prefix, read in KINDS.values():
        if read is not None and lowered.startswith(prefix.lower()):
            return read(value[len(prefix) :], original)
    if lowered.startswith("10."):
        return _doi(value, original)
    found = arxiv_id(value)
    if found is not None:
        return found
    if value.startswith(_DBLP_PREFIXES):
        return _dblp(value, original)
    raise FetchError("scholar", original, f"not an identifier scholar can look up ({EXPECTED})", "malformed")


def normalize_doi(value: str) -> str | None:
    """A DOI without its resolver prefix, or None when the text holds none."""
    text = _DOI_PREFIXES.sub("", unquote(value.strip()))
    match = _DOI.search(text)
    if not match:
        return None
    return match.group(0).rstrip(".,;)")


def doi_key(doi: str) -> str:
    """A DOI for comparison (DOIs are case-insensitive)."""
    return doi.casefold()


def is_preprint_doi(doi: str | None) -> bool:
    """Whether a DOI belongs to a preprint server."""
    return bool(doi) and str(doi).casefold().startswith(tuple(p.casefold() for p in PREPRINT_DOI_PREFIXES))
