"""Hypothesis strategies for what the library accepts, shared by the property tests.

``keys()`` draws every kind of citation key validation lets in (model/validate.py: VALID_KEY, at
most MAX_KEY_LENGTH characters), with the keys that break file names drawn often: paths, dots,
colons, names Windows reserves, case and Unicode twins, and keys as long as allowed.
"""

from __future__ import annotations

import unicodedata

from hypothesis import strategies as st

from scholarcli.model.validate import MAX_KEY_LENGTH, VALID_KEY, is_valid_key

# Keys that are no safe file name as they are; each is a key bibtex and biber accept.
HOSTILE_KEYS = (
    "../x", ".", "..", "a//b", "/abs", "t/", "DBLP:conf/iclr/SenguptaCC25", "a", "a/index.md", "c", "c.md/x",
    "é" * MAX_KEY_LENGTH, "x" * MAX_KEY_LENGTH, "x:", ":", "Case", "case", "CASE", "con", "NUL", "nul.tar.gz",
    "Com1", "lpt9.x", ".hidden", "_draft", "_index", "-dash", "+plus", "trailing.", "index", "cite.bib",
    ".scholar-export.toml", "a\u00e9", "ae\u0301", "ǅ", "ß", "SS", "ﬁ", "fi", "中文", "😀", "a:b:c", "a|b", "a*b?", "a<b>",
)  # fmt: skip


def keys() -> st.SearchStrategy[str]:
    """One key the library accepts."""
    drawn = st.from_regex(VALID_KEY, fullmatch=True).filter(is_valid_key)
    twins = st.sampled_from(HOSTILE_KEYS).map(lambda key: unicodedata.normalize("NFD", key.upper()))
    return st.one_of(st.sampled_from(HOSTILE_KEYS), drawn, twins.filter(is_valid_key))


def key_sets(max_size: int = 12) -> st.SearchStrategy[list[str]]:
    """Distinct keys, as one library holds them."""
    return st.lists(keys(), min_size=1, max_size=max_size, unique=True)
