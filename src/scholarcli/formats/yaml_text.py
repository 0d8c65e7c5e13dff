"""YAML scalars written by hand, safe for any text: front matter and RenderCV input need no YAML library.

Every string is double-quoted, the one YAML style in which any character can be written. YAML 1.1
readers (Jekyll's Psych, PyYAML) take NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR as line breaks,
which a quoted string folds into spaces, and refuse most control characters: those are escaped.
Escapes are YAML's own (``\\x85``, ``\\u2028``, ``\\U000E0001``), never JSON's surrogate pairs
(``\\ud83d\\ude00``), of which a YAML reader keeps two broken halves.
"""

from __future__ import annotations

import unicodedata

_SHORT = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r", "\0": "\\0"}
# Unicode categories written as escapes: controls, format characters (BOM, zero-width marks),
# surrogates, unassigned code points, and the line and paragraph separators.
_ESCAPED_CATEGORIES = {"Cc", "Cf", "Cs", "Cn", "Zl", "Zp"}


def _char(char: str) -> str:
    if char in _SHORT:
        return _SHORT[char]
    code = ord(char)
    if " " <= char <= "~":
        return char
    if code in (0xFFFE, 0xFFFF) or unicodedata.category(char) in _ESCAPED_CATEGORIES:
        if code > 0xFFFF:
            return f"\\U{code:08X}"
        return f"\\x{code:02X}" if code <= 0xFF else f"\\u{code:04X}"
    return char


def yaml_str(text: str) -> str:
    """``text`` as a double-quoted YAML scalar that every YAML 1.1 and 1.2 reader reads back as ``text``."""
    return '"' + "".join(_char(char) for char in text) + '"'


def yaml_list(items: list[str], indent: str) -> list[str]:
    """A block sequence of strings, one ``- "item"`` line each (the key line is the caller's)."""
    return [f"{indent}- {yaml_str(item)}" for item in items]
