"""Judge scholar's round trip of one real-world .bib file by the tools that read BibTeX.

The pipeline behind tests/test_corpus.py and benchmarks/corpus.py: import the file into a
fresh library with the installed `scholar`, export it as BibTeX and as BibLaTeX, then ask bibtex,
biber, pdflatex and pandoc whether the exports say what the source said:

1. every key bibtex or biber reads from the source is read from the export as well;
2. a document citing every source key (no \\nocite) compiles with bibtex (plain) and with biber
   (biblatex) and leaves no citation undefined;
3. pandoc's CSL-JSON of each export gives every source entry the title and authors that pandoc's
   CSL-JSON of the source gives it;
4. bibtex and biber warn about the export no more than about the source (warnings normalised to
   entry key and kind).

A missing tool raises ToolMissingError: the test fails, it never skips. Nothing here needs the network.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from collections.abc import Iterable, Mapping, Sequence, Set
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pandoc_release import put_current_pandoc_first
from scholarcli.formats.name_marks import TYPED

put_current_pandoc_first()  # benchmarks/corpus.py judges with the suite's pandoc too
CORPUS = Path(__file__).resolve().parent / "corpus"
TOOLS = ("pdflatex", "bibtex", "biber", "pandoc")
# Characters that cannot travel inside \cite{...}: such keys are still checked by (1), not cited.
UNCITABLE = re.compile(r"[\s,%#\\{}~]")
Warning_ = tuple[str, str]  # (entry key or "", kind)
Items = dict[str, dict[str, Any]]  # pandoc's CSL-JSON items by id


class ToolMissingError(RuntimeError):
    """bibtex, biber, pdflatex or pandoc is not installed (apt-get install, see README)."""


def tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise ToolMissingError(f"{name} is not installed; .ci/run installs it")
    return path


def scholar_command() -> str:
    """The installed console script, as a user runs it."""
    script = Path(sys.executable).parent / "scholar"
    if not script.exists():
        raise ToolMissingError(f"no scholar console script beside {sys.executable}; pip install -e .")
    return str(script)


def corpus_files() -> list[Path]:
    return sorted(CORPUS.glob("*.bib"))


def isolated_env(root: Path) -> dict[str, str]:
    """The environment of every process: no user library or cache, long TeX log lines."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SCHOLAR_")}
    home = root / "home"
    home.mkdir(parents=True, exist_ok=True)
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"),
        SCHOLAR_CACHE_DIR=str(home / "cache" / "scholar"),
        NO_COLOR="1",
        max_print_line="100000",  # TeX wraps log lines at 79 characters otherwise, splitting keys
    )
    return env


def run(command: Sequence[str | Path], cwd: Path, env: Mapping[str, str]) -> subprocess.CompletedProcess[str]:
    argv = [str(part) for part in command]
    if not Path(argv[0]).is_absolute():
        argv[0] = tool(argv[0])
    return subprocess.run(
        argv, cwd=cwd, env=dict(env), capture_output=True, text=True, errors="replace",
        timeout=600, check=False, stdin=subprocess.DEVNULL,
    )  # fmt: skip


def workdir(path: Path, bib: Path | None = None) -> Path:
    """A fresh directory; with ``bib``, a copy of it named refs.bib (TeX wants a plain file name)."""
    path.mkdir(parents=True, exist_ok=False)
    if bib is not None:
        shutil.copyfile(bib, path / "refs.bib")
    return path


# ---------------------------------------------------------------------------------------------
# scholar


@dataclass
class RoundTrip:
    exports: dict[str, Path]  # "bibtex" / "biblatex" -> exported file
    import_exit: int
    messages: str  # stderr of import and exports
    problems: list[str] = field(default_factory=list)  # exports that failed


def round_trip(source: Path, work: Path, env: Mapping[str, str]) -> RoundTrip:
    """init a library, import ``source`` (exit 1 on problem entries is allowed), export both ways."""
    scholar = scholar_command()
    library = work / "lib"
    init = run([scholar, "init", library], work, env)
    if init.returncode != 0:
        raise RuntimeError(f"scholar init failed: {init.stderr}")
    imported = run([scholar, "-L", library, "import", source], work, env)
    trip = RoundTrip({}, imported.returncode, imported.stderr)
    for fmt in ("bibtex", "biblatex"):
        target = work / f"export-{fmt}.bib"
        done = run([scholar, "-L", library, "export", fmt, "-o", target], work, env)
        trip.messages += done.stderr
        if done.returncode != 0 or not target.exists():
            trip.problems.append(f"export {fmt} exited {done.returncode}: {done.stderr.strip()[:300]}")
            target.write_text("", encoding="utf-8")
        trip.exports[fmt] = target
    return trip


