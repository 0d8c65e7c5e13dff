"""Venues against the registry: free text linked to a registry venue by `add`, `import` and `check --fix`.

The registry is a library's own ``[venues]`` over the one bundled with scholar (venues.VenueRegistry).
A record's venue written as free text that names a registry venue ("The Thirteenth International
Conference on Learning Representations, ICLR 2025, Singapore") is linked: its venue becomes the
acronym, its track the one the text names (if it has none), and the text is kept in ``extra``
under the field it came from (formats.bibfile.venue_text_field), so that BibTeX and BibLaTeX give
it back. Only a text that is the venue's acronym or full name is not kept: nothing of it is lost.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from scholarcli.errors import Problem
from scholarcli.model import Settings, Work
from scholarcli.model.named_tuple import NamedTuple

TYPE_CHECKING = False
if TYPE_CHECKING:
    from scholarcli.formats.bib_reading import Converted

SUGGESTIONS = 3  # closest registry venues named for a misspelt one


class Link(NamedTuple):
    """What linking a free-text venue changes in a record: its venue, track and extra."""

    text: str  # the venue as the record had it
    acronym: str
    track: str | None  # the record's track after linking
    kept: str | None  # the extra field the text is kept under; None when it is the venue's acronym or name
    changes: dict[str, Any]  # the record's new venue, track and extra


class _Target(NamedTuple):
    acronym: str
    track: str | None  # the track the text names
    exact: bool  # the text is the venue's acronym or full name, any case


class Linker:
    """A library's registry, asked about free-text venues; each text is looked up once, since an
    import or a check meets the same texts again and again."""

    def __init__(self, settings: Settings) -> None:
        from scholarcli.venues import registry_of

        self.settings = settings
        self.registry = registry_of(settings)
        self._targets: dict[str, _Target | None] = {}
        self._closest: dict[str, list[str]] = {}

    def link(self, text: str, work_type: str, track: str | None, extra: Mapping[str, str]) -> Link | None:
        """How to link a record's free-text venue to the registry venue it names; None when it names
        none (or is a registry acronym already, or its text cannot be kept: that extra field is taken)."""
        from scholarcli.formats.bibfile import venue_text_field
        from scholarcli.formats.latex_text import escape

        target = self._target(text)
        if target is None:
            return None
        kept = None if target.exact or self._as_exported(text, target.acronym) else venue_text_field(work_type)
        changes: dict[str, Any] = {"venue": target.acronym, "track": track or target.track}
        if kept is not None and kept not in extra:  # already there: the import kept the source itself
            changes["extra"] = {**extra, kept: escape(text)}  # extra holds BibTeX source
        return Link(text, target.acronym, changes["track"], kept, changes)

    def _as_exported(self, text: str, acronym: str) -> bool:
        """Whether ``text`` is what scholar's exports write for the venue, "Name (ACRONYM)": nothing to keep."""
        venue = self.registry.get(acronym)
        return venue is not None and text.strip() == f"{venue.name} ({venue.acronym})"

    def closest(self, text: str) -> list[str]:
        """The acronyms of the registry venues closest to a misspelt venue, best first."""
        if text not in self._closest:
            self._closest[text] = self.registry.matcher().suggest(text, SUGGESTIONS)
        return self._closest[text]

    def _target(self, text: str) -> _Target | None:
        """The registry venue a free-text venue names, if any (None for a registry acronym itself)."""
        if text in self.registry:
            return None
        if text not in self._targets:
            self._targets[text] = self._look_up(text)
        return self._targets[text]

    def _look_up(self, text: str) -> _Target | None:
        acronym = self.registry.named(text)
        if acronym is not None:
            return _Target(acronym, None, True)
        found = self.registry.matcher().identify(text)
        return _Target(found.acronym, found.track, False) if found else None


def _described(link: Link) -> str:
    track = f" ({link.track} track)" if link.track else ""
    return f'"{link.text}" names {link.acronym}{track} of the venue registry'


def _kept(link: Link) -> str:
    return f" (its text kept in extra.{link.kept}, which BibTeX exports give back)" if link.kept else ""


# --- add --------------------------------------------------------------------------------------


class Settled(NamedTuple):
    """A new record's fields with its venue as the registry names it, and what to tell the user."""

    raw: dict[str, Any]
    notes: list[str]


