"""People's names: splitting "Given Family" and "Family, Given", with particles kept with the family."""

from __future__ import annotations

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


def has_and(name: str) -> bool:
    """Whether a name holds the word "and", which BibTeX reads as the end of a name."""
    return any(word.lower() == "and" for word in name.split())


def split_name(name: str) -> tuple[str, str]:
    """(given, family) of a name written "Given Family"; particles such as "van der" join the family.

    A "Family, Given" name is split at the comma. A one-word name is all family.
    """
    if "," in name:
        family, given = (part.strip() for part in name.split(",", 1))
        return given, family
    words = name.split()
    if len(words) <= 1:
        return "", name.strip()
    start = len(words) - 1
    while start > 1 and words[start - 1].lower() in PARTICLES:
        start -= 1
    return " ".join(words[:start]), " ".join(words[start:])
