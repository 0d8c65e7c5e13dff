"""People's names: "Given Family" as a user writes them, and BibTeX's forms as an import keeps them.

A record's author is either ``Given Family`` (particles such as "van der" join the family) or, where
that would not say which words are which, BibTeX's own form: ``von Last, First`` or
``von Last, Jr, First`` (``de Las Casas, Diego``, ``Harrison, Jr., David``). A name that is one
brace group is literal (``{American Psychological Association}``). Names are markup (see markup.py):
braces are BibTeX's, and displays show ``display_name``.
"""

from __future__ import annotations

import re

from scholarcli.model.markup import is_one_group, plain
from scholarcli.model.named_tuple import NamedTuple

PARTICLES = {
    "van",
    "von",
    "der",
    "den",
    "de",
    "del",
    "della",
    "di",
    "da",
    "du",
    "la",
    "le",
    "ter",
    "ten",
    "dos",
}


class NameParts(NamedTuple):
    """A name as BibTeX reads it."""

    first: str
    von: str
    last: str
    jr: str = ""


def has_and(name: str) -> bool:
    """Whether a name holds the word "and" outside braces, which BibTeX reads as the end of a name."""
    return any(word.lower() == "and" for word in words(name))


def _split(text: str, separator: str) -> list[str]:
    """``text`` split at ``separator`` characters outside braces."""
    if separator == "," and "{" not in text and "}" not in text and "\\" not in text:
        return text.split(",")  # nothing to skip: str.split's speed, for the usual name
    parts, depth, start, escaped = [], 0, 0, False
    for index, char in enumerate(text):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        elif depth == 0 and (char == separator or (separator == " " and char.isspace())):
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return parts


def words(name: str) -> list[str]:
    """The words of a name, a brace group counting as part of its word."""
    return [word for word in _split(name, " ") if word] if "{" in name else name.split()


def commas(name: str) -> list[str]:
    """The comma-separated parts of a name (outside braces), stripped."""
    if "," not in name:
        return [name.strip()]
    return [part.strip() for part in _split(name, ",")]


def _is_lower(word: str) -> bool:
    """BibTeX's test for a von word: its first letter outside braces is lower case."""
    depth = 0
    for char in word:
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        elif char.isalpha() and depth == 0:
            return char.islower()
    return False


def _von_last(tokens: list[str]) -> tuple[str, str]:
    """``de la Fuente`` -> ("de la", "Fuente"): the von part is up to the last lower-case word."""
    lower = [index for index, word in enumerate(tokens[:-1]) if _is_lower(word)]
    cut = lower[-1] + 1 if lower else 0
    return " ".join(tokens[:cut]), " ".join(tokens[cut:])


def bibtex_parts(name: str) -> NameParts:
    """The parts BibTeX reads from a name in any of its three forms."""
    parts = commas(name)
    if len(parts) == 1:
        tokens = words(name)
        if len(tokens) <= 1:
            return NameParts("", "", name.strip())
        lower = [index for index, word in enumerate(tokens[:-1]) if _is_lower(word)]
        if not lower:
            return NameParts(" ".join(tokens[:-1]), "", tokens[-1])
        von, last = _von_last(tokens[lower[0] :])
        return NameParts(" ".join(tokens[: lower[0]]), von, last)
    von, last = _von_last(words(parts[0])) if words(parts[0]) else ("", "")
    if len(parts) == 2:
        return NameParts(parts[1], von, last)
    return NameParts(", ".join(parts[2:]), von, last, parts[1])


def split_name(name: str) -> tuple[str, str]:
    """(given, family) of a name; particles such as "van der" join the family.

    A name in BibTeX's comma form is split as BibTeX splits it (a "Jr" part is left out). A one-word
    name, and a literal name in braces, is all family.
    """
    if is_comma_form(name):
        first, von, last, _ = bibtex_parts(name)
        return first, f"{von} {last}".strip()
    tokens = words(name)
    if len(tokens) <= 1:
        return "", name.strip()
    start = len(tokens) - 1
    while start > 1 and tokens[start - 1].lower() in PARTICLES:
        start -= 1
    return " ".join(tokens[:start]), " ".join(tokens[start:])


def is_comma_form(name: str) -> bool:
    return "," in name and len(commas(name)) > 1


def is_literal(name: str) -> bool:
    """A literal name: one brace group (``{World Health Organization}``), or one holding "and"."""
    return is_one_group(name.strip()) or has_and(name)


def display_name(name: str) -> str:
    """The name as a person reads it: ``de Las Casas, Diego`` -> ``Diego de Las Casas``."""
    if not is_comma_form(name):
        return plain(name)
    first, von, last, jr = bibtex_parts(name)
    shown = " ".join(part for part in (first, von, last) if part)
    return plain(f"{shown}, {jr}" if jr else shown)


# What a lenient reading of a kept author list drops: LaTeX's accents and commands, braces, math, and
# the marks typed into names (formats/name_marks.py).
_NOT_NAME = re.compile(r"\\[`'^\"~=.]|\\[uvHcdbtk](?![A-Za-z])|\\[A-Za-z]+|[{}$*∗†‡§¶‖^#+]")


def source_names(author: str) -> list[str]:
    """The names of an author list an import kept as BibTeX source (bibtex would misread it, and it
    reads more than one way), read leniently, to show them and to find a person among them: parted
    at "and", whole names parted at commas where each part has two words or more, ``Family, Given``
    turned round, pairs of ``Family, Given`` parted, marks and LaTeX dropped."""
    names = []
    for piece in re.split(r"\s+and\s+", _NOT_NAME.sub("", author), flags=re.IGNORECASE):
        parts = [" ".join(part.split()) for part in piece.split(",") if part.strip()]
        if len(parts) > 1 and all(len(part.split()) > 1 for part in parts):
            names += parts
        elif len(parts) == 1:
            names += [] if parts[0].lower() == "others" else parts
        else:
            names += [
                f"{given} {family}".strip() for family, given in zip(parts[::2], [*parts[1::2], ""], strict=False)
            ]
    return names


def exported_parts(name: str) -> NameParts:
    """What BibTeX reads from the name as the exports write it (``Family, Given``)."""
    if is_comma_form(name) or is_literal(name):
        return bibtex_parts(name)
    given, family = split_name(name)
    return bibtex_parts(f"{family}, {given}" if given else family)


def record_form(name: str) -> str:
    """How a record keeps a name read from BibTeX: ``Given Family`` when the exports give BibTeX
    back the same parts from it, else BibTeX's comma form."""
    parts = bibtex_parts(name)
    if not parts.jr:
        simple = " ".join(part for part in (parts.first, parts.von, parts.last) if part)
        if exported_parts(simple) == parts:
            return simple
    form = f"{parts.von} {parts.last}".strip()
    if parts.jr:
        return f"{form}, {parts.jr}, {parts.first}"
    if not parts.first and parts.von:  # "marco cuturi": all lower case, so BibTeX reads no first name
        return f"{form},"
    return f"{form}, {parts.first}" if parts.first else form
