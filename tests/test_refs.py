"""`scholar export refs --style STYLE`: a bibliography in a CSL style, by pandoc's citeproc.

Golden files of every bundled style in text, Markdown, HTML, LaTeX and Word on the sample library (regenerate
with SCHOLAR_UPDATE_GOLDEN=1 and review the diff); each entry is pandoc's own text; Word read back;
a bad style is one line and nothing written; hostile records give strict HTML and LaTeX that compiles.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import html5lib
import pytest
from hypothesis import given, settings

from conftest import Run
from scholarcli import index
from scholarcli.formats import ExportOptions, renderer
from scholarcli.formats.export_types import STYLE_FILES
from scholarcli.model import Settings, Work
from scholarcli.model.query import sort_works
from scholarcli.store.locate import bundled_library_dir
from strategies import libraries
from test_properties import batch, check_html, compiles

HERE = Path(__file__).parent
SAMPLE = bundled_library_dir()
STYLES = SAMPLE / "styles"
LIBRARY = index.load(SAMPLE, use_cache=False)
WORKS = sort_works(LIBRARY.works, "key")
EXTENSIONS = {"text": "txt", "markdown": "md", "html": "html", "latex": "tex", "docx": "document.xml"}
# golden file -> (style, format): every bundled style in text, Markdown, HTML, LaTeX and Word
GOLDEN_REFS = {
    f"refs/{style}.{extension}": (style, fmt) for style in STYLE_FILES for fmt, extension in EXTENSIONS.items()
}
NOCITE = "---\nnocite: '@*'\n---\n"


def refs(style: str, fmt: str, works: list[Work] = WORKS, library: Settings = LIBRARY.settings) -> str:
    """The bibliography's text; a Word file's word/document.xml."""
    result = renderer("refs")(works, library, ExportOptions(style=style, cv_format=fmt))
    return document_xml(result.data) if result.data is not None else result.text


def document_xml(package: bytes) -> str:
    """A Word file's text and structure: its word/document.xml, one element a line."""
    with zipfile.ZipFile(io.BytesIO(package)) as files:
        return files.read("word/document.xml").decode("utf-8").replace("><", ">\n<") + "\n"


def entries(text: str) -> list[str]:
    return [entry for entry in text.strip("\n").split("\n\n") if entry]