# ---------------------------------------------------------------------------------------------
# keys, as bibtex and biber read them


@dataclass
class BibtexRead:
    """What bibtex takes from a file with plain.bst and \\citation{*}: one \\bibitem a key."""

    keys: list[str]
    bbl: str  # the typeset text, which tests/corpus_differences.py compares key by key


def bibtex_read(bib: Path, work: Path, env: Mapping[str, str]) -> BibtexRead:
    """Every key bibtex takes from ``bib``, and the .bbl that plain.bst typesets of each."""
    where = workdir(work, bib)
    (where / "keys.aux").write_text("\\citation{*}\n\\bibdata{refs}\n\\bibstyle{plain}\n", encoding="utf-8")
    run(["bibtex", "keys"], where, env)
    text = _read(where / "keys.bbl")
    return BibtexRead(re.findall(r"^\\bibitem(?:\[[^\]\n]*\])?\{(.*)\}\s*$", text, flags=re.MULTILINE), text)


def biber_keys(bib: Path, work: Path, env: Mapping[str, str]) -> list[str]:
    """Every key biber takes from ``bib``, from its tool mode's re-serialisation of the file."""
    where = workdir(work, bib)
    run(["biber", "--tool", "--output-format=bibtex", "--output-file=out.bib", "refs.bib"], where, env)
    out = where / "out.bib"
    text = out.read_text(encoding="utf-8", errors="replace") if out.exists() else ""
    found = re.findall(r"^@(\w+)\{(.*),\s*$", text, flags=re.MULTILINE)
    keys = [key for kind, key in found if kind.lower() not in ("string", "preamble", "comment")]
    # A key biblatex resolves through another entry's ids (a work the library holds once) is kept.
    aliases = re.findall(r"^\s*IDS\s*=\s*\{([^}]*)\},?\s*$", text, flags=re.MULTILINE)
    return keys + [alias.strip() for ids in aliases for alias in ids.split(",") if alias.strip()]


def union(*lists: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(key for keys in lists for key in keys))


# ---------------------------------------------------------------------------------------------
# warnings, normalised to (key, kind)

# A quoted value: '...', "..." or TeX's `...'; an apostrophe inside a word ("didn't") opens nothing.
_QUOTED = re.compile(r"(?<!\w)(?:'([^'\n]*)'|\"([^\"\n]*)\"|`([^'\n]*)')(?!\w)")


def _kind(text: str, key: str) -> str:
    """The kind of a message: its key, file names, line numbers and quoted values taken out; a
    quoted list of field names ('journaltitle', 'date, year') says what is wrong, so it stays."""
    if key:
        text = text.replace(key, "<key>")
    text = re.sub(r"\S+\.(?:bib|utf8|aux|bcf)\b", "<file>", text)

    def quoted(match: re.Match[str]) -> str:
        inner = next((group for group in match.groups() if group is not None), "")
        keep = inner == "<key>" or re.fullmatch(r"[a-z]{4,}(?:, ?[a-z+]{4,})*", inner)
        return match.group(0) if keep else "'…'"

    return re.sub(r"\d+", "<n>", _QUOTED.sub(quoted, text)).strip()


# bibtex's words for an entry with nothing to sort by depend on its type ("need author, editor, or
# key" for a book, "need author or key" for misc): one kind, whichever type the export chose.
_NOTHING_TO_SORT_BY = re.compile(r"^to sort, need .* or key in <key>$")


