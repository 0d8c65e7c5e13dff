"""Where `export hugo` and `export academicpages` write, whatever the keys, and whose files they replace.

For any set of keys the library accepts: one page per work, every path inside the output folder,
each name portable (no name Windows reserves, no ":", no leading dot or underscore, under 255
bytes), no two works sharing a file after case folding and NFC, and a second run with no change
writes nothing and keeps the user's files. A file is replaced only while it holds what scholar
wrote there; a user's file, or one of scholar's that the user changed, is kept and named.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings

from conftest import LIBRARY_TOML, Run, interrupt_after
from scholarcli.formats.site_files import MANIFEST, folded
from scholarcli.model import Known, Work
from scholarcli.model.validate import WINDOWS_RESERVED
from scholarcli.store.records import new_record_path, save
from strategies import HOSTILE_KEYS, key_sets

Scholar = Callable[..., Run]
FORMATS = ("hugo", "academicpages")


def library_of(root: Path, keys: list[str]) -> Path:
    """A library holding a work under each key, each in a record file named as `add` names it."""
    root.mkdir(parents=True)
    (root / "library.toml").write_text(LIBRARY_TOML, encoding="utf-8")
    taken: set[str] = set()
    for number, key in enumerate(keys):
        work = Work(key=key, type="misc", title=f"Work {number}", authors=("Ada Lovelace",), year=2000 + number)
        relative = new_record_path(work.type, key, taken)
        taken.add(relative)
        save(root, relative, work, Known(people=frozenset({"Ada Lovelace"})))
    return root


def pages(site: Path, fmt: str) -> dict[str, str]:
    """Each page's key (from its front matter) -> its path below ``site``."""
    found = site.glob("*/index.md") if fmt == "hugo" else site.glob("*.md")
    keys = {}
    for page in found:
        head = page.read_text(encoding="utf-8")[4:].split("\n---\n", 1)[0]
        keys[yaml.safe_load(head)["key"]] = page.relative_to(site).as_posix()
    return keys


def files_below(site: Path) -> dict[Path, int]:
    return {path: path.stat().st_mtime_ns for path in site.rglob("*") if path.is_file()}


def portable(name: str) -> bool:
    return (
        not name.startswith((".", "_"))
        and ":" not in name
        and name.split(".")[0].lower() not in WINDOWS_RESERVED
        and len(f".{name}.md.XXXXXXXX.tmp".encode()) < 255  # the longest name made while it is written
    )


def check_site(site: Path, fmt: str, keys: list[str]) -> None:
    """One page per work, each with its key; every name portable and unique after folding; all inside ``site``."""
    assert pages(site, fmt).keys() == set(keys)
    names = [path.name for path in site.iterdir() if path.name != MANIFEST]
    assert len(names) == len(keys) and all(portable(name) for name in names), names
    assert len({folded(name) for name in names}) == len(names), names
    inside = site.resolve()
    for path in site.rglob("*"):
        assert path.resolve().is_relative_to(inside), path


@pytest.mark.parametrize("fmt", FORMATS)
@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(keys=key_sets())
def test_any_keys_make_one_portable_page_each_and_a_rerun_writes_nothing(
    scholar: Scholar, fmt: str, keys: list[str]
) -> None:
    with tempfile.TemporaryDirectory() as temp:
        root, site = library_of(Path(temp) / "lib", keys), Path(temp) / "site"
        first = scholar("-L", root, "export", fmt, "-o", site)
        assert first.exit_code == 0, first.stderr
        check_site(site, fmt, keys)
        mine = site / "mine.md"
        mine.write_text("my own page\n")
        before = files_below(site)
        again = scholar("-L", root, "export", fmt, "-o", site)
        assert again.exit_code == 0 and "wrote 0 files" in again.stderr, again.stderr
        assert files_below(site) == before and mine.read_text() == "my own page\n"


def test_every_listed_hostile_key_exports_in_one_run(scholar: Scholar, tmp_path: Path) -> None:
    """The keys of HOSTILE_KEYS together: paths, dots, colons, reserved names, case and Unicode twins."""
    keys = list(HOSTILE_KEYS)
    root = library_of(tmp_path / "lib", keys)
    for fmt in FORMATS:
        run = scholar("-L", root, "export", fmt, "-o", tmp_path / fmt)
        assert run.exit_code == 0, run.stderr
        check_site(tmp_path / fmt, fmt, keys)


