"""Mutation testing of the safety code: of the small changes mutmut makes to it, how many a test catches.

    python benchmarks/mutation.py               # mutmut run (resumes where the last stopped), then the table
    python benchmarks/mutation.py --report      # the table of the last run only
    python benchmarks/mutation.py --survivors   # and every surviving change, with why it lives

The modules, the tests that judge them and mutmut's settings are in pyproject.toml ([tool.mutmut]);
mutmut makes and runs its mutants in mutants/, which git ignores (delete it to start afresh). A
surviving mutant is either killed by a new test or explained, by function, in
benchmarks/mutation_survivors.toml: the report counts survivors whose function has no explanation,
and exits 1 when there is one.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tomllib
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXPLAINED = Path(__file__).with_name("mutation_survivors.toml")
# scholarcli.fetch.http.xǁClientǁkeep__mutmut_12, scholarcli.formats.cv.x_is_safe_url__mutmut_3
_NAME = re.compile(r"(?P<module>[\w.]+?)\.x(?:ǁ(?P<cls>[^ǁ]+)ǁ|_)(?P<function>\w+?)__mutmut_\d+")
CAUGHT = ("killed", "timeout")  # a mutant that hangs the tests is caught by the time limit
LIVING = ("survived", "no tests")


def _mutmut(*args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "mutmut", *args], cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"mutmut {' '.join(args)} failed:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
    return done.stdout


def results() -> list[tuple[str, str, str]]:
    """(module, function, status) of every mutant of the last run."""
    found = []
    for line in _mutmut("results", "--all", "true").splitlines():
        name, _, status = line.strip().rpartition(": ")
        match = _NAME.fullmatch(name)
        if match:
            function = ".".join(filter(None, [match["cls"], match["function"]]))
            found.append((match["module"], function, status))
    return found


def table(found: list[tuple[str, str, str]], explained: dict[str, str]) -> tuple[str, int]:
    """The Markdown table by module, and how many survivors have no explanation."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    unexplained = 0
    for module, function, status in found:
        counts[module]["mutants"] += 1
        counts[module]["caught" if status in CAUGHT else status] += 1
        if status in LIVING:
            known = f"{module}.{function}" in explained
            counts[module]["explained" if known else "unexplained"] += 1
            unexplained += not known
    lines = [
        "| module | mutants | caught | survived | no test runs it | explained | not yet run | score |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for module, count in sorted(counts.items()):
        run = count["mutants"] - count["not checked"]
        score = f"{count['caught'] / run:.0%}" if run else "-"
        lines.append(
            f"| {module.removeprefix('scholarcli.')} | {count['mutants']} | {count['caught']} | {count['survived']} "
            f"| {count['no tests']} | {count['explained']} | {count['not checked']} | {score} |"
        )
    return "\n".join(lines), unexplained


def survivors(found: list[tuple[str, str, str]], explained: dict[str, str]) -> str:
    """Each function with living mutants, how many, and why they live."""
    living = Counter(f"{module}.{function}" for module, function, status in found if status in LIVING)
    return "\n".join(
        f"- {name} ({count}): {explained.get(name, 'NOT EXPLAINED')}" for name, count in sorted(living.items())
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--report", action="store_true", help="only report the last run")
    parser.add_argument("--survivors", action="store_true", help="list the functions whose mutants live")
    parser.add_argument("--max-children", type=int, help="mutants run at once (mutmut's default: the cores)")
    options = parser.parse_args()
    if not options.report:
        extra = ["--max-children", str(options.max_children)] if options.max_children else []
        # its progress goes to the terminal: a run takes the better part of an hour on 2 cores
        if subprocess.run([sys.executable, "-m", "mutmut", "run", *extra], cwd=ROOT).returncode != 0:
            sys.exit("mutmut run failed")
    explained: dict[str, str] = tomllib.loads(EXPLAINED.read_text(encoding="utf-8"))
    found = results()
    text, unexplained = table(found, explained)
    print(text)
    if options.survivors:
        print(f"\n{survivors(found, explained)}")
    if unexplained:
        sys.exit(f"{unexplained} surviving mutants have no explanation in {EXPLAINED.name}")


if __name__ == "__main__":
    main()
