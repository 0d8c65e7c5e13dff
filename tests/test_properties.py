"""Properties of every export over hostile records generated from the schema (tests/strategies.py).

One property per output, each judged by what reads it: BibTeX syntax as bibtex reads it (and bibtex
and biber themselves, on batches of works), HTML by html5lib's strict parser, YAML by PyYAML, JSON
by the json module, the LaTeX CV by pdflatex, the terminal by what reaches it. The examples are the
same on every run (conftest.py's Hypothesis profile); the properties that run a tool take a few
batches of many works each, one run per batch.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import html5lib
import pytest
import yaml
from hypothesis import Phase, given, settings
from hypothesis import strategies as st

from bibtex_syntax import Entry, collapse, read_bib, split_names
from scholarcli.formats import ExportOptions, renderer, tree_renderer
from scholarcli.formats.site_files import page_names
from scholarcli.model import Settings, Work
from scholarcli.model.markup import title_text
from scholarcli.model.names import display_name
from strategies import INJECTED, libraries

# The properties that run a tool judge a batch: many small libraries drawn as the other properties
# draw them (one example of 25 works would be too large for Hypothesis to draw), their works given
# keys of their own, run through the tool once. A failing batch is reported by the keys of its works.
BATCH = 40


@cache  # drawn once for every property that runs a tool
def batch(count: int = BATCH, max_size: int = 4) -> list[tuple[Settings, list[Work]]]:
    """``count`` libraries drawn as the properties draw them, the same on every run; each work's key
    (and every other key it names) starts with its library's number, so that none is taken twice."""
    found: list[tuple[Settings, list[Work]]] = []

    @settings(max_examples=count, phases=(Phase.generate,))
    @given(library=libraries(max_size=max_size))
    def draw(library: tuple[Settings, list[Work]]) -> None:
        settings_, works = library
        number = len(found)
        found.append((settings_, [_renamed(work, f"b{number}-") for work in works]))

    draw()
    return found


def _renamed(work: Work, prefix: str) -> Work:
    extra = dict(work.extra)
    if "ids" in extra:
        extra["ids"] = ", ".join(prefix + alias.strip() for alias in extra["ids"].split(","))
    return work._replace(key=prefix + work.key, extra=extra)


# --- BibTeX, BibLaTeX and al-folio's papers.bib -------------------------------------------------

# The fields each format makes; any other a .bib holds must be one the record names (a link,
# a kept field, a macro).
MADE = {
    "bibtex": {"author", "key", "title", "journal", "booktitle", "howpublished", "year", "month", "volume", "number",
               "pages", "publisher", "school", "institution", "organization", "note", "eprint", "archiveprefix",
               "primaryclass", "doi", "url", "keywords", "abstract"},
    "biblatex": {"author", "author+an", "title", "journaltitle", "booktitle", "howpublished", "date", "month", "type",
                 "publisher", "organization", "institution", "number", "holder", "volume", "pages", "eprint",
                 "eprinttype", "eprintclass", "doi", "url", "note", "keywords", "abstract"},
    "al-folio": {"author", "title", "abbr", "journal", "booktitle", "school", "note", "number", "holder", "year",
                 "month", "volume", "pages", "publisher", "arxiv", "doi", "url", "html", "pdf", "supp", "code",
                 "slides", "poster", "video", "blog", "website", "preview", "primaryclass", "keywords", "abstract",
                 "bibtex_show", "selected"},
}  # fmt: skip
BIB_FORMATS = sorted(MADE)
# The @string names the records' macros use, defined as a document's other .bib file would.
STRINGS = {"mcdermott": "McDermott", "x": "X"}


def bib_of(fmt: str, works: Sequence[Work], settings: Settings) -> tuple[str, list[str]]:
    result = renderer(fmt)(works, settings, ExportOptions())
    return result.text, list(result.warnings)