def bibtex_warnings(blg: str) -> set[Warning_]:
    """bibtex's warnings and errors: 'Warning--empty journal in k' becomes ('k', 'empty journal')."""
    found: set[Warning_] = set()
    lines = blg.splitlines()
    for index, line in enumerate(lines):
        if line.startswith("Warning--"):
            message = line.removeprefix("Warning--")
            match = re.search(r' in (\S+)$|for "([^"]*)"|for entry (\S+)$', message)
            key = next((g for g in match.groups() if g), "") if match else ""
            kind = _kind(message, key)
            found.add((key, "nothing to sort by in <key>" if _NOTHING_TO_SORT_BY.match(kind) else kind))
        elif "---line" in line or line.startswith(("Repeated entry", "I was expecting", "You're missing")):
            context = lines[index + 1] if index + 1 < len(lines) else ""
            entry = re.search(r"@\w+\s*[{(]\s*([^,\s]+)", context)
            key = entry.group(1) if entry else ""
            found.add((key, _kind(line.split("---line")[0], key)))
    return found


def biber_warnings(blg: str) -> set[Warning_]:
    """biber's WARN and ERROR lines, keyed by the entry they name (or '')."""
    found: set[Warning_] = set()
    for line in blg.splitlines():
        match = re.match(r"(?:\[\d+\] [^>]*> )?(WARN|ERROR) - (.*)$", line)
        if not match:
            continue
        message = f"{match.group(1)} {match.group(2)}"
        named = re.search(r"(?:[Ee]ntry|entry key|database entry for|citekey) '([^']+)'", message)
        key = named.group(1) if named else ""
        found.add((key, _kind(message, key)))
    return found


# ---------------------------------------------------------------------------------------------
# LaTeX documents citing every key


@dataclass(frozen=True)
class Lane:
    """One consumer: scholar's export format, the engine that reads it, pandoc's reader for it."""

    name: str  # "bibtex" or "biblatex": scholar's export format
    engine: str  # "bibtex" or "biber"
    reader: str  # pandoc's -f


LANES = (Lane("bibtex", "bibtex", "bibtex"), Lane("biblatex", "biber", "biblatex"))


def citing_document(keys: Sequence[str], lane: Lane) -> str:
    cites = "".join(f"\\cite{{{key}}}\n" for key in keys)
    if lane.engine == "biber":
        head = "\\usepackage[backend=biber]{biblatex}\n\\addbibresource{refs.bib}\n"
        tail = "\\printbibliography\n"
    else:
        head, tail = "", "\\bibliographystyle{plain}\n\\bibliography{refs}\n"
    # A character pdflatex has no glyph for here (Cyrillic, CJK) prints as "?": what (2) asks is
    # whether the export's TeX typesets, not whether this document loads every script's fonts.
    glyphless = "\\makeatletter\\def\\UTFviii@undefined@err#1{?}\\makeatother\n"
    return (
        f"\\documentclass{{article}}\n\\usepackage[T1]{{fontenc}}\n\\usepackage{{url}}\n{glyphless}{head}"
        f"\\begin{{document}}\n{cites}{tail}\\end{{document}}\n"
    )


@dataclass
class Compiled:
    warnings: set[Warning_]  # from the engine's .blg
    undefined: set[str]  # citations LaTeX leaves undefined
    fatal: bool  # pdflatex stopped (no PDF), so nothing after the stop was checked


LATEX = ("pdflatex", "-interaction=batchmode", "-no-shell-escape", "doc.tex")


def compile_with_bibtex(
    bib: Path, keys: Sequence[str], work: Path, env: Mapping[str, str], typeset: bool = True
) -> Compiled:
    """bibtex, then one pdflatex run over the bibliography; typeset=False only collects bibtex's
    warnings (the source's own LaTeX need not compile). The .aux that LaTeX's first run would write
    (a \\citation a \\cite, the style, the data) is written here instead; the run after bibtex writes a
    \\bibcite for each \\bibitem it typesets, which is what the next run would resolve the citations
    with: a cited key without one is a citation LaTeX leaves undefined."""
    where = workdir(work, bib)
    citations = "".join(f"\\citation{{{key}}}\n" for key in keys)
    (where / "doc.aux").write_text(f"\\relax\n{citations}\\bibstyle{{plain}}\n\\bibdata{{refs}}\n", encoding="utf-8")
    engine = run(["bibtex", "doc"], where, env)
    warnings = bibtex_warnings(_read(where / "doc.blg") or engine.stdout)
    if not typeset:
        return Compiled(warnings, set(), fatal=False)
    (where / "doc.tex").write_text(citing_document(keys, LANES[0]), encoding="utf-8")
    run(LATEX, where, env)
    log, aux = _read(where / "doc.log"), _read(where / "doc.aux")
    cited = set(re.findall(r"^\\bibcite\{(.*)\}\{[^{}\n]*\}\s*$", aux, flags=re.MULTILINE))
    return Compiled(warnings, set(keys) - cited, _stopped(where, log))


