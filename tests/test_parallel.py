"""Work done in two processes gives what one process gives: a library read without its index (or
by `check`) parses half of its shards in a forked child, which writes them to the index; the first
export of a library renders half of its entries there; an import converts half of its .bib
entries there."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import RECORDS
from forking import counted_forks, failing_children
from scholarcli import index
from scholarcli.formats import export_format
from scholarcli.index import Library, entries, load, load_listing, shards
from scholarcli.library import exporting
from scholarcli.model import Known
from scholarcli.model.query import Filters
from scholarcli.store.records import read_record

BROKEN = {
    "publications/broken": 'type = "misc"\ntitle = 3\n',
    "publications/unparsable": 'type = "misc"\ntitle = "x\n',
    "patents/lovelace2024engine": 'type = "misc"\ntitle = "The same key as a publication"\n',
}


@pytest.fixture
def root(make_library: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(shards, "SHARD_SIZE", 2)  # a few records make several shards
    return make_library({**RECORDS, **BROKEN})


@pytest.fixture
def forks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Make every read of more than one shard parallel, even on one CPU, and count the children."""
    monkeypatch.setattr(index, "PARALLEL_READ", 1)
    return counted_forks(monkeypatch)


def seen(library: Library) -> tuple[object, ...]:
    scanned = None if library.indexed is None else list(library.indexed.scanned)  # kept for the index's caches
    return library.works, library.problems, library.paths, scanned


def test_a_read_in_two_processes_gives_what_one_process_reads(root: Path, forks: list[int]) -> None:
    monkeypatch = pytest.MonkeyPatch()
    with monkeypatch.context() as alone:
        alone.setattr(index, "PARALLEL_READ", 10**9)
        expected = seen(load(root, use_cache=False))
    assert forks == []
    assert seen(load(root, use_cache=False)) == expected  # as `check` reads
    assert len(forks) == 1
    works, problems = load(root, use_cache=False)[2:4]
    assert len(works) == len(RECORDS)  # the second file of a key is a problem, not a work
    broken = ["publications/broken.toml", "publications/lovelace2024engine.toml", "publications/unparsable.toml"]
    assert sorted(problem.path for problem in problems) == broken
    assert seen(load(root)) == expected  # without an index yet: the child writes its shards too
    assert len(forks) == 3


