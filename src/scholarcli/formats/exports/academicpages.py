"""academicpages (Jekyll, Minimal Mistakes): one ``_publications/<name>.md`` per work.

The front matter has what its publication pages read: title, collection, category, permalink,
date, venue, paperurl, excerpt, citation. Jekyll's templates print these without escaping, and
run the excerpt through Markdown, so every text is HTML-escaped (and the excerpt Markdown-escaped
first); every string is a YAML double-quoted scalar, safe for any text. Files are named by key (or a
portable form of it: site_files.page_names), not by date, so that a work whose date changes keeps
its one file; the permalink is that name, and ``key`` the work's key as it is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape

from scholarcli.formats.code_points import HTML, fit_settings, fit_work
from scholarcli.formats.cv import kind_of, links, sentences, unsafe_links, venue_line, venue_name
from scholarcli.formats.cv_markdown import md_url
from scholarcli.formats.export_types import ExportOptions, Format, TreeResult
from scholarcli.formats.site_files import MARKER, page_names
from scholarcli.formats.yaml_text import yaml_str
from scholarcli.model import Settings, Work
from scholarcli.model.describe import authors_text, iso_date
from scholarcli.model.marks import legend_text, legends
from scholarcli.model.markup import title_text

# Markdown's punctuation but < > &, which become HTML entities (kramdown keeps entities as they are).
_MARKDOWN = re.compile(r"([\\`*_\[\]#|~^$])")


def markdown_text(text: str) -> str:
    """Plain text as kramdown Markdown that shows it literally: no markup, no raw HTML, and no
    Liquid tag (Jekyll runs Liquid over a page's text before Markdown): braces become entities."""
    escaped = escape(_MARKDOWN.sub(r"\\\1", text))
    return escaped.replace("{", "&#123;").replace("}", "&#125;")


# --group-by type groups -> academicpages' publication categories (its _config.yml names them).
CATEGORIES = {"Journal articles": "manuscripts", "Conference papers": "conferences", "Workshop papers": "conferences"}


def citation(work: Work, settings: Settings) -> str:
    """The recommended citation: authors, "title", venue, year."""
    title = f"\u201c{title_text(work.title)}\u201d"
    return sentences([authors_text(work, settings), title, venue_line(work, settings)])


def front_matter(work: Work, settings: Settings, name: str) -> list[str]:
    """The front matter of the page ``name`` (site_files.page_names)."""
    lines = ["---", MARKER, f"key: {yaml_str(work.key)}", f"title: {yaml_str(escape(title_text(work.title)))}"]
    category = CATEGORIES.get(kind_of(work, settings), "patents" if work.is_patent else "other")
    lines += ["collection: publications", f"category: {category}", f"permalink: {yaml_str(f'/publication/{name}')}"]
    if work.year is not None:
        found = iso_date(work) or ""
        lines.append(f"date: {found + '-01' * (2 - found.count('-'))}")
    if venue := venue_name(work, settings):
        lines.append(f"venue: {yaml_str(escape(venue))}")
    addresses = links(work)
    if addresses:
        lines.append(f"paperurl: {yaml_str(escape(addresses[0].url))}")
    if work.abstract:
        lines.append(f"excerpt: {yaml_str(markdown_text(work.abstract))}")
    lines.append(f"citation: {yaml_str(escape(citation(work, settings)))}")
    return [*lines, "---"]


def body(work: Work, settings: Settings) -> list[str]:
    """The page text: the legend of any mark, then the links, as escaped Markdown."""
    lines = []
    if used := legends([work], settings):
        lines.append(markdown_text(legend_text(used)))
    anchors = [f"[{markdown_text(link.label)}]({md_url(link.url)})" for link in links(work)]
    if anchors:
        lines.append(" · ".join(anchors))
    return lines


def render_files(works: Sequence[Work], settings: Settings, options: ExportOptions) -> TreeResult:
    files = {}
    settings, _, warnings = fit_settings(settings, None, HTML)  # the pages are HTML
    names = page_names(work.key for work in works)
    for work in works:
        work, unfit = fit_work(work, HTML)
        text = "\n".join(front_matter(work, settings, names[work.key])) + "\n"
        if lines := body(work, settings):
            text += "\n" + "\n\n".join(lines) + "\n"
        files[f"{names[work.key]}.md"] = text
        warnings += unfit + unsafe_links(work)
    return TreeResult(files, warnings)


FORMAT = Format(
    name="academicpages",
    help="an academicpages site's _publications/ (-o DIR)",
    render_tree=render_files,
)
