"""The formats `scholar import` reads, each a pure ``parse(text, source, settings) -> ParsedFile``,
and how a file's content tells which one it is.

The registry names each reader's module, imported only when its format is read: this module is
read by the command line's option declarations, on every `list`.
"""

from __future__ import annotations

import codecs
import re
from importlib import import_module

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

    from scholarcli.formats.bib_reading import ParsedFile
    from scholarcli.model import Settings

    Reader = Callable[[str, str, Settings], ParsedFile]

# Format name -> "module:function" of its reader.
READERS = {
    "bibtex": "scholarcli.formats.bib_reading:parse",
    "ris": "scholarcli.formats.ris_reading:parse",
    "csl-json": "scholarcli.formats.csl_json_reading:parse",
}
INPUT_FORMATS = tuple(READERS)
# What the user reads in messages.
LONG_NAMES = {"bibtex": "BibTeX or BibLaTeX", "ris": "RIS", "csl-json": "CSL-JSON"}
READABLE = "BibTeX, BibLaTeX, RIS and CSL-JSON"

# An RIS record starts with a TY line ("TY  - JOUR"; one space before the hyphen is seen too).
_RIS_START = re.compile(r"^\ufeff?TY[ \t]{1,2}-", re.MULTILINE)
# A BibTeX entry, @string or @comment: an @ and a name, then the brace or parenthesis that opens it.
_BIB_ENTRY = re.compile(r"@[A-Za-z]+[ \t\r\n]*[{(]")


def sniff(text: str) -> str | None:
    """The format ``text`` is written in, told by its content (not a file's suffix), or None.

    JSON (the first character that is not white space is ``[`` or ``{``) is CSL-JSON; otherwise
    whichever comes first, a line that starts an RIS record or a BibTeX entry, says which it is:
    publishers' RIS often has a header first, and an RIS abstract could hold an ``@``.
    """
    start = text.lstrip("\ufeff \t\r\n")[:1]
    if start in ("[", "{"):
        return "csl-json"
    ris, bib = _RIS_START.search(text), _BIB_ENTRY.search(text)
    if ris and (bib is None or ris.start() < bib.start()):
        return "ris"
    return "bibtex" if bib else None


def reader(name: str) -> Reader:
    module, function = READERS[name].split(":")
    found: Reader = getattr(import_module(module), function)
    return found


def decode(data: bytes) -> tuple[str, str | None]:
    """The text of a file's bytes, and the encoding they were read as when it is not UTF-8.

    UTF-8 (a byte order mark or none) and UTF-16 with its mark (EndNote's "Unicode" export) are
    read as they are. Other bytes are read as Windows-1252, the code page of old EndNote, Reference
    Manager and Windows exports (Latin-1 with quotes and dashes at 0x80-0x9F), or as Latin-1 where
    Windows-1252 leaves a byte undefined: every byte is a character, so no file is refused, and the
    import says which encoding it used.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "Latin-1"
