"""Marks typed into names (``Yuan*, Zhihang``, ``Lee^, Yong Jae``, ``Fu*†, Rao``) read as data.

al-folio sites, and many hand-kept .bib files, mark authors by typing a symbol into the name, where
al-folio's template draws it as a superscript (``_layouts/bib.liquid`` strips ``*∗†‡§¶‖&^`` from the
family name to find the person). An import takes the symbols out of the name and records the marked
authors by the kind of mark library.toml gives the symbol; LaTeX spellings of the symbols
(``$^{*}$``, ``$^\\dagger$``, ``\\textsuperscript{\\dag}``, ``\\textdagger``) are read as the symbols.

A symbol library.toml does not declare is read as what al-folio sites mean by it, and the import
declares that kind in library.toml (DEFAULT_READING). From a survey of al-folio sites' ``papers.bib``
files and publication pages: ``*`` is equal contribution everywhere; ``†`` marks the corresponding
author (LION-HFUT's 58 marked names and its page's "† Corresponding Author", "† denotes project
leader or corresponding author", annotations "* Equal contribution<br>† Corresponding author"); ``^``
the advisors who advised equally (``Lee^, Yong Jae and Yan^, Yan``, as SEEM's "^ Equal Advisory
Contribution"). ``‡`` and ``#`` mean different things on different sites (equal advising, project
lead, equal contribution, corresponding author), and ``§``, ``¶``, ``‖`` and ``+`` are rare: each is
a kind of its own, named after the symbol, whose legend is what the file's own ``annotation`` fields
say of it (``annotation = {* Equal contribution<br>‡ Project lead}``) or else the symbol's name, for
the user to change.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from scholarcli.model import EQUAL_CONTRIBUTION, Mark, Settings
from scholarcli.model.named_tuple import NamedTuple

# The symbols an import reads as marks, whatever library.toml declares, with the kind and legend
# each is read as when library.toml does not declare it (see the module's docstring).
DEFAULT_READING: dict[str, tuple[str, str]] = {
    "*": (EQUAL_CONTRIBUTION, "equal contribution"),
    "†": ("corresponding", "corresponding author"),
    "^": ("equal_advising", "equal advising"),
    "‡": ("double_dagger", "double dagger"),
    "#": ("number_sign", "number sign"),
    "§": ("section_sign", "section sign"),
    "¶": ("pilcrow", "pilcrow"),
    "‖": ("double_bar", "double vertical line"),
    "+": ("plus_sign", "plus sign"),  # a lab's "Ullah+, Niamat" with "annotation = {+ Corresponding authors}"
}
# The symbols whose meaning the survey found the same across sites: read so whatever an entry's
# annotation says (al-folio's own example entry, left in many sites, explains "† Albert Einstein").
SURVEYED = frozenset("*†^")
# Another character for a symbol: the asterisk operator that PDF copies give for an asterisk.
SAME_SYMBOL = {"∗": "*"}
TYPED = "".join([*DEFAULT_READING, *SAME_SYMBOL])

# LaTeX spellings of the symbols, inside $^{...}$, \textsuperscript{...} or on their own.
_COMMANDS = {
    "ast": "*", "textasteriskcentered": "*", "dagger": "†", "dag": "†", "textdagger": "†", "ddagger": "‡",
    "ddag": "‡", "textdaggerdbl": "‡", "S": "§", "textsection": "§", "P": "¶", "textparagraph": "¶",
    "#": "#", "sharp": "#", "|": "‖", "Vert": "‖", "parallel": "‖", "textbardbl": "‖", "textasciicircum": "^",
}  # fmt: skip
_COMMAND = re.compile(r"\\([A-Za-z]+|[#|])\s*(?:\{\s*\})?")
_SUPERSCRIPT = re.compile(r"\$\s*\^\s*(?:\{([^{}$]*)\}|(\\[A-Za-z]+|[^\s{}$\\]))\s*\$|\\textsuperscript\s*\{([^{}]*)\}")
_BARE = re.compile(
    r"\\(textdagger|textdaggerdbl|textasteriskcentered|textbardbl|textasciicircum|dag|ddag)\b(?:\s*\{\})?|\\\^\{\}"
)


def _symbols(latex: str) -> str | None:
    """The symbols a superscript's content spells (``*\\dagger`` -> ``*†``); None when it holds anything else."""
    out = []
    for part in re.split(r"(\\[A-Za-z]+\s*(?:\{\s*\})?|\\[#|])", latex.replace(",", "")):
        if part.startswith("\\"):
            command = _COMMAND.fullmatch(part.strip())
            symbol = _COMMANDS.get(command.group(1)) if command else None
            if symbol is None:
                return None
            out.append(symbol)
        elif part.strip() and not all(char in TYPED for char in part.strip()):
            return None
        else:
            out.append(part.strip())
    return "".join(out) or None