def test_the_permalink_is_the_page_name_and_reads_back_as_yaml(scholar: Scholar, tmp_path: Path) -> None:
    root = library_of(tmp_path / "lib", ["x:", "DBLP:conf/iclr/SenguptaCC25"])
    assert scholar("-L", root, "export", "academicpages", "-o", tmp_path / "site").exit_code == 0
    for key, path in pages(tmp_path / "site", "academicpages").items():
        head = (tmp_path / "site" / path).read_text(encoding="utf-8")[4:].split("\n---\n", 1)[0]
        data: dict[str, Any] = yaml.safe_load(head)
        assert data["key"] == key and data["permalink"] == f"/publication/{path.removesuffix('.md')}"
    assert sorted(pages(tmp_path / "site", "academicpages").values()) == ["DBLP_conf_iclr_SenguptaCC25.md", "x.md"]


def _export(scholar: Scholar, root: Path, site: Path) -> Run:
    run = scholar("-L", root, "export", "hugo", "-o", site)
    assert run.exit_code == 0, run.stderr
    return run


def test_a_users_file_in_a_bundle_is_kept_on_every_run(scholar: Scholar, tmp_path: Path) -> None:
    root, site = library_of(tmp_path / "lib", ["w1", "w2"]), tmp_path / "site"
    (site / "w1").mkdir(parents=True)
    (site / "w1" / "cite.bib").write_text("mine\n")
    for run in range(3):
        if run == 2:  # the record changes: scholar's own files are rewritten, the user's still kept
            record = root / "publications" / "w1.toml"
            record.write_text(record.read_text().replace("Work 0", "Work Zero"))
        done = _export(scholar, root, site)
        assert f"warning: {site / 'w1' / 'cite.bib'} was not written by scholar" in done.stderr
        assert (site / "w1" / "cite.bib").read_text() == "mine\n"
    assert 'title: "Work Zero"' in (site / "w1" / "index.md").read_text()


def test_a_file_scholar_wrote_and_the_user_changed_is_kept_and_named(scholar: Scholar, tmp_path: Path) -> None:
    root, site = library_of(tmp_path / "lib", ["w1", "w2"]), tmp_path / "site"
    _export(scholar, root, site)
    page = site / "w1" / "index.md"
    page.write_text(page.read_text() + "\nMy own notes.\n")
    for name in ("w1", "w2"):  # both records change
        record = root / "publications" / f"{name}.toml"
        record.write_text(record.read_text().replace('title = "Work', 'title = "New work'))
    done = _export(scholar, root, site)
    assert f"{page} was not written by scholar, or was changed since; it was left as it is" in done.stderr
    assert page.read_text().endswith("My own notes.\n") and 'title: "Work 0"' in page.read_text()
    assert 'title: "New work 1"' in (site / "w2" / "index.md").read_text()


def test_files_of_a_removed_work_are_named_and_kept(scholar: Scholar, tmp_path: Path) -> None:
    root, site = library_of(tmp_path / "lib", ["w1", "w2"]), tmp_path / "site"
    _export(scholar, root, site)
    (root / "publications" / "w2.toml").unlink()
    done = _export(scholar, root, site)
    assert f"{site / 'w2' / 'index.md'} is of a work no longer exported" in done.stderr
    assert (site / "w2" / "index.md").is_file() and (site / "w2" / "cite.bib").is_file()
    record = root / "publications" / "w1.toml"
    record.write_text(record.read_text().replace("Work 0", "Work Zero"))
    again = _export(scholar, root, site)  # still scholar's: named again, and replaced once exported again
    assert f"{site / 'w2' / 'index.md'} is of a work no longer exported" in again.stderr