def settle_venue(root: Path, raw: dict[str, Any]) -> Settled:
    """``raw`` (the fields `add` was given) with a free-text venue that names a registry venue linked
    to it; a venue near a registry one gets a "did you mean"."""
    from scholarcli.store.records import parse_settings, settings_bytes

    text = raw.get("venue")
    if not isinstance(text, str) or not text.strip():
        return Settled(raw, [])
    linker = Linker(parse_settings(settings_bytes(root)))
    link = linker.link(text, str(raw.get("type")), raw.get("track"), {})
    if link is not None:
        note = f"venue {_described(link)}: stored as {link.acronym}{_kept(link)}"
        return Settled({**raw, **{name: value for name, value in link.changes.items() if value}}, [note])
    close = [] if text in linker.registry else linker.closest(text)
    if not close:
        return Settled(raw, [])
    return Settled(
        raw, [f'"{text}" is not in the venue registry; stored as written (did you mean {", ".join(close)}?)']
    )


# --- import -----------------------------------------------------------------------------------


def link_imported(entries: Iterable[Converted], settings: Settings) -> int:
    """Link each imported entry whose venue text names a registry venue (its record changed in place);
    how many were linked. The text comes back on export (see the module)."""
    linker = Linker(settings)
    linked = 0
    for entry in entries:
        record = entry.record
        text = record.get("venue")
        link = None
        if isinstance(text, str):
            link = linker.link(text, str(record["type"]), record.get("track"), record.get("extra") or {})
        if link is not None:
            record.update({name: value for name, value in link.changes.items() if value})
            linked += 1
        elif isinstance(text, str) and not record.get("track"):
            _track_from_kept_text(record, text, linker)
    return linked


def _track_from_kept_text(record: dict[str, Any], acronym: str, linker: Linker) -> None:
    """A record already linked (al-folio's abbr) whose kept venue text names its track: "ACL Findings"."""
    from scholarcli.formats.bibfile import venue_text_field
    from scholarcli.formats.latex_text import decode

    kept = (record.get("extra") or {}).get(venue_text_field(str(record["type"])))
    if isinstance(kept, str):
        target = linker._target(decode(kept))
        if target is not None and target.acronym == acronym and target.track:
            record["track"] = target.track


# --- check ------------------------------------------------------------------------------------


def venue_warning(work: Work, path: str, linker: Linker) -> Problem | None:
    """What `check` says of a venue not in the registry: which registry venue it names, or the closest."""
    if not work.venue or work.venue in linker.registry:
        return None
    link = linker.link(work.venue, work.type, work.track, work.extra)
    if link is not None:
        return Problem(path, "venue", f"{_described(link)}: `scholar check --fix` links it{_kept(link)}")
    close = linker.closest(work.venue)
    hint = f" (did you mean {', '.join(close)}?)" if close else " (the bundled one or library.toml's [venues])"
    return Problem(path, "venue", f'"{work.venue}" is not in the venue registry{hint}')


class Fixed(NamedTuple):
    """A record `check --fix` linked to the registry venue its free-text venue names."""

    path: str
    link: Link

    def __str__(self) -> str:
        return f"{self.path}: venue: {_described(self.link)}: linked{_kept(self.link)}"


def fix_venues(explicit: Path | None) -> list[Fixed]:
    """Link every record of the chosen library whose free-text venue names a registry venue.

    Under the library's lock, every changed record is validated before any is written, and each
    is written atomically.
    """
    from scholarcli.library.writing import locked, writable_root
    from scholarcli.store.records import save, validated

    root = writable_root(explicit)
    with locked(root) as library:
        linker = Linker(library.settings)
        changed: list[tuple[Fixed, Work]] = []
        for work in library.works:
            link = linker.link(work.venue, work.type, work.track, work.extra) if work.venue else None
            if link is not None:
                changed.append((Fixed(library.paths[work.key], link), work._replace(**link.changes)))
        for fixed, work in changed:
            validated(work, fixed.path, library.known)
        for fixed, work in changed:
            save(root, fixed.path, work, library.known, overwrite=True)
    return [fixed for fixed, _ in changed]


# --- fetched works ------------------------------------------------------------------------------


def recognise_venue(text: str, settings: Settings) -> str:
    """The acronym of the registry venue a fetched venue text names (``add IDENTIFIER``, ``import
    --orcid``): the library's own ``[venues]`` first (by acronym, name or alias, as whole words),
    then the bundled registry; else ``text`` itself."""
    from scholarcli.model.query import words
    from scholarcli.venues import registry_of

    wanted = words(text)
    for acronym, venue in settings.venues.items():
        if wanted and any(words(name) == wanted for name in venue.all_names):
            return acronym
    registry = registry_of(settings)
    found = registry.named(text)
    if found is None and (identified := registry.matcher().identify(text)) is not None:
        found = identified.acronym
    return found or text