def compile_with_biber(bib: Path, keys: Sequence[str], work: Path, env: Mapping[str, str], passes: int) -> Compiled:
    """pdflatex, biber, then ``passes`` more pdflatex runs (biblatex resolves the citations in the
    run that reads the .bbl); passes=0 only collects biber's warnings (the source's own LaTeX need
    not compile)."""
    where = workdir(work, bib)
    (where / "doc.tex").write_text(citing_document(keys, LANES[1]), encoding="utf-8")
    run(LATEX, where, env)
    engine = run(["biber", "doc"], where, env)  # its .blg is the record; stdout if it wrote none
    for _ in range(passes):
        run(LATEX, where, env)
    warnings = biber_warnings(_read(where / "doc.blg") or engine.stdout)
    if not passes:
        return Compiled(warnings, set(), fatal=False)
    log = _read(where / "doc.log")
    # Only the document's own citations: a \\cite in a field (Republished in \\cite{KR}) names no
    # key of the file, and is as undefined with the source as with the export.
    undefined = set(re.findall(r"Citation [`']([^'\n]*)' on page \d+ undefined", log)) & set(keys)
    return Compiled(warnings, undefined, _stopped(where, log))


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""


def _stopped(where: Path, log: str) -> bool:
    return not (where / "doc.pdf").exists() or "Emergency stop" in log or "Fatal error" in log


# ---------------------------------------------------------------------------------------------
# pandoc: titles and names


def _csl_items(text: str) -> Items:
    """Items by id; an item's other ids (biblatex's ids, read by pandoc as other-ids) name it too,
    since biber resolves \\cite{alias} to it."""
    items = {str(item["id"]): item for item in json.loads(text)}
    for item in list(items.values()):
        for alias in filter(None, (alias.strip() for alias in str(item.get("other-ids", "")).split(","))):
            items.setdefault(alias, item)
    return items


# What pandoc (2.17 and 3.9 alike) reads wrongly in a source, each with a spelling TeX typesets the
# same and pandoc reads right: pandoc drops \textemdash and \textendash, reads TeX's \char`\\ (the
# backslash character) as a quote, and drops a month written out ({October}, {Oct.}), which bibtex
# prints as written and biber and scholar read as the month. The source is given to pandoc so spelled.
_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
PANDOC_MISREAD = (
    (re.compile(r"\\textemdash(?:\{\}|(?![A-Za-z])[ \t\n]*)"), "---"),
    (re.compile(r"\\textendash(?:\{\}|(?![A-Za-z])[ \t\n]*)"), "--"),
    (re.compile(r"\\char`\\\\"), r"\textbackslash{}"),
    *(
        (re.compile(rf"(?im)^([ \t]*month[ \t]*=[ \t]*)[{{\"][ \t]*{name}[a-z]*\.?[ \t]*[}}\"]"), rf"\g<1>{name}")
        for name in _MONTHS
    ),
)


def respelled_for_pandoc(text: str) -> str:
    for pattern, spelling in PANDOC_MISREAD:
        text = pattern.sub(spelling if "\\g<" in spelling else spelling.replace("\\", "\\\\"), text)
    return text


def pandoc_items(bib: Path, reader: str, work: Path, env: Mapping[str, str], respell: bool = False) -> Items:
    """pandoc's CSL-JSON of ``bib``, by id (``respell``: PANDOC_MISREAD respelled first). pandoc
    rejects a whole file for one entry it cannot parse; then each entry is read on its own, after
    every @string, and unreadable ones are left out."""
    where = workdir(work, bib)
    if respell:
        copy = where / "refs.bib"
        copy.write_text(respelled_for_pandoc(copy.read_text(encoding="utf-8", errors="replace")), encoding="utf-8")
    whole = run(["pandoc", "-f", reader, "-t", "csljson", "refs.bib"], where, env)
    if whole.returncode == 0:
        return _csl_items(whole.stdout)
    from bibtexparser.entrypoint import parse_string  # scholar's dependency; only its split is used

    logging.getLogger("bibtexparser").setLevel(logging.CRITICAL)
    library = parse_string((where / "refs.bib").read_text(encoding="utf-8", errors="replace"))
    strings = "".join(f"{block.raw}\n" for block in library.strings)
    items: Items = {}
    for number, block in enumerate([*library.entries, *library.failed_blocks]):
        chunk = where / f"entry{number}.bib"
        chunk.write_text(f"{strings}{block.raw}\n", encoding="utf-8")
        one = run(["pandoc", "-f", reader, "-t", "csljson", chunk.name], where, env)
        if one.returncode == 0:
            items.update({k: v for k, v in _csl_items(one.stdout).items() if k not in items})
    return items


