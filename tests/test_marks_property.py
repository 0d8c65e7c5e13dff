"""The property of marks, over generated libraries: any kinds of marks on any author list are drawn in
every human-readable output as the symbols after each name plus one legend, carried as data by the
structured ones, and given back by an al-folio export and import."""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import Run
from scholarcli.formats.cv_latex import typesettable
from scholarcli.formats.cv_markdown import md_escape
from scholarcli.formats.latex_text import escape
from scholarcli.model.markup import plain
from scholarcli.store.records import toml_string

Scholar = Callable[..., Run]

# Symbols a library may declare (none of them "*", equal contribution's), and names of every shape
# a record holds: given name first, Unicode, particles, BibTeX's comma form, a literal name.
SYMBOLS = ["†", "‡", "§", "¶", "‖", "#", "^", "+", "**", "†‡", "!", "¤", "⁂"]
NAMES = {
    "Ada Lovelace": "Ada Lovelace",
    "Hervé Jégou": "Hervé Jégou",
    "Zoë Ødegård-Çelik": "Zoë Ødegård-Çelik",
    "Ludwig van Beethoven": "Ludwig van Beethoven",
    "de Las Casas, Diego": "Diego de Las Casas",
    "Harrison, Jr, David": "David Harrison, Jr",
    "{World Health Organization}": "World Health Organization",
    "李 小龙": "李 小龙",
    "Ann O'Neil": "Ann O'Neil",
}
LEGENDS = st.text(st.sampled_from("abcdefghij klmnoAB&<%_$'"), min_size=1, max_size=16).filter(str.strip)


@st.composite
def marked_libraries(draw: st.DrawFn) -> dict[str, Any]:
    """library.toml's kinds of marks and one record whose authors carry any of them."""
    symbols = draw(st.lists(st.sampled_from(SYMBOLS), min_size=1, max_size=4, unique=True))
    kinds = {f"kind{number}": (symbol, draw(LEGENDS)) for number, symbol in enumerate(symbols)}
    authors = draw(st.lists(st.sampled_from(sorted(NAMES)), min_size=1, max_size=6, unique=True))
    subsets = st.lists(st.sampled_from(authors), unique=True)
    marks = {kind: draw(subsets) for kind in kinds}
    return {"kinds": kinds, "authors": authors, "equal": draw(subsets), "marks": marks}


def _write(root: Path, drawn: dict[str, Any]) -> None:
    root.mkdir(parents=True)
    lines = ['schema = 1\n\n[[people]]\nname = "Ada Lovelace"\n']
    for kind, (symbol, legend) in drawn["kinds"].items():
        lines.append(f"[marks.{kind}]\nsymbol = {toml_string(symbol)}\nlegend = {toml_string(legend)}\n")
    (root / "library.toml").write_text("\n".join(lines), encoding="utf-8")
    record = [
        'type = "inproceedings"',
        'title = "Marked"',
        f"authors = [{', '.join(map(toml_string, drawn['authors']))}]",
        f"equal_contribution = [{', '.join(map(toml_string, drawn['equal']))}]",
        'venue = "ICLR"',
        "year = 2024",
        "[marks]",
        *(f"{kind} = [{', '.join(map(toml_string, names))}]" for kind, names in drawn["marks"].items()),
    ]
    (root / "publications").mkdir()
    (root / "publications" / "w.toml").write_text("\n".join(record) + "\n", encoding="utf-8")


