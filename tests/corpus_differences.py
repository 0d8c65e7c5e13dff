"""Every variable of every entry: what pandoc and bibtex read from a real-world .bib file and from
scholar's export of its import, compared entry by entry, and the mechanism behind each difference.

Three readers, each given the source and the export of the matching format (tests/corpus_tools.py
runs them): pandoc's CSL-JSON with ``-f bibtex`` and with ``-f biblatex``, compared on every
variable of every entry (title, names, dates, container, numbers, identifiers, notes, ...), and
bibtex with plain.bst, whose typeset text of each key is compared after normalising only what does
not change the print. ALLOWANCES names, in one place, what is not counted and why; MECHANISMS names
what scholar's round trip changes, and each difference is put down to the first mechanism that
explains it (or to "other <variable>" when none does), so that tests/test_corpus.py can hold a file
to the gaps it is known to have and benchmarks/corpus.py can print them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from corpus_tools import Items, Outcome

READERS = ("bibtex", "biblatex", "bbl")  # pandoc -f bibtex, pandoc -f biblatex, bibtex with plain.bst
# fmt: off
NAME_VARIABLES = frozenset((
    "author", "editor", "translator", "container-author", "collection-editor", "composer", "director",
    "editorial-director", "illustrator", "interviewer", "original-author", "recipient", "reviewed-author",
    "chair", "compiler", "contributor", "curator", "executive-producer", "guest", "host", "narrator",
    "organizer", "performer", "producer", "script-writer", "series-creator",
))
# fmt: on


@dataclass(frozen=True)
class Difference:
    """One variable of one entry that a reader reads differently from the export."""

    reader: str  # one of READERS
    key: str
    variable: str  # a CSL variable, or "text" for plain.bst's typeset entry
    source: Any
    export: Any
    merged: bool = False  # the import merged this entry into another work, whose record the export holds
    retyped: bool = False  # the reader gives the entry another type in the export
    moved: bool = False  # one of the two values is the other item's value of another variable
    orphaned: bool = False  # the entry's crossref or xdata names an entry the export lacks

    def example(self, width: int = 90) -> str:
        return f"{self.key}: {_short(self.source, width)} became {_short(self.export, width)}"


def _short(value: Any, width: int) -> str:
    text = repr(value)
    return text if len(text) <= width else text[: width - 1] + "…"


# ---------------------------------------------------------------------------------------------
# allowances: what is not counted, each for something a reader misreads or that prints the same

ALLOWANCES = (
    "a run of white space is one space, as typeset: pandoc keeps the runs that a dropped command or a "
    "line break leaves ('of {\\tt<newline>  WEB}')",
    "a dotless i with an accent is the letter i with it: pandoc reads {\\'\\i} so, the export writes í",
    "a given name that starts with a braced accent ({\\'E}douard) is the given name bibtex and biber read, "
    "where pandoc calls it a particle",
    "pandoc is given the source with \\textemdash, \\textendash and \\char`\\\\ respelled as TeX typesets them "
    "(corpus_tools.PANDOC_MISREAD): it drops the first two and reads the third as a quote",
    "in plain.bst's text: line breaks and runs of spaces, a tie (~) against a space, the spelling of an accent "
    "({\\'e}, \\'{e}, é), of a dash (--, \\textendash, –), of a quote (``, “) and of an escaped character (\\&), "
    "and braces that group text but no command ({IEEE}): none changes what is printed",
)


def _plain(text: str) -> str:
    text = re.sub(r"ı(?=[\u0300-\u036f])", "i", unicodedata.normalize("NFD", text))
    return unicodedata.normalize("NFC", re.sub(r"\s+", " ", text).strip())


def _name(name: Mapping[str, Any]) -> dict[str, Any]:
    parts = {part: _plain(value) if isinstance(value, str) else value for part, value in name.items()}
    particle = parts.get("dropping-particle")
    if isinstance(particle, str) and particle[:1].isupper() and "given" not in parts:
        parts["given"] = parts.pop("dropping-particle")
    return parts


def comparable(variable: str, value: Any) -> Any:
    """A CSL value with the allowances applied."""
    if variable in NAME_VARIABLES and isinstance(value, list):
        return [_name(name) if isinstance(name, Mapping) else name for name in value]
    if isinstance(value, str):
        return _plain(value)
    if isinstance(value, list):
        return [comparable("", part) for part in value]
    if isinstance(value, Mapping):
        return {part: comparable("", inner) for part, inner in value.items()}
    return value


# ---------------------------------------------------------------------------------------------
# pandoc: every variable


def aliases(items: Items) -> set[str]:
    """Keys the export names in another record's ids: a work the import holds once."""
    return {
        alias.strip()
        for item in items.values()
        for alias in str(item.get("other-ids", "")).split(",")
        if alias.strip() and alias.strip() != item.get("id")
    }


