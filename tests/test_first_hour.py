"""What a new user meets in the first hour: options where people type them, help that says each
thing once and runs as written, a word when the sample is read, the sample's page as the sample
shows it, and no silent surprises."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import RECORDS, Run
from scholarcli.cli.options import DECLARED
from scholarcli.cli.terminal import folded_years
from scholarcli.store import locate

Scholar = Callable[..., Run]
SAMPLE = locate.bundled_library_dir()
COMMANDS = ["list", "show", "export", "stats", "venues", "check", "init", "add", "edit", "rm", "import", "refresh"]


# --- typing a work in, and options where people type them -----------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["add", "--type", "article", "--title", ""],
        ["add", "--type", "article", "--title", "T", "--author", " "],
        ["add", "--type", "article", "--title", "T", "--tag", ""],
        ["list", "--venue", ""],
        ["list", "--venue="],
        ["export", "bibtex", "--author", ""],
    ],
)
def test_an_empty_value_for_an_option_that_names_data_is_a_usage_error(
    scholar: Scholar, library: Path, args: list[str]
) -> None:
    before = sorted(library.rglob("*.toml"))
    run = scholar("-L", library, *args)
    assert run.exit_code == 2, run.stdout
    assert "an empty value names nothing" in run.stderr
    assert sorted(library.rglob("*.toml")) == before  # nothing added


@pytest.mark.parametrize(
    "args",
    [
        ["list", "--venue", "ICLR"],
        ["export", "bibtex", "--year", "2021.."],
        ["stats", "--format", "tsv"],
        ["venues", "--format", "tsv"],
        ["show", "babbage2021difference"],
    ],
)
def test_global_options_work_after_the_command_as_before_it(scholar: Scholar, library: Path, args: list[str]) -> None:
    before = scholar("--no-color", "-L", library, *args)
    assert before.exit_code == 0, before.stderr
    for after in (
        [*args, "-L", str(library), "--no-color"],
        [args[0], "--no-color", f"--library={library}", *args[1:]],
        [args[0], f"-L{library}", *args[1:]],
    ):
        run = scholar(*after)
        assert (run.exit_code, run.stdout) == (0, before.stdout), after


def test_a_value_of_the_command_s_own_option_is_not_taken_for_a_global_option(scholar: Scholar, library: Path) -> None:
    # --search takes "-L" as its words; `--` ends the options
    run = scholar("list", "--search", "-L", "-L", library, "--format", "keys")
    assert run.exit_code == 0 and run.stdout == "", run.stderr
    assert scholar("list", "-L", library, "--", "-L").exit_code == 2


# --- help ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", COMMANDS)
def test_piped_help_says_each_argument_once_and_its_examples_are_whole_commands_on_the_sample(
    scholar: Scholar, command: str
) -> None:
    run = scholar(command, "--help")
    assert run.exit_code == 0
    assert "Positional arguments:" not in run.stdout
    assert run.stdout.count("Arguments:") <= 1
    examples = _examples(run.stdout)
    assert examples or command in ("show", "edit", "rm") or "Example" not in run.stdout
    keys = {path.stem for path in SAMPLE.rglob("*.toml")}
    for example in examples:
        assert "scholar " in example, (command, example)  # no command wrapped onto a new line
        words = example.split("scholar ", 1)[1].split()
        named = [word for word in words[1:] if re.fullmatch(r"[a-z]+\d{4}[a-z]+", word)]
        assert all(word in keys for word in named), (example, named)  # a key the sample has


def _examples(help_text: str) -> list[str]:
    """The commands under "Example(s):", a line ending in a backslash joined with the next."""
    found = re.search(r"Examples?:\n(.*?)(?:\n\S|\Z)", help_text, flags=re.DOTALL)
    if not found:
        return []
    text = re.sub(r"\\\n\s*", "", found.group(1))
    return [line.strip() for line in text.splitlines() if line.strip()]


def test_the_terminal_help_names_an_argument_by_its_metavar_only() -> None:
    from scholarcli.cli.app import make_app

    command = make_app().registered_commands  # built: the argument's name is no word of the command line
    assert command
    import typer.main

    click_group = typer.main.get_command(make_app())
    export = click_group.commands["export"]  # type: ignore[attr-defined]
    argument = next(param for param in export.params if param.param_type_name == "argument")
    assert (argument.name, argument.opts, argument.metavar) == ("fmt", [], "FORMAT")


# --- the sample, said; stats; messages ---------------------------------------------------------------


@pytest.mark.parametrize("command", [["check"], ["stats", "--format", "tsv"], ["list"]])
def test_outside_a_library_piped_check_and_stats_say_they_read_the_sample(scholar: Scholar, command: list[str]) -> None:
    run = scholar(*command)
    said = "scholar reads its bundled sample library" in run.stderr
    assert said == (command[0] != "list"), run.stderr  # list's output goes into pipelines: a terminal only


def test_a_long_run_of_years_without_works_is_one_row_of_the_chart() -> None:
    counts = {str(year): 0 for year in range(1962, 2025)} | {"1962": 1, "2003": 2, "2005": 1, "2024": 4}
    counts["2004"] = 0
    assert folded_years(counts) == {
        "1962": 1,
        "1963–2002": 0,
        "2003": 2,
        "2004": 0,
        "2005": 1,
        "2006–2023": 0,
        "2024": 4,
    }


def test_a_tree_export_of_one_work_says_one_file(
    scholar: Scholar, make_library: Callable[..., Path], tmp_path: Path
) -> None:
    root = make_library({"publications/babbage2021difference": RECORDS["publications/babbage2021difference"]})
    run = scholar("-L", root, "export", "academicpages", "-o", tmp_path / "site")
    assert run.exit_code == 0, run.stderr
    assert re.search(r"^wrote 1 file to ", run.stderr, flags=re.MULTILINE), run.stderr


def test_choices_the_works_cannot_meet_are_said(scholar: Scholar, make_library: Callable[..., Path]) -> None:
    record = RECORDS["publications/lovelace2024engine"] + 'links = { thumbnail = "engine.png" }\n'
    root = make_library({"publications/lovelace2024engine": record})
    run = scholar(
        "-L", root, "export", "cv", "--person", "Ada Lovelace", "--format", "html", "--standalone",
        "--selected-first", "--thumbnails",
    )  # fmt: skip
    assert run.exit_code == 0, run.stderr
    assert "--selected-first: no work shown is marked selected" in run.stderr
    assert (
        "--thumbnails: 1 of the works name their picture by a bare file name (lovelace2024engine: engine.png)"
        in run.stderr
    )


@pytest.mark.parametrize(
    ("typed", "suggested"), [("SIAM Review", None), ("Heart", None), ("EMNPL", "EMNLP"), ("NeurPS", "NeurIPS")]
)
def test_a_venue_is_suggested_only_for_a_near_miss(
    scholar: Scholar, make_library: Callable[..., Path], typed: str, suggested: str | None
) -> None:
    root = make_library({})
    run = scholar(
        "-L", root, "add", "--type", "article", "--title", "T", "--author", "A B", "--year", "2020", "--venue", typed
    )
    assert run.exit_code == 0, run.stderr
    found = re.search(r"did you mean ([^?]*)\?", run.stderr)
    assert (found.group(1).split(", ")[0] if found else None) == suggested, run.stderr


# --- the sample's page ---------------------------------------------------------------------------------


def _page(scholar: Scholar, *options: str) -> ET.Element:
    run = scholar("-L", SAMPLE, "export", "cv", "--person", "Ayan Sengupta", "--format", "html", *options)
    assert run.exit_code == 0, run.stderr
    import html5lib

    parsed: ET.Element = html5lib.parse(run.stdout, namespaceHTMLElements=False)
    return parsed


def test_the_sample_page_lists_each_work_once_and_sets_the_selected_apart(scholar: Scholar) -> None:
    first = _page(scholar, "--standalone", "--selected-first")
    ids = [li.get("id") for li in first.iter("li")]
    assert len(ids) == len(set(ids)) == 17  # every work of his, once
    headings = [h2.text for h2 in first.iter("h2")]
    assert headings[0] == "Selected publications" and "Patents" in headings
    in_place = _page(scholar, "--standalone")
    rows = {li.get("id"): li.get("class") for li in in_place.iter("li")}
    selected = {path.stem for path in SAMPLE.rglob("*.toml") if "selected = true" in path.read_text(encoding="utf-8")}
    assert {key for key, css in rows.items() if css == "work selected"} == selected & set(rows)
    assert [h2.text for h2 in in_place.iter("h2")] == ["Publications", "Patents"]
    fragment = _page(scholar)
    assert {li.get("id") for li in fragment.iter("li") if li.get("class") == "selected"} == selected & set(rows)


def test_the_sample_page_names_its_links_without_inventing_addresses_and_does_not_shout(scholar: Scholar) -> None:
    page = _page(scholar, "--standalone")
    work = page.find(".//li[@id='sengupta2025prunenet']")
    assert work is not None
    links = work.find(".//p[@class='links']")
    assert links is not None
    assert [span.text for span in links.iter("span") if span.get("class") == "unlinked"] == ["OpenReview", "Code"]
    assert links.find("a") is None  # nobody recorded where they are
    patent = page.find(".//li[@id='us11068666']//p[@class='title']//span[@class='caps']")
    assert patent is not None and patent.text == "NATURAL LANGUAGE PROCESSING USING JOINT SENTIMENT-TOPIC MODELING"


def test_declared_commands_have_no_global_option_of_their_own() -> None:
    """A command option named like a global one would be taken for it."""
    for name in DECLARED:
        flags = {flag for option in DECLARED[name].options for flag in option.flags}
        assert not flags & {"-L", "--library", "--no-color"}, name
