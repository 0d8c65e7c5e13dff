"""The rules the CV decides once for every format (formats/cv.py): which addresses a reader may
follow, which pictures a page may show, the venue line, the --group-by kind, sentences, and what
--selected-first takes apart. In-process, so that mutation testing runs these too."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from scholarcli.formats.cv import (
    CvAuthor,
    CvEntry,
    CvOptions,
    Link,
    author_parts,
    build_cv,
    cited_text,
    drawn_authors,
    drawn_legend,
    image,
    is_safe_image,
    kind_of,
    links,
    sentences,
    unlinked,
    unsafe_links,
    venue_line,
    venue_name,
)
from scholarcli.model import Citation, Mark, Person, Settings, Venue, Work

SETTINGS = Settings(
    schema=1,
    people=(Person("Ada Lovelace"),),
    marks={"corresponding": Mark("†", "corresponding author")},
    venues={
        "TMLR": Venue("TMLR", "Transactions on Machine Learning Research", kind="journal"),
        "ICLR": Venue("ICLR", "International Conference on Learning Representations"),
        "WS": Venue("WS", "A Workshop", kind="workshop"),
        "arXiv": Venue("arXiv", "arXiv", kind="preprint"),
        "bioRxiv": Venue("bioRxiv", "bioRxiv", kind="preprint"),
    },
)


def work(key: str = "w", **fields: Any) -> Work:
    return Work(key=key, **{"type": "article", "title": "T", "authors": ("Ada Lovelace",), "year": 2020, **fields})


def test_links_are_labelled_in_order_and_only_addresses_a_reader_may_follow() -> None:
    made = work(
        url="https://paper/",
        arxiv="2401.00001",
        doi="10.1/x",
        links={"code": "https://c/", "openreview": "https://o/", "thumbnail": "t.png", "site": "javascript:x"},
    )
    assert links(made) == (
        Link("Paper", "https://paper/"),
        Link("arXiv", "https://arxiv.org/abs/2401.00001"),
        Link("DOI", "https://doi.org/10.1/x"),
        Link("Code", "https://c/"),
        Link("OpenReview", "https://o/"),
    )
    assert unsafe_links(made) == ["w: Site: 'javascript:x' is not an address a reader may follow; left out"]
    assert unsafe_links(work(links={"preview": "javascript:x"})) == [
        "w: preview: 'javascript:x' is not an address a reader may follow; left out"
    ]


def test_a_patent_links_its_page_or_else_its_number_at_espacenet() -> None:
    assert links(work(type="patent", number="US 1", url="https://p/")) == (Link("Patent", "https://p/"),)
    assert links(work(type="patent", number="US 1 B2")) == (
        Link("Patent", "https://worldwide.espacenet.com/patent/search?q=pn%3DUS1B2"),
    )
    assert links(work(type="patent")) == ()
    assert links(work(number="TR 1")) == ()  # a report's number is no patent's


def test_link_names_without_an_address_are_shown_as_text_once_unless_linked() -> None:
    made = work(unresolved_links=("code", "Code", "paper", "url"))
    assert unlinked(made, [Link("Paper", "https://p/")]) == ["Code"]


@pytest.mark.parametrize(
    ("path", "safe"),
    [
        ("img/a.png", True),
        ("https://x/a.png", True),
        ("HTTP://x/a.png", True),
        ("a.png?at=1:2", True),  # a colon after the path is no scheme
        ("a.png#x:y", True),
        ("javascript:alert(1)", False),
        ("data:image/png;base64,x", False),
        ("c:/a.png", False),
        ("//evil/a.png", False),
        (" a.png", False),
        ("a.png ", False),
        ("a\\b.png", False),
        ("a\tb.png", False),
        ("a\x7f.png", False),
        ("", False),
    ],
)
def test_a_page_shows_a_picture_only_from_the_web_or_beside_it(path: str, safe: bool) -> None:
    assert is_safe_image(path) is safe


def test_the_picture_is_the_first_safe_one_the_record_names() -> None:
    assert image(work(links={"preview": "javascript:x", "teaser": "t.png", "image": "i.png"})) == "t.png"
    assert image(work(links={"code": "https://c/"})) is None


@pytest.mark.parametrize(
    ("fields", "line"),
    [
        (
            {"type": "patent", "number": "US 1", "status": "granted", "assignee": "ACME"},
            "Patent US 1, granted, ACME, 2020",
        ),
        ({"type": "patent"}, "Patent, 2020"),
        ({"venue": "arXiv", "categories": ("cs.LG", "stat.ML")}, "arXiv preprint (cs.LG, stat.ML), 2020"),
        ({"venue": "arXiv"}, "arXiv preprint, 2020"),
        ({"venue": "bioRxiv"}, "bioRxiv preprint, 2020"),
        ({"venue": "TMLR", "volume": "3"}, "Transactions on Machine Learning Research (TMLR), vol. 3, 2020"),
        ({"venue": "ICLR", "volume": "3"}, "International Conference on Learning Representations (ICLR), 2020"),
        ({"venue": "Free Text", "volume": "3"}, "Free Text, 2020"),
        (
            {"venue": "ICLR", "publisher": "OpenReview"},
            "International Conference on Learning Representations (ICLR), OpenReview, 2020",
        ),
        ({"publisher": "Press"}, "Press, 2020"),
        ({"year": None}, ""),
        ({}, "2020"),
    ],
)
def test_the_venue_line_says_where_the_work_appeared_then_its_year(fields: dict[str, Any], line: str) -> None:
    made = work(**fields)
    assert venue_line(made, SETTINGS) == line
    assert venue_name(made, SETTINGS) == line.removesuffix("2020").removesuffix(", ")


def test_a_publisher_that_is_the_venue_is_not_said_twice() -> None:
    registry = Settings(schema=1, venues={"J": Venue("J", "Press", kind="journal")})
    assert venue_name(work(venue="J", publisher="Press"), registry) == "Press (J)"


@pytest.mark.parametrize(
    ("fields", "kind"),
    [
        ({"type": "preprint", "venue": "ICLR"}, "Preprints"),
        ({"venue": "arXiv"}, "Preprints"),
        ({"venue": "bioRxiv"}, "Preprints"),  # a preprint server of the registry
        ({"type": "misc", "arxiv": "2401.00001"}, "Preprints"),  # listed under arXiv
        ({"venue": "WS"}, "Workshop papers"),
        ({"type": "inproceedings", "venue": "ICLR", "track": "Workshop"}, "Workshop papers"),
        ({"type": "article", "venue": "ICLR"}, "Conference papers"),  # the venue's kind before the type
        ({"type": "inproceedings", "venue": "TMLR"}, "Journal articles"),
        ({"type": "article"}, "Journal articles"),
        ({"type": "inproceedings"}, "Conference papers"),
        ({"type": "book"}, "Other"),
    ],
)
def test_the_group_of_a_work_is_its_venues_kind_before_its_type(fields: dict[str, Any], kind: str) -> None:
    assert kind_of(work(**fields), SETTINGS) == kind


def test_sentences_end_with_one_full_stop() -> None:
    assert sentences(["A", "et al.", "", "Why?", "Now!"]) == "A. et al. Why? Now!"


def test_authors_are_drawn_with_the_person_bold_their_marks_and_et_al() -> None:
    equal, corresponding = Mark("*", "equal contribution"), Mark("†", "corresponding author")
    entry = CvEntry(
        work=work(authors_truncated=True),
        authors=(CvAuthor("Ada Lovelace", True, (equal, corresponding)), CvAuthor("B C", False)),
        venue="",
        links=(),
        cited=1234,
    )
    assert author_parts(entry) == [("Ada Lovelace", True, "*†"), ("B C", False, ""), ("et al.", False, "")]
    drawn = drawn_authors(entry, str.upper, lambda name: f"**{name}**", lambda symbols: f"^{symbols}")
    assert drawn == ["**ADA LOVELACE**^*†", "B C", "ET AL."]
    assert drawn_legend((equal, corresponding), str.upper, lambda symbol: f"^{symbol}") == (
        "^* EQUAL CONTRIBUTION; ^† CORRESPONDING AUTHOR"
    )
    assert cited_text(entry) == "Cited by 1,234"
    assert cited_text(CvEntry(work=work(), authors=(), venue="", links=())) == ""


def test_selected_first_lists_each_work_once_with_its_number_and_each_section_its_legend() -> None:
    works = [
        work("w2024", year=2024, selected=True, marks={"corresponding": ("Ada Lovelace",)}),
        work("w2023", year=2023),
        work("w2022", year=2022, selected=True),
        work("w2021", year=2021, equal_contribution=("Ada Lovelace",)),
        work("p2020", type="patent", year=2020, selected=True),  # a patent stays with the patents
    ]
    cv = build_cv(works, SETTINGS, SETTINGS.people[0], CvOptions(selected_first=True, numbered=True))
    selected, others, patents = cv.sections
    assert selected.title == "Selected publications" and others.title == "Publications"
    assert [(e.work.key, e.number) for e in selected.entries] == [("w2024", 4), ("w2022", 2)]
    assert [g.heading for g in selected.groups] == [None]  # ungrouped, newest first
    assert [(g.heading, [e.work.key for e in g.entries]) for g in others.groups] == [
        ("2023", ["w2023"]),
        ("2021", ["w2021"]),
    ]
    assert [e.number for e in others.entries] == [3, 1]
    assert [m.legend for m in selected.legends] == ["corresponding author"]
    assert [m.legend for m in others.legends] == ["equal contribution"]
    assert [e.work.key for e in patents.entries] == ["p2020"]


def test_selected_first_with_every_work_selected_or_none() -> None:
    both = [work("a", year=2024, selected=True), work("b", year=2023, selected=True)]
    everything = build_cv(both, SETTINGS, SETTINGS.people[0], CvOptions(selected_first=True, group_by="type"))
    assert [s.title for s in everything.sections] == ["Selected publications"]
    neither = [work("a", year=2024), work("b", year=2023)]
    plain = build_cv(neither, SETTINGS, SETTINGS.people[0], CvOptions(selected_first=True, group_by="type"))
    assert [s.title for s in plain.sections] == ["Publications"]
    assert [g.heading for g in plain.sections[0].groups] == ["Journal articles"]


def test_counts_and_metrics_are_shown_only_when_asked_and_known() -> None:
    works = [work("a", year=2024), work("b", year=2023), work("c", year=2022)]
    day = dt.date(2026, 12, 1)
    counts = {"a": Citation(12, "openalex", day), "b": Citation(3, "openalex", day)}
    shown = build_cv(works, SETTINGS, SETTINGS.people[0], CvOptions(show_counts=True, metrics=True, counts=counts))
    assert [entry.cited for entry in shown.sections[0].entries] == [12, 3, None]
    assert shown.metrics is not None
    assert (shown.metrics.works, shown.metrics.counted, shown.metrics.citations, shown.metrics.h_index) == (3, 2, 15, 2)
    quiet = build_cv(works, SETTINGS, SETTINGS.people[0], CvOptions(counts=counts))
    assert [entry.cited for entry in quiet.sections[0].entries] == [None, None, None] and quiet.metrics is None
    uncounted = build_cv(works, SETTINGS, SETTINGS.people[0], CvOptions(metrics=True))
    assert uncounted.metrics is None  # no counts: no line of zeros


def test_a_cv_of_no_works_has_one_empty_section_and_works_come_newest_first() -> None:
    assert [s.title for s in build_cv([], SETTINGS, SETTINGS.people[0], CvOptions()).sections] == ["Publications"]
    shuffled = [work("old", year=2001, title="A"), work("new", year=2024, title="B"), work("mid", year=2010, title="C")]
    cv = build_cv(shuffled, SETTINGS, SETTINGS.people[0], CvOptions(group_by="none"))
    assert [entry.work.key for entry in cv.sections[0].entries] == ["new", "mid", "old"]