@dataclass(frozen=True)
class Context:
    """What the comparison of one item needs beyond its two values."""

    merged: set[str]  # keys the export holds as another record's ids
    orphaned: set[str]  # keys whose crossref or xdata names an entry the export lacks
    retyped: set[str] = field(default_factory=set)  # keys the BibTeX export files under another type


def csl_differences(reader: str, source: Items, export: Items, context: Context) -> list[Difference]:
    """Each variable of each source item that pandoc reads differently from the export ("id" aside:
    the items are paired by it; a merged key is read through the record that holds it)."""
    found = []
    for key, item in source.items():
        other = export.get(key)
        flags = {"merged": key in context.merged, "orphaned": key in context.orphaned}
        if other is None:
            found.append(Difference(reader, key, "(entry)", key, None, **flags))
            continue
        retyped = item.get("type") != other.get("type")
        for variable in sorted((set(item) | set(other)) - {"id"}):
            before, after = item.get(variable), other.get(variable)
            if comparable(variable, before) != comparable(variable, after):
                moved = _elsewhere(before, other, variable) or _elsewhere(after, item, variable)
                found.append(Difference(reader, key, variable, before, after, retyped=retyped, moved=moved, **flags))
    return found


def _elsewhere(value: Any, item: Mapping[str, Any], variable: str) -> bool:
    """Whether ``value`` is the value of another variable of ``item``."""
    return value is not None and any(
        comparable(name, other) == comparable(name, value) for name, other in item.items() if name != variable
    )


# ---------------------------------------------------------------------------------------------
# bibtex: plain.bst's text of each key

ACCENTS = {
    "'": "\u0301", "`": "\u0300", "^": "\u0302", '"': "\u0308", "~": "\u0303", "=": "\u0304", ".": "\u0307",
    "u": "\u0306", "v": "\u030c", "H": "\u030b", "c": "\u0327", "k": "\u0328", "d": "\u0323", "b": "\u0331",
    "r": "\u030a", "t": "\u0361",
}  # fmt: skip
_LETTERS = {
    "o": "ø", "O": "Ø", "l": "ł", "L": "Ł", "ss": "ß", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ", "aa": "å",
    "AA": "Å", "i": "ı", "j": "ȷ", "dh": "ð", "DH": "Ð", "th": "þ", "TH": "Þ", "ng": "ŋ", "NG": "Ŋ",
}  # fmt: skip
_SYMBOLS = (
    (r"\\char`\\\\|\\textbackslash(?:\{\}|(?![A-Za-z])\s*)", r"\\"),
    (r"\\textendash(?:\{\}|(?![A-Za-z])\s*)", "–"),
    (r"\\textemdash(?:\{\}|(?![A-Za-z])\s*)", "—"),
    (r"\\textquoteleft(?:\{\}|(?![A-Za-z])\s*)", "‘"),
    (r"\\textquoteright(?:\{\}|(?![A-Za-z])\s*)", "’"),
    (r"\\textquotedblleft(?:\{\}|(?![A-Za-z])\s*)", "“"),
    (r"\\textquotedblright(?:\{\}|(?![A-Za-z])\s*)", "”"),
    (r"\\(?:ldots|dots|textellipsis)(?:\{\}|(?![A-Za-z])\s*)", "…"),
    (r"---", "—"),
    (r"--", "–"),
    (r"``", "“"),
    (r"''", "”"),
    (r"`", "‘"),
    (r"'", "’"),
    (r"\\textless(?:\{\}|(?![A-Za-z])\s*)", "<"),
    (r"\\textgreater(?:\{\}|(?![A-Za-z])\s*)", ">"),
    (r"\\([&%$#_{}])", r"\1"),
    (r"~|\u00a0", " "),
)
_ACCENT = re.compile(
    r"""\\([`'^"~=.]|[uvHckdbrt](?![A-Za-z]))\s*(?:\{\s*(\\[ij]\b\s*|[^{}\\])\s*\}|(\\[ij]\b\s*|[^{}\\\s]))"""
)
_LETTER = re.compile(r"\\(ss|ae|AE|oe|OE|aa|AA|dh|DH|th|TH|ng|NG|[oOlLij])(?![A-Za-z])(?:\{\}|\s*)")
_TEXT_GROUP = re.compile(r"\{([^{}\\]*)\}")
_ARGUMENT_BEFORE = re.compile(r"(?:\\([A-Za-z@]+)\*?\s*|[}\]])$")
# Commands that take no argument: a font switched for the rest of the group, plain.bst's \newblock.
# fmt: off
_DECLARATIONS = frozenset((
    "em", "it", "bf", "sc", "sl", "rm", "tt", "sf", "normalfont", "itshape", "bfseries", "scshape",
    "slshape", "upshape", "mdseries", "newblock",
))
# fmt: on


