"""How well real-world .bib files survive scholar's import and export: the judgement of
tests/test_corpus.py over the whole corpus, as a Markdown table.

    python benchmarks/corpus.py                      # every file in tests/corpus/
    python benchmarks/corpus.py --details            # and, per file, what failed, with examples
    python benchmarks/corpus.py tests/corpus/dblp-ley.bib

Columns: entries bibtex or biber read from the source; of those, the keys bibtex reads back from the
BibTeX export and biber from the BibLaTeX export; citations left undefined (bibtex / biber); entries
pandoc reads back with the same title and authors (-f bibtex / -f biblatex, of those pandoc reads
from the source); warnings bibtex and biber give on an export and not on the source. Needs bibtex,
biber, pdflatex and pandoc, and the installed `scholar`.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from corpus_tools import Outcome, corpus_files, judge

HEADER = (
    "| file | entries | keys kept, bibtex | keys kept, biblatex | undefined cites | "
    "same via pandoc, bibtex | same via pandoc, biblatex | new bibtex warnings | new biber warnings |"
)


def figures(outcome: Outcome) -> list[int]:
    bibtex, biblatex = outcome.lanes
    keys = outcome.keys
    return [
        len(keys),
        sum(key in bibtex.kept for key in keys),
        sum(key in biblatex.kept for key in keys),
        len(bibtex.export.undefined),
        len(biblatex.export.undefined),
        bibtex.compared - len(bibtex.differences),
        bibtex.compared,
        biblatex.compared - len(biblatex.differences),
        biblatex.compared,
        len(bibtex.new_warnings),
        len(biblatex.new_warnings),
    ]


def row(name: str, f: list[int]) -> str:
    return (
        f"| {name} | {f[0]} | {f[1]} | {f[2]} | {f[3]} / {f[4]} | {f[5]} of {f[6]} | {f[7]} of {f[8]} "
        f"| {f[9]} | {f[10]} |"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, help="default: every file in tests/corpus/")
    parser.add_argument("--details", action="store_true", help="print what failed, file by file")
    args = parser.parse_args(argv)
    files = args.files or corpus_files()
    started = time.monotonic()
    outcomes: list[Outcome] = []
    with tempfile.TemporaryDirectory(prefix="scholar-corpus-") as scratch:
        for number, source in enumerate(files):
            outcomes.append(judge(source, Path(scratch) / f"{number}-{source.stem}"))
            print(f"judged {source.name}", file=sys.stderr)
    print(HEADER)
    print("|" + "---|" * HEADER.count(" | ") + "---|")
    totals = [0] * 11
    for outcome in outcomes:
        numbers = figures(outcome)
        totals = [a + b for a, b in zip(totals, numbers, strict=True)]
        print(row(outcome.name, numbers))
    print(row(f"**total ({len(outcomes)} files)**", totals))
    print(f"\n{time.monotonic() - started:.0f} s", file=sys.stderr)
    if args.details:
        for outcome in outcomes:
            print(f"\n### {outcome.name}\n")
            print("\n".join(f"- {line}" for line in outcome.failures()) or "- no failure")
    return 0


if __name__ == "__main__":
    sys.exit(main())