@pytest.mark.tools
@pytest.mark.parametrize("name", sorted(GOLDEN_REFS))
def test_refs_match_their_golden_file(name: str) -> None:
    assert LIBRARY.problems == []
    text = refs(*GOLDEN_REFS[name])
    golden = HERE / "golden" / name
    if os.environ.get("SCHOLAR_UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


@pytest.mark.tools
@pytest.mark.parametrize("style", sorted(STYLE_FILES))
def test_each_entry_is_what_pandoc_citeproc_writes_from_the_csl_json_export(
    style: str, scholar: Callable[..., Run], tmp_path: Path
) -> None:
    exported = scholar("-L", SAMPLE, "export", "csl-json", "-o", tmp_path / "works.json")
    assert exported.exit_code == 0, exported.stderr
    command = ["pandoc", "--citeproc", "--csl", str(STYLES / STYLE_FILES[style]), "--bibliography", "works.json"]
    pandoc = subprocess.run(
        [*command, "-f", "markdown", "-t", "plain", "--wrap=none"],
        input=NOCITE,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=True,
    )
    ours = scholar("-L", SAMPLE, "export", "refs", "--style", style)
    assert ours.exit_code == 0, ours.stderr
    assert entries(ours.stdout) == entries(pandoc.stdout)
    assert len(entries(ours.stdout)) == len(LIBRARY.works)


@pytest.mark.tools
def test_a_numeric_style_numbers_the_works_in_the_exports_order(scholar: Callable[..., Run]) -> None:
    by_key = scholar("-L", SAMPLE, "export", "refs", "--style", "ieee", "--sort", "key")
    reversed_ = scholar("-L", SAMPLE, "export", "refs", "--style", "ieee", "--sort", "key", "--reverse")
    first, last = entries(by_key.stdout), entries(reversed_.stdout)
    assert [entry.split("] ", 1)[1] for entry in first] == [entry.split("] ", 1)[1] for entry in reversed(last)]
    assert [entry.split(" ", 1)[0] for entry in first] == [f"[{number}]" for number in range(1, len(first) + 1)]
    # an author-date style sorts as it says, whatever the export's order
    apa = scholar("-L", SAMPLE, "export", "refs", "--style", "apa", "--sort", "key")
    apa_reversed = scholar("-L", SAMPLE, "export", "refs", "--style", "apa", "--sort", "key", "--reverse")
    assert apa.stdout == apa_reversed.stdout


@pytest.mark.tools
def test_the_selection_and_keys_choose_the_entries(scholar: Callable[..., Run], tmp_path: Path) -> None:
    keys = [work.key for work in WORKS[:3]]
    (tmp_path / "keys.txt").write_text("\n".join(keys) + "\n", encoding="utf-8")
    run = scholar("-L", SAMPLE, "export", "refs", "--style", "nature", "--keys", tmp_path / "keys.txt")
    assert run.exit_code == 0, run.stderr
    assert len(entries(run.stdout)) == 3


@pytest.mark.tools
def test_the_word_file_reads_back_with_an_entry_a_paragraph(scholar: Callable[..., Run], tmp_path: Path) -> None:
    target = tmp_path / "refs.docx"
    run = scholar("-L", SAMPLE, "export", "refs", "--style", "apa", "--format", "docx", "-o", target)
    assert run.exit_code == 0, run.stderr
    text = scholar("-L", SAMPLE, "export", "refs", "--style", "apa").stdout
    back = subprocess.run(
        ["pandoc", "-f", "docx", "-t", "plain", "--wrap=none", str(target)], capture_output=True, text=True, check=True
    )
    assert entries(back.stdout) == entries(text)
    paragraphs = [paragraph.text for paragraph in docx.Document(str(target)).paragraphs if paragraph.text]
    assert paragraphs == entries(text)


@pytest.mark.tools
def test_the_latex_compiles_alone_with_hyperref(tmp_path: Path) -> None:
    body = "\n".join(refs(style, "latex") for style in sorted(STYLE_FILES))
    assert "CSL" not in body and "phantomsection" not in body  # none of pandoc's template macros
    compiles(tmp_path, body)


@pytest.mark.tools
def test_a_dependent_style_is_rendered_with_its_bundled_parent(scholar: Callable[..., Run]) -> None:
    dependent = HERE / "fixtures" / "styles" / "vancouver-nlm.csl"
    run = scholar("-L", SAMPLE, "export", "refs", "--style", dependent)
    assert run.exit_code == 0, run.stderr
    assert run.stdout == scholar("-L", SAMPLE, "export", "refs", "--style", "vancouver").stdout


CSL_INFO = "<info><title>t</title><id>x</id><updated>2020-01-01T00:00:00+00:00</updated>{link}</info>"
STYLE_TEXT = '<?xml version="1.0"?><style xmlns="http://purl.org/net/xbiblio/csl" version="1.0">{info}</style>'
BAD_STYLES = {
    "not-xml.csl": ("@article{x, title={not XML}}", "is not XML"),
    "not-a-style.csl": ('<locale xmlns="http://purl.org/net/xbiblio/csl"/>', "is not a CSL style"),
    "orphan.csl": (
        STYLE_TEXT.format(
            info=CSL_INFO.format(
                link='<link href="http://www.zotero.org/styles/no-such-parent" rel="independent-parent"/>'
            )
        ),
        "its parent http://www.zotero.org/styles/no-such-parent is not bundled",
    ),
    "entities.csl": (
        '<?xml version="1.0"?><!DOCTYPE style [<!ENTITY a "aaaa">]><style xmlns="http://purl.org/net/xbiblio/csl">&a;</style>',
        "declares a document type",
    ),
    "no-citation.csl": (STYLE_TEXT.format(info=CSL_INFO.format(link="")), "pandoc cannot render with the style"),
}


@pytest.mark.parametrize("case", [*sorted(BAD_STYLES), "unknown-name", "missing.csl", "a-folder", "too-large.csl"])
def test_a_bad_style_is_one_line_and_nothing_is_written(case: str, scholar: Callable[..., Run], tmp_path: Path) -> None:
    style = tmp_path / case
    expected = {"unknown-name": "is no style", "missing.csl": "is no style", "a-folder": "is a folder"}.get(case, "")
    if case == "unknown-name":
        style = Path("harvard1")
    elif case == "a-folder":
        style.mkdir()
    elif case == "too-large.csl":
        style.write_text(" " * (1 << 20) + "<style/>", encoding="utf-8")
        expected = "is larger than a CSL style may be here"
    elif case in BAD_STYLES:
        text, expected = BAD_STYLES[case]
        style.write_text(text, encoding="utf-8")
    target = tmp_path / "refs.txt"
    run = scholar("-L", SAMPLE, "export", "refs", "--style", style, "-o", target)
    assert run.exit_code == 1, run.stderr
    assert run.stdout == ""
    assert run.stderr.startswith("error: ") and run.stderr.count("\n") == 1, run.stderr
    assert expected in run.stderr
    assert not target.exists()


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("refs",), "refs needs --style NAME|FILE"),
        (("cv", "--format", "text"), "cv writes --format text only in a citation style"),
        (("bibtex", "--style", "apa"), "--style applies only to: cv, refs"),
    ],
)
def test_a_style_option_out_of_place_is_a_usage_error(
    args: tuple[str, ...], said: str, scholar: Callable[..., Run], tmp_path: Path
) -> None:
    target = tmp_path / "out"
    run = scholar("-L", SAMPLE, "export", *args, "-o", target)
    assert run.exit_code == 2, run.stderr
    assert said in run.stderr
    assert not target.exists()


