"""`scholar export FORMAT`: selection, --keys, -o, warnings, and what each format carries."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Run
from scholarcli.formats import format_names

Scholar = Callable[..., Run]
HARD = Path(__file__).parent / "fixtures" / "hard"


def bib_keys(text: str) -> list[str]:
    return re.findall(r"^@\w+\{([^,]+),", text, flags=re.MULTILINE)


def entry_of(text: str, key: str) -> str:
    match = re.search(rf"^@\w+\{{{re.escape(key)},\n(.*?)^\}}", text, flags=re.MULTILINE | re.DOTALL)
    assert match, f"no entry {key}"
    return match.group(0)


def fields(entry: str) -> dict[str, str]:
    """An entry's fields as name -> value (the braces of the value included)."""
    return dict(re.findall(r"^  (\S+)\s+= (.*),$", entry, flags=re.MULTILINE))


def test_export_uses_the_same_filters_as_list(scholar: Scholar) -> None:
    run = scholar("export", "bibtex", "--venue", "ICLR")
    assert run.exit_code == 0
    assert sorted(bib_keys(run.stdout)) == ["sengupta2024mpdistil", "sengupta2025prunenet"]
    assert run.stderr == ""


def test_piped_keys_export_exactly_those_keys_in_their_order(scholar: Scholar) -> None:
    listed = scholar("list", "--year", "2024..", "--format", "keys").stdout
    run = scholar("export", "bibtex", "--keys", "-", input=listed)
    assert run.exit_code == 0, run.stderr
    assert bib_keys(run.stdout) == listed.split()


def test_keys_file_takes_the_first_column_of_tsv_and_skips_blank_lines(scholar: Scholar, tmp_path: Path) -> None:
    tsv = scholar("list", "--venue", "ICLR", "--format", "tsv").stdout
    keys_file = tmp_path / "keys.tsv"
    keys_file.write_text("\n" + tsv + "\n\n")
    run = scholar("export", "csl-json", "--keys", keys_file)
    assert [item["id"] for item in json.loads(run.stdout)] == [line.split("\t")[0] for line in tsv.splitlines()]


def test_an_unknown_key_is_an_error_naming_it(scholar: Scholar) -> None:
    run = scholar("export", "bibtex", "--keys", "-", input="sengupta2024mpdistil\nnosuchkey\nalso-missing\n")
    assert run.exit_code == 1
    assert run.stdout == ""
    assert run.stderr == 'error: no work with key "nosuchkey", "also-missing"\n'


def test_an_unknown_format_is_a_usage_error_listing_the_formats(scholar: Scholar) -> None:
    run = scholar("export", "yaml")
    assert run.exit_code == 2
    assert f"use one of: {', '.join(format_names())}" in run.stderr


