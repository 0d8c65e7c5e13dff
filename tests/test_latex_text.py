"""LaTeX escaping, where the fast paths for plain text must not skip anything that needs care."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scholarcli.formats.code_points import LATEX
from scholarcli.formats.latex_text import (
    SPECIALS,
    collapse_space,
    decode,
    decode_markup,
    escape,
    escape_markup,
    escape_title,
    is_lossless,
)
from scholarcli.model.markup import literal, plain


@pytest.mark.parametrize("char", [*SPECIALS, "{", "}"])
@pytest.mark.parametrize("ascii_only", [True, False])
def test_every_special_character_is_escaped_even_in_otherwise_plain_text(char: str, ascii_only: bool) -> None:
    plain = "a long and ordinary abstract " * 20
    escaped = escape(f"{plain}{char}{plain}", ascii_only)
    assert escaped != f"{plain}{char}{plain}"
    assert escaped.startswith(plain) and escaped.endswith(plain)


def test_plain_text_is_returned_as_it_is() -> None:
    assert escape("Robust network learning 42") == "Robust network learning 42"
    assert escape("Hervé Jégou", ascii_only=False) == "Hervé Jégou"
    assert escape("Hervé Jégou") == "Herv{\\'e} J{\\'e}gou"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Attention is all you need", "Attention is all you need"),
        ("Calibration-Free LLMs for Q&A", "Calibration-Free {LLMs} for {Q\\&A}"),
        ("Robust-GAN training", "Robust-{GAN} training"),
        ("Training mSAM at scale", "Training {mSAM} at scale"),
        ("Über McÉwan", "{\\\"U}ber {Mc{\\'E}wan}"),
        ("A METHOD FOR LOOMS", "{A METHOD FOR LOOMS}"),
        ("BERT", "{BERT}"),
    ],
)
def test_titles_protect_exactly_the_words_whose_case_matters(title: str, expected: str) -> None:
    assert escape_title(title) == expected


def test_a_greek_word_stays_greek_and_a_lone_greek_letter_becomes_math() -> None:
    assert escape("Καρυωτάκης, Κώστας") == "Καρυωτάκης, Κώστας"
    assert escape("α-synuclein and β") == r"\ensuremath{\alpha}-synuclein and \ensuremath{\beta}"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("- B 1000(Bk - 0.63)^2 where Bk is", r"- B 1000(Bk - 0.63)\textasciicircum{}2 where Bk is"),
        ("Using (LinkedIn) data", "Using {(LinkedIn)} data"),
    ],
)
def test_an_opening_bracket_starts_a_word_for_case_protection(title: str, expected: str) -> None:
    assert escape_title(title) == expected


def test_white_space_collapses_as_bibtex_collapses_it_and_a_thin_space_is_a_character() -> None:
    assert decode_markup("Hidden\n                  in\tplain  sight:\u2009enhanced\u00a0x ") == (
        "Hidden in plain sight:\u2009enhanced\u00a0x"
    )


@pytest.mark.parametrize(
    ("source", "markup", "shown"),
    [
        (r"just {\tt\char`\\let} it", r"just {\tt\\let} it", r"just \let it"),
        (r"a\char92 b", r"a\\b", r"a\b"),
        (r"x\char`\{y", r"x\{y", "x{y"),
        (r'\char"41 B', "AB", "AB"),
    ],
)
def test_tex_char_becomes_the_character_it_stands_for(source: str, markup: str, shown: str) -> None:
    assert decode_markup(source) == markup
    assert decode(source) == shown
    assert r"\char" not in escape_markup(markup)


@pytest.mark.parametrize(
    ("text", "latex"),
    [
        ("Olúwásẹ́gun Adébáyọ̀", r"Ol{\'u}w{\'a}s{\'{\d e}}gun Ad{\'e}b{\'a}y{\`{\d o}}"),
        ("e\u0301te\u0301", r"{\'e}t{\'e}"),  # decomposed: an ASCII letter and its accent
    ],
)
def test_a_letter_with_two_accents_is_written_with_both_and_read_back(text: str, latex: str) -> None:
    assert escape(text) == latex
    assert decode_markup(latex) == unicodedata.normalize("NFC", text)


@pytest.mark.parametrize("name", ["O\\{Brien", "a \\} b", "\\}\\{", "\\emph{x} \\{", "{Acme \\{Labs}"])
def test_literal_braces_that_do_not_nest_cannot_end_a_bibtex_field(name: str) -> None:
    """BibTeX counts escaped braces too: a name or title whose literal braces do not pair gets
    commands without braces, and reads back as the same text."""
    from scholarcli.model.bibtex_value import braces_balance
    from scholarcli.model.markup import plain

    for ascii_only in (True, False):
        written = escape_markup(name, ascii_only)
        assert braces_balance(written), written
        assert plain(decode_markup(written)) == plain(name)
    assert escape_markup("a \\{b\\} c") == "a \\{b\\} c"  # literal braces that pair stay as they are


# Text LaTeX typesets as it reads: no character LaTeX cannot carry (code_points.LATEX maps those to
# spaces, with a warning), no TeX ligature (a record's "--" and "``" are TeX's, as in .bib files), white
# space as BibTeX collapses it, composed as decoding composes it.
_TEXT = st.text().map(
    lambda text: unicodedata.normalize(
        "NFC", collapse_space(re.sub(r"--+|``+|''+", "-", LATEX.unfit.sub(" ", re.sub(r"[\n\r\f]", " ", text))))
    )
)


@settings(max_examples=400)
@given(text=_TEXT, ascii_only=st.booleans())
def test_escaped_text_decodes_back_to_itself(text: str, ascii_only: bool) -> None:
    assert decode(escape(text, ascii_only)) == text
    assert decode_markup(escape_markup(literal(text), ascii_only)) == literal(text)
    # a title is protected where its case matters, and reads back as the same text
    assert plain(decode_markup(escape_title(literal(text), ascii_only))) == text


@pytest.mark.parametrize(
    ("source", "text"),
    [
        (r"\textasciitilde{}", "~"),
        (r"\char`\~", "~"),
        (r"\char126 x", "~x"),
        (r"\char`\-\char`\-", "--"),
        ("a~b--c", "a\u00a0b–c"),
    ],
)
def test_a_character_a_command_stands_for_is_never_a_tie_or_a_ligature(source: str, text: str) -> None:
    """``~`` typed is a tie (a no-break space) and ``--`` a dash, but not what a command stands for."""
    assert decode(source) == text


@pytest.mark.parametrize(
    ("source", "text"),
    [
        (r"\'{\i}", "í"),
        (r"Mart\'{\i}nez", "Martínez"),
        (r"{\'\i}", "í"),
        (r"\^{\j}", "ĵ"),
        (r"\v{\i}", "ǐ"),  # the dotless i braced under a letter accent
        (r"\H{\i}", "i̋"),
        (r"\b o", "o̱"),
        (r"\t oo", "o͡o"),  # the tie, drawn from its letter over the next
        (r"\'\ij", r"\'\ij"),  # over the letter ĳ, which has no accented form: kept as written
        (r"\=\textbraceleft{}", r"\=\{"),  # over a brace: the brace is decoded, the accent kept
        (r"\v\textbraceleft{}", r"\v\{"),
        (r"\char32 x", " x"),
        (r"\char31 x", r"\char31 x"),  # a control character: kept as written
        (r"\char127 x", r"\char127 x"),
        (r"\char159 x", r"\char159 x"),
        (r"\char160 x", "\u00a0x"),
        (r'\char"D7FF x', "\ud7ffx"),
        (r'\char"D800 x', r'\char"D800 x'),  # a surrogate
        (r'\char"DFFF x', r'\char"DFFF x'),
        (r'\char"E000 x', "\ue000x"),
        (r'\char"10FFFF x', "\U0010ffffx"),
        (r'\char"110000 x', r'\char"110000 x'),  # past Unicode
    ],
)
def test_a_dotless_letter_takes_its_accent_and_char_names_printable_characters_only(source: str, text: str) -> None:
    assert decode_markup(source) == text


@pytest.mark.parametrize(
    ("text", "latex"),
    [
        ("αβ", "αβ"),  # a Greek word, at the start and at the end of the text
        ("x αβ", "x αβ"),
        ("αβ x", "αβ x"),
        ("α x", "\\ensuremath{\\alpha} x"),
        ("x α", "x \\ensuremath{\\alpha}"),
    ],
)
def test_a_greek_letter_next_to_another_is_a_word_wherever_it_stands(text: str, latex: str) -> None:
    assert escape(text, ascii_only=True) == latex


def test_a_word_with_a_capital_after_its_first_letter_is_protected() -> None:
    assert escape_title("Selling on eBay today") == "Selling on {eBay} today"


# What .bib files hold around accents: every accent command, what may follow one, braces, math.
_LATEX_SOURCE = st.lists(
    st.sampled_from(
        [f"\\{accent}" for accent in "'`^\"~=.cvuHkdrbt"]
        + ["\\i", "\\j", "\\ij", "\\o", "\\ss", "\\textbraceleft", "o", "é", "\u0301", "{", "}", "{}", " ", "$"]
    )
).map("".join)


@settings(max_examples=2000)
@given(source=_LATEX_SOURCE)
def test_any_latex_source_decodes_without_failing(source: str) -> None:
    # an import reads every field through these: a source they cannot read stays as written, never
    # an internal error (\t o once was one: the tie had no combining mark)
    assert isinstance(decode_markup(source), str)
    assert isinstance(decode(source), str)


@pytest.mark.parametrize(
    ("markup", "ascii_latex", "utf8_latex"),
    [
        (r"x^{2} é", r"x^{2} {\'e}", r"x^{2} é"),  # a superscript stays one: the letter before it escaped
        (r"é^{2}", r"{\'e}^{2}", r"é^{2}"),
        (r"R&D_{2} x", r"R\&D_{2} x", r"R\&D_{2} x"),
        (r"a^ b", r"a\textasciicircum{} b", r"a\textasciicircum{} b"),  # no brace after: a caret
        (r"{x} 2^", r"{x} 2\textasciicircum{}", r"{x} 2\textasciicircum{}"),  # a caret at the end of markup
        (r"{x}^{2}", r"{x}^{2}", r"{x}^{2}"),  # after a group
        (r"X^{2}", r"X^{2}", r"X^{2}"),
        (r"x_{é}", r"x_{{\'e}}", r"x_{é}"),
        (r"$x^{é}$ é", r"$x^{é}$ {\'e}", r"$x^{é}$ é"),  # math as written, text escaped after it
        (r"$a$ b_{c} $d$ &", r"$a$ b_{c} $d$ \&", r"$a$ b_{c} $d$ \&"),
        (r"\emph{é}", r"\emph{{\'e}}", r"\emph{é}"),
        (r"Set \{a\} $\{b\}$", r"Set \{a\} $\{b\}$", r"Set \{a\} $\{b\}$"),
        # a brace that does not nest: a command in text, a math symbol in math
        (r"Open \} $\}$", r"Open \textbraceright{} $\rbrace{}$", r"Open \textbraceright{} $\rbrace{}$"),
    ],
)
def test_markup_becomes_latex_with_superscripts_math_and_braces_kept(
    markup: str, ascii_latex: str, utf8_latex: str
) -> None:
    assert escape_markup(markup) == ascii_latex  # ASCII is the default
    assert escape_markup(markup, ascii_only=False) == utf8_latex
    assert escape_markup(markup, True, frozenset("é")) == ascii_latex.replace(r"{\'e}", "é")


@pytest.mark.parametrize(
    ("title", "latex"),
    [
        ("DEEP LEARNING FOR GRAPHS", "{DEEP LEARNING FOR GRAPHS}"),  # capitals throughout: protected whole
        ("DEEP LEARNING", "{DEEP LEARNING}"),
        ("BERT", "{BERT}"),
        ("WinX is here", "{WinX} is here"),  # an inner capital at the end of a word
        ("XNet is here", "{XNet} is here"),  # and after a first capital
        ("A net(“Deep”) study", "A net(“Deep”) study"),  # quotes after a bracket are no part of the word
        ("...Deep learning", "...Deep learning"),  # nor is punctuation before it
        ("Café society", "Café society"),
        ("Calibration-Free café", "Calibration-Free café"),  # a capital after a dash starts a word
        ("Café LLMs", "Café {LLMs}"),
        ("ÉCOLE NORMALE", "{ÉCOLE NORMALE}"),
        (r"The \$100 LLMs", r"The \$100 {LLMs}"),  # markup's escapes only: protected as any title
        ("$x$ for LLMs", "$x$ for LLMs"),  # markup with math: as written
        ("{B}ayesian é", "{B}ayesian é"),  # markup with braces: as written
    ],
)
def test_titles_protect_the_words_whose_case_matters_in_every_charset(title: str, latex: str) -> None:
    assert escape_title(title, ascii_only=False) == latex
    in_ascii = latex.replace("“", r"\textquotedblleft{}").replace("”", r"\textquotedblright{}")
    assert escape_title(title, True, frozenset("éÉ")) == in_ascii  # the letters pdflatex reads kept
    assert escape_title(title) == in_ascii.replace("é", r"{\'e}").replace("É", r"{\'E}")


def test_escape_writes_what_needs_writing_and_only_that() -> None:
    assert escape("{a}") == r"\{a\}"  # braces that nest: escaped
    assert escape("a } b {") == r"a \textbraceright{} b \textbraceleft{}"
    assert escape("é & x", ascii_only=False) == r"é \& x"
    assert escape("a\nb\rc") == "a b c"  # a line break would end a paragraph
    assert escape_markup("é") == r"{\'e}" and escape_markup("é", False) == "é"
    assert escape_markup("é", True, frozenset("é")) == "é"


@pytest.mark.parametrize(
    ("source", "text", "markup"),
    [
        ("``Quoted'' text", "“Quoted” text", "``Quoted'' text"),  # TeX's quotes: record markup keeps them
        ("a ``b", "a “b", "a ``b"),
        ("b'' a", "b” a", "b'' a"),
        (r"$x$ and \'e", "x and é", r"$x$ and é"),
        (r"$x$, $y$ and \'e", "x, y and é", r"$x$, $y$ and é"),  # math kept in markup, text decoded around it
        (r"\(x\) \'e", "x é", r"\(x\) é"),
        (r"$\'e$ \'e", "'e é", r"$\'e$ é"),  # nothing in math is decoded (plain text drops its markup)
        (r"\(\'e\) \'e", "'e é", r"\(\'e\) é"),
        (r"\'ı and \^ȷ", "í and ĵ", "í and ĵ"),  # a dotless letter given as Unicode takes its accent too
    ],
)
def test_decode_reads_quotes_math_and_accents(source: str, text: str, markup: str) -> None:
    assert decode(source) == text
    assert decode_markup(source) == markup


def test_white_space_collapses_to_one_ascii_space_and_other_spaces_are_characters() -> None:
    assert collapse_space(" \t a  b \n") == "a b"
    assert collapse_space("\u00a0X a X\u00a0") == "\u00a0X a X\u00a0"
    assert collapse_space(" X a X ") == "X a X"


def test_text_is_lossless_when_decoding_keeps_all_it_says() -> None:
    assert is_lossless(r"J{\'e}gou")
    assert not is_lossless(r"\emph{x}")
