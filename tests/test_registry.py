"""The venue registry in use: a library's [venues] over the bundled registry, for --venue,
`venues`, `check` (and --fix), `add`, `import`, the CV and the exports."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Run, write_library
from scholarcli import index, venues
from scholarcli.index import shards

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
    add(scholar, fresh, "A preprint with no venue", "--type", "preprint", "--arxiv", "2409.13598")
    run = scholar("-L", fresh, "check", "--strict")
    assert (run.exit_code, run.stderr) == (0, "7 works, 0 errors, 0 warnings\n")


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


FREE_TEXT = {
    "acl": """\
        type = "inproceedings"
        title = "One"
        authors = ["A B"]
        venue = "Proceedings of the 61st Annual Meeting of the Association for Computational Linguistics (Volume 1: Long Papers)"
        year = 2023
        """,
    "jmlr": 'type = "article"\ntitle = "Two"\nauthors = ["A B"]\nvenue = "J. Mach. Learn. Res."\nyear = 2021\n',
    "findings": """\
        type = "inproceedings"
        title = "Three"
        authors = ["A B"]
        venue = "Findings of the Association for Computational Linguistics: EMNLP 2023"
        year = 2023
        """,
    "typo": 'type = "inproceedings"\ntitle = "Four"\nauthors = ["A B"]\nvenue = "ICLRR"\nyear = 2024\n',
    "nowhere": 'type = "misc"\ntitle = "Five"\nauthors = ["A B"]\nvenue = "A Place Of Our Own"\nyear = 2024\n',
}


def test_check_names_the_registry_venue_of_free_text_and_fix_links_it(scholar: Scholar, tmp_path: Path) -> None:
    root = write_library(tmp_path / "lib", FREE_TEXT, "schema = 1\n")
    run = scholar("-L", root, "check")
    assert run.exit_code == 0
    assert run.stderr.splitlines() == [
        'warning: acl.toml: venue: "Proceedings of the 61st Annual Meeting of the Association for Computational '
        'Linguistics (Volume 1: Long Papers)" names ACL of the venue registry: `scholar check --fix` links it '
        "(its text kept in extra.booktitle, which BibTeX exports give back)",
        'warning: findings.toml: venue: "Findings of the Association for Computational Linguistics: EMNLP 2023" names '
        "EMNLP (Findings track) of the venue registry: `scholar check --fix` links it (its text kept in "
        "extra.booktitle, which BibTeX exports give back)",
        'warning: jmlr.toml: venue: "J. Mach. Learn. Res." names JMLR of the venue registry: `scholar check --fix` '
        "links it (its text kept in extra.journal, which BibTeX exports give back)",
        'warning: nowhere.toml: venue: "A Place Of Our Own" is not in the venue registry (the bundled one or '
        "library.toml's [venues])",
        'warning: typo.toml: venue: "ICLRR" is not in the venue registry (did you mean ICLR?)',
        "5 works, 0 errors, 5 warnings",
    ]
    before = {name: (root / f"{name}.toml").read_bytes() for name in ("typo", "nowhere")}
    fixed = scholar("-L", root, "check", "--fix")
    assert fixed.exit_code == 0
    assert [line.split(":")[0] for line in fixed.stderr.splitlines()[:3]] == ["acl.toml", "findings.toml", "jmlr.toml"]
    assert fixed.stderr.splitlines()[-1] == "5 works, 0 errors, 2 warnings"
    library = index.load(root)
    assert (library.get("acl").venue, library.get("acl").track) == ("ACL", None)
    assert (library.get("findings").venue, library.get("findings").track) == ("EMNLP", "Findings")
    assert library.get("jmlr").extra == {"journal": "J. Mach. Learn. Res."}
    assert {name: (root / f"{name}.toml").read_bytes() for name in before} == before
    again = scholar("-L", root, "check", "--fix")
    assert again.stderr.splitlines()[-1] == "5 works, 0 errors, 2 warnings" and len(again.stderr.splitlines()) == 3

    bibtex = scholar("-L", root, "export", "bibtex", "--keys", "-", input="acl\njmlr\n").stdout
    assert "booktitle = {Proceedings of the 61st Annual Meeting of the Association for Computational" in bibtex
    assert "  journal = {J. Mach. Learn. Res.},\n" in bibtex and bibtex.count("journal") == 1
    biblatex = scholar("-L", root, "export", "biblatex", "--keys", "-", input="jmlr\n").stdout
    # the text as it was kept, once: biber reads journal as journaltitle
    assert (
        re.search(r"\n  journal(title)? = \{J\. Mach\. Learn\. Res\.\},\n", biblatex) and biblatex.count("journal") == 1
    )
    csl = json.loads(scholar("-L", root, "export", "csl-json", "--keys", "-", input="jmlr\n").stdout)
    assert csl[0]["container-title"] == "Journal of Machine Learning Research (JMLR)"


def test_check_fix_refuses_the_bundled_sample(scholar: Scholar) -> None:
    run = scholar("check", "--fix")
    assert run.exit_code == 1
    assert "bundled sample library" in run.stderr and "read-only" in run.stderr


def test_add_stores_a_registry_venue_by_its_acronym_and_suggests_for_a_near_miss(scholar: Scholar, fresh: Path) -> None:
    named = add(
        scholar, fresh, "Named", "--type", "inproceedings", "--venue", "international conference on machine learning"
    )
    assert named.stderr.splitlines()[-1] == (
        'note: venue "international conference on machine learning" names ICML of the venue registry: stored as ICML'
    )
    dblp = "The Thirteenth International Conference on Learning Representations, ICLR 2025, Singapore"
    long = add(scholar, fresh, "Long", "--type", "inproceedings", "--venue", dblp)
    assert "stored as ICLR (its text kept in extra.booktitle, which BibTeX exports give back)" in long.stderr
    near = add(scholar, fresh, "Near", "--type", "inproceedings", "--venue", "NeurlPS")
    assert (
        near.stderr.splitlines()[-1]
        == 'note: "NeurlPS" is not in the venue registry; stored as written (did you mean NeurIPS?)'
    )
    plain = add(scholar, fresh, "Plain", "--type", "inproceedings", "--venue", "CVPR")
    assert plain.stderr == "added publications/lovelace2024plain.toml\n"
    library = index.load(fresh)
    assert [library.get(f"lovelace2024{word}").venue for word in ("named", "long", "near", "plain")] == [
        "ICML", "ICLR", "NeurlPS", "CVPR"]  # fmt: skip
    assert library.get("lovelace2024long").extra == {"booktitle": dblp}


DBLP_2025 = r"""
@inproceedings{DBLP:conf/iclr/Example25,
  author       = {Ada Lovelace and
                  Charles Babbage},
  title        = {An Analytical Engine for Learning},
  booktitle    = {The Thirteenth International Conference on Learning Representations,
                  {ICLR} 2025, Singapore, April 24-28, 2025},
  publisher    = {OpenReview.net},
  year         = {2025},
  url          = {https://openreview.net/forum?id=abc},
  biburl       = {https://dblp.org/rec/conf/iclr/Example25.bib},
}
@article{DBLP:journals/corr/abs-2409-13598,
  author       = {Ada Lovelace},
  title        = {A Preprint},
  journal      = {CoRR},
  volume       = {abs/2409.13598},
  year         = {2024},
  eprint       = {2409.13598},
  eprinttype   = {arXiv},
}
"""


def test_import_of_a_dblp_entry_links_iclr_and_exports_its_booktitle(scholar: Scholar, fresh: Path) -> None:
    run = scholar("-L", fresh, "import", "-", input=DBLP_2025)
    assert run.exit_code == 0, run.stderr
    assert scholar("-L", fresh, "list", "--venue", "ICLR", "--format", "keys").lines == ["DBLP:conf/iclr/Example25"]
    work = index.load(fresh).get("DBLP:conf/iclr/Example25")
    # DBLP's braces protect the acronym: the booktitle is kept as the source wrote it
    booktitle = (
        "The Thirteenth International Conference on Learning Representations, {ICLR} 2025, Singapore, April 24-28, 2025"
    )
    assert (work.venue, " ".join(work.extra["booktitle"].split())) == ("ICLR", booktitle)
    for fmt in ("bibtex", "biblatex"):
        exported = scholar("-L", fresh, "export", fmt).stdout
        assert booktitle in " ".join(exported.split()), fmt
    corr = index.load(fresh).get("DBLP:journals/corr/abs-2409-13598")
    assert (corr.venue, corr.extra["journal"]) == ("arXiv", "CoRR")
    assert (
        "  journal       = {CoRR},\n"
        in scholar("-L", fresh, "export", "bibtex", "--keys", "-", input="DBLP:journals/corr/abs-2409-13598\n").stdout
    )
    assert scholar("-L", fresh, "check", "--strict").exit_code == 0


def test_a_preprint_with_an_arxiv_id_and_no_venue_reads_as_an_arxiv_preprint(scholar: Scholar, fresh: Path) -> None:
    add(scholar, fresh, "Prithvi", "--type", "preprint", "--arxiv", "2409.13598")
    assert scholar("-L", fresh, "list").lines[0].split("\t")[5] == "arXiv:2409.13598"  # the venue column
    assert "Venue: arXiv preprint arXiv:2409.13598" in scholar("-L", fresh, "show", "lovelace2024prithvi").stdout
    assert scholar("-L", fresh, "list", "--venue", "arXiv", "--format", "keys").lines == ["lovelace2024prithvi"]
    assert scholar("-L", fresh, "venues").lines == ["arXiv\tarXiv\tpreprint\t1"]
    markdown = scholar("-L", fresh, "export", "cv", "--format", "markdown", "--group-by", "type").stdout
    assert "arXiv preprint arXiv:2409.13598, 2024" in markdown and "Preprints" in markdown
    assert re.search(
        r"howpublished *= \{arXiv preprint arXiv:2409.13598\}", scholar("-L", fresh, "export", "bibtex").stdout
    )
    assert json.loads(scholar("-L", fresh, "list", "--format", "json").stdout)[0].get("venue") is None  # data as is


# The index keeps the registry entries of the venues the works name: reading a library from it,
# only a command that needs the whole registry reads it (about 2 ms).
READS_THE_REGISTRY = [
    (["list"], False),
    (["list", "--venue", "ICLR"], False),
    (["export", "bibtex"], False),
    (["show", "lovelace2024engine"], False),
    (["venues", "--all"], True),
]


@pytest.mark.parametrize(("args", "loaded"), READS_THE_REGISTRY)
def test_the_registry_is_read_only_by_commands_that_need_it(args: list[str], loaded: bool, library: Path) -> None:
    script = "import sys\nfrom scholarcli.cli import main\ntry:\n    main(sys.argv[1:])\nfinally:\n    print('bundled' in sys.modules['scholarcli.venues']._CACHE if 'scholarcli.venues' in sys.modules else False, file=sys.stderr)"
    first = subprocess.run([sys.executable, "-c", script, "-L", str(library), *args], capture_output=True, text=True)
    assert first.stderr.splitlines()[-1] == "True"  # reading the TOML files, the index looks the venues up
    run = subprocess.run([sys.executable, "-c", script, "-L", str(library), *args], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stderr.splitlines()[-1] == str(loaded)


def test_the_index_knows_the_registry_entries_of_the_venues_the_works_name(scholar: Scholar, fresh: Path) -> None:
    add(scholar, fresh, "Attention", "--type", "inproceedings", "--venue", "NeurIPS")
    add(scholar, fresh, "Elsewhere", "--type", "inproceedings", "--venue", "Somewhere Else")
    settings = index.load(fresh).settings
    assert dict(settings.known_venues) == {"NeurIPS": settings.registry["NeurIPS"], "Somewhere Else": None}
    edited = fresh / "library.toml"
    edited.write_text(edited.read_text() + '\n[venues.NeurIPS]\nname = "Our NeurIPS"\n')
    ours = index.load(fresh).settings.venue("NeurIPS")  # the index made anew
    assert ours is not None and ours.name == "Our NeurIPS"


def test_a_rebuilt_registry_makes_the_index_anew(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert shards.VENUE_REGISTRY == venues.REGISTRY  # named apart, so that the index need not import venues
    copy = tmp_path / "registry.tsv"
    copy.write_bytes(venues.REGISTRY.read_bytes())
    monkeypatch.setattr(shards, "VENUE_REGISTRY", copy)
    before = shards.key_for(tmp_path, b"schema = 1\n")
    os.utime(copy, ns=(10**9, 10**9))
    assert shards.key_for(tmp_path, b"schema = 1\n") != before