def bbl_entries(bbl: str) -> dict[str, str]:
    """plain.bst's text of each \\bibitem, by key."""
    body = bbl.split("\\end{thebibliography}")[0]
    parts = re.split(r"^\\bibitem(?:\[[^\]\n]*\])?\{(.*)\}[ \t]*$", body, flags=re.MULTILINE)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def printed(text: str) -> str:
    """``text`` with only what changes the print left to tell two spellings apart."""
    text = re.sub(r"%\n\s*|\\/", "", text)  # a comment's line end; an italic correction
    for _ in range(3):  # {\'{\i}} and the like: the innermost accent first
        text = _ACCENT.sub(lambda m: _accented(m.group(1), m.group(2) or m.group(3)), text)
    text = _LETTER.sub(lambda m: _LETTERS[m.group(1)], text)
    for pattern, spelling in _SYMBOLS:
        text = re.sub(pattern, spelling, text)
    while True:
        ungrouped = _TEXT_GROUP.sub(lambda m: m.group(0) if _is_argument(m) else m.group(1), text)
        if ungrouped == text:
            break
        text = ungrouped
    return unicodedata.normalize("NFC", re.sub(r"\s+", " ", text).strip())


def _accented(accent: str, letter: str) -> str:
    base = _LETTERS.get(letter.strip().lstrip("\\"), letter.strip()) if letter.startswith("\\") else letter
    base = {"ı": "i", "ȷ": "j"}.get(base, base)
    return unicodedata.normalize("NFC", base + ACCENTS[accent])


def _is_argument(match: re.Match[str]) -> bool:
    """A group right after a command or another group is an argument, whose braces matter."""
    before = _ARGUMENT_BEFORE.search(match.string[: match.start()])
    return before is not None and before.group(1) not in _DECLARATIONS


def bbl_differences(source: str, export: str, keys: Iterable[str], context: Context) -> list[Difference]:
    """Each source key whose typeset entry reads differently from the export's."""
    before, after = bbl_entries(source), bbl_entries(export)
    found = []
    for key in keys:
        if key not in before:
            continue
        theirs, ours = printed(before[key]), printed(after.get(key, ""))
        if theirs != ours:
            flags = {"merged": key in context.merged, "orphaned": key in context.orphaned}
            retyped = key in context.retyped
            found.append(
                Difference("bbl", key, "text", theirs, ours if key in after else None, retyped=retyped, **flags)
            )
    return found


