"""`import --orcid/--dblp/--openalex`: a person's works from a scholarly service, and the person.

The service's records are merged first (a preprint and its published version are one work, which
keeps the preprint's arXiv id), then imported as a .bib file's entries are (library.importing):
keyed by the key formula, a work the library has already skipped. The person is added to
library.toml's people, or given the name variants library.toml lacks.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scholarcli.library.importing import Entry, ImportReport, Skipped, import_records
from scholarcli.library.people import PersonChange, remember_person
from scholarcli.library.venues import recognise_venue
from scholarcli.library.writing import locked
from scholarcli.model import Settings
from scholarcli.model.named_tuple import NamedTuple
from scholarcli.model.query import fold

if TYPE_CHECKING:
    from scholarcli.fetch.http import Client

ProfileKind = str  # a service that lists a person's works (library.fetching.profile_sources)


class ProfileReport(NamedTuple):
    imported: ImportReport
    person: PersonChange | None  # None when the service names nobody
    fetch_merged: int  # records the service listed that were merged into another of them
    failures: list[tuple[str, str]]  # (identifier, reason): works the service listed but scholar could not read

    def _skips(self, in_batch: bool) -> int:
        added = set(self.imported.added)
        return sum(isinstance(i, Skipped) and (i.existing in added) == in_batch for i in self.imported.log)

    @property
    def merged(self) -> int:
        """Works of the batch merged into another of it: by the service's records, then by the library's rule."""
        return self.fetch_merged + self._skips(in_batch=True)

    @property
    def skipped(self) -> int:
        """Works the library already had."""
        return self._skips(in_batch=False)

    @property
    def failed(self) -> int:
        return len(self.failures) + len(self.imported.problems)


def _entry(record: dict[str, Any], settings: Settings, person: str | None) -> Entry:
    """A fetched record to import, named by its DOI, arXiv id or title, its venue the registry's if it is there.

    A work whose authors do not show the person (none listed, or a name library.toml does not
    know) names the person in ``people``, so that it is theirs in listings and CVs.
    """
    record = dict(record)
    if record.get("venue"):
        record["venue"] = recognise_venue(record["venue"], settings)
    names = {fold(name) for p in settings.people if p.name == person for name in p.all_names}
    if names and not names & {fold(author) for author in record.get("authors", [])}:
        record["people"] = [person]
    name = f"doi:{record['doi']}" if record.get("doi") else None
    name = name or (f"arXiv:{record['arxiv']}" if record.get("arxiv") else f'"{record["title"]}"')
    return Entry(name, None, record)


def import_profile(
    root: Path,
    kind: ProfileKind,
    ident: str,
    client: Client,
    *,
    progress: Callable[[int, int], None] | None = None,
    allow_duplicates: bool = False,
) -> ProfileReport:
    """Import every work of one person's profile, and the person, into the library at ``root``.

    The profile is fetched before anything is written: a failure to read it (an unknown iD, no
    network) writes nothing. A work that fails is listed, and the others are imported.
    """
    from scholarcli.fetch import fetch_profile
    from scholarcli.library.fetching import services

    fetching = (lambda done, total: progress(done, total or done)) if progress else None
    result = fetch_profile(kind, ident, client, fetching)
    with locked(root) as library:
        person = remember_person(library, result.name, result.variants) if result.name else None
        if person is not None and person.settings is not None:
            library = library._replace(settings=person.settings)
        owner = person.name if person is not None else None
        entries = [_entry(record, library.settings, owner) for record in result.records]
        shown = services()[kind].shown
        report = import_records(library, entries, f"{shown} {ident}", allow_duplicates, progress)
    return ProfileReport(report, person, result.merged, list(result.failures))