# al-folio types marks into names ("Yuan*, Zhihang", "*Pang, Ce", "Einstein*†, A.", "Lee^, Yong Jae");
# the import turns them into data, so they are no part of the name pandoc must give back.
MARKS = re.compile(rf"^[{re.escape(TYPED)}]+|[{re.escape(TYPED)}]+$")


def _text(value: Any) -> Any:
    """pandoc reads {\\'\\i} as a dotless i with an accent, where the export writes the letter í:
    the same letter to a reader, so both are compared as NFC text with the dotted i."""
    if not isinstance(value, str):
        return value
    value = re.sub(r"ı(?=[\u0300-\u036f])", "i", MARKS.sub("", value).strip())
    # A run of ASCII spaces is one space once typeset, by TeX as by a browser; pandoc keeps the runs
    # that a dropped command or a line break leaves ("of {\tt<newline>  WEB}").
    return unicodedata.normalize("NFC", re.sub(r"[ \t\n]{2,}", " ", value))


def _names(item: Mapping[str, Any]) -> list[dict[str, Any]]:
    names = []
    for name in item.get("author", []):
        parts = {part: _text(value) for part, value in name.items()}
        # pandoc reads a given name that starts with a braced accent ({\\'E}douard) as a particle,
        # where bibtex and biber read a given name: the export's Unicode name is read as bibtex reads it.
        particle = parts.get("dropping-particle")
        if isinstance(particle, str) and particle[:1].isupper() and "given" not in parts:
            parts["given"] = parts.pop("dropping-particle")
        names.append(parts)
    return names


def _folded(item: Mapping[str, Any]) -> tuple[str, list[str]]:
    title = unicodedata.normalize("NFKD", str(item.get("title", ""))).casefold()
    families = [
        unicodedata.normalize("NFKD", str(name.get("family", name.get("literal", "")))) for name in _names(item)
    ]
    return "".join(c for c in title if c.isalnum()), ["".join(c for c in f.casefold() if c.isalnum()) for f in families]


def _name_words(item: Mapping[str, Any]) -> set[str]:
    """Every word of an item's names, folded: what a repaired author list may hold."""
    text = " ".join(str(value) for name in _names(item) for value in name.values())
    return set(re.findall(r"\w+", unicodedata.normalize("NFKD", text).casefold()))


def pandoc_differences(
    source: Mapping[str, Mapping[str, Any]], export: Mapping[str, Mapping[str, Any]], repaired: Set[str] = frozenset()
) -> list[str]:
    """Each source item whose title or authors (marks aside) pandoc reads differently from the export.

    A key the import merged into another work's record (the export names it in that entry's ids) is
    compared through that record: same title and family names, case, accents and markup aside. The
    authors of an entry whose list the import ``repaired`` (bibtex would misread the source's) are
    the source's words and no other (pandoc misreads the source's as bibtex does)."""
    merged = {alias.strip() for item in export.values() for alias in str(item.get("other-ids", "")).split(",")}
    differences = []
    for key, item in source.items():
        other = export.get(key)
        if other is None:
            differences.append(f"{key}: not in the export")
        elif key in merged and _folded(item) == _folded(other):
            continue
        elif _text(item.get("title")) != _text(other.get("title")):
            differences.append(f"{key}: title {item.get('title')!r} became {other.get('title')!r}")
        elif key in repaired and _name_words(other) <= _name_words(item) and _names(other):
            continue
        elif _names(item) != _names(other):
            differences.append(f"{key}: author {item.get('author')!r} became {other.get('author')!r}")
    return differences


def repaired_lists(messages: str) -> set[str]:
    """The keys of the entries whose author list the import repaired, as its notes name them."""
    return set(re.findall(r"(?m)^note: (.+?): author: bibtex would misread this list .*; read as", messages))