# ---------------------------------------------------------------------------------------------
# mechanisms: what scholar's round trip changes
#
# A pandoc difference is one variable's two values; a bibtex one is an entry's typeset text, cut
# into the runs of words that differ. A mechanism explains a value, or a run, when its test holds;
# a difference is put down to every mechanism that explains a part of it, and to "other <reader>
# <variable>" for any part that none explains.


@dataclass(frozen=True)
class Part:
    """What a mechanism's test is given: a variable's two values, or two runs of typeset words."""

    variable: str  # a CSL variable, or "text"
    source: Any
    export: Any
    difference: Difference


@dataclass(frozen=True)
class Mechanism:
    """A way the export differs from its source, named once, with the test that recognises it."""

    name: str
    why: str
    test: Callable[[Part], bool]


MARK = re.compile(r"(?<=[^\s,{(*∗†‡])[*∗†‡]+(?=[\s,.;}]|$)")
_WITH_ACRONYM = re.compile(r"([^,{}]+?) \(([^()]+)\)")
# fmt: off
_MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
)
# fmt: on
_MONTHS = frozenset(name[:3] for name in _MONTH_NAMES)
# Variables whose place in an item depends on its type: a retyped entry moves them.
# fmt: off
_TYPE_BOUND = frozenset((
    "type", "container-title", "publisher", "collection-title", "collection-number", "number", "genre",
    "event-title", "volume-title", "publisher-place", "issue", "chapter-number",
))
# fmt: on


def _text(value: Any) -> str:
    return _plain(value) if isinstance(value, str) else ""


def _folded(value: Any) -> str:
    return re.sub(r"[{}]|</?span[^>]*>", "", _text(value)).casefold()


def _marks(part: Part) -> bool:
    if part.variable == "text":
        return bool(MARK.sub("", part.source) == part.export)
    if part.variable not in NAME_VARIABLES or not isinstance(part.source, list):
        return False
    unmarked = [
        {role: MARK.sub("", value) if isinstance(value, str) else value for role, value in name.items()}
        for name in part.source
        if isinstance(name, Mapping)
    ]
    return bool(comparable(part.variable, unmarked) == comparable(part.variable, part.export))


def _venue(part: Part) -> bool:
    if part.variable not in ("container-title", "event-title", "text"):
        return False
    theirs, ours = _folded(part.source).strip(" ,.}"), _folded(part.export)
    return any(
        theirs in (named.group(1).strip(), named.group(2), named.group(0)) or named.group(2) in theirs
        for named in _WITH_ACRONYM.finditer(ours)
    )


def _case(part: Part) -> bool:
    if part.variable == "title-short":
        return True  # pandoc splits a title at its colon: braces around the colon stop it
    return bool(_text(part.source)) and _folded(part.source) == _folded(part.export)


def _undated(part: Part) -> bool:
    if part.variable == "text":
        return "n.d." in part.export and "n.d." not in part.source
    return part.variable == "issued" and part.export == {"date-parts": []}


def _shortened(part: Part) -> bool:
    def parts(value: Any) -> list[Any]:
        dates = value.get("date-parts") if isinstance(value, Mapping) else None
        return list(dates[0]) if dates and isinstance(dates[0], list) else []

    theirs, ours = parts(part.source), parts(part.export)
    return part.variable in ("issued", "accessed") and 0 < len(ours) < len(theirs) and theirs[: len(ours)] == ours


def _retyped(part: Part) -> bool:
    bound = part.variable in _TYPE_BOUND or part.variable == "text" or part.difference.moved
    return part.difference.retyped and bound


def _arxiv(part: Part) -> bool:
    return "arxiv" in f"{part.source} {part.export}".lower()


def _listed(part: Part) -> bool:
    def items(value: Any) -> list[str]:
        return [item for item in re.split(r"\s*[,;]\s*", _text(value)) if item]

    return part.variable == "keyword" and items(part.source) == items(part.export)


def _escaped(part: Part) -> bool:
    theirs = _text(part.source).replace("\\_", "_").replace("\\%", "%").replace("\\&", "&")
    return part.variable in ("URL", "DOI") and theirs.replace(" ", "%20") == _text(part.export)


