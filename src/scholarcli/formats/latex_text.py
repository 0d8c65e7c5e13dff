"""Plain Unicode text to LaTeX text-mode source, for BibTeX, BibLaTeX and the LaTeX CV."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Characters LaTeX treats specially. Braces are handled apart (see _brace_escapes).
SPECIALS = {
    "\\": r"\textbackslash{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    "<": r"\textless{}",
    ">": r"\textgreater{}",
    "|": r"\textbar{}",
}

# Unicode that 8-bit BibTeX and pdflatex handle best as commands.
SYMBOLS = {
    "–": r"\textendash{}",
    "—": r"\textemdash{}",
    "‘": r"\textquoteleft{}",
    "’": r"\textquoteright{}",
    "“": r"\textquotedblleft{}",
    "”": r"\textquotedblright{}",
    "…": r"\ldots{}",
    "\u00a0": "~",
    "ß": r"{\ss}",
    "æ": r"{\ae}",
    "Æ": r"{\AE}",
    "œ": r"{\oe}",
    "Œ": r"{\OE}",
    "ø": r"{\o}",
    "Ø": r"{\O}",
    "ł": r"{\l}",
    "Ł": r"{\L}",
    "ı": r"{\i}",
    "đ": r"{\dj}",
    "Đ": r"{\DJ}",
    "°": r"\textdegree{}",
    "€": r"\texteuro{}",
    "×": r"\texttimes{}",
    "α": r"\ensuremath{\alpha}",
    "β": r"\ensuremath{\beta}",
    "γ": r"\ensuremath{\gamma}",
    "δ": r"\ensuremath{\delta}",
    "ε": r"\ensuremath{\epsilon}",
    "λ": r"\ensuremath{\lambda}",
    "μ": r"\ensuremath{\mu}",
    "π": r"\ensuremath{\pi}",
    "σ": r"\ensuremath{\sigma}",
}

# Combining accents and the LaTeX accent command that draws them.
ACCENTS = {
    "\u0301": "'",
    "\u0300": "`",
    "\u0302": "^",
    "\u0308": '"',
    "\u0303": "~",
    "\u0304": "=",
    "\u0307": ".",
    "\u030a": "r",
    "\u030c": "v",
    "\u0306": "u",
    "\u030b": "H",
    "\u0327": "c",
    "\u0328": "k",
    "\u0323": "d",
}


@lru_cache(maxsize=4096)
def _accented(char: str) -> str | None:
    """``é`` as ``{\\'e}``, ``č`` as ``{\\v c}``; None when it is not a letter with one accent."""
    parts = unicodedata.normalize("NFD", char)
    if len(parts) != 2 or parts[1] not in ACCENTS or not parts[0].isascii():
        return None
    command, base = ACCENTS[parts[1]], parts[0]
    separator = " " if command.isalpha() else ""
    return f"{{\\{command}{separator}{base}}}"


def _braces_nest(text: str) -> bool:
    depth = 0
    for char in text:
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


def _brace_escapes(text: str) -> dict[str, str]:
    """``\\{`` and ``\\}`` where the braces nest; BibTeX counts even escaped braces to find where a
    field ends, so braces that do not nest become ``\\textbraceleft{}`` (which pandoc cannot read)."""
    if _braces_nest(text):
        return {"{": r"\{", "}": r"\}"}
    return {"{": r"\textbraceleft{}", "}": r"\textbraceright{}"}


def escape(text: str, ascii_only: bool = True) -> str:
    """LaTeX source that typesets ``text`` literally.

    With ``ascii_only`` (BibTeX, pdflatex) accented letters and common symbols become commands;
    otherwise (biber, which reads UTF-8) they stay as they are and only LaTeX's specials change.
    """
    return _escape(text, ascii_only, _specials_for(text))


def _specials_for(text: str) -> dict[str, str]:
    return {**SPECIALS, **_brace_escapes(text)} if "{" in text or "}" in text else SPECIALS


# What needs replacing: LaTeX's specials, and (for 8-bit BibTeX and pdflatex) anything not ASCII.
_NEEDS_ESCAPE = re.compile(r"[\\{}&%$#_~^<>|]")
_NEEDS_ESCAPE_ASCII = re.compile(r"[\\{}&%$#_~^<>|\u0080-\U0010ffff]")


def _has_special(text: str) -> bool:
    """Whether ``text`` holds one of LaTeX's specials (SPECIALS, and braces).

    Written out: thirteen substring tests are several times faster than a regular expression or a
    loop, and most text has none, so this decides the cost of an export.
    """
    return (
        "\\" in text or "{" in text or "}" in text or "&" in text or "%" in text or "$" in text or "#" in text
        or "_" in text or "~" in text or "^" in text or "<" in text or ">" in text or "|" in text
    )  # fmt: skip


# Control characters (an ESC, a C1 code, a bidirectional override) stop pdflatex ("Unicode
# character ^^[") and mean nothing in print: each becomes a space. Tabs and line breaks are white
# space to TeX and stay. isprintable() tells in C that a text has none, as most have none.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _escape(text: str, ascii_only: bool, specials: dict[str, str]) -> str:
    if not text.isprintable():
        text = _CONTROL.sub(" ", text)
    if (not ascii_only or text.isascii()) and not _has_special(text):
        return text  # the usual case

    def replace(match: re.Match[str]) -> str:
        char = match.group()
        if char in specials:
            return specials[char]
        if char in SYMBOLS:
            return SYMBOLS[char]
        return _accented(char) or char

    return (_NEEDS_ESCAPE_ASCII if ascii_only else _NEEDS_ESCAPE).sub(replace, text)


# Words for case protection: split at spaces and hyphens only, so "Q&A" and "WxC:" stay whole
# while "Calibration-Free" is two ordinary words.
_SEPARATORS = re.compile(r"([\s-]+)")


def _needs_case_protection(word: str) -> bool:
    """An acronym or a word with inner capitals (LLMs, mSAM, LinkedIn, 360Brew, Q&A) keeps its case."""
    rest = word[1:]
    return rest != rest.lower()


_INNER_CAPITAL_ASCII = re.compile(r"\S[A-Z]")


def _has_inner_capital(text: str) -> bool:
    """Whether a word between spaces has a capital after its first letter: if none has, none of
    their hyphenated parts has either, and no part of the title needs case protection."""
    if text.isascii():
        return _INNER_CAPITAL_ASCII.search(text) is not None
    return any(_needs_case_protection(word) for word in text.split())


def escape_title(text: str, ascii_only: bool = True) -> str:
    """Like ``escape``, with words whose case matters wrapped in braces so styles keep it.

    A title in capitals throughout (as patent offices write them) is protected as a whole.
    """
    specials = _specials_for(text)
    if text != text.upper() and not _has_inner_capital(text):
        return _escape(text, ascii_only, specials)  # the common case: one pass over the whole title
    parts = _SEPARATORS.split(text)  # words at even indexes, separators at odd ones
    words = [part for part in parts[::2] if part]
    if len(words) > 1 and text == text.upper():
        return f"{{{_escape(text, ascii_only, specials)}}}"
    if not any(_needs_case_protection(word) for word in words):
        return _escape(text, ascii_only, specials)  # the common case: one pass over the whole title
    out = []
    for index, part in enumerate(parts):
        escaped = _escape(part, ascii_only, specials)
        out.append(f"{{{escaped}}}" if index % 2 == 0 and part and _needs_case_protection(part) else escaped)
    return "".join(out)


# --- decoding: LaTeX source from real .bib files back to plain Unicode text ----------------------

_COMBINING = {command: mark for mark, command in ACCENTS.items()}
_LETTERS = {
    "l": "ł", "L": "Ł", "o": "ø", "O": "Ø", "ss": "ß", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ",
    "aa": "å", "AA": "Å", "i": "ı", "j": "ȷ", "dj": "đ", "DJ": "Đ",
}  # fmt: skip
_WORDS = {
    "textendash": "–", "textemdash": "—", "textquoteleft": "‘", "textquoteright": "’",
    "textquotedblleft": "“", "textquotedblright": "”", "ldots": "…", "dots": "…", "textellipsis": "…",
    "textbackslash": "\\", "textasciitilde": "\x02", "textasciicircum": "^", "textbraceleft": "\x00",
    "textbraceright": "\x01", "textless": "<", "textgreater": ">", "textbar": "|", "textunderscore": "_",
    "textdegree": "°", "texteuro": "€", "texttimes": "×", "textregistered": "®", "texttrademark": "™",
    "copyright": "©", "S": "§", "P": "¶", "dag": "†", "ddag": "‡", "pounds": "£",
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε", "zeta": "ζ",
    "eta": "η", "theta": "θ", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π",
    "rho": "ρ", "sigma": "σ", "tau": "τ", "phi": "φ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
    "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Pi": "Π", "Sigma": "Σ", "Phi": "Φ",
    "Psi": "Ψ", "Omega": "Ω", "sim": "∼", "approx": "≈", "times": "×", "cdot": "·", "pm": "±",
    "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥", "neq": "≠", "ne": "≠", "infty": "∞", "to": "→",
    "rightarrow": "→", "leftarrow": "←", "in": "∈", "ell": "ℓ", "partial": "∂", "nabla": "∇",
    "quad": " ", "qquad": " ", "ensuremath": "", "relax": "", "noopsort": "", "&": "&", "%": "%",
    "$": "\x03", "#": "#", "_": "_", "{": "\x00", "}": "\x01", " ": " ", ",": " ", ";": " ", "-": "",
    "/": "", "@": "", "\\": " ", "~": "\x02",
}  # fmt: skip
# Commands whose argument is the text itself: \emph{x} -> x.
_WRAPPERS = (
    "emph", "textit", "textbf", "textsc", "texttt", "textrm", "textsf", "textsl", "textup", "textnormal",
    "mathrm", "mathit", "mathbf", "mathsf", "mathtt", "mathcal", "text", "mbox", "hbox", "url",
    "uppercase", "lowercase", "MakeUppercase", "MakeLowercase",
)  # fmt: skip
_ACCENT = re.compile(r"\\([\'`^\"~=.])\s*(?:\{\s*(\\?[A-Za-z])\s*\}|(\\?[A-Za-z]))")
_LETTER_ACCENT = re.compile(r"\\([cvuHkdrbt])(?:\s*\{\s*(\\?[A-Za-z])\s*\}|\s+(\\?[A-Za-z]))")
_WRAPPER = re.compile(r"\\(?:" + "|".join(_WRAPPERS) + r")\s*\{([^{}]*)\}")
_COMMAND = re.compile(r"\\([A-Za-z]+)(?:\{\}|\s+(?=[A-Za-z])|(?![A-Za-z]))|\\([^A-Za-z\s])")
_HELD = "\x00\x01\x02\x03"  # stand-ins for what commands produce; text holding them is left alone
_NEEDS_DECODING = re.compile(r"[\\{}~$]|--|``|''")


def _accent(match: re.Match[str]) -> str:
    base = match.group(2) or match.group(3)
    base = {"\\i": "i", "\\j": "j"}.get(base, base)
    return unicodedata.normalize("NFC", base + _COMBINING[match.group(1)])


def _command(match: re.Match[str]) -> str:
    name = match.group(1) or match.group(2)
    if name in _LETTERS:
        return _LETTERS[name]
    if name in _WORDS:
        return _WORDS[name]
    return match.group(0)  # unknown: kept as written rather than lost


def decode(text: str) -> str:
    """Plain Unicode text from BibTeX/LaTeX field source: ``J{\\'e}gou`` -> ``Jégou``, ``\\&`` -> ``&``.

    Accents, special letters, escapes, common symbols and text-formatting commands are decoded;
    braces (case protection) and ``$`` (math) are dropped; an unknown command is kept as written.
    """
    if not _NEEDS_DECODING.search(text) or any(c in text for c in _HELD):
        return text
    text = _ACCENT.sub(_accent, text)
    text = _LETTER_ACCENT.sub(_accent, text)
    for _ in range(3):  # nested wrappers: \textbf{\emph{x}}
        text, count = _WRAPPER.subn(r"\1", text)
        if not count:
            break
    text = _COMMAND.sub(_command, text)
    text = text.replace("---", "—").replace("--", "–").replace("``", "“").replace("''", "”")
    text = re.sub(r"(?<!\\)~", " ", text)
    text = re.sub(r"(?<!\\)\$", "", text).replace("{", "").replace("}", "")
    # Characters that commands produced were held aside from the steps above that strip syntax.
    text = text.replace("\x00", "{").replace("\x01", "}").replace("\x02", "~").replace("\x03", "$")
    return re.sub(r"\s+", " ", text).strip()
