"""Recognise a venue in free text: DBLP, ACL Anthology, Crossref and Google Scholar venue strings.

A venue is found by a full name or alias, or by an acronym as a whole word, after the edition
marks are dropped (years, volume numbers, ordinals such as "Thirteenth" or "61st") and small
words ("the", "of", "and", ...). Where several venues are found the longest match wins, so
"Nature Communications" is never Nature and "Transactions of the ACL" is TACL, not ACL.

Three rules keep out false positives:

- A name with fewer than three distinctive words ("Nature", "Machine Learning", "Pattern
  Recognition") must fill a whole part of the text between punctuation, give or take
  "Proceedings of", a publisher ("IEEE", "ACM") or "International". Inside a longer name it
  is a word of another venue's name, not a venue.
- A weak acronym (two letters or fewer, like "AI" and "S&P", or an English word, like "CHI",
  "FAST" or "DATE") must likewise fill a part of the text, written in its own case or in
  capitals: "CHI '23" and "(AI)" name a venue, "chi-square" and "Frontiers in AI" do not.
- Any other acronym ("NeurIPS", "EMNLP", "arXiv") counts wherever it occurs as a whole word.

"Findings of the Association for Computational Linguistics: EMNLP 2023" is EMNLP with the
track "Findings", as records keep it; a venue named next to "Workshop" has the track "Workshop".
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from itertools import accumulate
from typing import TypeVar

from scholarcli.model.named_tuple import NamedTuple

TYPE_CHECKING = False
if TYPE_CHECKING:
    from scholarcli.model import Venue

_TOKEN = re.compile(r"[^\W_]+")
# Punctuation that ends one part of a venue string: "ICLR 2025, Singapore", "Computer Vision – ECCV".
_DELIMITER = re.compile(r"[,;:()\[\]{}|]|\s[-–—]+\s|[–—]")
_EDITION = re.compile(r"\d+(?:st|nd|rd|th)?")  # years, volumes, "61st": an edition, never the venue
_GLUED_YEAR = re.compile(r"([A-Za-z]{3,})(\d{2}|\d{4})")  # "ICLR2024", "NeurIPS23"
_ORDINALS = frozenset(
    [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
        "twentieth",
        "thirtieth",
        "fortieth",
        "fiftieth",
        "sixtieth",
        "seventieth",
        "eightieth",
        "ninetieth",
        "hundredth",
    ]
)
_TENS = frozenset(["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"])  # "Thirty-Seventh"
_SMALL = frozenset(["the", "of", "on", "in", "for", "and", "a", "an", "at", "to", "with"])
# Words around a venue's name that do not change which venue it is.
_LEADING = frozenset(
    [
        "proceedings",
        "proc",
        "companion",
        "extended",
        "abstracts",
        "ieee",
        "acm",
        "cvf",
        "usenix",
        "siam",
        "ifip",
        "rsj",
        "international",
        "annual",
        "joint",
        "preprint",
    ]
)
_TRAILING = frozenset(
    [
        "proceedings",
        "companion",
        "volume",
        "vol",
        "papers",
        "long",
        "short",
        "part",
        "workshop",
        "workshops",
        "abstracts",
        "extended",
        "posters",
    ]
)
# Words every other venue name has: they do not make a name distinctive.
_GENERIC = frozenset(
    [
        "international",
        "conference",
        "journal",
        "proceedings",
        "annual",
        "symposium",
        "workshop",
        "transactions",
        "ieee",
        "acm",
        "letters",
        "meeting",
        "association",
        "society",
        "series",
    ]
)
# English words used as acronyms: like two-letter acronyms they must stand alone to count.
_COMMON_WORDS = frozenset(
    [
        "all",
        "art",
        "case",
        "chi",
        "date",
        "dial",
        "events",
        "fast",
        "fun",
        "gem",
        "icon",
        "insights",
        "law",
        "map",
        "micro",
        "mind",
        "news",
        "note",
        "pact",
        "pods",
        "sat",
        "sense",
        "step",
        "vision",
        "wise",
    ]
)
_FINDINGS = ("findings", "association", "computational", "linguistics")


_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_NON_WORD = re.compile(r"[^\w\n]+|_+")
_NOT_ACRONYM = re.compile(r"\b[^\W\d_][^\W\d_A-Z]+\b")  # a word with a lower-case tail: "Nature", "on"


def _fold(text: str) -> str:
    """Case and accents folded, as query.fold does: "Hervé" and "herve" fold alike."""
    if text.isascii():
        return text.casefold()
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text)).casefold()


def _dropped(folded: str, following: str) -> bool:
    if folded in _SMALL or folded in _ORDINALS or _EDITION.fullmatch(folded):
        return True
    return folded in _TENS and following in _ORDINALS


def _kept(text: str) -> list[tuple[str, str]]:
    """(as written, folded) for the words of a text that can name a venue: no edition marks, no small words."""
    tokens = []
    for token in _TOKEN.findall(text):
        glued = _GLUED_YEAR.fullmatch(token)
        tokens.append(glued.group(1) if glued else token)
    folded = [_fold(token) for token in tokens]
    following = [*folded[1:], ""][: len(folded)]
    return [(t, f) for t, f, n in zip(tokens, folded, following, strict=True) if not _dropped(f, n)]


_DROPPED = _SMALL | _ORDINALS


def name_key(text: str) -> tuple[str, ...]:
    """The words of a name or acronym that matching compares: folded, without edition marks or small words."""
    return tuple(folded for _, folded in _kept(text))


# Punctuation as str.translate replaces it, far faster than a regular expression over all names.
_PUNCTUATION = str.maketrans(dict.fromkeys("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~\t–—‐‑‒’‘“”·…", " "))
_DIGIT = re.compile(r"\d")


def _name_keys(forms: list[str]) -> list[str]:
    """name_key of many forms at once, joined by spaces, in a few passes over all of them.

    A matcher keys some 2,500 names when it is built; word by word that would take most of the
    5 ms it may cost, and tuples of words cost more to make and hash than one string each.
    Forms with a digit ("ICLR2024") or an ordinal ("Thirty-Seventh") go through name_key.
    """
    if not forms:
        return []
    text = "\n".join((form if form.isascii() else _fold(form)).replace("\n", " ") for form in forms)
    text = text.casefold().translate(_PUNCTUATION)
    if not text.isascii():
        text = _NON_WORD.sub(" ", text)
    words = text.replace("\n", " \x00 ").split()
    keys = [key.strip() for key in " ".join([w for w in words if w not in _DROPPED]).split("\x00")]
    rare: set[int] = set()
    if _DIGIT.search(text):
        starts = list(accumulate((len(line) + 1 for line in text.split("\n")), initial=0))
        rare.update(bisect_right(starts, found.start()) - 1 for found in _DIGIT.finditer(text))
    ordinals = _ORDINALS.intersection(words)
    padded = f" {text} ".replace("\n", " \n ") if ordinals else ""
    for ordinal in ordinals:  # "Second Workshop on ...": few names have one
        at = padded.find(f" {ordinal} ")
        while at >= 0:
            rare.add(padded.count("\n", 0, at))
            at = padded.find(f" {ordinal} ", at + 1)
    for i in rare:
        keys[i] = " ".join(name_key(forms[i]))
    return keys


def distinctive(key: tuple[str, ...]) -> int:
    """How many words of a name key are not words every venue has."""
    return sum(1 for word in key if word not in _GENERIC)


class Match(NamedTuple):
    """A venue found in free text: its registry acronym and the track the text names, if any."""

    acronym: str
    track: str | None = None


class _Token(NamedTuple):
    text: str  # as written
    key: str  # folded
    part: int  # which part of the text, between delimiters


class _Found(NamedTuple):
    length: int
    aligned: bool
    is_name: bool
    start: int
    acronym: str


class _Acronym(NamedTuple):
    acronym: str
    form: str  # as the registry writes it: a weak acronym must be written so
    strong: bool


def _tokenize(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    for part, piece in enumerate(_DELIMITER.split(text)):
        tokens.extend(_Token(written, folded, part) for written, folded in _kept(piece))
    return tokens


def _aligned(tokens: list[_Token], start: int, end: int) -> bool:
    """Whether tokens[start:end] fill their part of the text, but for words that do not change the venue."""
    first, last = tokens[start].part, tokens[end - 1].part
    i = start - 1
    while i >= 0 and tokens[i].part == first:
        if tokens[i].key not in _LEADING:
            return False
        i -= 1
    j = end
    while j < len(tokens) and tokens[j].part == last:
        if tokens[j].key not in _TRAILING:
            return False
        j += 1
    return True


def _vocabulary(names: list[tuple[str, str]], words: set[str]) -> frozenset[str]:
    """Which of these words are in the names of two venues or more: as an acronym ("EVENTS") such a word is weak."""
    first: dict[str, str] = {}
    common = set()
    for key, acronym in names:
        for word in words.intersection(key.split()):
            if first.setdefault(word, acronym) != acronym:
                common.add(word)
    return frozenset(common)


def _is_weak(key: list[str], vocabulary: frozenset[str]) -> bool:
    if len(key) > 1:
        return sum(map(len, key)) <= 2
    return len(key[0]) <= 2 or key[0] in _COMMON_WORDS or key[0] in vocabulary


def _written_like(found: list[_Token], form: str) -> bool:
    written = [text for text, _ in _kept(form)]
    return all(t.text == w or t.text == w.upper() for t, w in zip(found, written, strict=True))


def index_columns(venues: Mapping[str, Venue], others: Iterable[str] = ()) -> dict[str, str]:
    """Each venue's index column: the key of its acronym, name and each alias, "|"-separated, marked
    "=" for a name, "+" for an acronym and "-" for a weak acronym ("AI", "CHI": see the module).

    The build script stores them in registry.tsv, so that loading the registry does not key its
    2,500 names again. ``others`` are the columns of other venues matched alongside: words in the
    names of two venues make a weak acronym, whichever venues they are.
    """
    forms: list[str] = []
    owners: list[str] = []
    for acronym, venue in venues.items():
        forms += (acronym, venue.name, *venue.aliases)
        owners += [acronym] * (2 + len(venue.aliases))
    keys = _name_keys(forms)
    # "NIPS", "CoRR", "arXiv", "S&P" are acronyms; "Neurocomputing", "Nature", "Machine Learning" names.
    marks = ["+" if form.isupper() or _NOT_ACRONYM.search(form) is None else "=" for form in forms]
    single = {k for k, mark in zip(keys, marks, strict=True) if mark == "+" and " " not in k and len(k) > 2}
    if single - _COMMON_WORDS:
        names = [(k, o) for k, o, mark in zip(keys, owners, marks, strict=True) if mark == "="]
        for i, column in enumerate(others):
            names += [(entry[1:], f"#{i}") for entry in column.split("|") if entry[0] == "="]
        vocabulary = _vocabulary(names, single - _COMMON_WORDS)
    else:
        vocabulary = frozenset()
    columns: dict[str, list[str]] = {}
    for key, owner, mark in zip(keys, owners, marks, strict=True):
        if mark == "+" and key and _is_weak(key.split(), vocabulary):
            mark = "-"
        columns.setdefault(owner, []).append(mark + key)
    return {acronym: "|".join(column) for acronym, column in columns.items()}


def _loaded_columns() -> Mapping[str, tuple[Venue, str]]:
    from scholarcli.venues import loaded_columns

    return loaded_columns()


class Matcher:
    """Finds venues of one registry in free text. Build it once; matching is a few dictionary lookups."""

    def __init__(self, venues: Mapping[str, Venue], keyed: Mapping[str, tuple[Venue, str]] | None = None) -> None:
        """Index ``venues``; ``keyed`` holds index columns made earlier, used for the very same Venue objects.

        Without ``keyed``, the bundled registry's columns are used if it is loaded: they come with
        registry.tsv, so a matcher of a library's venues over the bundled ones keys only the library's.
        """
        self.venues = venues
        self._names: dict[str, str] = {}  # name key, words joined by spaces -> acronym
        self._acronyms: dict[str, _Acronym] = {}
        self._choices: dict[str, str] = {}
        keyed = _loaded_columns() if keyed is None else keyed
        columns: dict[str, str] = {}
        for acronym, venue in venues.items():
            known = keyed.get(acronym)
            if known is not None and known[0] is venue:
                columns[acronym] = known[1]
        todo = {acronym: venue for acronym, venue in venues.items() if acronym not in columns}
        columns.update(index_columns(todo, columns.values()))
        for acronym, venue in venues.items():
            for form, entry in zip((acronym, venue.name, *venue.aliases), columns[acronym].split("|"), strict=True):
                kind, key = entry[0], entry[1:]
                if kind == "=" and key:
                    self._names.setdefault(key, acronym)  # the first venue to claim a name keeps it
                elif key and key not in self._acronyms:
                    self._acronyms[key] = _Acronym(acronym, form, kind == "+")
        self._name_lengths = sorted({key.count(" ") + 1 for key in self._names}, reverse=True)
        self._acronym_lengths = sorted({key.count(" ") + 1 for key in self._acronyms}, reverse=True)

    def identify(self, text: str) -> Match | None:
        """The venue the text names, with its track ("Findings", "Workshop"), or None."""
        tokens = _tokenize(text)
        keys = [t.key for t in tokens]
        track = None
        if "findings" in keys:
            track = "Findings"
            tokens = _drop_findings(tokens)
            keys = [t.key for t in tokens]
        found = self._find(tokens, keys)
        if found is None:
            return Match("ACL", track) if track and "ACL" in self.venues else None
        venue = self.venues[found.acronym]
        if track is None and venue.kind != "workshop" and ({"workshop", "workshops"} & set(keys)):
            track = "Workshop"
        return Match(found.acronym, track)

    def match(self, text: str) -> str | None:
        """The acronym of the venue the text names, or None."""
        found = self.identify(text)
        return found.acronym if found else None

    def _find(self, tokens: list[_Token], keys: list[str]) -> _Found | None:
        best: _Found | None = None
        for found in self._candidates(tokens, keys):
            if best is None or found[:3] > best[:3] or (found[:3] == best[:3] and found.start < best.start):
                best = found
        return best

    def _candidates(self, tokens: list[_Token], keys: list[str]) -> Iterable[_Found]:
        for start in range(len(keys)):
            for span, acronym in _spans(keys, start, self._name_lengths, self._names):
                aligned = _aligned(tokens, start, start + len(span))
                if aligned or distinctive(tuple(span)) >= 3:
                    yield _Found(len(span), aligned, True, start, acronym)
            for span, entry in _spans(keys, start, self._acronym_lengths, self._acronyms):
                aligned = _aligned(tokens, start, start + len(span))
                if entry.strong or (aligned and _written_like(tokens[start : start + len(span)], entry.form)):
                    yield _Found(len(span), aligned, False, start, entry.acronym)

    def suggest(self, text: str, limit: int = 5) -> list[str]:
        """Acronyms of the venues whose acronym, name or alias is closest to a misspelt text, best first."""
        wanted = " ".join(name_key(text))
        if not wanted:
            return []
        if not self._choices:  # built on the first suggestion: most commands never ask for one
            for acronym, venue in self.venues.items():
                for form in (acronym, venue.name, *venue.aliases):
                    self._choices.setdefault(" ".join(name_key(form)), acronym)
        ranked: list[str] = []
        # 0.78: a letter or two apart (emnpl, neurps, iclrr); not SIAM Review for Physical Review E (0.71)
        # or Heart for Health (0.73)
        for close in difflib.get_close_matches(wanted, list(self._choices), n=limit * 3, cutoff=SIMILAR):
            if self._choices[close] not in ranked:
                ranked.append(self._choices[close])
        return ranked[:limit]


SIMILAR = 0.78  # difflib's ratio from which a venue is suggested for a misspelt one


def _drop_findings(tokens: list[_Token]) -> list[_Token]:
    """Without "Findings (of the Association for Computational Linguistics)": a track, not the venue."""
    keys = [t.key for t in tokens]
    start = keys.index("findings")
    end = start + len(_FINDINGS) if tuple(keys[start : start + len(_FINDINGS)]) == _FINDINGS else start + 1
    return tokens[:start] + tokens[end:]


_DEFAULT: list[Matcher] = []


def default_matcher() -> Matcher:
    """The matcher of the bundled registry, built on first use."""
    if not _DEFAULT:
        from scholarcli.venues import bundled

        _DEFAULT.append(Matcher(bundled()))  # keyed by registry.tsv's index columns
    return _DEFAULT[0]


def identify(text: str, venues: Mapping[str, Venue] | None = None) -> Match | None:
    """The venue and track the text names; ``venues`` defaults to the bundled registry."""
    return (Matcher(venues) if venues is not None else default_matcher()).identify(text)


def match(text: str, venues: Mapping[str, Venue] | None = None) -> str | None:
    """The acronym of the venue the text names, or None; ``venues`` defaults to the bundled registry."""
    return (Matcher(venues) if venues is not None else default_matcher()).match(text)


def suggest(text: str, venues: Mapping[str, Venue] | None = None, limit: int = 5) -> list[str]:
    """Acronyms of the venues closest to a misspelt text, best first."""
    return (Matcher(venues) if venues is not None else default_matcher()).suggest(text, limit)


_Named = TypeVar("_Named")


def _spans(
    keys: list[str], start: int, lengths: list[int], table: Mapping[str, _Named]
) -> Iterable[tuple[list[str], _Named]]:
    """The runs of words from ``start``, longest first, that ``table`` names, with what it gives them."""
    for length in lengths:
        span = keys[start : start + length]
        if len(span) == length and (found := table.get(" ".join(span))) is not None:
            yield span, found
