"""When two records are the same work: same key, DOI, arXiv id, or title, year and first author."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from scholarcli.model import Work
from scholarcli.model.markup import plain
from scholarcli.model.named_tuple import NamedTuple
from scholarcli.model.names import split_name
from scholarcli.model.query import fold, words


def _arxiv_id(value: str) -> str:
    """``arXiv:2409.13598v2`` and ``2409.13598`` are the same paper."""
    value = re.sub(r"(?i)^arxiv:", "", value.strip())
    return re.sub(r"v\d+$", "", value).lower()


def same_arxiv(one: str, other: str) -> bool:
    """Whether two arXiv ids name the same paper (any version, with or without ``arXiv:``)."""
    return _arxiv_id(one) == _arxiv_id(other)


def aliases(work: Work) -> list[str]:
    """The other keys of a work: biblatex's ``ids``, kept in ``extra``, that an import merged into it."""
    ids = work.extra.get("ids")
    return [alias.strip() for alias in ids.split(",") if alias.strip()] if ids else []


def with_alias(work: Work, alias: str) -> Work:
    """The work with ``alias`` among its other keys."""
    ids = ", ".join([*aliases(work), alias])
    return work._replace(extra={**work.extra, "ids": ids})


def same_title(work: Work, other: Work) -> bool:
    """Whether two works have the same title, case, markup and subtitle aside."""
    return _title(work) == _title(other)


def _title(work: Work) -> str:
    return " ".join(words(plain(f"{work.title} {work.extra.get('subtitle', '')}")))


def identities(work: Work) -> list[tuple[str, str]]:
    """(what, value) pairs any one of which, shared with another record, makes a duplicate."""
    found = [("key", work.key), *(("key", alias) for alias in aliases(work))]
    if work.doi:
        found.append(("DOI", work.doi.strip().lower()))
    if work.arxiv:
        found.append(("arXiv id", _arxiv_id(work.arxiv)))
    if work.is_patent and work.number:
        found.append(("patent number", re.sub(r"[^0-9a-z]", "", fold(work.number))))
    title = _title(work)
    first = fold(split_name(work.authors[0])[1]) if work.authors else ""
    if title:
        found.append(("title, year and first author", f"{title}|{work.year}|{first}"))
    return found


@dataclass
class DuplicateIndex:
    """The identities of the works seen so far, to find a new work's twin in constant time."""

    seen: dict[tuple[str, str], str] = field(default_factory=dict)
    # The last work find was asked about, and its identities: an import adds the work it has just
    # looked up, and working them out again was 4 us of each entry.
    _last: tuple[Work, list[tuple[str, str]]] | None = field(default=None, repr=False, compare=False)

    @classmethod
    def of(cls, works: Iterable[Work]) -> DuplicateIndex:
        index = cls()
        for work in works:
            index.add(work)
        return index

    def find(self, work: Work) -> tuple[str, str] | None:
        """(existing key, what they share) for the first identity already seen, or None."""
        found = identities(work)
        self._last = (work, found)
        return self._find(found)

    def add(self, work: Work) -> None:
        last = self._last
        self._add(work.key, last[1] if last is not None and last[0] is work else identities(work))

    def find_and_add(self, work: Work) -> tuple[str, str] | None:
        """find, then add, working out the work's identities once (`check` asks both of every work)."""
        found = identities(work)
        twin = self._find(found)
        self._add(work.key, found)
        return twin

    def _find(self, found: list[tuple[str, str]]) -> tuple[str, str] | None:
        for identity in found:
            if identity in self.seen:
                return self.seen[identity], identity[0]
        return None

    def _add(self, key: str, found: list[tuple[str, str]]) -> None:
        for identity in found:
            self.seen.setdefault(identity, key)


# Fields that make sense only together: a merge takes each group whole from one record (KEEP's
# authors with OTHER's equal contribution or marks could name someone who is no author).
_GROUPS = (
    ("type", "bibtex_type"),
    ("title", "title_as_written"),
    ("authors", "authors_truncated", "equal_contribution", "marks"),
    ("year", "month", "day"),
    ("venue", "track", "extra.journal", "extra.journaltitle", "extra.booktitle"),
)
_TABLES = ("links", "extra", "macros")


def fields(work: Work) -> dict[str, object]:
    """The work's fields by name, each table's entries as ``extra.number``; the key and ids aside."""
    flat: dict[str, object] = {}
    for name, value in work.to_record().items():
        if name in _TABLES:
            flat.update({f"{name}.{inner}": text for inner, text in value.items() if (name, inner) != ("extra", "ids")})
        else:
            flat[name] = value
    return flat


def _units(names: Iterable[str]) -> list[tuple[str, ...]]:
    """The groups, then each other field alone."""
    grouped = {name for group in _GROUPS for name in group}
    return [*_GROUPS, *((name,) for name in dict.fromkeys(names) if name not in grouped)]


class Comparison(NamedTuple):
    """What OTHER says beside KEEP: fields KEEP lacks, and fields both have with other values."""

    added: list[str]
    conflicts: list[str]


def _sides(keep: Work, other: Work) -> Iterator[tuple[dict[str, object], dict[str, object], str]]:
    """For each unit (a group, or a field alone): KEEP's fields in it, OTHER's, and how they
    stand: "same", "keep" (KEEP says all OTHER says, and more), "other" (the reverse) or "conflict"."""
    mine, theirs = fields(keep), fields(other)
    for unit in _units([*mine, *theirs]):
        ours = {name: mine[name] for name in unit if name in mine}
        others = {name: theirs[name] for name in unit if name in theirs}
        if ours == others:
            yield ours, others, "same"
        elif ours.items() >= others.items():
            yield ours, others, "keep"
        elif ours.items() <= others.items():
            yield ours, others, "other"
        else:
            yield ours, others, "conflict"


def compare(keep: Work, other: Work) -> Comparison:
    added, conflicts = [], []
    for ours, others, stand in _sides(keep, other):
        if stand == "other":
            added += [name for name in others if name not in ours]
        elif stand == "conflict":
            conflicts += [name for name in {**ours, **others} if ours.get(name) != others.get(name)]
    return Comparison(added, conflicts)


def merged_record(keep: Work, other: Work, prefer_other: bool = False) -> dict[str, object]:
    """KEEP's record with what OTHER adds; a conflicting group is KEEP's (OTHER's with
    ``prefer_other``). OTHER's key and its own other keys become KEEP's other keys (ids)."""
    chosen: dict[str, object] = {}
    for ours, others, stand in _sides(keep, other):
        chosen.update(others if stand == "other" or (stand == "conflict" and prefer_other) else ours)
    record: dict[str, object] = {}
    tables: dict[str, dict[str, object]] = {}
    for name, value in chosen.items():
        table, _, inner = name.partition(".")
        if inner and table in _TABLES:
            tables.setdefault(table, {})[inner] = value
        else:
            record[name] = value
    ids = [alias for alias in dict.fromkeys([*aliases(keep), other.key, *aliases(other)]) if alias != keep.key]
    tables.setdefault("extra", {})["ids"] = ", ".join(ids)
    return {**record, **tables}
