"""Marks of every kind library.toml declares (equal contribution, corresponding author, student, ...):
each drawn as its symbol after the name with one legend in every human-readable output, carried as
data by the structured ones, and given back as typed by the al-folio export."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import LIBRARY_TOML, Run

Scholar = Callable[..., Run]

# The test library's settings (corresponding author, †), a person, and a kind more.
SETTINGS = LIBRARY_TOML + '\n[[people]]\nname = "Rao Fu"\n\n[marks.student]\nsymbol = "§"\nlegend = "student advised"\n'
assert '[marks.corresponding]\nsymbol = "†"\nlegend = "corresponding author"' in LIBRARY_TOML
MARKED = {
    "publications/fu2024anyhome": """\
        type = "inproceedings"
        title = "AnyHome"
        authors = ["Zehao Wen", "Zichen Liu", "Srinath Sridhar", "Rao Fu"]
        equal_contribution = ["Zehao Wen", "Rao Fu"]
        venue = "ECCV"
        year = 2024

        [marks]
        corresponding = ["Rao Fu"]
        student = ["Zichen Liu"]
        """,
    "publications/fu2023plain": """\
        type = "article"
        title = "Plain"
        authors = ["Rao Fu"]
        year = 2023
        """,
}
LEGEND = "* equal contribution; † corresponding author; § student advised"
NAMES = "Zehao Wen*, Zichen Liu§, Srinath Sridhar, Rao Fu*†"


@pytest.fixture
def marked(make_library: Callable[..., Path]) -> Path:
    return make_library(MARKED, settings=SETTINGS)


def test_list_and_show_draw_each_mark_after_the_name_and_explain_every_kind_used(
    scholar: Scholar, marked: Path
) -> None:
    tsv = scholar("-L", marked, "list", "--format", "tsv")
    assert tsv.lines[0].split("\t")[3] == NAMES
    table = scholar("-L", marked, "list", "--format", "table")
    assert (
        "*" in table.stdout and "   * equal contribution   † corresponding author   § student advised" in table.stdout
    )
    show = scholar("-L", marked, "show", "fu2024anyhome")
    assert f"Authors: {NAMES}" in show.lines and f"Legend: {LEGEND}" in show.lines
    assert not any(line.startswith("Legend") for line in scholar("-L", marked, "show", "fu2023plain").lines)


def test_json_carries_the_marks_as_data(scholar: Scholar, marked: Path) -> None:
    data = json.loads(scholar("-L", marked, "show", "fu2024anyhome", "--format", "json").stdout)
    assert data["equal_contribution"] == ["Zehao Wen", "Rao Fu"]
    assert data["marks"] == {"corresponding": ["Rao Fu"], "student": ["Zichen Liu"]}
    assert list(data)[:6] == ["key", "type", "title", "authors", "equal_contribution", "marks"]


@pytest.mark.parametrize(
    ("args", "names", "legend"),
    [
        (
            ("cv", "--format", "latex"),
            r"Zichen Liu\textsuperscript{§}, Srinath Sridhar, \textbf{Rao Fu}\textsuperscript{*†}",
            r"\par\noindent{\small\textsuperscript{*} equal contribution; \textsuperscript{†} corresponding"
            r" author; \textsuperscript{§} student advised}",
        ),
        (
            ("cv", "--format", "markdown"),
            r"Zehao Wen\*, Zichen Liu§, Srinath Sridhar, **Rao Fu**\*†",
            r"\* equal contribution; † corresponding author; § student advised",
        ),
        (
            ("cv", "--format", "html"),
            "Zichen Liu<sup>§</sup>, Srinath Sridhar, <strong>Rao Fu</strong><sup>*†</sup>",
            '<p class="legend"><sup>*</sup> equal contribution; <sup>†</sup> corresponding author;'
            " <sup>§</sup> student advised</p>",
        ),
        (
            ("cv", "--format", "html", "--standalone"),
            "Zichen Liu<sup>§</sup>, Srinath Sridhar, <strong>Rao Fu</strong><sup>*†</sup>",
            '<p class="legend"><sup>*</sup> equal contribution; <sup>†</sup> corresponding author;'
            " <sup>§</sup> student advised</p>",
        ),
        ("json-resume", f'"summary": "{NAMES} ({LEGEND})"', ""),
        ("rendercv", '- "**Rao Fu**\\\\*†"', 'summary: "\\\\* equal contribution; † corresponding author; § student'),
    ],
)
def test_every_cv_format_draws_the_marks_and_their_legend(
    scholar: Scholar, marked: Path, args: tuple[str, ...] | str, names: str, legend: str
) -> None:
    run = scholar("-L", marked, "export", *([args] if isinstance(args, str) else args), "--person", "Rao Fu")
    assert run.exit_code == 0, run.stderr
    assert names in run.stdout
    assert legend in run.stdout


def test_biblatex_annotates_each_author_with_every_kind_of_its_marks(scholar: Scholar, marked: Path) -> None:
    run = scholar("-L", marked, "export", "biblatex", "--keys", "-", input="fu2024anyhome\n")
    assert "  author+an = {1=equal;2=student;4=equal,corresponding},\n" in run.stdout


def test_csl_json_carries_equal_contribution_and_the_other_marks_in_custom(scholar: Scholar, marked: Path) -> None:
    items = json.loads(scholar("-L", marked, "export", "csl-json").stdout)
    custom = next(item for item in items if item["id"] == "fu2024anyhome")["custom"]
    assert custom == {"equal-contribution": [1, 4], "marks": {"corresponding": [4], "student": [2]}}


# --- import: marks typed into names ---------------------------------------------------------------


def _import(scholar: Scholar, root: Path, text: str, settings: str | None = None) -> Run:
    if settings is None:
        assert scholar("init", root).exit_code == 0
    else:
        root.mkdir()
        (root / "library.toml").write_text(settings, encoding="utf-8")
    bib = root.parent / "papers.bib"
    bib.write_text(text, encoding="utf-8")
    return scholar("-L", root, "import", bib)


TYPED = (
    "@article{a, title = {T}, year = 2024, author = {Wen*, Zehao and Lee^, Yong Jae and Fu*†, Rao and"
    r" Hsieh$^{*}$, Elvis and Sreenath$^{\dagger}$, Koushil and Qi\textsuperscript{\ddag}, Haozhi and"
    r" Li\#, Wei and Ning* Ding and ∗Yadav, Ravi and Roe\textdagger{}, Rick and Doe, Jane}}" + "\n"
)


def test_every_symbol_typed_into_a_name_becomes_a_mark_and_library_toml_declares_its_kind(
    scholar: Scholar, tmp_path: Path
) -> None:
    root = tmp_path / "lib"
    run = _import(scholar, root, TYPED)
    assert run.exit_code == 0, run.stderr
    work = json.loads(scholar("-L", root, "show", "a", "--format", "json").stdout)
    assert work["authors"] == [
        "Zehao Wen", "Yong Jae Lee", "Rao Fu", "Elvis Hsieh", "Koushil Sreenath", "Haozhi Qi", "Wei Li", "Ning Ding",
        "Ravi Yadav", "Rick Roe", "Jane Doe",
    ]  # fmt: skip
    assert work["equal_contribution"] == ["Zehao Wen", "Rao Fu", "Elvis Hsieh", "Ning Ding", "Ravi Yadav"]
    assert work["marks"] == {
        "corresponding": ["Rao Fu", "Koushil Sreenath", "Rick Roe"],
        "equal_advising": ["Yong Jae Lee"],
        "double_dagger": ["Haozhi Qi"],
        "number_sign": ["Wei Li"],
    }
    declared = [line for line in run.stderr.splitlines() if line.startswith("library.toml: declared")]
    assert len(declared) == 4  # once for each kind, however many names carry it
    assert '[marks.corresponding]: † "corresponding author" (what al-folio sites mean by †)' in declared[0]
    assert '[marks.double_dagger]: ‡ "double dagger" (no entry of the file says what it means)' in run.stderr
    settings = (root / "library.toml").read_text(encoding="utf-8")
    assert settings.endswith('[marks.number_sign]\nsymbol = "#"\nlegend = "number sign"\n')
    assert "# The people whose works these are" in settings  # the rest of the file as it was
    again = _import(scholar, tmp_path / "again", TYPED.replace("{a,", "{b,"))
    assert again.exit_code == 0
    # the second library reads the same; the first, asked again, declares nothing new
    assert "declared" not in scholar("-L", root, "import", tmp_path / "papers.bib").stderr


def test_a_literal_name_in_braces_keeps_every_character(scholar: Scholar, tmp_path: Path) -> None:
    root = tmp_path / "lib"
    run = _import(scholar, root, "@misc{a, title = {T}, author = {{C\\# Users Group} and {Google+} and Roe*, Rick}}\n")
    assert run.exit_code == 0, run.stderr
    work = json.loads(scholar("-L", root, "show", "a", "--format", "json").stdout)
    assert work["authors"] == ["{C# Users Group}", "{Google+}", "Rick Roe"]
    assert (work["equal_contribution"], work.get("marks")) == (["Rick Roe"], None)


def test_a_symbol_library_toml_declares_is_read_as_its_kind_and_an_annotation_explains_the_others(
    scholar: Scholar, tmp_path: Path
) -> None:
    settings = 'schema = 1\n\n[marks.student]\nsymbol = "‡"\nlegend = "student"\n'
    text = (
        "@article{a, title = {T}, author = {Ann‡, Lee and Bob§, Roe and Cy#, Poe}, annotation = {‡ Student<br>"
        "§ Project lead<br>#: Work done at Acme.}}\n"
    )
    root = tmp_path / "lib"
    run = _import(scholar, root, text, settings)
    assert run.exit_code == 0, run.stderr
    work = json.loads(scholar("-L", root, "show", "a", "--format", "json").stdout)
    assert work["marks"] == {"student": ["Lee Ann"], "project_lead": ["Roe Bob"], "work_done_at_acme": ["Poe Cy"]}
    assert '[marks.project_lead]: § "Project lead" (as the file\'s annotations explain it)' in run.stderr
    assert work["extra"] == {"annotation": "‡ Student<br>§ Project lead<br>#: Work done at Acme."}


def test_biblatex_annotations_become_marks_and_one_naming_an_unknown_kind_is_kept(
    scholar: Scholar, tmp_path: Path
) -> None:
    text = (
        "@article{a, title = {T}, author = {Ann Lee and Bob Roe}, author+an = {1=equal;2=equal,corresponding}}\n"
        "@article{b, title = {U}, author = {Ann Lee and Bob Roe}, author+an = {1=equal;2=highlight}}\n"
    )
    root = tmp_path / "lib"
    assert _import(scholar, root, text).exit_code == 0
    a = json.loads(scholar("-L", root, "show", "a", "--format", "json").stdout)
    assert (a["equal_contribution"], a["marks"], a.get("extra")) == (
        ["Ann Lee", "Bob Roe"],
        {"corresponding": ["Bob Roe"]},
        None,
    )
    b = json.loads(scholar("-L", root, "show", "b", "--format", "json").stdout)
    assert b["equal_contribution"] == ["Ann Lee"] and b["extra"] == {"author+an": "1=equal;2=highlight"}
    exported = scholar("-L", root, "export", "biblatex").stdout
    assert "author+an = {1=equal;2=equal,corresponding}" in exported
    assert "author+an = {1=equal;2=highlight}" in exported  # given back as it came


def test_an_import_that_cannot_declare_its_marks_writes_nothing(scholar: Scholar, tmp_path: Path) -> None:
    settings = 'schema = 1\nmarks = { equal_contribution = { symbol = "*", legend = "equal contribution" } }\n'
    root = tmp_path / "lib"
    run = _import(scholar, root, "@article{a, title = {T}, author = {Lee^, Ann}}\n", settings)
    assert run.exit_code == 1
    assert run.stderr.startswith("error: library.toml could not be changed to declare the marks the file's names")
    assert (root / "library.toml").read_text(encoding="utf-8") == settings
    assert not list(root.rglob("*.toml"))[1:]


# --- add --mark ------------------------------------------------------------------------------------


def test_add_types_a_mark_of_a_declared_kind_and_refuses_one_that_is_not(scholar: Scholar, marked: Path) -> None:
    base = ("-L", marked, "add", "--type", "misc", "--title", "Loom", "--author", "Rao Fu", "--author", "Ann Lee")
    run = scholar(
        *base, "--mark", "student=Ann Lee", "--mark", "corresponding=Rao Fu", "--mark", "equal_contribution=Rao Fu"
    )
    assert run.exit_code == 0, run.stderr
    work = json.loads(scholar("-L", marked, "show", run.stdout.strip(), "--format", "json").stdout)
    assert (work["equal_contribution"], work["marks"]) == (
        ["Rao Fu"],
        {"student": ["Ann Lee"], "corresponding": ["Rao Fu"]},
    )
    refused = scholar(*base, "--title", "Other", "--mark", "advisor=Rao Fu")
    assert refused.exit_code == 1
    assert (
        'marks.advisor: "advisor" is not a mark of library.toml (its marks: corresponding, student)' in refused.stderr
    )
    not_an_author = scholar(*base, "--title", "Third", "--mark", "student=Bob Roe")
    assert not_an_author.exit_code == 1 and 'marks.student: "Bob Roe" is not one of the authors' in not_an_author.stderr
    malformed = scholar(*base, "--mark", "Ann Lee")
    assert malformed.exit_code == 2 and '"Ann Lee" is not KIND=NAME' in malformed.stderr


# --- a malformed author list never hides the owner's work ------------------------------------------

OWNER = 'schema = 1\n\n[[people]]\nname = "Yuzhang Shang"\nvariants = ["Y. Shang"]\n'
MALFORMED = (
    "@article{repaired, title = {Post-training Quantization on Diffusion Models}, year = {2023},"
    " author = {Yuan*, Zhihang, and Shang, Yuzhang and Lee^, Yong Jae}, journal = {CVPR}}\n"
    "@article{kept, title = {Read Two Ways}, year = {2022}, author = {Yuan, Zhihang, Shang, Y. and Xie, Bin},"
    " journal = {ICCV}}\n"
    "@article{other, title = {Not Theirs}, year = {2021}, author = {Xie, Bin}, journal = {ICCV}}\n"
)


@pytest.mark.parametrize(
    "args",
    [
        ("list", "--format", "keys"),
        ("export", "cv", "--format", "latex"),
        ("export", "cv", "--format", "html", "--standalone"),
        ("export", "json-resume"),
        ("stats", "--format", "tsv"),
    ],
)
def test_the_owners_work_with_a_malformed_author_list_is_in_every_output_of_theirs(
    scholar: Scholar, tmp_path: Path, args: tuple[str, ...]
) -> None:
    root = tmp_path / "lib"
    assert _import(scholar, root, MALFORMED, OWNER).exit_code == 1  # the list read two ways is a problem
    run = scholar("-L", root, *args, "--person", "Yuzhang Shang")
    assert run.exit_code == 0, run.stderr
    if args[0] == "list":
        assert run.lines == ["repaired", "kept"]
    elif args[0] == "stats":
        assert "person\tYuzhang Shang\tworks=2" in run.lines
    else:
        assert "Post-training Quantization" in run.stdout and "Read Two Ways" in run.stdout
        assert "Not Theirs" not in run.stdout
    if args[1:2] == ("cv",):
        highlighted = r"\textbf{Y. Shang}" if args[3] == "latex" else "<strong>Y. Shang</strong>"
        assert highlighted in run.stdout  # the kept list's names, read leniently, the person among them
        assert "Zhihang Yuan" in run.stdout


# --- the real consumers ----------------------------------------------------------------------------

EVERY_SYMBOL = 'schema = 1\n\n[[people]]\nname = "Rao Fu"\n' + "".join(
    f'\n[marks.kind{number}]\nsymbol = "{symbol}"\nlegend = "legend {number} & 50% of #{number}"\n'
    for number, symbol in enumerate(["†", "‡", "§", "¶", "‖", "#", "^", "+"])
)
EVERY_MARK = {
    "publications/w": 'type = "inproceedings"\ntitle = "Marked"\nauthors = ["Rao Fu", "Ann Lee", "Zoë Ødegård"]\n'
    'equal_contribution = ["Rao Fu", "Ann Lee"]\nvenue = "ICLR"\nyear = 2024\n[marks]\n'
    + "".join(f'kind{number} = ["{("Rao Fu", "Ann Lee", "Zoë Ødegård")[number % 3]}"]\n' for number in range(8))
}


def _tool(name: str) -> str:
    import shutil
    import sys

    path = shutil.which(name) or str(Path(sys.executable).parent / name)
    assert Path(path).exists(), f"{name} is not installed; .ci/run installs it"
    return path


def _run(*command: str, cwd: Path) -> str:
    import subprocess

    done = subprocess.run(
        [_tool(command[0]), *command[1:]], cwd=cwd, capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, (done.stdout + done.stderr)[-3000:]
    return done.stdout


@pytest.mark.tools
def test_pdflatex_typesets_every_symbol_and_its_legend(
    scholar: Scholar, make_library: Callable[..., Path], tmp_path: Path
) -> None:
    root = make_library(EVERY_MARK, settings=EVERY_SYMBOL)
    (tmp_path / "cv.tex").write_text(scholar("-L", root, "export", "cv", "--person", "Rao Fu").stdout)
    (tmp_path / "doc.tex").write_text(
        "\\documentclass{article}\n\\usepackage[T1]{fontenc}\n\\usepackage{lmodern}\n\\usepackage{hyperref}\n"
        "\\begin{document}\n\\input{cv}\n\\end{document}\n"
    )
    _run("pdflatex", "-interaction=nonstopmode", "-halt-on-error", "doc", cwd=tmp_path)
    text = " ".join(_run("pdftotext", "-enc", "UTF-8", "doc.pdf", "-", cwd=tmp_path).split())
    for number, symbol in enumerate(["†", "‡", "§", "¶", "‖", "#", "^", "+"]):
        assert f"{symbol} legend {number} & 50% of #{number}" in text
    assert "RaoFu*†¶^,AnnLee*‡‖+,ZoëØdegård§#" in text.replace(" ", "")  # pdftotext spaces superscripts


@pytest.mark.tools
def test_biber_reads_every_kind_of_mark_as_a_data_annotation(
    scholar: Scholar, make_library: Callable[..., Path], tmp_path: Path
) -> None:
    root = make_library(EVERY_MARK, settings=EVERY_SYMBOL)
    (tmp_path / "refs.bib").write_text(scholar("-L", root, "export", "biblatex").stdout)
    validated = _run("biber", "--tool", "--validate-datamodel", "refs.bib", cwd=tmp_path)
    assert "WARN" not in validated and "ERROR" not in validated, validated
    (tmp_path / "doc.tex").write_text(
        "\\documentclass{article}\n\\usepackage[backend=biber]{biblatex}\n\\addbibresource{refs.bib}\n"
        "\\begin{document}\n\\nocite{*}\n\\printbibliography\n\\end{document}\n"
    )
    _run("pdflatex", "-interaction=nonstopmode", "-halt-on-error", "doc", cwd=tmp_path)
    _run("biber", "doc", cwd=tmp_path)
    bbl = (tmp_path / "doc.bbl").read_text()
    for kind in ("equal", *(f"kind{number}" for number in range(8))):
        assert kind in bbl.split("\\annotation{item}{author}", 1)[1], kind


@pytest.mark.tools
def test_rendercv_html5lib_and_pandoc_read_the_marks_and_legends(
    scholar: Scholar, make_library: Callable[..., Path], tmp_path: Path
) -> None:
    import html5lib

    root = make_library(EVERY_MARK, settings=EVERY_SYMBOL)
    page = scholar("-L", root, "export", "cv", "--format", "html", "--standalone", "--person", "Rao Fu").stdout
    document = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(page)
    legend = "".join(document.find(".//p[@class='legend']").itertext())
    assert "† legend 0 & 50% of #0" in legend and "+ legend 7 & 50% of #7" in legend
    markdown = scholar("-L", root, "export", "cv", "--format", "markdown", "--person", "Rao Fu").stdout
    (tmp_path / "cv.md").write_text(markdown)
    text = _run("pandoc", "-f", "gfm", "-t", "plain", "cv.md", cwd=tmp_path)
    assert "Rao Fu*†¶^" in text.replace("\n", " ") and "^ legend 6 & 50% of #6" in " ".join(text.split())
    from test_rendercv_current import INVISIBLE, rendercv_output

    sections = scholar("-L", root, "export", "rendercv", "--person", "Rao Fu").stdout
    outputs = rendercv_output(sections, tmp_path / "rendercv", "Rao Fu")  # the current RenderCV: PDF too
    pdf = outputs["pdf"].translate(INVISIBLE)
    assert "Rao Fu*†¶^, Ann Lee*‡‖+, Zoë Ødegård§#" in pdf
    assert "* equal contribution; † legend 0 & 50% of #0;" in pdf and "+ legend 7 & 50% of #7" in pdf
    assert all("legend 7" in text for text in outputs.values())


def test_csl_json_exported_and_imported_gives_back_the_marks(scholar: Scholar, marked: Path, tmp_path: Path) -> None:
    items = tmp_path / "items.json"
    items.write_text(scholar("-L", marked, "export", "csl-json").stdout, encoding="utf-8")
    again = tmp_path / "again"
    again.mkdir()
    (again / "library.toml").write_bytes((marked / "library.toml").read_bytes())
    assert scholar("-L", again, "import", items).exit_code == 0
    back = json.loads(scholar("-L", again, "show", "fu2024anyhome", "--format", "json").stdout)
    assert back["equal_contribution"] == ["Zehao Wen", "Rao Fu"]
    assert back["marks"] == {"corresponding": ["Rao Fu"], "student": ["Zichen Liu"]}
