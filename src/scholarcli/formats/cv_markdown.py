"""A CV section in Markdown (CommonMark/GFM): marks escaped so they never turn into emphasis."""

from __future__ import annotations

import re

from scholarcli.formats.cv import Cv, CvEntry, cited_text, drawn_authors, drawn_legend, metrics_text, sentences

# Characters that could start markup inside a line (CommonMark, GFM, pandoc's Markdown); any
# ASCII punctuation may be backslash-escaped, but escaping only these keeps the source readable.
_MARKUP = re.compile(r"([\\`*_\[\]<>#|~^$&])")


def md_escape(text: str) -> str:
    return _MARKUP.sub(r"\\\1", text)


def md_url(url: str) -> str:
    """A link destination in angle brackets, where only ``<``, ``>`` and spaces need encoding."""
    return "<" + url.replace("<", "%3C").replace(">", "%3E").replace(" ", "%20") + ">"


def _entry(entry: CvEntry, cv: Cv) -> str:
    names = drawn_authors(entry, md_escape, lambda name: f"**{name}**", md_escape)
    parts = []
    if names:
        parts.append(", ".join(names))
    parts.append(f"*{md_escape(entry.work.title)}*")
    if entry.venue:
        parts.append(md_escape(entry.venue))
    parts.append(md_escape(cited_text(entry)))
    text = sentences(parts)
    if entry.links:
        text += " " + " · ".join(f"[{md_escape(link.label)}]({md_url(link.url)})" for link in entry.links)
    label = f"\\[{entry.number}\\] " if entry.number is not None else ""
    return f"- {label}{text}"


def render_cv(cv: Cv) -> str:
    blocks = [md_escape(metrics_text(cv.metrics))] if cv.metrics else []
    for section in cv.sections:
        blocks.append(f"## {md_escape(section.title)}")
        for group in section.groups:
            if group.heading:
                blocks.append(f"### {md_escape(group.heading)}")
            blocks.append("\n".join(_entry(entry, cv) for entry in group.entries))
        if section.legends:
            blocks.append(drawn_legend(section.legends, md_escape, md_escape))
    return "\n\n".join(blocks) + "\n"
