"""Hostile and broken input: no hidden library, no injection, no hang, no traceback, files others can read.

Each test names a class of input, not one string: any control character, any link scheme, any
unreadable path. The library is written as a user (or an attacker) could write it, and judged
through the command line.
"""

from __future__ import annotations

import errno
import json
import os
import pickle
import stat
import subprocess
import sys
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import RECORDS, Run
from scholarcli.index import location

Scholar = Callable[..., Run]
BIN = Path(sys.executable).parent
# Every kind of character a terminal acts on: C0 controls, DEL, C1 controls, bidirectional overrides.
CONTROLS = ["\x1b]52;c;aGk=\x07", "\x1b[2J", "\x9b31m", "\x7f", "\x00", "\u202e"]


def record(title: str = "A Title", **fields: str) -> str:
    lines = ['type = "misc"', f"title = {json.dumps(title)}", 'authors = ["Ada Lovelace"]', "year = 2020"]
    return "\n".join([*lines, *(f"{name} = {value}" for name, value in fields.items())]) + "\n"


@pytest.fixture
def root(make_library: Callable[..., Path]) -> Path:
    return make_library(RECORDS)


def keys(run: Run) -> list[str]:
    return run.stdout.split()


# 1-3: one bad path or file never hides the library, and nothing hangs or eats memory.


def test_unreadable_paths_and_special_files_are_one_problem_each(scholar: Scholar, root: Path) -> None:
    folder = root / "publications"
    (folder / "dangling.toml").symlink_to(root / "nowhere.toml")
    (folder / "loop.toml").symlink_to(folder / "loop.toml")
    os.mkfifo(folder / "fifo.toml")
    (folder / "zero.toml").symlink_to("/dev/zero")
    (folder / "huge.toml").write_text(record() + "note = '" + "x" * (2 << 20) + "'\n")
    for command in (["list", "--format", "keys"], ["export", "bibtex"], ["check"]):
        run = scholar("-L", root, *command)  # a FIFO or /dev/zero read would hang or exhaust memory
        assert run.exit_code == 1
        for name in ("dangling", "loop", "fifo", "zero", "huge"):
            assert f"publications/{name}.toml: cannot read" in run.stderr, (command, name)
    listed = keys(scholar("-L", root, "list", "--format", "keys"))
    assert len(listed) == len(RECORDS)


def test_a_record_that_grows_while_it_is_read_is_read_whole_or_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from scholarcli.store import records

    path = tmp_path / "growing.toml"
    path.write_bytes(b"x" * 5000)
    fstat = os.fstat

    def earlier(handle: int) -> os.stat_result:  # the size fstat saw before the file grew
        seen = list(fstat(handle))
        seen[stat.ST_SIZE] = 10
        return os.stat_result(seen)

    monkeypatch.setattr(os, "fstat", earlier)
    assert records.read_regular(path) == b"x" * 5000
    with pytest.raises(records.NotARecordFile, match="more than the 4,000 bytes"):
        records.read_regular(path, limit=4000)


