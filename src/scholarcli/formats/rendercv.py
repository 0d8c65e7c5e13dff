"""RenderCV ``PublicationEntry`` YAML, ready to paste under ``cv.sections`` of a RenderCV input.

Strings are written as JSON strings, which are valid YAML, so no YAML library is needed and every
character survives. Authors are RenderCV Markdown: the person in ``**bold**``, marks escaped.
"""

from __future__ import annotations

import json

from scholarcli.formats.cv import Cv, CvEntry, drawn_authors
from scholarcli.formats.cv_markdown import md_escape
from scholarcli.formats.json_resume import release_date


def _quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _entry(entry: CvEntry, cv: Cv) -> list[str]:
    work = entry.work
    authors = drawn_authors(entry, cv.mark, md_escape, lambda name: f"**{name}**", md_escape)
    lines = [f"  - title: {_quote(work.title)}", "    authors:" + ("" if authors else " []")]
    lines.extend(f"      - {_quote(author)}" for author in authors)
    if entry.venue:
        lines.append(f"    journal: {_quote(entry.venue)}")
    if date := release_date(entry):
        lines.append(f"    date: {_quote(date)}")
    if work.doi:
        lines.append(f"    doi: {_quote(work.doi)}")
    url = next((link.url for link in entry.links if link.label != "DOI"), None)
    if url:
        lines.append(f"    url: {_quote(url)}")
    return lines


def render_cv(cv: Cv) -> str:
    lines = [f"# RenderCV sections for {cv.person.name}; paste under cv.sections."]
    for section in cv.sections:
        if section.has_equal:
            lines.append(f"# {cv.mark} {cv.legend}")
        entries = section.entries
        lines.append(f"{section.title.lower()}:" + ("" if entries else " []"))
        for entry in entries:
            lines.extend(_entry(entry, cv))
    return "\n".join(lines) + "\n"
