"""A researcher's publication page, in the spirit of Jon Barron's homepage template.

One standalone HTML file: each work a row with an optional thumbnail, the title linked to the
work's main address, the authors with the person in bold and equal contributors marked, the
venue, a row of named links (Paper, Code, arXiv, OpenReview, DOI, Slides, ...) and, if asked,
the abstract folded in ``<details>``. Selected works may come first in a section of their own;
patents link to their office's page. No JavaScript (a Content-Security-Policy forbids any),
light and dark colours after the reader's setting, and one column on a phone.

Every field is escaped; only http, https and mailto addresses become links (formats/cv.py
leaves the others out), and an image is an http(s) address or a path relative to the page.
"""

from __future__ import annotations

from html import escape

from scholarcli.formats.cv import (
    SELECTED,
    Cv,
    CvEntry,
    CvGroup,
    CvSection,
    cited_text,
    drawn_authors,
    drawn_legend,
    image,
    metrics_text,
    unlinked,
)
from scholarcli.formats.cv_html import anchor_ids, superscript

# Scripts, frames, forms, fonts and plugins are all refused; styles are this page's own.
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src *; base-uri 'none'; form-action 'none'"
STYLE = """\
:root { color-scheme: light dark; --fg: #1f2328; --bg: #ffffff; --muted: #59636e; --link: #0b57d0;
        --rule: #d8dee4; --chip: #f2f4f7; --shade: #fff8db; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6e6e6; --bg: #15171a; --muted: #a3abb5; --link: #8ab4f8; --rule: #343a40; --chip: #23272d;
          --shade: #2a2818; }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg);
       font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", sans-serif; }
main { max-width: 52rem; margin: 0 auto; padding: 2rem 1rem 3rem; }
h1 { font-size: 2rem; font-weight: 600; margin: 0 0 .25rem; }
h2 { font-size: 1.35rem; margin: 2.2rem 0 .4rem; padding-bottom: .25rem; border-bottom: 1px solid var(--rule); }
h3 { font-size: 1rem; color: var(--muted); margin: 1.4rem 0 .2rem; }
a { color: var(--link); text-decoration: none; } a:hover, a:focus { text-decoration: underline; }
nav { color: var(--muted); }
.works { list-style: none; margin: 0; padding: 0; }
.work { display: flex; gap: 1.25rem; padding: .9rem 0; border-bottom: 1px solid var(--rule); }
.work:last-child { border-bottom: 0; }
.work.selected { background: var(--shade); margin: .35rem -.75rem; padding: .9rem .75rem; border: 0;
                 border-radius: 6px; }
.thumb { flex: 0 0 10rem; }
.thumb img { display: block; width: 100%; height: auto; border-radius: 6px; background: var(--chip); }
.about { flex: 1 1 auto; min-width: 0; overflow-wrap: anywhere; }
.about p { margin: 0 0 .15rem; }
.title { font-weight: 600; font-size: 1.05rem; }
.title a { color: inherit; } .title a:hover, .title a:focus { color: var(--link); }
.caps { text-transform: lowercase; font-variant: small-caps; font-size: 1.1em; }
.unlinked { color: var(--muted); }
.number { color: var(--muted); font-weight: 400; margin-right: .3rem; }
.venue { font-style: italic; }
.links a { white-space: nowrap; }
.links .sep { color: var(--muted); margin: 0 .35rem; }
details { margin-top: .3rem; } summary { cursor: pointer; color: var(--muted); }
details p { margin: .3rem 0 0; color: var(--fg); }
.legend, footer { color: var(--muted); font-size: .9rem; }
.metrics, .cited { color: var(--muted); } .metrics { margin: 0 0 .4rem; }
@media (max-width: 36rem) {
  main { padding-top: 1.2rem; } h1 { font-size: 1.6rem; }
  .work { flex-direction: column; gap: .6rem; } .thumb { flex-basis: auto; max-width: 16rem; }
}"""


SEPARATOR = '<span class="sep">/</span>'


def _anchor(url: str, label: str) -> str:
    # Only addresses formats/cv.py let through reach here: http, https, mailto.
    return f'<a href="{escape(url)}">{label}</a>'