def check_bib(fmt: str, works: Sequence[Work], text: str) -> list[Entry]:
    """One entry per work (and a copy per alias it names), each with only the fields it may have,
    none twice, every author a name of its own: read as BibTeX reads it."""
    bib = read_bib(text, STRINGS)
    assert all(not part.strip() or part == "---\n---\n\n" for part in bib.between), bib.between
    keys = [entry.key for entry in bib.entries]
    assert len(keys) == len({key.lower() for key in keys}), keys  # BibTeX's keys ignore case
    by_key = {entry.key: entry for entry in bib.entries}
    own = {work.key for work in works}
    for work in works:
        entry = by_key[work.key]
        names = entry.names()
        assert len(names) == len(set(names)), (work.key, names)
        allowed = MADE[fmt] | set(work.links) | set(work.extra) | set(work.macros)
        assert set(names) <= allowed, (work.key, set(names) - allowed)
        if work.authors and "author" not in work.macros:
            assert len(split_names(entry.get("author") or "")) == len(work.authors) + work.authors_truncated
    for key in set(keys) - own:  # a copy under another key the record names
        assert INJECTED not in key and any(key in work.extra.get("ids", "") for work in works), key
    return bib.entries


@pytest.mark.parametrize("fmt", BIB_FORMATS)
@settings(max_examples=100)
@given(library=libraries(max_size=4))
def test_no_value_leaves_its_field_or_entry(fmt: str, library: tuple[Settings, list[Work]]) -> None:
    settings_, works = library
    text, _ = bib_of(fmt, works, settings_)
    check_bib(fmt, works, text)


# A style that writes every entry's key and each field it has, as bibtex read them.
DUMP_BST = """\
ENTRY {{ {fields} }} {{}} {{}}
{macros}
FUNCTION {{field.out}} {{ duplicate$ missing$ {{ pop$ pop$ }} {{ swap$ "@@@field " swap$ * write$ newline$ write$ newline$ }} if$ }}
FUNCTION {{dump}} {{ "@@@entry " cite$ * write$ newline$ {calls} }}
FUNCTION {{default.type}} {{ dump }}
READ
ITERATE {{call.type$}}
"""


def _bst(fields: list[str]) -> str:
    """The dump style for these field names (bibtex reads only the fields a style declares)."""
    months = "\n".join(f'MACRO {{{name}}} {{"{full}"}}' for name, full in read_bib("").strings.items())
    calls = " ".join(f'"{name}" {name} field.out' for name in fields)
    return DUMP_BST.format(fields=" ".join(fields), macros=months, calls=calls)


def _dumped(bbl: str) -> list[tuple[str, dict[str, str]]]:
    """The entries the dump style wrote: key and fields, each value with BibTeX's white space."""
    found: list[tuple[str, dict[str, str]]] = []
    name: str | None = None
    for line in bbl.split("\n"):
        if line.startswith("@@@entry "):
            found.append((line[len("@@@entry ") :], {}))
            name = None
        elif line.startswith("@@@field "):
            name = line[len("@@@field ") :]
            found[-1][1][name] = ""
        elif name is not None:
            found[-1][1][name] = collapse(f"{found[-1][1][name]} {line}")
    return found


def run_tool(*command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, errors="replace", timeout=300, check=False)


def _bibtex_reads(text: str, tmp: Path) -> tuple[list[tuple[str, dict[str, str]]], str]:
    """What bibtex itself reads from ``text``: every entry and field, and its log."""
    entries = read_bib(text, STRINGS).entries
    fields = sorted({name for entry in entries for name in entry.names()})
    defined = "".join(f'@string{{{name} = "{value}"}}\n' for name, value in STRINGS.items())
    (tmp / "refs.bib").write_text(defined + text, encoding="utf-8")
    (tmp / "dump.bst").write_text(_bst(fields), encoding="utf-8")
    (tmp / "doc.aux").write_text("\\citation{*}\n\\bibstyle{dump}\n\\bibdata{refs}\n", encoding="utf-8")
    result = run_tool("bibtex", "doc", cwd=tmp)
    bbl = (tmp / "doc.bbl").read_text(encoding="utf-8") if (tmp / "doc.bbl").exists() else ""
    return _dumped(bbl), result.stdout


