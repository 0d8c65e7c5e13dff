"""A CV section in HTML, as a fragment to put into a page (a whole page is homepage.py's)."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from scholarcli.formats.code_points import HTML
from scholarcli.formats.cv import (
    SELECTED,
    Cv,
    CvEntry,
    CvGroup,
    cited_text,
    drawn_authors,
    drawn_legend,
    metrics_text,
)


def unique_ids(wanted: Sequence[str]) -> list[str]:
    """An id for each wanted one, in order: as wanted where no earlier one took it, else with ``-2``,
    ``-3``, ... after it, never one that another wants as it is."""
    taken, given, ids = set(wanted), set(), []
    for want in wanted:
        candidate, count = want, 1
        while candidate in given or (candidate != want and candidate in taken):
            count += 1
            candidate = f"{want}-{count}"
        given.add(candidate)
        ids.append(candidate)
    return ids


def anchor_ids(cv: Cv, others: Sequence[str] = ()) -> tuple[dict[str, str], list[str]]:
    """The id of each work, by key: the key itself, so that a link to ``page#key`` finds the work;
    then the ids of ``others`` (a page's sections). No two are the same: a section named like a key
    gives way. (Each work is listed once: --selected-first takes the selected out of the rest.)"""
    keys = [e.work.key for section in cv.sections for e in section.entries]
    ids = unique_ids([HTML.unfit.sub(HTML.replacement, key) for key in keys] + list(others))
    return dict(zip(keys, ids, strict=False)), ids[len(keys) :]


def superscript(symbols: str) -> str:
    return f"<sup>{escape(symbols)}</sup>"


def _span(css_class: str, html: str) -> str:
    """A span followed by a full stop, unless its text already ends a sentence."""
    stop = "" if html.endswith((".", "?", "!")) else "."
    return f'<span class="{css_class}">{html}</span>{stop}'


def _entry(entry: CvEntry, cv: Cv, ident: str | None, shaded: bool) -> str:
    names = drawn_authors(entry, escape, lambda name: f"<strong>{name}</strong>", superscript)
    parts = []
    if names:
        parts.append(_span("authors", ", ".join(names)))
    parts.append(_span("title", escape(entry.work.title)))
    if entry.venue:
        parts.append(_span("venue", escape(entry.venue)))
    if entry.cited is not None:
        parts.append(_span("cited", escape(cited_text(entry))))
    if entry.links:
        anchors = " ".join(f'<a href="{escape(link.url)}">{escape(link.label)}</a>' for link in entry.links)
        parts.append(f'<span class="links">{anchors}</span>')
    # Each number is given: grouped by type, a group's numbers need not follow one another.
    value = f' value="{entry.number}"' if entry.number is not None else ""
    attribute = f' id="{escape(ident)}"' if ident is not None else ""
    # a selected work among the others, for the page's style to set apart (as the page does)
    shade = ' class="selected"' if shaded and entry.work.selected else ""
    return f"<li{attribute}{shade}{value}>{' '.join(parts)}</li>"


def _list(group: CvGroup, cv: Cv, ids: dict[str, str], shaded: bool) -> list[str]:
    numbered = group.entries[0].number is not None
    opening, closing = ("<ol>", "</ol>") if numbered else ("<ul>", "</ul>")
    return [opening, *(_entry(entry, cv, ids.get(entry.work.key), shaded) for entry in group.entries), closing]


def render_cv(cv: Cv) -> str:
    """The CV as an HTML fragment, to put into a page (the standalone page is homepage.py's)."""
    ids, _ = anchor_ids(cv)
    lines = ['<section class="scholar-cv">']
    if cv.metrics:
        lines.append(f'<p class="metrics">{escape(metrics_text(cv.metrics))}</p>')
    for section in cv.sections:
        lines.append(f"<h2>{escape(section.title)}</h2>")
        for group in section.groups:
            if group.heading:
                lines.append(f"<h3>{escape(group.heading)}</h3>")
            lines.extend(_list(group, cv, ids, section.title != SELECTED))
        if section.legends:
            lines.append(f'<p class="legend">{drawn_legend(section.legends, escape, superscript)}</p>')
    lines.append("</section>")
    return "\n".join(lines) + "\n"
