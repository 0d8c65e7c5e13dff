"""Characters an output cannot carry, and what each export writes in their place.

A record may hold any character TOML can (an ESC, a C1 control, U+2028, the noncharacter U+FFFE),
and the library's settings too. No HTML parser accepts control characters or noncharacters
(html5lib: "invalid codepoint"), and pdflatex stops at them and at the line and paragraph
separators ("Unicode character U+2028 not set up for use with LaTeX"). So each export maps what
its output cannot carry before it draws anything: HTML, and what becomes HTML (Markdown, the site
exports, RenderCV), gets U+FFFD, the replacement character, which shows that something was
there; LaTeX and BibTeX get a space. The export then says so once for each work (and once for
library.toml), naming the fields and the characters. JSON carries every character exactly,
escaped (``json_text``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping

from scholarcli.model import FIELD_KINDS, Mark, Person, Settings, Venue, Work
from scholarcli.model.named_tuple import NamedTuple

# typing is not loaded at run time: a quick `export bibtex` imports neither it nor typer (tests/test_quick.py).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, TypeVar

    P = TypeVar("P", Person, None)

_NONCHARACTERS = "\ufdd0-\ufdef\ufffe\uffff" + "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(1, 17)
)
_SURROGATES = "\ud800-\udfff"  # none comes from TOML; a Work made in code might hold one
_BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069"  # embeddings, overrides, isolates


class Repertoire(NamedTuple):
    """What one kind of output cannot carry (``unfit``), what it writes instead, and its name in warnings."""

    output: str
    unfit: re.Pattern[str]
    replacement: str

    @property
    def written_as(self) -> str:
        return "spaces" if self.replacement == " " else f"U+{ord(self.replacement):04X}"


# Control characters but tab and the line breaks, and noncharacters: what HTML5 forbids.
HTML = Repertoire("HTML", re.compile(f"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f{_NONCHARACTERS}{_SURROGATES}]"), "\ufffd")
# pdflatex (and biber's LaTeX after it) stops at controls, at the separators U+2028 and U+2029
# and at the bidirectional controls; tabs and line breaks are white space to TeX.
LATEX = Repertoire(
    "LaTeX",
    re.compile(f"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u2028\u2029{_BIDI_CONTROLS}{_NONCHARACTERS}{_SURROGATES}]"),
    " ",
)

# al-folio's papers.bib: LaTeX source (jekyll-scholar decodes it) that a page shows, so what LaTeX
# cannot carry, shown as HTML shows what it cannot.
AL_FOLIO = Repertoire("al-folio's papers.bib", LATEX.unfit, "\ufffd")


def _fitted(text: str, repertoire: Repertoire, found: set[str]) -> str:
    if text.isprintable():  # in C, and true of almost every text
        return text
    unfit = repertoire.unfit.findall(text)
    if not unfit:
        return text
    found.update(unfit)
    return repertoire.unfit.sub(repertoire.replacement, text)


def _fitted_value(value: Any, repertoire: Repertoire, found: set[str]) -> Any:
    if type(value) is str:
        return _fitted(value, repertoire, found)
    if type(value) is tuple:
        return value if all(map(str.isprintable, value)) else tuple(_fitted(x, repertoire, found) for x in value)
    if isinstance(value, Mapping):  # links (text by name), marks (names by kind)
        return {
            _fitted(name, repertoire, found): _fitted_value(item, repertoire, found) for name, item in value.items()
        }
    return value  # a number, a date, a flag


def _said(where: str, fields: list[str], found: set[str], repertoire: Repertoire) -> str:
    codes = ", ".join(f"U+{ord(char):04X}" for char in sorted(found))
    return f"{where}: {', '.join(fields)}: {repertoire.output} cannot carry {codes}; written as {repertoire.written_as}"


def fit_work(work: Work, repertoire: Repertoire) -> tuple[Work, list[str]]:
    """The work with every field's unfit characters replaced (its key is no text: kept), and the
    warning that says which fields held which, if any did."""
    changes: dict[str, Any] = {}
    found: set[str] = set()
    for name, value in zip(FIELD_KINDS, work[1:], strict=True):
        here: set[str] = set()
        fitted = _fitted_value(value, repertoire, here)
        if here:
            changes[name] = fitted
            found |= here
    if not changes:
        return work, []
    return work._replace(**changes), [_said(work.key, list(changes), found, repertoire)]


def _fit_person(person: Person, repertoire: Repertoire, found: set[str]) -> Person:
    return person._replace(
        name=_fitted(person.name, repertoire, found),
        variants=_fitted_value(person.variants, repertoire, found),
    )


def _fit_venue(venue: Venue, repertoire: Repertoire, found: set[str]) -> Venue:
    return venue._replace(
        name=_fitted(venue.name, repertoire, found),
        acronym=_fitted(venue.acronym, repertoire, found),
        aliases=_fitted_value(venue.aliases, repertoire, found),
        publisher=None if venue.publisher is None else _fitted(venue.publisher, repertoire, found),
    )


def _fit_mark(mark: Mark, repertoire: Repertoire, found: set[str]) -> Mark:
    return mark._replace(symbol=_fitted(mark.symbol, repertoire, found), legend=_fitted(mark.legend, repertoire, found))


def fit_settings(settings: Settings, person: P, repertoire: Repertoire) -> tuple[Settings, P, list[str]]:
    """library.toml's texts an export shows (people, the mark and its legend, venues), and the
    person whose CV it is, with unfit characters replaced; and the warning, if any."""
    from scholarcli.venues import with_venues

    found: set[str] = set()
    venues = {name: _fit_venue(venue, repertoire, found) for name, venue in settings.venues.items()}
    fitted = with_venues(settings, venues)._replace(
        people=tuple(_fit_person(someone, repertoire, found) for someone in settings.people),
        equal_contribution=_fit_mark(settings.equal_contribution, repertoire, found),
        marks={kind: _fit_mark(mark, repertoire, found) for kind, mark in settings.marks.items()},
        known_venues={
            name: None if venue is None else _fit_venue(venue, repertoire, found)
            for name, venue in settings.known_venues.items()
        },
    )
    whose = person if person is None else _fit_person(person, repertoire, found)
    if not found:
        return settings, person, []
    return fitted, whose, [_said("library.toml", ["people, marks or venues"], found, repertoire)]


# What json.dumps(ensure_ascii=False) leaves raw though a screen or a script would stumble on it:
# DEL and C1 controls, the separators that end a line in JavaScript, bidirectional controls, noncharacters.
_JSON_ESCAPED = re.compile(f"[\x7f-\x9f\u2028\u2029{_BIDI_CONTROLS}{_NONCHARACTERS}{_SURROGATES}]")


def json_text(data: Any, indent: int | None = 2) -> str:
    """``data`` as JSON: Unicode as it is, but every character a reader could stumble on escaped
    (``\\u009b``), so that the text reads back exactly and shows nothing it should not."""
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    if (text.isascii() and "\x7f" not in text) or _JSON_ESCAPED.search(text) is None:
        return text
    return _JSON_ESCAPED.sub(lambda found: json.dumps(found.group())[1:-1], text)