@pytest.mark.tools
def test_the_reader_reads_what_bibtex_reads_where_bibtexparser_does_not(tmp_path: Path) -> None:
    """The reader the properties judge with, and bibtex, on a brace after a backslash (the end of a
    braced value for both), quotes, concatenation, a month macro and "and" in braces."""
    text = '@misc{a, title = {x\\}, b = {y}, c = "q{"}" # {r}, month = may}\n@misc{b, author = {A and {B and C}}}\n'
    first, second = read_bib(text).entries
    assert first.fields == [("title", "x\\"), ("b", "y"), ("c", 'q{"}r'), ("month", "May")]
    assert split_names(second.get("author") or "") == ["A", "{B and C}"]
    dumped, log = _bibtex_reads(text, tmp_path)
    assert "error message" not in log, log
    assert dumped == [(entry.key, dict(entry.fields)) for entry in (first, second)]


def _batch_bib(fmt: str) -> tuple[str, list[Entry]]:
    """A batch's .bib in one format, and its entries as the reader reads them (checked as above)."""
    texts, entries = [], []
    for settings_, works in batch():
        text, _ = bib_of(fmt, works, settings_)
        entries += check_bib(fmt, works, text)
        texts.append(text.removeprefix("---\n---\n\n"))
    return "\n".join(texts), entries


@pytest.mark.tools
@pytest.mark.parametrize("fmt", BIB_FORMATS)
def test_bibtex_reads_each_entry_and_field_as_written(fmt: str, tmp_path: Path) -> None:
    """bibtex reads one entry per work and exactly the fields, with exactly the values, written."""
    text, expected = _batch_bib(fmt)
    dumped, log = _bibtex_reads(text, tmp_path)
    assert "error message" not in log and "Repeated entry" not in log and "extra" not in log, log
    assert [key for key, _ in dumped] == [entry.key for entry in expected], log
    for (key, fields), entry in zip(dumped, expected, strict=True):
        assert fields == {name: collapse(value) for name, value in entry.fields}, key


def _unpaired_for_biber(entry: Entry) -> bool:
    """Whether a name list holds a literal brace (``\\{``, ``\\}``, ``\\textbraceleft{}``). biber
    decodes these into braces before it splits names (bibtex does not), so such a name's braces and
    commas are no longer the ones written, and biber may skip the entry with an error; bibtex reads it
    as written (the property above), and biber still reads no field or entry that was not written."""
    literal = ("\\{", "\\}", "\\textbraceleft{}", "\\textbraceright{}")
    return any(brace in (entry.get(field) or "") for field in ("author", "editor", "holder") for brace in literal)


@pytest.mark.tools
@pytest.mark.parametrize("fmt", BIB_FORMATS)
def test_biber_reads_each_entry_as_written(fmt: str, tmp_path: Path) -> None:
    """biber (its --tool mode) reads the same entries, no field twice, every author a name of their own."""
    text, expected = _batch_bib(fmt)
    defined = "".join(f'@string{{{name} = "{value}"}}\n' for name, value in STRINGS.items())
    (tmp_path / "refs.bib").write_text(defined + text, encoding="utf-8")
    result = run_tool("biber", "--tool", "--output-format=bibtex", "--output-file=out.bib", "refs.bib", cwd=tmp_path)
    unpaired = {entry.key for entry in expected if _unpaired_for_biber(entry)}
    errors = [line for line in result.stdout.splitlines() if line.startswith("ERROR")]
    assert all(any(f"skipping entry '{key}'" in line for key in unpaired) for line in errors), result.stdout
    assert "Duplicate" not in result.stdout and "Overwriting" not in result.stdout, result.stdout
    read = read_bib((tmp_path / "out.bib").read_text(encoding="utf-8")).entries
    assert {entry.key for entry in expected} - unpaired <= {entry.key for entry in read}
    assert {entry.key for entry in read} <= {entry.key for entry in expected}
    authors = {entry.key: len(split_names(entry.get("author") or "")) for entry in expected if entry.get("author")}
    for entry in read:
        assert INJECTED not in entry.names()
        if entry.key in authors:
            assert len(split_names(entry.get("author") or "")) == authors[entry.key], entry.key


# --- HTML: the CV fragment and the page ---------------------------------------------------------

UNFIT_IN_HTML = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff\U0001fffe\U0001ffff]")


def fit_html(text: str) -> str:
    """``text`` with what HTML cannot carry as U+FFFD, as the exports write it (formats/code_points.py)."""
    return UNFIT_IN_HTML.sub("\ufffd", text)


