"""Site exports: al-folio's papers.bib, Hugo Blox page bundles, academicpages pages, the homepage.

Golden files of the hard-case library (regenerate with SCHOLAR_UPDATE_GOLDEN=1, as
test_export_golden.py does), front matter read back by a YAML parser whatever the fields hold,
the write plan of a re-run, and, with Debian's hugo, a real Hugo build of the bundles.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from bibtexparser.entrypoint import parse_string

from conftest import Run
from scholarcli import index
from scholarcli.formats import ExportOptions, renderer, tree_renderer
from scholarcli.formats.site_files import (
    BLOCKED,
    MANIFEST,
    MARKER,
    MISSING,
    Found,
    digest,
    is_scholar_page,
    manifest_text,
    page_names,
    plan_writes,
    safe_relative_path,
    unrecorded,
)
from scholarcli.model import Person, Settings, Venue, Work
from scholarcli.model.markup import literal, title_text, typographic
from scholarcli.model.names import display_name
from scholarcli.model.query import Filters, find_person, select, sort_works
from strategies import HOSTILE_KEYS
from test_export_golden import CITED

HERE = Path(__file__).parent
HARD = index.load(HERE / "fixtures" / "hard", use_cache=False)  # read at import: writes no cache
PERSON = find_person(HARD.settings, "Hervé Jégou")
GOLDEN_TEXT = {
    "hard.al-folio.bib": ("al-folio", ExportOptions()),
    "cv.homepage.html": (
        "cv",
        ExportOptions(
            person=PERSON,
            cv_format="html",
            standalone=True,
            selected_first=True,
            abstracts=True,
            thumbnails=True,
            numbered=True,
        ),
    ),
}
GOLDEN_TEXT["cv.citations.homepage.html"] = ("cv", CITED._replace(cv_format="html", standalone=True))
GOLDEN_TREES = {"hugo": "hugo", "academicpages": "academicpages"}
# Text that YAML, Markdown, HTML or Liquid would read as something else, were it not escaped.
HOSTILE = [
    "plain",
    'quote " and \\ backslash',
    "colon: value # not a comment",
    "- a list?",
    "--- a document?",
    "&anchor *alias !tag %directive @at `tick`",
    "yes",
    "null",
    "1e3",
    "2024-01-01",
    "{flow: map} [flow, list]",
    "<script>alert(1)</script> & <b>bold</b>",
    "*emphasis* _under_ [link](javascript:alert(1)) {{ liquid }} {% raw %}",
    "line\nbreak\ttab\rreturn",
    "next line\x85line separator\u2028paragraph\u2029end",
    "bom\ufeff zero\u200bwidth nul\x00 bell\x07 del\x7f c1\x9b",
    "emoji 😀 astral 𝔘 tag \U000e0041 private \ue000 unassigned \U0003ffff",
    "Hervé Jégou Łukasz Zoë Ødegård-Çelik 中文 العربية",
]


def works_of(fmt: str, options: ExportOptions) -> list[Work]:
    works = sort_works(HARD.works, "key")
    if options.person:
        works = select(works, Filters(person=options.person.name), HARD.settings)
    return works


def check_golden(name: str, text: str) -> None:
    golden = HERE / "golden" / name
    if os.environ.get("SCHOLAR_UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8"), name


@pytest.mark.parametrize("name", sorted(GOLDEN_TEXT))
def test_text_export_matches_its_golden_file(name: str) -> None:
    fmt, options = GOLDEN_TEXT[name]
    check_golden(name, renderer(fmt)(works_of(fmt, options), HARD.settings, options).text)


@pytest.mark.parametrize("fmt", sorted(GOLDEN_TREES))
def test_tree_export_matches_its_golden_files(fmt: str) -> None:
    files = tree_renderer(fmt)(works_of(fmt, ExportOptions()), HARD.settings, ExportOptions()).files
    folder = HERE / "golden" / GOLDEN_TREES[fmt]
    if os.environ.get("SCHOLAR_UPDATE_GOLDEN") == "1":
        shutil.rmtree(folder, ignore_errors=True)
    for path, text in files.items():
        assert safe_relative_path(path), path
        check_golden(f"{GOLDEN_TREES[fmt]}/{path}", text)
    assert sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()) == sorted(files)


def hostile_works() -> tuple[list[Work], Settings]:
    settings = Settings(
        schema=1,
        people=(Person("Ada"),),
        venues={"V": Venue("V", "Venue: <i>with</i> *marks*", kind="journal")},
    )
    works = [
        Work(
            key=f"w{index}",
            type="article",
            title=literal(text),  # record markup for this text (model/markup.py)
            authors=(literal(text), "Ada"),
            equal_contribution=(literal(text), "Ada"),
            venue="V" if index % 2 else text,
            year=2000 + index,
            abstract=text,
            doi=f"10.1000/{index}",
            tags=(text,),
            links={"code": "https://example.org/c", text[:8] or "x": "https://example.org/y"},
        )
        for index, text in enumerate(HOSTILE)
    ]
    return works, settings


def shown(text: str) -> str:
    """The text as a page can show it: control characters and noncharacters as U+FFFD (formats/code_points.py)."""
    return re.sub("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff\U0003ffff]", "\ufffd", text)


def front_matter(page: str) -> dict[str, Any]:
    assert page.startswith("---\n")
    head = page[4:].split("\n---\n", 1)[0]
    found: dict[str, Any] = yaml.safe_load(head)
    return found


@pytest.mark.parametrize("fmt", ["hugo", "academicpages"])
def test_front_matter_reads_back_as_written_whatever_the_fields_hold(fmt: str) -> None:
    works, settings = hostile_works()
    files = tree_renderer(fmt)(works, settings, ExportOptions()).files
    names = page_names(work.key for work in works)
    for work in works:
        page = files[f"{names[work.key]}/index.md" if fmt == "hugo" else f"{names[work.key]}.md"]
        assert is_scholar_page(page)
        data = front_matter(page)
        assert data["key"] == work.key
        if fmt == "hugo":  # Hugo's templates escape what they print: the text as it is, but what HTML cannot carry
            assert data["title"] == shown(title_text(work.title)) == shown(typographic(HOSTILE[int(work.key[1:])]))
            assert data["authors"] == [shown(display_name(name)) for name in work.authors]
            assert data["author_notes"] == ["Equal contribution", "Equal contribution"]
            assert data["tags"] == [shown(tag) for tag in work.tags]
            assert str(data["date"]) == f"{work.year}-01-01"
        else:  # Jekyll's print it raw: HTML-escaped, so the page shows the text
            assert html.unescape(data["title"]) == shown(title_text(work.title))
            assert "<" not in data["title"] + data["citation"] + data.get("excerpt", "")
            assert data["collection"] == "publications" and data["permalink"] == f"/publication/{work.key}"


def test_front_matter_is_read_back_by_a_yaml_1_2_reader_too() -> None:
    from ruamel.yaml import YAML  # installed with RenderCV, a test extra

    works, settings = hostile_works()
    files = tree_renderer("hugo")(works, settings, ExportOptions()).files
    reader = YAML(typ="safe", pure=True)
    for work in works:
        head = files[f"{work.key}/index.md"][4:].split("\n---\n", 1)[0]
        assert reader.load(head)["title"] == shown(title_text(work.title))


def test_al_folio_fields_as_its_template_reads_them(make_library: Any) -> None:
    root = make_library(
        {
            "p": 'type = "inproceedings"\ntitle = "<script>x</script> Prune Once"\nauthors = ["Ayan Sengupta", "Siddhant Chaudhary", "Tanmoy Chakraborty"]\n'
            'equal_contribution = ["Ayan Sengupta", "Siddhant Chaudhary"]\nvenue = "ICLR"\nyear = 2025\nselected = true\n'
            'arxiv = "2501.00001"\nurl = "https://openreview.net/forum?id=x"\n'
            '[links]\ncode = "https://github.com/x/y"\npdf = "prune.pdf"\npreview = "prune.png"\nslides = "javascript:alert(1)"\n'
            '[extra]\naward = "Oral"\n',
            "u": 'type = "patent"\ntitle = "Loom"\nauthors = ["Joseph Jacquard"]\nnumber = "US1234567"\nstatus = "granted"\nyear = 1805\n',
        }
    )
    library = index.load(root)
    result = renderer("al-folio")(sort_works(library.works, "key"), library.settings, ExportOptions())
    assert result.text.startswith("---\n---\n")  # Jekyll's front matter, as al-folio's file has
    assert any("javascript:alert(1)" in warning for warning in result.warnings)
    parsed = parse_string(result.text)
    entries = {entry.key: entry for entry in parsed.entries}
    paper = {field.key: field.value for field in entries["p"].fields}
    assert paper["abbr"] == "ICLR" and paper["selected"] == "true" and paper["bibtex_show"] == "true"
    assert paper["author"] == "Sengupta*, Ayan and Chaudhary*, Siddhant and Chakraborty, Tanmoy"
    assert paper["arxiv"] == "2501.00001" and paper["code"] == "https://github.com/x/y"
    assert paper["pdf"] == "prune.pdf" and paper["preview"] == "prune.png"
    assert paper["html"] == "https://openreview.net/forum?id=x" and "slides" not in paper
    assert paper["award"] == "Oral"
    assert "<" not in paper["title"] and "&lt;script&gt;" in paper["title"]
    assert entries["u"].entry_type == "patent"
    patent = {field.key: field.value for field in entries["u"].fields}
    assert patent["number"] == "US1234567"
    assert patent["html"] == "https://worldwide.espacenet.com/patent/search?q=pn%3DUS1234567"


def _digest(text: str) -> str:
    return digest(text.encode("utf-8"))


def test_a_rerun_replaces_only_files_that_hold_what_scholar_wrote_and_names_the_stale_ones() -> None:
    page, other, edited = f'---\n{MARKER}\ntitle: "A"\n---\n', f'---\n{MARKER}\ntitle: "B"\n---\n', "mine\n"
    new = {"a/index.md": page, "a/cite.bib": "@misc{a}\n", "b/index.md": other, "c/index.md": page, "f/index.md": page}
    new |= {"h/cite.bib": "@misc{h}\n"}
    written = {path: _digest(page) for path in ("a/index.md", "d/index.md", "g/index.md")}
    written |= {"a/cite.bib": _digest("@misc{old}\n"), "b/index.md": _digest(page)}
    found = {
        "a/index.md": Found(_digest(page)),  # scholar's, as it would write it: not written
        "a/cite.bib": Found(_digest("@misc{old}\n")),  # scholar's, as it wrote it; the record changed: written
        "b/index.md": Found(_digest(edited)),  # scholar's, but edited since: someone's now, kept
        "c/index.md": MISSING,  # new: written
        "f/index.md": BLOCKED,  # a link, a folder or a FIFO there: kept
        "h/cite.bib": Found(_digest(edited)),  # someone's own file where scholar would write: kept
        "d/index.md": Found(_digest(page)),  # scholar's and unchanged, no longer exported: stale
        "g/index.md": Found(_digest(edited)),  # scholar's, no longer exported, edited since: someone's
    }
    plan = plan_writes(new, found, written)
    assert dict(plan.write) == {"a/cite.bib": "@misc{a}\n", "c/index.md": page}
    assert list(plan.unchanged) == ["a/index.md"]
    assert list(plan.foreign) == ["b/index.md", "f/index.md", "h/cite.bib"]
    assert list(plan.stale) == ["d/index.md"]
    assert set(plan.manifest) == {"a/index.md", "a/cite.bib", "c/index.md", "d/index.md"}
    again = plan_writes(
        new, {**found, **{path: Found(_digest(text)) for path, text in plan.write.items()}}, plan.manifest
    )
    assert again.write == {} and again.manifest == plan.manifest  # a second run writes nothing
    assert not is_scholar_page(f"---\ntitle: x\n---\n{MARKER}\n")  # the marker counts in front matter only
    for bad in ("../x.md", "/x.md", "a/../../x", "a\\b.md", "", "a//b.md"):
        assert not safe_relative_path(bad), bad


def test_a_folder_written_before_the_manifest_was_kept_is_scholars_by_its_marked_pages() -> None:
    page, bib = f'---\n{MARKER}\ntitle: "A"\n---\n', "@misc{a}\n"
    existing = {"a/index.md": page, "a/cite.bib": bib, "b/index.md": '---\ntitle: "Mine"\n---\n', "b/cite.bib": bib}
    existing |= {"c.md": page, "mine.md": "# notes\n"}
    assert unrecorded(existing) == {path: _digest(existing[path]) for path in ("a/index.md", "a/cite.bib", "c.md")}


# As Hugo Blox's templates print them (range, not delimit: delimit's result is not escaped).
HUGO_LAYOUT = """<html><body><h1>{{ .Title }}</h1>
<p class="authors">{{ range .Params.authors }}<span>{{ . }}</span>{{ end }}</p>
<p class="notes">{{ range .Params.author_notes }}<span>{{ . }}</span>{{ end }}</p>
<p class="publication">{{ .Params.publication | markdownify }}</p>
<p class="date">{{ .Date.Format "2006-01-02" }}</p>
<p class="abstract">{{ .Params.abstract | markdownify }}</p>
{{ range .Params.links }}<a href="{{ .url }}">{{ .name }}</a>{{ end }}
{{ with .Resources.GetMatch "cite.bib" }}<pre class="cite">{{ .Content }}</pre>{{ end }}
</body></html>
"""


@pytest.mark.tools
def test_hugo_builds_a_site_from_the_bundles(tmp_path: Path) -> None:
    hugo = shutil.which("hugo")
    assert hugo, "hugo is not installed; .ci/run installs Debian's hugo"
    works, settings = hostile_works()
    works += sort_works(HARD.works, "key")
    works += [Work(key=key, type="misc", title=f"Keyed {key}", authors=("Ada",)) for key in HOSTILE_KEYS]
    files = tree_renderer("hugo")(
        works, HARD.settings._replace(venues={**HARD.settings.venues, **settings.venues}), ExportOptions()
    ).files
    site = tmp_path / "site"
    for path, text in files.items():
        target = site / "content" / "publication" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    manifest = {"hugo": {path: digest(text.encode("utf-8")) for path, text in files.items()}}
    (site / "content" / "publication" / MANIFEST).write_text(manifest_text(manifest))  # as the export leaves it
    (site / "layouts" / "_default").mkdir(parents=True)
    (site / "layouts" / "_default" / "single.html").write_text(HUGO_LAYOUT)
    (site / "layouts" / "_default" / "list.html").write_text(
        "<html><body>{{ range .Pages }}{{ .Title }}{{ end }}</body></html>"
    )
    (site / "hugo.toml").write_text(
        'baseURL = "https://example.org/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n'
    )
    result = subprocess.run([hugo, "--source", site], capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    from html5lib import HTMLParser

    page_of = page_names(work.key for work in works)
    built_pages = sorted((site / "public" / "publication").glob("*/index.html"))
    assert len(built_pages) == len(works)  # none dropped, none merged
    assert not list((site / "public").rglob(f"*{MANIFEST}*"))  # the manifest is no part of the site
    for work in works:
        built = site / "public" / "publication" / page_of[work.key].lower() / "index.html"  # Hugo lowercases paths
        document = HTMLParser(namespaceHTMLElements=False).parse(built.read_text(encoding="utf-8"))
        assert document.find(".//script") is None
        heading = document.find(".//h1").text or ""
        # as shown (typographic quotes), but for what a page cannot carry (the replacement character),
        # once an HTML parser has read it (CR becomes LF)
        assert heading == shown(title_text(work.title)).replace("\r", "\n"), work.key
        assert document.find(".//pre[@class='cite']") is not None
        names = [span.text or "" for span in document.findall(".//p[@class='authors']/span")]
        assert len(names) == len(work.authors) + work.authors_truncated


@pytest.mark.parametrize("fmt", ["hugo", "academicpages"])
def test_a_tree_export_through_the_command_line_rewrites_nothing_unchanged(
    fmt: str, scholar: Callable[..., Run], tmp_path: Path
) -> None:
    site = tmp_path / "site"
    first = scholar("-L", HERE / "fixtures" / "hard", "export", fmt, "-o", site)
    assert first.exit_code == 0, first.stderr
    written = {path: path.stat().st_mtime_ns for path in site.rglob("*") if path.is_file()}
    manifest = written.pop(site / MANIFEST)
    assert written and f"wrote {len(written)} files to {site} (0 unchanged)" in first.stderr
    foreign = site / "mine.md"
    foreign.write_text("---\ntitle: my own page\n---\n")
    again = scholar("-L", HERE / "fixtures" / "hard", "export", fmt, "-o", site)
    assert again.exit_code == 0 and f"wrote 0 files to {site} ({len(written)} unchanged)" in again.stderr
    assert {path: path.stat().st_mtime_ns for path in written} == written
    assert (site / MANIFEST).stat().st_mtime_ns == manifest  # nothing new written, not even the manifest
    assert foreign.read_text() == "---\ntitle: my own page\n---\n"
    missing = scholar("-L", HERE / "fixtures" / "hard", "export", fmt)
    assert missing.exit_code == 1 and "-o DIR" in missing.stderr
