"""A CV section in Markdown (CommonMark/GFM): marks escaped so they never turn into emphasis."""

from __future__ import annotations

import re

from scholarcli.formats.cv import Cv, CvEntry, cited_text, drawn_authors, drawn_legend, metrics_text, sentences

# Characters that could start markup inside a line (CommonMark, GFM, pandoc's Markdown); any
# ASCII punctuation may be backslash-escaped, but escaping only these keeps the source readable.
_MARKUP = re.compile(r"([\\`*_\[\]<>#|~^$&])")


def md_escape(text: str) -> str:
    return _MARKUP.sub(r"\\\1", text)


# A line break inside an entry would end its list item (a next line "- x" is an item of its own).
_LINE_BREAK = re.compile(r"\s*[\r\n]\s*")


def md_line(text: str) -> str:
    """Text as Markdown that stays on its line and shows it literally."""
    return md_escape(_LINE_BREAK.sub(" ", text) if "\n" in text or "\r" in text else text)


# What opens a block where a line's text begins: a list marker (CommonMark's "- ", "+ ", "1. ",
# "1) "; pandoc's "a. ", "iv)", "(1)", "#.", "(@)"). Its punctuation is escaped, and white space
# before it dropped (four spaces would open code).
_BLOCK_START = re.compile(r"[ \t]*(?:[-+]|(\(?)(?:\d{1,9}|[A-Za-z]|[ivxlcdmIVXLCDM]+|\\#|@\w*)([.)]))(?=[ \t]|$)")


def md_line_start(text: str) -> str:
    """Markdown text that begins a line, as text: no list, quote or code block opens there."""
    found = _BLOCK_START.match(text)
    if found is None:
        return text.lstrip(" \t")
    marker = found.group().lstrip(" \t")
    if marker[0] in "-+":
        return f"\\{marker}{text[found.end() :]}"
    opening = marker[:-1].replace("(", "\\(", 1)
    return f"{opening}\\{marker[-1]}{text[found.end() :]}"


def md_emphasis(markdown: str, mark: str) -> str:
    """Markdown between emphasis marks, which open and close only next to a character that is not
    white space ("* title*" at an item's start would open a nested list); empty text gets none."""
    core = markdown.strip()
    return f"{mark}{core}{mark}" if core else ""


def md_url(url: str) -> str:
    """A link destination in angle brackets, where only ``<``, ``>``, spaces and backslashes
    (which escape the next character there) need encoding."""
    for char, code in (("<", "%3C"), (">", "%3E"), (" ", "%20"), ("\\", "%5C")):
        url = url.replace(char, code)
    return f"<{url}>"


def _entry(entry: CvEntry, cv: Cv) -> str:
    names = drawn_authors(entry, md_line, lambda name: md_emphasis(name, "**"), md_line)
    parts = []
    if names:
        parts.append(", ".join(names))
    parts.append(md_emphasis(md_line(entry.work.title), "*"))
    if entry.venue:
        parts.append(md_line(entry.venue))
    parts.append(md_escape(cited_text(entry)))
    text = sentences(parts)
    if entry.links:
        text += " " + " · ".join(f"[{md_line(link.label)}]({md_url(link.url)})" for link in entry.links)
    label = f"\\[{entry.number}\\] " if entry.number is not None else ""
    return f"- {label}{md_line_start(text)}"


def render_cv(cv: Cv) -> str:
    blocks = [md_escape(metrics_text(cv.metrics))] if cv.metrics else []
    for section in cv.sections:
        blocks.append(f"## {md_escape(section.title)}")
        for group in section.groups:
            if group.heading:
                blocks.append(f"### {md_escape(group.heading)}")
            blocks.append("\n".join(_entry(entry, cv) for entry in group.entries))
        if section.legends:
            blocks.append(md_line_start(drawn_legend(section.legends, md_line, md_line)))
    return "\n\n".join(blocks) + "\n"