def _issue(part: Part) -> bool:
    if part.variable == "text":
        return "(" in part.export and re.sub(r"\(\S+?\)(?=:)", "", part.export) == part.source
    return part.variable in ("issue", "number") and not part.source


def _month(part: Part) -> bool:
    if part.variable != "text":
        return False
    words = re.findall(r"[A-Za-z]+", part.export)
    named = part.export.strip(",.").lower() in _MONTH_NAMES
    abbreviated = bool(words) and all(word in _MONTHS for word in words) and part.source.lower() != part.export
    return named or abbreviated


def _pages(part: Part) -> bool:
    def dashed(value: Any) -> str:
        return re.sub(r"\s*[-–]+\s*", "-", re.sub(r"\bpages?\b", "pages", _text(value)))

    return part.variable in ("page", "text") and dashed(part.source) == dashed(part.export)


def _printed_now(part: Part) -> bool:
    """The export's run says what the source's did, and more: a field plain.bst now prints."""
    if part.variable != "text":
        return False
    theirs = _folded(part.source).rstrip(".,")
    return len(part.export) > len(theirs) and theirs in _folded(part.export)


def _split_list(part: Part) -> bool:
    split = re.sub(r"\s+and\s+", "; ", _text(part.source))
    return (
        part.variable in ("publisher", "publisher-place")
        and split != _text(part.source)
        and split in _text(part.export)
    )


def _reordered(part: Part) -> bool:
    def parts(value: Any) -> list[str]:
        return sorted(_text(value).split("; "))

    return part.variable in ("publisher", "publisher-place") and parts(part.source) == parts(part.export)


def _publisher_dropped(part: Part) -> bool:
    def parts(value: Any) -> set[str]:
        return {item for item in re.split(r"; | and ", _text(value)) if item}

    ours = parts(part.export)
    return (
        part.variable in ("publisher", "publisher-place")
        and bool(parts(part.source) - ours)
        and ours < parts(part.source)
    )


def _patent(part: Part) -> bool:
    return part.variable == "publisher" and "patent" in _text(part.export).casefold()


def _type_text(part: Part) -> bool:
    generic = ("phd thesis", "master's thesis", "patent", "technical report", "phdthesis", "mathesis")
    return part.variable in ("genre", "text") and _text(part.export).strip(".,").casefold() in generic


def _emptied(part: Part) -> bool:
    values = (part.source, part.export)
    return part.variable != "text" and None in values and any(value in ("", []) for value in values)


def _number_dropped(part: Part) -> bool:
    if part.variable == "text":
        unnumbered = re.sub(r"(?i)\s*(?:\bno\.\s*)?\S*\d\S*?(?=[,.]?(?:\s|$))", "", part.source)
        return unnumbered != part.source and _folded(unnumbered) == _folded(part.export)
    return part.variable == "number" and part.source is not None and part.export is None


def _escaped_special(part: Part) -> bool:
    if part.variable != "text":
        return False
    named = {"\\textasciicircum{}": "^", "\\textasciitilde{}": "~", "\\textbackslash{}": "\\"}
    ours = str(part.export)
    for spelling, char in named.items():
        ours = ours.replace(spelling, char)
    return ours != str(part.export) and ours == str(part.source)


def _tied_letter(part: Part) -> bool:
    return part.variable == "text" and re.sub(r"(?<=[øØłŁßæÆœŒåÅıȷ]) ", "", part.source) == part.export


def _percent(part: Part) -> bool:
    return part.variable != "text" and "%" in _text(part.export) and "%" not in _text(part.source)


def _single_quotes(part: Part) -> bool:
    theirs = _text(part.source)
    return "“" in theirs and theirs.replace("“", "‘").replace("”", "’") == _text(part.export)


def _math(part: Part) -> bool:
    return re.search(r"\$\\[A-Za-z]+\$", _text(part.export)) is not None and "$" not in _text(part.source)


