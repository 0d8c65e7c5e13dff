"""Adding an export format is writing one module: a module in the formats' folder is offered by
`export`, checked against the options it takes, and used, and nothing else names it."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from conftest import RECORDS, write_library

# A whole export format: its declaration and its renderer, taking one option of its own.
DUMMY = '''
"""`export key-lines`: each work's key and title on a line; --numbered numbers them."""

from scholarcli.formats.export_types import ExportResult, Format


def render(works, settings, options):
    lines = [f"{work.key}\\t{work.title}" for work in works]
    if options.numbered:
        lines = [f"{number}. {line}" for number, line in enumerate(lines, start=1)]
    return ExportResult("\\n".join(lines) + "\\n", [f"{len(works)} works drawn"])


FORMAT = Format(name="key-lines", help="keys and titles", render=render, takes=frozenset({"numbered"}))
'''
RUN = (
    "import sys, scholarcli.formats.exports as exports\n"
    "exports.__path__.append(sys.argv.pop(1))\n"  # the folder the test wrote its module in
    "from scholarcli.cli import main\n"
    "main()\n"
)


def _scholar(formats: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", RUN, str(formats), *args]
    return subprocess.run(command, capture_output=True, text=True, check=False, timeout=120)


def test_a_format_module_is_offered_checked_and_used_by_export(tmp_path: Path) -> None:
    formats = tmp_path / "more-formats"
    formats.mkdir()
    (formats / "key_lines.py").write_text(textwrap.dedent(DUMMY), encoding="utf-8")
    root = write_library(tmp_path / "lib", RECORDS)
    help_text = _scholar(formats, "export", "--help")
    assert "key-lines" in " ".join(help_text.stdout.split()), help_text.stderr
    run = _scholar(formats, "-L", str(root), "export", "key-lines", "--numbered", "--sort", "key")
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].startswith("1. ") and len(lines) == len(RECORDS), run.stdout
    assert f"warning: {len(RECORDS)} works drawn" in run.stderr
    # an option of export that the declaration does not take is refused, naming who takes it
    refused = _scholar(formats, "-L", str(root), "export", "key-lines", "--equal-note")
    assert refused.returncode == 2
    assert "--equal-note applies only to: bibtex" in refused.stderr
    quick = _scholar(formats, "-L", str(root), "export", "bibtex", "--numbered")
    assert quick.returncode == 2
    assert "--numbered applies only to: cv, json-resume, key-lines, rendercv" in quick.stderr


def test_every_option_a_format_may_take_is_declared_once_for_both_parsers() -> None:
    from scholarcli.cli.options import EXPORT
    from scholarcli.formats import export_format, format_names
    from scholarcli.formats.export_types import FORMAT_OPTIONS

    declared = [option.param for option in EXPORT.options]
    assert all(declared.count(param) == 1 for param in FORMAT_OPTIONS), declared
    for name in format_names():
        assert export_format(name).takes <= set(FORMAT_OPTIONS), name
