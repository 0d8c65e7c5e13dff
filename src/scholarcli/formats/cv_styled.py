"""`export cv --style STYLE`: the house CV's sections, groups, order and numbers, each entry written
by a CSL style (pandoc's citeproc, formats/citeproc.py), the person's name bold and each author's
marks after the name as the style prints it, and under each section the legend of the marks shown.

How a printed name is found: a copy of the style underlines every name (citeproc.tag_names), so that
citeproc draws each name it prints as one Underline node of pandoc's AST; each is matched to the
work's next author whose family name it shows, then replaced by its own text: bold for the person,
the marks' symbols in superscript after the author's first printing. Everything else in an entry is
citeproc's.

The entries are in the CV's order, never the style's sort. A numeric style's label carries the
entry's place in the CV (the style would number in its own order: ACM's by author), or with
--numbered the CV's number (newest highest: "[3]" becomes "[12]"), which a style without labels
gets before the entry, as the house CV shows it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from scholarcli.errors import ScholarError
from scholarcli.formats import citeproc
from scholarcli.formats.cv import Cv, CvAuthor, CvEntry, CvSection, cited_text, metrics_text
from scholarcli.model import Mark, Settings, Work
from scholarcli.model.query import fold

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from scholarcli.formats.export_types import ExportOptions

_WORD = re.compile(r"[^\W_]+")
_NUMBER = re.compile(r"\d+")
LATEX_HEADINGS = ("section", "subsection")  # a section's and a group's, unnumbered, as the house CV's


def render_cv(
    cv: Cv, works: Sequence[Work], settings: Settings, options: ExportOptions
) -> tuple[str | bytes, list[str]]:
    """The CV in the style and format ``options`` name, from the works as recorded, and what it warns about."""
    if options.style is None:
        raise ValueError("a styled CV needs a style")
    to = options.cv_format
    style = citeproc.tag_names(citeproc.resolve_style(options.style))
    shown = [entry for section in cv.sections for entry in section.entries]
    entries, names, api = _cite(shown, works, settings, style)
    positions = {entry.work.key: place for place, entry in enumerate(shown, 1)}
    blocks: list[Any] = [_para(metrics_text(cv.metrics))] if cv.metrics else []
    warnings: list[str] = []
    for section in cv.sections:
        drawn, about = _section(section, entries, names, positions, to)
        blocks += drawn
        warnings += about
    if to == "html":
        blocks = [{"t": "Div", "c": [["", ["scholar-cv"], []], blocks]}]
    title = cv.person.name if to == "docx" or (to == "html" and options.standalone) else None
    written = citeproc.write(blocks, to, style, api, title)
    if to == "latex" and isinstance(written, str):
        from scholarcli.formats.cv_latex import typesettable

        written, about = typesettable(written)
        warnings += about
    return written, warnings


def _cite(
    shown: Sequence[CvEntry], works: Sequence[Work], settings: Settings, style: citeproc.Style
) -> tuple[dict[str, Any], dict[str, list[Mapping[str, str]]], list[int]]:
    """citeproc's entry for each work shown, by key, in the CV's order; the authors' names as the
    CSL items give them (made from the records as `export csl-json` makes them); the AST's version."""
    from scholarcli.formats.exports.csl_json import item

    records = {work.key: work for work in works}
    items = [item(records[entry.work.key], settings) for entry in shown]
    citeproc.unlinkable(items)  # the CV warns of each address it leaves out (cv.unsafe_links)
    found, api = citeproc.cite(items, style)
    names = {str(data["id"]): data.get("author", []) for data in items}
    entries = {citeproc.entry_key(div): div for div in found}
    missing = [entry.work.key for entry in shown if entry.work.key not in entries]
    if missing:
        raise ScholarError(f"the style {style.name} drew no entry for {missing[0]} ({len(missing)} works)")
    return entries, names, api


def _section(
    section: CvSection,
    entries: Mapping[str, Any],
    names: Mapping[str, list[Mapping[str, str]]],
    positions: Mapping[str, int],
    to: str,
) -> tuple[list[Any], list[str]]:
    """A section's heading, each group's heading and list of entries, the legend of the marks shown."""
    blocks, warnings, shown = [_heading(section.title, 0, to)], [], set[Mark]()
    for group in section.groups:
        if group.heading:
            blocks.append(_heading(group.heading, 1, to))
        listed = []
        for entry in group.entries:
            marker = _Names(entry.authors, names[entry.work.key])
            listed.append(_labelled(marker.node(entries[entry.work.key])[0], entry, positions[entry.work.key]))
            shown.update(marker.marks)
        drawn, about = citeproc.entry_blocks(listed, to)
        blocks += citeproc.listed(drawn, to)
        warnings += about
    legend = [mark for mark in section.legends if mark in shown]
    if legend:
        blocks.append(_legend(legend, to))
    return blocks, warnings


