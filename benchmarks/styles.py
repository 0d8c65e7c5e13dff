"""Time the citation styles (`export cv --style`, `export refs --style`) on generated libraries.

    python benchmarks/styles.py                     # 1,000 and 10,000 works, 5 runs each
    python benchmarks/styles.py --sizes 1000 --runs 3

The libraries are benchmarks/run.py's, every work the person's (the owner is the first author), so
that the CV lists them all. Each command is a whole process on a warm index, the commands taking
turns run by run; the median is reported. pubs has no citation styles: the floor beside them is
pandoc's citeproc alone on the same items (`pandoc --citeproc` on `export csl-json`, the reference
the tests hold both exports to), and the house CV is timed for comparison.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.run import OUT, Command, generate_bib, scholar_import, settle, timed

OWNER = ("Sengupta, Ayan", "Ayan Sengupta")  # as written in the .bib, and as the library names the person
NOCITE = "---\nnocite: '@*'\n---\n"


def pandoc() -> str:
    """The pandoc scholar runs (pypandoc_binary's, else PATH's)."""
    from scholarcli.formats import citeproc

    return citeproc.pandoc()


def commands(size: int) -> dict[str, Command]:
    bib = OUT / f"styles-{size}.bib"
    bib.parent.mkdir(parents=True, exist_ok=True)
    bib.write_text(generate_bib(size, owner=OWNER[0]), encoding="utf-8")
    scholar, library, env, _ = scholar_import(size, bib)
    with (library / "library.toml").open("a", encoding="utf-8") as settings:
        settings.write(f'\n[[people]]\nname = "{OWNER[1]}"\n')
    base = [scholar, "-L", str(library)]
    subprocess.run([*base, "list"], env=env, stdout=subprocess.DEVNULL, check=True)  # the index
    items = OUT / f"styles-{size}.json"
    subprocess.run([*base, "export", "csl-json", "-o", items], env=env, check=True, stderr=subprocess.DEVNULL)
    style = Path(__file__).resolve().parent.parent / "data" / "styles" / "apa.csl"
    nocite = OUT / "nocite.md"  # every item cited, as scholar asks pandoc
    nocite.write_text(NOCITE, encoding="utf-8")
    floor = [pandoc(), str(nocite), "--citeproc", "--csl", str(style), "--bibliography", str(items)]
    person = ["--person", OWNER[1]]
    return {
        "export cv --style apa --format text": Command(
            [*base, "export", "cv", "--style", "apa", "--format", "text", *person], env
        ),
        "export cv --style ieee --format html": Command(
            [*base, "export", "cv", "--style", "ieee", "--format", "html", *person], env
        ),
        "export refs --style apa": Command([*base, "export", "refs", "--style", "apa"], env),
        "export cv --format markdown (house)": Command([*base, "export", "cv", "--format", "markdown", *person], env),
        "pandoc --citeproc apa alone": Command([*floor, "-t", "plain", "-o", os.devnull], env),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.1f} at the start")
    for size in args.sizes:
        named = commands(size)
        settle(10)
        medians = timed(list(named.values()), args.runs)
        print(f"\n{size:,} works (load {os.getloadavg()[0]:.1f} at the end)")
        for name, seconds in zip(named, medians, strict=True):
            print(f"  {name:40} {seconds:8.2f} s")


if __name__ == "__main__":
    main()