HREF = re.compile(r'href="([^"]*)"')


@pytest.mark.tools
@settings(max_examples=25)
@given(library=libraries())
def test_hostile_records_give_strict_html_with_web_links_only(library: tuple[Settings, list[Work]]) -> None:
    settings_, works = library
    for style in ("apa", "ieee"):
        text = refs(style, "html", works, settings_)
        document = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parseFragment(text)
        elements = check_html(document)
        assert all(
            element.get("href").startswith(("http://", "https://")) for element in elements if element.tag == "a"
        )
        assert "<script" not in text.lower()


@pytest.mark.tools
def test_hostile_records_give_latex_that_compiles(tmp_path: Path) -> None:
    """A batch of hostile libraries, each in three styles, one after another in one document, compiles."""
    bodies = [
        refs(style, "latex", works, settings_) for settings_, works in batch() for style in ("apa", "ieee", "mla")
    ]
    compiles(tmp_path, "\n".join(bodies))


HOSTILE = {
    "publications/evil2024": """\
        type = "article"
        title = "<script>alert(1)</script> \\\\input{/etc/passwd} & 100% $x^2$ {\\\\bf} ~ # _"
        authors = ["Robert'); DROP TABLE <b>Students</b>", "Ann & Co"]
        year = 2024
        doi = "10.1000/\\"onmouseover=\\"alert(1)"
        """,
    "publications/evil2023": """\
        type = "misc"
        title = "[click](javascript:alert(1)) <a href='javascript:alert(1)'>x</a>"
        authors = ["Mallory"]
        year = 2023
        url = "javascript:alert(1)"
        """,
}


@pytest.mark.tools
@pytest.mark.parametrize("style", ["apa", "ieee"])
def test_an_address_but_the_webs_is_left_out_and_said(
    style: str, scholar: Callable[..., Run], make_library: Callable[..., Path], tmp_path: Path
) -> None:
    root = make_library(HOSTILE)
    run = scholar("-L", root, "export", "refs", "--style", style, "--format", "html")
    assert run.exit_code == 0, run.stderr
    elements = check_html(html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parseFragment(run.stdout))
    hrefs = [element.get("href") for element in elements if element.tag == "a"]
    assert all(href.startswith(("http://", "https://")) for href in hrefs), hrefs
    assert not [href for href in hrefs if "javascript" in href], hrefs
    assert "evil2023: URL 'javascript:alert(1)' is not an http(s) address; left out" in run.stderr
    assert "&lt;a href=" in run.stdout and "&lt;script&gt;" in run.stdout  # the titles' text, shown as text
    latex = scholar("-L", root, "export", "refs", "--style", style, "--format", "latex", "-o", tmp_path / "body.tex")
    assert latex.exit_code == 0, latex.stderr
    body = (tmp_path / "body.tex").read_text(encoding="utf-8")
    compiles(tmp_path, body)


@pytest.mark.tools
@pytest.mark.parametrize(
    "args",
    [
        ["refs", "--style", "ieee"],
        ["refs", "--style", "apa", "--format", "markdown", "--year", "2024"],
        ["refs"],
        ["cv", "--format", "text"],
        ["bibtex", "--style", "apa"],
    ],
    ids=" ".join,
)
def test_the_quick_path_and_the_typer_app_agree_on_refs(
    args: list[str], scholar: Callable[..., Run], scholar_typer: Callable[..., Run]
) -> None:
    argv = ["-L", str(SAMPLE), "export", *args]
    assert scholar(*argv) == scholar_typer(*argv)


def test_without_pandoc_refs_says_how_to_get_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    from scholarcli.errors import ScholarError
    from scholarcli.formats import citeproc

    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *args: None)  # no pypandoc_binary
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))  # and no pandoc on PATH
    with pytest.raises(ScholarError, match=r"needs pandoc: pip install 'scholarcli\[styles\]'"):
        citeproc.pandoc()
