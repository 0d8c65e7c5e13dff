"""A bibliography in a CSL style, rendered by pandoc's citeproc (`export refs`).

The style is a bundled one (data/styles/, export_types.STYLE_FILES) or a .csl file, read and checked
here before pandoc sees it: a regular file under MAX_STYLE_BYTES, XML without a document type (no
entities), a CSL <style>; a dependent style is replaced by its bundled parent. pandoc runs twice in a
folder of its own: once from the CSL-JSON items to its JSON AST, every item cited (nocite @*), and
once from a document of the entries it wrote, each kept as pandoc wrote it, to the output format.
Between the two, a link to anything but an http(s) address becomes its text, and what the output
cannot draw without pandoc's own template (its CSL macros, \\phantomsection) is unwrapped.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path
from xml.etree import ElementTree
from xml.parsers import expat

from scholarcli.errors import ScholarError
from scholarcli.formats.export_types import REFS_FORMATS, STYLE_FILES
from scholarcli.model.named_tuple import NamedTuple

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

MAX_STYLE_BYTES = 1 << 20  # the largest CSL styles (chicago's) are about 170 kB
PANDOC_TIMEOUT = 300  # seconds; citeproc takes about 0.2 s for a hundred works
CSL = "{http://purl.org/net/xbiblio/csl}"
# pandoc's writer for each output format (gfm: GitHub's Markdown, which draws no fenced divs).
WRITERS = {"text": "plain", "markdown": "gfm", "html": "html", "latex": "latex", "docx": "docx"}
# A paragraph per entry with a hanging indent, in plain LaTeX (no package, none of pandoc's macros).
LATEX_LIST = (
    "\\begin{list}{}{\\setlength{\\leftmargin}{1.5em}\\setlength{\\itemindent}{-1.5em}"
    "\\setlength{\\labelwidth}{0pt}\\setlength{\\labelsep}{0pt}}"
)
_WEB = re.compile(r"https?://[^\s\x00-\x1f\x7f-\x9f]+", re.IGNORECASE)
_LOCALE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,3}")
_UNSHOWN = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
assert set(WRITERS) == set(REFS_FORMATS)


class Style(NamedTuple):
    """A style pandoc can read: its name in messages, its text, and the locale of a dependent style."""

    name: str
    text: bytes
    locale: str | None = None


class Bibliography(NamedTuple):
    text: str  # empty for docx
    data: bytes | None  # the docx file
    warnings: list[str]


def is_web_address(url: str) -> bool:
    """Whether a link may go to ``url`` in the output: an http(s) address, no space or control in it."""
    return _WEB.fullmatch(url) is not None


def _shown(text: str, limit: int = 160) -> str:
    """Text from a file or a tool, fit for one line of a message."""
    text = " ".join(_UNSHOWN.sub(" ", text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def pandoc() -> str:
    """The pandoc to run: the one the pypandoc_binary package ships (found without importing it),
    else pandoc on PATH."""
    spec = importlib.util.find_spec("pypandoc")
    if spec is not None and spec.origin is not None:
        bundled = Path(spec.origin).parent / "files" / ("pandoc.exe" if os.name == "nt" else "pandoc")
        if bundled.is_file() and os.access(bundled, os.X_OK):
            return str(bundled)
    found = shutil.which("pandoc")
    if found is None:
        raise ScholarError(
            "a citation style (--style) needs pandoc: pip install 'scholarcli[styles]' (it ships pandoc), "
            "or install pandoc 3 (https://pandoc.org/installing.html)"
        )
    return found


def styles_dir() -> Path:
    from scholarcli.store.locate import bundled_library_dir

    return bundled_library_dir() / "styles"


def _parse(text: bytes, name: str) -> ElementTree.Element:
    """The style's XML; refused when it declares a document type, the door to entities."""

    def refuse(*_: object) -> None:
        raise ScholarError(f"{name} declares a document type or entities, which no CSL style does")

    checker = expat.ParserCreate()
    checker.StartDoctypeDeclHandler = refuse
    checker.EntityDeclHandler = refuse
    try:
        checker.Parse(text, True)
        return ElementTree.fromstring(text)
    except (expat.ExpatError, ElementTree.ParseError) as error:
        raise ScholarError(f"{name} is not XML ({_shown(str(error))})") from None