def as_html_shows(text: str) -> str:
    """What a page shows of ``text``: what HTML cannot carry as U+FFFD, line breaks as HTML reads them."""
    return fit_html(text).replace("\r\n", "\n").replace("\r", "\n")


def cv_of(works: Sequence[Work], settings: Settings, **options: Any) -> tuple[str, list[str]]:
    chosen = ExportOptions(person=settings.people[0], **options)
    result = renderer("cv")(works, settings, chosen)
    return result.text, list(result.warnings)


def parsed_html(text: str, fragment: bool) -> Any:
    """The document html5lib's strict parser reads: any parse error (an invalid code point) fails."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    return parser.parseFragment(text) if fragment else parser.parse(text)


def check_html(document: Any) -> list[Any]:
    """No script, no handler, no link but http(s), mailto and the page's own anchors, unique ids."""
    elements = [element for element in document.iter() if isinstance(element.tag, str)]
    ids = [element.get("id") for element in elements if element.get("id") is not None]
    assert len(ids) == len(set(ids)), sorted(ids)
    for element in elements:
        assert element.tag not in ("script", "iframe", "object", "embed", "form"), element.tag
        assert not [name for name in element.attrib if name.lower().startswith("on")], element.attrib
        if element.tag == "a":
            href = element.get("href")
            assert href.startswith(("http://", "https://", "mailto:")) or href[1:] in ids, href
        if element.tag == "img":
            source = element.get("src")
            scheme = _SCHEME.match(_BROWSER_DROPS.sub("", source).lstrip(_LEADING))
            assert scheme is None or scheme.group().lower() in ("http:", "https:"), source
    return elements


# A URL's scheme as the URL standard reads it, after what a browser takes out first: tabs and
# newlines anywhere, C0 controls and spaces in front ("java\tscript:" is javascript:). A colon after
# the first "/", "?" or "#" starts no scheme ("# : {" is a fragment of the page).
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")
_BROWSER_DROPS = re.compile("[\t\n\r]")
_LEADING = "".join(chr(code) for code in range(0x21))


def _text(element: Any) -> str:
    return "".join(element.itertext())


@settings(max_examples=60)
@given(library=libraries(), selected_first=st.booleans(), numbered=st.booleans())
def test_the_html_cv_is_strict_html_with_every_text_as_written(
    library: tuple[Settings, list[Work]], selected_first: bool, numbered: bool
) -> None:
    settings_, works = library
    text, _ = cv_of(works, settings_, cv_format="html", selected_first=selected_first, numbered=numbered)
    elements = check_html(parsed_html(text, fragment=True))
    titles = [_text(element) for element in elements if element.get("class") == "title"]
    shown = {as_html_shows(title_text(fit_html(work.title))) for work in works}  # TeX's quotes typographic
    assert set(titles) <= shown, set(titles) - shown


@settings(max_examples=60)
@given(library=libraries(), selected_first=st.booleans(), abstracts=st.booleans())
def test_the_html_page_is_strict_html_with_every_text_as_written(
    library: tuple[Settings, list[Work]], selected_first: bool, abstracts: bool
) -> None:
    settings_, works = library
    options = {"standalone": True, "selected_first": selected_first, "abstracts": abstracts, "thumbnails": True}
    text, _ = cv_of(works, settings_, cv_format="html", **options)
    elements = check_html(parsed_html(text, fragment=False))
    heading = next(element for element in elements if element.tag == "h1")
    assert _text(heading) == as_html_shows(settings_.people[0].name)
    keys = {element.get("id") for element in elements if element.tag == "li"} - {None}  # the selected have none
    assert keys <= {fit_html(work.key) for work in works}


# --- YAML: the site exports' front matter and RenderCV ------------------------------------------


def _front_matter(page: str) -> dict[str, Any]:
    assert page.startswith("---\n")
    found: dict[str, Any] = yaml.safe_load(page[4:].split("\n---\n", 1)[0])
    return found


