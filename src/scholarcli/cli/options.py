"""Every option of the commands (list, export, stats, refresh, add, import, check, venues, merge), declared once.

Both parsers are built from these declarations: the typer app's parameters (params.py) and the
quick path's parser (quick.py), so a name, default, choice or help text changed here changes
both. No click or typer here: the quick path reads this module on every `list`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, MutableMapping

from scholarcli.model.named_tuple import NamedTuple

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

FILTERS_PANEL = "Filters"
CV_PANEL = "CV (cv, json-resume, rendercv)"


class Option(NamedTuple):
    """One command-line option: what a parser needs to read it, check it and explain it."""

    param: str  # the name the command's code receives it under
    flags: tuple[str, ...]  # "--format", "-f"
    help: str
    kind: str = "text"  # text | flag | int | rate | year | choice | output | list (repeatable text)
    default: object = None
    choices: tuple[str, ...] = ()  # for kind "choice"
    what: str = ""  # for kind "choice": what a value is, for the error ("a work type")
    minimum: int | None = None  # for kind "int"
    maximum: int | None = None  # for kind "int"
    panel: str | None = None  # the help panel on a terminal
    metavar: str | None = None
    completion: str | None = None  # "venues" or "keys": what the shell completes


class Argument(NamedTuple):
    param: str
    metavar: str
    help: str
    choices: tuple[str, ...] = ()
    what: str = ""
    required: bool = True  # an optional argument's value is None when it is left out
    many: bool = False  # any number of values (KEYS...), none included


class Command(NamedTuple):
    name: str
    options: tuple[Option, ...]
    arguments: tuple[Argument, ...] = ()

    def option(self, param: str) -> Option:
        return next(option for option in self.options if option.param == param)


def _choices() -> dict[str, tuple[str, ...]]:
    """The allowed values, from the modules that own them (imported here, not at start-up)."""
    from scholarcli.formats import format_names
    from scholarcli.formats.export_types import CV_FORMATS, GROUPINGS, REFS_FORMATS, SECTIONS, STYLE_FILES
    from scholarcli.formats.inputs import INPUT_FORMATS
    from scholarcli.formats.listing import LIST_FORMATS
    from scholarcli.model import WORK_TYPES
    from scholarcli.model.query import SORT_FIELDS

    return {
        "types": WORK_TYPES,
        "sorts": SORT_FIELDS,
        "list_formats": LIST_FORMATS,
        "export_formats": format_names(),
        "input_formats": INPUT_FORMATS,
        "cv_formats": CV_FORMATS + tuple(name for name in REFS_FORMATS if name not in CV_FORMATS),
        "refs_formats": REFS_FORMATS,
        "styles": tuple(STYLE_FILES),
        "sections": SECTIONS,
        "groupings": GROUPINGS,
    }


_C = _choices()
SUMMARY_FORMATS = ("table", "tsv", "json")

FILTERS = (
    Option(
        "venue",
        ("--venue",),
        "Venue acronym, full name or alias, as whole words, any case.",
        panel=FILTERS_PANEL,
        completion="venues",
    ),
    Option("year", ("--year",), "A year or range: 2024, 2021..2023, 2023.., ..2020.", "year", panel=FILTERS_PANEL),
    Option(
        "work_type",
        ("--type",),
        f"One type: {', '.join(_C['types'])}.",
        "choice",
        choices=_C["types"],
        what="a work type",
        panel=FILTERS_PANEL,
    ),
    Option("author", ("--author",), "Any author or inventor whose name has these words.", panel=FILTERS_PANEL),
    Option("person", ("--person",), "A person of library.toml (name or variant): their works.", panel=FILTERS_PANEL),
    Option("search", ("--search",), "Words that must all occur in title, abstract or authors.", panel=FILTERS_PANEL),
    Option("tag", ("--tag",), "Works with this tag.", panel=FILTERS_PANEL),
    Option("selected", ("--selected",), "Only works marked selected = true.", "flag", False, panel=FILTERS_PANEL),
)
SORT = Option(
    "sort",
    ("--sort",),
    "year (newest first), title, venue, key, or citations (most cited first).",
    "choice",
    "year",
    choices=_C["sorts"],
    what="a sort order",
)
REVERSE = Option("reverse", ("--reverse",), "Reverse the order.", "flag", False)

LIST = Command(
    "list",
    (
        *FILTERS,
        SORT,
        REVERSE,
        Option("limit", ("--limit",), "Print at most N works.", "int", minimum=0),
        Option(
            "fmt",
            ("--format", "-f"),
            "table, tsv, csv, json, jsonl or keys (default: table on a terminal, tsv otherwise).",
            "choice",
            choices=_C["list_formats"],
            what="a format",
        ),
    ),
)


def _cv_choice(param: str, flags: tuple[str, ...], help: str, what: str) -> Option:
    """A choice of the CV formats' panel, its values those of the CV module."""
    choices = {"cv_format": _C["cv_formats"], "section": _C["sections"], "group_by": _C["groupings"]}[param]
    return Option(param, flags, help, "choice", choices=choices, what=what, panel=CV_PANEL)


