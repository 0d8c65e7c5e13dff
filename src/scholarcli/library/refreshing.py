"""`refresh`: fetch works again and say what changed; find preprints' published versions; citation counts.

A work is looked up by its DOI, else its arXiv id, else a DBLP key its record names (``links.dblp``,
a dblp.org ``url``, or the ``biburl`` an import from DBLP kept in ``extra``); a preprint is also
followed to its published version (arXiv's DOI, Crossref's relations, DBLP). What differs is
reported field by field; saved only when asked, and then only the fields the fetch has: a field it
lacks is never touched. The type changes only to a published version's, which also brings its venue
and DOI and keeps the arXiv id.

Counts (``refresh --citations``) go to citations.toml; a work whose count could not be fetched, or
that the service does not know, keeps the count it had. The services are asked first, outside the
library's lock; the lock is held only to write, and what is written is read again inside it.

Both ask in batches where a service takes them (Crossref's and arXiv's records are read ahead; counts
come a batch a request), several requests at once within each service's pace (fetch/pacing.py).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scholarcli.errors import Problem, ScholarError
from scholarcli.index import Progress
from scholarcli.model import EQUAL_CONTRIBUTION, Citation, Settings, Work
from scholarcli.model.marks import marked
from scholarcli.model.named_tuple import NamedTuple
from scholarcli.model.query import Filters, fold, pick, select, sort_works

if TYPE_CHECKING:
    from scholarcli.fetch import FetchedWork
    from scholarcli.fetch.http import Client
    from scholarcli.index import Library

# The fields a refresh compares and may change; the others are the user's (tags, notes, links,
# equal contribution, people, selected) or a patent's, which no service here knows.
REFRESHED = (
    "title",
    "authors",
    "venue",
    "track",
    "year",
    "month",
    "day",
    "volume",
    "issue",
    "pages",
    "publisher",
    "doi",
    "arxiv",
    "categories",
    "abstract",
)
# What a published version brings to its preprint (the arXiv id is kept).
PUBLISHED = ("type", "venue", "doi")


class Change(NamedTuple):
    field: str
    old: object  # None when the record has no value
    new: object


class Refreshed(NamedTuple):
    """One work looked up: the service that answered, what differs, the published version found."""

    key: str
    source: str
    changes: list[Change]
    published: str | None = None  # the published version, described, when the preprint has one
    notes: tuple[str, ...] = ()  # what was kept and why (authors whose equal contributors are not all there)


class RefreshReport(NamedTuple):
    """Every work looked up, those with nothing to look them up by, those that failed, those saved."""

    refreshed: list[Refreshed]
    skipped: list[str]
    failures: list[tuple[str, str]]  # (key, one-line reason)
    saved: list[str]
    problems: list[Problem]
    root: Path
    interrupted: bool = False  # the user stopped it: what was looked up and saved before is all here


def _selection(library: Library, filters: Filters, keys: Sequence[str]) -> list[Work]:
    """The works named by ``keys`` (each must exist), in order; else those ``filters`` select, by key."""
    if keys:
        return select(pick(library.works, keys), filters, library.settings)
    return sort_works(select(library.works, filters, library.settings), "key")


_DBLP_HOSTS = re.compile(r"https?://(?:www\.)?dblp\.(?:org|uni-trier\.de|dagstuhl\.de)/rec/", re.IGNORECASE)


def identifier(work: Work) -> str | None:
    """What to look the work up by: its DOI, else its arXiv id, else a DBLP key its record names."""
    if work.doi:
        return f"doi:{work.doi}"
    if work.arxiv:
        return f"arXiv:{work.arxiv}"
    for address in (work.links.get("dblp"), work.url, work.extra.get("biburl")):
        if address and _DBLP_HOSTS.match(address.strip("{} ")):
            return address.strip("{} ")
    return None


def _shown(value: object) -> str:
    """A value as one short line: lists joined, long texts cut, true and false as in TOML."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None or value == () or value == []:
        return "(none)"
    text = ", ".join(map(str, value)) if isinstance(value, list | tuple) else str(value)
    text = " ".join(text.split())
    return text if len(text) <= 80 else text[:79] + "…"


