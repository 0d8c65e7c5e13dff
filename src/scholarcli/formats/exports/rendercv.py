"""RenderCV ``PublicationEntry`` YAML, ready to paste under ``cv.sections`` of a RenderCV input.

Written for RenderCV 2.3 and later, checked with the current release. Strings are YAML
double-quoted scalars (yaml_text), so no YAML library is needed and every character survives.
Titles, authors and venues are RenderCV Markdown: escaped, with the person in ``**bold**``.
"""

from __future__ import annotations

import re

from scholarcli.formats.code_points import HTML
from scholarcli.formats.cv import Cv, CvEntry, drawn_authors
from scholarcli.formats.cv_export import cv_format
from scholarcli.formats.yaml_text import yaml_str
from scholarcli.model.marks import legend_text

# RenderCV's schema: a DOI starts with "10." (and becomes https://doi.org/...), a URL is http(s).
_DOI = re.compile(r"10\.\S+")
_MARKUP = re.compile(r"([\\*_\[\]#])")
WORD_JOINER = "\u2060"  # invisible; keeps two characters from being read as one piece of markup


def rcv_escape(text: str) -> str:
    """Text as RenderCV shows it literally in its PDF (Typst), Markdown and HTML outputs.

    RenderCV reads each line as Markdown, then passes ``#word`` and ``$$...$$`` through to Typst
    as code and raw HTML tags through to its HTML page. So: one line, Markdown's punctuation
    backslash-escaped, and an invisible word joiner after a ``#`` before a letter, between two
    ``$`` and after a ``<`` that would open a tag. A backtick, which Typst would take as code in
    any form RenderCV passes on, becomes the modifier letter grave accent (U+02CB), which looks alike.
    """
    text = _MARKUP.sub(r"\\\1", " ".join(text.split())).replace("`", "\u02cb")
    text = re.sub(r"(?<=\\#)(?=[A-Za-z])|(?<=\$)(?=\$)|(?<=<)(?=[A-Za-z/!?])", WORD_JOINER, text)
    # A line opening with a list marker, a heading or "!!!" would become a list, a heading or an
    # admonition (in Markdown or in Typst): a word joiner first, and it is text in both.
    return WORD_JOINER + text if re.match(r"[-+!=]|\d+\.", text) else text


def _entry(entry: CvEntry, cv: Cv) -> list[str]:
    work = entry.work
    authors = drawn_authors(entry, rcv_escape, lambda name: f"**{name}**", rcv_escape)
    lines = [f"  - title: {yaml_str(rcv_escape(work.title))}", "    authors:" + ("" if authors else " []")]
    lines.extend(f"      - {yaml_str(author)}" for author in authors)
    if entry.legends:  # the legend in the entry itself: a RenderCV section holds entries only
        lines.append(f"    summary: {yaml_str(rcv_escape(legend_text(entry.legends)))}")
    if entry.venue_name:  # without the year, which `date` shows
        lines.append(f"    journal: {yaml_str(rcv_escape(entry.venue_name))}")
    if work.year is not None:
        # An integer: RenderCV prints a year given as a string ("2025") as "Jan 2025".
        lines.append(f"    date: {work.year}")
    if work.doi and _DOI.fullmatch(work.doi):
        lines.append(f"    doi: {yaml_str(work.doi)}")
    url = next((link.url for link in entry.links if link.label != "DOI" and link.url.startswith("http")), None)
    if url:
        lines.append(f"    url: {yaml_str(url)}")
    return lines


def render_cv(cv: Cv) -> str:
    lines = [f"# RenderCV sections for {yaml_str(cv.person.name)}; paste under cv.sections."]
    for section in cv.sections:
        entries = section.entries
        key = section.title.lower().replace(" ", "_")
        lines.append(f"{key}:" + ("" if entries else " []"))
        for entry in entries:
            lines.extend(_entry(entry, cv))
    return "\n".join(lines) + "\n"


# RenderCV's text becomes HTML and Typst: what HTML cannot carry is mapped
FORMAT = cv_format("rendercv", "the CV as RenderCV's YAML (rendercv.com), which it typesets", render_cv, HTML)
