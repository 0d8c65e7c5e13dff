"""Time two versions of scholar's code in turns on one generated library: did a change move the timings?

    git worktree add /tmp/before <commit>
    python benchmarks/ab.py /tmp/before/src src --works 10000 --runs 21

Both run with this interpreter (the same dependencies), each with its own ``src`` first on
PYTHONPATH, compiled as pip would, and its own cache folder; the library is imported once, by the
second. Each command runs as a whole process, the two versions taking turns run by run (so that a
slower spell of the machine falls on both), after two runs each that are not counted; the median
is reported, with the ratio of the second to the first.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script: benchmarks/ is a package
from benchmarks.run import Command, generate_bib, settle, timed


def _environment(src: Path, cache: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(src), "XDG_CACHE_HOME": str(cache)}


def _commands(src: Path, library: Path, cache: Path) -> dict[str, Command]:
    env = _environment(src, cache)
    base = [sys.executable, "-m", "scholarcli", "-L", str(library)]

    def forget_index(number: int) -> None:  # as on a fresh clone, or a new machine
        shutil.rmtree(cache / "scholar", ignore_errors=True)

    listing, export = [*base, "list", "--venue", "ICLR"], [*base, "export", "bibtex"]
    return {
        "list --venue ICLR": Command(listing, env),
        "list --venue ICLR, no index": Command(listing, env, forget_index),
        "export bibtex": Command(export, env),
        "export bibtex, no index": Command(export, env, forget_index),
        "export csl-json": Command([*base, "export", "csl-json"], env),
        "--help": Command([sys.executable, "-m", "scholarcli", "--help"], env),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("first", type=Path, help="the src folder of the code before")
    parser.add_argument("second", type=Path, help="the src folder of the code after")
    parser.add_argument("--works", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    sources = [args.first.resolve(), args.second.resolve()]
    for src in sources:
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(src)], check=True)
    with tempfile.TemporaryDirectory(prefix="scholar-ab-") as folder:
        work = Path(folder)
        (work / "works.bib").write_text(generate_bib(args.works), encoding="utf-8")
        library, caches = work / "library", [work / "cache-first", work / "cache-second"]
        env = _environment(sources[1], caches[1])
        scholar = [sys.executable, "-m", "scholarcli", "-L", str(library)]
        subprocess.run([*scholar, "init", str(library)], env=env, check=True, stderr=subprocess.DEVNULL)
        subprocess.run([*scholar, "import", str(work / "works.bib")], env=env, check=True, stdout=subprocess.DEVNULL)
        settle()
        made = [_commands(src, library, cache) for src, cache in zip(sources, caches, strict=True)]
        print(f"{args.works:,} works, median of {args.runs} runs, load average {os.getloadavg()[0]:.1f} at the start")
        print("| command | before | after | after / before |\n|---|---|---|---|")
        for name in made[0]:
            before, after = timed([made[0][name], made[1][name]], args.runs)
            print(f"| `{name}` | {before:.3f} s | {after:.3f} s | {after / before:.2f} |", flush=True)


if __name__ == "__main__":
    main()