# ---------------------------------------------------------------------------------------------
# the whole judgement


@dataclass
class LaneResult:
    lane: Lane
    kept: set[str]  # source keys the engine reads from the export
    export: Compiled
    new_warnings: set[Warning_]  # on the export and not on the source
    compared: int  # source entries pandoc reads
    differences: list[str]  # of those, the ones pandoc reads differently from the export
    items: tuple[Items, Items]  # pandoc's CSL-JSON of the source and of the export, by id
    bbl: tuple[str, str] = ("", "")  # bibtex: plain.bst's .bbl of the source and of the export


@dataclass
class Outcome:
    name: str
    keys: list[str]  # what bibtex or biber reads from the source
    trip: RoundTrip
    lanes: list[LaneResult]
    read_by: dict[str, set[str]] = field(default_factory=dict)  # engine -> the source keys it reads

    def lost(self, result: LaneResult) -> list[str]:
        """Source keys the lane's engine does not read from the export. One the engine skips in the
        source too (biber skips an entry with a doubled "and") is the source's loss, not the
        export's, when the import reported that entry: it is not counted."""
        return [
            key
            for key in self.keys
            if key not in result.kept
            and not (key not in self.read_by.get(result.lane.engine, set()) and self.reported(key))
        ]

    def reported(self, key: str) -> bool:
        return re.search(rf"(?m)^(?:error|warning|note): .*\b{re.escape(key)}: ", self.trip.messages) is not None

    @property
    def uncitable(self) -> list[str]:
        return [key for key in self.keys if UNCITABLE.search(key)]

    def failures(self) -> list[str]:
        """One line per failed check, with a few examples."""
        found = [f"scholar: {problem}" for problem in self.trip.problems]
        for result in self.lanes:
            name, engine = result.lane.name, result.lane.engine
            lost = self.lost(result)
            found += _failure(f"(1) keys missing from the {name} export", lost)
            undefined = sorted(key for key in result.export.undefined if key in lost or key in result.kept)
            found += _failure(f"(2) citations undefined with {engine}", undefined)
            if result.export.fatal:
                found.append(f"(2) pdflatex stopped with a fatal error on the {name} export")
            found += _failure(f"(3) entries pandoc -f {result.lane.reader} reads differently", result.differences)
            found += _failure(f"(4) new {engine} warnings on the {name} export", sorted(map(str, result.new_warnings)))
        return found


def _failure(check: str, examples: Sequence[str], shown: int = 5) -> list[str]:
    if not examples:
        return []
    more = f" (+{len(examples) - shown} more)" if len(examples) > shown else ""
    return [f"{check}: {len(examples)}: " + "; ".join(examples[:shown]) + more]


_ENTRY_KEY = re.compile(r"^\s*(?:\w+)\s*[{(]\s*([^,\s]+)")
_CROSSREF = re.compile(r"(?i)\bcrossref\s*=\s*[{\"]?\s*([^}\",\s]+)")  # braced, quoted or an @string


def dangling_crossrefs(source: Path, keys: Sequence[str]) -> dict[str, str]:
    """Source entries whose crossref names an entry the source does not hold: entry key -> target.
    Read from the text, entry by entry, so that an entry with a syntax error counts too."""
    known = {key.lower() for key in keys}
    found = {}
    for chunk in source.read_text(encoding="utf-8", errors="replace").split("@")[1:]:
        key, target = _ENTRY_KEY.match(chunk), _CROSSREF.search(chunk)
        if key and target and target.group(1).lower() not in known:
            found[key.group(1)] = target.group(1)
    return found


# The engines' words for a crossref to an entry that is not there: bibtex names the missing entry
# (when two entries cite it, it is cited too), biber the entry that holds the crossref.
_MISSING_CROSSREF = ('I didn\'t find a database entry for "<key>"', "WARN I didn't find a database entry for crossref")


# A name list with a name that ends in a comma ("X, Y, and Z"), which the import keeps as written.
_NAME_LIST = re.compile(r"(?is)\b(?:author|editor)\s*=\s*\{((?:[^{}]|\{[^{}]*\})*)\}")
_TRAILING_COMMA_WARNING = "WARN BibTeX subsystem: warning: comma(s) at end of name (removing)"