def describe(change: Change) -> str:
    """``field: old -> new``, each value on one short line (an unset flag is false)."""
    from scholarcli.model import FIELD_KINDS, Kind

    flag = FIELD_KINDS.get(change.field) is Kind.BOOL
    old, new = (bool(value) if flag else value for value in (change.old, change.new))
    return f"{change.field}: {_shown(old)} -> {_shown(new)}"


def _registry_venue(venue: str, settings: Settings) -> str:
    """The registry's acronym for a venue a service names by one of the registry's names."""
    wanted = fold(venue)
    for entry in settings.venues.values():
        if any(fold(name) == wanted for name in entry.all_names):
            return entry.acronym
    return venue


def _same(name: str, old: object, new: object, settings: Settings) -> bool:
    """Whether a fetched value says what the record says, as far as that field goes."""
    from scholarcli.fetch.identify import doi_key
    from scholarcli.fetch.service_text import title_key

    if isinstance(old, str) and isinstance(new, str):
        if name == "title":
            return title_key(old) == title_key(new)
        if name == "doi":
            return doi_key(old) == doi_key(new)
        if name == "arxiv":
            return re.sub(r"v\d+$", "", old) == re.sub(r"v\d+$", "", new)
        if name == "venue":
            return fold(_registry_venue(new, settings)) == fold(old)
        return " ".join(old.split()) == " ".join(new.split())
    if isinstance(old, tuple) and isinstance(new, list):
        return [fold(item) for item in old] == [fold(item) for item in new]
    return old == new


def _authors(work: Work, fetched: list[str], record: dict[str, Any]) -> str | None:
    """Take the fetched authors into ``record``, each mark on the same author; or keep the record's,
    and say why."""
    by_folded = {fold(name): name for name in fetched}
    marks = marked(work)
    missing = list(dict.fromkeys(name for names in marks.values() for name in names if fold(name) not in by_folded))
    if missing:
        return f"authors kept: the marked authors {', '.join(missing)} are not among the fetched authors"
    record["authors"] = fetched
    record.pop("authors_truncated", None)  # a service lists every author
    for kind, names in marks.items():
        moved = [by_folded[fold(name)] for name in names]
        if kind == EQUAL_CONTRIBUTION:
            record["equal_contribution"] = moved
        else:
            record["marks"][kind] = moved
    return None


def merged(work: Work, fetched: Mapping[str, Any], settings: Settings) -> tuple[dict[str, Any], list[str]]:
    """The record with the fetched values of REFRESHED fields that differ, and notes on what was kept."""
    record = work.to_record()
    notes: list[str] = []
    for name in REFRESHED:
        new = fetched.get(name)
        if new is None or _same(name, getattr(work, name), new, settings):
            continue
        if name == "authors":
            note = _authors(work, list(new), record)
            notes += [note] if note else []
        else:
            record[name] = _registry_venue(new, settings) if name == "venue" else new
            if name == "title":  # a fetched title, no longer its import's: protected as any other
                record.pop("title_as_written", None)
    return record, notes


def changes(work: Work, record: Mapping[str, Any]) -> list[Change]:
    """The fields whose value in ``record`` differs from the work's, in canonical order."""
    from scholarcli.model import FIELD_KINDS

    old = work.to_record()
    return [Change(name, old.get(name), record.get(name)) for name in FIELD_KINDS if old.get(name) != record.get(name)]


def _published_text(found: FetchedWork) -> str:
    """A published version in a few words: type, venue, year, DOI, and the service that knew it."""
    record = found.record
    text = ", ".join(str(record[name]) for name in ("type", "venue", "year") if record.get(name))
    if record.get("doi"):
        text += f", DOI {record['doi']}"
    return f"{text} ({found.source})"


def _refresh_one(work: Work, settings: Settings, client: Client) -> tuple[Refreshed, dict[str, Any]] | None:
    """The work looked up again: what differs, and the record it would be saved as.

    None when there is nothing to look it up by (a preprint is still searched for in DBLP by its title).
    """
    from scholarcli.fetch import fetch_work, published_version

    wanted = identifier(work)
    if wanted is None and work.type != "preprint":
        return None
    record, source = work.to_record(), ""
    notes: list[str] = []
    if wanted is not None:
        found = fetch_work(wanted, client)
        record, notes = merged(work, found.record, settings)
        source = found.source
    published = published_version(work, client)  # None for a work that is no preprint
    described = None
    if published is not None:
        for name in PUBLISHED:
            value = published.record.get(name)
            if value is not None:
                record[name] = _registry_venue(value, settings) if name == "venue" else value
        described = _published_text(published)
        source = source or published.source
    return Refreshed(work.key, source, changes(work, record), described, tuple(notes)), record


