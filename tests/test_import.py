"""`scholar import`: real-world BibTeX in, nothing lost, and exports no worse than what came in."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Run, interrupt_after
from scholarcli import index
from scholarcli.formats.bib_reading import parse
from scholarcli.model import Settings
from scholarcli.model.markup import plain

Scholar = Callable[..., Run]
FIXTURES = Path(__file__).parent / "fixtures" / "bib"

CRAFTED = r"""
@string{icml = "International Conference on Machine Learning"}
@string{pmlr = "PMLR"}
@inproceedings{jegou2020q,
  author = {J{\'e}gou, Herv{\'e} and {\L}ukasz Kaiser and others},
  author+an = {1=equal;2=equal},
  title = {{Q}uantization at \emph{Scale}: 50\% Off --- {BERT} \& Co.},
  booktitle = icml # " 2020",
  publisher = pmlr,
  year = 2020, month = sep,
  pages = {1--10},
  keywords = {compression; quantization},
  doi = {10.5555/abc\_def},
  timestamp = {Wed, 23 Jun 2021 17:36:39 +0200},
}
@misc{arxiv2409, author = {Schmude, Johannes}, title = {Prithvi {WxC}}, eprint = {2409.13598},
  archivePrefix = {arXiv}, primaryClass = {cs.LG}, year = {2024}}
@online{site, title = {A Website}, url = {https://example.org/a_b}, urldate = {2024-01-02}}
@software{tool, author = {Doe, Jane}, title = {tool}, version = {1.2}, date = {2023-05}}
@misc{broken, title = {never closed
@book{second, title = {After the broken one}, author = {Roe, Richard}, year = {1999}, publisher = {Pub}}
"""


def _library(scholar: Scholar, tmp_path: Path, name: str = "lib") -> Path:
    root = tmp_path / name
    assert scholar("init", root).exit_code == 0
    return root


def test_import_maps_fields_decodes_latex_and_keeps_the_rest(scholar: Scholar, tmp_path: Path) -> None:
    root = _library(scholar, tmp_path)
    run = scholar("-L", root, "import", "-", input=CRAFTED)
    assert run.exit_code == 1  # the broken block is a problem, reported
    assert run.lines == ["jegou2020q", "arxiv2409", "site", "tool", "second"]
    assert "not a BibTeX entry scholar can read; skipped" in run.stderr
    assert (
        run.stderr.splitlines()[-1] == "6 entries: imported 5, skipped 0 (already in the library), failed 1; 1 problem"
    )
    library = index.load(root)
    q = library.get("jegou2020q")
    assert q.title == "{Q}uantization at \\emph{Scale}: 50% Off — {BERT} & Co."  # record markup
    assert q.authors == ("Hervé Jégou", "Łukasz Kaiser")
    assert q.authors_truncated and q.equal_contribution == ("Hervé Jégou", "Łukasz Kaiser")
    assert (q.venue, q.publisher, q.year, q.month, q.pages) == ("ICML", "PMLR", 2020, 9, "1-10")  # the registry's
    assert q.tags == ("compression", "quantization")
    assert q.doi == "10.5555/abc_def"
    assert q.extra == {  # kept as it came; the venue's text too, for export
        "timestamp": "Wed, 23 Jun 2021 17:36:39 +0200",
        "booktitle": "International Conference on Machine Learning 2020",
    }
    preprint = library.get("arxiv2409")
    assert (preprint.type, preprint.arxiv, preprint.venue, preprint.categories) == (
        "preprint",
        "2409.13598",
        "arXiv",
        ("cs.LG",),
    )
    site, tool = library.get("site"), library.get("tool")
    assert (site.type, site.bibtex_type, site.extra) == ("misc", "online", {"urldate": "2024-01-02"})
    assert (tool.bibtex_type, tool.year, tool.month, tool.extra) == ("software", 2023, 5, {"version": "1.2"})
    exported = scholar("-L", root, "export", "biblatex", "--keys", "-", input="site\ntool\n").stdout
    assert "@online{site," in exported and "@software{tool," in exported and "urldate" in exported


def test_importing_the_same_file_twice_adds_nothing(scholar: Scholar, tmp_path: Path) -> None:
    root = _library(scholar, tmp_path)
    source = FIXTURES / "dblp.bib"
    first = scholar("-L", root, "import", source)
    assert first.exit_code == 0 and len(first.lines) == 5
    again = scholar("-L", root, "import", source)
    assert again.exit_code == 0
    assert again.stdout == ""
    assert (
        again.stderr.splitlines()[-1]
        == "5 entries: imported 0, skipped 5 (already in the library), failed 0; 0 problems"
    )
    assert len(index.load(root).works) == 5


def test_a_dblp_key_is_kept_verbatim_in_a_record_with_a_portable_name(scholar: Scholar, tmp_path: Path) -> None:
    root = _library(scholar, tmp_path)
    run = scholar("-L", root, "import", FIXTURES / "dblp.bib")
    assert run.exit_code == 0 and "DBLP:conf/iclr/LiuSY19" in run.lines
    record = root / "publications" / "DBLP_conf_iclr_LiuSY19.toml"
    assert record.read_text().startswith('key = "DBLP:conf/iclr/LiuSY19"\n')
    assert scholar("-L", root, "import", FIXTURES / "dblp.bib").lines == []  # the same file again adds nothing
    assert "@inproceedings{DBLP:conf/iclr/LiuSY19," in scholar("-L", root, "export", "bibtex").stdout
    assert scholar("-L", root, "show", "DBLP:conf/iclr/LiuSY19").exit_code == 0
    darts = index.load(root).get("DBLP:conf/iclr/LiuSY19")
    assert darts.title == "{DARTS:} Differentiable Architecture Search"  # DBLP protects the acronym
    assert darts.url == "https://openreview.net/forum?id=S1eYHoC5FX"


@pytest.mark.tools  # xampl.bib comes with TeX Live
def test_entries_of_one_file_that_look_alike_stay_records_of_their_own_and_are_named(
    scholar: Scholar, tmp_path: Path
) -> None:
    root = _library(scholar, tmp_path)
    run = scholar("-L", root, "import", tex_file("xampl.bib"))
    entries = len(parse(tex_file("xampl.bib").read_text(), "x", Settings(schema=1)).entries)
    assert len(run.lines) == entries
    assert (
        run.stderr.splitlines()[-1]
        == f"{entries} entries: imported {entries}, skipped 0 (already in the library), failed 0; 0 problems"
    )
    assert (
        'note: article-full: looks like "article-minimal" (same title, year and first author) but differs in month,'
        " volume, issue, pages, note; kept as a work of its own (scholar merge article-minimal article-full makes them one)"
    ) in run.stderr.splitlines()
    full = index.load(root).get("techreport-full")
    assert (full.number, full.month, full.authors) == ("7", 10, ("Tom Térrific",))


def tex_file(name: str) -> Path:
    kpsewhich = shutil.which("kpsewhich")
    assert kpsewhich, "TeX Live is not installed; .ci/run installs it"
    found = subprocess.run([kpsewhich, name], capture_output=True, text=True, check=False).stdout.strip()
    assert found, f"{name} is not installed; .ci/run installs it"
    return Path(found)


def _renames(stderr: str) -> dict[str, str]:
    return dict(re.findall(r'^note: [^:]+(?::[^:]+)*?: the key "([^"]+)" is not a safe file name; it became "([^"]+)"',
                           stderr, flags=re.MULTILINE))  # fmt: skip


def _tool(*command: str, cwd: Path) -> str:
    path = shutil.which(command[0])
    assert path, f"{command[0]} is not installed; .ci/run installs it"
    result = subprocess.run([path, *command[1:]], cwd=cwd, capture_output=True, text=True, timeout=300, check=False)
    return result.stdout


def _bibtex_warnings(bib: Path, renames: dict[str, str]) -> set[str]:
    (bib.parent / f"{bib.stem}.aux").write_text(f"\\citation{{*}}\n\\bibdata{{{bib.stem}}}\n\\bibstyle{{plain}}\n")
    _tool("bibtex", bib.stem, cwd=bib.parent)
    log = (bib.parent / f"{bib.stem}.blg").read_text(errors="replace")
    lines = re.findall(r"^(Warning--.*|.*---line \d+ of file.*)$", log, flags=re.MULTILINE)
    return {_normalise(line, renames) for line in lines if "Warning" in line}


def _biber_warnings(bib: Path, renames: dict[str, str]) -> set[str]:
    output = _tool("biber", "--tool", "--validate-datamodel", bib.name, cwd=bib.parent)
    lines = [line for line in output.splitlines() if line.startswith("WARN")]
    return {_normalise(re.sub(r" \([^)]*\.bib\)", "", line), renames) for line in lines}


def _normalise(line: str, renames: dict[str, str]) -> str:
    """A warning as it would read for the original: file names out, keys as they came in, and a
    field's quoted value out (biber quotes "10~1" for the original's `"10~" # jan`, "10~jan" for ours)."""
    line = re.sub(r" in [^ ]+\.bib$", "", line)
    line = re.sub(r"(field) '[^']*'", r"\1 '...'", line)
    for old, new in sorted(renames.items(), key=lambda pair: -len(pair[1])):  # longest first: "xa" before "x"
        line = line.replace(new, old)
    return line


REAL_FILES = {
    "biblatex-examples": lambda: tex_file("biblatex-examples.bib"),
    "xampl": lambda: tex_file("xampl.bib"),
    "dblp": lambda: FIXTURES / "dblp.bib",
    "al-folio": lambda: FIXTURES / "al-folio-papers.bib",
    "patents": lambda: FIXTURES / "patents.bib",
}


@pytest.mark.tools
@pytest.mark.parametrize("name", sorted(REAL_FILES))
def test_real_files_import_completely_and_export_no_worse(scholar: Scholar, tmp_path: Path, name: str) -> None:
    source = REAL_FILES[name]()
    original = parse(source.read_text(encoding="utf-8"), source.name, Settings(schema=1)).entries
    root = _library(scholar, tmp_path)
    run = scholar("-L", root, "import", "--allow-duplicates", source)
    assert run.exit_code == 0, run.stderr
    renames = _renames(run.stderr)
    assert len(run.lines) == len(original)  # every entry became a record

    out = tmp_path / "out"
    out.mkdir()
    shutil.copy(source, out / "original.bib")
    assert scholar("-L", root, "export", "bibtex", "-o", out / "back.bib").exit_code == 0
    assert scholar("-L", root, "export", "biblatex", "-o", out / "back-biblatex.bib").exit_code == 0

    # titles and authors survive the round trip
    back = {e.key: e for e in parse((out / "back.bib").read_text(), "back.bib", Settings(schema=1)).entries}
    for entry in original:
        again = back[renames.get(entry.key, entry.key)]
        # the same text (a @set may have none); the export protects acronyms a title left bare, and
        # that protection comes back as the record's markup
        assert plain(again.record.get("title", "")) == plain(entry.record.get("title", "")), entry.key
        assert again.record.get("authors") == entry.record.get("authors"), entry.key

    # bibtex and biber report nothing on the exports that they did not report on the original
    assert _bibtex_warnings(out / "back.bib", renames) <= _bibtex_warnings(out / "original.bib", {})
    original_biber = _biber_warnings(out / "original.bib", {})
    assert _biber_warnings(out / "back-biblatex.bib", renames) <= original_biber


def test_an_interrupted_import_says_what_it_wrote_leaves_whole_records_and_exits_130(
    scholar: Scholar, tmp_path: Path
) -> None:
    from scholarcli.library import importing

    root = _library(scholar, tmp_path)
    source = tmp_path / "many.bib"
    source.write_text(
        "".join(
            f"@article{{w{n},\n  author = {{Author{n}, Given and Other, Person}},\n  title = {{Work number {n}}},\n"
            f"  journal = {{Journal}},\n  year = {{{1990 + n % 30}}},\n  abstract = {{{'Long text. ' * 40}}},\n}}\n\n"
            for n in range(400)
        )
    )
    with pytest.MonkeyPatch.context() as patch:
        interrupt_after(patch, importing, "save", 174)
        run = scholar("-L", root, "import", source)
    assert run.exit_code == 130, run.stderr
    assert run.lines == [f"w{n}" for n in range(174)]  # every record written, and no other, is named
    assert run.stderr.splitlines()[-1] == (
        "400 entries: imported 174, skipped 0 (already in the library), failed 0, not reached 226; 0 problems;"
        " interrupted (every record written is whole)"
    )
    assert not [p for p in root.rglob("*") if p.name.endswith(".tmp")]
    library = index.load(root)
    assert library.problems == [] and sorted(work.key for work in library.works) == sorted(run.lines)
    again = scholar("-L", root, "import", source)  # the rest comes in on the next run
    assert again.exit_code == 0 and len(again.lines) == 400 - 174


UNDEFINED_STRING = """
@techreport(McDermott:72, author = MCDERMOTT # { and Gerald J. Sussman}, year = {1972}, month = May,
  institution = {MIT AI Lab}, title = {The {\\sc CONNIVER} Reference Manual})
"""


def test_an_undefined_string_is_kept_and_exported_bare_for_the_file_that_defines_it(
    scholar: Scholar, tmp_path: Path
) -> None:
    root = _library(scholar, tmp_path)
    source = tmp_path / "refs.bib"
    source.write_text(UNDEFINED_STRING, encoding="utf-8")
    run = scholar("-L", root, "import", source)
    assert run.exit_code == 0 and "McDermott:72: author: the @string MCDERMOTT is not defined" in run.stderr
    work = index.load(root).get("McDermott:72")
    assert work.authors == () and work.macros == {"author": "MCDERMOTT # { and Gerald J. Sussman}"}
    checked = scholar("-L", root, "check").stderr
    assert "authors: is empty: its BibTeX is the @string MCDERMOTT # { and Gerald J. Sussman}, which" in checked
    for fmt in ("bibtex", "biblatex"):
        exported = scholar("-L", root, "export", fmt).stdout
        assert "= MCDERMOTT # { and Gerald J. Sussman},\n" in exported, exported
        assert "@techreport{McDermott:72," in exported or "@report{McDermott:72," in exported
    # with a file that defines it, bibtex reads the author the source meant
    defined = tmp_path / "strings.bib"
    defined.write_text('@string{MCDERMOTT = "Drew McDermott"}\n' + scholar("-L", root, "export", "bibtex").stdout)
    again = _library(scholar, tmp_path, "again")
    assert scholar("-L", again, "import", defined).exit_code == 0
    assert index.load(again).get("McDermott:72").authors == ("Drew McDermott", "Gerald J. Sussman")


READ_AS_BIBTEX_READS = """
@inproceedings{bunne:22, author = {Bunne, Charlotte and marco cuturi}, title = {Supervised Training},
  booktitle = {NeurIPS}, year = 2022}
@article{greek, author = {Καρυωτάκης, Κώστας}, title = {Dynamic polarization:\u2009enhanced   sensitivity},
  journal = {J}, year = 2006}
%@BOOK{L27,
%  AUTHOR = {Smith, Jr., Bill}
%}
"""


def test_import_reads_names_space_and_commented_entries_as_bibtex_does(scholar: Scholar, tmp_path: Path) -> None:
    root = _library(scholar, tmp_path)
    source = tmp_path / "refs.bib"
    source.write_text(READ_AS_BIBTEX_READS, encoding="utf-8")
    run = scholar("-L", root, "import", source)
    assert run.exit_code == 0, run.stderr
    # bibtex reads L27 (the % comments nothing in a .bib file) up to the field name it cannot read
    assert 'L27: bibtex cannot read the field name "%  AUTHOR"' in run.stderr
    exported = scholar("-L", root, "export", "bibtex").stdout
    assert "@book{L27," in exported or "@misc{L27," in exported
    # all lower case, "marco" is BibTeX's von part, not a given name, and is written back so
    assert "author    = {Bunne, Charlotte and marco cuturi}," in exported
    # a Greek name is text, not math; a thin space is a character, white space runs collapse
    assert "author  = {Καρυωτάκης, Κώστας}," in exported
    assert "title   = {Dynamic polarization:\u2009enhanced sensitivity}," in exported
    assert scholar("-L", root, "show", "bunne:22").stdout.count("Charlotte Bunne, marco cuturi") == 1
