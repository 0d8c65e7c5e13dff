"""`scholar merge KEEP OTHER`: two records of one work made one; the user chooses which stays."""

from __future__ import annotations

import typer

from scholarcli.cli.commands import state

TYPE_CHECKING = False
if TYPE_CHECKING:
    from scholarcli.cli.command_args import MergeArgs
    from scholarcli.library.merging import MergeReport


def merge(ctx: typer.Context, args: MergeArgs) -> None:
    """Merge the work OTHER into the work KEEP: one record, and OTHER's key still cites it.

    KEEP takes every field OTHER has and KEEP lacks. Where both have a field and disagree, KEEP's
    value stays (--prefer other: OTHER's), and each value dropped is named on stderr. OTHER's
    key becomes another key of KEEP (biblatex's ids; the BibTeX export writes a copy under it),
    and OTHER's record file is removed. Fields that belong together (authors and equal
    contribution; year, month and day; venue and track; type) come whole from one side.
    `scholar check` names likely duplicates, and `import` names look-alike entries it kept apart.

    Examples:

        scholar merge article-minimal article-full --dry-run

        scholar merge article-minimal article-full --prefer other
    """
    from scholarcli.library.merging import merge_works
    from scholarcli.library.writing import writable_root

    library_dir, _ = state(ctx)
    root = writable_root(library_dir)
    report = merge_works(root, args.keep, args.other, args.prefer_other, args.dry_run)
    _print(ctx, report)


def _print(ctx: typer.Context, report: MergeReport) -> None:
    """The merged record on stdout with --dry-run; what was added, dropped and done on stderr."""
    from scholarcli.store.records import record_text

    _, env = state(ctx)
    key = report.merged.key
    if report.written is None:
        env.out(record_text(report.merged))
    if report.added:
        env.say(f"{key} takes from {report.other}: {', '.join(report.added)}")
    for conflict in report.conflicts:
        kept = "none" if conflict.kept is None else repr(conflict.kept)
        env.say(f"{conflict.field}: kept {kept}, dropped {conflict.dropped!r} ({conflict.dropped_from}'s)")
    if report.written is None:
        env.say(f"would merge {report.other} into {key}; nothing was written")
    else:
        env.say(f"merged {report.other} into {key} ({report.written}); {report.other} is another key of it")
        env.say(f"removed {report.removed}")
