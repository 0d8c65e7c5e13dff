"""The documented key formula for new records (used by add and import)."""

from __future__ import annotations

from hypothesis import given

from scholarcli.model.keys import ascii_fold, base_key, unique_key
from scholarcli.model.validate import is_portable_stem, portable_stem
from strategies import keys


def test_family_year_and_first_significant_title_word() -> None:
    key = base_key("You Only Prune Once", ["Ayan Sengupta", "Siddhant Chaudhary"], 2025)
    assert key == "sengupta2025you"
    assert base_key("On the Robustness of Reward Models", ["Jiwoo Hong"], 2025) == "hong2025robustness"


def test_keys_are_ascii_folded_and_safe() -> None:
    assert base_key("Über Graphen", ["Zoë Ødegård-Çelik"], 2024) == "odegardcelik2024uber"
    assert base_key("Q&A: 50% off", ["Łukasz Kaiser"], 2020) == "kaiser2020qa"
    assert base_key("Notes", ["John von Neumann"], 1945) == "vonneumann1945notes"
    assert ascii_fold("Jégou") == "jegou"
    assert is_portable_stem(base_key("Ω/..//weird", ["Ω"], 2001))


def test_missing_year_authors_and_patents() -> None:
    assert base_key("TRIM: Hybrid Inference", ["Vansh Kapoor"]) == "kapoor-trim"
    assert base_key("A Study", [], 2020) == "anon2020study"
    assert base_key("LOOM CONTROL", [], None, number="US 12,112,132", patent=True) == "us12112132"


def test_clashes_get_a_b_c_suffixes() -> None:
    assert unique_key("x2020y", set()) == "x2020y"
    assert unique_key("x2020y", {"x2020y"}) == "x2020ya"
    assert unique_key("x2020y", {"x2020y", "x2020ya"}) == "x2020yb"
    taken = {"k"} | {f"k{c}" for c in "abcdefghijklmnopqrstuvwxyz"}
    assert unique_key("k", taken) == "kaa"


@given(keys())
def test_every_key_the_library_accepts_gets_a_portable_record_file_name(key: str) -> None:
    """Windows reserves "con" whatever follows its first dot ("con.x", "nul.tar.gz") too."""
    assert is_portable_stem(portable_stem(key))