def spelled_out(name: str) -> str:
    """A name as BibTeX source with the LaTeX spellings of marks written as the symbols."""
    if "\\" not in name and "$" not in name:
        return name

    def superscript(found: re.Match[str]) -> str:
        latex = next(group for group in found.groups() if group is not None)
        return _symbols(latex) or found.group()

    name = _SUPERSCRIPT.sub(superscript, name)
    return _BARE.sub(lambda found: _COMMANDS.get(found.group(1) or "textasciicircum", found.group()), name)


class Reading(NamedTuple):
    """How an import reads the symbols typed into names: each symbol's kind, and the kinds it reads
    that library.toml does not declare yet (to be declared there)."""

    kinds: Mapping[str, str]  # symbol -> kind
    new: Mapping[str, Mark]  # kind -> its symbol and legend, for kinds library.toml lacks

    @property
    def symbols(self) -> str:
        return "".join(self.kinds)


def reading(settings: Settings, annotations: Iterable[str] = ()) -> Reading:
    """What each symbol marks: library.toml's kinds first, then DEFAULT_READING for the symbols it does
    not declare (the legend an al-folio ``annotation`` gives a symbol, if one does)."""
    declared = settings.all_marks
    kinds = {mark.symbol: kind for kind, mark in declared.items()}
    explained = explanations(annotations)
    new: dict[str, Mark] = {}
    for symbol, (kind, legend) in DEFAULT_READING.items():
        if symbol in kinds:
            continue
        if kind == EQUAL_CONTRIBUTION:  # a library whose equal contribution is another symbol: still it
            kinds[symbol] = kind
            continue
        if symbol in explained and symbol not in SURVEYED:
            legend = explained[symbol]  # what the file says the symbol means
            kind = _kind_name(legend) or kind
        base, number = kind, 2
        while kind in declared or kind in new:
            kind, number = f"{base}_{number}", number + 1
        kinds[symbol] = kind
        new[kind] = Mark(symbol, legend)
    for other, symbol in SAME_SYMBOL.items():
        kinds.setdefault(other, kinds.get(symbol, ""))
    return Reading({symbol: kind for symbol, kind in kinds.items() if kind}, new)


def _kind_name(legend: str) -> str:
    """A kind's name made from its legend: ``Equal advising`` -> ``equal_advising``."""
    name = re.sub(r"[^a-z0-9]+", "_", legend.lower()).strip("_")[:40].rstrip("_")
    return name if re.match(r"[a-z]", name) else ""


# al-folio's annotation: HTML shown in a tooltip beside the authors, "* Equal contribution<br>† ...".
_PIECES = re.compile(r"<br\s*/?>|[\n;·]|,\s*(?=[" + re.escape(TYPED) + r"])", re.IGNORECASE)
_EXPLANATION = re.compile(
    r"\(?\s*([" + re.escape(TYPED) + r"])\s*\)?\s*(?:[:=-]\s*)?([^\W\d_][^<>()]*?)\s*[.,]?\s*\)?\s*"
)


def explanations(annotations: Iterable[str]) -> dict[str, str]:
    """The legend each symbol is given by al-folio ``annotation`` fields (the first one found)."""
    found: dict[str, str] = {}
    for annotation in annotations:
        for piece in _PIECES.split(spelled_out(annotation)):
            text = re.sub(r"<[^>]*>", "", piece).strip()
            if (matched := _EXPLANATION.fullmatch(text)) is not None:
                symbol = SAME_SYMBOL.get(matched.group(1), matched.group(1))
                found.setdefault(symbol, matched.group(2))
    return found


def unmarked(name: str, symbols: str) -> tuple[str, str]:
    """A name without the marks typed into its words (``Yuan*, Zhihang``, ``*Pang, Ce``, ``Ning* Ding``),
    and the symbols it had, in the order typed."""
    if not any(symbol in name for symbol in symbols):
        return name, ""
    typed: list[str] = []
    parts = []
    for part in name.split(","):
        words = []
        for word in part.split(" "):
            start, end = 0, len(word)
            while start < end and word[start] in symbols:
                start += 1
            while end > start and word[end - 1] in symbols:
                end -= 1
            typed += [word[:start], word[end:]]
            words.append(word[start:end])
        parts.append(" ".join(words))
    cleaned = " ".join(", ".join(parts).split()).replace(" ,", ",")
    return cleaned, "".join(typed)


def kinds_typed(typed: str, reading: Reading) -> list[str]:
    """The kinds of marks a run of typed symbols names, each once: ``*†`` -> equal contribution,
    corresponding (a symbol of two or three characters that library.toml declares is read first)."""
    kinds, at = [], 0
    while at < len(typed):
        width = next((n for n in (3, 2, 1) if typed[at : at + n] in reading.kinds), 1)
        if (kind := reading.kinds.get(typed[at : at + width])) is not None:
            kinds.append(kind)
        at += width
    return list(dict.fromkeys(kinds))
