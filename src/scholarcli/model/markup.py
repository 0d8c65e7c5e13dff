"""Titles and names in a record: Unicode text with the little LaTeX that Unicode cannot hold.

In a record's ``title`` and in each of its ``authors``:

- ``{...}`` keeps its case, as BibTeX's braces do (``{F}ourier series``); a name that is one brace
  group is a literal name (``{American Psychological Association}``);
- ``$...$`` is math and ``\\command`` a LaTeX command (``\\emph{x}``, ``{\\sc Strips}``, ``\\TeX``),
  both exported to BibTeX and BibLaTeX as written;
- ``\\{``, ``\\}``, ``\\$`` and ``\\\\`` are a literal brace, dollar sign and backslash;
- TeX's quotes, ````x''`` and ```x'``, are quotes: exported as written, shown as ``“x”`` and ``‘x’``.

Everything else is plain text (``&``, ``%``, ``#``, ``_``, ``~`` included). Displays show the
readable text (``plain``): braces dropped, formatting commands dropped, symbols as Unicode, and of a
title (``title_text``) the quotes a reader expects (“ ” ‘ ’).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# The escapes of the markup: the literal character each stands for.
ESCAPES = {"\\{": "{", "\\}": "}", "\\$": "$", "\\\\": "\\"}
# A token: an escape, a command with the white space that ends it, a control symbol, a markup
# character, or a run of plain text.
TOKEN = re.compile(r"\\[{}$\\]|\\[A-Za-z]+\*?[ \t\n]*|\\.|\\$|[{}$]|[^{}$\\]+", re.DOTALL)

# LaTeX symbols and letters as Unicode: what import decodes, and what displays show of math.
LETTERS = {
    "l": "ł", "L": "Ł", "o": "ø", "O": "Ø", "ss": "ß", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ",
    "aa": "å", "AA": "Å", "i": "ı", "j": "ȷ", "dj": "đ", "DJ": "Đ",
}  # fmt: skip
SYMBOLS = {
    "textendash": "–", "textemdash": "—", "textquoteleft": "‘", "textquoteright": "’",
    "textquotedblleft": "“", "textquotedblright": "”", "ldots": "…", "dots": "…", "textellipsis": "…",
    "textasciicircum": "^", "textless": "<", "textgreater": ">", "textbar": "|", "textunderscore": "_",
    "textdegree": "°", "texteuro": "€", "texttimes": "×", "textregistered": "®", "texttrademark": "™",
    "copyright": "©", "S": "§", "P": "¶", "dag": "†", "ddag": "‡", "pounds": "£",
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε", "zeta": "ζ",
    "eta": "η", "theta": "θ", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π",
    "rho": "ρ", "sigma": "σ", "tau": "τ", "phi": "φ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
    "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Pi": "Π", "Sigma": "Σ", "Phi": "Φ",
    "Psi": "Ψ", "Omega": "Ω", "sim": "∼", "approx": "≈", "times": "×", "cdot": "·", "pm": "±",
    "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥", "neq": "≠", "ne": "≠", "infty": "∞", "to": "→",
    "rightarrow": "→", "leftarrow": "←", "in": "∈", "ell": "ℓ", "partial": "∂", "nabla": "∇",
    "quad": " ", "qquad": " ",
}  # fmt: skip
# Commands that only format their text: a display shows the text without them.
FORMATTING = frozenset(
    (
        "emph", "em", "textit", "it", "itshape", "textbf", "bf", "bfseries", "textsc", "sc", "scshape", "texttt",
        "tt", "ttfamily", "textrm", "rm", "textsf", "sf", "textsl", "sl", "textup", "textnormal", "mathrm",
        "mathit", "mathbf", "mathsf", "mathtt", "mathcal", "mathbb", "text", "mbox", "hbox", "uppercase",
        "lowercase", "MakeUppercase", "MakeLowercase", "mkbibemph", "mkbibquote", "enquote", "mkbibitalic",
        "mkbibbold", "relax", "noopsort", "ensuremath", "protect", "url", "nolinkurl", "textsuperscript",
        "textsubscript",
    )
)  # fmt: skip


def is_marked(text: str) -> bool:
    """Whether ``text`` holds any markup; most titles and names hold none, and are plain as they are."""
    return "{" in text or "}" in text or "\\" in text or "$" in text


def tokens(text: str) -> Iterator[str]:
    return (match.group() for match in TOKEN.finditer(text))


def problem(text: str) -> str | None:
    """Why ``text`` is no well-formed markup (braces that do not pair, math left open), or None."""
    if not is_marked(text):
        return None
    depth, math = 0, False
    for token in tokens(text):
        if token == "{":
            depth += 1
        elif token == "}":
            depth -= 1
            if depth < 0:
                return "has a } without its { (a literal brace is written \\})"
        elif token == "$":
            math = not math
        elif token == "\\":
            return "ends in a lone backslash (a literal backslash is written \\\\)"
    if depth:
        return "has a { without its } (a literal brace is written \\{)"
    if math:
        return "has a $ that opens math and none that closes it (a literal dollar sign is written \\$)"
    return None


def _readable(token: str) -> str:
    """What a display shows of one command or control symbol."""
    name = token[1:].rstrip()
    if name in LETTERS:
        return LETTERS[name]
    if name in SYMBOLS:
        return SYMBOLS[name]
    if name in FORMATTING:
        return ""
    if name.rstrip("*").isalpha():
        return name  # \TeX -> TeX: the name is the best reading of an unknown command
    if name in ("(", ")", "[", "]", "/", "-", "@"):
        return ""
    return " " if not name or name in " ,;:!" else name


def plain(text: str, quotes: bool = False) -> str:
    """The readable text of a title or name: ``{F}ourier $L_1$ \\emph{x}`` -> ``Fourier L_1 x``;
    with ``quotes``, TeX's quotes outside math as the quotes TeX prints (``typographic``)."""
    if not is_marked(text):
        return typographic(text) if quotes else text
    out, math = [], False
    for token in tokens(text):
        if token in ESCAPES:
            out.append(ESCAPES[token])
        elif token == "$":
            math = not math
        elif token in ("{", "}"):
            continue
        elif token[0] == "\\":
            out.append(_readable(token))
        else:
            out.append(typographic(token) if quotes and not math else token)
    return "".join(out)