def _bundled(file: str, name: str) -> bytes:
    path = styles_dir() / file
    try:
        return path.read_bytes()
    except OSError as error:
        raise ScholarError(f"the bundled style {name} cannot be read ({path}: {error.strerror})") from None


def _read_file(path: Path) -> bytes:
    try:
        if not path.is_file():
            what = "a folder" if path.is_dir() else "not a regular file" if path.exists() else "no style"
            raise ScholarError(
                f"{_shown(str(path))} is {what}: --style takes a bundled style ({', '.join(STYLE_FILES)}) "
                "or a .csl file"
            )
        if path.stat().st_size > MAX_STYLE_BYTES:
            raise ScholarError(
                f"{_shown(str(path))} is larger than a CSL style may be here ({MAX_STYLE_BYTES // 1024} KiB)"
            )
        with path.open("rb") as file:
            text = file.read(MAX_STYLE_BYTES + 1)
    except OSError as error:
        raise ScholarError(f"cannot read the style {_shown(str(path))}: {error.strerror}") from None
    if len(text) > MAX_STYLE_BYTES:  # it grew after the stat
        raise ScholarError(
            f"{_shown(str(path))} is larger than a CSL style may be here ({MAX_STYLE_BYTES // 1024} KiB)"
        )
    return text


def resolve_style(style: str) -> Style:
    """The style --style names: a bundled one by name, else the .csl file at that path."""
    if style in STYLE_FILES:
        return Style(style, _bundled(STYLE_FILES[style], style))
    name = _shown(style)
    text = _read_file(Path(style))
    root = _parse(text, name)
    if root.tag != f"{CSL}style":
        tag = root.tag.rpartition("}")[2]
        raise ScholarError(f"{name} is not a CSL style (its root element is <{_shown(tag, 40)}>, not <style>)")
    parent = next(
        (
            link.get("href", "")
            for link in root.iterfind(f"{CSL}info/{CSL}link")
            if link.get("rel") == "independent-parent"
        ),
        None,
    )
    if parent is None:
        return Style(name, text)
    # A dependent style is its parent's rules with another name (and maybe locale): the parent is
    # used, from the bundled styles, never fetched.
    stem = parent.rstrip("/").rpartition("/")[2]
    bundled = {file.removesuffix(".csl"): (shipped, file) for shipped, file in STYLE_FILES.items()}
    if stem not in bundled:
        raise ScholarError(
            f"{name} is a dependent style; its parent {_shown(parent, 100)} is not bundled: "
            "give the parent's .csl file instead"
        )
    shipped, file = bundled[stem]
    locale = root.get("default-locale")
    return Style(name, _bundled(file, shipped), locale if locale and _LOCALE.fullmatch(locale) else None)


def tag_names(style: Style) -> Style:
    """A copy of the style that underlines every name it prints, so that each stands in citeproc's
    output as one Underline node (a styled CV finds its authors by them). Each cs:name gets
    text-decoration="underline"; a cs:names without one gets one first, which draws its names as
    the default does; a childless cs:names of a cs:substitute takes its parent's, as CSL says. A style
    that underlines anything itself is refused: its underlines could not be told from these."""
    root = _parse(style.text, style.name)
    if any(element.get("text-decoration") == "underline" for element in root.iter()):
        raise ScholarError(
            f"the style {style.name} underlines text itself, which a styled CV needs to find the names it prints; "
            'use another style, or a copy without text-decoration="underline"'
        )
    substituted = {id(names) for substitute in root.iter(f"{CSL}substitute") for names in substitute}
    for names in root.iter(f"{CSL}names"):
        name = names.find(f"{CSL}name")
        if name is None and id(names) in substituted:
            continue
        if name is None:
            name = ElementTree.Element(f"{CSL}name")
            names.insert(0, name)
        name.set("text-decoration", "underline")
    ElementTree.register_namespace("", CSL[1:-1])  # written as the CSL files are, without a prefix
    return style._replace(text=ElementTree.tostring(root, encoding="utf-8", xml_declaration=True))


