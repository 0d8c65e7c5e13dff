"""CSL-JSON export, the input of pandoc/citeproc and Zotero; equal contribution in ``custom``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from scholarcli.formats.code_points import json_text
from scholarcli.formats.export_types import ExportOptions, ExportResult, Format
from scholarcli.formats.latex_text import decode
from scholarcli.formats.work_facts import is_arxiv, mark_positions
from scholarcli.model import EQUAL_CONTRIBUTION, Settings, Work
from scholarcli.model.describe import venue_long
from scholarcli.model.markup import ESCAPES, is_marked, is_one_group, plain, tokens, typographic
from scholarcli.model.names import bibtex_parts, has_and, is_comma_form, split_name

TYPES = {
    "article": "article-journal",
    "inproceedings": "paper-conference",
    "incollection": "chapter",
    "book": "book",
    "thesis": "thesis",
    "techreport": "report",
    "preprint": "article",
    "misc": "article",
    "patent": "patent",
}
# Every CSL type (CSL 1.0.2) and scholar's type for it; "article" is a preprint or working paper in
# CSL 1.0.2, but older writers use it for anything, so the import decides by the item. An import
# keeps a type that is not TYPES' own in extra (csl-type), and the export gives it back while it
# is still the work's type.
WORK_TYPE_OF = {
    **dict.fromkeys(("article-journal", "article-magazine", "article-newspaper"), "article"),
    "paper-conference": "inproceedings",
    "book": "book",
    **dict.fromkeys(("chapter", "entry", "entry-dictionary", "entry-encyclopedia"), "incollection"),
    "thesis": "thesis",
    "report": "techreport",
    "patent": "patent",
    **dict.fromkeys(
        (
            "article", "bill", "broadcast", "classic", "collection", "dataset", "document", "event", "figure",
            "graphic", "hearing", "interview", "legal_case", "legislation", "manuscript", "map", "motion_picture",
            "musical_score", "pamphlet", "performance", "periodical", "personal_communication", "post",
            "post-weblog", "regulation", "review", "review-book", "software", "song", "speech", "standard",
            "treaty", "webpage",
        ),
        "misc",
    ),
}  # fmt: skip


def _type(work: Work) -> str:
    kept = decode(work.extra["csl-type"]) if work.extra and "csl-type" in work.extra else None  # BibTeX source
    return kept if kept is not None and WORK_TYPE_OF.get(kept) == work.type else TYPES[work.type]


def _name(name: str) -> dict[str, str]:
    if is_one_group(name) or has_and(name):  # "Tom and Jerry" is one name, not given "Tom and"
        return {"literal": plain(name)}
    if is_comma_form(name):
        first, von, last, jr = bibtex_parts(name)
        parts = {"family": plain(f"{von} {last}".strip()), "given": plain(first), "suffix": plain(jr)}
        return {part: value for part, value in parts.items() if value}
    given, family = split_name(name)
    return {"family": plain(family), "given": plain(given)} if given else {"literal": plain(family)}


# Commands whose argument CSL's rich text has a tag for.
_TAGS = {
    "emph": "i", "textit": "i", "mkbibemph": "i", "textbf": "b", "mkbibbold": "b", "textsc": "sc",
    "textsuperscript": "sup", "textsubscript": "sub",
}  # fmt: skip
_OPEN = {
    "i": "<i>", "b": "<b>", "sup": "<sup>", "sub": "<sub>", "sc": '<span style="font-variant:small-caps;">',
    "nocase": '<span class="nocase">',
}  # fmt: skip
_CLOSE = {"i": "</i>", "b": "</b>", "sup": "</sup>", "sub": "</sub>", "sc": "</span>", "nocase": "</span>"}


def rich_title(title: str) -> str:
    """A title's markup as CSL rich text: a protected group in ``<span class="nocase">``,
    ``\\emph{x}`` in ``<i>``; math and other commands as their readable text; TeX's quotes as
    typographic ones."""
    if not is_marked(title):
        return typographic(title)
    out: list[str] = []
    stack: list[str] = []
    pending = ""  # the tag of a command whose argument comes next
    math = False
    for token in tokens(title):
        if token == "$":
            math = not math
        elif token == "{":
            tag = pending or ("nocase" if not stack else "")
            stack.append(tag)
            out.append(_OPEN.get(tag, ""))
            pending = ""
        elif token == "}":
            out.append(_CLOSE.get(stack.pop() if stack else "", ""))
        elif token[0] == "\\" and token not in ESCAPES:
            name = token[1:].rstrip()
            pending = _TAGS.get(name, "")
            out.append("" if pending else plain(token))
        else:
            out.append(plain(token, quotes=not math))
    return "".join(out)


def item(work: Work, settings: Settings) -> dict[str, Any]:
    data: dict[str, Any] = {"id": work.key, "type": _type(work)}
    if work.title:
        data["title"] = rich_title(work.title)
    if work.authors:
        data["author"] = [_name(name) for name in work.authors]
    if work.year is not None:
        date = [
            work.year,
            *([work.month] if work.month else []),
            *([work.day] if work.month and work.day else []),
        ]
        data["issued"] = {"date-parts": [date]}
    venue = venue_long(work, settings)
    if is_arxiv(work):
        data["publisher"] = "arXiv"
        data["genre"] = "Preprint"
        if work.arxiv:
            data["number"] = f"arXiv:{work.arxiv}"
    elif venue:
        data["container-title"] = venue
    if work.is_patent:
        if work.number:
            data["number"] = work.number
        if work.status:
            data["status"] = work.status
        if work.assignee:
            data["authority"] = work.assignee
    for name, value in (
        ("volume", work.volume),
        ("issue", work.issue),
        ("page", work.pages),
        ("DOI", work.doi),
        ("URL", work.url),
        ("note", work.note),
        ("abstract", work.abstract),
    ):
        if value:
            data[name] = value
    if work.publisher and "publisher" not in data:
        data["publisher"] = work.publisher
    if work.tags:
        data["keyword"] = ", ".join(work.tags)
    custom: dict[str, Any] = {}
    positions = mark_positions(work, settings)
    if EQUAL_CONTRIBUTION in positions:
        custom["equal-contribution"] = positions.pop(EQUAL_CONTRIBUTION)
    if positions:  # the other kinds: {"corresponding": [4]}
        custom["marks"] = positions
    if work.authors_truncated:
        custom["authors-truncated"] = True
    if work.categories:
        custom["arxiv-categories"] = list(work.categories)
    if custom:
        data["custom"] = custom
    return data


def render(works: Sequence[Work], settings: Settings, options: ExportOptions) -> ExportResult:
    items = [item(work, settings) for work in works]
    return ExportResult(json_text(items) + "\n")


FORMAT = Format(
    name="csl-json",
    help="CSL-JSON, for pandoc, Zotero and every CSL processor",
    render=render,
)
