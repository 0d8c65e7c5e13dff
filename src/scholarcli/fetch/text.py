"""Cleaning the text services send: markup, LaTeX, control characters, names, identifiers."""

from __future__ import annotations

import html
import re
import unicodedata
from typing import Any

_TAG = re.compile(r"<[^<>]{0,400}>")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\ufeff]")
_LATEX_HINT = re.compile(r"[\\{}$]")
_BLOCK_END = re.compile(r"</(?:jats:)?(?:p|sec|title|li|div)>", re.IGNORECASE)
_DOI = re.compile(r"10\.\d{4,9}/\S+")
_DOI_PREFIXES = re.compile(r"^(?:https?://)?(?:dx\.)?(?:www\.)?doi\.org/|^doi:\s*", re.IGNORECASE)
_NAME_SUFFIX = re.compile(r"\s+\d{4}$")  # DBLP's homonym number: "Di Xu 0001"


def _decode_latex(text: str) -> str:
    if not _LATEX_HINT.search(text):
        return text
    from scholarcli.formats.latex_text import decode

    return decode(text)


def plain(text: str) -> str:
    """Markup (HTML, JATS, MathML) removed, entities and LaTeX decoded, whitespace collapsed."""
    text = _BLOCK_END.sub(" ", text)
    text = _TAG.sub("", text)
    text = html.unescape(text)
    text = _decode_latex(text)
    text = _CONTROL.sub("", unicodedata.normalize("NFC", text))
    return " ".join(text.split())


def clean_title(text: str) -> str:
    """A title as plain text: :func:`plain`, without the full stop DBLP ends every title with."""
    title = plain(text)
    if title.endswith(".") and not title.endswith("..") and not re.search(r"\b[A-Za-z]\.$", title[-3:]):
        title = title[:-1].rstrip()
    return title


def title_key(title: str) -> str:
    """A title folded for matching: case, accents, punctuation and spacing ignored."""
    folded = unicodedata.normalize("NFKD", plain(title).casefold())
    letters = "".join(c if c.isalnum() else " " for c in folded if not unicodedata.combining(c))
    return " ".join(letters.split())


def person_name(text: str) -> str:
    """A name as "Given Family": "Family, Given" is turned round; DBLP's "0001" suffix dropped."""
    name = _NAME_SUFFIX.sub("", plain(text))
    if name.count(",") == 1:
        family, given = (part.strip() for part in name.split(","))
        if family and given:
            name = f"{given} {family}"
    return name


def csl_name(author: dict[str, Any]) -> str | None:
    """A CSL/Crossref author ({"given", "family"} or {"literal"/"name"}) as "Given Family"."""
    given = str(author.get("given") or "").strip()
    family = str(author.get("family") or "").strip()
    if family:
        return plain(f"{given} {family}") if given else plain(family)
    literal = author.get("literal") or author.get("name")
    return plain(str(literal)) if literal else None


def normalize_doi(value: str) -> str | None:
    """A DOI without its resolver prefix, or None when the text holds none."""
    from urllib.parse import unquote

    text = _DOI_PREFIXES.sub("", unquote(value.strip()))
    match = _DOI.search(text)
    if not match:
        return None
    return match.group(0).rstrip(".,;)")


def doi_key(doi: str) -> str:
    """A DOI for comparison (DOIs are case-insensitive)."""
    return doi.casefold()
