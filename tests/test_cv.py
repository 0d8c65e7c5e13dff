"""`scholar export cv|json-resume|rendercv`: one person's CV, checked by pdflatex, html5lib, pandoc, RenderCV."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import html5lib
import pytest

from conftest import Run

Scholar = Callable[..., Run]
HARD = Path(__file__).parent / "fixtures" / "hard"
AYAN = ("--person", "Ayan Sengupta")


def tool(name: str) -> str:
    path = shutil.which(name) or str(Path(sys.executable).parent / name)
    assert Path(path).exists(), f"{name} is not installed; .ci/run installs it"
    return path


def run_tool(*command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [tool(command[0]), *command[1:]], cwd=cwd, capture_output=True, text=True, timeout=300, check=False
    )


def cv(scholar: Scholar, *args: str | Path, library: Path | None = None) -> str:
    run = scholar(*(["-L", library] if library else []), "export", "cv", *args)
    assert run.exit_code == 0, run.stderr
    return run.stdout


def test_the_person_is_highlighted_and_equal_contribution_marked_with_one_legend(scholar: Scholar) -> None:
    latex = cv(scholar, *AYAN, "--year", "2025")
    assert "Yash Goel\\textsuperscript{*}, \\textbf{Ayan Sengupta}\\textsuperscript{*}, Tanmoy Chakraborty" in latex
    assert latex.count("equal contribution") == 1
    assert "International Conference on Machine Learning (ICML), Position track, 2025" in latex
    markdown = cv(scholar, *AYAN, "--format", "markdown", "--year", "2025")
    assert "Yash Goel\\*, **Ayan Sengupta**\\*, Tanmoy Chakraborty" in markdown
    html = cv(scholar, *AYAN, "--format", "html", "--year", "2025")
    assert "Yash Goel<sup>*</sup>, <strong>Ayan Sengupta</strong><sup>*</sup>" in html


def test_a_person_is_found_by_a_name_variant(scholar: Scholar) -> None:
    assert cv(scholar, "--person", "a. sengupta") == cv(scholar, *AYAN)


def test_sections_groups_and_reverse_numbering(scholar: Scholar) -> None:
    everything = cv(scholar, *AYAN, "--format", "markdown")
    assert "## Publications" in everything and "## Patents" in everything
    assert re.findall(r"^### (\S+)", everything, flags=re.MULTILINE) == [
        "2025",
        "2024",
        "2023",
        "2021",
        "2020",
        "Undated",
    ]
    patents = cv(scholar, *AYAN, "--format", "markdown", "--section", "patents")
    assert "## Publications" not in patents
    assert patents.count("\n- ") == 7
    assert "[Patent](<https://worldwide.espacenet.com/patent/search?q=pn%3DUS12112132>)" in patents
    by_type = cv(
        scholar, *AYAN, "--format", "markdown", "--group-by", "type", "--numbered", "--section", "publications"
    )
    headings = re.findall(r"^### (.+)$", by_type, flags=re.MULTILINE)
    assert headings == ["Journal articles", "Conference papers", "Workshop papers"]
    numbers = [int(n) for n in re.findall(r"^- \\\[(\d+)\\\]", by_type, flags=re.MULTILINE)]
    # Newest highest across the whole list, as README says, whatever group an entry is in.
    assert sorted(numbers) == list(range(1, 11))
    assert numbers == [7, 1, 10, 9, 8, 6, 5, 4, 3, 2]


def test_filters_apply_to_the_cv(scholar: Scholar) -> None:
    selected = cv(scholar, *AYAN, "--format", "markdown", "--venue", "ICLR")
    assert selected.count("\n- ") + selected.startswith("- ") == 2


def test_person_may_be_left_out_only_when_the_library_has_one(
    scholar: Scholar, make_library: Callable[..., Path]
) -> None:
    run = scholar("export", "cv")
    assert run.exit_code == 1
    assert run.stderr == (
        "error: cv needs --person NAME to know whose CV it is; "
        'the people of this library: "Ayan Sengupta", "Aman Gupta"\n'
    )
    root = make_library(
        {"a": 'type = "misc"\ntitle = "Solo Work"\nauthors = ["Sam Solo"]\nyear = 2020\n'},
        settings='schema = 1\n[[people]]\nname = "Sam Solo"\n',
    )
    assert "\\textbf{Sam Solo}" in cv(scholar, library=root)


def test_an_unknown_person_lists_the_people(scholar: Scholar) -> None:
    run = scholar("export", "rendercv", "--person", "Nobody")
    assert run.exit_code == 1
    assert '"Ayan Sengupta", "Aman Gupta"' in run.stderr


def test_a_person_with_no_works_gets_an_empty_section_and_a_warning(scholar: Scholar) -> None:
    run = scholar("export", "cv", *AYAN, "--year", "1990", "--format", "html")
    assert run.exit_code == 0
    assert run.stderr == "warning: Ayan Sengupta has no works in this selection; the section is empty\n"
    assert "<h2>Publications</h2>" in run.stdout and "<li" not in run.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["cv", "--format", "pdf"],
        ["cv", "--group-by", "venue"],
        ["cv", "--section", "talks"],
        ["bibtex", "--format", "latex"],
        ["bibtex", "--numbered"],
        ["cv", "--standalone"],
    ],
)
def test_misused_cv_options_are_usage_errors(scholar: Scholar, args: list[str]) -> None:
    run = scholar("export", *args, *AYAN)
    assert run.exit_code == 2
    assert run.stdout == ""


@pytest.mark.tools
def test_latex_cv_compiles_and_the_pdf_shows_text_not_markup(scholar: Scholar, tmp_path: Path) -> None:
    (tmp_path / "sample.tex").write_text(cv(scholar, *AYAN))
    (tmp_path / "hard.tex").write_text(cv(scholar, "--person", "Hervé Jégou", library=HARD))
    (tmp_path / "doc.tex").write_text(
        "\\documentclass{article}\n\\usepackage[T1]{fontenc}\n\\usepackage{lmodern}\n\\usepackage{hyperref}\n"
        "\\begin{document}\n\\input{sample}\n\\input{hard}\n\\end{document}\n"
    )
    result = run_tool("pdflatex", "-interaction=nonstopmode", "-halt-on-error", "doc", cwd=tmp_path)
    assert result.returncode == 0, result.stdout[-3000:]
    text = run_tool("pdftotext", "-enc", "UTF-8", "doc.pdf", "-", cwd=tmp_path).stdout
    flat = re.sub(r" ,", ",", " ".join(text.split()))  # pdftotext sets a space after a superscript
    special = "Q&A at 50% cost: #1 of the best_models {really} ~ok^ for $5 \\o/ with LLMs"
    assert special in flat  # every LaTeX special character typeset as itself
    assert "Hervé Jégou*, Łukasz Kaiser*, Zoë Ødegård-Çelik" in flat
    assert "Yash Goel*, Ayan Sengupta*, Tanmoy Chakraborty" in flat
    assert "You Only Prune Once: Designing Calibration-Free Model Compression With Policy Learning" in flat
    assert flat.count("* equal contribution") == 2  # once per publications section
    rest = flat.replace(special, "")
    for leaked in ("\\", "{", "}", "textbf", "textsuperscript", "href", "emph"):
        assert leaked not in rest, leaked


def test_html_cv_is_strict_html5_with_everything_escaped(scholar: Scholar, make_library: Callable[..., Path]) -> None:
    root = make_library(
        {
            "x": 'type = "misc"\ntitle = "<script>alert(1)</script> & \\"quotes\\""\nauthors = ["Eve <b>Evil</b>"]\n'
            'year = 2021\nurl = "https://example.org/?a=1&b=\\"2\\""\n'
        },
        settings='schema = 1\n[[people]]\nname = "Eve <b>Evil</b>"\n',
    )
    page = cv(scholar, "--format", "html", "--standalone", library=root)
    document = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(page)
    assert document.find(".//script") is None and document.find(".//b") is None
    title = document.find(".//p[@class='title']/a")  # the title links to the work's address
    assert title is not None and title.text == '<script>alert(1)</script> & "quotes"'
    assert title.get("href") == 'https://example.org/?a=1&b="2"'
    fragment = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parseFragment(
        cv(scholar, "--format", "html", library=root)
    )
    title = fragment.find(".//span[@class='title']")
    assert title is not None and title.text == '<script>alert(1)</script> & "quotes"'
    link = fragment.find(".//a")
    assert link is not None and link.get("href") == 'https://example.org/?a=1&b="2"'
    for fragment_args in ([], ["--numbered"]):
        fragment = cv(scholar, *AYAN, "--format", "html", *fragment_args)
        html5lib.HTMLParser(strict=True).parseFragment(fragment)
    sample_page = cv(scholar, *AYAN, "--format", "html", "--standalone", "--numbered")
    html5lib.HTMLParser(strict=True).parse(sample_page)


@pytest.mark.tools
def test_markdown_cv_renders_through_pandoc_with_marks_as_text_and_the_person_bold(
    scholar: Scholar, tmp_path: Path
) -> None:
    (tmp_path / "cv.md").write_text(cv(scholar, *AYAN, "--format", "markdown"))
    result = run_tool("pandoc", "-f", "gfm", "-t", "html", "cv.md", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    html = result.stdout
    assert "Yash Goel*, <strong>Ayan Sengupta</strong>*, Tanmoy Chakraborty" in html
    # the only emphasis is the titles: marks never open italics
    assert html.count("<em>") == 17
    assert "<p>* equal contribution</p>" in html


@pytest.mark.tools
def test_markdown_cv_keeps_one_item_per_entry_when_a_title_has_space_at_its_edges(
    scholar: Scholar, make_library: Callable[..., Path], tmp_path: Path
) -> None:
    """Emphasis opens only before a character that is not white space: "- * title*" would be a
    nested list."""
    work = 'type = "misc"\ntitle = "{}"\nauthors = ["Ada Lovelace"]\nyear = 2021\n'
    root = make_library(
        {"a": work.format(" Spaced title "), "b": work.format("\\tTabbed\\t")},
        settings='schema = 1\n[[people]]\nname = "Ada Lovelace"\n',
    )
    (tmp_path / "cv.md").write_text(cv(scholar, "--format", "markdown", library=root))
    for reader in ("gfm", "markdown"):
        result = run_tool("pandoc", "-f", reader, "-t", "html", "cv.md", cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        fragment = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parseFragment(result.stdout)
        items = fragment.findall(".//li")
        assert len(items) == 2, result.stdout
        assert sorted(item.findtext("em") for item in items) == ["Spaced title", "Tabbed"]
        assert [item.findtext("strong") for item in items] == ["Ada Lovelace", "Ada Lovelace"]


def test_json_resume_holds_publications_and_patents_with_schema_fields(scholar: Scholar) -> None:
    run = scholar("export", "json-resume", *AYAN)
    data = json.loads(run.stdout)
    assert list(data) == ["publications"]
    items = data["publications"]
    assert len(items) == 17
    allowed = {"name", "publisher", "releaseDate", "url", "summary"}
    assert all(set(item) <= allowed for item in items)
    assert all(re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", item["releaseDate"]) for item in items if "releaseDate" in item)
    patent = next(item for item in items if "US12112132" in item["name"])
    assert patent["publisher"] == "Patent US12112132, granted"
    assert patent["url"].startswith("https://worldwide.espacenet.com/")
    prunenet = next(item for item in items if item["name"].startswith("You Only Prune Once"))
    assert prunenet["summary"] == "Ayan Sengupta*, Siddhant Chaudhary*, Tanmoy Chakraborty (* equal contribution)"


@pytest.mark.tools
def test_rendercv_renders_the_entries(scholar: Scholar, tmp_path: Path) -> None:
    sections = scholar("export", "rendercv", *AYAN).stdout
    indented = "".join(f"    {line}\n" for line in sections.splitlines() if not line.startswith("#"))
    (tmp_path / "Ayan_CV.yaml").write_text(f"cv:\n  name: Ayan Sengupta\n  sections:\n{indented}")
    # The PDF step downloads a Typst package, so only the offline outputs are rendered here.
    result = run_tool("rendercv", "render", "Ayan_CV.yaml", "--dont-generate-pdf", "--dont-generate-png", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    markdown = next((tmp_path / "rendercv_output").glob("*.md")).read_text()
    assert "Yash Goel\\*, **Ayan Sengupta**\\*, Tanmoy Chakraborty" in markdown
    assert "NATURAL LANGUAGE PROCESSING MACHINE LEARNING FRAMEWORKS" in markdown


def test_the_venues_kind_in_the_registry_decides_the_group_before_the_entry_type(
    scholar: Scholar, make_library: Callable[..., Path]
) -> None:
    """al-folio sites write their CVPR and NeurIPS papers as @article: a conference of the registry
    groups them under conference papers, a journal of the registry an @inproceedings under journals."""
    work = 'type = "{}"\ntitle = "{}"\nauthors = ["Ada Lovelace"]\nvenue = "{}"\nyear = 2024\n'
    root = make_library(
        {
            "publications/a": work.format("article", "At CVPR", "CVPR"),
            "publications/b": work.format("article", "At NeurIPS", "NeurIPS"),
            "publications/c": work.format("inproceedings", "In TMLR", "TMLR"),
            "publications/d": work.format("article", "In a free-text journal", "Annals of Engines"),
        }
    )
    text = cv(scholar, "--format", "markdown", "--group-by", "type", "--person", "Ada Lovelace", library=root)
    journals, conferences = text.split("### Conference papers")
    assert "In TMLR" in journals and "In a free-text journal" in journals
    assert "At CVPR" in conferences and "At NeurIPS" in conferences