@settings(max_examples=60)
@given(library=libraries())
def test_site_front_matter_reads_back_the_text_as_a_page_shows_it(library: tuple[Settings, list[Work]]) -> None:
    settings_, works = library
    hugo = tree_renderer("hugo")(works, settings_, ExportOptions()).files
    pages = tree_renderer("academicpages")(works, settings_, ExportOptions()).files
    named = page_names(work.key for work in works)  # each work's page, by key
    for work in works:
        data = _front_matter(hugo[f"{named[work.key]}/index.md"])
        assert data["key"] == work.key
        assert data["title"] == title_text(fit_html(work.title))
        names = [display_name(fit_html(name)) for name in work.authors] + (["et al."] if work.authors_truncated else [])
        names = names if work.authors else []  # "et al." alone says nothing
        assert data.get("authors", []) == names
        assert data.get("tags", []) == [fit_html(tag) for tag in work.tags]
        check_bib("bibtex", [work], hugo[f"{named[work.key]}/cite.bib"])
        page = _front_matter(pages[f"{named[work.key]}.md"])
        assert page["key"] == work.key
        assert html.unescape(page["title"]) == title_text(fit_html(work.title))
        assert "<" not in page["title"] + page["citation"] + page.get("excerpt", "")


@settings(max_examples=60)
@given(library=libraries())
def test_rendercv_yaml_reads_back_one_entry_per_work(library: tuple[Settings, list[Work]]) -> None:
    settings_, works = library
    person = settings_.people[0]
    text = renderer("rendercv")(works, settings_, ExportOptions(person=person)).text
    sections = yaml.safe_load(text) or {}
    entries = [entry for section in sections.values() for entry in section]
    mine = [work for work in works if person.name in work.authors or person.name in work.people]
    assert len(entries) >= len({work.key for work in mine})
    for entry in entries:
        assert isinstance(entry["title"], str) and "\n" not in entry["title"]
        assert all(isinstance(author, str) for author in entry["authors"])
        assert not UNFIT_IN_HTML.search(json.dumps(entry, ensure_ascii=False))


# --- JSON: every character exactly ---------------------------------------------------------------

# What a JSON export never leaves raw (it escapes them): C1 controls, DEL, separators, bidi controls, noncharacters.
RAW_IN_JSON = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufdd0-\ufdef\ufffe\uffff]")


def _record_json(work: Work) -> dict[str, Any]:
    return {"key": work.key, **{name: value if not hasattr(value, "isoformat") else value.isoformat()
                                for name, value in work.to_record().items()}}  # fmt: skip


@settings(max_examples=60)
@given(library=libraries())
def test_json_exports_read_back_exactly(library: tuple[Settings, list[Work]]) -> None:
    settings_, works = library
    listed = renderer("json")(works, settings_, ExportOptions()).text
    assert not RAW_IN_JSON.search(listed)
    assert json.loads(listed) == [_record_json(work) for work in works]
    csl = renderer("csl-json")(works, settings_, ExportOptions()).text
    assert not RAW_IN_JSON.search(csl)
    for item, work in zip(json.loads(csl), works, strict=True):
        assert item["id"] == work.key
        assert (item.get("abstract"), item.get("note"), item.get("DOI")) == (work.abstract, work.note, work.doi)
        assert len(item.get("author", [])) == len(work.authors)
    person = settings_.people[0]
    resume = renderer("json-resume")(works, settings_, ExportOptions(person=person)).text
    assert not RAW_IN_JSON.search(resume)
    titles = {title_text(work.title) for work in works}
    names = [item["name"] for item in json.loads(resume)["publications"]]
    assert all(name in titles or name.split(" (")[0] in titles for name in names)


# --- LaTeX: the CV compiles --------------------------------------------------------------------

LATEX_DOCUMENT = (
    "\\documentclass{{article}}\n\\usepackage[T1]{{fontenc}}\n\\usepackage{{lmodern}}\n\\usepackage{{hyperref}}\n"
    "\\begin{{document}}\n{body}\n\\end{{document}}\n"
)


def compiles(folder: Path, body: str) -> None:
    """``body`` in LATEX_DOCUMENT compiles with pdflatex in ``folder``."""
    (folder / "document.tex").write_text(LATEX_DOCUMENT.format(body=body), encoding="utf-8")
    result = run_tool("pdflatex", "-interaction=nonstopmode", "-halt-on-error", "document.tex", cwd=folder)
    assert result.returncode == 0, result.stdout[-3000:]


