"""`export refs --style STYLE`: a paper's bibliography of the selected works in a CSL style, rendered
by pandoc's citeproc (formats/citeproc.py) as text, Markdown, HTML, LaTeX or Word.

The works go to citeproc as the csl-json export writes them, in the export's order: a numeric style
numbers them in that order, an author-date style sorts them as it says."""

from __future__ import annotations

from collections.abc import Sequence

from scholarcli.formats.code_points import HTML, LATEX, fit_settings, fit_work
from scholarcli.formats.export_types import REFS_FORMATS, ExportOptions, ExportResult, Format
from scholarcli.model import Settings, Work


def render(works: Sequence[Work], settings: Settings, options: ExportOptions) -> ExportResult:
    from scholarcli.formats import citeproc
    from scholarcli.formats.cv_latex import typesettable
    from scholarcli.formats.exports.csl_json import item

    if options.style is None:
        raise ValueError("refs needs a style (the parsers ask for --style)")
    # What the output cannot carry (a control character), replaced before citeproc sees it.
    repertoire = LATEX if options.cv_format == "latex" else HTML
    settings, _, warnings = fit_settings(settings, None, repertoire)
    fitted = [fit_work(work, repertoire) for work in works]
    warnings += [warning for _, about in fitted for warning in about]
    items = [item(work, settings) for work, _ in fitted]
    for key, url in citeproc.unlinkable(items):
        warnings.append(f"{key}: URL {url!r} is not an http(s) address; left out")
    drawn = citeproc.render(items, options.style, options.cv_format)
    warnings += drawn.warnings
    if drawn.data is not None:
        return ExportResult("", warnings, drawn.data)
    if options.cv_format == "latex":
        text, about = typesettable(drawn.text, "the LaTeX bibliography")
        return ExportResult(text, warnings + about)
    return ExportResult(drawn.text, warnings)


FORMAT = Format(
    name="refs",
    help="a bibliography in a CSL style (--style): text, Markdown, HTML, LaTeX or Word (--format); needs pandoc",
    render=render,
    takes=frozenset({"style", "cv_format"}),
    needs=frozenset({"style"}),
    formats=REFS_FORMATS,
)
