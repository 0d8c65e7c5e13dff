#!/usr/bin/env python3
"""Build scholar's bundled venue registry, src/scholarcli/venues/registry.tsv, from public data.

Sources, kept trimmed under scripts/venue_sources/ so the build runs offline (SOURCES.md there
names each repository, path and commit):

1. The CCF recommended list of conferences and journals (about 720 computer-science venues,
   with acronym, full name and DBLP key), as CCFrank4dblp keeps it in data/dataGen.js.
   Licence: MIT (github.com/WenyanLiu/CCFrank4dblp).
2. ccf-deadlines' conference files (about 350 conferences with acronym, full name, CCF area
   and DBLP key, including ICLR, CoRL, RSS and COLM that the CCF list lacks).
   Licence: MIT (github.com/ccfddl/ccf-deadlines).
3. The ACL Anthology's venue list, data/yaml/venues.yaml (about 240 NLP conferences,
   journals and workshops). Licence: Apache-2.0 (github.com/acl-org/acl-anthology).
4. JabRef's journal abbreviation lists: the ISO 4 abbreviations that DBLP and Crossref write
   ("J. Mach. Learn. Res.") become aliases, and they give the names of the statistics and
   science journals chosen below. Licence: CC0-1.0 (github.com/JabRef/abbrv.jabref.org).
5. The curated tables at the end of this file: acronyms as researchers write them where a
   source differs (SIGKDD -> KDD), aliases a source lacks (NIPS), and the few venues no
   source has (TMLR, arXiv's siblings). Every journal picked there must be in the JabRef lists.

Venues that two sources both list are merged by DBLP key, else by acronym with a similar name.
Two different venues with one acronym: the more prominent keeps it (curated, ccf-deadlines,
then CCF rank A/B, ACL Anthology main venues, CCF rank C, ACL workshops); the other is keyed by
its full name. The registry is a tab-separated file (see write_registry); fields: acronym, kind,
field (the research area, for statistics and grouping), name, aliases ("|"-separated), publisher.

Refresh: check out the sources at newer commits, then

    python scripts/build_venues.py trim --ccf-deadlines CCFDDL/conference \\
        --jabref ABBRV/journals/journal_abbreviations_*.csv
    cp CCFRANK/data/dataGen.js scripts/venue_sources/ccfrank4dblp-dataGen.js
    cp ACL/data/yaml/venues.yaml scripts/venue_sources/acl-anthology-venues.yaml
    python scripts/build_venues.py                       # writes the registry, prints counts

update the commits in SOURCES.md, and read the printed collisions. (From 2023 the ACL Anthology
keeps one file per venue in data/yaml/venues/; concatenate them, indenting each under its file
name, to get the one-file form read here.) `--check` fails when the registry is not up to date.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SOURCES = REPO / "scripts" / "venue_sources"
REGISTRY = REPO / "src" / "scholarcli" / "venues" / "registry.tsv"
sys.path.insert(0, str(REPO / "src"))  # run from a checkout without installing

from scholarcli.model import Venue  # noqa: E402  (after the path is set)
from scholarcli.venues.match import distinctive, index_columns, name_key  # noqa: E402

CCF_FILE = "ccfrank4dblp-dataGen.js"
CCFDDL_FILE = "ccf-deadlines-conferences.yml"
ACL_FILE = "acl-anthology-venues.yaml"
JABREF_FILE = "jabref-journal-abbreviations.csv"
KINDS = ("conference", "journal", "workshop", "preprint", "other")


@dataclass
class Entry:
    """One venue while the sources are merged."""

    acronym: str
    name: str
    kind: str
    area: str  # the registry's "field" column
    rank: int  # lower is more prominent: who keeps a contested acronym
    dblp: str = ""
    aliases: list[str] = field(default_factory=list)
    publisher: str = ""
    named_by_acronym: bool = True  # False when the source gives no acronym

    def add_alias(self, alias: str) -> None:
        alias = " ".join(alias.split())
        if alias and alias not in self.aliases:
            self.aliases.append(alias)


# --- reading the sources ---------------------------------------------------------------------

# The CCF list's ten areas, in its order, as ccf-deadlines abbreviates them.
CCF_AREAS = ("DS", "NW", "SC", "SE", "DB", "CT", "CG", "AI", "HI", "MX")
AREA_FIELDS = {
    "DS": "systems",
    "NW": "networking",
    "SC": "security",
    "SE": "software",
    "DB": "databases",
    "CT": "theory",
    "CG": "graphics",
    "AI": "ai",
    "HI": "hci",
    "MX": "interdisciplinary",
}
CCF_RANKS = {"A": 3, "B": 3, "C": 5, "P": 3}


def read_ccf(path: Path) -> list[Entry]:
    """The CCF list in dataGen.js: one "rank\\tacronym\\tname\\t/dblp/key\\t/dblp/key/stream" string a line.

    Each area lists its journals, then its conferences, each by rank A, B, C, so an area starts
    where a rank-A journal follows a rank-C conference (rows after the tenth area are additions).
    """
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        found = re.match(r'\s*"(.*?)(?:\\n)?"\s*[+;]?\s*$', line)
        if found and "\t" in found.group(1):
            cells = re.split(r"\t| (?=/)", found.group(1))  # one row has spaces before its DBLP keys
            rows.append([cell.strip() for cell in [*cells, "", "", ""][:5]])
    # A conference whose proceedings are a journal (PVLDB for VLDB) is listed twice, once as a journal.
    conferences = {acronym for _, acronym, _, key, _ in rows if acronym and key.startswith("/conf/")}
    entries: list[Entry] = []
    area, previous = 0, ("", "")
    for rank, acronym, name, venue_key, stream in rows:
        dblp = stream or venue_key  # the stream: /conf/ccs/ccs and /conf/ccs/asiaccs are two venues
        kind = "journal" if dblp.startswith("/journals/") else "conference"
        if not dblp and not re.search(r"conference|symposium|workshop", name, re.IGNORECASE):
            kind = "journal"
        if (rank, kind) == ("A", "journal") and previous == ("C", "conference") and area < len(CCF_AREAS) - 1:
            area += 1
        previous = (rank, kind)
        if rank == "P":
            kind = "preprint"
        elif acronym in conferences or "workshop" in name.casefold():
            kind = "workshop" if "workshop" in name.casefold() else "conference"
        entries.append(
            Entry(
                acronym or name, name, kind, AREA_FIELDS[CCF_AREAS[area]], CCF_RANKS[rank], dblp, [], "", bool(acronym)
            )
        )
    return entries


def _yaml_scalar(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return value[1:-1].replace("''", "'")
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return value[1:-1].replace('\\"', '"')
    return value


def read_ccfddl(path: Path) -> list[Entry]:
    """ccf-deadlines conferences, from its conference/ folder or the trimmed file."""
    return [_ccfddl_entry(item) for item in ccfddl_items(path)]


def ccfddl_items(path: Path) -> list[dict[str, str]]:
    """The title, description, sub (area), dblp and rank.ccf of each "- title:" item."""
    files = sorted(path.glob("*/*.yml")) if path.is_dir() else [path]
    items: list[dict[str, str]] = []
    for file in files:
        for line in file.read_text(encoding="utf-8").splitlines():
            top = re.match(r"- title:\s*(.*)$", line)
            if top:
                items.append({"title": _yaml_scalar(top.group(1))})
                continue
            pair = re.match(r"  (description|sub|dblp):\s*(.*)$", line) or re.match(r"    (ccf):\s*(.*)$", line)
            if pair and items:
                items[-1][pair.group(1)] = _yaml_scalar(pair.group(2))
    return items


def _ccfddl_entry(item: dict[str, str]) -> Entry:
    name = re.sub(r"^(?:the|annual)\s+(?:annual\s+)?", "", item.get("description", ""), flags=re.IGNORECASE)
    name = name[:1].upper() + name[1:]
    rank = 1 if item.get("ccf", "N") in ("A", "B", "N") else 4
    dblp = f"/conf/{item['dblp']}/{item['dblp']}" if item.get("dblp") else ""  # as the CCF list's streams
    return Entry(
        item["title"], name, "conference", AREA_FIELDS.get(item.get("sub", ""), "interdisciplinary"), rank, dblp
    )


def read_acl(path: Path) -> list[Entry]:
    """The ACL Anthology's venues.yaml: a mapping of venue id to acronym, name, is_toplevel, ..."""
    venues: dict[str, dict[str, str]] = {}
    current: dict[str, str] = {}
    last = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if re.match(r"\S+:\s*$", line):
            current = venues.setdefault(line.split(":")[0], {})
        elif found := re.match(r"  (\w+):\s*(.*)$", line):
            last = found.group(1)
            current[last] = found.group(2)
        elif line.startswith("    ") and last:  # a long value folded onto the next line
            current[last] += " " + line.strip()
    entries = []
    for venue_id, values in venues.items():
        if venue_id in ACL_EXCLUDED:
            continue
        name = _clean_acl_name(_yaml_scalar(values.get("name", "")))
        toplevel = values.get("is_toplevel") == "true"
        entries.append(
            Entry(_yaml_scalar(values["acronym"]), name, _acl_kind(name, toplevel), "nlp", 4 if toplevel else 6)
        )
    return entries


