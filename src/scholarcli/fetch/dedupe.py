"""Merging a batch of fetched records: one record per work.

Records are the same work when they share a DOI or an arXiv id, or have the same title (case,
accents and punctuation ignored) with first authors of the same family name (when both list
authors) and years at most three apart (when both have one). So a preprint and its published
version become one record: the published one wins, and keeps the preprint's arXiv id, categories,
abstract and authors when it has none of its own. The preprint's own DOI (bioRxiv's, say) is dropped.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import Any

from scholarcli.fetch.identify import doi_key
from scholarcli.fetch.service_text import title_key

# Fields a published record takes from its preprint when it has none of its own.
INHERITED = ("authors", "arxiv", "categories", "abstract")
MIN_TITLE_KEY = 16  # shorter titles ("Introduction", "Editorial") are no evidence of sameness
YEARS_APART = 3


def _family(record: dict[str, Any]) -> str | None:
    authors = record.get("authors") or []
    if not authors:
        return None
    last = str(authors[0]).split()[-1] if str(authors[0]).split() else ""
    folded = unicodedata.normalize("NFKD", last.casefold())
    return "".join(c for c in folded if c.isalnum()) or None


def _same_by_title(a: dict[str, Any], b: dict[str, Any]) -> bool:
    family_a, family_b = _family(a), _family(b)
    if family_a and family_b and family_a != family_b:
        return False
    year_a, year_b = a.get("year"), b.get("year")
    return not (year_a and year_b and abs(int(year_a) - int(year_b)) > YEARS_APART)


def groups(records: Sequence[dict[str, Any]]) -> list[list[int]]:
    """Indices of the records that are one work, each group in input order, groups by first member."""
    parent = list(range(len(records)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    seen: dict[str, list[int]] = {}
    for index, record in enumerate(records):
        keys = [f"doi:{doi_key(record['doi'])}"] if record.get("doi") else []
        keys += [f"arxiv:{record['arxiv']}"] if record.get("arxiv") else []
        folded = title_key(str(record.get("title") or ""))
        keys += [f"title:{folded}"] if len(folded) >= MIN_TITLE_KEY else []
        for key in keys:
            for other in seen.setdefault(key, []):
                if key.startswith("title:") and not _same_by_title(records[other], record):
                    continue
                parent[root(index)] = root(other)
            seen[key].append(index)
    members: dict[int, list[int]] = {}
    for index in range(len(records)):
        members.setdefault(root(index), []).append(index)
    return sorted(members.values(), key=lambda group: group[0])


def _rank(record: dict[str, Any], index: int) -> tuple[int, int, int, int, int]:
    published = {"preprint": 0, "misc": 1}.get(str(record.get("type")), 2)
    return (published, int(bool(record.get("doi"))), int(bool(record.get("venue"))), len(record), -index)


def merge(records: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """One record for records of one work: the most published wins, and inherits what it lacks."""
    best = max(range(len(records)), key=lambda i: _rank(records[i], i))
    merged = dict(records[best])
    for name in INHERITED:
        if not merged.get(name):
            donor = next((r[name] for r in records if r.get(name) and r is not records[best]), None)
            if donor:
                merged[name] = donor
    from scholarcli.model import FIELD_KINDS

    return {name: merged[name] for name in FIELD_KINDS if name in merged}


def dedupe(records: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The batch with each work once (see the module's docstring), in the order first seen."""
    return [
        merge([records[i] for i in group]) if len(group) > 1 else dict(records[group[0]]) for group in groups(records)
    ]
