"""What a service is: the one declaration (:class:`Service`) each service module makes as ``SERVICE``.

A service module (``fetch/crossref.py``, ``fetch/openalex.py``, ...) declares its name, its base
address and the variable that overrides it, what it can look up, how many identifiers one request
may carry and how fast it may be asked; and it defines the functions its lookups name (see
:data:`LOOKUPS`). The registry (:mod:`.registry`) finds the modules; the commands' choices, the
client's pacing and the messages are derived from the declarations.

Nothing here loads the HTTP client.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Literal

Lookup = Literal["doi", "arxiv", "dblp", "citations", "profile"]

# What each lookup means, and the function a module that declares it defines.
LOOKUPS: dict[str, tuple[str, str]] = {
    "doi": ("a work by its DOI", "fetch"),
    "arxiv": ("a work by its arXiv id", "fetch"),
    "dblp": ("a work by its DBLP key", "fetch_record"),
    "citations": ("citation counts, in batches", "citation_counts"),
    "profile": ("a person's works", "profile"),
}


@dataclass(frozen=True)
class Pace:
    """How fast a service may be asked: requests a second, and requests at once."""

    rate: float
    concurrency: int

    def __post_init__(self) -> None:
        if not (self.rate > 0 and self.concurrency >= 1):
            raise ValueError(f"a pace needs a rate above 0 and at least one request at once, not {self}")


@dataclass(frozen=True)
class Service:
    """One scholarly service, declared once, in its own module."""

    name: str  # what commands, the cache and citations.toml call it: "openalex"
    shown: str  # what messages call it: "OpenAlex"
    url: str  # the real base address; SCHOLAR_<NAME>_URL overrides it
    looks_up: frozenset[Lookup]
    pace: Pace  # the documented limits for a user the service does not know
    keyed_pace: Pace | None = None  # when the user's setting ``keyed_by`` is there: a key, a contact address
    keyed_by: str = ""  # a field of fetch.config.Config
    batch: int = 1  # identifiers one request may carry
    batch_chars: int = 0  # and their length together, where the request line is the limit (0: none)
    matches_by: str = ""  # how a citation lookup finds a work, for the note on one it does not find
    counts_by: tuple[str, ...] = ()  # the identifier kinds a citation lookup asks by, in order: "doi", "arxiv"
    profile: str = ""  # an import option's help, for a service that lists a person's works
    order: int = 50  # where the service comes in a list of choices (the default first)

    @property
    def variable(self) -> str:
        """The environment variable that points the service elsewhere (a mirror, a test server)."""
        return f"SCHOLAR_{self.name.upper()}_URL"

    def base_url(self) -> str:
        """The base address: the variable's value, else the real host; without a closing slash."""
        return (os.environ.get(self.variable) or self.url).rstrip("/")

    def can(self, lookup: Lookup) -> bool:
        return lookup in self.looks_up

    def pace_for(self, config: object) -> Pace:
        """The pace that applies: ``keyed_pace`` when the user's settings have ``keyed_by``."""
        if self.keyed_pace is not None and self.keyed_by and getattr(config, self.keyed_by, None):
            return self.keyed_pace
        return self.pace
