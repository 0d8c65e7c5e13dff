"""What `list` and `export` run and print, for both parsers: the typer app and the quick path (quick.py).

No click or typer here: the quick path runs these on every `list` a pipeline makes.
"""

from __future__ import annotations

from pathlib import Path

from scholarcli.cli.env import Environment, note_sample, report_problems
from scholarcli.errors import ScholarError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from scholarcli.cli.args import ExportArgs, ListArgs
    from scholarcli.formats import Format
    from scholarcli.library.exporting import Exported, ExportRequest, TreeWritten
    from scholarcli.library.listing import Selection

TABLE_ROWS = 500  # drawing a wrapped table costs about a millisecond a row; nobody reads thousands


def run_list(env: Environment, library_dir: Path | None, args: ListArgs) -> Selection:
    """List the selected works in the chosen format (both parsers end here); the selection is returned."""
    from scholarcli.formats.listing import BRIEF_FORMATS, CITATION_FORMATS
    from scholarcli.library.listing import list_works as select_works

    fmt = args.fmt or ("table" if env.stdout_is_terminal else "tsv")
    limit = args.limit
    progress = env.progress("reading records")
    chosen = select_works(
        library_dir,
        args.filters,
        args.sort,
        args.reverse,
        limit,
        brief=fmt in BRIEF_FORMATS,
        progress=progress,
        citations=fmt in CITATION_FORMATS,
    )
    progress.clear()
    note_sample(env, chosen.root)
    works = chosen.works
    if fmt == "table":
        from scholarcli.cli.terminal import print_table

        if len(works) > TABLE_ROWS and limit is None:
            env.say(f"showing {TABLE_ROWS} of {len(works)} works; use --limit N, or --format tsv for all")
            works = works[:TABLE_ROWS]
        print_table(env, works, chosen.settings, chosen.citations)
    else:
        from scholarcli.formats.listing import render_list

        env.out(render_list(works, fmt, chosen.settings, chosen.citations))
    report_problems(env, chosen.problems, chosen.root)
    return chosen


def _read_keys(env: Environment, source: str) -> list[str]:
    from scholarcli.model.query import parse_key_list

    try:
        if source == "-":
            return parse_key_list(env.stdin.read())
        return parse_key_list(Path(source).read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise ScholarError(f"cannot read the keys from {source}: they are not UTF-8 text") from None


def _request(env: Environment, args: ExportArgs) -> ExportRequest:
    """Which works an export takes, in which order, rendered with which options."""
    from scholarcli.library.exporting import ExportRequest

    keys = None if args.keys is None else _read_keys(env, args.keys)
    return ExportRequest(args.filters, args.options, keys, args.sort, args.reverse)


def run_export(env: Environment, library_dir: Path | None, args: ExportArgs) -> Exported | TreeWritten:
    """Export the selected works as the arguments say (both parsers end here); the export is returned."""
    from scholarcli.formats import export_format
    from scholarcli.library.exporting import export_works
    from scholarcli.store.fileio import output_target, write_output

    fmt, output = export_format(args.fmt), args.output
    if fmt.render_tree is not None:
        return _run_tree_export(env, library_dir, fmt, args)
    if output is not None:
        output_target(output)  # a folder, a socket or a missing folder fails before any work
    elif args.options.cv_format == "docx":
        env.refuse_binary_on_terminal()
    progress = env.progress("reading records")
    exported = export_works(library_dir, fmt, _request(env, args), progress)
    progress.clear()
    note_sample(env, exported.root)
    for warning in exported.warnings:
        env.warn(warning)
    content = exported.text if exported.data is None else exported.data
    if output is not None:
        write_output(output, content)
        env.say(f"wrote {exported.work_count} work{'s' if exported.work_count != 1 else ''} to {output}")
    elif isinstance(content, bytes):
        env.out_bytes(content)
    else:
        env.out(content)
    report_problems(env, exported.problems, exported.root)
    return exported


def _run_tree_export(env: Environment, library_dir: Path | None, fmt: Format, args: ExportArgs) -> TreeWritten:
    """hugo and academicpages: a file per work (or a folder), written below -o DIR."""
    from scholarcli.library.exporting import export_tree

    output = args.output
    if output is None:
        raise ScholarError(f"{fmt.name} writes a file per work: name their folder with -o DIR")
    from scholarcli.store.fileio import output_folder

    output_folder(output)  # a file, a FIFO or a socket there fails before any work
    progress = env.progress("reading records")
    done = export_tree(library_dir, fmt, _request(env, args), output, progress)
    progress.clear()
    note_sample(env, done.root)
    for warning in done.warnings:
        env.warn(warning)
    for relative in done.foreign:
        env.warn(f"{output / relative} was not written by scholar, or was changed since; it was left as it is")
    for relative in done.stale:
        env.note(f"{output / relative} is of a work no longer exported; remove it if it should go")
    files = f"{len(done.written)} file{'s' if len(done.written) != 1 else ''}"
    env.say(f"wrote {files} to {output} ({len(done.unchanged)} unchanged)")
    report_problems(env, done.problems, done.root)
    return done
