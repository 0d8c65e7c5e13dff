"""Which venue of the registry a fetched venue text names (``add IDENTIFIER``, ``import --orcid``)."""

from __future__ import annotations

from scholarcli.model import Settings
from scholarcli.model.query import words


def recognise_venue(text: str, settings: Settings) -> str:
    """The acronym of the registry venue ``text`` names, else ``text`` itself.

    A venue is named by its acronym, full name or an alias, with case, accents and punctuation
    ignored ("Proc. ICLR" is not "ICLR": the words must be the same, in order).
    """
    wanted = words(text)
    if not wanted:
        return text
    for acronym, venue in settings.venues.items():
        if any(words(name) == wanted for name in venue.all_names):
            return acronym
    return text