def _work(entry: CvEntry, shown: tuple[bool, bool], ident: str | None, shaded: bool) -> str:
    """A work's row; ``shown`` says whether its abstract and thumbnail are; ``shaded``, that a
    selected work is set apart where it stands (outside the section of the selected)."""
    work, (abstracts, thumbnails) = entry.work, shown
    names = drawn_authors(entry, escape, lambda n: f"<strong>{n}</strong>", superscript)
    title = escape(work.title)
    if work.title.isupper():  # in capitals throughout, as patent offices write them: small capitals, not shouting
        title = f'<span class="caps">{title}</span>'
    if entry.links:  # the title leads to the work's main address, as on Barron's page
        title = _anchor(entry.links[0].url, title)
    number = f'<span class="number">[{entry.number}]</span>' if entry.number is not None else ""
    parts = [f'<p class="title">{number}{title}</p>']
    if names:
        parts.append(f'<p class="authors">{", ".join(names)}</p>')
    if entry.venue:
        parts.append(f'<p class="venue">{escape(entry.venue)}</p>')
    if entry.cited is not None:
        parts.append(f'<p class="cited">{escape(cited_text(entry))}</p>')
    # the named links, and as text those the record names without an address (never an invented one)
    named = [_anchor(link.url, escape(link.label)) for link in entry.links]
    named += [f'<span class="unlinked">{escape(label)}</span>' for label in unlinked(work, entry.links)]
    if named:
        parts.append(f'<p class="links">{SEPARATOR.join(named)}</p>')
    if abstracts and work.abstract:
        parts.append(f"<details><summary>Abstract</summary><p>{escape(work.abstract)}</p></details>")
    picture = image(work) if thumbnails else None
    thumb = f'<div class="thumb"><img src="{escape(picture)}" alt="" loading="lazy"></div>' if picture else ""
    attribute = f' id="{escape(ident)}"' if ident is not None else ""
    value = f' value="{entry.number}"' if entry.number is not None else ""
    row = "work selected" if shaded and work.selected else "work"
    return f'<li class="{row}"{attribute}{value}>{thumb}<div class="about">{"".join(parts)}</div></li>'


def _group(group: CvGroup, shown: tuple[bool, bool], ids: dict[str, str], shaded: bool) -> list[str]:
    """A group's works; ``shown`` says whether abstracts and thumbnails are, ``ids`` gives the works' ids."""
    tag = "ol" if group.entries and group.entries[0].number is not None else "ul"
    lines = [f"<h3>{escape(group.heading)}</h3>"] if group.heading else []
    lines.append(f'<{tag} class="works">')
    lines += [_work(entry, shown, ids.get(entry.work.key), shaded) for entry in group.entries]
    return [*lines, f"</{tag}>"]


def _section_id(section: CvSection) -> str:
    return section.title.lower().replace(" ", "-")


def _section(section: CvSection, ident: str, cv: Cv, shown: tuple[bool, bool], ids: dict[str, str]) -> list[str]:
    lines = [f'<section id="{escape(ident)}">', f"<h2>{escape(section.title)}</h2>"]
    for group in section.groups:
        lines += _group(group, shown, ids, section.title != SELECTED)
    if not section.entries:
        lines.append("<p>None in this selection.</p>")
    if section.legends:
        lines.append(f'<p class="legend">{drawn_legend(section.legends, escape, superscript)}</p>')
    return [*lines, "</section>"]


def render_page(cv: Cv, abstracts: bool = False, thumbnails: bool = False) -> str:
    name = escape(cv.person.name)
    ids, section_ids = anchor_ids(cv, [_section_id(section) for section in cv.sections])
    nav = " · ".join(
        f'<a href="#{escape(ident)}">{escape(s.title)}</a>' for s, ident in zip(cv.sections, section_ids, strict=True)
    )
    body = [
        line
        for section, ident in zip(cv.sections, section_ids, strict=True)
        for line in _section(section, ident, cv, (abstracts, thumbnails), ids)
    ]
    head = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="color-scheme" content="light dark">',
        '<meta name="generator" content="scholar">',
        f"<title>{name}: publications</title>",
        f"<style>\n{STYLE}\n</style>",
        "</head>",
    ]
    numbers = f'<p class="metrics">{escape(metrics_text(cv.metrics))}</p>' if cv.metrics else ""
    page = [*head, "<body>", "<main>", f"<header><h1>{name}</h1>{numbers}<nav>{nav}</nav></header>", *body]
    page += ["<footer><p>Made with scholar.</p></footer>", "</main>", "</body>", "</html>"]
    return "\n".join(page) + "\n"