def _expected(drawn: dict[str, Any]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(name as shown, symbols after it) of each author, and (symbol, legend) of each kind used, in order."""
    kinds = {"equal_contribution": ("*", "equal contribution"), **drawn["kinds"]}
    names = {"equal_contribution": drawn["equal"], **drawn["marks"]}
    authors = [
        (NAMES[name], "".join(kinds[kind][0] for kind in kinds if name in names[kind])) for name in drawn["authors"]
    ]
    return authors, [kinds[kind] for kind in kinds if names[kind]]


@settings(
    max_examples=60,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(drawn=marked_libraries())
def test_any_marks_on_any_authors_are_drawn_explained_carried_and_given_back(
    scholar: Scholar, tmp_path_factory: Any, drawn: dict[str, Any]
) -> None:
    root = tmp_path_factory.mktemp("marked") / "lib"
    _write(root, drawn)
    authors, used = _expected(drawn)
    person = ("--person", "Ada Lovelace") if "Ada Lovelace" in drawn["authors"] else ()

    def out(*args: str) -> str:
        run = scholar("-L", root, *args)
        assert run.exit_code == 0, run.stderr
        return run.stdout

    # the plain listings and show: "Name*†", and every kind used explained once
    assert out("list", "--format", "tsv").split("\t")[3] == ", ".join(name + marks for name, marks in authors)
    legend = [line for line in out("show", "w").splitlines() if line.startswith("Legend: ")]
    assert legend == ([f"Legend: {'; '.join(f'{symbol} {text}' for symbol, text in used)}"] if used else [])
    table = out("list", "--format", "table")
    assert all(" ".join(f"{symbol} {text}".split()) in " ".join(table.split()) for symbol, text in used)
    # every CV format: the symbols after each name, and the legend under the section
    if person:
        latex, markdown = out("export", "cv", *person), out("export", "cv", "--format", "markdown", *person)
        page, fragment = (out("export", "cv", "--format", "html", *person, *more) for more in (("--standalone",), ()))
        for name, marks in authors:
            if marks:
                assert typesettable(f"\\textsuperscript{{{escape(marks)}}}")[0] in latex
                assert md_escape(plain(name)) + md_escape(marks) in markdown.replace("**", "")
                for html_text in (page, fragment):
                    assert f"{html.escape(name)}<sup>{html.escape(marks)}</sup>" in html_text.replace(
                        "<strong>", ""
                    ).replace("</strong>", "")
        for symbol, text in used:
            assert typesettable(f"\\textsuperscript{{{escape(symbol)}}} {escape(text)}")[0] in latex
            assert f"{md_escape(symbol)} {md_escape(text)}" in markdown
            assert all(f"<sup>{html.escape(symbol)}</sup> {html.escape(text)}" in doc for doc in (page, fragment))
        resume = json.loads(out("export", "json-resume", *person))["publications"][0]["summary"]
        assert ", ".join(name + marks for name, marks in authors) in resume
    # the structured outputs carry them as data
    record = json.loads(out("show", "w", "--format", "json"))
    assert record.get("equal_contribution", []) == drawn["equal"]
    assert record.get("marks", {}) == {
        kind: names for kind, names in drawn["marks"].items() if names
    }  # [] says nothing
    custom = json.loads(out("export", "csl-json"))[0].get("custom", {})
    positions = {kind: [drawn["authors"].index(n) + 1 for n in names] for kind, names in drawn["marks"].items()}
    assert custom.get("marks", {}) == {kind: sorted(found) for kind, found in positions.items() if found}
    assert custom.get("equal-contribution", []) == sorted(drawn["authors"].index(n) + 1 for n in drawn["equal"])
    # al-folio's papers.bib, imported into a library that declares the same kinds, gives the same marks
    site = root.parent / "papers.bib"
    site.write_text(out("export", "al-folio"), encoding="utf-8")
    again = root.parent / "again"
    again.mkdir()
    (again / "library.toml").write_bytes((root / "library.toml").read_bytes())
    assert scholar("-L", again, "import", site).exit_code == 0
    back = json.loads(scholar("-L", again, "show", "w", "--format", "json").stdout)
    assert back["authors"] == record["authors"]
    for kind, names in {"equal_contribution": drawn["equal"], **drawn["marks"]}.items():  # each in author order
        assert back.get(kind, back.get("marks", {}).get(kind, [])) == [
            name for name in drawn["authors"] if name in names
        ]