def _run(command: list[str], folder: str, style: Style, stdin: bytes = b"") -> bytes:
    try:
        done = subprocess.run(
            command, input=stdin, capture_output=True, cwd=folder, timeout=PANDOC_TIMEOUT, check=False
        )
    except subprocess.TimeoutExpired:
        raise ScholarError(f"pandoc did not finish within {PANDOC_TIMEOUT} s with the style {style.name}") from None
    except OSError as error:
        raise ScholarError(f"cannot run pandoc ({command[0]}): {error.strerror}") from None
    if done.returncode != 0:
        said = next((line for line in done.stderr.decode("utf-8", "replace").splitlines() if line.strip()), "")
        raise ScholarError(f"pandoc cannot render with the style {style.name}: {_shown(said) or 'it failed'}")
    return done.stdout


def entries(ast: dict[str, Any]) -> list[dict[str, Any]]:
    """The bibliography's entries (pandoc's csl-entry Divs), in its order."""
    found: list[dict[str, Any]] = []

    def walk(blocks: list[Any]) -> None:
        for block in blocks:
            if block.get("t") == "Div":
                if "csl-entry" in block["c"][0][1]:
                    found.append(block)
                else:
                    walk(block["c"][1])

    walk(ast.get("blocks", []))
    return found


def entry_key(entry: dict[str, Any]) -> str:
    """The key of the work a csl-entry Div draws (its id is ``ref-`` and the key)."""
    return str(entry["c"][0][0]).removeprefix("ref-")