def test_the_shards_the_child_wrote_are_the_index(
    root: Path, forks: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = seen(load(root))
    assert len(forks) == 1

    def never(*args: object) -> None:
        raise AssertionError("a record was read again")

    monkeypatch.setattr(index, "read_record", never)
    assert seen(load(root)) == expected
    listing = load_listing(root, ["key", "title"])
    assert [work.title for work in listing.works] == [work.title for work in load(root).works]
    assert len(forks) == 1


def test_a_child_that_fails_leaves_its_shards_to_the_parent(
    root: Path, forks: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = seen(load(root, use_cache=False))
    failing_children(monkeypatch)
    assert seen(load(root)) == expected
    assert len(forks) == 2


def test_progress_is_reported_once_for_both_processes(
    root: Path, forks: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index, "PROGRESS_EVERY", 1)
    heard: list[tuple[int, int]] = []
    load(root, use_cache=False, progress=lambda done, total: heard.append((done, total)))
    files = len(RECORDS) + len(BROKEN)
    assert heard and all(total == files and 0 < done <= files for done, total in heard)
    assert [done for done, _ in heard] == sorted(done for done, _ in heard)


def test_entries_rendered_in_two_processes_are_those_one_process_renders(
    root: Path, forks: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    def exported(fmt: str) -> exporting.Exported:
        return exporting.export_works(root, export_format(fmt), exporting.ExportRequest())

    alone = {fmt: exported(fmt) for fmt in ("bibtex", "biblatex")}  # renders and remembers
    for fmt, expected in alone.items():
        assert exported(fmt) == expected  # remembered
    monkeypatch.setattr(exporting, "PARALLEL_RENDER", 1)
    forked = len(forks)
    monkeypatch.setattr(entries, "read", lambda *args: {})  # nothing remembered
    for fmt, expected in alone.items():
        assert exported(fmt) == expected
    assert len(forks) == forked + 2


def test_a_shard_the_child_wrote_that_cannot_be_read_back_is_read_by_the_parent(
    root: Path, forks: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = seen(load(root, use_cache=False))
    monkeypatch.setattr(shards, "read", lambda *args: None)  # as if another process had replaced it
    assert seen(load(root)) == expected
    assert len(forks) == 2


def test_the_parent_reads_only_its_half(root: Path, forks: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    read: list[str] = []

    def counted(root: Path, relative: str, key: str, known: Known) -> object:
        read.append(relative)
        return read_record(root, relative, key, known)

    monkeypatch.setattr(index, "read_record", counted)
    listing = load_listing(root, ["key", "title"])  # the child's shards come back through the index
    assert len(listing.works) == len(RECORDS)
    assert len(forks) == 1
    assert 0 < len(read) < len(RECORDS) + len(BROKEN)


@pytest.mark.parametrize("children", ["working", "failing"])
def test_entries_converted_in_two_processes_are_those_one_process_converts(
    monkeypatch: pytest.MonkeyPatch, children: str
) -> None:
    from scholarcli.formats import bib_reading
    from scholarcli.model import Settings

    corpus = sorted((Path(__file__).parent / "corpus").glob("*.bib"))
    texts = [(path.name, path.read_text(encoding="utf-8", errors="replace")) for path in corpus]
    doubling = "".join(f"@string{{s{n} = s{n - 1} # s{n - 1}}}\n" for n in range(1, 41))  # 2**40 characters
    texts.append(
        ("long.bib", f'@string{{s0 = "x"}}\n{doubling}@misc{{k, title = s40}}\n@misc{{ok, title = {{Fine}}}}\n')
    )
    alone = [bib_reading.parse(text, name, Settings(schema=1)) for name, text in texts]
    forks = counted_forks(monkeypatch)
    if children == "failing":
        failing_children(monkeypatch)  # the parent converts the child's half again
    monkeypatch.setattr(bib_reading, "PARALLEL_CONVERT", 1)
    assert [bib_reading.parse(text, name, Settings(schema=1)) for name, text in texts] == alone
    assert len(forks) == len(texts)
    assert any(problem.field == "k" for problem in alone[-1].problems)  # a skipped entry is a problem, in order


@pytest.mark.parametrize(
    ("filters", "keys"),
    [
        (Filters(), None),
        (Filters(venue="ICLR"), None),
        (Filters(), ["jegou2023findings", "lovelace2024engine"]),
        (Filters(person="Nobody Known"), None),  # a filter that fails fails in the export, as alone
    ],
)
def test_entries_rendered_while_the_library_is_read_are_those_rendered_after(
    root: Path, forks: list[int], monkeypatch: pytest.MonkeyPatch, filters: Filters, keys: list[str] | None
) -> None:
    from scholarcli.errors import ScholarError
    from scholarcli.index import location

    def exported(fmt: str, index_kept: bool = False) -> exporting.Exported | str:
        for stale in location.cache_dir().glob("*") if not index_kept else ():
            stale.unlink()  # no index: the read is in two processes
        try:
            return exporting.export_works(root, export_format(fmt), exporting.ExportRequest(filters, keys=keys))
        except ScholarError as error:
            return str(error)

    with monkeypatch.context() as alone:
        alone.setattr(index, "PARALLEL_READ", 10**9)
        expected = {fmt: exported(fmt) for fmt in ("bibtex", "biblatex")}
    assert forks == []
    monkeypatch.setattr(exporting, "PARALLEL_RENDER", 1)  # a render after the read would fork too
    for fmt in ("bibtex", "biblatex"):
        assert exported(fmt) == expected[fmt]
        assert exported(fmt, index_kept=True) == expected[fmt]  # from the index and the entries remembered
    assert len(forks) == 2  # the reads only: every entry was rendered while they read