def trailing_comma_names(source: Path) -> bool:
    """Whether a name list of the source has a name ending in a comma, which biber warns about."""
    text = source.read_text(encoding="utf-8", errors="replace")
    return any(
        name.strip().endswith(",")
        for found in _NAME_LIST.finditer(text)
        for name in re.split(r"\s+and\s+", found.group(1))
    )


def caused_by_source(warning: Warning_, dangling: Mapping[str, str], trailing_commas: bool = False) -> bool:
    """A warning the source causes, though a syntax error in the source may stop the engine before
    it says so: a crossref to an entry the source does not hold, a name list's trailing comma."""
    key, kind = warning
    if kind == _TRAILING_COMMA_WARNING:
        return trailing_commas
    if kind == _MISSING_CROSSREF[0]:
        return key in dangling.values()
    return kind.startswith(_MISSING_CROSSREF[1]) and key in dangling


@dataclass
class Engines:
    """What the engines read from the export and say about each file, lane by lane."""

    kept: set[str]  # source keys the engine reads from the export
    before: set[Warning_]  # the engine's warnings about the source
    after: Compiled  # a document citing every source key, built from the export
    bbl: tuple[str, str] = ("", "")


def bibtex_engine(
    source: Path, export: Path, citable: Sequence[str], work: Path, env: Mapping[str, str], typeset: str
) -> Engines:
    """``typeset``: plain.bst's .bbl of the source, from the run that read its keys."""
    read = bibtex_read(export, work / "export-keys", env)
    before = compile_with_bibtex(source, citable, work / "source-doc", env, typeset=False)
    after = compile_with_bibtex(export, citable, work / "export-doc", env)
    return Engines(set(read.keys), before.warnings, after, (typeset, read.bbl))


def biber_engine(source: Path, export: Path, citable: Sequence[str], work: Path, env: Mapping[str, str]) -> Engines:
    kept = set(biber_keys(export, work / "export-keys", env))
    before = compile_with_biber(source, citable, work / "source-doc", env, passes=0)
    after = compile_with_biber(export, citable, work / "export-doc", env, passes=1)
    return Engines(kept, before.warnings, after)


def judge_lane(
    lane: Lane,
    source: Path,
    export: Path,
    keys: Sequence[str],
    dangling: Mapping[str, str],
    work: Path,
    env: Mapping[str, str],
    by_bibtex: BibtexRead,
    repaired: Set[str] = frozenset(),
) -> LaneResult:
    citable = [key for key in keys if not UNCITABLE.search(key)]
    if lane.engine == "bibtex":
        engines = bibtex_engine(source, export, citable, work, env, by_bibtex.bbl)
    else:
        engines = biber_engine(source, export, citable, work, env)
    theirs = pandoc_items(source, lane.reader, work / "source-pandoc", env, respell=True)
    ours = pandoc_items(export, lane.reader, work / "export-pandoc", env)
    differences = pandoc_differences(theirs, ours, repaired)
    commas = trailing_comma_names(source)
    new = {w for w in engines.after.warnings - engines.before if not caused_by_source(w, dangling, commas)}
    return LaneResult(lane, engines.kept, engines.after, new, len(theirs), differences, (theirs, ours), engines.bbl)


def judge(source: Path, work: Path) -> Outcome:
    """The whole round trip of one file, both lanes side by side (two processes at a time)."""
    source, work = source.resolve(), work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    for name in TOOLS:
        tool(name)
    env = isolated_env(work)
    trip = round_trip(source, work, env)
    with ThreadPoolExecutor(max_workers=2) as pool:
        read = pool.submit(bibtex_read, source, work / "source-keys-bibtex", env)
        by_biber = pool.submit(biber_keys, source, work / "source-keys-biber", env)
        by_bibtex = read.result()
        read_by = {"bibtex": set(by_bibtex.keys), "biber": set(by_biber.result())}
        keys = union(by_bibtex.keys, by_biber.result())
        dangling = dangling_crossrefs(source, keys)
        lanes = [
            pool.submit(
                judge_lane,
                lane,
                source,
                trip.exports[lane.name],
                keys,
                dangling,
                work / lane.name,
                env,
                by_bibtex,
                repaired_lists(trip.messages),
            )
            for lane in LANES
        ]
        return Outcome(source.name, keys, trip, [lane.result() for lane in lanes], read_by)