class _Names(citeproc.Rewriter):
    """An entry's Underline nodes, each a name the style printed, replaced by the name: bold for the
    person (unless the style sets it bold already), the symbols of the author's marks after the
    first printing of each author. Authors are matched in order; a style that prints the list again
    (a short form, then the full one) starts again from the first."""

    def __init__(self, authors: Sequence[CvAuthor], names: Sequence[Mapping[str, str]]) -> None:
        self.authors, self.names, self.next = authors, names, 0
        self.marks: list[Mark] = []
        self.marked: set[int] = set()
        self.bold = 0  # how many of the style's Strong nodes the walk is in

    def node(self, node: Any) -> list[Any]:
        if not isinstance(node, dict):
            return [node]
        if node.get("t") == "Underline":
            return self.name(self.nodes(node["c"]))
        if node.get("t") != "Strong":
            return super().node(node)
        self.bold += 1
        try:
            return super().node(node)
        finally:
            self.bold -= 1

    def name(self, inlines: list[Any]) -> list[Any]:
        index = self.who(_text(inlines))
        if index is None:  # an editor, a name the style made up: drawn as printed
            return inlines
        author = self.authors[index]
        drawn = [{"t": "Strong", "c": inlines}] if author.is_person and not self.bold else inlines
        if author.marks and index not in self.marked:
            self.marked.add(index)
            self.marks += author.marks
            drawn.append({"t": "Superscript", "c": [_str("".join(mark.symbol for mark in author.marks))]})
        return drawn

    def who(self, printed: str) -> int | None:
        """The next author (from the last one found) whose family name the printed name shows, with
        the initial of a given name if it shows one; else the next whose family name alone it shows;
        else the same from the first author."""
        words = _WORD.findall(fold(printed))
        count = min(len(self.names), len(self.authors))
        for start in dict.fromkeys((self.next, 0)):
            for strict in (True, False):
                for index in range(start, count):
                    if _shows(words, self.names[index], strict):
                        self.next = index + 1
                        return index
        return None


def _shows(words: list[str], name: Mapping[str, str], strict: bool) -> bool:
    family = _WORD.findall(fold(name.get("family") or name.get("literal") or ""))
    if not family or not all(word in words for word in family):
        return False
    given = _WORD.findall(fold(name.get("given") or ""))
    if not strict or not given:
        return True
    return any(word[0] == given[0][0] for word in words if word not in family)


def _text(inlines: Sequence[Any]) -> str:
    """The text of inline nodes, spaces where pandoc has Space nodes."""
    out = []
    for node in inlines:
        kind, content = node.get("t"), node.get("c")
        if kind == "Str":
            out.append(content)
        elif kind in ("Space", "SoftBreak", "LineBreak"):
            out.append(" ")
        elif isinstance(content, list):
            out.append(_text([part for part in content if isinstance(part, dict)]))
    return "".join(out)


def _labelled(div: dict[str, Any], entry: CvEntry, position: int) -> dict[str, Any]:
    """The entry with its citation count and the CV's number: --numbered's (newest highest), else its
    place in the CV. A numeric style's label shows it (the style numbers in its own sort: ACM's by
    author); a style without one shows --numbered's before the entry."""
    attributes, blocks = div["c"]
    blocks = [dict(block) for block in blocks]
    paragraphs = [block for block in blocks if block.get("t") in ("Para", "Plain")]
    if paragraphs:
        number = position if entry.number is None else entry.number
        paragraphs[0]["c"] = _numbered(paragraphs[0]["c"], number, before=entry.number is not None)
    if (count := cited_text(entry)) and paragraphs:
        paragraphs[-1]["c"] = [*paragraphs[-1]["c"], {"t": "Space"}, *_words(f"{count}.")]
    return {**div, "c": [attributes, blocks]}


def _numbered(inlines: list[Any], number: int, before: bool) -> list[Any]:
    """The entry's inlines with the number in the style's label (the first number of its
    csl-left-margin); without a label, the number before them as the house CV puts it, if ``before``."""
    for index, node in enumerate(inlines):
        if node.get("t") == "Span" and "csl-left-margin" in node["c"][0][1]:
            label = node["c"][1]
            at = next(
                (at for at, part in enumerate(label) if part.get("t") == "Str" and _NUMBER.search(part["c"])), None
            )
            if at is not None:
                numbered = _str(_NUMBER.sub(str(number), label[at]["c"], count=1))
                margin = {**node, "c": [node["c"][0], [*label[:at], numbered, *label[at + 1 :]]]}
                return [*inlines[:index], margin, *inlines[index + 1 :]]
    return [*_words(f"[{number}]"), {"t": "Space"}, *inlines] if before else inlines


def _str(text: str) -> dict[str, Any]:
    return {"t": "Str", "c": text}


def _words(text: str) -> list[Any]:
    """Text as pandoc's inlines: a Str for each word, a Space between."""
    out: list[Any] = []
    for word in text.split():
        out += [{"t": "Space"}, _str(word)] if out else [_str(word)]
    return out


def _para(text: str) -> dict[str, Any]:
    return {"t": "Para", "c": _words(text)}


def _heading(text: str, depth: int, to: str) -> dict[str, Any]:
    """A section's (depth 0) or a group's (1) heading: LaTeX's unnumbered section, Word's Heading 1
    and 2 under the title, HTML's and Markdown's h2 and h3 as in the house CV."""
    if to == "latex":
        raw = f"\\{LATEX_HEADINGS[depth]}*{{"
        return {
            "t": "Plain",
            "c": [{"t": "RawInline", "c": ["latex", raw]}, *_words(text), {"t": "RawInline", "c": ["latex", "}"]}],
        }
    level = depth + (1 if to == "docx" else 2)
    return {"t": "Header", "c": [level, ["", [], []], _words(text)]}


def _legend(marks: Sequence[Mark], to: str) -> dict[str, Any]:
    inlines: list[Any] = []
    for mark in marks:
        if inlines:
            inlines += [_str(";"), {"t": "Space"}]
        inlines += [{"t": "Superscript", "c": [_str(mark.symbol)]}, {"t": "Space"}, *_words(mark.legend)]
    if to == "html":
        return {"t": "Div", "c": [["", ["legend"], []], [{"t": "Para", "c": inlines}]]}
    return {"t": "Para", "c": inlines}
