"""The CV as a Word document (.docx), made with python-docx: headings for the sections and groups,
a list paragraph for each work, the person's name in bold runs, marks as superscript runs, titles
in italics, live links, and the legend under each section.

python-docx is imported here only, so that no other export pays for it (it brings lxml). The
document is the same bytes for the same CV: the package's entries carry a fixed time, and the
document's properties name the person and no date (python-docx's template would say 2013).
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import TYPE_CHECKING

from scholarcli.formats.cv import Cv, CvEntry, author_parts, cited_text, metrics_text

if TYPE_CHECKING:
    from docx.document import Document
    from docx.text.paragraph import Paragraph

# A run: its text and how it is set ("" plain, "bold", "italic", "sup").
Run = tuple[str, str]
ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest a zip entry can say: the same bytes on every run


def author_runs(entry: CvEntry) -> list[Run]:
    """The authors as runs: the person in bold, each author's mark symbols in superscript."""
    runs: list[Run] = []
    for index, (name, is_person, symbols) in enumerate(author_parts(entry)):
        runs += [(", " if index else "", ""), (name, "bold" if is_person else ""), (symbols, "sup")]
    return [run for run in runs if run[0]]


def entry_runs(entry: CvEntry) -> list[Run]:
    """A work's line as runs: authors, the title in italics, the venue and the count, as sentences."""
    runs: list[Run] = []
    if entry.number is not None:
        runs.append((f"[{entry.number}] ", ""))
    names = author_runs(entry)
    parts: list[list[Run]] = [names] if names else []
    parts += [[(entry.work.title, "italic")], [(entry.venue, "")], [(cited_text(entry), "")]]
    for part in parts:
        text = "".join(text for text, _ in part)
        if not text:
            continue
        runs += part
        runs.append((" " if text.endswith((".", "?", "!")) else ". ", ""))
    return runs


def render_cv(cv: Cv) -> bytes:
    """The CV as the bytes of a .docx file."""
    from docx import Document as new_document

    document = new_document()
    _properties(document, cv.person.name)
    document.add_paragraph(cv.person.name, style="Title")
    if cv.metrics:
        document.add_paragraph(metrics_text(cv.metrics))
    for section in cv.sections:
        document.add_heading(section.title, level=1)
        for group in section.groups:
            if group.heading:
                document.add_heading(group.heading, level=2)
            for entry in group.entries:
                _entry(document, entry)
        if section.legends:
            legend = document.add_paragraph()
            for index, mark in enumerate(section.legends):
                _add_run(legend, "; " if index else "", "")
                _add_run(legend, mark.symbol, "sup")
                _add_run(legend, f" {mark.legend}", "")
    return _fixed_time(document)


def _entry(document: Document, entry: CvEntry) -> None:
    # numbered entries carry their own numbers (newest highest), which Word's lists cannot count
    paragraph = document.add_paragraph(style="List Paragraph" if entry.number is not None else "List Bullet")
    for text, how in entry_runs(entry):
        _add_run(paragraph, text, how)
    for index, link in enumerate(entry.links):
        _add_run(paragraph, " · " if index else "", "")
        _hyperlink(paragraph, link.url, link.label)


def _add_run(paragraph: Paragraph, text: str, how: str) -> None:
    if not text:
        return
    run = paragraph.add_run(text)
    run.bold = how == "bold" or None
    run.italic = how == "italic" or None
    if how == "sup":
        run.font.superscript = True


def _hyperlink(paragraph: Paragraph, url: str, label: str) -> None:
    """A live link: python-docx has no call for one, so the element is made as Word writes it."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    relation = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relation)
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    for tag, value in (("w:color", "0563C1"), ("w:u", "single")):  # as Word's Hyperlink style sets a link
        setting = OxmlElement(tag)
        setting.set(qn("w:val"), value)
        properties.append(setting)
    run.append(properties)
    text = OxmlElement("w:t")
    text.text = label
    text.set(qn("xml:space"), "preserve")
    run.append(text)
    link.append(run)
    paragraph._p.append(link)


def _properties(document: Document, name: str) -> None:
    """The document's properties: the person's CV, by the person; no date, none being known."""
    properties = document.core_properties
    properties.title = name
    properties.author = name
    properties.comments = ""
    properties.last_modified_by = ""
    element = properties._element
    for child in list(element):
        if child.tag.endswith(("}created", "}modified", "}lastPrinted")):
            element.remove(child)


# python-docx's template carries a picture of a blank page, which file browsers would show as this CV's.
THUMBNAIL = "docProps/thumbnail.jpeg"
_THUMBNAIL_RELATION = re.compile(rb'<Relationship [^>]*Target="docProps/thumbnail.jpeg"[^>]*/>')


def _fixed_time(document: Document) -> bytes:
    """The saved package, its entries rewritten with a fixed time (zipfile stamps them with now),
    without the template's thumbnail."""
    saved = io.BytesIO()
    document.save(saved)
    out = io.BytesIO()
    with zipfile.ZipFile(saved) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            if item.filename == THUMBNAIL:
                continue
            data = source.read(item.filename)
            if item.filename == "_rels/.rels":
                data = _THUMBNAIL_RELATION.sub(b"", data)
            target.writestr(zipfile.ZipInfo(item.filename, ZIP_TIME), data, zipfile.ZIP_DEFLATED)
    return out.getvalue()