def _client(
    given: Client | None, jobs: int | None = None, rate: float | None = None
) -> contextlib.AbstractContextManager[Client]:
    """The given client, left open for its owner; else a new one (``jobs``, ``rate``: its pace), closed when done."""
    from scholarcli.library import fetching

    return contextlib.nullcontext(given) if given is not None else fetching.make_client(jobs, rate)


LOOKUPS_AT_ONCE = 4  # works looked up at once; each service's gate keeps its own pace whatever this is


def _looked_up(
    works: Sequence[Work], library: Library, http: Client, jobs: int | None, progress: Progress | None
) -> tuple[dict[str, tuple[Refreshed, dict[str, Any]] | str | None], bool]:
    """Each work's lookup (None: nothing to look it up by; a string: why it failed), and whether it was interrupted.

    Crossref's records of the works' DOIs are read ahead in batches first; then the works are looked
    up ``jobs`` at once.
    """
    from scholarcli.fetch import FetchError, prefetch
    from scholarcli.fetch.batches import each

    def one(work: Work) -> tuple[Work, tuple[Refreshed, dict[str, Any]] | str | None]:
        try:
            return work, _refresh_one(work, library.settings, http)
        except FetchError as error:
            return work, str(error)

    found: dict[str, tuple[Refreshed, dict[str, Any]] | str | None] = {}
    try:
        prefetch([wanted for work in works if (wanted := identifier(work))], http, jobs)
        for work, result in each(works, one, jobs or LOOKUPS_AT_ONCE):
            found[work.key] = result
            if progress:
                progress(len(found), len(works))
    except KeyboardInterrupt:  # what was looked up is reported; nothing is saved
        return found, True
    return found, False


def refresh_works(
    explicit: Path | None,
    filters: Filters,
    keys: Sequence[str] = (),
    write: bool = False,
    progress: Progress | None = None,
    client: Client | None = None,
    jobs: int | None = None,
    rate: float | None = None,
) -> RefreshReport:
    """Look the selected works up again (those of ``keys``, or every one ``filters`` select); with
    ``write`` save what changed. A failure is reported against its work and the others go on."""
    from scholarcli.library import open_library
    from scholarcli.library.writing import writable_root

    if write:
        writable_root(explicit)  # the read-only sample refuses before anything is asked
    library = open_library(explicit)
    works = _selection(library, filters, keys)
    with _client(client, jobs, rate) as http:
        found, interrupted = _looked_up(works, library, http, jobs, progress)
    looked: list[Refreshed] = []
    skipped: list[str] = []
    failures: list[tuple[str, str]] = []
    planned: dict[str, tuple[Work, Work]] = {}
    for work in works:  # reported in the selection's order, whatever order the answers came in
        if work.key not in found:  # not looked up before an interrupt
            continue
        result = found[work.key]
        if result is None or isinstance(result, str):
            skipped += [work.key] if result is None else []
            failures += [(work.key, result)] if isinstance(result, str) else []
            continue
        new = _checked(work, result[1], library)
        if isinstance(new, str):
            failures.append((work.key, new))
            continue
        looked.append(result[0])
        if new != work:
            planned[work.key] = (work, new)
    saved, unsaved, stopped = _save(library.root, planned) if write and not interrupted else ([], [], False)
    done_with = (looked, skipped, failures + unsaved, saved, library.problems, library.root)
    return RefreshReport(*done_with, interrupted=interrupted or stopped)


def _checked(work: Work, record: dict[str, Any], library: Library) -> Work | str:
    """The refreshed work, checked as its file would be read (valid, within a record's size); else why not."""
    from scholarcli.errors import InvalidRecord
    from scholarcli.model.validate import work_from_record
    from scholarcli.store.records import validated

    relative = library.paths[work.key]
    new, problems = work_from_record(work.key, record, relative, library.known)
    if new is None:
        return f"the fetched values make no valid record: {problems[0]}"
    try:
        validated(new, relative, library.known)
    except InvalidRecord as error:
        return f"the fetched values make no valid record: {error.problems[0]}"
    return new


