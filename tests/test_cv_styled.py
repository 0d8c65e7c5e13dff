"""`scholar export cv --style STYLE`: the CV's sections and order, each entry in a CSL style.

Golden files of every bundled style in text, Markdown, HTML, LaTeX and Word on the sample library (regenerate
with SCHOLAR_UPDATE_GOLDEN=1 and review the diff). Each entry is what `pandoc --citeproc` writes
from scholar's CSL-JSON export, but for the bold and the marks: on the sample library and on real
files of the corpus. Every name a style prints is found and given to the right author; the person is
bold and the marks are the house CV's; Word and LaTeX are read back by pandoc, python-docx and pdflatex.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import html5lib
import pytest
from hypothesis import given, settings

from conftest import Run
from scholarcli import index
from scholarcli.formats import ExportOptions, citeproc, cv_styled, renderer
from scholarcli.formats.cv import CvOptions, build_cv
from scholarcli.formats.export_types import STYLE_FILES
from scholarcli.formats.exports.csl_json import item
from scholarcli.model import Person, Settings, Work
from scholarcli.model.query import belongs_to
from scholarcli.store.locate import bundled_library_dir
from strategies import libraries
from test_properties import batch, check_html, compiles
from test_refs import document_xml

HERE = Path(__file__).parent
SAMPLE = bundled_library_dir()
STYLES = SAMPLE / "styles"
LIBRARY = index.load(SAMPLE, use_cache=False)
PERSON = LIBRARY.settings.people[0]
# The works of the person's CV, as the house CV shows them
_HOUSE = build_cv([w for w in LIBRARY.works if belongs_to(w, PERSON)], LIBRARY.settings, PERSON, CvOptions())
SHOWN = [entry for section in _HOUSE.sections for entry in section.entries]
EXTENSIONS = {"text": "txt", "markdown": "md", "html": "html", "latex": "tex", "docx": "document.xml"}
GOLDEN = {f"cv-style/{style}.{ext}": (style, fmt) for style in STYLE_FILES for fmt, ext in EXTENSIONS.items()}
NOCITE = "---\nnocite: '@*'\n---\n"
# Real files of other people's, with many kinds of names (particles, corporate, Jr., accents, CJK).
CORPUS_FILES = ("biblatex-examples.bib", "jabref-authors.bib", "betterbiblatex-particles.bib", "dblp-ley.bib")
MARKS = re.compile(r"\^\([^)]*\)")  # the plain writer's superscript: a mark after a name
LABEL = re.compile(r"^(?:\[\d+\]|\d+\.)\s+")  # a numeric style's label, which the CV numbers its way


def styled(style: str, fmt: str, *args: str, scholar: Callable[..., Run], root: Path = SAMPLE) -> str:
    person = () if "--person" in args else ("--person", PERSON.name)
    run = scholar("-L", root, "export", "cv", "--style", style, "--format", fmt, *person, *args)
    assert run.exit_code == 0, run.stderr
    return run.stdout


def paragraphs(text: str) -> list[str]:
    return [part for part in text.strip("\n").split("\n\n") if part]


@pytest.mark.tools
@pytest.mark.parametrize("name", sorted(GOLDEN))
def test_the_styled_cv_matches_its_golden_file(name: str, scholar: Callable[..., Run], tmp_path: Path) -> None:
    style, fmt = GOLDEN[name]
    if fmt == "docx":  # the document's text and structure, word/document.xml (the package is the same bytes each run)
        styled(style, fmt, "--numbered", "--selected-first", "-o", str(tmp_path / "cv.docx"), scholar=scholar)
        text = document_xml((tmp_path / "cv.docx").read_bytes())
    else:
        text = styled(style, fmt, "--numbered", "--selected-first", scholar=scholar)
    golden = HERE / "golden" / name
    if os.environ.get("SCHOLAR_UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def _pandocs_entries(
    style: str, root: Path, person: str | None, scholar: Callable[..., Run], folder: Path
) -> list[str]:
    """`pandoc --citeproc --csl STYLE` on `export csl-json` of the person's works (None: all): its entries."""
    whose = ("--person", person) if person else ()
    exported = scholar("-L", root, "export", "csl-json", *whose, "-o", folder / "works.json")
    assert exported.exit_code == 0, exported.stderr
    style_file = STYLES / STYLE_FILES[style]
    command = ["pandoc", "--citeproc", "--csl", str(style_file), "--bibliography", "works.json"]
    done = subprocess.run(
        [*command, "-f", "markdown", "-t", "plain", "--wrap=none"],
        input=NOCITE,
        capture_output=True,
        text=True,
        cwd=folder,
        check=True,
    )
    return [LABEL.sub("", entry) for entry in paragraphs(done.stdout)]


