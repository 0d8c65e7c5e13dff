"""Time scholar (and pubs, when it can be installed) on generated libraries of 1,000, 10,000 and 100,000 works.

    python benchmarks/run.py                 # 1,000 and 10,000 works, scholar and pubs, results in benchmarks/out/
    python benchmarks/run.py --sizes 1000 10000 100000
    python benchmarks/run.py --sizes 1000 --no-pubs --runs 5

Each command runs as a whole process, several times, scholar and pubs taking turns; the median is
reported. Both import first, and the timings start once the machine has settled; `import` is then
timed into a new, empty library each run (at most 5 runs; once at 100,000 works). The libraries are
realistic: venues with about 5% ICLR, years 1990-2026, 1-15 authors with Unicode names, abstracts
of about 150 words. pubs 0.9 is installed into its own virtual environment (it needs bibtexparser 1).
"No index" figures delete scholar's cache before each run, as on a fresh clone or a new machine;
`check` always reads every record file, and is timed against pubs's `list`. At 100,000 works and
more only scholar is timed (pubs would take most of an hour to import them), with fewer commands
and at most 5 runs each.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
import venv
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
VENUES = [("ICLR", "International Conference on Learning Representations", 5)] + [
    (name, f"{name} Proceedings", weight)
    for name, weight in [
        ("NeurIPS", 9), ("ICML", 8), ("ACL", 6), ("EMNLP", 6), ("NAACL", 4), ("AAAI", 6), ("IJCAI", 4), ("KDD", 4),
        ("CVPR", 8), ("ICCV", 4), ("ECCV", 4), ("SIGIR", 3), ("WWW", 3), ("TMLR", 2), ("JMLR", 3), ("TPAMI", 3),
        ("Nature", 1), ("Science", 1), ("Neurocomputing", 4), ("arXiv", 8),
    ]
]  # fmt: skip
GIVEN = ["Ayan", "Hervé", "Łukasz", "Zoë", "José", "Søren", "Chen", "Priya", "Olúwásẹ́gun", "Anna", "Mikko", "Ngọc"]
FAMILY = ["Sengupta", "Jégou", "Kaiser", "Ødegård", "Müller", "Nakamura", "García", "Smith", "Novák", "Çelik", "Li"]
WORDS = [
    "learning", "model", "neural", "network", "efficient", "robust", "language", "vision", "graph", "attention",
    "transformer", "optimization", "sparse", "data", "training", "inference", "scaling", "compression", "reasoning",
]  # fmt: skip
JOURNALS = ("TMLR", "JMLR", "TPAMI", "Nature", "Science", "Neurocomputing")


def generate_bib(count: int, seed: int = 7, owner: str | None = None) -> str:
    """``count`` works as BibTeX; with ``owner`` ("Family, Given"), theirs all, the owner first (the
    same works otherwise: no other random draw changes)."""
    rng = random.Random(seed)
    weights = [w for _, _, w in VENUES]
    entries = []
    for n in range(count):
        acronym, name, _ = rng.choices(VENUES, weights)[0]
        count = rng.choices(range(1, 16), [8] * 5 + [2] * 10)[0]
        authors = " and ".join(f"{rng.choice(FAMILY)}, {rng.choice(GIVEN)} {chr(65 + k % 26)}." for k in range(count))
        if owner is not None:
            authors = f"{owner} and {authors}"
        title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 12))).capitalize()
        abstract = " ".join(rng.choice(WORDS) for _ in range(150)).capitalize() + "."
        field = "journal" if acronym in JOURNALS else "booktitle"
        kind = "article" if field == "journal" else "inproceedings"
        entries.append(
            f"@{kind}{{work{n},\n  author = {{{authors}}},\n  title = {{{title} {n}}},\n"
            f"  {field} = {{{name} ({acronym})}},\n  year = {{{rng.randint(1990, 2026)}}},\n"
            f"  doi = {{10.5555/bench.{n}}},\n  abstract = {{{abstract}}},\n}}\n"
        )
    return "\n".join(entries)


LARGE = 100_000  # works from which only scholar is timed, on the commands the targets name


class Command(NamedTuple):
    """One timed command: a whole process, with what must happen before each run."""

    argv: list[str]
    env: dict[str, str]
    before: Callable[[int], None] | None = None  # called with the run's number


def run_once(command: Command, number: int) -> float:
    if command.before is not None:
        command.before(number)
    start = time.perf_counter()
    result = subprocess.run(command.argv, env=command.env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command.argv)} failed: {result.stderr.decode()[-500:]}")
    return elapsed


def timed(commands: list[Command], runs: int) -> list[float]:
    """The median wall time of each command over ``runs`` runs, the commands taking turns run by run
    (so that a slower spell of the machine falls on all of them alike), after two runs each that
    are not counted (as hyperfine's --warmup)."""
    times: list[list[float]] = [[] for _ in commands]
    for number in range(runs + 2):
        for command, taken in zip(commands, times, strict=True):
            taken.append(run_once(command, number))
    return [statistics.median(taken[2:]) for taken in times]


def settle(seconds: float = 30) -> None:
    """After an import: let the machine write back the new files and settle, so that the timings
    that follow measure reading, the same way for both programs (on this project's machine the
    first commands in the 30 s after an import of 10,000 files run up to 40% slower)."""
    os.sync()
    time.sleep(seconds)


def peak_memory_mib(command: Command) -> float:
    """Peak resident memory of one run, measured in a child of a fresh helper process."""
    if command.before is not None:
        command.before(0)
    probe = (
        "import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    argv = [sys.executable, "-c", probe, *command.argv]
    out = subprocess.run(argv, env=command.env, capture_output=True, text=True, check=True)
    return int(out.stdout.strip()) / 1024


class Setup(NamedTuple):
    """A program with a library imported: how long the import took, the commands to time, and
    the commands whose peak memory is measured."""

    import_seconds: float
    commands: dict[str, Command]
    memory: dict[str, Command]


SET_ASIDE = OUT / "set-aside"


def set_aside(folder: Path) -> None:
    """Move the last run's library out of the way, to delete once everything is timed: on some
    filesystems (ext4 mounted with discard) files made just after thousands were deleted are made
    several times slower for minutes, which would fall on the import timed next."""
    if folder.exists():
        SET_ASIDE.mkdir(parents=True, exist_ok=True)
        folder.rename(SET_ASIDE / f"{folder.name}-{time.time_ns()}")


def scholar_import(size: int, bib: Path) -> tuple[str, Path, dict[str, str], float]:
    """scholar's path, a new library of ``size`` works imported from ``bib``, its environment, the import's time."""
    scholar = shutil.which("scholar") or str(Path(sys.executable).parent / "scholar")
    # pip compiles an installed package's modules; an editable install under PYTHONDONTWRITEBYTECODE
    # would compile them on every run, which no user of a wheel pays.
    import scholarcli

    subprocess.run([sys.executable, "-m", "compileall", "-q", Path(scholarcli.__file__).parent], check=True)
    library = OUT / f"scholar-{size}"
    set_aside(library)
    env = {**os.environ, "XDG_CACHE_HOME": str(OUT / f"cache-{size}")}
    shutil.rmtree(env["XDG_CACHE_HOME"], ignore_errors=True)
    subprocess.run([scholar, "init", library], check=True, stderr=subprocess.DEVNULL)
    os.sync()  # what deleting the last run's files left to write falls on neither program's import
    start = time.perf_counter()
    subprocess.run([scholar, "-L", library, "import", bib], check=True, stdout=subprocess.DEVNULL)
    return scholar, library, env, time.perf_counter() - start


def scholar_setup(size: int, bib: Path) -> Setup:
    scholar, library, env, seconds = scholar_import(size, bib)
    base = [scholar, "-L", str(library)]
    subprocess.run([*base, "list"], env=env, stdout=subprocess.DEVNULL, check=True)  # builds the cache
    records = sorted((library / "publications").glob("*.toml"))
    cache = Path(env["XDG_CACHE_HOME"]) / "scholar"

    def forget_entries(number: int) -> None:  # as the first export of a library
        for remembered in cache.glob("*.bibtex.pickle"):
            remembered.unlink()

    def forget_index(number: int) -> None:  # as on a fresh clone, or a new machine
        shutil.rmtree(cache, ignore_errors=True)

    def change_a_record(number: int) -> None:  # a different record file each run
        record = records[number * 7 % len(records)]
        record.write_text(record.read_text())

    def index_up_to_date(number: int) -> None:  # no file changed in the last seconds (index.RACY_NS)
        subprocess.run([*base, "list"], env=env, stdout=subprocess.DEVNULL, check=True)
        time.sleep(2.5)
        subprocess.run([*base, "list"], env=env, stdout=subprocess.DEVNULL, check=True)

    listing = [*base, "list", "--venue", "ICLR"]
    export = [*base, "export", "bibtex"]
    commands = {
        "list --venue ICLR": Command(listing, env),
        "list --venue ICLR, no index": Command(listing, env, forget_index),
        "export bibtex": Command(export, env),
        "export bibtex, nothing remembered": Command(export, env, forget_entries),
        "export bibtex, no index": Command(export, env, forget_index),
        "check": Command([*base, "check"], env),
        "list after one file changed": Command(listing, env, change_a_record),
        "--version": Command([scholar, "--version"], env),
        "--help": Command([scholar, "--help"], env),
    }
    memory = {
        "peak MiB of list": Command([*base, "list"], env, index_up_to_date),
        "peak MiB of list, no index": Command([*base, "list"], env, forget_index),
    }
    if size >= LARGE:
        commands = {name: commands[name] for name in ("list --venue ICLR", "list --venue ICLR, no index", "check")}
    else:
        commands["import"] = importing(scholar, env, bib, OUT / f"scholar-{size}-import")
    return Setup(seconds, commands, memory)


def importing(scholar: str, env: dict[str, str], bib: Path, library: Path) -> Command:
    """scholar's import of ``bib`` into a new, empty library each run."""

    def empty_library(number: int) -> None:
        set_aside(library)
        subprocess.run([scholar, "init", library], check=True, stderr=subprocess.DEVNULL)
        os.sync()  # what the last run left to write falls on neither program's import

    return Command([scholar, "-L", str(library), "import", str(bib)], env, empty_library)


def pubs_setup(size: int, bib: Path) -> Setup | None:
    environment = OUT / "pubs-venv"
    pubs = str(environment / "bin" / "pubs")
    if not Path(pubs).exists():
        venv.create(environment, with_pip=True)
        installed = subprocess.run(
            [environment / "bin" / "pip", "install", "-q", "pubs==0.9.0", "bibtexparser<2"], capture_output=True
        )
        if installed.returncode != 0:
            print("pubs could not be installed; timing scholar only", file=sys.stderr)
            return None
    home = OUT / f"pubs-{size}"
    set_aside(home)
    home.mkdir(parents=True)
    config = str(home / "pubsrc")
    env = {**os.environ, "HOME": str(home)}
    subprocess.run([pubs, "-c", config, "init", "-p", home / "repo"], env=env, check=True, capture_output=True)
    os.sync()
    start = time.perf_counter()
    subprocess.run([pubs, "-c", config, "import", bib], env=env, check=True, capture_output=True)
    seconds = time.perf_counter() - start
    export = Command([pubs, "-c", config, "export"], env)
    fresh = OUT / f"pubs-{size}-import"
    fresh_config = str(fresh / "pubsrc")

    def empty_repository(number: int) -> None:
        set_aside(fresh)
        fresh.mkdir(parents=True)
        subprocess.run(
            [pubs, "-c", fresh_config, "init", "-p", fresh / "repo"], env=env, check=True, capture_output=True
        )
        os.sync()

    listing = Command([pubs, "-c", config, "list", "booktitle:ICLR"], env)
    everything = Command([pubs, "-c", config, "list"], env)
    commands = {
        "list --venue ICLR": listing,
        "list --venue ICLR, no index": listing,  # pubs keeps no index
        "export bibtex": export,
        "export bibtex, nothing remembered": export,  # pubs remembers nothing
        "export bibtex, no index": export,
        "check": everything,  # pubs has no check: its plainest read of every record
        "import": Command([pubs, "-c", fresh_config, "import", str(bib)], env, empty_repository),
        "--version": Command([pubs, "--version"], env),
        "--help": Command([pubs, "--help"], env),
    }
    return Setup(seconds, commands, {"peak MiB of list": everything, "peak MiB of list, no index": everything})


Row = tuple[str, float, float | None]  # what, scholar's figure, pubs's figure or None


def measure(size: int, runs: int, with_pubs: bool) -> list[Row]:
    """The figures of one library size."""
    bib = OUT / f"library-{size}.bib"
    bib.write_text(generate_bib(size), encoding="utf-8")
    ours = scholar_setup(size, bib)
    theirs = pubs_setup(size, bib) if with_pubs and size < LARGE else None
    settle()
    rows: list[Row] = [] if "import" in ours.commands else [("import", ours.import_seconds, None)]
    for name, command in sorted(ours.commands.items(), key=lambda item: item[0] != "import"):
        other = theirs.commands.get(name) if theirs else None
        times = runs if size < LARGE and name != "import" else min(runs, 5)  # an import of pubs takes long
        if other is None:
            rows.append((name, timed([command], times)[0], None))
        else:
            mine, its = timed([command, other], times)
            rows.append((name, mine, its))
    bib.unlink()
    for name, command in ours.memory.items():
        rows.append((name, peak_memory_mib(command), peak_memory_mib(theirs.memory[name]) if theirs else None))
    return rows


def table_line(size: int, what: str, value: float, other: float | None) -> str:
    """One line of the results table: the figures, and scholar's as a share of pubs's."""
    unit, digits = (" MiB", 1) if "MiB" in what else (" s", 3)
    shown = f"{value:.{digits}f}{unit}"
    other_shown = "" if other is None else f"{other:.{digits}f}{unit}"
    ratio = "" if other is None else f"{value / other:.2f}"
    return f"| {size:,} | `{what}` | {shown} | {other_shown} | {ratio} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--no-pubs", action="store_true", help="time scholar only")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    lines = ["| works | command | scholar | pubs 0.9 | scholar / pubs |", "|---|---|---|---|---|"]
    for size in args.sizes:
        lines += [table_line(size, *row) for row in measure(size, args.runs, not args.no_pubs)]
        (OUT / "results.md").write_text("\n".join(lines) + "\n")  # what is measured so far
    print("\n".join(lines))
    shutil.rmtree(SET_ASIDE, ignore_errors=True)


if __name__ == "__main__":
    main()
