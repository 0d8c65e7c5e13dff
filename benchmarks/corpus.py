"""How well real-world .bib files survive scholar's import and export: the judgement of
tests/test_corpus.py over the whole corpus, as Markdown tables.

    python benchmarks/corpus.py                      # every file in tests/corpus/
    python benchmarks/corpus.py --details            # and, per file, what failed and what differs
    python benchmarks/corpus.py tests/corpus/dblp-ley.bib

The first table, by file: entries bibtex or biber read from the source; of those, the keys bibtex reads
back from the BibTeX export and biber from the BibLaTeX export; citations left undefined (bibtex /
biber); entries pandoc reads back with the same title and authors (-f bibtex / -f biblatex, of those
pandoc reads from the source); warnings bibtex and biber give on an export and not on the source;
entries every reader reads the same over every variable (pandoc's CSL-JSON with -f bibtex and -f
biblatex, plain.bst's text). The second, by mechanism (tests/corpus_differences.py): the entries it
changes as read by pandoc -f bibtex, pandoc -f biblatex and plain.bst, and the files it touches.
Needs bibtex, biber, pdflatex and pandoc, and the installed `scholar`.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from corpus_differences import WHY, Comparison, compare
from corpus_tools import Outcome, corpus_files, judge

HEADER = (
    "| file | entries | keys kept, bibtex | keys kept, biblatex | undefined cites | "
    "same via pandoc, bibtex | same via pandoc, biblatex | new bibtex warnings | new biber warnings | "
    "same over every variable |"
)
MECHANISM_HEADER = "| mechanism | pandoc -f bibtex | pandoc -f biblatex | plain.bst | files |"


def figures(outcome: Outcome, comparison: Comparison) -> list[int]:
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
        comparison.identical(),
        len(comparison.entries),
    ]


def row(name: str, f: list[int]) -> str:
    return (
        f"| {name} | {f[0]} | {f[1]} | {f[2]} | {f[3]} / {f[4]} | {f[5]} of {f[6]} | {f[7]} of {f[8]} "
        f"| {f[9]} | {f[10]} | {f[11]} of {f[12]} |"
    )


def mechanism_table(comparisons: dict[str, Comparison]) -> list[str]:
    """Each mechanism's entries over the corpus, most first."""
    totals: dict[str, list[int]] = {}
    for comparison in comparisons.values():
        for name, counts in comparison.gaps().items():
            total = totals.setdefault(name, [0, 0, 0, 0])
            totals[name] = [a + b for a, b in zip(total, [*counts, 1], strict=True)]
    ordered = sorted(totals.items(), key=lambda item: (-sum(item[1][:3]), item[0]))
    return [MECHANISM_HEADER, "|---|---|---|---|---|"] + [
        f"| {name} | {a} | {b} | {c} | {files} |" for name, (a, b, c, files) in ordered
    ]


def details(outcome: Outcome, comparison: Comparison) -> list[str]:
    """What failed, and what differs: each variable with its count and an example, each mechanism."""
    lines = [f"\n### {outcome.name}\n", *(f"- {line}" for line in outcome.failures() or ["no failure"])]
    lines.append(f"- {comparison.identical()} of {len(comparison.entries)} entries identical over every variable")
    for (reader, variable), (count, first) in sorted(comparison.variables().items()):
        lines.append(f"- {reader} {variable}: {count}, e.g. {first.example(160)}")
    examples = comparison.examples()
    for name, counts in comparison.gaps().items():
        why = WHY.get(name, "explained by no mechanism")
        lines.append(f"- mechanism {name} {counts}: {why}; e.g. {examples[name].example(160)}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, help="default: every file in tests/corpus/")
    parser.add_argument("--details", action="store_true", help="print what failed and what differs, file by file")
    args = parser.parse_args(argv)
    files = args.files or corpus_files()
    started = time.monotonic()
    judged: list[tuple[Outcome, Comparison]] = []
    with tempfile.TemporaryDirectory(prefix="scholar-corpus-") as scratch:
        for number, source in enumerate(files):
            outcome = judge(source, Path(scratch) / f"{number}-{source.stem}")
            judged.append((outcome, compare(outcome, source.read_text(encoding="utf-8", errors="replace"))))
            print(f"judged {source.name}", file=sys.stderr)
    print(HEADER)
    print("|" + "---|" * (HEADER.count(" | ") + 1))
    totals = [0] * 13
    for outcome, comparison in judged:
        numbers = figures(outcome, comparison)
        totals = [a + b for a, b in zip(totals, numbers, strict=True)]
        print(row(outcome.name, numbers))
    print(row(f"**total ({len(judged)} files)**", totals))
    print()
    print("\n".join(mechanism_table({outcome.name: comparison for outcome, comparison in judged})))
    print(f"\n{time.monotonic() - started:.0f} s", file=sys.stderr)
    if args.details:
        for outcome, comparison in judged:
            print("\n".join(details(outcome, comparison)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
