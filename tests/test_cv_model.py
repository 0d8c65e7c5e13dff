"""The CV model (formats/cv.py) on its own: numbering across groups, selected works, safe links."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from conftest import Run
from scholarcli.formats.cv import is_safe_image, is_safe_url

Scholar = Callable[..., Run]
AYAN = ("--person", "Ayan Sengupta")


def test_numbered_by_type_the_newest_work_is_highest_across_the_whole_list(scholar: Scholar) -> None:
    args = (
        "export",
        "cv",
        *AYAN,
        "--format",
        "markdown",
        "--group-by",
        "type",
        "--numbered",
        "--section",
        "publications",
    )
    by_type = scholar(*args).stdout
    numbered = re.findall(r"^- \\\[(\d+)\\\] (.*)$", by_type, flags=re.MULTILINE)
    assert sorted(int(n) for n, _ in numbered) == list(range(1, 11))
    by_year = scholar(*args[:-5], "--numbered", "--section", "publications").stdout
    chronological = re.findall(r"^- \\\[(\d+)\\\] (.*)$", by_year, flags=re.MULTILINE)
    # Each work carries the same number whichever way the list is grouped.
    assert {text: n for n, text in numbered} == {text: n for n, text in chronological}
    assert [int(n) for n, _ in chronological] == list(range(10, 0, -1))
    assert "Position: Enough of Scaling LLMs" in dict(numbered)["10"]


def test_a_preprint_without_venue_gets_no_year_as_publisher(
    scholar: Scholar, make_library: Callable[..., Path]
) -> None:
    root = make_library(
        {"p": 'type = "preprint"\ntitle = "Alone"\nauthors = ["Sam Solo"]\nyear = 2024\n'},
        settings='schema = 1\n[[people]]\nname = "Sam Solo"\n',
    )
    run = scholar("-L", root, "export", "json-resume")
    assert run.exit_code == 0, run.stderr
    assert '"publisher"' not in run.stdout and '"releaseDate": "2024"' in run.stdout


def test_only_http_https_and_mailto_are_followed_and_images_may_be_relative() -> None:
    for url in ("https://a.org/x", "http://a.org", "mailto:me@a.org", "HTTPS://A.ORG"):
        assert is_safe_url(url), url
    for url in ("javascript:alert(1)", "java\tscript:alert(1)", " https://a.org", "data:text/html,x", "x.pdf", ""):
        assert not is_safe_url(url), url
    for path in ("img/a.png", "a.png", "../a.png", "https://a.org/a.png", "a.png?x=1:2"):
        assert is_safe_image(path), path
    for path in (
        "javascript:alert(1)",
        "data:image/png;base64,AA",
        "//evil.org/a.png",
        "file:///etc/passwd",
        "a\\b.png",
    ):
        assert not is_safe_image(path), path


def test_an_address_with_a_control_character_anywhere_is_never_followed() -> None:
    """Browsers drop tabs and line breaks inside an address and stop at NUL: none may reach a page."""
    for char in ("\t", "\n", "\r", "\x00", "\x1f", "\x7f"):
        assert not is_safe_url(f"https://a.org/x{char}y"), repr(char)
        assert not is_safe_image(f"img/a{char}.png"), repr(char)
    # a space is no control: pages encode it, and the address stays the one the record gave
    assert is_safe_url("https://a.org/a b") and is_safe_image("img/a b.png")


def test_an_image_is_relative_or_http_whatever_its_query_or_fragment_holds() -> None:
    for path in (
        "http://a.org/a.png",
        "HTTP://A.ORG/A.PNG",
        "a.png#b:c#d",
        "a.png?q=1#x:y",
        "a/b:c.png",
        "a/b:c/d.png",
        "a?b:c?d",
    ):
        assert is_safe_image(path), path
    for path in ("javascript:a/b", "javascript:a?b", "javascript:a#b", " a.png", "a.png ", "", "java\\script:x"):
        assert not is_safe_image(path), path


def test_metrics_name_their_sources_and_day_and_say_how_many_works_have_no_count() -> None:
    import datetime as dt

    from scholarcli.formats.cv import metrics_text
    from scholarcli.model.metrics import Metrics

    full = Metrics(3, 3, 1234, 2, 1, ("openalex", "semanticscholar"), dt.date(2026, 1, 2))
    assert metrics_text(full) == (
        "Citations: 1,234 · h-index: 2 · i10-index: 1 (OpenAlex, Semantic Scholar, as of 2026-01-02)"
    )
    partial = Metrics(5, 4, 7, 1, 0, ("crossref", "dblp"), None)
    assert (
        metrics_text(partial) == "Citations: 7 · h-index: 1 · i10-index: 0 (Crossref, dblp; 4 of 5 works have a count)"
    )


def test_a_patent_without_an_address_links_to_espacenet_by_its_number() -> None:
    from scholarcli.formats.cv import patent_office_url

    assert (
        patent_office_url("US 12,112,132 B2")
        == "https://worldwide.espacenet.com/patent/search?q=pn%3DUS12%2C112%2C132B2"
    )


def test_grouped_by_type_each_work_falls_under_the_kind_its_venue_or_type_says(
    scholar: Scholar, make_library: Callable[..., Path]
) -> None:
    work = 'type = "{}"\ntitle = "{}"\nauthors = ["Ada Lovelace"]\nyear = 2024\n{}'
    root = make_library(
        {
            "a": work.format("preprint", "A preprint", ""),
            "b": work.format("article", "On arXiv", 'venue = "arXiv"\n'),
            "c": work.format("inproceedings", "At a workshop", 'venue = "ICLR"\ntrack = "Workshop"\n'),
            "d": work.format("inproceedings", "At a free-text meeting", 'venue = "Meeting of Engines"\n'),
            "e": work.format("article", "In a free-text journal", 'venue = "Annals of Engines"\n'),
            "f": work.format("misc", "A note", ""),
            "g": work.format("article", "At CVPR", 'venue = "CVPR"\n'),
        },
        settings='schema = 1\n[[people]]\nname = "Ada Lovelace"\n',
    )
    run = scholar("-L", root, "export", "cv", "--format", "markdown", "--group-by", "type")
    assert run.exit_code == 0, run.stderr
    groups: dict[str, list[str]] = {}
    for line in run.stdout.splitlines():
        if line.startswith("### "):
            heading = groups.setdefault(line[4:], [])
        elif line.startswith("- "):
            heading.append(re.findall(r"(?<!\*)\*([^*]+)\*(?!\*)", line)[0])
    assert {name: sorted(titles) for name, titles in groups.items()} == {
        "Journal articles": ["In a free-text journal"],
        "Conference papers": ["At CVPR", "At a free-text meeting"],
        "Workshop papers": ["At a workshop"],
        "Preprints": ["A preprint", "On arXiv"],
        "Other": ["A note"],
    }
