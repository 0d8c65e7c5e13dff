"""LaTeX escaping, where the fast paths for plain text must not skip anything that needs care."""

from __future__ import annotations

import pytest

from scholarcli.formats.latex_text import SPECIALS, escape, escape_title


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