def _cv_entries(style: str, root: Path, person: str, scholar: Callable[..., Run]) -> list[str]:
    """The styled CV's entries as text, without its headings and legend, the marks taken out."""
    args = ("--person", person, "--group-by", "none", "--section", "all")
    text = styled(style, "text", *args, scholar=scholar, root=root)
    kept = [p for p in paragraphs(text) if p not in ("Publications", "Patents") and not p.startswith("^(")]
    return [LABEL.sub("", MARKS.sub("", entry)) for entry in kept]


@pytest.mark.tools
@pytest.mark.parametrize("style", sorted(STYLE_FILES))
def test_each_entry_is_what_pandoc_citeproc_writes_but_the_marks(
    style: str, scholar: Callable[..., Run], tmp_path: Path
) -> None:
    ours = _cv_entries(style, SAMPLE, PERSON.name, scholar)
    assert len(ours) == len(SHOWN)
    assert Counter(ours) == Counter(_pandocs_entries(style, SAMPLE, PERSON.name, scholar, tmp_path))


def _corpus_library(name: str, scholar: Callable[..., Run], folder: Path) -> tuple[Path, str]:
    """A library of one corpus file, and its most frequent author (whose CV it is)."""
    root = folder / "lib"
    assert scholar("init", root).exit_code == 0
    run = scholar("-L", root, "import", HERE / "corpus" / name)
    assert run.exit_code == 0, run.stderr
    works = index.load(root, use_cache=False).works
    author, _ = Counter(name for work in works for name in work.authors).most_common(1)[0]
    with (root / "library.toml").open("a", encoding="utf-8") as settings_file:
        settings_file.write(f"\n[[people]]\nname = {json.dumps(author)}\n")  # a JSON string is a TOML one
    return root, author


@pytest.mark.tools
@pytest.mark.parametrize("name", CORPUS_FILES)
def test_on_real_files_each_entry_is_what_pandoc_citeproc_writes(
    name: str, scholar: Callable[..., Run], tmp_path: Path
) -> None:
    """The CV of the file's most frequent author, and the bibliography of all its works (refs)."""
    root, person = _corpus_library(name, scholar, tmp_path)
    for style in sorted(STYLE_FILES):
        ours = _cv_entries(style, root, person, scholar)
        assert ours, style
        assert Counter(ours) == Counter(_pandocs_entries(style, root, person, scholar, tmp_path)), style
        run = scholar("-L", root, "export", "refs", "--style", style)
        assert run.exit_code == 0, run.stderr
        everything = [LABEL.sub("", entry) for entry in paragraphs(run.stdout)]
        assert Counter(everything) == Counter(_pandocs_entries(style, root, None, scholar, tmp_path)), style