def _clean_acl_name(name: str) -> str:
    name = re.sub(r"\s*\((?:and forerunners|[^()]*\d{4})\)$", "", name)  # "(DialDoc 2021)"
    name = re.sub(r"^(?:The\s+)?(?:\d+(?:st|nd|rd|th)|First|Second|Third|Fourth|Fifth)\s+", "", name)
    name = re.sub(r"\bConf\.$", "Conference", name)
    return name.removeprefix("The ").strip()


def _acl_kind(name: str, toplevel: bool) -> str:
    folded = name.casefold()
    if "journal" in folded or "transactions" in folded or "linguistic issues" in folded:
        return "journal"
    if "workshop" in folded or not (toplevel or re.search(r"conference|symposium|summit", folded)):
        return "workshop"
    return "conference"


def read_jabref(paths: Iterable[Path]) -> dict[tuple[str, ...], list[tuple[str, str]]]:
    """Journal names (by name key) to their (full name, abbreviation) rows, in file order."""
    journals: dict[tuple[str, ...], list[tuple[str, str]]] = {}
    for path in paths:
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.reader(handle, delimiter=";" if path.suffix == ".txt" else ","):
                if len(row) >= 2 and row[0].strip() and not row[0].startswith("#"):
                    journals.setdefault(name_key(row[0]), []).append((row[0].strip(), row[1].strip()))
    return journals


