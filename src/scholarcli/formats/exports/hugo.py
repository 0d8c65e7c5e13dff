"""Hugo Blox (Wowchemy) publication page bundles: ``<name>/index.md`` and ``<name>/cite.bib`` per work.

Written into a site's ``content/publication/``; ``<name>`` is the key where the key is a portable
name, else a portable form of it (site_files.page_names), and ``key`` in the front matter is the
work's key as it is. The front matter holds the fields Hugo Blox's
publication pages read: title, authors, author_notes (equal contribution), date,
publication_types (CSL types), publication, publication_short, doi, url_* and links, featured
(the selected works), abstract. Hugo's templates escape what they print, but run ``publication``
and ``abstract`` through Markdown, so those are Markdown-escaped; every string is a YAML
double-quoted scalar, safe for any text.
"""

from __future__ import annotations

from collections.abc import Sequence

from scholarcli.formats.code_points import HTML, fit_settings, fit_work
from scholarcli.formats.cv import links, unsafe_links, venue_name
from scholarcli.formats.cv_markdown import md_escape
from scholarcli.formats.export_types import ExportOptions, Format, TreeResult
from scholarcli.formats.exports import bibtex
from scholarcli.formats.site_files import MARKER, page_names
from scholarcli.formats.yaml_text import yaml_list, yaml_str
from scholarcli.model import Settings, Work
from scholarcli.model.describe import iso_date, shown
from scholarcli.model.marks import author_marks, is_marked

# scholar's type -> the CSL type Hugo Blox's publication_types takes.
CSL_TYPES = {"article": "article-journal", "inproceedings": "paper-conference", "incollection": "chapter",
             "book": "book", "thesis": "thesis", "techreport": "report", "preprint": "article",
             "misc": "manuscript", "patent": "patent"}  # fmt: skip
# Link labels (formats/cv.py) with a front matter field of their own; the others go under `links`.
URL_FIELDS = {"PDF": "url_pdf", "Code": "url_code", "Slides": "url_slides", "Video": "url_video",
              "Poster": "url_poster", "Project page": "url_project", "Dataset": "url_dataset"}  # fmt: skip


def _date(work: Work) -> str | None:
    """A YAML date (unquoted, so Hugo reads a date), the first of the month or year when unknown."""
    if work.year is None:
        return None
    found = iso_date(work) or ""
    return found + "-01" * (2 - found.count("-"))


def _links(work: Work) -> list[str]:
    lines, others = [], []
    for link in links(work):
        if link.label in URL_FIELDS:
            lines.append(f"{URL_FIELDS[link.label]}: {yaml_str(link.url)}")
        elif link.label != "DOI":  # Hugo Blox links the doi field itself
            others.append(link)
    if others:
        lines.append("links:")
        for link in others:
            lines.extend([f"  - name: {yaml_str(link.label)}", f"    url: {yaml_str(link.url)}"])
    return lines


def front_matter(work: Work, settings: Settings, options: ExportOptions) -> list[str]:
    work = shown(work)
    lines = ["---", MARKER, f"key: {yaml_str(work.key)}", f"title: {yaml_str(work.title)}"]
    if work.authors:
        lines += ["authors:", *yaml_list(list(work.authors) + (["et al."] if work.authors_truncated else []), "  ")]
    if is_marked(work):  # Hugo Blox shows each author's note beside the name
        notes = ["; ".join(mark.legend.capitalize() for mark in marks) for marks in author_marks(work, settings)]
        lines += ["author_notes:", *yaml_list(notes, "  ")]
    if (date := _date(work)) is not None:
        lines.append(f"date: {date}")
    lines += ["publication_types:", *yaml_list([CSL_TYPES[work.type]], "  ")]
    if venue := venue_name(work, settings):
        lines.append(f"publication: {yaml_str(md_escape(venue))}")
    if work.venue:
        lines.append(f"publication_short: {yaml_str(md_escape(work.venue))}")
    if work.doi:
        lines.append(f"doi: {yaml_str(work.doi)}")
    lines += _links(work)
    lines.append(f"featured: {'true' if work.selected else 'false'}")
    if work.tags:
        lines += ["tags:", *yaml_list(list(work.tags), "  ")]
    if work.abstract:
        lines.append(f"abstract: {yaml_str(md_escape(work.abstract))}")
    return [*lines, "---"]


def render_files(works: Sequence[Work], settings: Settings, options: ExportOptions) -> TreeResult:
    """One page bundle per work, in a folder named by its key or a portable form of it."""
    files: dict[str, str] = {}
    shown_settings, _, warnings = fit_settings(settings, None, HTML)  # the pages are HTML
    names = page_names(work.key for work in works)
    for work in works:
        folder = names[work.key]
        shown, unfit = fit_work(work, HTML)
        files[f"{folder}/index.md"] = "\n".join(front_matter(shown, shown_settings, options)) + "\n"
        entry, about = bibtex.render_work(work, settings, options)  # which maps what LaTeX cannot carry
        files[f"{folder}/cite.bib"] = entry
        warnings += unfit + unsafe_links(work) + [f"{line} (cite.bib)" for line in about]
    return TreeResult(files, warnings)


FORMAT = Format(
    name="hugo",
    help="a Hugo Blox site's content/publication/ (-o DIR)",
    render_tree=render_files,
)