class _Recording(cv_styled._Names):
    """The styled CV's name finder, keeping the author it gave each printed name (None: none)."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.given: list[int | None] = []

    def who(self, printed: str) -> int | None:
        self.given.append(super().who(printed))
        return self.given[-1]


def _matches(works: list[Work], library: Settings, person: Person, style: str) -> list[tuple[list[int | None], int]]:
    """For each entry of the CV in the style: the author each printed name was given (None: none),
    and how many authors the work has."""
    cv = build_cv(works, library, person, CvOptions(group_by="none"))
    shown = {entry.work.key: entry for section in cv.sections for entry in section.entries}
    records = {work.key: work for work in works}
    items = [item(records[key], library) for key in shown]
    found, _ = citeproc.cite(items, citeproc.tag_names(citeproc.resolve_style(style)))
    out = []
    by_key = {str(data["id"]): data for data in items}
    for div in found:
        key = citeproc.entry_key(div)
        names = _Recording(shown[key].authors, by_key[key].get("author", []))
        names.node(div)
        out.append((names.given, len(shown[key].authors)))
    return out


def _in_order(given: list[int | None]) -> bool:
    """Authors given in their order, none twice."""
    found = [index for index in given if index is not None]
    return found == sorted(set(found))


# The styles that print every author of each of the sample's works (harvard, mla and springer-basic
# shorten long lists with "et al.").
PRINTING_ALL = ("apa", "ieee", "acm", "chicago-author-date", "nature", "vancouver", "elsevier")


@pytest.mark.tools
@pytest.mark.parametrize("style", sorted(STYLE_FILES))
def test_every_printed_name_is_given_to_its_author_in_order(style: str) -> None:
    found = _matches(list(LIBRARY.works), LIBRARY.settings, PERSON, style)
    printed = [index for given, _ in found for index in given]
    assert None not in printed and printed
    assert all(_in_order(given) for given, _ in found)
    if style in PRINTING_ALL:
        assert all(given == list(range(count)) for given, count in found)


@pytest.mark.tools
@pytest.mark.parametrize("name", CORPUS_FILES)
def test_on_real_files_every_printed_name_is_found(name: str, scholar: Callable[..., Run], tmp_path: Path) -> None:
    root, author = _corpus_library(name, scholar, tmp_path)
    loaded = index.load(root, use_cache=False)
    for style in sorted(STYLE_FILES):  # every work of the file, the CV of its most frequent author
        found = _matches(list(loaded.works), loaded.settings, Person(author), style)
        assert len(found) == len(loaded.works)
        assert all(None not in given and _in_order(given) for given, _ in found), (style, found)


def _written(found: list[dict[str, Any]], style: citeproc.Style, api: list[int], to: str) -> str | bytes:
    blocks, _ = citeproc.entry_blocks(found, to)
    return citeproc.write(citeproc.listed(blocks, to), to, style, api)


class _Unwrap(citeproc.Rewriter):
    def node(self, node: Any) -> list[Any]:
        if isinstance(node, dict) and node.get("t") == "Underline":
            return self.nodes(node["c"])
        return super().node(node)


@pytest.mark.tools
@pytest.mark.parametrize("style", sorted(STYLE_FILES))
def test_the_tagged_style_draws_what_the_style_draws(style: str) -> None:
    """The copy that underlines names prints, its underlines taken away, what the style prints."""
    items = [item(work, LIBRARY.settings) for work in LIBRARY.works]
    original = citeproc.resolve_style(style)
    tagged = citeproc.tag_names(original)
    assert tagged.text != original.text
    plain, api = citeproc.cite(items, original)
    marked, _ = citeproc.cite(items, tagged)
    assert json.dumps(plain).count('"Underline"') == 0 < json.dumps(marked).count('"Underline"')
    unwrapped = [node for div in marked for node in _Unwrap().node(div)]
    for to in ("text", "html", "latex"):
        assert _written(unwrapped, original, api, to) == _written(plain, original, api, to)


@pytest.mark.tools
def test_the_person_is_bold_and_the_marks_are_the_house_cvs(scholar: Callable[..., Run]) -> None:
    house = scholar(
        "-L", SAMPLE, "export", "cv", "--person", PERSON.name, "--format", "html", "--group-by", "none"
    ).stdout
    apa = styled("apa", "html", "--group-by", "none", scholar=scholar)
    parse = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parseFragment
    for text in (house, apa):
        check_html(parse(text))
    # the same works, each with as many bold names (the person) and the same marks, in the same order
    house_entries = re.findall(r"<li[^>]*>(.*?)</li>", house)
    apa_entries = re.findall(r'<div id="ref-[^"]*" class="csl-entry"[^>]*>\n(.*?)\n</div>', apa)
    assert len(house_entries) == len(apa_entries) == len(SHOWN)
    for ours, theirs in zip(apa_entries, house_entries, strict=True):
        assert ours.count("<strong>") == theirs.count("<strong>") == (1 if "<strong>" in theirs else 0)
        assert re.findall(r"<sup>(.*?)</sup>", ours) == re.findall(
            r"<sup>(.*?)</sup>", theirs.split('<span class="title"')[0]
        )
    assert "<p><sup>*</sup> equal contribution</p>" in apa


@pytest.mark.tools
def test_grouping_numbering_and_selection_are_the_house_cvs(scholar: Callable[..., Run]) -> None:
    args = ("--group-by", "type", "--numbered", "--year", "2023..")
    house = scholar("-L", SAMPLE, "export", "cv", "--person", PERSON.name, "--format", "markdown", *args).stdout
    ieee = styled("ieee", "markdown", *args, scholar=scholar)
    apa = styled("apa", "markdown", *args, scholar=scholar)
    headings = [line for line in house.splitlines() if line.startswith("#")]
    for text in (ieee, apa):
        assert [line for line in text.splitlines() if line.startswith("#")] == headings
        numbers = re.findall(r"^\\\[(\d+)\\\]", text, re.MULTILINE)
        assert numbers == re.findall(r"^- \\\[(\d+)\\\]", house, re.MULTILINE)  # IEEE's label, APA's prefix
    selected = styled("apa", "markdown", "--selected-first", "--group-by", "none", scholar=scholar)
    assert selected.startswith("## Selected publications\n")
    count = sum(1 for entry in SHOWN if entry.work.selected)
    first = selected.split("\n## ")[0]
    assert len(paragraphs(first)) - 2 == count  # the heading and the legend


@pytest.mark.tools
def test_a_numeric_style_numbers_in_the_cvs_order_not_its_own_sort(scholar: Callable[..., Run]) -> None:
    """ACM sorts its bibliography by author and numbers it so; the CV's order is the person's."""
    acm = styled("acm", "text", "--group-by", "none", scholar=scholar)
    numbers = [int(entry[1 : entry.index("]")]) for entry in paragraphs(acm) if entry.startswith("[")]
    assert numbers == list(range(1, len(SHOWN) + 1))


@pytest.mark.tools
def test_metrics_and_counts_are_shown(scholar: Callable[..., Run], tmp_path: Path) -> None:
    root = tmp_path / "lib"
    shutil.copytree(SAMPLE, root)
    key = SHOWN[0].work.key
    (root / "citations.toml").write_text(
        f'[{key}]\ncount = 1234\nsource = "openalex"\ndate = 2026-01-02\n', encoding="utf-8"
    )
    text = styled("apa", "text", "--metrics", "--citations", scholar=scholar, root=root)
    assert text.startswith("Citations: 1,234 · h-index: 1 · i10-index: 1 (OpenAlex, as of 2026-01-02;")
    assert text.count("Cited by 1,234.") == 1


@pytest.mark.tools
def test_the_word_cv_reads_back_as_the_text(scholar: Callable[..., Run], tmp_path: Path) -> None:
    target = tmp_path / "cv.docx"
    run = scholar(
        "-L", SAMPLE, "export", "cv", "--person", PERSON.name, "--style", "ieee", "--format", "docx", "-o", target
    )
    assert run.exit_code == 0, run.stderr
    text = styled("ieee", "text", scholar=scholar)
    back = subprocess.run(
        ["pandoc", "-f", "docx", "-t", "plain", "--wrap=none", str(target)], capture_output=True, text=True, check=True
    )
    assert paragraphs(back.stdout) == paragraphs(text)
    document = docx.Document(str(target))
    styles = [(p.style.name if p.style else "", p.text) for p in document.paragraphs]
    assert styles[0] == ("Title", PERSON.name)
    headings = [text for style, text in styles if style.startswith("Heading")]
    assert headings[0] == "Publications" and headings[1].isdigit()
    bold = [run.text for p in document.paragraphs for run in p.runs if run.bold]
    assert bold and set(bold) == {"A. Sengupta"}
    assert any(run.font.superscript and run.text == "*" for p in document.paragraphs for run in p.runs)


@pytest.mark.tools
def test_the_latex_of_every_style_compiles(scholar: Callable[..., Run], tmp_path: Path) -> None:
    body = "\n".join(styled(style, "latex", "--numbered", scholar=scholar) for style in sorted(STYLE_FILES))
    assert "\\textbf{" in body and "\\textsuperscript{*}" in body and "\\section*{Publications}" in body
    compiles(tmp_path, body)


@pytest.mark.tools
def test_the_page_is_a_whole_html_document_without_script(scholar: Callable[..., Run]) -> None:
    page = styled("ieee", "html", "--standalone", scholar=scholar)
    document = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(page)
    check_html(document)
    assert document.find("head/title").text == PERSON.name
    assert "div.csl-left-margin" in page  # the rules that set the labels beside the entries


@pytest.mark.tools
@settings(max_examples=20)
@given(library=libraries())
def test_hostile_records_give_strict_html(library: tuple[Settings, list[Work]]) -> None:
    settings_, works = library
    for style in ("apa", "ieee"):
        options = ExportOptions(person=settings_.people[0], style=style, cv_format="html", numbered=True)
        text = renderer("cv")(works, settings_, options).text
        elements = check_html(html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parseFragment(text))
        assert all(e.get("href").startswith(("http://", "https://")) for e in elements if e.tag == "a")


@pytest.mark.tools
def test_hostile_records_give_latex_that_compiles(tmp_path: Path) -> None:
    bodies = []
    for settings_, works in batch():
        for style in ("apa", "ieee", "mla"):
            options = ExportOptions(person=settings_.people[0], style=style, cv_format="latex", numbered=True)
            bodies.append(renderer("cv")(works, settings_, options).text)
    compiles(tmp_path, "\n".join(bodies))


TWICE = """<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>t</title><id>t</id><updated>2020-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout>
    <group font-weight="bold" suffix=" "><names variable="author"><name form="short" and="symbol"/></names></group>
    <names variable="author" suffix=". "><name initialize-with=". "/></names><text variable="title"/>
  </layout></bibliography>