# --- merging -----------------------------------------------------------------------------------


def same_venue(a: Entry, b: Entry) -> bool:
    """Whether two entries with one acronym are one venue: their names share most distinctive words."""
    if (a.acronym, b.acronym) in SAME or (b.acronym, a.acronym) in SAME:
        return True
    if not _kinds_agree(a, b):
        return False
    words_a = {w for w in name_key(a.name) if distinctive((w,))}
    words_b = {w for w in name_key(b.name) if distinctive((w,))}
    if not words_a or not words_b:
        return False
    return len(words_a & words_b) / min(len(words_a), len(words_b)) >= 0.6


def absorb(into: Entry, other: Entry) -> None:
    """Merge a less prominent entry for the same venue: its name and acronym become aliases."""
    into.add_alias(other.name)
    if other.named_by_acronym and other.acronym != into.acronym:
        into.add_alias(other.acronym)
    for alias in other.aliases:
        into.add_alias(alias)
    into.dblp = into.dblp or other.dblp
    into.publisher = into.publisher or other.publisher


def merge(entries: Iterable[Entry], log: list[str]) -> list[Entry]:
    """One entry a venue, each under an acronym no other entry has (compared without case)."""
    merged: list[Entry] = []
    by_dblp: dict[str, Entry] = {}
    by_key: dict[str, Entry] = {}
    by_name: dict[tuple[str, ...], Entry] = {}
    for entry in sorted(entries, key=_prominence):
        entry.acronym = RENAMES.get(entry.acronym, entry.acronym)
        holder = by_key.get(entry.acronym.casefold())
        names = (entry.name, OVERRIDES.get(entry.acronym, {}).get("name", entry.name))
        target = next((t for t in (by_dblp.get(entry.dblp), *(by_name.get(name_key(n)) for n in names)) if t), None)
        if target is not None and not _compatible(target, entry):
            target = None
        if target is None and holder is not None and same_venue(holder, entry):
            target = holder
        if target is not None:
            if entry.named_by_acronym and not target.named_by_acronym and holder is None:
                target.acronym, target.named_by_acronym = entry.acronym, True  # keyed by the acronym it lacked
                by_key[entry.acronym.casefold()] = target
            _prefer_name(target, entry)
            absorb(target, entry)
            continue
        if holder is not None:
            log.append(f"acronym {entry.acronym}: {holder.name!r} keeps it; {entry.name!r} is keyed by its name")
            entry.acronym, entry.named_by_acronym = entry.name, False
            if entry.acronym.casefold() in by_key:  # "Parallel Computing", the conference and the journal
                entry.acronym = f"{entry.name} ({entry.kind})"
        merged.append(entry)
        by_key[entry.acronym.casefold()] = entry
        for name in (entry.name, OVERRIDES.get(entry.acronym, {}).get("name", "")):
            by_name.setdefault(name_key(name), entry)
        if entry.dblp:
            by_dblp[entry.dblp] = entry
    return merged


def _compatible(target: Entry, entry: Entry) -> bool:
    """A shared DBLP key or name merges two entries of one kind unless they have different acronyms."""
    if not _kinds_agree(target, entry):
        return False
    if not (entry.named_by_acronym and target.named_by_acronym):
        return True
    pair = (target.acronym, entry.acronym)
    return target.acronym.casefold() == entry.acronym.casefold() or pair in SAME or pair[::-1] in SAME


def _kinds_agree(a: Entry, b: Entry) -> bool:
    """A journal and a conference of one name are two venues; a source may call a workshop a conference."""
    meetings = ("conference", "workshop")
    return a.kind == b.kind or (a.kind in meetings and b.kind in meetings)


def _prominence(entry: Entry) -> int:
    """Sort key of the merge: curated first, then by source rank; PREFERRED settles a shared acronym."""
    preferred = PREFERRED.get(RENAMES.get(entry.acronym, entry.acronym))
    return -1 if preferred and preferred in entry.name else entry.rank