EXPORT = Command(
    "export",
    (
        *FILTERS,
        Option(
            "keys",
            ("--keys",),
            "Export exactly these keys: one a line (first column of TSV); - reads stdin.",
            metavar="FILE",
        ),
        Option(
            "output",
            ("--output", "-o"),
            "Write to FILE (atomically) instead of stdout; hugo and academicpages write into the folder DIR.",
            "output",
            metavar="FILE|DIR",
        ),
        SORT,
        REVERSE,
        Option(
            "equal_note", ("--equal-note",), "BibTeX: name the equal contributors in each entry's note.", "flag", False
        ),
        Option(
            "ascii",
            ("--ascii",),
            "BibTeX: accented letters as LaTeX commands everywhere (by default only names; bibtex then "
            "lowercases them in titles as it does any letter).",
            "flag",
            False,
        ),
        _cv_choice(
            "cv_format",
            ("--format", "-f"),
            "cv: latex, markdown, html or docx (Word; -o FILE) (default latex), text with --style; "
            f"refs: {', '.join(_C['refs_formats'])} (default {_C['refs_formats'][0]}).",
            "an output format",
        ),
        Option(
            "style",
            ("--style",),
            f"refs, cv: the citation style: {', '.join(_C['styles'])}, or a CSL style's file (.csl).",
            metavar="NAME|FILE",
        ),
        _cv_choice("section", ("--section",), "publications, patents or all (default all).", "a section"),
        _cv_choice(
            "group_by",
            ("--group-by",),
            "Publications by year, type (journal, conference, workshop, preprint) or none (default year).",
            "a grouping",
        ),
        Option(
            "numbered", ("--numbered",), "Number entries in reverse (newest highest).", "flag", False, panel=CV_PANEL
        ),
        Option(
            "standalone",
            ("--standalone",),
            "cv --format html: a whole page to put online (links, light and dark, no JavaScript).",
            "flag",
            False,
            panel=CV_PANEL,
        ),
        Option(
            "selected_first",
            ("--selected-first",),
            'A "Selected publications" section first, of the works marked selected.',
            "flag",
            False,
            panel=CV_PANEL,
        ),
        Option(
            "metrics",
            ("--metrics",),
            "cv: a line before the works with their citations, h-index and i10-index (citations.toml).",
            "flag",
            False,
            panel=CV_PANEL,
        ),
        Option(
            "citations",
            ("--citations",),
            "cv: each work's citation count (citations.toml).",
            "flag",
            False,
            panel=CV_PANEL,
        ),
        Option("abstracts", ("--abstracts",), "The page: each abstract, folded.", "flag", False, panel=CV_PANEL),
        Option(
            "thumbnails",
            ("--thumbnails",),
            "The page: a picture beside each work whose record names one (links.thumbnail).",
            "flag",
            False,
            panel=CV_PANEL,
        ),
    ),
    arguments=(
        Argument(
            "fmt", "FORMAT", f"One of: {', '.join(_C['export_formats'])}.", _C["export_formats"], "an export format"
        ),
    ),
)

STATS = Command(
    "stats",
    (
        *FILTERS,
        Option("top", ("--top",), "How many venues to show.", "int", 10, minimum=1),
        Option(
            "fmt",
            ("--format", "-f"),
            "table, tsv or json (default: table on a terminal, tsv otherwise).",
            "choice",
            choices=SUMMARY_FORMATS,
            what="a format",
        ),
    ),
)

PACE_PANEL = "Pace"