def _save(root: Path, planned: Mapping[str, tuple[Work, Work]]) -> tuple[list[str], list[tuple[str, str]], bool]:
    """Save each refreshed work whose record is still what was refreshed; the others are failures.
    An interrupt, held while a record is saved, stops the saving: whether it did is the third value."""
    from scholarcli.errors import InvalidRecord
    from scholarcli.library.writing import locked
    from scholarcli.store.fileio import interrupts_deferred
    from scholarcli.store.records import save

    saved: list[str] = []
    failures: list[tuple[str, str]] = []
    with locked(root) as current:
        now = {work.key: work for work in current.works}
        try:
            for key, (before, after) in planned.items():
                if now.get(key) != before:
                    failures.append((key, "changed or removed while it was refreshed; not saved (refresh it again)"))
                    continue
                with interrupts_deferred():
                    try:
                        save(root, current.paths[key], after, current.known, overwrite=True)
                    except InvalidRecord as error:  # library.toml's people changed meanwhile, say
                        failures.append((key, f"not saved: {error}"))
                        continue
                    saved.append(key)
        except KeyboardInterrupt:
            return saved, failures, True
    return saved, failures, False


class CitationsReport(NamedTuple):
    """Counts fetched (with the count each work had), works the service does not know, failures."""

    source: str
    counted: dict[str, tuple[Citation | None, Citation]]  # key -> (the count it had, the new one)
    unmatched: list[str]  # their counts, if they had any, are kept
    failures: list[tuple[str, str]]  # (key, one-line reason): their counts are kept
    path: Path | None  # citations.toml, when it was written
    problems: list[Problem]
    root: Path
    interrupted: bool = False  # stopped before anything was written; what was fetched is in the cache


def _stored_counts(root: Path) -> dict[str, Citation]:
    """citations.toml's counts, refusing a file with problems: rewriting it would lose the broken entries."""
    from scholarcli.store.citations_file import read_citations
    from scholarcli.store.records import CITATIONS_FILE

    counts, problems = read_citations(root)
    if problems:
        raise ScholarError(
            f"{problems[0]}; fix {CITATIONS_FILE} (scholar check names its problems) before a refresh rewrites it"
        )
    return counts


def refresh_citations(
    explicit: Path | None,
    filters: Filters,
    keys: Sequence[str] = (),
    source: str = "openalex",
    progress: Progress | None = None,
    client: Client | None = None,
    jobs: int | None = None,
    rate: float | None = None,
) -> CitationsReport:
    """Fetch the selected works' citation counts from ``source`` and store them in citations.toml.

    The works are asked for in batches, ``jobs`` at once and ``rate`` a second (default: the
    service's own limits). An
    interrupt stops the run before anything is written; what was fetched is kept in the response
    cache, so that the next run asks only for the rest.
    """
    from scholarcli.fetch import fetch_citations
    from scholarcli.library import open_library
    from scholarcli.library.writing import writable_root
    from scholarcli.store.citations_file import write_citations
    from scholarcli.store.records import write_lock

    root = writable_root(explicit)
    library = open_library(explicit)
    works = _selection(library, filters, keys)
    _stored_counts(root)  # a broken file is refused before anything is asked
    with _client(client, jobs, rate) as http:
        try:
            told = (lambda done, total: progress(done, total or done)) if progress else None
            result = fetch_citations(works, source, http, told, jobs)  # an unknown source is its FetchError
        except KeyboardInterrupt:
            return CitationsReport(source, {}, [], [], None, library.problems, root, interrupted=True)
    fetched = {key: Citation(found.count, found.source, found.date) for key, found in result.counts.items()}
    path = None
    with write_lock(root):  # read again inside the lock: another process may have written since
        previous = _stored_counts(root)
        if fetched:
            path = write_citations(root, {**previous, **fetched})
    order = {work.key: at for at, work in enumerate(works)}  # the selection's order, whatever order answers came in
    counted = {key: (previous.get(key), fetched[key]) for key in sorted(fetched, key=order.__getitem__)}
    failures = sorted(result.failures.items(), key=lambda item: order[item[0]])
    unmatched = sorted(result.unmatched, key=order.__getitem__)
    return CitationsReport(source, counted, unmatched, failures, path, library.problems, root)
