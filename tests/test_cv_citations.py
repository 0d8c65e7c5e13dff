"""`export cv --metrics` (a line with the numbers) and `--citations` (each entry's count), in every CV format."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import html5lib
import pytest

from conftest import Run
from scholarcli.model import Citation
from scholarcli.store.citations_file import write_citations

Scholar = Callable[..., Run]
ADA = ("--person", "Ada Lovelace")
# Ada's works: her engine (15), the undated preprint (4) and the patent (no count).
COUNTS = {
    "lovelace2024engine": Citation(15, "openalex", dt.date(2025, 6, 20)),
    "smith-undated": Citation(4, "openalex", dt.date(2025, 6, 19)),
    "babbage2021difference": Citation(99, "openalex", dt.date(2025, 6, 20)),  # not hers
}
LINE = "Citations: 19 · h-index: 2 · i10-index: 1 (OpenAlex, as of 2025-06-19; 2 of 3 works have a count)"


@pytest.fixture
def counted(library: Path) -> Path:
    write_citations(library, COUNTS)
    return library


def cv(scholar: Scholar, root: Path, *args: str) -> Run:
    run = scholar("-L", root, "export", "cv", *ADA, *args)
    assert run.exit_code == 0, run.stderr
    return run


def test_latex_gets_the_metrics_line_first_and_each_count(scholar: Scholar, counted: Path) -> None:
    text = cv(scholar, counted, "--metrics", "--citations").stdout
    lines = text.splitlines()
    assert lines[1] == f"\\noindent {LINE}\\par"
    engine = next(line for line in lines if "Analytical Engine" in line)
    assert "International Conference on Learning Representations (ICLR), 2024. Cited by 15." in engine
    assert "Cited by" not in next(line for line in lines if "Loom Control" in line)  # no count, nothing said
    plain = cv(scholar, counted).stdout
    assert "Citations:" not in plain and "Cited by" not in plain  # only when asked
    only_counts = cv(scholar, counted, "--citations").stdout
    assert "Citations:" not in only_counts and "Cited by 4." in only_counts


def test_markdown_and_html_get_them_too_and_stay_valid(scholar: Scholar, counted: Path) -> None:
    markdown = cv(scholar, counted, "--format", "markdown", "--metrics", "--citations").stdout
    assert markdown.startswith(f"{LINE}\n\n## Publications\n")
    assert "ICLR), 2024. Cited by 15." in markdown
    fragment = cv(scholar, counted, "--format", "html", "--metrics", "--citations").stdout
    parsed = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parseFragment(fragment)
    assert [p.text for p in parsed.iter("p") if p.get("class") == "metrics"] == [LINE]
    assert [s.text for s in parsed.iter("span") if s.get("class") == "cited"] == ["Cited by 15", "Cited by 4"]
    page = cv(scholar, counted, "--format", "html", "--standalone", "--metrics", "--citations").stdout
    document = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(page)
    header = document.find(".//header")
    assert header is not None
    assert [p.text for p in header.iter("p")] == [LINE]
    assert [p.text for p in document.iter("p") if p.get("class") == "cited"] == ["Cited by 15", "Cited by 4"]


def test_a_source_name_from_the_file_is_escaped(scholar: Scholar, library: Path) -> None:
    write_citations(library, {"lovelace2024engine": Citation(2, "<b>x</b> & y_z", dt.date(2025, 6, 20))})
    page = cv(scholar, library, "--format", "html", "--metrics").stdout
    assert "&lt;b&gt;x&lt;/b&gt; &amp; y_z" in page
    assert "\\_z" in cv(scholar, library, "--metrics").stdout


def test_without_counts_the_cv_says_so_and_draws_no_line_of_zeros(scholar: Scholar, library: Path) -> None:
    run = cv(scholar, library, "--metrics", "--citations")
    assert "Citations:" not in run.stdout
    assert run.stderr == "warning: no work shown has a citation count (scholar refresh --citations fetches them)\n"


@pytest.mark.parametrize("args", [["bibtex", "--metrics"], ["json-resume", "--citations"], ["rendercv", "--metrics"]])
def test_metrics_and_citations_are_options_of_cv_only(scholar: Scholar, counted: Path, args: list[str]) -> None:
    run = scholar("-L", counted, "export", *args, *ADA)
    assert run.exit_code == 2
    assert f"{args[1]} applies only to: cv" in run.stderr


@pytest.mark.tools
def test_the_latex_with_metrics_compiles_and_reads_back(scholar: Scholar, counted: Path, tmp_path: Path) -> None:
    (tmp_path / "cv.tex").write_text(cv(scholar, counted, "--metrics", "--citations").stdout)
    (tmp_path / "doc.tex").write_text(
        "\\documentclass{article}\n\\usepackage[T1]{fontenc}\n\\usepackage{lmodern}\n\\usepackage{hyperref}\n"
        "\\begin{document}\n\\input{cv}\n\\end{document}\n"
    )
    built = subprocess.run(
        ["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "doc"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert built.returncode == 0, built.stdout[-3000:]
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "doc.pdf", "-"], cwd=tmp_path, capture_output=True, text=True, check=True
    ).stdout
    flat = re.sub(r"\s+", " ", text)
    assert LINE in flat
    assert "Cited by 15." in flat