def _refresh() -> Command:
    """refresh, its --source choices those of the services that count citations (imported only when asked)."""
    from scholarcli.library.fetching import citation_sources

    sources = citation_sources()
    return Command(
        "refresh",
        (
            *FILTERS,
            Option(
                "write", ("--write",), "Save the changes (a field the fetch lacks is kept as it is).", "flag", False
            ),
            Option(
                "citations",
                ("--citations",),
                "Fetch citation counts instead, into citations.toml (always saved; the records are not touched).",
                "flag",
                False,
            ),
            Option(
                "source",
                ("--source",),
                f"--citations from: {', '.join(sources)} (default {sources[0]}).",
                "choice",
                choices=sources,
                what="a citation source",
            ),
            Option(
                "jobs",
                ("--jobs",),
                "Requests under way at once, to each service (default: the service's documented limit).",
                "int",
                minimum=1,
                maximum=MAX_JOBS,
                panel=PACE_PANEL,
            ),
            Option(
                "rate",
                ("--rate",),
                "Requests a second, to each service (default: the service's documented limit).",
                "rate",
                panel=PACE_PANEL,
            ),
        ),
        arguments=(
            Argument("keys", "[KEYS]...", "The works to refresh (default: every work the filters select).", many=True),
        ),
    )


MAX_JOBS = 32  # threads a run may start for one service; more would only wait for their turn
MAX_RATE = 100.0  # requests a second: above every service's published limit, even a paid one's

RECORD_PANEL = "Record"


def _record(param: str, flag: str, help: str, kind: str = "text", **more: Any) -> Option:
    return Option(param, (flag, *more.pop("short", ())), help, kind, panel=RECORD_PANEL, **more)


ADD = Command(
    "add",
    (
        _record(
            "type", "--type", f"One of: {', '.join(_C['types'])}.", "choice", choices=_C["types"], what="a work type"
        ),
        _record("title", "--title", "The title."),
        _record("authors", "--author", "An author or inventor, in order (repeatable).", "list", short=("-a",)),
        _record("equal_contribution", "--equal", "An author who contributed equally (repeatable).", "list"),
        _record(
            "marks",
            "--mark",
            "A mark after an author's name, KIND=NAME, of a kind library.toml declares (repeatable):"
            ' --mark student="Ann Lee".',
            "list",
            metavar="KIND=NAME",
        ),
        _record("year", "--year", "Year.", "int"),
        _record("month", "--month", "Month, 1 to 12.", "int", minimum=1, maximum=12),
        _record("venue", "--venue", "Venue acronym of the registry, or free text."),
        _record("track", "--track", "Findings, Position, ..."),
        _record("doi", "--doi", "DOI, e.g. 10.18653/v1/2023.findings-emnlp.263."),
        _record("arxiv", "--arxiv", "arXiv id, e.g. 2409.13598."),
        _record("url", "--url", "The work's main address."),
        _record("publisher", "--publisher", "Publisher."),
        _record("number", "--number", "Patent number."),
        _record("status", "--status", "Patent: granted, pending or filed."),
        _record("tags", "--tag", "A tag (repeatable).", "list"),
        _record("note", "--note", "A note."),
        _record("key", "--key", "Use this key instead of the generated one."),
        Option("dry_run", ("--dry-run",), "Print the record it would write, and write nothing.", "flag", False),
        Option(
            "update",
            ("--update",),
            "IDENTIFIER of a work already in the library: also overwrite the fields that disagree.",
            "flag",
            False,
        ),
    ),
    arguments=(
        Argument(
            "identifier",
            "IDENTIFIER",
            "Fetch the work: a DOI, arXiv id, DBLP key, or a doi.org, arxiv.org or dblp.org address.",
            required=False,
        ),
    ),
)

PROFILE_PANEL = "Profile (instead of FILE)"


def _import() -> Command:
    """import, with an option for each service that lists a person's works (imported only when asked)."""
    from scholarcli.library.fetching import profile_sources

    return Command(
        "import",
        (
            Option(
                "allow_duplicates",
                ("--allow-duplicates",),
                "Also import works that look like ones already present (same DOI, arXiv id, or title, "
                "year and first author), as long as their key is new.",
                "flag",
                False,
            ),
            Option(
                "input_format",
                ("--from",),
                f"FILE's format: {', '.join(_C['input_formats'])} (default: told by its content).",
                "choice",
                choices=_C["input_formats"],
                what="an input format",
            ),
            *(Option(name, (f"--{name}",), text, panel=PROFILE_PANEL) for name, text in profile_sources().items()),
        ),
        arguments=(
            Argument("source", "FILE", "A BibTeX, RIS or CSL-JSON file, or - for standard input.", required=False),
        ),
    )


CHECK = Command(
    "check",
    (
        Option("strict", ("--strict",), "Count warnings as problems too.", "flag", False),
        Option(
            "fix",
            ("--fix",),
            "First link free-text venues that name a registry venue (the text kept in extra).",
            "flag",
            False,
        ),
    ),
)

VENUES = Command(
    "venues",
    (
        STATS.option("fmt"),
        Option(
            "everything",
            ("--all",),
            "Every venue of the registry: bundled with scholar, and library.toml's own.",
            "flag",
            False,
        ),
    ),
)

