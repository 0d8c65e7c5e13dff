"""Exports judged by their real consumers: bibtex, biber, pdflatex and pandoc.

.ci/run installs these tools; when one is missing the test fails rather than skips.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Run
from scholarcli import index
from scholarcli.model.markup import plain
from scholarcli.store import locate

pytestmark = pytest.mark.tools  # every test here runs bibtex, biber, pdflatex or pandoc

Scholar = Callable[..., Run]
HARD = Path(__file__).parent / "fixtures" / "hard"
LIBRARIES = {"sample": locate.bundled_library_dir(), "hard": HARD}


def tool(name: str) -> str:
    path = shutil.which(name)
    assert path, f"{name} is not installed; .ci/run installs it"
    return path


def run_tool(*command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [tool(command[0]), *command[1:]],
        cwd=cwd,
        capture_output=True,
        text=True,
        errors="replace",  # pdflatex wraps its messages at 79 bytes, within a UTF-8 character
        timeout=300,
        check=False,
        stdin=subprocess.DEVNULL,
    )


def pdflatex(document: str, cwd: Path) -> None:
    result = run_tool("pdflatex", "-interaction=nonstopmode", "-halt-on-error", document, cwd=cwd)
    assert result.returncode == 0, result.stdout[-3000:]


def export(scholar: Scholar, library: Path, fmt: str, target: Path) -> set[str]:
    """Export a whole library to ``target``; the keys that scholar warned about."""
    run = scholar("-L", library, "export", fmt, "-o", target)
    assert run.exit_code == 0, run.stderr
    return set(re.findall(r"^warning: ([^:]+):", run.stderr, flags=re.MULTILINE))


@pytest.mark.parametrize("library", sorted(LIBRARIES))
@pytest.mark.parametrize("style", ["plain", "plainnat"])
def test_bibtex_export_passes_bibtex_warning_only_where_scholar_did_and_compiles(
    scholar: Scholar, tmp_path: Path, library: str, style: str
) -> None:
    warned = export(scholar, LIBRARIES[library], "bibtex", tmp_path / "refs.bib")
    (tmp_path / "doc.tex").write_text(
        "\\documentclass{article}\n\\usepackage[T1]{fontenc}\n\\usepackage{lmodern}\n"
        "\\usepackage{natbib}\n\\usepackage{url}\n\\begin{document}\n\\nocite{*}\n"
        f"\\bibliographystyle{{{style}}}\n\\bibliography{{refs}}\n\\end{{document}}\n"
    )
    pdflatex("doc", tmp_path)
    result = run_tool("bibtex", "doc", cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    assert "error" not in result.stdout.lower(), result.stdout
    # nothing is invented for a record that lacks a year or a venue: bibtex says the field is
    # empty, and only of the entries scholar's export warned about
    complaints = re.findall(r"^Warning--(.*)$", result.stdout, flags=re.MULTILINE)
    missing = [re.fullmatch(r"(?:empty \w+|there's a \w+ but no \w+) in (\S+)", line) for line in complaints]
    assert all(missing), result.stdout
    assert {found.group(1) for found in missing if found} <= warned, result.stdout
    pdflatex("doc", tmp_path)
    pdflatex("doc", tmp_path)
    log = (tmp_path / "doc.log").read_text(errors="replace")
    assert "Citation" not in log or "undefined" not in log
    entries = len(re.findall(r"^@", (tmp_path / "refs.bib").read_text(), flags=re.MULTILINE))
    assert (tmp_path / "doc.bbl").read_text().count("\\bibitem") == entries


@pytest.mark.parametrize("library", sorted(LIBRARIES))
def test_biblatex_export_passes_biber_datamodel_validation(scholar: Scholar, tmp_path: Path, library: str) -> None:
    warned = export(scholar, LIBRARIES[library], "biblatex", tmp_path / "refs.bib")
    result = run_tool("biber", "--tool", "--validate-datamodel", "refs.bib", cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    assert "ERROR" not in result.stdout
    biber_warned = set(re.findall(r"WARN - .*?Entry '([^']+)'", result.stdout))
    unexplained = [
        line for line in result.stdout.splitlines() if line.startswith("WARN") and "Missing mandatory" not in line
    ]
    # biber complains only where the record lacks a mandatory fact, and scholar said so first
    assert unexplained == []
    assert biber_warned <= warned, result.stdout


IMPORTED_VENUES = """\
@string{pami = {IEEE Trans. PAMI}}
@article{macro, author = {Ada Lovelace}, title = {On Macros}, journal = pami, year = {2020}}
@misc{preprint, author = {Ada Lovelace}, title = {A Preprint}, journal = {arXiv preprint arXiv:2401.00001}, year = {2024}}
@online{page, author = {Ada Lovelace}, title = {A Page}, journal = {Some Blog}, year = {2024}, url = {https://a.org}}
@misc{both, author = {Ada Lovelace}, title = {Both}, journal = {J}, howpublished = {H}, year = {2024}}
"""


@pytest.mark.tools
def test_an_imported_journal_is_written_where_biber_reads_it_and_warns_of_nothing(
    scholar: Scholar, tmp_path: Path
) -> None:
    """biber reads journal as journaltitle: an @article's kept journal is its journaltitle (no
    warning that it lacks one), and a @misc's or @online's goes where the datamodel has a place."""
    (tmp_path / "in.bib").write_text(IMPORTED_VENUES)
    assert scholar("init", tmp_path / "lib").exit_code == 0
    assert scholar("-L", tmp_path / "lib", "import", tmp_path / "in.bib").exit_code == 0
    run = scholar("-L", tmp_path / "lib", "export", "biblatex", "-o", tmp_path / "refs.bib")
    warnings = [line for line in run.stderr.splitlines() if line.startswith("warning")]
    # only where a @misc has its howpublished already: the journal is kept, and said to be
    assert run.exit_code == 0 and warnings == [
        "warning: both: journal written as it came; biblatex's datamodel has no journaltitle in @misc"
    ], run.stderr
    result = run_tool("biber", "--tool", "--validate-datamodel", "refs.bib", cwd=tmp_path)
    biber_warnings = [line for line in result.stdout.splitlines() if line.startswith("WARN")]
    assert biber_warnings == [
        "WARN - Datamodel: Entry 'both' (refs.bib): Invalid field 'journaltitle' for entrytype 'misc'"
    ], result.stdout
    written = (tmp_path / "refs.bib").read_text()
    assert re.search(r"@misc\{preprint,[^@]*howpublished *= \{arXiv preprint arXiv:2401.00001\}", written)
    assert re.search(r"@online\{page,[^@]*organization *= \{Some Blog\}", written)
    assert re.search(r"@article\{macro,[^@]*journal *= \{IEEE Trans. PAMI\}", written), written
    both = written[written.index("@misc{both,") :].split("\n}")[0]
    assert re.search(r"howpublished *= \{H\}", both) and re.search(r"journal *= \{J\}", both), written


@pytest.mark.parametrize("library", sorted(LIBRARIES))
def test_biblatex_document_builds_with_biber_and_pdflatex(scholar: Scholar, tmp_path: Path, library: str) -> None:
    export(scholar, LIBRARIES[library], "biblatex", tmp_path / "refs.bib")
    (tmp_path / "doc.tex").write_text(
        "\\documentclass{article}\n\\usepackage[T1]{fontenc}\n\\usepackage{lmodern}\n"
        "\\usepackage[backend=biber]{biblatex}\n\\usepackage{hyperref}\n\\addbibresource{refs.bib}\n"
        "\\begin{document}\n\\nocite{*}\n\\printbibliography\n\\end{document}\n"
    )
    pdflatex("doc", tmp_path)
    result = run_tool("biber", "doc", cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    assert "ERROR" not in result.stdout and "WARN" not in result.stdout, result.stdout
    pdflatex("doc", tmp_path)
    pdflatex("doc", tmp_path)
    bbl = (tmp_path / "doc.bbl").read_text()
    works = index.load(LIBRARIES[library]).works
    assert bbl.count("\\entry{") == len(works)
    for work in works:
        if work.is_patent:
            assert f"\\entry{{{work.key}}}{{patent}}" in bbl
        if work.equal_contribution:  # the data annotation reached biblatex
            entry = bbl.split(f"\\entry{{{work.key}}}", 1)[1].split("\\endentry", 1)[0]
            assert "\\annotation{item}{author}" in entry and "{equal}" in entry, entry


@pytest.mark.parametrize("library", sorted(LIBRARIES))
def test_csl_json_loads_in_pandoc_with_one_item_per_work(scholar: Scholar, tmp_path: Path, library: str) -> None:
    export(scholar, LIBRARIES[library], "csl-json", tmp_path / "refs.json")
    result = run_tool("pandoc", "-f", "csljson", "-t", "csljson", "refs.json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    items = json.loads(result.stdout)
    keys = {work.key for work in index.load(LIBRARIES[library]).works}
    assert sorted(item["id"] for item in items) == sorted(keys)
    patents = {item["id"] for item in items if item["type"] == "patent"}
    assert patents == {work.key for work in index.load(LIBRARIES[library]).works if work.is_patent}


def _full_name(name: dict[str, str]) -> str:
    parts = ("given", "dropping-particle", "non-dropping-particle", "family", "literal")
    return " ".join(name[part] for part in parts if name.get(part))


def _plain(text: str) -> str:
    """pandoc marks case-protected words with nocase spans; the text is what is inside."""
    return re.sub(r"</?span[^>]*>", "", text)


@pytest.mark.parametrize("fmt", ["bibtex", "biblatex"])
def test_pandoc_reads_titles_and_names_back_to_the_same_text(scholar: Scholar, tmp_path: Path, fmt: str) -> None:
    export(scholar, HARD, fmt, tmp_path / "refs.bib")
    result = run_tool("pandoc", "-f", fmt, "-t", "csljson", "refs.bib", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    read_back = {item["id"]: item for item in json.loads(result.stdout)}
    for work in index.load(HARD).works:
        item = read_back[work.key]
        title = _plain(item["title"])
        # pandoc sentence-cases English titles unless a word is protected, as scholar protects acronyms
        assert title.casefold() == plain(work.title).casefold(), work.key  # the record's markup, as shown
        for word in ("Q&A", "LLMs", "WxC:", "EDVAC", "TRIM:"):
            if word in plain(work.title):
                assert word in title, (work.key, title)
        names = [_full_name(name) for name in item.get("author", [])]
        # "and others" marks a truncated list; pandoc keeps it as a name "others"
        assert names == list(work.authors) + (["others"] if work.authors_truncated else []), work.key
    special = _plain(read_back["jegou2024qa"]["title"])
    assert special == "Q&A at 50% cost: #1 of the best_models {really} ~ok^ for $5 \\o/ with LLMs"


@pytest.mark.tools
def test_the_exports_are_judged_with_the_current_pandoc() -> None:
    """pandoc of the test extras (pypandoc_binary) runs ahead of an older one on PATH."""
    from pandoc_release import OLDEST, pandoc_version

    assert pandoc_version() >= OLDEST, f"pandoc {pandoc_version()} on PATH; pip install -e '.[test]'"


@pytest.mark.parametrize("fmt", ["bibtex", "biblatex"])
def test_pandoc_reads_a_name_with_two_accents_on_a_letter_back(
    scholar: Scholar, make_library: Callable[..., Path], tmp_path: Path, fmt: str
) -> None:
    name = "Olúwásẹ́gun Adébáyọ̀"
    root = make_library({"x": f'type = "misc"\ntitle = "T"\nauthors = ["{name}"]\nyear = 2020\n'})
    export(scholar, root, fmt, tmp_path / "refs.bib")
    result = run_tool("pandoc", "-f", fmt, "-t", "csljson", "refs.bib", cwd=tmp_path)
    assert [_full_name(author) for author in json.loads(result.stdout)[0]["author"]] == [name]
