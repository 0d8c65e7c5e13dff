"""When two records are one work, and what merging them keeps: the rules that decide whether an
import adds a record or an id, so none may drift without a test saying so."""

from __future__ import annotations

from typing import Any

import pytest

from scholarcli.model import Work
from scholarcli.model.duplicates import (
    DuplicateIndex,
    aliases,
    compare,
    identities,
    merged_record,
    same_arxiv,
    same_title,
    with_alias,
)
from scholarcli.model.validate import work_from_record


def work(key: str, **fields: Any) -> Work:
    record = {"type": "article", "title": "Attention", "authors": ["Ada Lovelace"], "year": 2020, **fields}
    made, problems = work_from_record(key, record, f"{key}.toml")
    assert made is not None, problems
    return made


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [
        ("arXiv:2409.13598v2", "2409.13598", True),
        ("ARXIV:2409.13598", "2409.13598v11", True),
        (" 2409.13598 ", "arxiv:2409.13598v3", True),
        ("hep-th/9901001v1", "HEP-TH/9901001", True),
        ("2409.13598", "2409.13599", False),
        ("arXiv:2409.13598", "xarXiv:2409.13598", False),
        ("2409.13598v2x", "2409.13598", False),
    ],
)
def test_arxiv_ids_name_one_paper_whatever_their_version_prefix_or_case(one: str, other: str, same: bool) -> None:
    assert same_arxiv(one, other) is same


def test_the_title_rule_holds_title_year_and_first_author_together() -> None:
    rule = "title, year and first author"
    base = dict(identities(work("a")))[rule]
    assert dict(identities(work("b", title="ATTENTION.")))[rule] == base  # case and punctuation aside
    assert dict(identities(work("c", year=2021)))[rule] != base  # another year: another work
    assert dict(identities(work("d", authors=["Alan Turing"])))[rule] != base
    assert dict(identities(work("e", authors=["Lovelace, Ada", "Alan Turing"])))[rule] == base


def test_compare_names_what_the_other_adds_and_where_the_two_disagree() -> None:
    keep = work("keep", doi="10.1/a", links={"code": "https://a.org"})
    assert compare(keep, work("same", doi="10.1/a", links={"code": "https://a.org"})) == ([], [])
    assert compare(keep, work("less")) == ([], [])  # KEEP says all the other does, and more
    more = work("more", doi="10.1/a", pages="1--9", links={"code": "https://a.org", "pdf": "https://a.org/p"})
    assert compare(keep, more) == (["pages", "links.pdf"], [])
    other = work("other", doi="10.1/b", year=2021, month=5, links={"code": "https://b.org"})
    added, conflicts = compare(keep, other)
    assert added == [] and set(conflicts) == {"doi", "year", "month", "links.code"}


def test_a_merged_record_takes_what_the_other_adds_and_keeps_a_conflict_as_chosen() -> None:
    keep = work("keep", doi="10.1/a", extra={"ids": "old"})
    other = work("other", doi="10.1/b", pages="1--9", extra={"ids": "older, keep"})
    merged = merged_record(keep, other)
    assert merged["doi"] == "10.1/a" and merged["pages"] == "1--9"
    assert merged["extra"] == {"ids": "old, other, older"}  # KEEP's own key is never its alias
    assert merged_record(keep, other, prefer_other=True)["doi"] == "10.1/b"
    # a group (year, month, day) is taken whole from one side, never mixed
    dated = merged_record(work("k", year=2020, month=1), work("o", year=2021), prefer_other=True)
    assert (dated["year"], dated.get("month")) == (2021, None)


def test_other_keys_are_data_never_a_difference_and_an_alias_joins_them() -> None:
    keep, other = work("keep", extra={"ids": "a, b"}), work("other", extra={"ids": "c", "note2": "x"})
    assert compare(keep, other) == (["extra.note2"], [])  # the ids of each are no field of the work
    assert aliases(with_alias(keep, "d")) == ["a", "b", "d"]
    assert aliases(with_alias(work("bare"), "d")) == ["d"]
    # in a group, the fields that differ are the conflict, not the whole group
    assert compare(work("k", year=2020, month=5), work("o", year=2021, month=5)) == ([], ["year"])


PATENT = {"type": "patent", "number": "US 10,123,456 B2", "status": "granted"}


@pytest.mark.parametrize(
    ("one", "other", "shared"),
    [
        ({"doi": "10.1/ABC"}, {"doi": "10.1/abc", "title": "Other"}, "DOI"),
        ({"arxiv": "2409.13598v2"}, {"arxiv": "arXiv:2409.13598", "title": "Other"}, "arXiv id"),
        (PATENT, {**PATENT, "number": "us10123456b2", "title": "Other"}, "patent number"),
        ({"title": "Attention"}, {"title": "ATTENTION."}, "title, year and first author"),
        ({"title": "Attention", "authors": []}, {"title": "Attention", "authors": []}, "title, year and first author"),
        ({"extra": {"ids": "b"}}, {"title": "Other"}, "key"),  # b is a's other key
    ],
)
def test_a_twin_is_found_by_each_identity_and_named_by_what_the_two_share(
    one: dict[str, Any], other: dict[str, Any], shared: str
) -> None:
    first, second = work("a", **one), work("b", **other)
    assert DuplicateIndex.of([first]).find(second) == ("a", shared)
    checking = DuplicateIndex()  # check's way: each work looked up, then added
    assert checking.find_and_add(first) is None
    assert checking.find_and_add(second) == ("a", shared)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        # a number names a work only for patents: two reports may both be "TR 1" of different places
        (
            {"type": "techreport", "number": "TR 1", "title": "X"},
            {"type": "techreport", "number": "TR-1", "title": "Y"},
        ),
        ({"extra": {"subtitle": "Part I"}}, {"extra": {"subtitle": "Part II"}}),  # the subtitle is part of the title
        ({"doi": "10.1/a"}, {"doi": "10.1/b", "year": 2021}),
    ],
)
def test_works_that_share_no_identity_are_no_twins(one: dict[str, Any], other: dict[str, Any]) -> None:
    assert DuplicateIndex.of([work("a", **one)]).find(work("b", **other)) is None


def test_the_title_with_its_subtitle_is_the_title() -> None:
    split = work("a", title="Attention", extra={"subtitle": "Is All You Need"})
    assert same_title(split, work("b", title="Attention: Is All You Need"))
    assert not same_title(split, work("b", title="Attention"))


def test_a_work_added_after_another_was_looked_up_is_added_with_its_own_identities() -> None:
    index = DuplicateIndex()
    index.find(work("a", doi="10.1/a"))
    index.add(work("b", doi="10.1/b"))
    assert index.find(work("c", doi="10.1/b", title="Other")) == ("b", "DOI")
    assert index.find(work("d", doi="10.1/a", title="Other")) is None
