"""Marks after authors' names (equal contribution, corresponding author, student, ...) and their legends.

A record names the marked authors by kind: ``equal_contribution`` has a field of its own, every other
kind is under ``marks``; library.toml gives each kind its symbol and legend (Settings.all_marks).
Every human-readable output draws an author's marks as the symbols after the name, in the order
library.toml declares the kinds, and explains the kinds it used in one legend.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from scholarcli.model import EQUAL_CONTRIBUTION, Mark, Settings, Work


def marked(work: Work) -> dict[str, tuple[str, ...]]:
    """The work's marked authors by kind: equal contribution first, then the record's other marks."""
    found = {EQUAL_CONTRIBUTION: work.equal_contribution} if work.equal_contribution else {}
    found.update((kind, names) for kind, names in work.marks.items() if names)
    return found


def is_marked(work: Work) -> bool:
    """Whether any author of the work carries a mark (told at once for the usual work)."""
    return bool(work.equal_contribution) or any(work.marks.values())


def author_marks(work: Work, settings: Settings) -> list[tuple[Mark, ...]]:
    """The marks after each author's name, aligned with ``work.authors``, in library.toml's order of kinds."""
    if not is_marked(work):  # most works: a list of 10,000 need not look at each name
        return [()] * len(work.authors)
    names = marked(work)
    kinds = [(mark, set(names[kind])) for kind, mark in settings.all_marks.items() if kind in names]
    return [tuple(mark for mark, names in kinds if name in names) for name in work.authors]


def symbols(marks: Iterable[Mark]) -> str:
    """The symbols drawn after a name: ``*†``."""
    return "".join(mark.symbol for mark in marks)


def legends(works: Iterable[Work], settings: Settings) -> list[Mark]:
    """The kinds of marks any of the works uses, in library.toml's order: what a legend explains."""
    used: set[str] = set()
    for work in works:
        if is_marked(work):
            used.update(marked(work))
    return [mark for kind, mark in settings.all_marks.items() if kind in used]


def legend_text(marks: Sequence[Mark]) -> str:
    """``* equal contribution; † corresponding author``."""
    return "; ".join(f"{mark.symbol} {mark.legend}" for mark in marks)