</style>
"""


@pytest.mark.tools
def test_a_style_that_prints_the_names_twice_or_bold_gets_them_bold_once_and_marked_once(
    scholar: Callable[..., Run], tmp_path: Path
) -> None:
    """A short list in the style's bold, then the full list: the person bold in the full one (the
    short one is bold already: no bold inside bold, which Markdown cannot write), each mark once."""
    style = tmp_path / "twice.csl"
    style.write_text(TWICE, encoding="utf-8")
    text = styled(str(style), "markdown", "--year", "2025", "--group-by", "none", scholar=scholar)
    entries = [entry for entry in paragraphs(text) if "Position" in entry or "Prune" in entry]
    assert len(entries) == 2
    for entry in entries:
        assert "****" not in entry and entry.startswith("**")
        assert entry.count("<sup>") == 2  # the two equal contributors, once each
        assert "**A. Sengupta**" in entry  # the full list: the person bold
    html = styled(str(style), "html", "--year", "2025", "--group-by", "none", scholar=scholar)
    assert html.count("<strong><strong>") == 0


UNDERLINING = """<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>u</title><id>u</id><updated>2020-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout><names variable="author"/><text variable="title" text-decoration="underline"/></layout></bibliography>
</style>
"""


@pytest.mark.tools
def test_a_style_that_underlines_is_one_line_and_nothing_is_written(
    scholar: Callable[..., Run], tmp_path: Path
) -> None:
    style = tmp_path / "underlines.csl"
    style.write_text(UNDERLINING, encoding="utf-8")
    target = tmp_path / "cv.txt"
    refs = scholar("-L", SAMPLE, "export", "refs", "--style", style)  # a bibliography may underline
    assert refs.exit_code == 0, refs.stderr
    run = scholar(
        "-L", SAMPLE, "export", "cv", "--person", PERSON.name, "--style", style, "--format", "text", "-o", target
    )
    assert run.exit_code == 1 and run.stdout == ""
    assert run.stderr.startswith("error: the style ") and run.stderr.count("\n") == 1, run.stderr
    assert "underlines text itself" in run.stderr
    assert not target.exists()


@pytest.mark.parametrize(
    ("args", "status", "said"),
    [
        (("--format", "text"), 2, "cv writes --format text only in a citation style (--style NAME|FILE)"),
        (
            ("--style", "apa", "--format", "html", "--standalone", "--abstracts"),
            2,
            "--abstracts applies only to the house",
        ),
        (("--style", "no-such-style"), 1, "is no style"),
    ],
)
def test_a_styled_cv_asked_wrongly_is_one_line_and_nothing_is_written(
    args: tuple[str, ...], status: int, said: str, scholar: Callable[..., Run], tmp_path: Path
) -> None:
    """A usage error is click's usage message (exit 2); a bad style is one error line (exit 1)."""
    target = tmp_path / "cv.out"
    run = scholar("-L", SAMPLE, "export", "cv", "--person", PERSON.name, *args, "-o", target)
    assert run.exit_code == status and run.stdout == ""
    assert said in run.stderr
    assert "Traceback" not in run.stderr
    if status == 1:
        assert run.stderr.startswith("error: ") and run.stderr.count("\n") == 1, run.stderr
    assert not target.exists()


@pytest.mark.tools
@pytest.mark.parametrize("args", [["--style", "apa", "--format", "text"], ["--format", "text"], ["--style", "ieee"]])
def test_the_quick_path_and_the_typer_app_agree(
    args: list[str], scholar: Callable[..., Run], scholar_typer: Callable[..., Run]
) -> None:
    argv = ["-L", str(SAMPLE), "export", "cv", "--person", PERSON.name, *args]
    assert scholar(*argv) == scholar_typer(*argv)
