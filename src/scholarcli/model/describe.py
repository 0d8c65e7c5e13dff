"""Plain-text descriptions of a work shared by every human-readable output."""

from __future__ import annotations

from scholarcli.model import Citation, Settings, Work
from scholarcli.model.marks import author_marks, legend_text, legends, symbols
from scholarcli.model.marks import is_marked as is_marked_work
from scholarcli.model.markup import is_marked, title_text
from scholarcli.model.names import display_name, source_names

# English whatever the locale (calendar.month_abbr follows LC_TIME), and no calendar import.
MONTH_ABBREVIATIONS = ("", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def shown(work: Work) -> Work:
    """The work as displays show it: the title's and names' record markup dropped (``{F}ourier`` ->
    ``Fourier``, ``de Las Casas, Diego`` -> ``Diego de Las Casas``, TeX's quotes as typographic ones);
    most works are shown as they are."""
    title = title_text(work.title)
    if not work.authors and work.extra and "author" in work.extra:  # a list kept as written: its names
        work = work._replace(authors=tuple(source_names(work.extra["author"])))
    if not any(is_marked(name) or "," in name for name in work.authors):
        return work if title is work.title else work._replace(title=title)
    names = {name: display_name(name) for name in work.authors}
    return work._replace(
        title=title,
        authors=tuple(names[name] for name in work.authors),
        equal_contribution=tuple(names.get(name, name) for name in work.equal_contribution),
        marks={kind: tuple(names.get(name, name) for name in marked) for kind, marked in work.marks.items()},
    )


def marked_authors(work: Work, settings: Settings) -> list[str]:
    """Author names as shown, each followed by the symbols of its marks (``Rao Fu*†``)."""
    names = shown(work).authors
    if not is_marked_work(work):  # most works: a list of 10,000 need not look at each name
        return list(names)
    return [name + symbols(marks) for name, marks in zip(names, author_marks(work, settings), strict=True)]


def authors_text(work: Work, settings: Settings) -> str:
    """``Yash Goel*, Ayan Sengupta*, Tanmoy Chakraborty``, with ``et al.`` if truncated."""
    text = ", ".join(marked_authors(work, settings))
    if work.authors_truncated:
        text = f"{text} et al." if text else "et al."
    return text


def venue_short(work: Work) -> str:
    """The venue as a list shows it: the acronym, with the track if there is one; ``arXiv:2409.13598``
    for a preprint with an arXiv id and no venue (Work.listed_venue)."""
    if not work.venue:
        return f"arXiv:{work.arxiv}" if work.listed_venue else ""
    return f"{work.venue} ({work.track})" if work.track else work.venue


def venue_long(work: Work, settings: Settings) -> str:
    """The venue in full: registry name with acronym, then the track; ``arXiv preprint arXiv:2409.13598``
    for a preprint with an arXiv id and no venue."""
    if not work.venue:
        return f"arXiv preprint arXiv:{work.arxiv}" if work.listed_venue else ""
    entry = settings.venue(work.venue)
    text = f"{entry.name} ({entry.acronym})" if entry and entry.name != entry.acronym else work.venue
    return f"{text}, {work.track} track" if work.track else text


def iso_date(work: Work) -> str | None:
    """``2024-09-20``, ``2024-09`` or ``2024`` as far as known; None without a year."""
    if work.year is None:
        return None
    parts = [f"{work.year:04d}"]
    if work.month is not None:
        parts.append(f"{work.month:02d}")
        if work.day is not None:
            parts.append(f"{work.day:02d}")
    return "-".join(parts)


def date_text(work: Work) -> str:
    """The ISO date as far as known, or ``Jan 15`` when the source gave no year."""
    if work.year is None:
        if work.month is None:
            return ""
        month = MONTH_ABBREVIATIONS[work.month]
        return f"{month} {work.day}" if work.day else month
    return iso_date(work) or ""


def details(work: Work, settings: Settings, citation: Citation | None = None) -> list[tuple[str, str]]:
    """Every field of a work as (label, text) pairs, in the order `show` prints them, and its count."""
    pairs: list[tuple[str, str]] = [("Key", work.key), ("Type", work.type), ("Title", title_text(work.title))]
    if authors := authors_text(work, settings):  # a list kept as written too: its names, read leniently
        pairs.append(("Inventors" if work.is_patent else "Authors", authors))
    if work.people:
        pairs.append(("People", ", ".join(work.people)))
    if venue := venue_long(work, settings):
        pairs.append(("Venue", venue))
    optional: list[tuple[str, object]] = [
        ("Date", date_text(work)),
        ("Volume", work.volume),
        ("Issue", work.issue),
        ("Pages", work.pages),
        ("Publisher", work.publisher),
        ("Number", work.number),
        ("Status", work.status),
        ("Assignee", work.assignee),
        ("Filed", work.filing_date),
        ("Granted", work.grant_date),
        ("DOI", work.doi),
        ("arXiv", work.arxiv),
        ("URL", work.url),
        ("Categories", ", ".join(work.categories)),
        ("Tags", ", ".join(work.tags)),
        ("Selected", "yes" if work.selected else ""),
        ("Note", work.note),
        ("Citations", f"{citation.cited} ({citation.source}, {citation.date.isoformat()})" if citation else ""),
    ]
    pairs.extend((label, str(value)) for label, value in optional if value)
    for name, url in work.links.items():
        pairs.append((f"Link ({name})", url))
    if work.unresolved_links:
        pairs.append(("Links without URL", ", ".join(work.unresolved_links)))
    for name, value in work.extra.items():
        pairs.append((f"Extra ({name})", value))
    if work.abstract:
        pairs.append(("Abstract", work.abstract))
    if used := legends([work], settings):
        pairs.append(("Legend", legend_text(used)))
    return pairs
