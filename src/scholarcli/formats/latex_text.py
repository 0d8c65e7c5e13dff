"""Plain Unicode text to LaTeX text-mode source, for BibTeX, BibLaTeX and the LaTeX CV."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from scholarcli.formats.code_points import LATEX
from scholarcli.model.bibtex_value import braces_balance
from scholarcli.model.markup import LETTERS, has_latex, is_marked, plain, tokens
from scholarcli.model.markup import SYMBOLS as LATEX_SYMBOLS

# The letters LaTeX's UTF-8 input (pdflatex's default since 2018) typesets as they are, in both the
# OT1 and the T1 font encoding: those of Latin-1, Latin Extended-A and some of Latin Extended-B and
# Additional, read off pdflatex (TeX Live 2022; tests/test_bibtex_letters.py checks them). The
# BibTeX export writes them as they are, not as commands: bibtex changes the case of an accent
# command's letter ({\'S} becomes {\'s} in a sentence-case title) but never of bytes it cannot read,
# as it treats them in the user's own UTF-8 files.
PDFLATEX_LETTERS = frozenset(
    "µÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝßàáâãäåæçèéêëìíîïñòóôõöøùúûüýÿĀāĂăĆćĈĉĊċČčĎďĒēĔĕĖėĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭİıĲĳĴĵĶķĹĺĻļĽľŁłŃńŅņŇňŌōŎŏŐőŒœŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŴŵŶŷŸŹźŻżŽžƒǄǅǆǇǈǉǊǋǌǍǎǏǐǑǒǓǔǢǣǦǧǨǩǰǴǵȘșȚțȲȳȷḂḃḍḞḟḠḡḥḰḱḷṃṅṇṛṣṭẎẏẐẑẞỲỳ"
)

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
    "–": "--",
    "—": "---",
    # quotation marks as commands: TeX's ` and ' (and `` and '') in a record are its own quotes, kept
    # as written (record markup), so a curly mark typed as such is written as the character it is
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

# Greek letters become math only standing alone (an α-helix); a Greek word (Καρυωτάκης) is text,
# and a math letter inside it would be read by neither pandoc nor a reader.
_GREEK_MATH = frozenset(char for char, command in SYMBOLS.items() if command.startswith(r"\ensuremath"))
_GREEK = re.compile("[\u0370-\u03ff\u1f00-\u1fff]")


def _in_greek_word(text: str, index: int) -> bool:
    return any(0 <= at < len(text) and _GREEK.match(text[at]) for at in (index - 1, index + 1))


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
def _accented(letter: str) -> str | None:
    """``é`` as ``{\\'e}``, ``č`` as ``{\\v c}``, ``ẹ́`` (two accents) as ``{\\'{\\d e}}``; None when it is
    not an ASCII letter with accents LaTeX draws."""
    parts = unicodedata.normalize("NFD", letter)
    if len(parts) < 2 or not parts[0].isascii() or any(mark not in ACCENTS for mark in parts[1:]):
        return None
    command = ACCENTS[parts[1]]
    drawn = f"\\{command}{' ' if command.isalpha() else ''}{parts[0]}"
    for mark in parts[2:]:  # NFD puts the accent nearest the letter first
        drawn = f"\\{ACCENTS[mark]}{{{drawn}}}"
    return f"{{{drawn}}}"


def _brace_escapes(text: str) -> dict[str, str]:
    """``\\{`` and ``\\}`` where the braces nest; BibTeX counts even escaped braces to find where a
    field ends, so braces that do not nest become ``\\textbraceleft{}`` (which pandoc cannot read)."""
    if braces_balance(text):
        return {"{": r"\{", "}": r"\}"}
    return {"{": r"\textbraceleft{}", "}": r"\textbraceright{}"}


def escape(text: str, ascii_only: bool = True, kept: frozenset[str] = frozenset()) -> str:
    """LaTeX source that typesets ``text`` literally.

    With ``ascii_only`` (BibTeX, pdflatex) accented letters and common symbols become commands,
    apart from the characters ``kept`` (PDFLATEX_LETTERS); otherwise (biber, which reads UTF-8)
    they stay as they are and only LaTeX's specials change.
    """
    return _escape(text, ascii_only, _specials_for(text), kept)


def _specials_for(text: str) -> dict[str, str]:
    return {**SPECIALS, **_brace_escapes(text)} if "{" in text or "}" in text else SPECIALS


# What needs replacing: LaTeX's specials, and (for 8-bit BibTeX and pdflatex) anything not ASCII.
_NEEDS_ESCAPE = re.compile(r"[\\{}&%$#_~^<>|]")
# (a letter with its combining accents is one match: "ẹ" and U+0301 make "ẹ́")
_NEEDS_ESCAPE_ASCII = re.compile(r"[\\{}&%$#_~^<>|]|[\u0080-\U0010ffff][\u0300-\u036f]*|[A-Za-z][\u0300-\u036f]+")


def _has_special(text: str) -> bool:
    """Whether ``text`` holds one of LaTeX's specials (SPECIALS, and braces).

    Written out: thirteen substring tests are several times faster than a regular expression or a
    loop, and most text has none, so this decides the cost of an export.
    """
    return (
        "\\" in text or "{" in text or "}" in text or "&" in text or "%" in text or "$" in text or "#" in text
        or "_" in text or "~" in text or "^" in text or "<" in text or ">" in text or "|" in text
    )  # fmt: skip


# What pdflatex cannot typeset (code_points.LATEX: controls, U+2028, noncharacters; the exports warn
# about those in records before they get here), and line breaks, white space to TeX but the end of a
# paragraph where two meet (\emph{a<LF><LF>b} stops pdflatex): each becomes a space. isprintable()
# tells in C that a text has none, as most have none.
_UNTYPESET = re.compile(f"{LATEX.unfit.pattern}|[\n\r\x0c]")


def _escape(text: str, ascii_only: bool, specials: dict[str, str], kept: frozenset[str] = frozenset()) -> str:
    if not text.isprintable():
        text = _UNTYPESET.sub(" ", text)
    if (not ascii_only or text.isascii()) and not _has_special(text):
        return text  # the usual case

    def replace(match: re.Match[str]) -> str:
        char = match.group()
        if char in specials:
            return specials[char]
        if char in kept:
            return char
        if char in SYMBOLS and not (char in _GREEK_MATH and _in_greek_word(match.string, match.start())):
            return SYMBOLS[char]
        return _accented(char) or char

    return (_NEEDS_ESCAPE_ASCII if ascii_only else _NEEDS_ESCAPE).sub(replace, text)


# Words for case protection: split at spaces and dashes only, so "Q&A", "GB/T" and "WxC:" stay whole
# while "Calibration-Free" is two ordinary words.
_SEPARATORS = re.compile(r"([\s\-–—]+)")


def _needs_case_protection(word: str) -> bool:
    """An acronym or a word with inner capitals (LLMs, mSAM, LinkedIn, 360Brew, Q&A) keeps its case.

    An opening bracket starts a word of its own: in ``1000(Bk`` only ``Bk`` counts, a capitalised
    word that styles lowercase in the source as well; quotes around a word are no part of it
    (```Small-World''`` is a capitalised word, not one with an inner capital).
    """
    for part in _OPENING.split(word.strip("()[]\"'`.,:;!?“”‘’")):
        rest = part.lstrip("\"'`“‘")[1:]
        if rest != rest.lower():
            return True
    return False


_OPENING = re.compile(r"[(\[]")


_INNER_CAPITAL_ASCII = re.compile(r"\S[A-Z]")


def _has_inner_capital(text: str) -> bool:
    """Whether a word between spaces has a capital after its first letter: if none has, none of
    their hyphenated parts has either, and no part of the title needs case protection."""
    if text.isascii():
        return _INNER_CAPITAL_ASCII.search(text) is not None
    return any(_needs_case_protection(word) for word in text.split())


def escape_title(text: str, ascii_only: bool = True, kept: frozenset[str] = frozenset()) -> str:
    """A record's title as LaTeX: its markup as written (see model/markup.py); a title that
    protects nothing itself gets the words whose case matters wrapped in braces, so that styles keep it.

    A title in capitals throughout (as patent offices write them) is protected as a whole.
    """
    if is_marked(text):
        if has_latex(text) or any(token == "{" for token in tokens(text)):
            return escape_markup(text, ascii_only, kept)
        text = plain(text)  # escapes only (\{, \$): the literal text, protected as any other
    specials = _specials_for(text)
    if text != text.upper() and not _has_inner_capital(text):
        return _escape(text, ascii_only, specials, kept)  # the common case: one pass over the whole title
    parts = _SEPARATORS.split(text)  # words at even indexes, separators at odd ones
    words = [part for part in parts[::2] if part]
    if len(words) > 1 and text == text.upper():
        return f"{{{_escape(text, ascii_only, specials, kept)}}}"
    if not any(_needs_case_protection(word) for word in words):
        return _escape(text, ascii_only, specials, kept)  # the common case: one pass over the whole title
    out = []
    for index, part in enumerate(parts):
        escaped = _escape(part, ascii_only, specials, kept)
        out.append(f"{{{escaped}}}" if index % 2 == 0 and part and _needs_case_protection(part) else escaped)
    return "".join(out)


# --- markup to LaTeX: titles and names ---------------------------------------------------------

_MARKUP_OUT = {"\\{": "\\{", "\\}": "\\}", "\\$": "\\$", "\\\\": r"\textbackslash{}"}
# Literal braces that do not nest with the others ("\\}, x = \\{"): BibTeX counts even escaped braces
# to find where a field ends, so these are written as commands, as escape() writes them.
_MARKUP_OUT_UNNESTED = {**_MARKUP_OUT, "\\{": r"\textbraceleft{}", "\\}": r"\textbraceright{}"}
# In math, where text commands are errors, the same braces as math symbols.
_MATH_BRACES = {r"\textbraceleft{}": r"\lbrace{}", r"\textbraceright{}": r"\rbrace{}"}


def escape_markup(text: str, ascii_only: bool = True, kept: frozenset[str] = frozenset()) -> str:
    """A title or name in record markup (model/markup.py) as LaTeX: plain text escaped, braces,
    math and commands as written, the markup's escapes as LaTeX's."""
    if not is_marked(text):
        return escape(text, ascii_only, kept)
    written = _markup_to_latex(text, (ascii_only, kept), _MARKUP_OUT)
    if braces_balance(written):
        return written
    return _markup_to_latex(text, (ascii_only, kept), _MARKUP_OUT_UNNESTED)


def _markup_to_latex(text: str, charset: tuple[bool, frozenset[str]], escapes: dict[str, str]) -> str:
    ascii_only, kept = charset
    out, math = [], False
    listed = list(tokens(text))
    for index, token in enumerate(listed):
        following = listed[index + 1] if index + 1 < len(listed) else ""
        if token[-1] in "^_" and following == "{" and token[0] not in "\\{}$" and not math:
            out.append(_escape(token[:-1], ascii_only, SPECIALS, kept) + token[-1])  # x^{2}: LaTeX's superscript
        elif token in escapes:
            out.append(_MATH_BRACES.get(escapes[token], escapes[token]) if math else escapes[token])
        elif token == "$":
            math = not math
            out.append(token)
        elif token in ("{", "}") or token[0] == "\\" or math:
            out.append(token)
        else:
            out.append(_escape(token, ascii_only, SPECIALS, kept))
    return "".join(out)


# --- decoding: LaTeX source from real .bib files back to Unicode text and record markup ----------

# Decoded only: \\b (a bar below) and \\t (a tie, drawn from its letter over the next one) are
# never written, since pdflatex cannot put them over every letter the export meets.
_COMBINING = {command: mark for mark, command in ACCENTS.items()} | {"b": "\u0331", "t": "\u0361"}
# What an accent goes over: a letter, or the dotless \\i or \\j (not \\ij, and never the first letter of
# another command: \\=\\textbraceleft is a macron over a brace, kept as written).
_BASE = r"(?:\\[ij](?![A-Za-z])|[A-Za-z])"
_ACCENT_BASE = r"(?:\{\s*(" + _BASE + r")\s*\}|(" + _BASE + r")(?![\u0300-\u036f]))"
# An accent over a letter accented already ({\\'{\\d e}} once its \d e is ẹ): read in a second round,
# braced first, so that the braces of the whole go with it.
_ACCENTED_BASE = r"(?:\{\s*([^\W\d_][\u0300-\u036f]*)\s*\}|([^\W\d_][\u0300-\u036f]*))"
_BRACED_ACCENT = re.compile(r"\{\s*\\([\'`^\"~=.])\s*" + _ACCENT_BASE + r"\s*\}")
_BRACED_ACCENT_AGAIN = re.compile(r"\{\s*\\([\'`^\"~=.])\s*" + _ACCENTED_BASE + r"\s*\}")
_ACCENT_AGAIN = re.compile(r"\\([\'`^\"~=.])\s*" + _ACCENTED_BASE)
_BRACED_LETTER_ACCENT = re.compile(r"\{\s*\\([cvuHkdrbt])(?:\s*\{\s*(" + _BASE + r")\s*\}|\s+(" + _BASE + r"))\s*\}")
_ACCENT = re.compile(r"\\([\'`^\"~=.])\s*" + _ACCENT_BASE)
_LETTER_ACCENT = re.compile(r"\\([cvuHkdrbt])(?:\s*\{\s*(" + _BASE + r")\s*\}|\s+(" + _BASE + r"))")
_BRACED_LETTER = re.compile(r"\{\s*\\(" + "|".join(sorted(LETTERS, key=len, reverse=True)) + r")\s*\}")
# A command that stands for a character, with what ends it: {} or white space before a letter.
_COMMAND = re.compile(r"\\([A-Za-z]+)(?:\{\}|\s+(?=[^\s\\{}$])|(?![A-Za-z]))|\\([&%#_/@-])")
_WORDS = {**LETTERS, **LATEX_SYMBOLS, "textbackslash": "\\\\", "textasciitilde": "~", "textbraceleft": "\\{",
          "textbraceright": "\\}", "textdollar": "\\$", "&": "&", "%": "%", "#": "#", "_": "_", " ": " ",
          ",": " ", ";": " ", "/": "", "@": "", "-": ""}  # fmt: skip
# Math, kept as written: $...$, $$...$$ and \(...\).
_MATH = re.compile(r"\$\$.*?\$\$|(?<!\\)\$.*?(?<!\\)\$|\\\(.*?\\\)", re.DOTALL)
_NEEDS_DECODING = re.compile(r"[\\{}~$]|--|``|''")


def _accent(match: re.Match[str]) -> str:
    base = match.group(2) or match.group(3)
    # \'{\i}: the dotless i under an accent is the plain letter's place for it (í), whether the
    # braces made it ı first or not
    base = {"\\i": "i", "\\j": "j", "ı": "i", "ȷ": "j"}.get(base, base)
    return unicodedata.normalize("NFC", base + _COMBINING[match.group(1)])


def _command(match: re.Match[str]) -> str:
    name = match.group(1) or match.group(2)
    return _WORDS.get(name, match.group(0))  # unknown: kept as written


# TeX's \char: a character by its code, written `x, `\x, 92 or "5C (TUGboat's {\tt\char`\\let}).
_CHAR = re.compile(r"\\char\s*(?:`\\?(.)|(\d{1,7}) ?|\"([0-9A-Fa-f]{1,6}) ?)", re.DOTALL)
_MARKUP_ESCAPE = {"\\": "\\\\", "{": "\\{", "}": "\\}", "$": "\\$"}


def _char(match: re.Match[str]) -> str:
    quoted, decimal, hexadecimal = match.groups()
    code = ord(quoted) if quoted else int(decimal) if decimal else int(hexadecimal, 16)
    if not 0x20 <= code < 0x110000 or 0x7F <= code < 0xA0 or 0xD800 <= code < 0xE000:
        return match.group()  # not a printable character: kept as written
    return _MARKUP_ESCAPE.get(chr(code), chr(code))


# \ensuremath{} around symbols only, once decoded (\ensuremath{\pi} is π): the symbols, as Unicode
# holds them; around anything else (\ensuremath{x}, math italic) it stays as written.
_ENSURED = re.compile(r"\\ensuremath\{([^\x00-\x7f]+)\}")


def _decode_text(text: str) -> str:
    """Text outside math: accents, special letters, symbols and ligatures to Unicode."""
    if "\\" in text:
        text = _BRACED_ACCENT.sub(_accent, text)
        text = _BRACED_LETTER_ACCENT.sub(_accent, text)
        text = _ACCENT.sub(_accent, text)
        text = _LETTER_ACCENT.sub(_accent, text)
        # after the accents, which take the dotless {\i} as a letter (\v{\i} is ǐ, not \vı)
        text = _BRACED_LETTER.sub(lambda found: LETTERS[found.group(1)], text)
        if "\\" in text:  # an accent over an accented letter ({\\'{\\d e}}): the second round
            text = _ACCENT_AGAIN.sub(_accent, _BRACED_ACCENT_AGAIN.sub(_accent, text))
    # Ligatures and ties before commands: a character a command stands for (\textasciitilde{},
    # \char`\-) is that character, never part of a ligature or a tie.
    text = text.replace("---", "—").replace("--", "–")  # TeX's quotes stay: they are record markup
    text = re.sub(r"(?<!\\)~", "\u00a0", text)
    if "\\" in text:
        if "\\char" in text:
            text = _CHAR.sub(_char, text)
        text = _COMMAND.sub(_command, text)
        if "\\ensuremath{" in text:  # what escape() writes for a Greek letter or symbol outside a word
            text = _ENSURED.sub(lambda found: found.group(1), text)
    return text


# BibTeX collapses ASCII white space only: a thin or no-break space in a value is a character.
_ASCII_SPACE = re.compile(r"[ \t\n\r\f\v]+")


def collapse_space(text: str) -> str:
    """White space as BibTeX reads it: each run of ASCII white space one space, none at the ends."""
    return _ASCII_SPACE.sub(" ", text).strip(" ")


def decode_markup(text: str) -> str:
    """Record markup (model/markup.py) from BibTeX field source, for titles and names:
    ``{B}ayesian J{\\'e}gou --- $L_1$ \\emph{x}`` -> ``{B}ayesian Jégou — $L_1$ \\emph{x}``.

    What Unicode holds becomes Unicode; braces, math, TeX's quotes and other commands stay as
    written; white space collapses as BibTeX collapses it.
    """
    text = collapse_space(text)
    if not _NEEDS_DECODING.search(text):
        return text
    if "$" not in text and "\\(" not in text:
        return _decode_text(text)
    out, start = [], 0
    for found in _MATH.finditer(text):
        out.append(_decode_text(text[start : found.start()]))
        out.append(found.group())
        start = found.end()
    out.append(_decode_text(text[start:]))
    return "".join(out)


def decode(text: str) -> str:
    """Plain Unicode text from BibTeX/LaTeX field source: ``J{\\'e}gou`` -> ``Jégou``, ``\\&`` -> ``&``.

    Accents, special letters, escapes, common symbols and TeX's double quotes (``x'' -> “x”) are
    decoded; braces and ``$`` are dropped, formatting commands too; another command is kept as its name.
    """
    decoded = plain(decode_markup(text))
    return decoded.replace("``", "“").replace("''", "”") if "''" in decoded or "``" in decoded else decoded


def is_lossless(text: str) -> bool:
    """Whether ``decode`` keeps all that ``text`` says: no command or math that plain text loses."""
    return not has_latex(decode_markup(text))