def unlinkable(items: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """Each item's URL that is not an http(s) address taken out, as (key, URL): pandoc would link
    it, a ``javascript:`` one as ``https://javascript:…``."""
    return [(str(data["id"]), data.pop("URL")) for data in items if "URL" in data and not is_web_address(data["URL"])]


class Rewriter:
    """A walk over pandoc's AST in which ``node`` gives each node's replacement: none, itself with
    its content walked (this default), or several."""

    def nodes(self, nodes: list[Any]) -> list[Any]:
        return [out for node in nodes for out in self.node(node)]

    def node(self, node: Any) -> list[Any]:
        if isinstance(node, dict) and "c" in node:
            return [{**node, "c": self.content(node["c"])}]
        return [node]

    def content(self, content: Any) -> Any:
        """A node's content: lists walked (a node in one may become none or several), the rest kept."""
        if not isinstance(content, list):
            return content
        return [
            out for item in content for out in (self.node(item) if isinstance(item, dict) else [self.content(item)])
        ]


class _Cleaner(Rewriter):
    """Rewrites an entry's nodes for one output: links only to http(s), no raw markup, no images,
    and for all but HTML no Spans or Divs (their text kept)."""

    def __init__(self, to: str) -> None:
        self.to = to
        self.unlinked: list[str] = []

    def node(self, node: Any) -> list[Any]:
        if not isinstance(node, dict):
            return [node]
        kind, content = node.get("t"), node.get("c", [])
        if kind in ("RawInline", "RawBlock"):
            return []
        if kind == "Link":
            url = content[2][0]
            if not is_web_address(url):
                self.unlinked.append(url)
                return self.nodes(content[1])
        elif kind == "Image" or (kind in ("Span", "Div") and self.to != "html"):  # their text
            return self.nodes(content[1])
        elif kind in ("Underline", "Strikeout") and self.to == "latex":  # pandoc's \ul and \st need soul
            inner = self.nodes(content)
            if kind == "Strikeout":
                return inner
            return [{"t": "RawInline", "c": ["latex", "\\underline{"]}, *inner, {"t": "RawInline", "c": ["latex", "}"]}]
        return super().node(node)


def entry_blocks(found: Sequence[dict[str, Any]], to: str) -> tuple[list[Any], list[str]]:
    """The entries' blocks for the output, each as pandoc wrote it (cleaned), and the warnings."""
    cleaner = _Cleaner(to)
    warnings: list[str] = []
    blocks: list[Any] = []
    for entry in found:
        before = len(cleaner.unlinked)
        cleaned = cleaner.node(entry)
        for url in cleaner.unlinked[before:]:
            warnings.append(
                f"{entry_key(entry)}: {_shown(url, 80)!r} is not an http(s) address; shown as text, not linked"
            )
        if to == "latex":  # one item of the list each: \item, then the entry's text
            for block in cleaned:
                inlines = block["c"] if block["t"] in ("Para", "Plain") else []
                blocks.append({"t": "Plain", "c": [{"t": "RawInline", "c": ["latex", "\\item "]}, *inlines]})
        else:
            blocks.extend(cleaned)
    return blocks, warnings


def listed(blocks: list[Any], to: str) -> list[Any]:
    """Entries' blocks as one list of the output: HTML's csl-bib-body, LaTeX's hanging list."""
    if to == "html":
        return [{"t": "Div", "c": [["", ["references", "csl-bib-body"], []], blocks]}]
    if to == "latex" and blocks:
        end = {"t": "RawBlock", "c": ["latex", "\\end{list}"]}
        return [{"t": "RawBlock", "c": ["latex", LATEX_LIST]}, *blocks, end]
    return blocks


def cite(items: list[dict[str, Any]], style: Style) -> tuple[list[dict[str, Any]], list[int]]:
    """citeproc's entries for ``items`` in the style (every item cited, in their order), and the
    version of pandoc's AST they are written in."""
    from scholarcli.formats.code_points import json_text

    binary = pandoc()
    with tempfile.TemporaryDirectory(prefix="scholar-refs-") as folder:
        Path(folder, "style.csl").write_bytes(style.text)
        Path(folder, "items.json").write_text(json_text(items), encoding="utf-8")
        command = [binary, "--sandbox", "-f", "markdown", "-t", "json", "--citeproc"]
        command += ["--csl", "style.csl", "--bibliography", "items.json"]
        if style.locale:
            command += ["-M", f"lang={style.locale}"]
        ast = json.loads(_run(command, folder, style, b"---\nnocite: '@*'\n---\n"))
    found = entries(ast)
    if items and not found:
        raise ScholarError(f"the style {style.name} draws no bibliography")
    return found, ast["pandoc-api-version"]


def write(blocks: list[Any], to: str, style: Style, api: list[int], title: str | None = None) -> str | bytes:
    """A document of ``blocks`` written by pandoc in the format: text, or a Word file's bytes. With a
    title, a whole document (an HTML page; Word's title paragraph)."""
    meta = {"title": {"t": "MetaInlines", "c": [{"t": "Str", "c": title}]}} if title else {}
    document = json.dumps({"pandoc-api-version": api, "meta": meta, "blocks": blocks}).encode()
    convert = [pandoc(), "--sandbox", "-f", "json", "-t", WRITERS[to], "--wrap=none", "--eol=lf"]
    if title and to != "docx":  # with the template's rules for citeproc's labels (csl-left-margin)
        convert += ["--standalone", "--variable=csl-css"]
    with tempfile.TemporaryDirectory(prefix="scholar-refs-") as folder:
        if to == "docx":
            _run([*convert, "-o", "out.docx"], folder, style, document)
            return Path(folder, "out.docx").read_bytes()
        return _run(convert, folder, style, document).decode("utf-8")


def render(items: list[dict[str, Any]], style_name: str, to: str) -> Bibliography:
    """The bibliography of ``items`` (CSL-JSON, in the export's order) in the style and format."""
    if to not in WRITERS:
        raise ValueError(f"refs writes {', '.join(WRITERS)}, not {to}")
    style = resolve_style(style_name)
    found, api = cite(items, style)
    blocks, warnings = entry_blocks(found, to)
    written = write(listed(blocks, to), to, style, api)
    if isinstance(written, bytes):
        return Bibliography("", written, warnings)
    return Bibliography(written, None, warnings)