MECHANISMS: tuple[Mechanism, ...] = (
    Mechanism(
        "pandoc's quotation of single quotes",
        "pandoc reads the source's single quotation marks (‘sideline’) as a quotation, which its CSL-JSON "
        "writes with double marks inside single ones (“sideline”); the export's \\textquoteleft{} and "
        "\\textquoteright{} it reads as the characters they are, as bibtex and LaTeX do",
        _single_quotes,
    ),
    Mechanism(
        "merged duplicate",
        "a work the file holds twice, the second adding nothing that conflicts with the first, is imported once: the "
        "second key lives on as an id of the first work's record, so pandoc and bibtex read the first work's fields "
        "under it; and an entry's other keys (ids) are written by the BibTeX export as copies of the entry under each "
        "key, not as an ids field, which bibtex ignores and biber takes for an alias clashing with the copy, so "
        "pandoc -f bibtex reads no other-ids",
        lambda part: part.difference.merged or part.variable == "other-ids",
    ),
    Mechanism(
        "refused entry",
        "the import refuses the entry (a field named with a leading _, which biblatex-gost uses to comment a field "
        "out; an entry bibtex reads though biber does not): no export holds it",
        lambda part: part.difference.export is None and part.difference.variable in ("(entry)", "text"),
    ),
    Mechanism(
        "inherits from a lost entry",
        "the entry's crossref or xdata leads to an entry the export lacks (one the import refused, or an @xdata, "
        "which the import does not keep), so the fields it inherits are gone",
        lambda part: part.difference.orphaned,
    ),
    Mechanism(
        "marks become data",
        "equal-contribution marks typed into names (Yuan*, Einstein*†) become data: the export writes the name "
        "without them (BibLaTeX adds author+an), where pandoc and bibtex print the source's marks",
        _marks,
    ),
    Mechanism(
        "venue named with acronym",
        "a venue the registry knows, or one with an al-folio abbr, is exported as 'Full Name (ACRONYM)' "
        "('NeurIPS' becomes 'Conference on Neural Information Processing Systems (NeurIPS)') where the source "
        "gave only one of the two",
        _venue,
    ),
    Mechanism(
        "letter case protected differently",
        "the export braces title words with a capital after their first letter (acronyms, CamelCase) and a lead-in "
        "together with its colon ({LasUIE:}), and drops braces the source put around a phrase: plain.bst and "
        "pandoc keep the case of the first, lowercase the word after the braced colon, change the case of the "
        "last, and pandoc no longer splits a short title off at the colon",
        _case,
    ),
    Mechanism(
        "undated gets n.d.",
        "an entry without a year of its own gets year = {n.d.} in BibTeX, which plain.bst prints and pandoc reads "
        "as an empty date, and which hides the year the entry would inherit by crossref",
        _undated,
    ),
    Mechanism(
        "date shortened",
        "a date is exported to BibTeX as year and month (its day is dropped), and a season (2012-22) or a day "
        "BibLaTeX cannot take is dropped",
        _shortened,
    ),
    Mechanism(
        "filed under another type",
        "the export files the entry under another type (BibTeX @misc when a field the type requires is missing, "
        "a report or thesis type, a biblatex type BibTeX lacks), so the same values reach other variables or "
        "other places of the print",
        _retyped,
    ),
    Mechanism(
        "arXiv preprint",
        "an arXiv preprint (eprint, al-folio arxiv, a journal 'arXiv preprint arXiv:...') is exported as @misc with "
        "howpublished = {arXiv preprint arXiv:...} and its eprint: pandoc reads a publisher and a URL, plain.bst "
        "prints the howpublished",
        _arxiv,
    ),
    Mechanism(
        "keywords rejoined",
        "keywords are written back joined by ', ' whatever separated them in the source (',' or ';')",
        _listed,
    ),
    Mechanism(
        "url unescaped",
        "a \\_ (DBLP, Mendeley) or a space in a URL or DOI is written as the character it stands for (_, %20)",
        _escaped,
    ),
    Mechanism(
        "issue becomes number",
        "an issue field (al-folio, Mendeley) is read as the number: plain.bst prints it, pandoc reads it as the issue",
        _issue,
    ),
    Mechanism(
        "month as macro",
        "a month given as a number or a word ({7}, {Jan}) is exported as the three-letter macro, which plain.bst "
        'prints as the month\'s name; months joined with macros (apr # "-" # may) are exported as the text of '
        "the macros' names (apr-may)",
        _month,
    ),
    Mechanism(
        "page range respelled",
        "a page range is written with -- and no spaces ('213 - 228' becomes '213--228')",
        _pages,
    ),
    Mechanism(
        "field plain.bst now prints",
        "a biblatex field plain.bst ignores (date, journaltitle, location, institution) is written under its BibTeX "
        "name (year and month, journal, address, school), so plain.bst prints what it did not print from the source",
        _printed_now,
    ),
    Mechanism(
        "patent as misc",
        "a patent is exported to BibTeX as @misc with howpublished = {Patent NUMBER} and its holders, which pandoc "
        "reads as a publisher (BibTeX has no patent type)",
        _patent,
    ),
    Mechanism(
        "name list split at 'and'",
        "a publisher or location with ' and ' in its name is written unprotected into a BibLaTeX list field, which "
        "biber and pandoc split in two ('Simon and Schuster' becomes 'Simon; Schuster')",
        _split_list,
    ),
    Mechanism(
        "publishers reordered",
        "a school or institution and a publisher are written in another order, which pandoc joins in that order",
        _reordered,
    ),
    Mechanism(
        "publisher dropped",
        "the institution, organization or publisher of an entry whose type scholar's record has no place for it "
        "(unpublished, dataset, software, video, a thesis's second publisher) is not exported to BibLaTeX "
        "(BibTeX writes it as publisher)",
        _publisher_dropped,
    ),
    Mechanism(
        "type text replaced",
        "a thesis's or patent's own type text ('Unpublished doctoral dissertation', 'U.S. patent') is replaced by "
        "the generic one (phdthesis, patent)",
        _type_text,
    ),
    Mechanism(
        "empty field",
        'a field the source gives empty is dropped (INSPIRE\'s journal = ""), or a field a type requires is written '
        "empty (booktitle = {} for an @inbook whose book comes by crossref)",
        _emptied,
    ),
    Mechanism(
        "number dropped",
        "a report's or patent's number (RC-6947, 18-2424) is not exported",
        _number_dropped,
    ),
    Mechanism(
        "special character escaped",
        "a TeX special character the source left bare in a field (^, ~) is escaped (\\textasciicircum{}), so it "
        "prints as itself where the source's is TeX markup",
        _escaped_special,
    ),
    Mechanism(
        "space after a letter command",
        "the space that ends a letter command in a name (\\O ksendal) is read as part of the command (Øksendal), "
        "where bibtex's name formatting turns it into a printed tie (Ø~ksendal)",
        _tied_letter,
    ),
    Mechanism(
        "bare % read as a percent sign",
        "a bare % in a field is read as a percent sign and exported as \\%, where pandoc, like TeX, reads it as a "
        "comment that hides the rest of its line",
        _percent,
    ),
    Mechanism(
        "symbol as math",
        "a Greek letter or symbol is exported to BibTeX as \\ensuremath{\\pi}, which pandoc reads as TeX source ($\\pi$)",
        _math,
    ),
)
WHY = {known.name: known.why for known in MECHANISMS}