def _prefer_name(target: Entry, entry: Entry) -> None:
    """The CCF list names venues as they name themselves; ccf-deadlines less carefully ("The annual ...")."""
    if target.rank == 1 and entry.rank in (3, 5) and entry.name:
        target.name, entry.name = entry.name, target.name


def refine_field(entry: Entry) -> str:
    """Split CCF's broad areas: AI into ML, NLP, vision and robotics; databases into IR and data mining."""
    folded = entry.name.casefold()
    if entry.area == "ai":
        for words, field_name in AI_FIELDS:
            if any(word in folded for word in words):
                return field_name
    if entry.area == "databases":
        if re.search(r"retrieval|search|recommend", folded):
            return "ir"
        if re.search(r"mining|knowledge discovery|data science", folded):
            return "datamining"
    return entry.area


AI_FIELDS = (
    (("linguistic", "language", "speech", "translation", "dialogue"), "nlp"),
    (("vision", "image", "visual", "pattern recognition", "pattern analysis"), "vision"),
    (("robot", "automation", "autonomous systems"), "robotics"),
    (("learning", "neural", "machine intelligence", "evolutionary", "statistics", "uncertainty"), "ml"),
)


def publisher_of(entry: Entry) -> str:
    for publisher in ("IEEE", "ACM", "USENIX", "SIAM", "AAAI", "IFIP", "Springer", "Elsevier"):
        if re.search(rf"\b{publisher}\b", entry.name):
            return publisher
    return entry.publisher


def good_abbreviation(full: str, abbreviation: str) -> bool:
    """ISO 4 abbreviations only: not the name itself, no JabRef macros, no "(80- )" oddities."""
    key = name_key(abbreviation)
    return bool(
        key
        and key != name_key(full)
        and not re.search(r"[#()\[\]]", abbreviation)
        and (len(key) > 1 or (abbreviation.isupper() and len(abbreviation) >= 3))  # "PNAS", not "Nat"
    )


def add_abbreviations(entries: list[Entry], jabref: dict[tuple[str, ...], list[tuple[str, str]]]) -> set[str]:
    """Journals get their ISO 4 abbreviations as aliases; returns the JabRef names used (for trim)."""
    used: set[str] = set()
    for entry in entries:
        if entry.kind != "journal":
            continue
        for form in (entry.name, *entry.aliases):
            # ISO 4 with dots first ("J. Am. Stat. Assoc."): the form DBLP and Crossref print
            for full, abbreviation in sorted(jabref.get(name_key(form), []), key=lambda row: "." not in row[1]):
                used.add(full)
                if good_abbreviation(full, abbreviation):
                    entry.add_alias(abbreviation)
    return used


def curated_journals(jabref: dict[tuple[str, ...], list[tuple[str, str]]], missing: list[str]) -> list[Entry]:
    """The statistics and science journals picked below that the JabRef lists have (the rest go to ``missing``)."""
    entries = []
    for acronym, name, kind_field, publisher in CURATED_JOURNALS:
        if name_key(name) not in jabref:
            missing.append(name)
            continue
        entries.append(Entry(acronym or name, name, "journal", kind_field, 0, "", [], publisher, bool(acronym)))
    return entries


def dedupe_aliases(entries: list[Entry], log: list[str]) -> None:
    """An alias belongs to one venue: the first by prominence; none repeats its venue's own name."""
    owner: dict[tuple[str, ...], str] = {}
    for entry in entries:
        for form in (entry.acronym, entry.name):
            owner.setdefault(name_key(form), entry.acronym)
    for entry in sorted(entries, key=lambda e: e.rank):
        kept = []
        own = {name_key(entry.acronym), name_key(entry.name)}
        for alias in entry.aliases:
            key = name_key(alias)
            if not key or key in own:
                continue
            holder = owner.setdefault(key, entry.acronym)
            if holder != entry.acronym:
                log.append(f"alias {alias!r} of {entry.acronym} dropped: it names {holder}")
                continue
            own.add(key)
            kept.append(alias)
        entry.aliases = kept


# --- the registry ------------------------------------------------------------------------------


@dataclass
class Build:
    entries: list[Entry]
    log: list[str]
    jabref_used: set[str]
    missing: list[str]  # curated journals the JabRef lists lack: the build fails on any


def build(sources: Path, jabref_files: Sequence[Path] = ()) -> Build:
    """Read, merge and tidy every source in ``sources``: the whole build, without writing."""
    log: list[str] = []
    jabref = read_jabref(jabref_files or [sources / JABREF_FILE])
    extra = [Entry(a or n, n, k, f, 0, "", list(al), p, bool(a)) for a, n, k, f, al, p in CURATED_VENUES]
    found = read_ccfddl(sources / CCFDDL_FILE) + read_ccf(sources / CCF_FILE) + read_acl(sources / ACL_FILE)
    missing: list[str] = []
    entries = merge([*extra, *curated_journals(jabref, missing), *found], log)
    for entry in entries:
        curate(entry)
    used = add_abbreviations(entries, jabref)
    dedupe_aliases(entries, log)
    entries.sort(key=lambda e: (e.acronym.casefold(), e.acronym))
    return Build(entries, log, used, missing)