def title_text(title: str) -> str:
    """What a reader of plain text sees of a title: its readable text with typographic quotes."""
    return plain(title, quotes=True)


# TeX's quotes, as TeX prints them (``x'' and `x' are “x” and ‘x’): double ones, a single pair `x',
# and a lone opening `. A lone ' is left as it is: in text from any other source than TeX (CSL-JSON,
# RIS, a service) it is an apostrophe or a quote as typed.
_TEX_QUOTE = re.compile("``|''|`([^`']*)'|`")
_TYPOGRAPHIC = {"``": "\u201c", "''": "\u201d", "`": "\u2018"}


def typographic(text: str) -> str:
    """Plain text with TeX's quotes as the quotes TeX prints: ```Small-World''`` -> ``“Small-World”``."""
    if "'" not in text and "`" not in text:
        return text
    return _TEX_QUOTE.sub(_typographic_quote, text)


def _typographic_quote(found: re.Match[str]) -> str:
    quoted = found.group(1)
    return f"\u2018{quoted}\u2019" if quoted is not None else _TYPOGRAPHIC[found.group()]


def literal(text: str) -> str:
    """Plain text as markup: the markup characters escaped (``a{b}`` -> ``a\\{b\\}``)."""
    if not is_marked(text):
        return text
    return text.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$")


def has_latex(text: str) -> bool:
    """Whether ``text`` holds a command or math, which plain text would lose."""
    if "\\" not in text and "$" not in text:
        return False
    return any(token == "$" or (token[0] == "\\" and token not in ESCAPES) for token in tokens(text))


def is_one_group(text: str) -> bool:
    """Whether the whole text is one brace group: ``{American Psychological Association}``."""
    if not text.startswith("{"):
        return False
    depth, position = 0, 0
    for token in tokens(text):
        position += len(token)
        depth += {"{": 1, "}": -1}.get(token, 0)
        if depth == 0:
            return position == len(text)
    return False