MERGE = Command(
    "merge",
    (
        Option(
            "prefer",
            ("--prefer",),
            "Whose value a field both works have takes: keep (KEEP's, the default) or other (OTHER's).",
            "choice",
            "keep",
            choices=("keep", "other"),
            what="a side",
        ),
        Option("dry_run", ("--dry-run",), "Print what the merge would do, and change nothing.", "flag", False),
    ),
    arguments=(
        Argument("keep", "KEEP", "The key of the work that stays."),
        Argument("other", "OTHER", "The key of the work merged into it; it becomes another key of KEEP."),
    ),
)


class _Commands(MutableMapping[str, Command]):
    """Every command's declaration; those whose choices come from the services (refresh, import) are
    made when first asked for, so that `list` and `export` load none of the fetch code."""

    def __init__(self, made: tuple[Command, ...], later: dict[str, Callable[[], Command]]) -> None:
        self._made = {command.name: command for command in made}
        self._later = later
        self._order = [*self._made, *later]

    def __getitem__(self, name: str) -> Command:
        if name not in self._made and name in self._later:
            self._made[name] = self._later[name]()
        return self._made[name]

    def __setitem__(self, name: str, command: Command) -> None:
        self._made[name] = command

    def __delitem__(self, name: str) -> None:
        del self._made[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._order)

    def __len__(self) -> int:
        return len(self._order)


DECLARED = _Commands((LIST, EXPORT, STATS, ADD, CHECK, VENUES, MERGE), {"refresh": _refresh, "import": _import})

# The options every command takes, before its name or (moved there by hoisted) after it.
GLOBAL_VALUES = {"-L": "library", "--library": "library"}
GLOBAL_FLAGS = {"--no-color": "no_color"}


def hoisted(args: list[str]) -> list[str]:
    """``args`` with the global options given after the command's name (``scholar list -L DIR``,
    ``scholar list --no-color``) moved before it, where both parsers read them.

    A token that is the value of the command's own option stays where it is (``--search -L``): for
    a declared command its options say which take a value; for another, any option might, so a
    global option right after one is left to click. Nothing after ``--`` moves.
    """
    at = 0
    while at < len(args) and args[at].startswith("-"):
        at += 2 if args[at] in GLOBAL_VALUES else 1
    if at >= len(args):
        return args
    command = DECLARED.get(args[at])
    taking = {flag for option in command.options if option.kind != "flag" for flag in option.flags} if command else None
    moved: list[str] = []
    kept: list[str] = []
    rest = iter(args[at + 1 :])
    for token in rest:
        if token == "--":
            kept += [token, *rest]
            break
        if _is_global(token, kept, taking):
            moved.append(token)
            if token in GLOBAL_VALUES and (value := next(rest, None)) is not None:
                moved.append(value)
        else:
            kept.append(token)
    return [*args[:at], *moved, args[at], *kept] if moved else args


def _is_global(token: str, before: list[str], taking: set[str] | None) -> bool:
    """Whether ``token`` is a global option, not the value of the command option before it."""
    if before and before[-1].startswith("-") and "=" not in before[-1]:
        previous = before[-1]
        if (previous in taking) if taking is not None else previous not in GLOBAL_FLAGS:
            return False
    name = token.partition("=")[0] if token.startswith("--") else token
    return name in GLOBAL_VALUES or name in GLOBAL_FLAGS or (token.startswith("-L") and not token.startswith("--"))


def problem(option: Option | Argument, value: str) -> str | None:
    """What is wrong with ``value`` for ``option``, as both parsers say it; None when it is fine."""
    if not value.strip() and (isinstance(option, Argument) or option.kind in ("text", "list")):
        return "an empty value names nothing"  # add --title "" made a work without a title
    if option.choices and value not in option.choices:
        return f'"{value}" is not {option.what}; use one of: {", ".join(option.choices)}'
    if isinstance(option, Option) and option.kind == "rate":
        return _rate_problem(value)
    if isinstance(option, Option) and option.kind == "year":
        from scholarcli.model.query import parse_year_range

        try:
            parse_year_range(value)
        except ValueError as error:
            return str(error)
    return None


def _rate_problem(value: str) -> str | None:
    try:
        rate = float(value)
    except ValueError:
        rate = -1.0
    if not 0 < rate <= MAX_RATE:  # NaN too
        return f'"{value}" is not a rate; give requests a second, above 0 and at most {MAX_RATE:g} (e.g. 2 or 0.5)'
    return None