def test_output_file_is_written_whole_and_stdout_stays_empty(scholar: Scholar, tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "refs.bib"
    target.write_text("old content")
    run = scholar("export", "bibtex", "--venue", "ICLR", "-o", target)
    assert run.exit_code == 0
    assert run.stdout == ""
    assert run.stderr == f"wrote 2 works to {target}\n"
    assert sorted(bib_keys(target.read_text())) == ["sengupta2024mpdistil", "sengupta2025prunenet"]
    assert sorted(p.name for p in target.parent.iterdir()) == ["refs.bib"]  # no temp file left behind


@pytest.mark.parametrize("where", ["missing-dir/refs.bib", "a-file/refs.bib"])
def test_output_into_a_missing_or_impossible_directory_is_a_one_line_error(
    scholar: Scholar, tmp_path: Path, where: str
) -> None:
    (tmp_path / "a-file").write_text("not a directory")
    run = scholar("export", "bibtex", "-o", tmp_path / where)
    assert run.exit_code == 1
    assert run.stderr.startswith("error: cannot write ")
    assert len(run.stderr.splitlines()) == 1
    assert not (tmp_path / "missing-dir").exists()


def test_a_record_without_a_year_still_exports_and_the_command_warns_naming_it(scholar: Scholar) -> None:
    run = scholar("-L", HARD, "export", "biblatex", "--keys", "-", input="sengupta-undated\n")
    assert run.exit_code == 0
    assert "  date" not in entry_of(run.stdout, "sengupta-undated")  # no invented date
    assert run.stderr == "warning: sengupta-undated: no date; biblatex's datamodel requires them\n"
    bibtex = scholar("-L", HARD, "export", "bibtex", "--keys", "-", input="sengupta-undated\n")
    assert "year" not in fields(bibtex.stdout)  # no placeholder: bibtex and pandoc would read it as a date
    assert "warning: sengupta-undated: no year" in bibtex.stderr


def test_equal_contribution_travels_in_biblatex_and_csl_and_in_bibtex_only_when_asked(
    scholar: Scholar,
) -> None:
    keys = "jegou2024qa\n"
    biblatex = scholar("-L", HARD, "export", "biblatex", "--keys", "-", input=keys).stdout
    assert fields(biblatex)["author+an"] == "{1=equal;2=equal}"
    [item] = json.loads(scholar("-L", HARD, "export", "csl-json", "--keys", "-", input=keys).stdout)
    assert item["custom"]["equal-contribution"] == [1, 2]
    assert "note" not in scholar("-L", HARD, "export", "bibtex", "--keys", "-", input=keys).stdout
    noted = scholar("-L", HARD, "export", "bibtex", "--equal-note", "--keys", "-", input=keys).stdout
    assert fields(noted)["note"] == "{Equal contribution: Hervé Jégou and Łukasz Kaiser}"


def test_patents_are_biblatex_patent_bibtex_misc_and_csl_patent(scholar: Scholar) -> None:
    keys = "us9876543\nus20240001\n"
    biblatex = scholar("-L", HARD, "export", "biblatex", "--keys", "-", input=keys).stdout
    granted = entry_of(biblatex, "us9876543")
    assert granted.startswith("@patent{us9876543,")
    assert fields(granted) | {"author": "", "title": "", "date": ""} == {
        "author": "",
        "title": "",
        "date": "",
        "number": "{US9876543}",
        "type": "{patentus}",
        "holder": "{{Jacquard Looms, Inc.}}",  # one name: biber would read "Inc." as a given name
    }
    assert fields(entry_of(biblatex, "us20240001"))["type"] == "{patrequs}"
    bibtex = entry_of(scholar("-L", HARD, "export", "bibtex", "--keys", "-", input=keys).stdout, "us9876543")
    assert bibtex.startswith("@misc{us9876543,")
    assert fields(bibtex)["howpublished"] == "{Patent US9876543}"
    assert fields(bibtex)["note"] == "{Granted}"
    items = json.loads(scholar("-L", HARD, "export", "csl-json", "--keys", "-", input=keys).stdout)
    assert [(i["type"], i["number"]) for i in items] == [("patent", "US9876543"), ("patent", "US20240001")]


def test_a_patent_without_a_number_is_still_said_to_be_a_patent(
    scholar: Scholar, make_library: Callable[..., Path]
) -> None:
    root = make_library(
        {"p": 'type = "patent"\ntitle = "Loom"\nauthors = ["Ada Lovelace"]\nstatus = "filed"\nyear = 2024\n'}
    )
    run = scholar("-L", root, "export", "bibtex")
    assert run.exit_code == 0, run.stderr
    assert fields(entry_of(run.stdout, "p"))["howpublished"] == "{Patent}"
    # BibLaTeX's type says granted or requested; without an office it knows, in general terms
    biblatex = scholar("-L", root, "export", "biblatex").stdout
    assert fields(entry_of(biblatex, "p"))["type"] == "{patreq}"
    (root / "p.toml").write_text((root / "p.toml").read_text().replace('"filed"', '"granted"') + 'number = "XY 123"\n')
    biblatex = scholar("-L", root, "export", "biblatex").stdout
    assert fields(entry_of(biblatex, "p"))["type"] == "{patent}"


def test_arxiv_preprints_carry_eprint_fields(scholar: Scholar) -> None:
    keys = "schmude2024prithvi\n"
    biblatex = fields(scholar("-L", HARD, "export", "biblatex", "--keys", "-", input=keys).stdout)
    assert (biblatex["eprint"], biblatex["eprinttype"], biblatex["eprintclass"]) == (
        "{2409.13598}",
        "{arxiv}",
        "{cs.LG}",
    )
    assert biblatex["author"] == "{Schmude, Johannes and Roy, Sujit and Trojak, Will and others}"
    bibtex = fields(scholar("-L", HARD, "export", "bibtex", "--keys", "-", input=keys).stdout)
    assert (bibtex["archiveprefix"], bibtex["primaryclass"]) == ("{arXiv}", "{cs.LG}")


def test_csl_types_fit_the_work(scholar: Scholar) -> None:
    items = {i["id"]: i for i in json.loads(scholar("-L", HARD, "export", "csl-json").stdout)}
    assert items["jegou2024qa"]["type"] == "paper-conference"
    assert items["sengupta-undated"]["type"] == "article-journal"
    assert items["schmude2024prithvi"]["type"] == "article"
    assert items["schmude2024prithvi"]["issued"] == {"date-parts": [[2024, 9, 20]]}
    assert "issued" not in items["kapoor-trim"]
    assert items["neumann1945report"]["author"] == [{"family": "von Neumann", "given": "John"}]


def test_json_export_is_the_list_json(scholar: Scholar) -> None:
    exported = scholar("export", "json", "--person", "Aman Gupta").stdout
    listed = scholar("list", "--person", "Aman Gupta", "--format", "json").stdout
    assert exported == listed
    assert len(json.loads(exported)) == 32


def test_export_of_a_library_with_a_broken_record_exports_the_rest_and_fails(
    scholar: Scholar, make_library: Callable[..., Path]
) -> None:
    root = make_library({"good": 'type = "misc"\ntitle = "Good"\nyear = 2020\n', "bad": 'type = "misc"\nyear = "x"\n'})
    run = scholar("-L", root, "export", "bibtex")
    assert run.exit_code == 1
    assert bib_keys(run.stdout) == ["good"]
    assert "bad.toml: year: should be an integer" in run.stderr
