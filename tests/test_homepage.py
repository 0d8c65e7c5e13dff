"""The homepage export: a Barron-style publication page, checked by html5lib and by headless Chromium.

`scholar export cv --format html --standalone` makes it; these tests call its renderer as the command does.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import html5lib
import pytest

from chromium import Chromium
from scholarcli import index
from scholarcli.formats import ExportOptions, renderer
from scholarcli.model.query import Filters, find_person, select

SETTINGS = 'schema = 1\n[[people]]\nname = "Ada Lovelace"\n[venues.ICLR]\nname = "International Conference on Learning Representations"\n'
LONG_WORD = "Pneumonoultramicroscopicsilicovolcanoconiosis" * 4
RECORDS = {
    "a2025linked": """type = "inproceedings"
title = "A Linked Title With Every Kind of Link"
authors = ["Ada Lovelace", "Charles Babbage"]
equal_contribution = ["Ada Lovelace", "Charles Babbage"]
venue = "ICLR"
year = 2025
selected = true
url = "https://example.org/paper?a=1&b=2"
arxiv = "2501.00001"
doi = "10.1000/xyz"
abstract = "An abstract with <tags> & ampersands."
[links]
code = "https://github.com/example/code"
openreview = "https://openreview.net/forum?id=abc"
slides = "https://example.org/slides.pdf"
thumbnail = "thumb.svg"
""",
    "b2024hostile": f"""type = "article"
title = "<script>alert(1)</script> & {LONG_WORD}"
authors = ["Eve <img src=x onerror=alert(1)>", "Ada Lovelace", "{LONG_WORD}"]
venue = "Journal of <b>Bold</b> Claims"
year = 2024
url = "javascript:alert(1)"
abstract = "</details><script>alert(2)</script>"
[links]
preview = "javascript:alert(3)"
code = "data:text/html,<script>alert(4)</script>"
""",
    "c2023plain": """type = "preprint"
title = "No Address At All"
authors = ["Ada Lovelace"]
year = 2023
""",
    "us1234567": """type = "patent"