@pytest.mark.tools
def test_the_latex_cv_compiles_with_pdflatex(tmp_path: Path) -> None:
    """A batch of CVs, one after another in one document, numbered or not, compiles."""
    bodies = [
        cv_of(works, settings_, cv_format="latex", numbered=number % 2 == 0, selected_first=True)[0]
        for number, (settings_, works) in enumerate(batch())
    ]
    compiles(tmp_path, "\n".join(bodies))


# --- Markdown: pandoc's rendering --------------------------------------------------------------


@pytest.mark.tools
@pytest.mark.parametrize("reader", ["markdown", "gfm"])
def test_pandoc_renders_the_markdown_cv_to_strict_html_with_one_item_per_entry(reader: str, tmp_path: Path) -> None:
    """pandoc's Markdown and GitHub's read each CV of a batch as strict HTML, one list item per entry."""
    for number, (settings_, works) in enumerate(batch()):
        text, _ = cv_of(works, settings_, cv_format="markdown")
        (tmp_path / f"cv{number}.md").write_text(text, encoding="utf-8")
        result = run_tool("pandoc", "-f", reader, "-t", "html", f"cv{number}.md", cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        elements = check_html(parsed_html(result.stdout, fragment=True))
        items = [element for element in elements if element.tag == "li"]
        assert len(items) == sum(line.startswith("- ") for line in text.splitlines()), text


# --- The terminal ------------------------------------------------------------------------------

BIN = Path(sys.executable).parent
# rich's own styles (bold, colour): the only escape sequences scholar may send to a terminal.
STYLES = re.compile(r"\x1b\[[0-9;]*m")
ACTED_ON = re.compile("[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _write_library(root: Path, settings: Settings, works: Sequence[Work]) -> None:
    import tomli_w

    from scholarcli.model.validate import portable_stem
    from scholarcli.store.records import record_text

    people = [{"name": person.name, "variants": list(person.variants)} for person in settings.people]
    venues = {acronym: {"name": venue.name, "kind": venue.kind} for acronym, venue in settings.venues.items()}
    mark = settings.equal_contribution
    raw = {"schema": 1, "people": people, "venues": venues,
           "marks": {"equal_contribution": {"symbol": mark.symbol, "legend": mark.legend}}}  # fmt: skip
    root.mkdir(parents=True)
    (root / "library.toml").write_text(tomli_w.dumps(raw), encoding="utf-8")
    (root / "works").mkdir()
    for work in works:
        stem = portable_stem(work.key)
        (root / "works" / f"{stem}.toml").write_text(record_text(work, stem), encoding="utf-8")


def _on_a_terminal(args: list[str], cache: Path) -> str:
    from test_terminal import _in_terminal

    return _in_terminal(args, {"NO_COLOR": "1", "XDG_CACHE_HOME": str(cache)}, columns=160)


COMMANDS: list[Callable[[Sequence[Work]], list[str]]] = [
    lambda works: ["list"],
    *(lambda works, fmt=fmt: ["list", "--format", fmt] for fmt in ("tsv", "csv", "json", "jsonl", "keys")),
    lambda works: ["show", works[0].key],
    lambda works: ["show", works[-1].key, "--format", "json"],
    lambda works: ["stats"],
    lambda works: ["venues"],
    lambda works: ["check"],
    lambda works: ["export", "bibtex"],
    lambda works: ["export", "cv", "--format", "markdown"],
]


@pytest.mark.tools
def test_a_terminal_is_sent_nothing_it_would_act_on(tmp_path: Path) -> None:
    """Every command's output and messages on a terminal: no control character the records hold
    reaches it (rich's styles are scholar's own), whatever they hold; two libraries of a batch."""
    for number, (settings_, works) in enumerate(batch(count=2, max_size=5)):
        root = tmp_path / f"lib{number}"
        _write_library(root, settings_, works)
        for command in COMMANDS:
            args = ["-L", str(root), *command(works)]
            if args[2:4] == ["export", "cv"]:
                args += ["--person", settings_.people[0].name]
            drawn = STYLES.sub("", _on_a_terminal(args, tmp_path / "cache"))
            assert not ACTED_ON.search(drawn), (args, sorted({hex(ord(char)) for char in ACTED_ON.findall(drawn)}))
            assert "Traceback" not in drawn, drawn
