"""The venue registry in use (issue 19): a library's [venues] over the bundled registry, for --venue,
`venues`, `check` (and --fix), `add`, `import`, the CV and the exports."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Run, write_library

Scholar = Callable[..., Run]


@pytest.fixture
def fresh(scholar: Scholar, tmp_path: Path) -> Path:
    root = tmp_path / "mine"
    assert scholar("init", root, "--person", "Ada Lovelace").exit_code == 0
    return root


def add(scholar: Scholar, root: Path, title: str, *args: str) -> Run:
    run = scholar("-L", root, "add", "--title", title, "--author", "Ada Lovelace", "--year", "2024", *args)
    assert run.exit_code == 0, run.stderr
    return run


def test_a_fresh_library_with_works_at_well_known_venues_passes_check_strict(scholar: Scholar, fresh: Path) -> None:
    for venue, kind in [("NeurIPS", "inproceedings"), ("ICML", "inproceedings"), ("ACL", "inproceedings"),
                        ("CVPR", "inproceedings"), ("Nature", "article"), ("arXiv", "preprint")]:  # fmt: skip
        add(scholar, fresh, f"A work at {venue}", "--type", kind, "--venue", venue)
    run = scholar("-L", fresh, "check", "--strict")
    assert (run.exit_code, run.stderr) == (0, "6 works, 0 errors, 0 warnings\n")


def test_venue_finds_works_by_the_bundled_names_and_aliases(scholar: Scholar, fresh: Path) -> None:
    add(scholar, fresh, "Attention", "--type", "inproceedings", "--venue", "NeurIPS")
    add(scholar, fresh, "Elsewhere", "--type", "inproceedings", "--venue", "ICML")
    for query in ("NeurIPS", "NIPS", "neural information processing", "Advances in Neural Information"):
        assert scholar("-L", fresh, "list", "--venue", query, "--format", "keys").lines == ["lovelace2024attention"]
    shown = scholar("-L", fresh, "show", "lovelace2024attention").stdout
    assert "Venue: Conference on Neural Information Processing Systems (NeurIPS)" in shown


def test_the_librarys_venues_extend_and_override_the_bundled_ones(scholar: Scholar, tmp_path: Path) -> None:
    settings = """\
        schema = 1
        [venues.ICLR]
        name = "The ICLR of our lab"
        [venues.LabDay]
        name = "Our Lab's Research Day"
        kind = "workshop"
        """
    records = {
        "iclr": 'type = "inproceedings"\ntitle = "One"\nauthors = ["A B"]\nvenue = "ICLR"\nyear = 2024\n',
        "day": 'type = "inproceedings"\ntitle = "Two"\nauthors = ["A B"]\nvenue = "LabDay"\nyear = 2024\n',
    }
    root = write_library(tmp_path / "lib", records, textwrap.dedent(settings))
    assert "Venue: The ICLR of our lab (ICLR)" in scholar("-L", root, "show", "iclr").stdout
    # the bundled name of ICLR stays an alias of the library's ICLR
    assert scholar("-L", root, "list", "--venue", "Learning Representations", "--format", "keys").lines == ["iclr"]
    rows = [line.split("\t") for line in scholar("-L", root, "venues", "--all").lines]
    assert rows[:2] == [
        ["ICLR", "The ICLR of our lab", "conference", "1"],
        ["LabDay", "Our Lab's Research Day", "workshop", "1"],
    ]
    assert ["NeurIPS", "Conference on Neural Information Processing Systems", "conference", "0"] in rows
    assert len(rows) > 1000
    assert [row[0] for row in rows].count("ICLR") == 1
    assert scholar("-L", root, "check", "--strict").exit_code == 0


def test_venues_all_lists_the_bundled_registry(scholar: Scholar) -> None:
    data = json.loads(scholar("venues", "--all", "--format", "json").stdout)
    by_acronym = {row["acronym"]: row for row in data}
    assert by_acronym["arXiv"]["works"] == 32  # the sample library's
    assert by_acronym["CVPR"] == {
        "acronym": "CVPR",
        "name": "IEEE/CVF Conference on Computer Vision and Pattern Recognition",
        "kind": "conference",
        "works": 0,
    }
    assert len(scholar("venues").lines) < 20  # without --all: the venues the works name


@pytest.mark.parametrize(("args", "loaded"), [(["list"], False), (["list", "--venue", "ICLR"], True)])
def test_the_registry_is_read_only_by_commands_that_need_it(args: list[str], loaded: bool, library: Path) -> None:
    script = "import sys\nfrom scholarcli.cli import main\ntry:\n    main(sys.argv[1:])\nfinally:\n    print('scholarcli.venues' in sys.modules, file=sys.stderr)"
    for _ in range(2):  # the first run reads the TOML files, the second the cache
        run = subprocess.run([sys.executable, "-c", script, "-L", str(library), *args], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stderr.strip() == str(loaded)