def explain(difference: Difference) -> list[str]:
    """The mechanisms behind a difference, and "other <reader> <variable>" for what none explains."""
    if difference.variable != "text":
        parts = [Part(difference.variable, difference.source, difference.export, difference)]
    else:
        parts = _runs(difference)
    names: list[str] = []
    for part in parts:
        name = next((known.name for known in MECHANISMS if known.test(part)), None)
        name = name or f"other {difference.reader} {difference.variable}"
        if name not in names:
            names.append(name)
    return names


def _runs(difference: Difference) -> list[Part]:
    """The runs of words in which two typeset entries differ."""
    if difference.export is None or difference.merged:
        return [Part("text", difference.source, difference.export or "", difference)]
    theirs, ours = difference.source.split(" "), difference.export.split(" ")
    runs = SequenceMatcher(a=theirs, b=ours, autojunk=False).get_opcodes()
    return [
        Part("text", " ".join(theirs[i1:i2]), " ".join(ours[j1:j2]), difference)
        for kind, i1, i2, j1, j2 in runs
        if kind != "equal"
    ]


# ---------------------------------------------------------------------------------------------
# one file

Counts = tuple[int, int, int]  # source entries read differently: pandoc -f bibtex, -f biblatex, plain.bst


@dataclass
class Comparison:
    """Every difference of one file, each put down to its mechanisms."""

    entries: list[str]  # the source keys compared
    differences: list[Difference] = field(default_factory=list)

    def identical(self) -> int:
        """Source entries that every reader reads the same from the export."""
        differing = {d.key for d in self.differences}
        return sum(key not in differing for key in self.entries)

    def gaps(self) -> dict[str, Counts]:
        """Mechanism -> the source entries it changes, reader by reader."""
        seen: dict[str, tuple[set[str], set[str], set[str]]] = {}
        for difference in self.differences:
            for name in explain(difference):
                seen.setdefault(name, (set(), set(), set()))[READERS.index(difference.reader)].add(difference.key)
        return {name: (len(a), len(b), len(c)) for name, (a, b, c) in sorted(seen.items())}

    def variables(self) -> dict[tuple[str, str], tuple[int, Difference]]:
        """(reader, variable) -> the entries that differ in it, and the first of them."""
        found: dict[tuple[str, str], tuple[int, Difference]] = {}
        for difference in self.differences:
            count, first = found.get((difference.reader, difference.variable), (0, difference))
            found[(difference.reader, difference.variable)] = (count + 1, first)
        return found

    def examples(self) -> dict[str, Difference]:
        """The first difference put down to each mechanism."""
        found: dict[str, Difference] = {}
        for difference in self.differences:
            for name in explain(difference):
                found.setdefault(name, difference)
        return found


