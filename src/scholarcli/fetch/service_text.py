"""Cleaning the text services send, and turning it into a record's text.

Services give text of two kinds. Crossref, doi.org, DBLP, ORCID and OpenAlex give plain text, with
some HTML, JATS or MathML tags (``<i>``, ``<sub>``, ``<jats:p>``, ``<mml:mi>``; DBLP's DTD allows
``<i>``, ``<sub>``, ``<sup>``, ``<tt>`` in titles): the tags are dropped and their text kept
(H<sub>2</sub>O is H2O), entities decoded, and every other character is what it says, so
"The $100 laptop" and "C:\\path\\to" stay as they are. arXiv gives what authors typed, which is
LaTeX (``$L_1$``, ``Schr\\"odinger``): it is read as LaTeX.

Titles and author names are record markup (model/markup.py): plain text becomes markup by escaping
(``$`` as ``\\$``), LaTeX by decoding what Unicode holds and keeping math and commands. Every other
field is plain text. Control characters, and lone surrogates (which no file can hold), never pass.
"""

from __future__ import annotations

import html
import re
import unicodedata

from scholarcli.fetch.value import Value
from scholarcli.model.markup import literal
from scholarcli.model.markup import plain as markup_plain
from scholarcli.model.markup import problem as markup_problem

# The tags of HTML, JATS and MathML that services put in text: any with a namespace prefix
# (jats:p, mml:mi), and these. "x < y" or "a<b and c>d" has none of them and stays as it is.
_TAG_NAMES = (
    "a|abstract|b|bold|br|div|em|font|i|inline-formula|disp-formula|italic|li|list|list-item|math|mfrac|mi|mn|mo"
    "|mrow|ms|mspace|msub|msubsup|msup|mtext|ol|p|ref|sc|scp|sec|semantics|small|span|strong|sub|sup|tex-math"
    "|title|tt|u|ul|underline|monospace"
)
_TAG = re.compile(rf"</?(?:[A-Za-z][\w.-]*:[A-Za-z][\w.-]*|(?:{_TAG_NAMES}))(?:\s[^<>]{{0,400}})?/?>", re.IGNORECASE)
_BLOCK_END = re.compile(r"</(?:[\w.-]+:)?(?:p|sec|title|li|div)>|<br\s*/?>", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u202a-\u202e\u2066-\u2069\ufeff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_NAME_SUFFIX = re.compile(r"\s+\d{4}$")  # DBLP's homonym number: "Di Xu 0001"


def clean(text: str) -> str:
    """Text as a record may hold it: no control characters, no lone surrogates (U+FFFD instead),
    composed (NFC), white space collapsed."""
    if not text.isascii():
        text = unicodedata.normalize("NFC", _SURROGATE.sub("\ufffd", text))
    if not text.isprintable():
        text = _CONTROL.sub("", text)
    return " ".join(text.split())


def plain(text: str) -> str:
    """Plain text a service sent: its HTML, JATS and MathML tags dropped (their text kept), entities decoded."""
    if "<" in text:
        text = _TAG.sub("", _BLOCK_END.sub(" ", text))
    if "&" in text:
        text = html.unescape(text)
    return clean(text)


def from_latex(text: str) -> str:
    """LaTeX a service sent (arXiv), as plain text: accents, symbols and escapes decoded, math's $ dropped."""
    from scholarcli.formats.latex_text import decode

    return clean(decode(clean(text)))


def _no_full_stop(title: str) -> str:
    """A title without the full stop DBLP ends every title with ("Fig. 1." keeps none, "U.S.A." keeps its own)."""
    if title.endswith(".") and not title.endswith("..") and not re.search(r"\b[A-Za-z]\.$", title[-3:]):
        return title[:-1].rstrip()
    return title


def markup(text: str) -> str:
    """Plain text (:func:`plain` of JSON, an XML element's text) as record markup: cleaned and escaped."""
    return literal(clean(text))


def clean_title(text: str) -> str:
    """A plain-text title (:func:`plain` of JSON, an XML element's text) as record markup: cleaned,
    its closing full stop dropped, escaped."""
    return literal(_no_full_stop(clean(text)))


def latex_title(text: str) -> str:
    """A LaTeX title (arXiv's) as record markup: what Unicode holds decoded, math and commands kept.

    A title that is no well-formed markup as LaTeX (a lone ``$``, a brace without its pair) is
    taken as plain text, each character kept.
    """
    from scholarcli.formats.latex_text import decode_markup

    marked = _no_full_stop(decode_markup(clean(text)))
    return marked if not markup_problem(marked) else literal(_no_full_stop(clean(text)))


def title_key(title: str) -> str:
    """A record title (markup) folded for matching: case, accents, punctuation, markup and spacing ignored."""
    folded = unicodedata.normalize("NFKD", markup_plain(title).casefold())
    letters = "".join(c if c.isalnum() else " " for c in folded if not unicodedata.combining(c))
    return " ".join(letters.split())


def _turned(name: str) -> str:
    """ "Family, Given" as "Given Family"; DBLP's "0001" suffix dropped."""
    name = _NAME_SUFFIX.sub("", name)
    if name.count(",") == 1:
        family, given = (part.strip() for part in name.split(","))
        if family and given:
            name = f"{given} {family}"
    return name


def person_name(text: str) -> str:
    """A plain-text name (as for :func:`clean_title`) as record markup, "Given Family" ("Family, Given" turned)."""
    return literal(_turned(clean(text)))


def latex_person_name(text: str) -> str:
    """A LaTeX name (arXiv's) as record markup: as :func:`latex_title`, and turned round as :func:`person_name`."""
    from scholarcli.formats.latex_text import decode_markup

    marked = _turned(decode_markup(clean(text)))
    return marked if not markup_problem(marked) else literal(_turned(clean(text)))


def csl_name(author: Value) -> str | None:
    """A CSL/Crossref author ({"given", "family"} or {"literal"/"name"}) as "Given Family" in markup."""
    given, family = author["given"].text(), author["family"].text()
    if family:
        return markup(plain(f"{given} {family}" if given else family))
    literal_name = author["literal"].text() or author["name"].text()
    return markup(plain(literal_name)) if literal_name else None
