"""Citation keys for new records: one documented formula, ASCII only, unique with a/b/c suffixes.

``{family}{year}{word}``: the first author's family name, the year and the first title word that
is not a stop word, all folded to lowercase ASCII letters and digits (``sengupta2025you``). Without a
year the parts are joined by a hyphen (``kapoor-trim``); without authors ``anon`` stands for the
family name; a patent with a number is keyed by its number (``us12112132``). When the key is taken,
``a``, ``b``, ... ``z``, ``aa``, ... are appended.
"""

from __future__ import annotations

import itertools
import re
import string
import unicodedata
from collections.abc import Collection, Iterator, Sequence

from scholarcli.model.markup import plain
from scholarcli.model.names import split_name

STOP_WORDS = frozenset(
    {
        "a", "an", "the", "on", "of", "for", "and", "or", "in", "to", "with", "from", "by", "at", "as",
        "is", "are", "be", "do", "does", "how", "what", "why", "when", "where", "via", "towards",
        "toward", "into", "not", "no",
    }
)  # fmt: skip
# Letters that have no ASCII decomposition but an accepted transliteration.
TRANSLITERATION = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "æ": "ae", "Æ": "AE",
                                 "œ": "oe", "Œ": "OE", "đ": "d", "Đ": "D", "ı": "i", "þ": "th", "ð": "d"})  # fmt: skip


def ascii_fold(text: str) -> str:
    """Lowercase ASCII letters and digits only: "Ødegård-Çelik" -> "odegardcelik"."""
    decomposed = unicodedata.normalize("NFKD", text.translate(TRANSLITERATION))
    return re.sub(r"[^a-z0-9]", "", decomposed.encode("ascii", "ignore").decode().lower())


def base_key(
    title: str, authors: Sequence[str] = (), year: int | None = None, number: str | None = None, patent: bool = False
) -> str:
    if patent and number and ascii_fold(number):
        return ascii_fold(number)
    family = ascii_fold(split_name(authors[0])[1]) if authors else ""
    words = [ascii_fold(word) for word in plain(title).split()]
    word = next((w for w in words if w and w not in STOP_WORDS), next((w for w in words if w), "untitled"))
    if year is None:
        return f"{family or 'anon'}-{word}"
    return f"{family or 'anon'}{year}{word}"


def _suffixes() -> Iterator[str]:
    for length in itertools.count(1):
        for letters in itertools.product(string.ascii_lowercase, repeat=length):
            yield "".join(letters)


def unique_key(base: str, taken: Collection[str]) -> str:
    """``base`` itself if free, else the first of ``base``+a, +b, ... that is."""
    if base not in taken:
        return base
    return next(base + suffix for suffix in _suffixes() if base + suffix not in taken)