def curate(entry: Entry) -> None:
    """Apply the curated tables to one merged entry."""
    override = OVERRIDES.get(entry.acronym, {})
    if "name" in override:
        entry.add_alias(entry.name)
        entry.name = override["name"]
    entry.kind = override.get("kind", entry.kind)
    entry.area = override.get("field", refine_field(entry))
    for alias in ALIASES.get(entry.acronym, ()):
        entry.add_alias(alias)
    entry.publisher = override.get("publisher", publisher_of(entry))
    if entry.kind not in KINDS:
        raise SystemExit(f"{entry.acronym}: unknown kind {entry.kind}")


HEADER = """\
# scholar's bundled venue registry. Generated by scripts/build_venues.py: do not edit, rebuild.
# Sources: the CCF recommended list as kept by CCFrank4dblp (MIT); ccf-deadlines (MIT); the ACL
# Anthology's venues.yaml (Apache-2.0); JabRef's journal abbreviation lists (CC0-1.0); curated
# tables in the build script. See scripts/venue_sources/SOURCES.md.
# One venue a line, tab-separated: acronym, kind, field, name, aliases (|-separated), publisher, and
# the match keys of acronym, name and aliases (scholarcli.venues.match.index_columns), kept here so
# that loading the registry does not compute them again.
"""


def registry_text(entries: Sequence[Entry]) -> str:
    lines = [HEADER.rstrip("\n")]
    venues = {e.acronym: Venue(e.acronym, e.name, e.kind, tuple(e.aliases), e.publisher or None) for e in entries}
    columns = index_columns(venues)
    for entry in entries:
        cells = [entry.acronym, entry.kind, entry.area, entry.name, "|".join(entry.aliases), entry.publisher]
        cells.append(columns[entry.acronym])
        if any("\t" in cell or "\n" in cell for cell in cells) or any("|" in alias for alias in entry.aliases):
            raise SystemExit(f"{entry.acronym}: a tab, newline or | inside a value")
        lines.append("\t".join(cells))
    return "\n".join(lines) + "\n"


def summary(entries: Sequence[Entry]) -> str:
    kinds = Counter(entry.kind for entry in entries)
    fields = Counter(entry.area for entry in entries)
    return (
        f"{len(entries)} venues\n"
        + "by kind: "
        + ", ".join(f"{kind} {count}" for kind, count in kinds.most_common())
        + "\nby field: "
        + ", ".join(f"{name} {count}" for name, count in fields.most_common())
    )


def trim(ccfddl: Path | None, jabref: Sequence[Path], sources: Path) -> None:
    """Write the trimmed copies of the large sources: what the build reads of them, nothing more."""
    if ccfddl is not None:
        lines = []
        for item in ccfddl_items(ccfddl):
            lines.append(f"- title: {_quoted(item['title'])}")
            lines += [f"  {key}: {_quoted(item[key])}" for key in ("description", "sub", "dblp") if key in item]
            lines += ["  rank:", f"    ccf: {item['ccf']}"] if "ccf" in item else []
        (sources / CCFDDL_FILE).write_text("\n".join(lines) + "\n", encoding="utf-8")
    if jabref:
        used = build(sources, jabref).jabref_used
        rows = [row for rows in read_jabref(jabref).values() for row in rows if row[0] in used]
        with (sources / JABREF_FILE).open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle, lineterminator="\n").writerows(sorted(set(rows)))