title = "Loom Control by Punched Cards"
people = ["Ada Lovelace"]
number = "US1234567"
status = "granted"
year = 1805
""",
}
# Works whose title must be a link: each has an address a reader may follow.
LINKED = {"a2025linked": True, "b2024hostile": False, "c2023plain": False, "us1234567": True}
THUMB = '<svg xmlns="http://www.w3.org/2000/svg" width="320" height="200"><rect width="320" height="200" fill="#79a"/></svg>'


def page(root: Path, **options: Any) -> tuple[str, list[str]]:
    library = index.load(root)
    person = find_person(library.settings, "Ada Lovelace")
    works = select(library.works, Filters(person=person.name), library.settings)
    homepage = ExportOptions(person=person, cv_format="html", standalone=True, **options)
    result = renderer("cv")(works, library.settings, homepage)
    return result.text, list(result.warnings)


@pytest.fixture
def site(make_library: Callable[..., Path]) -> Path:
    root = make_library(RECORDS, settings=SETTINGS)
    (root / "thumb.svg").write_text(THUMB)
    return root


def parse(text: str) -> Any:
    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(text)


def test_the_page_is_strict_html5_with_every_field_escaped_and_only_safe_addresses(site: Path) -> None:
    text, warnings = page(site, abstracts=True, thumbnails=True, selected_first=True)
    document = parse(text)
    assert document.find(".//script") is None and document.find(".//b") is None
    assert document.find(".//img[@onerror]") is None
    hrefs = [a.get("href") for a in document.iter("a")]
    assert all(href.startswith(("https://", "http://", "mailto:", "#")) for href in hrefs), hrefs
    assert [img.get("src") for img in document.iter("img")] == ["thumb.svg"]  # the selected work, listed once
    titles = {li.get("id"): li.find(".//p[@class='title']") for li in document.iter("li") if li.get("id")}
    assert "".join(titles["b2024hostile"].itertext()) == f"<script>alert(1)</script> & {LONG_WORD}"
    assert {key: title.find("a") is not None for key, title in titles.items()} == LINKED
    assert titles["a2025linked"].find("a").get("href") == "https://example.org/paper?a=1&b=2"
    assert any("javascript:alert(1)" in warning for warning in warnings)
    assert any("data:text/html" in warning for warning in warnings)
    assert "Content-Security-Policy" in text and "default-src 'none'" in text


def test_named_links_selected_first_legend_patent_office_and_abstracts(site: Path) -> None:
    text, _ = page(site, abstracts=True, selected_first=True, numbered=True)
    document = parse(text)
    headings = [h.text for h in document.iter("h2")]
    assert headings == ["Selected publications", "Publications", "Patents"]
    first = document.find(".//li[@id='a2025linked']")
    labels = [a.text for a in first.find(".//p[@class='links']").iter("a")]
    assert labels == ["Paper", "arXiv", "DOI", "Code", "OpenReview", "Slides"]
    authors = first.find(".//p[@class='authors']")
    assert authors.find("strong").text == "Ada Lovelace" and [s.text for s in authors.iter("sup")] == ["*", "*"]
    assert "equal contribution" in "".join(document.find(".//p[@class='legend']").itertext())
    patent = document.find(".//li[@id='us1234567']//p[@class='title']/a")
    assert patent.get("href") == "https://worldwide.espacenet.com/patent/search?q=pn%3DUS1234567"
    summaries = document.findall(".//details/summary")
    assert summaries and all(s.text == "Abstract" for s in summaries)
    assert "".join(document.find(".//li[@id='b2024hostile']//details/p").itertext()) == RECORDS_ABSTRACT
    # each work once: the selected one (numbered 3 in the whole list) apart, the others after it
    assert [li.get("value") for li in document.find(".//section[@id='selected-publications']").iter("li")] == ["3"]
    assert [li.get("value") for li in document.find(".//section[@id='publications']").iter("li")] == ["2", "1"]


RECORDS_ABSTRACT = "</details><script>alert(2)</script>"


def test_options_leave_out_abstracts_thumbnails_and_the_selected_section(site: Path) -> None:
    text, _ = page(site)
    document = parse(text)
    assert document.find(".//details") is None and document.find(".//img") is None
    assert [h.text for h in document.iter("h2")] == ["Publications", "Patents"]


@pytest.fixture
def chromium(tmp_path: Path) -> Iterator[Chromium]:
    browser = Chromium(tmp_path / "profile")
    try:
        yield browser
    finally:
        browser.close()


# The thumbnails load lazily: each is asked for now, and awaited, before the page is measured.
LOAD_IMAGES = (
    "Promise.all([...document.images].map(i => { i.loading = 'eager'; return i.decode().catch(() => null); }))"
)
MEASURE = """(() => {
  document.querySelectorAll('details').forEach(d => { d.open = true; });
  const width = window.innerWidth;
  const wide = [...document.querySelectorAll('body *')]
    .filter(e => e.getBoundingClientRect().right > width + 0.5)
    .map(e => e.tagName + '.' + e.className);
  const titles = {};
  document.querySelectorAll('li.work[id]').forEach(li => {
    titles[li.id] = !!li.querySelector('.title a[href]');
  });
  const images = [...document.images].map(i => [i.getAttribute('src'), i.complete && i.naturalWidth > 0]);
  return {scrollWidth: document.documentElement.scrollWidth, innerWidth: width, wide, titles, images,
          scripts: document.scripts.length, background: getComputedStyle(document.body).backgroundColor};
})()"""


@pytest.mark.tools
@pytest.mark.parametrize("width", [375, 1280])
def test_in_chromium_nothing_overflows_and_every_title_with_an_address_is_a_link(
    site: Path, chromium: Chromium, tmp_path: Path, width: int
) -> None:
    text, _ = page(site, abstracts=True, thumbnails=True, selected_first=True, numbered=True)
    (site / "index.html").write_text(text, encoding="utf-8")
    for dark in (False, True):
        chromium.open((site / "index.html").as_uri(), width, dark=dark)
        chromium.evaluate(LOAD_IMAGES)
        found = chromium.evaluate(MEASURE)
        assert found["innerWidth"] == width
        assert found["scrollWidth"] <= found["innerWidth"], found["wide"]
        assert found["wide"] == []
        assert found["titles"] == LINKED
        assert found["scripts"] == 0
        assert found["images"] == [["thumb.svg", True]]
        light_background = "rgb(255, 255, 255)"
        assert (found["background"] != light_background) == dark, found["background"]
        shot = tmp_path / f"homepage-{width}{'-dark' if dark else ''}.png"
        chromium.screenshot(shot)
        assert shot.read_bytes().startswith(b"\x89PNG")
        if keep := os.environ.get("SCHOLAR_SCREENSHOTS"):  # to look at them: a folder to copy them to
            Path(keep, shot.name).write_bytes(shot.read_bytes())