def test_an_unreadable_folder_is_one_problem(scholar: Scholar, root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (root / "private").mkdir()
    (root / "private" / "x.toml").write_text(record())
    scandir = os.scandir

    def refusing(path: object = ".") -> Iterator[os.DirEntry[str]]:
        named = Path(f"/proc/self/fd/{path}").readlink() if isinstance(path, int) else Path(str(path))
        if named.name == "private":
            raise PermissionError(errno.EACCES, "Permission denied")
        return scandir(path)  # type: ignore[call-overload,no-any-return]

    monkeypatch.setattr(os, "scandir", refusing)  # as root, no folder is unreadable otherwise
    run = scholar("-L", root, "list", "--format", "keys")
    assert run.exit_code == 1
    assert "error: private: cannot read this folder: Permission denied" in run.stderr
    assert len(keys(run)) == len(RECORDS)


def test_a_fifo_in_the_cache_folder_hangs_nothing(scholar: Scholar, root: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    os.environ["SCHOLAR_CACHE_DIR"] = str(cache)
    try:
        os.mkfifo(location.path_for(root.resolve()).with_suffix(".0.pickle"))
        os.mkfifo(location.path_for(root.resolve()).with_suffix(".bibtex.pickle"))
        assert scholar("-L", root, "list").exit_code == 0
        assert scholar("-L", root, "export", "bibtex").exit_code == 0
    finally:
        del os.environ["SCHOLAR_CACHE_DIR"]


@pytest.mark.parametrize("where", ["record", "library.toml"])
def test_deep_nesting_is_one_problem(scholar: Scholar, root: Path, where: str) -> None:
    deep = "[" * 600 + "]" * 600
    if where == "record":
        (root / "publications" / "deep.toml").write_text(record() + f"tags = {deep}\n")
    else:
        settings = root / "library.toml"
        settings.write_text(settings.read_text() + f"deep = {deep}\n")
    run = scholar("-L", root, "list", "--format", "keys")
    assert run.exit_code == 1
    assert "nested too deeply" in run.stderr and "Traceback" not in run.stderr
    if where == "record":
        assert len(keys(run)) == len(RECORDS)


# 4-6: keys a file system cannot hold, and @string bombs, never stop or hide an import.


def test_keys_that_would_hide_or_not_fit_become_safe_ones(scholar: Scholar, root: Path, tmp_path: Path) -> None:
    long_key = "k" * 300
    bib = tmp_path / "keys.bib"
    bib.write_text(
        "@misc{.hidden, title = {Hidden Key}, author = {A B}, year = 2020}\n"
        f"@misc{{{long_key}, title = {{Long Key}}, author = {{C D}}, year = 2021}}\n"
        "@misc{after, title = {After Them}, author = {E F}, year = 2022}\n"
    )
    for _ in range(2):  # and importing the file again adds nothing, and stops nowhere
        run = scholar("-L", root, "import", bib)
        assert run.exit_code == 0, run.stderr
    listed = scholar("-L", root, "list", "--format", "tsv").stdout
    for title in ("Hidden Key", "Long Key", "After Them"):
        assert listed.count(title) == 1
    assert not list(root.rglob(".*.toml"))
    refused = scholar("-L", root, "add", "--type", "misc", "--title", "T", "--key", "two words")
    assert refused.exit_code == 2 and "not a citation key" in refused.stderr


def test_a_string_expansion_bomb_is_reported_and_the_rest_imported(
    scholar: Scholar, root: Path, tmp_path: Path
) -> None:
    strings = ['@string{s0 = "0123456789"}', *(f"@string{{s{n} = s{n - 1} # s{n - 1}}}" for n in range(1, 41))]
    bib = tmp_path / "bomb.bib"
    bib.write_text("\n".join([*strings, "@misc{bomb, title = s40, author = {A B}, year = 2020}",
                              "@misc{fine, title = {Fine}, author = {A B}, year = 2020}"]) + "\n")  # fmt: skip
    run = scholar("-L", root, "import", bib)
    assert run.exit_code == 1
    assert "bomb: its @string expansion is longer than" in run.stderr
    assert keys(run) == ["fine"]


# 7-9: what a field holds never becomes a link, a field or an entry of its own.

SCHEMES = ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "  javascript:alert(1)", "data:text/html,x", "vbscript:x"]


@pytest.mark.parametrize("url", SCHEMES)
def test_only_safe_schemes_become_links(scholar: Scholar, make_library: Callable[..., Path], url: str) -> None:
    settings = 'schema = 1\n[[people]]\nname = "Ada Lovelace"\n'
    root = make_library({"x": record(url=json.dumps(url), links=f"{{ code = {json.dumps(url)} }}")}, settings)
    for fmt in (["--format", "html"], ["--format", "html", "--standalone"], ["--format", "markdown"]):
        shown = scholar("-L", root, "export", "cv", *fmt).stdout
        assert "javascript:" not in shown.lower() and "data:" not in shown and "vbscript:" not in shown, fmt
    check = scholar("-L", root, "check")
    assert "x.toml: url:" in check.stderr and "x.toml: links.code:" in check.stderr


def test_no_value_leaves_its_bibtex_field(scholar: Scholar, make_library: Callable[..., Path]) -> None:
    from bibtexparser.entrypoint import parse_string

    hostile = {
        "url": '"http://a/}, title={injected}, x={"',
        "doi": '"10.1/x}\\n@misc{second, title={injected}"',
        "note": '"}} @misc{third,"',
        "extra": '{ how = "{balanced} @misc{fourth, title={injected}}" }',
    }
    root = make_library({"x": record(**hostile), "y": record("Other")})
    for fmt in ("bibtex", "biblatex"):
        exported = scholar("-L", root, "export", fmt).stdout
        library = parse_string(exported)
        assert sorted(entry.key for entry in library.entries) == ["x", "y"], exported
        assert not library.failed_blocks
        assert "injected" not in {f.key for entry in library.entries for f in entry.fields}
        assert all("injected" not in str(entry.fields_dict.get("title", "")) for entry in library.entries)


def test_bad_entry_types_and_field_names_are_refused(scholar: Scholar, make_library: Callable[..., Path]) -> None:
    root = make_library({"x": record(bibtex_type='"misc,injected"'), "y": record(extra='{ "a b={" = "1" }')})
    run = scholar("-L", root, "list")
    assert 'x.toml: bibtex_type: "misc,injected" is not an entry type' in run.stderr
    assert 'y.toml: extra: "a b={" is not a field name' in run.stderr


@pytest.mark.parametrize(
    "value",
    ["X}, title = {injected", "X # {a}}, title = {injected", '"a} @misc{injected,"', "X,\ntitle = injected", ""],
)
def test_a_bare_value_that_could_leave_its_field_is_refused_and_never_written(
    scholar: Scholar, make_library: Callable[..., Path], value: str
) -> None:
    from scholarcli.formats.export_types import ExportOptions
    from scholarcli.formats.exports import biblatex, bibtex
    from scholarcli.model import Settings, Work

    root = make_library({"x": record(macros=f"{{ author = {json.dumps(value)} }}")})
    assert "x.toml: macros: author " in scholar("-L", root, "list").stderr
    work = Work(key="x", type="misc", title="T", macros={"author": value})  # past validation, as a slip would be
    for render in (bibtex.render_work, biblatex.render_work):
        assert "injected" not in render(work, Settings(schema=1), ExportOptions())[0]


@pytest.mark.parametrize("name", ["Procter and Gamble Research", "Tom and Jerry", "AND Corp"])
def test_a_name_with_the_word_and_stays_one_name(
    scholar: Scholar, make_library: Callable[..., Path], name: str
) -> None:
    from bibtexparser import middlewares
    from bibtexparser.entrypoint import parse_string

    root = make_library(
        {"x": f'type = "misc"\ntitle = "T"\nauthors = [{json.dumps(name)}, "Ada Lovelace"]\nyear = 2020\n'}
    )
    bib = scholar("-L", root, "export", "bibtex").stdout
    parsed = parse_string(bib, append_middleware=[middlewares.SeparateCoAuthors()])
    assert len(parsed.entries[0].fields_dict["author"].value) == 2
    csl = json.loads(scholar("-L", root, "export", "csl-json").stdout)
    assert csl[0]["author"][0] == {"literal": name}


# 10: the terminal and messages show control characters, never act on them; data formats keep them.


@pytest.mark.parametrize("control", CONTROLS)
def test_control_characters_are_shown_not_sent_to_the_terminal(
    scholar: Scholar, make_library: Callable[..., Path], control: str, tmp_path: Path
) -> None:
    root = make_library({"x": record(f"Title {control} end", venue=json.dumps(f"V{control}"))})
    visible = json.dumps(control)[1:-1].replace("\\u00", "\\x") if control not in ("\u202e",) else "\\u202e"
    unknown = scholar("-L", root, "show", f"nokey{control}")
    assert unknown.exit_code == 1 and control not in unknown.stderr
    drawn = _in_terminal(["-L", str(root), "list"], tmp_path) + _in_terminal(["-L", str(root), "show", "x"], tmp_path)
    drawn += _in_terminal(["-L", str(root), "venues"], tmp_path) + _in_terminal(["-L", str(root), "stats"], tmp_path)
    assert control not in drawn
    assert visible.lower() in drawn.lower() or control == "\x00"
    tsv = scholar("-L", root, "list", "--format", "tsv").stdout
    assert control in tsv or control in ("\x00",)  # data formats keep the data exact
    assert json.loads(scholar("-L", root, "list", "--format", "json").stdout)[0]["title"] == f"Title {control} end"


def _in_terminal(args: list[str], tmp_path: Path) -> str:
    """What scholar drew on a pseudo-terminal, colour off (so that no escape sequence is scholar's own)."""
    from test_terminal import _in_terminal as drawn

    return drawn(args, {"NO_COLOR": "1", "XDG_CACHE_HOME": str(tmp_path / "c")}, columns=200)


# 11, 16: the cache never breaks a command, and never runs what someone else planted.


@pytest.mark.parametrize("where", ["a-file", "/dev/null", "long"])
def test_a_cache_folder_that_cannot_be_used_is_silently_passed_by(
    scholar: Scholar, root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    (tmp_path / "a-file").write_text("not a folder")
    folders = {"a-file": str(tmp_path / "a-file"), "/dev/null": "/dev/null", "long": str(tmp_path / ("x" * 300))}
    monkeypatch.setenv("SCHOLAR_CACHE_DIR", folders[where])
    for command in (["list"], ["export", "bibtex"], ["list"]):
        run = scholar("-L", root, *command)
        assert run.exit_code == 0 and "error" not in run.stderr, (command, run.stderr)


class Planted:
    def __reduce__(self) -> tuple[object, ...]:
        return (os.system, (f"touch {os.environ['PLANTED_PROOF']}",))


def test_a_cache_file_others_could_write_is_never_loaded(
    scholar: Scholar, root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    proof = tmp_path / "code-ran"
    monkeypatch.setenv("PLANTED_PROOF", str(proof))
    shared = tmp_path / "shared-cache"
    shared.mkdir()
    shared.chmod(0o777)  # a world-writable cache folder
    monkeypatch.setenv("SCHOLAR_CACHE_DIR", str(shared))
    shard = location.path_for(root.resolve()).with_suffix(".0.pickle")
    shard.write_bytes(pickle.dumps(Planted()))
    assert scholar("-L", root, "list").exit_code == 0
    assert not proof.exists()
    own = tmp_path / "own-cache"
    monkeypatch.setenv("SCHOLAR_CACHE_DIR", str(own))
    assert scholar("-L", root, "list").exit_code == 0
    assert stat.S_IMODE(own.stat().st_mode) == 0o700
    planted = location.path_for(root.resolve()).with_suffix(".0.pickle")
    planted.write_bytes(pickle.dumps(Planted()))
    planted.chmod(0o666)  # a file anyone could have written
    assert scholar("-L", root, "list").exit_code == 0
    assert not proof.exists()


# 12, 15, 18: writes leave whole files with the modes the user expects, and say what they did.


def test_stale_temp_files_are_removed_by_the_next_write_and_by_check(scholar: Scholar, root: Path) -> None:
    stale = root / "publications" / ".k02465.toml.hpivt2mi.tmp"
    stale.write_text("half a record")
    assert scholar("-L", root, "check").exit_code in (0, 1)
    assert not stale.exists()
    stale.write_text("half a record")
    assert scholar("-L", root, "add", "--type", "misc", "--title", "New Work").exit_code == 0
    assert not stale.exists()


@pytest.mark.parametrize("umask", [0o022, 0o002, 0o077])
def test_written_files_get_the_mode_the_umask_gives(scholar: Scholar, tmp_path: Path, umask: int) -> None:
    previous = os.umask(umask)
    try:
        root = tmp_path / "lib"
        assert scholar("init", root).exit_code == 0
        assert scholar("-L", root, "add", "--type", "misc", "--title", "Mode Work").exit_code == 0
        exported = tmp_path / "refs.bib"
        assert scholar("-L", root, "export", "bibtex", "-o", exported).exit_code == 0
        for path in (root / "library.toml", next(root.rglob("*.toml")), exported):
            assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask, path
        exported.chmod(0o644)
        assert scholar("-L", root, "export", "bibtex", "-o", exported).exit_code == 0
        assert stat.S_IMODE(exported.stat().st_mode) == 0o644  # the mode of the file it replaces
    finally:
        os.umask(previous)


def test_a_full_disk_stops_an_import_with_its_summary(
    scholar: Scholar, root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bib = tmp_path / "many.bib"
    bib.write_text("".join(f"@misc{{w{n}, title = {{Work {n}}}, author = {{A B}}, year = 2020}}\n" for n in range(5)))
    replace, written = Path.replace, list[Path]()

    def filling(self: Path, target: Path) -> Path:
        if target.suffix != ".toml":  # the index's own files
            return replace(self, target)
        if len(written) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        written.append(target)
        return replace(self, target)

    def linking(source: str, target: str, **options: Any) -> None:  # a record written unnamed, then linked
        if len(written) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        written.append(Path(target))
        link(source, target, **options)

    link = os.link
    monkeypatch.setattr(Path, "replace", filling)
    monkeypatch.setattr(os, "link", linking)
    run = scholar("-L", root, "import", bib)
    assert run.exit_code == 1
    assert keys(run) == ["w0", "w1"]
    summary = "5 entries: imported 2, skipped 0 (already in the library), failed 0, not reached 3; 0 problems"
    assert summary in run.stderr
    assert "error: the import stopped: cannot write" in run.stderr and "No space left on device" in run.stderr
    assert not list(root.rglob("*.tmp"))


# 13: input that is no text is a one-line error, never a traceback.


def test_text_that_is_not_utf8_is_a_one_line_error(scholar: Scholar, root: Path, tmp_path: Path) -> None:
    keys_file = tmp_path / "keys.txt"
    keys_file.write_bytes(b"lovelace2024engine\n\xff\xfe\n")
    run = scholar("-L", root, "export", "bibtex", "--keys", keys_file)
    assert run.exit_code == 1 and run.stderr.count("\n") == 1 and "not UTF-8" in run.stderr
    added = scholar("-L", root, "add", "--type", "misc", "--title", "Bad \udcff bytes")
    assert added.exit_code == 1 and "not UTF-8" in added.stderr and "Traceback" not in added.stderr


def test_an_editor_that_cannot_be_parsed_is_a_one_line_error(
    scholar: Scholar, root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EDITOR", "'unclosed")
    monkeypatch.delenv("VISUAL", raising=False)
    run = scholar("-L", root, "edit", "lovelace2024engine")
    assert run.exit_code == 1 and run.stderr.startswith("error: cannot run the editor")


# 14: exports the target tool accepts, whatever the fields hold.


def test_control_characters_never_reach_the_rendercv_yaml_or_bibtex(
    scholar: Scholar, make_library: Callable[..., Path]
) -> None:
    settings = 'schema = 1\n[[people]]\nname = "Ada Lovelace"\n'
    title = "T " + "".join(CONTROLS)
    root = make_library({"x": record(title)}, settings)
    rendered = scholar("-L", root, "export", "rendercv").stdout
    yaml.safe_load(rendered)  # YAML refuses raw C1 controls
    for fmt in ("bibtex", "biblatex"):
        exported = scholar("-L", root, "export", fmt).stdout
        assert not [char for char in exported if unicodedata.category(char) in ("Cc", "Cf") and char != "\n"], fmt


@pytest.mark.tools
def test_a_latex_cv_with_control_characters_compiles(
    scholar: Scholar, make_library: Callable[..., Path], tmp_path: Path
) -> None:
    settings = 'schema = 1\n[[people]]\nname = "Ada Lovelace"\n'
    root = make_library({"x": record("T " + "".join(CONTROLS) + " end")}, settings)
    body = scholar("-L", root, "export", "cv").stdout
    (tmp_path / "doc.tex").write_text(
        f"\\documentclass{{article}}\\usepackage[T1]{{fontenc}}\\usepackage{{hyperref}}\n\\begin{{document}}\n{body}\n\\end{{document}}\n"
    )
    result = subprocess.run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "doc"], cwd=tmp_path,
                            capture_output=True, text=True, check=False)  # fmt: skip
    assert result.returncode == 0, result.stdout[-2000:]


# 17: impossible dates are refused; implausible years warned about.


@pytest.mark.parametrize(("fields", "message"), [
    ({"year": "0"}, "year: 0 is not a year"),
    ({"year": "-5"}, "year: -5 is not a year"),
    ({"year": "99999"}, "year: 99999 is not a year"),
    ({"month": "2", "day": "31"}, "day: 31 is not a day of month 2"),
    ({"month": "2", "day": "29"}, "day: 29 is not a day of month 2 in 2023"),
])  # fmt: skip
def test_impossible_dates_are_refused(
    scholar: Scholar, make_library: Callable[..., Path], fields: dict[str, str], message: str
) -> None:
    text = (
        record().replace("year = 2020", "year = 2023")
        if "year" not in fields
        else record().replace("year = 2020\n", "")
    )
    root = make_library({"x": text + "".join(f"{name} = {value}\n" for name, value in fields.items())})
    run = scholar("-L", root, "list")
    assert run.exit_code == 1 and message in run.stderr, run.stderr


def test_february_29_without_a_year_and_in_a_leap_year_is_fine(
    scholar: Scholar, make_library: Callable[..., Path]
) -> None:
    root = make_library(
        {"x": record() + "month = 2\nday = 29\n", "y": record().replace("year = 2020\n", "") + "month = 2\nday = 29\n"}
    )
    assert scholar("-L", root, "list").exit_code == 0


def test_check_warns_about_implausible_years(scholar: Scholar, make_library: Callable[..., Path]) -> None:
    root = make_library({"x": record().replace("2020", "1200"), "y": record().replace("2020", "2999")})
    run = scholar("-L", root, "check")
    assert "x.toml: year: 1200 is an unlikely year" in run.stderr
    assert "y.toml: year: 2999 is an unlikely year" in run.stderr