def test_what_stands_where_a_page_goes_is_kept_and_the_other_works_are_written(
    scholar: Scholar, tmp_path: Path
) -> None:
    root, site = library_of(tmp_path / "lib", ["w1", "w2", "w3"]), tmp_path / "site"
    site.mkdir()
    (site / "w1").write_text("a file where a folder goes\n")
    (site / "w2").mkdir()
    (site / "w2" / "index.md").symlink_to(tmp_path / "elsewhere.md")
    done = _export(scholar, root, site)
    assert (site / "w1").read_text() == "a file where a folder goes\n"
    assert (site / "w2" / "index.md").is_symlink() and not (tmp_path / "elsewhere.md").exists()
    assert (site / "w3" / "index.md").is_file() and "wrote 3 files" in done.stderr
    for kept in ("w1/index.md", "w1/cite.bib", "w2/index.md"):
        assert f"{site / kept} was not written by scholar" in done.stderr


def test_an_interrupted_tree_export_keeps_track_of_every_file_it_wrote(scholar: Scholar, tmp_path: Path) -> None:
    """Ctrl-C after the third file: the manifest names the three, so the next run replaces them."""
    from scholarcli.store import fileio

    root, site = library_of(tmp_path / "lib", ["w1", "w2", "w3"]), tmp_path / "site"
    with pytest.MonkeyPatch.context() as patch:
        interrupt_after(patch, fileio, "write_atomic", 3)  # held until the file's entry is made too
        assert scholar("-L", root, "export", "hugo", "-o", site).exit_code == 130
    assert len(files_below(site)) == 4  # three files and the manifest
    for name in ("w1", "w2", "w3"):
        record = root / "publications" / f"{name}.toml"
        record.write_text(record.read_text().replace('title = "Work', 'title = "New work'))
    done = _export(scholar, root, site)
    assert "not written by scholar" not in done.stderr and "wrote 6 files" in done.stderr


def test_a_folder_an_earlier_scholar_wrote_is_taken_over_by_its_marked_pages(scholar: Scholar, tmp_path: Path) -> None:
    """No manifest yet: a page with scholar's marker, and its bundle, are scholar's; the rest is kept."""
    root, site = library_of(tmp_path / "lib", ["w1", "w2"]), tmp_path / "site"
    _export(scholar, root, site)
    (site / MANIFEST).unlink()
    (site / "w1" / "index.md").write_text((site / "w1" / "index.md").read_text().replace("key:", "old: 1\nkey:"))
    (site / "w1" / "cite.bib").write_text("@misc{old}\n")
    unmarked = (site / "w2" / "index.md").read_text().replace("# Written by scholar", "# mine now")
    (site / "w2" / "index.md").write_text(unmarked)
    done = _export(scholar, root, site)
    assert "wrote 2 files" in done.stderr and "old: 1" not in (site / "w1" / "index.md").read_text()
    assert (site / "w1" / "cite.bib").read_text().startswith("@misc{w1,")
    assert (site / "w2" / "index.md").read_text() == unmarked and (site / MANIFEST).is_file()


def test_a_manifest_that_cannot_be_read_is_a_warning_and_keeps_every_changed_file(
    scholar: Scholar, tmp_path: Path
) -> None:
    root, site = library_of(tmp_path / "lib", ["w1"]), tmp_path / "site"
    _export(scholar, root, site)
    (site / MANIFEST).write_text("not [toml")
    record = root / "publications" / "w1.toml"
    record.write_text(record.read_text().replace("Work 0", "Work Zero"))
    done = _export(scholar, root, site)
    assert f"warning: {site / MANIFEST}: TOML syntax" in done.stderr
    assert "{Work 0}" in (site / "w1" / "cite.bib").read_text()  # not known to be scholar's: kept
    assert 'title: "Work 0"' in (site / "w1" / "index.md").read_text()
    assert (site / MANIFEST).read_text().endswith("\n[hugo]\n")  # written anew: no file is known to be scholar's


def test_a_manifest_that_is_no_file_stops_the_export_before_anything_is_written(
    scholar: Scholar, tmp_path: Path
) -> None:
    root, site = library_of(tmp_path / "lib", ["w1"]), tmp_path / "site"
    (site / MANIFEST).mkdir(parents=True)
    run = scholar("-L", root, "export", "hugo", "-o", site)
    assert (
        run.exit_code == 1
        and run.stderr == f"error: cannot write {site / MANIFEST}: it is a folder, not a regular file\n"
    )
    assert [path.name for path in site.iterdir()] == [MANIFEST]
