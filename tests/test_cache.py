"""The index cache is never stale: changed, new, removed and touched files are seen; a corrupt
cache is rebuilt silently; library.toml changes revalidate; `check` reads the TOML files."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import RECORDS, Run, write_counts
from scholarcli import index
from scholarcli.formats import ExportOptions, renderer
from scholarcli.formats import listing as list_formats
from scholarcli.index import location
from scholarcli.index import shards as cache
from scholarcli.index.scanning import ScannedFile
from scholarcli.model import Work
from scholarcli.model.query import sort_works

Scholar = Callable[..., Run]


def titles(scholar: Scholar, root: Path) -> dict[str, str]:
    run = scholar("-L", root, "list", "--format", "tsv")
    assert run.exit_code == 0, run.stderr
    return {row.split("\t")[0]: row.split("\t")[4] for row in run.lines}


def cache_files() -> list[Path]:
    return list(location.cache_dir().glob("*.pickle"))


def test_a_reading_command_builds_the_cache_outside_the_library(scholar: Scholar, library: Path) -> None:
    titles(scholar, library)
    [built] = cache_files()
    assert not built.is_relative_to(library)
    assert not [p for p in library.rglob("*") if "cache" in p.name or p.suffix == ".pickle"]


def test_edited_new_and_removed_files_are_seen(scholar: Scholar, library: Path) -> None:
    assert titles(scholar, library)["anon2019old"] == "zebra crossings"
    record = library / "publications" / "anon2019old.toml"
    record.write_text(record.read_text().replace("zebra crossings", "zebra crossing!"))  # same size
    (library / "publications" / "new2025.toml").write_text('type = "misc"\ntitle = "Brand New"\nyear = 2025\n')
    (library / "patents" / "us1234567.toml").unlink()
    seen = titles(scholar, library)
    assert seen["anon2019old"] == "zebra crossing!"
    assert seen["new2025"] == "Brand New"
    assert "us1234567" not in seen


def test_a_touched_file_is_read_again(scholar: Scholar, library: Path) -> None:
    titles(scholar, library)
    record = library / "publications" / "anon2019old.toml"
    text = record.read_text()
    record.write_text(text.replace('title = "zebra crossings"', "title = 3"))
    stat = record.stat()
    os.utime(record, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    run = scholar("-L", library, "list")
    assert run.exit_code == 1
    assert "anon2019old.toml: title: should be a string" in run.stderr


def test_a_corrupt_or_foreign_cache_is_rebuilt_silently(scholar: Scholar, library: Path) -> None:
    expected = titles(scholar, library)
    for garbage in (b"not a pickle at all", pickle.dumps({"some": "other program"}), b""):
        [path] = cache_files()
        path.write_bytes(garbage)
        run = scholar("-L", library, "list", "--format", "tsv")
        assert (run.exit_code, run.stderr) == (0, "")
        assert titles(scholar, library) == expected
    [path] = cache_files()
    assert isinstance(pickle.loads(path.read_bytes()), tuple)  # written back whole


def test_a_change_to_library_toml_revalidates_every_record(scholar: Scholar, make_library: Callable[..., Path]) -> None:
    records = {"x": 'type = "misc"\ntitle = "T"\npeople = ["Grace Hopper"]\n'}
    root = make_library(records)
    assert scholar("-L", root, "list").exit_code == 1  # Grace Hopper is not a person of the library yet
    settings = root / "library.toml"
    settings.write_text(settings.read_text() + '\n[[people]]\nname = "Grace Hopper"\n')
    run = scholar("-L", root, "list", "--format", "keys")
    assert (run.exit_code, run.stdout) == (0, "x\n")


def test_check_reads_the_files_not_the_cache(scholar: Scholar, library: Path) -> None:
    titles(scholar, library)
    # Forge the cache so that it calls a now-broken file valid, with the file's current signature.
    record = library / "publications" / "anon2019old.toml"
    record.write_text(record.read_text() + "colour = 1\n")
    resolved = library.resolve()
    key = cache.key_for(resolved, (library / "library.toml").read_bytes())
    shard = cache.read(resolved, key, 0)
    assert shard is not None
    files: list[str] = list(shard.files)
    stat = record.stat()
    at = [line.split("\0")[0] for line in files].index("publications/anon2019old.toml")
    files[at] = f"publications/anon2019old.toml\0{stat.st_mtime_ns}\0{stat.st_size}\0{stat.st_ino}"
    cache.write(resolved, 0, shard._replace(files=[ScannedFile(line) for line in files]))
    assert scholar("-L", library, "list").exit_code == 0  # list trusts the (forged) cache
    run = scholar("-L", library, "check")
    assert run.exit_code == 1
    assert "anon2019old.toml: colour: unknown field" in run.stderr


@pytest.mark.parametrize("writes", [1, 3])
def test_works_added_through_scholar_are_listed_at_once(scholar: Scholar, tmp_path: Path, writes: int) -> None:
    root = tmp_path / "lib"
    scholar("init", root)
    for n in range(writes):
        titles(scholar, root)
        scholar("-L", root, "add", "--type", "misc", "--title", f"Work {n}", "--year", "2020")
    assert sorted(titles(scholar, root).values()) == [f"Work {n}" for n in range(writes)]


def render_files() -> list[Path]:
    return sorted(location.cache_dir().glob("*.bibtex.pickle"))


def test_exports_reuse_rendered_entries_and_say_the_same_as_the_renderer(scholar: Scholar, library: Path) -> None:
    loaded = index.load(library, use_cache=False)
    expected = renderer("bibtex")(sort_works(loaded.works), loaded.settings, ExportOptions()).text
    first = scholar("-L", library, "export", "bibtex")
    [remembered] = render_files()
    assert first.stdout == expected
    # What is kept is used: forge one kept entry and see it come back.
    key, entries = pickle.loads(remembered.read_bytes())
    [stamp] = [s for s in entries if s.startswith("publications/babbage2021difference.toml\0")]
    entries[stamp] = ("@misc{forged}\n", ())
    remembered.write_bytes(pickle.dumps((key, entries)))
    assert "@misc{forged}" in scholar("-L", library, "export", "bibtex").stdout


def test_rendered_entries_are_never_stale(scholar: Scholar, library: Path) -> None:
    scholar("-L", library, "export", "bibtex", "--year", "2021..")  # remembers some entries only
    assert "Difference Engine" in scholar("-L", library, "export", "bibtex").stdout
    record = library / "publications" / "babbage2021difference.toml"
    record.write_text(record.read_text().replace("A Difference Engine", "The Difference Engine"))
    edited = scholar("-L", library, "export", "bibtex").stdout
    assert "The Difference Engine" in edited and "A Difference Engine" not in edited
    noted = scholar("-L", library, "export", "bibtex", "--equal-note").stdout
    assert "Equal contribution: Ada Lovelace and Charles Babbage" in noted
    assert "Equal contribution" not in scholar("-L", library, "export", "bibtex").stdout
    settings = library / "library.toml"
    settings.write_text(settings.read_text().replace("Transactions on Machine Learning Research", "TMLR Journal"))
    assert "journal = {TMLR Journal (TMLR)}" in scholar("-L", library, "export", "bibtex").stdout
    for path in render_files():
        path.write_bytes(b"garbage")
    rendered_again = scholar("-L", library, "export", "bibtex")
    assert rendered_again.exit_code == 0
    assert rendered_again == scholar("-L", library, "export", "bibtex")  # warnings are remembered too


@pytest.fixture
def small_shards(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "SHARD_SIZE", 2)  # the six records of the library fill three shards


def shard_signatures() -> dict[str, tuple[int, int]]:
    return {path.name: (path.stat().st_mtime_ns, path.stat().st_ino) for path in cache_files()}


@pytest.mark.usefixtures("small_shards")
def test_an_edited_record_rewrites_only_its_shard(scholar: Scholar, library: Path) -> None:
    before = titles(scholar, library)
    written = shard_signatures()
    assert len(written) == 3
    record = library / "publications" / "anon2019old.toml"
    record.write_text(record.read_text().replace("zebra crossings", "zebra crossing!"))
    assert titles(scholar, library) == before | {"anon2019old": "zebra crossing!"}
    rewritten = shard_signatures()
    assert len([name for name in written if rewritten[name] != written[name]]) == 1


@pytest.mark.usefixtures("small_shards")
def test_shards_follow_added_and_removed_files(scholar: Scholar, library: Path) -> None:
    before = titles(scholar, library)
    (library / "publications" / "aaa2025first.toml").write_text('type = "misc"\ntitle = "First"\n')
    assert titles(scholar, library) == before | {"aaa2025first": "First"}
    assert len(cache_files()) == 4
    for name in ("aaa2025first", "anon2019old", "babbage2021difference", "jegou2023findings"):
        (library / "publications" / f"{name}.toml").unlink()
    assert set(titles(scholar, library)) == {"lovelace2024engine", "smith-undated", "us1234567"}
    assert len(cache_files()) == 2  # the shards beyond the last are gone


@pytest.mark.parametrize("size", [1, 1000])
def test_a_duplicate_key_is_found_within_and_across_shards(
    size: int, monkeypatch: pytest.MonkeyPatch, scholar: Scholar, library: Path
) -> None:
    monkeypatch.setattr(cache, "SHARD_SIZE", size)
    (library / "zz").mkdir()
    (library / "zz" / "lovelace2024engine.toml").write_text('type = "misc"\ntitle = "Twin"\n')
    for _ in range(2):  # building the cache, then reading it
        run = scholar("-L", library, "list", "--format", "keys")
        assert run.exit_code == 1
        assert 'zz/lovelace2024engine.toml: key: "lovelace2024engine" is also the key of publications/' in run.stderr
        assert run.stdout.split().count("lovelace2024engine") == 1


def abstract_of(scholar: Scholar, root: Path, key: str) -> str | None:
    run = scholar("-L", root, "list", "--format", "json")
    assert run.exit_code == 0, run.stderr
    abstracts: dict[str, str | None] = {work["key"]: work.get("abstract") for work in json.loads(run.stdout)}
    return abstracts[key]


@pytest.mark.usefixtures("small_shards")
def test_a_listing_that_rereads_a_shard_keeps_the_abstracts_of_the_others(scholar: Scholar, library: Path) -> None:
    assert abstract_of(scholar, library, "lovelace2024engine") == "Bernoulli numbers computed by machine."
    # smith-undated shares lovelace2024engine's shard: the listing re-reads one and keeps the other.
    record = library / "publications" / "smith-undated.toml"
    record.write_text(record.read_text().replace("Undated Thoughts", "Undated Thinking"))
    assert titles(scholar, library)["smith-undated"] == "Undated Thinking"
    assert abstract_of(scholar, library, "lovelace2024engine") == "Bernoulli numbers computed by machine."
    assert "Bernoulli numbers computed by machine." in scholar("-L", library, "show", "lovelace2024engine").stdout


def test_search_finds_words_of_an_abstract_from_the_cache(scholar: Scholar, library: Path) -> None:
    for _ in range(2):  # building the cache, then reading it
        run = scholar("-L", library, "list", "--search", "bernoulli", "--format", "keys")
        assert (run.exit_code, run.stdout) == (0, "lovelace2024engine\n")


def test_a_library_read_with_some_fields_cannot_be_written(library: Path, tmp_path: Path) -> None:
    index.load(library)  # builds the cache
    listing = index.load_listing(library, {"key", "type", "title"})
    work = next(work for work in listing.works if work.key == "lovelace2024engine")
    assert (work.title, work.abstract, work.authors) == ("Notes on the Analytical Engine", None, ())
    # A listing is a type of its own, which no writing function accepts: the type checker says so.
    attempt = tmp_path / "attempt.py"
    attempt.write_text(
        "from pathlib import Path\n"
        "from scholarcli.index import load_listing\n"
        "from scholarcli.library.editing import save_edit\n"
        "listing = load_listing(Path('.'), {'key'})\n"
        "save_edit(listing, 'k', '', listing.works[0])\n"
    )
    checked = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir", os.devnull, str(attempt)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 1, checked.stdout
    assert 'has incompatible type "Listing"; expected "Library"' in checked.stdout
    assert "Bernoulli numbers" in (library / "publications" / "lovelace2024engine.toml").read_text()


# With RECORDS, every field of a work is set somewhere, and two works of everything2022's year
# come before or after it by month or by day only: a field a listing reads but does not load
# shows up as a difference.
EVERY_FIELD = {
    "publications/aaa2022early": 'type = "misc"\ntitle = "Early"\nyear = 2022\nmonth = 1\nday = 30\n',
    "publications/aab2022april": 'type = "misc"\ntitle = "April"\nyear = 2022\nmonth = 4\nday = 1\n',
    "publications/everything2022": """\
        type = "inproceedings"
        title = "Everything Set"
        title_as_written = true
        authors = ["Charles Babbage", "Hervé Jégou"]
        authors_truncated = true
        equal_contribution = ["Charles Babbage", "Hervé Jégou"]
        marks = { corresponding = ["Hervé Jégou"] }
        people = ["Ada Lovelace"]
        venue = "ICLR"
        track = "Oral"
        year = 2022
        month = 4
        day = 25
        volume = "3"
        issue = "2"
        pages = "1-10"
        publisher = "PMLR"
        doi = "10.1000/everything"
        arxiv = "2204.00001"
        url = "https://example.org/everything"
        categories = ["cs.LG"]
        tags = ["history", "engines"]
        selected = true
        note = "Best paper"
        abstract = "Everything about engines."
        links = { code = "https://example.org/code" }
        unresolved_links = ["slides"]
        bibtex_type = "conference"
        extra = { keywords = "{engines}" }
        macros = { crossref = "ENGINES # { volume}" }
        """,
    "patents/us7654321": """\
        type = "patent"
        title = "Engine Governor"
        authors = ["Charles Babbage"]
        number = "US7654321"
        status = "granted"
        assignee = "Engines Ltd"
        filing_date = 2019-04-01
        grant_date = 2021-03-09
        """,
}
LISTINGS = [
    [],
    ["--venue", "ICLR"],
    ["--year", "2021..2023"],
    ["--type", "patent"],
    ["--author", "babbage"],
    ["--person", "Ada Lovelace"],
    ["--tag", "history"],
    ["--selected"],
    ["--search", "engines"],
    ["--sort", "title"],
    ["--sort", "venue", "--reverse"],
    ["--sort", "key", "--limit", "3"],
    ["--sort", "citations"],
]


@pytest.mark.parametrize("fmt", sorted(list_formats.BRIEF_FORMATS))
def test_a_listing_that_reads_some_fields_shows_what_reading_all_shows(
    fmt: str, scholar: Scholar, make_library: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_library(RECORDS | EVERY_FIELD)
    write_counts(root)
    works = index.load(root, use_cache=False).works
    unset = [name for name in Work._fields if all(getattr(w, name) == Work._field_defaults.get(name) for w in works)]
    assert unset == []
    scholar("-L", root, "list")  # builds the cache
    for options in LISTINGS:
        brief = scholar("-L", root, "list", "--format", fmt, *options)
        with monkeypatch.context() as every_field:
            every_field.setattr(list_formats, "BRIEF_FORMATS", frozenset())
            assert brief == scholar("-L", root, "list", "--format", fmt, *options), options
        assert brief.exit_code == 0


def test_commands_reading_and_writing_the_cache_at_once_never_see_it_stale(library: Path) -> None:
    scholar_script = Path(sys.executable).parent / "scholar"
    record = library / "publications" / "anon2019old.toml"
    text = record.read_text()

    def start(*args: str) -> subprocess.Popen[str]:
        return subprocess.Popen(
            [scholar_script, "-L", library, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )

    for round_ in range(3):  # each round: readers build and rewrite the cache while a record changes
        title = f"zebra crossings, take {round_}"
        readers = [start("list", "--format", "tsv") for _ in range(4)]
        readers.append(start("export", "bibtex"))
        record.write_text(text.replace('"zebra crossings"', f'"{title}"'))
        readers += [start("list", "--format", "keys") for _ in range(2)]
        finished = [(reader.communicate(timeout=120), reader.returncode) for reader in readers]
        for (out, err), status in finished:
            assert status == 0 and "error" not in err, err  # an export warns of undated works
            assert out
        after = subprocess.run(
            [scholar_script, "-L", library, "list", "--format", "tsv"], capture_output=True, text=True, check=True
        )
        assert f"anon2019old\t2019\ttechreport\tAnon Ymous\t{title}\t" in after.stdout


def test_a_file_changed_twice_within_one_clock_tick_is_not_missed(
    scholar: Scholar, library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index, "RACY_NS", 3600 * 10**9)  # "just now", however slow this machine is
    record = library / "publications" / "anon2019old.toml"
    record.write_text(record.read_text().replace("zebra crossings", "zebra crossing!"))
    assert titles(scholar, library)["anon2019old"] == "zebra crossing!"
    # Changed again, same size, and within the same tick of the filesystem's clock: the file's
    # stat signature is what the cache saw, so only the age of the change tells.
    seen = record.stat()
    record.write_text(record.read_text().replace("zebra crossing!", "zebra crossing?"))
    os.utime(record, ns=(seen.st_atime_ns, seen.st_mtime_ns))
    now = record.stat()
    assert (now.st_mtime_ns, now.st_size, now.st_ino) == (seen.st_mtime_ns, seen.st_size, seen.st_ino)
    assert titles(scholar, library)["anon2019old"] == "zebra crossing?"
