"""What formats ask of a work: the authors each mark names, arXiv or not, which facts it lacks."""

from __future__ import annotations

from collections.abc import Sequence

from scholarcli.model import EQUAL_CONTRIBUTION, Settings, Work
from scholarcli.model.marks import marked


def mark_positions(work: Work, settings: Settings) -> dict[str, list[int]]:
    """The 1-based positions of the authors each kind of mark names, equal contribution first, then
    library.toml's order of kinds; kinds that name nobody are left out."""
    marks = marked(work)
    positions = {}
    for kind in settings.all_marks:
        names = set(marks.get(kind, ()))
        if found := [index for index, name in enumerate(work.authors, start=1) if name in names]:
            positions[kind] = found
    return positions


# What biblatex's data annotation calls equal contribution: ``author+an = {1=equal;2=equal}``.
EQUAL_ANNOTATION = "equal"


def author_annotations(work: Work, settings: Settings) -> str:
    """biblatex's data annotation of the marks: ``1=equal;2=equal,corresponding`` (empty: none)."""
    by_author: dict[int, list[str]] = {}
    for kind, positions in mark_positions(work, settings).items():
        for index in positions:
            by_author.setdefault(index, []).append(EQUAL_ANNOTATION if kind == EQUAL_CONTRIBUTION else kind)
    return ";".join(f"{index}={','.join(kinds)}" for index, kinds in sorted(by_author.items()))


def arxiv_class(work: Work) -> str | None:
    return work.categories[0] if work.categories else None


def is_arxiv(work: Work) -> bool:
    return bool(work.arxiv) or (work.venue or "").casefold() == "arxiv"


def missing(work: Work, needed: Sequence[str]) -> list[str]:
    """Which of the named facts the work lacks: author, year, venue, publisher, number."""
    return [name for name in needed if not _has_fact(work, name)]


_FACT_FIELDS = {"author": "authors", "venue": "venue", "publisher": "publisher", "number": "number"}


# The BibTeX fields that state a fact, as an import may keep them in ``macros``.
_MACRO_FIELDS = {
    "author": ("author",),
    "venue": ("journal", "booktitle"),
    "publisher": ("publisher", "institution", "school"),
}


def _has_fact(work: Work, fact: str) -> bool:
    if fact == "year":
        return work.year is not None
    if work.macros and any(name in work.macros for name in _MACRO_FIELDS.get(fact, ())):
        return True  # an @string the user's documents define with another file
    return bool(getattr(work, _FACT_FIELDS[fact]))