def _quoted(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sources", type=Path, default=SOURCES, help="folder of the trimmed sources")
    parser.add_argument("--out", type=Path, default=REGISTRY, help="the registry file to write")
    parser.add_argument("--check", action="store_true", help="fail if the registry is not what the sources give")
    parser.add_argument("--verbose", action="store_true", help="print merge decisions")
    parser.add_argument("--allow-missing", action="store_true", help="build though curated journals lack a source")
    sub = parser.add_subparsers(dest="command")
    trimmer = sub.add_parser("trim", help="write trimmed copies of full source checkouts into --sources")
    trimmer.add_argument("--ccf-deadlines", type=Path, help="ccf-deadlines' conference/ folder")
    trimmer.add_argument("--jabref", type=Path, nargs="*", default=[], help="JabRef journal lists (CSV)")
    args = parser.parse_args(argv)
    if args.command == "trim":
        trim(args.ccf_deadlines, args.jabref, args.sources)
        return 0
    result = build(args.sources)
    if result.missing and not args.allow_missing:
        print(f"curated journals not in the JabRef lists: {', '.join(result.missing)}", file=sys.stderr)
        return 1
    text = registry_text(result.entries)
    if args.verbose:
        print("\n".join(result.log))
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        if current != text:
            print(f"{args.out} is out of date: run scripts/build_venues.py", file=sys.stderr)
            return 1
    else:
        args.out.write_text(text, encoding="utf-8")
    print(summary(result.entries))
    return 0


# --- curated tables ----------------------------------------------------------------------------
# Kept small: each line fixes what a source gets wrong for researchers or adds what none has.

# The ACL Anthology's ids that are not venues in scholar's sense: "Findings" is a track of
# ACL, EMNLP, NAACL, ... (records say venue = "EMNLP", track = "Findings"); "ws" is a catch-all.
ACL_EXCLUDED = frozenset({"findings", "ws"})

# Acronyms as researchers write them, where a source writes another.
RENAMES: dict[str, str] = {
    "SIGKDD": "KDD",
    "WNUT": "W-NUT",
    "ACM SIGOPS ATC": "USENIX ATC",  # the CCF list's name for the USENIX Annual Technical Conference
    "SIGOPS ATC": "USENIX ATC",
    "INTER-SPEECH": "Interspeech",
    "InterSpeech": "Interspeech",
    "ACM SIGGRAPH": "SIGGRAPH",
    "VR": "IEEE VR",
    "IEEE/ACM CGO": "CGO",
    "BigData": "IEEE BigData",
    "Cloud": "IEEE CLOUD",
    "UbiComp/ISWC": "UbiComp",  # held jointly with ISWC since 2013
}

# Which venue keeps an acronym two venues use (by a word of its name): the one researchers mean
# by it in the fields scholar serves; the other is keyed by its full name.
PREFERRED: dict[str, str] = {
    "FSE": "Foundations of Software Engineering",
}

# Pairs of acronyms that name one venue although their names differ.
SAME: frozenset[tuple[str, str]] = frozenset()

# Names, kinds, fields and publishers a source gets wrong or lacks; a replaced name stays an alias.
OVERRIDES: dict[str, dict[str, str]] = {
    "arXiv": {"name": "arXiv", "field": "science"},
    "CHI": {"name": "ACM CHI Conference on Human Factors in Computing Systems"},
    "CL": {"name": "Computational Linguistics", "publisher": "MIT Press"},
    "COLT": {"name": "Conference on Learning Theory"},
    "CSCW": {"name": "ACM Conference on Computer-Supported Cooperative Work and Social Computing"},
    "CVPR": {"name": "IEEE/CVF Conference on Computer Vision and Pattern Recognition"},
    "ICCV": {"name": "IEEE/CVF International Conference on Computer Vision"},
    "ICWSM": {"name": "International AAAI Conference on Web and Social Media", "field": "web"},
    "NSDI": {"name": "USENIX Symposium on Networked Systems Design and Implementation"},
    "RSS": {"name": "Robotics: Science and Systems"},
    "SemEval": {"name": "International Workshop on Semantic Evaluation"},
    "SIGMOD": {"name": "ACM SIGMOD International Conference on Management of Data"},
    "TNNLS": {"name": "IEEE Transactions on Neural Networks and Learning Systems"},
    "UAI": {"name": "Conference on Uncertainty in Artificial Intelligence"},
    "WMT": {"name": "Conference on Machine Translation", "kind": "conference"},
    "WWW": {"name": "The ACM Web Conference", "field": "web"},
}

# Aliases researchers meet that no source gives: older names, and how DBLP, the ACL Anthology,
# Crossref and Google Scholar write a venue when no source has that form.
ALIASES: dict[str, tuple[str, ...]] = {
    "AAAI": ("National Conference on Artificial Intelligence",),
    "ACL": (
        "Annual Meeting of the ACL",
        "Annual Meeting of the Association for Computational Linguistics and the International Joint Conference on"
        " Natural Language Processing",  # ACL-IJCNLP: ACL is the main venue
    ),
    "ACM MM": ("ACM Multimedia", "MM"),
    "AI": ("AIJ", "Artificial Intelligence Journal"),
    "CL": ("Comput. Linguistics",),  # DBLP
    "arXiv": ("CoRR", "arXiv preprint", "arXiv.org", "arXiv e-prints", "Computing Research Repository"),
    "CCS": ("ACM CCS", "ACM SIGSAC Conference on Computer and Communications Security"),
    "CHI": ("CHI Conference on Human Factors in Computing Systems", "Conference on Human Factors in Computing Systems"),
    "CVPR": (
        "IEEE Conference on Computer Vision and Pattern Recognition",
        "Conference on Computer Vision and Pattern Recognition",
        "Computer Vision and Pattern Recognition",
    ),
    "ECCV": ("Computer Vision - ECCV",),
    "EMNLP": ("Empirical Methods in Natural Language Processing",),
    "ICCV": ("IEEE International Conference on Computer Vision",),
    "ICLR": ("Int. Conf. Learn. Represent.",),
    "ICML": ("Int. Conf. Mach. Learn.",),
    "KDD": (
        "SIGKDD",
        "ACM SIGKDD International Conference on Knowledge Discovery and Data Mining",
        "Knowledge Discovery and Data Mining",
    ),
    "NAACL": (
        "NAACL-HLT",
        "HLT-NAACL",
        "North American Chapter of the Association for Computational Linguistics: Human Language Technologies",
    ),
    "PNAS": ("Proceedings of the National Academy of Sciences",),
    "NeurIPS": (
        "NIPS",
        "Advances in Neural Information Processing Systems",
        "Neural Information Processing Systems",
        "Adv. Neural Inf. Process. Syst.",
    ),
    "S&P": ("IEEE S&P", "SP", "Oakland", "IEEE Symposium on Security and Privacy"),
    "SemEval": ("Workshop on Semantic Evaluation", "SemEval workshop"),
    "SIGMOD": ("SIGMOD Conference", "Proceedings of the ACM on Management of Data", "PACMMOD", "Proc. ACM Manag. Data"),
    "STOC": ("Symposium on Theory of Computing",),
    "TACL": ("Trans. Assoc. Comput. Linguistics",),  # DBLP
    "TPAMI": ("PAMI", "IEEE TPAMI"),
    "UbiComp": ("UbiComp/ISWC",),
    "USENIX Security": ("USENIX Sec",),
    "VLDB": ("Proceedings of the VLDB Endowment", "PVLDB", "Proc. VLDB Endow."),
    "W-NUT": ("WNUT",),
    "WMT": ("Workshop on Statistical Machine Translation", "Conference on Statistical Machine Translation"),
    "WWW": (
        "TheWebConf",
        "The Web Conference",
        "ACM Web Conference",
        "International World Wide Web Conference",
        "World Wide Web Conference",
    ),
}

# Venues no source lists: (acronym, name, kind, field, aliases, publisher).
CURATED_VENUES: tuple[tuple[str, str, str, str, tuple[str, ...], str], ...] = (
    ("TMLR", "Transactions on Machine Learning Research", "journal", "ml", ("Trans. Mach. Learn. Res.",), ""),
    ("DMLR", "Journal of Data-centric Machine Learning Research", "journal", "ml", (), ""),
    ("MLSys", "Conference on Machine Learning and Systems", "conference", "ml", ("SysML",), ""),
    ("L4DC", "Learning for Dynamics and Control Conference", "conference", "ml", (), ""),
    ("CLeaR", "Conference on Causal Learning and Reasoning", "conference", "ml", (), ""),
    ("LoG", "Learning on Graphs Conference", "conference", "ml", (), ""),
    ("CoLLAs", "Conference on Lifelong Learning Agents", "conference", "ml", (), ""),
    ("MIDL", "Medical Imaging with Deep Learning", "conference", "ml", (), ""),
    ("CHIL", "Conference on Health, Inference, and Learning", "conference", "ml", (), "ACM"),
    ("ML4H", "Machine Learning for Health Symposium", "workshop", "ml", (), ""),
    ("FAccT", "ACM Conference on Fairness, Accountability, and Transparency", "conference", "ml", ("FAT*",), "ACM"),
    ("AIES", "AAAI/ACM Conference on AI, Ethics, and Society", "conference", "ai", (), "AAAI"),
    ("JSS", "Journal of Statistical Software", "journal", "statistics", ("J. Stat. Softw.",), ""),
    ("", "Information and Inference: A Journal of the IMA", "journal", "statistics", ("Inf. Inference",), ""),
    ("eLife", "eLife", "journal", "science", (), "eLife Sciences Publications"),
    ("", "Patterns", "journal", "science", (), "Cell Press"),
    ("iScience", "iScience", "journal", "science", (), "Cell Press"),
    ("bioRxiv", "bioRxiv", "preprint", "science", (), "Cold Spring Harbor Laboratory"),
    ("medRxiv", "medRxiv", "preprint", "science", (), "Cold Spring Harbor Laboratory"),
    ("SSRN", "Social Science Research Network", "preprint", "science", ("SSRN Electronic Journal",), "Elsevier"),
    ("ChemRxiv", "ChemRxiv", "preprint", "science", (), ""),
    ("TechRxiv", "TechRxiv", "preprint", "science", (), "IEEE"),
    ("", "Research Square", "preprint", "science", (), ""),
)

# Statistics and broad science journals: (acronym or "" for none, name as JabRef has it, field, publisher).
CURATED_JOURNALS: tuple[tuple[str, str, str, str], ...] = (
    ("AoS", "The Annals of Statistics", "statistics", "Institute of Mathematical Statistics"),
    ("AoAS", "The Annals of Applied Statistics", "statistics", "Institute of Mathematical Statistics"),
    ("AoP", "The Annals of Probability", "statistics", "Institute of Mathematical Statistics"),
    ("AAP", "The Annals of Applied Probability", "statistics", "Institute of Mathematical Statistics"),
    ("JASA", "Journal of the American Statistical Association", "statistics", "Taylor & Francis"),
    (
        "JRSS-A",
        "Journal of the Royal Statistical Society: Series A (Statistics in Society)",
        "statistics",
        "Oxford University Press",
    ),
    (
        "JRSS-B",
        "Journal of the Royal Statistical Society: Series B (Statistical Methodology)",
        "statistics",
        "Oxford University Press",
    ),
    (
        "JRSS-C",
        "Journal of the Royal Statistical Society: Series C (Applied Statistics)",
        "statistics",
        "Oxford University Press",
    ),
    ("", "Biometrika", "statistics", "Oxford University Press"),
    ("", "Biometrics", "statistics", "Oxford University Press"),
    ("", "Statistical Science", "statistics", "Institute of Mathematical Statistics"),
    ("", "Bernoulli", "statistics", "Bernoulli Society"),
    ("JCGS", "Journal of Computational and Graphical Statistics", "statistics", "Taylor & Francis"),
    ("", "Statistics and Computing", "statistics", "Springer"),
    ("EJS", "Electronic Journal of Statistics", "statistics", "Institute of Mathematical Statistics"),
    ("", "Statistica Sinica", "statistics", "Academia Sinica"),
    ("", "Scandinavian Journal of Statistics", "statistics", "Wiley"),
    ("PTRF", "Probability Theory and Related Fields", "statistics", "Springer"),
    ("", "Journal of Multivariate Analysis", "statistics", "Elsevier"),
    ("", "Statistics in Medicine", "statistics", "Wiley"),
    ("", "Journal of Econometrics", "statistics", "Elsevier"),
    ("", "Econometrica", "statistics", "Econometric Society"),
    ("", "Bayesian Analysis", "statistics", "International Society for Bayesian Analysis"),
    ("", "Journal of Causal Inference", "statistics", "De Gruyter"),
    ("", "Technometrics", "statistics", "Taylor & Francis"),
    ("", "Journal of Statistical Planning and Inference", "statistics", "Elsevier"),
    ("CSDA", "Computational Statistics & Data Analysis", "statistics", "Elsevier"),
    ("SIMODS", "SIAM Journal on Mathematics of Data Science", "statistics", "SIAM"),
    ("", "Nature", "science", "Springer Nature"),
    ("", "Science", "science", "AAAS"),
    (
        "PNAS",
        "Proceedings of the National Academy of Sciences of the United States of America",
        "science",
        "National Academy of Sciences",
    ),
    ("", "Nature Communications", "science", "Springer Nature"),
    ("", "Scientific Reports", "science", "Springer Nature"),
    ("PLOS ONE", "PLOS ONE", "science", "Public Library of Science"),
    ("", "PLOS Biology", "science", "Public Library of Science"),
    ("", "Science Advances", "science", "AAAS"),
    ("", "Nature Machine Intelligence", "ml", "Springer Nature"),
    ("", "Nature Methods", "science", "Springer Nature"),
    ("", "Nature Human Behaviour", "science", "Springer Nature"),
    ("", "Nature Computational Science", "science", "Springer Nature"),
    ("", "Nature Biotechnology", "science", "Springer Nature"),
    ("", "Nature Medicine", "science", "Springer Nature"),
    ("", "Nature Physics", "science", "Springer Nature"),
    ("", "Nature Neuroscience", "science", "Springer Nature"),
    ("", "Nature Reviews Physics", "science", "Springer Nature"),
    ("", "Communications Biology", "science", "Springer Nature"),
    ("", "Cell", "science", "Cell Press"),
    ("", "Neuron", "science", "Cell Press"),
    ("", "Royal Society Open Science", "science", "The Royal Society"),
    (
        "Phil. Trans. A",
        "Philosophical Transactions of the Royal Society A: Mathematical, Physical and Engineering Sciences",
        "science",
        "The Royal Society",
    ),
    ("", "The Lancet", "science", "Elsevier"),
    ("NEJM", "New England Journal of Medicine", "science", "Massachusetts Medical Society"),
    ("JAMA", "JAMA", "science", "American Medical Association"),
    (
        "",
        "Physical Review Letters",  # PRL is Pattern Recognition Letters to computer scientists
        "science",
        "American Physical Society",
    ),
    ("", "Physical Review E", "science", "American Physical Society"),
    ("", "Nucleic Acids Research", "science", "Oxford University Press"),
    ("CACM", "Communications of the ACM", "interdisciplinary", "ACM"),
    ("", "IEEE Access", "interdisciplinary", "IEEE"),
    ("", "Annals of Mathematics", "theory", "Princeton University"),
    ("", "Mathematical Programming", "theory", "Springer"),
    ("SIOPT", "SIAM Journal on Optimization", "theory", "SIAM"),
    ("FoCM", "Foundations of Computational Mathematics", "theory", "Springer"),
)


if __name__ == "__main__":
    raise SystemExit(main())