_LINK = re.compile(r"(?i)\b(?:crossref|xdata)\s*=\s*[{\"]?\s*([^}\"\n]+)")
_KEY = re.compile(r"^\s*\w+\s*[{(]\s*([^,\s]+)")


def links(text: str) -> dict[str, set[str]]:
    """Entry key (lowercased) -> the keys its crossref and xdata name, read from the text entry by entry."""
    found: dict[str, set[str]] = {}
    for chunk in text.split("@")[1:]:
        if key := _KEY.match(chunk):
            named = {part.strip().lower() for target in _LINK.findall(chunk) for part in target.split(",")}
            found[key.group(1).lower()] = {part for part in named if part}
    return found


def orphans(text: str, exported: set[str]) -> set[str]:
    """Entries (lowercased keys) whose crossref or xdata leads, directly or through others, to an
    entry the export lacks."""
    linked = links(text)
    lacking = {target for targets in linked.values() for target in targets if target not in exported}
    found: set[str] = set()
    while True:
        more = {key for key, targets in linked.items() if targets & (lacking | found)} - found
        if not more:
            return found
        found |= more


def compare(outcome: Outcome, source_text: str) -> Comparison:
    """Every reader's differences for one judged file (``source_text``: the file itself)."""
    bibtex, biblatex = outcome.lanes
    typeset = bbl_entries(bibtex.bbl[0])
    entries = [key for key in outcome.keys if key in bibtex.items[0] or key in biblatex.items[0] or key in typeset]
    exported = {key.lower() for lane in (bibtex, biblatex) for key in lane.items[1]}
    context = Context(
        merged=aliases(bibtex.items[1]) | aliases(biblatex.items[1]),
        orphaned={key for key in outcome.keys if key.lower() in orphans(source_text, exported)},
        retyped={
            key
            for key, item in bibtex.items[0].items()
            if item.get("type") != bibtex.items[1].get(key, item).get("type")
        },
    )
    comparison = Comparison(entries)
    for lane in (bibtex, biblatex):
        comparison.differences += csl_differences(lane.lane.reader, *lane.items, context)
    comparison.differences += bbl_differences(*bibtex.bbl, outcome.keys, context)
    return comparison
