"""The CV exports (cv, json-resume, rendercv): build the CV once, then draw it in one format.

`cv --format html --standalone` draws the page a researcher puts online (homepage.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from scholarcli.formats import cv_html, cv_latex, cv_markdown, homepage, json_resume, rendercv
from scholarcli.formats.code_points import HTML, LATEX, Repertoire, fit_settings, fit_work
from scholarcli.formats.cv import Cv, CvOptions, build_cv, unsafe_links
from scholarcli.formats.export_types import ExportOptions, ExportResult
from scholarcli.model import Settings, Work

Draw = Callable[[Cv, ExportOptions], tuple[str, list[str]]]  # the text and what it warns about


def _render(
    draw: Draw, repertoire: Callable[[ExportOptions], Repertoire | None]
) -> Callable[[Sequence[Work], Settings, ExportOptions], ExportResult]:
    """A CV export: what the output cannot carry mapped first (``repertoire``), then the CV built and drawn."""

    def render(works: Sequence[Work], settings: Settings, options: ExportOptions) -> ExportResult:
        person = options.person
        if person is None:
            raise ValueError("a CV export needs the person whose CV it is")
        warnings: list[str] = []
        if (fits := repertoire(options)) is not None:
            settings, person, warnings = fit_settings(settings, person, fits)
            fitted = [fit_work(work, fits) for work in works]
            works = [work for work, _ in fitted]
            warnings += [warning for _, about in fitted for warning in about]
        cv = build_cv(works, settings, person, _cv_options(options))
        shown = {entry.work.key: entry.work for section in cv.sections for entry in section.entries}
        warnings += [warning for work in shown.values() for warning in unsafe_links(work)]
        if not shown:
            warnings.append(f"{person.name} has no works in this selection; the section is empty")
        if (options.metrics or options.citations) and not any(key in options.citation_counts for key in shown):
            warnings.append("no work shown has a citation count (scholar refresh --citations fetches them)")
        text, about = draw(cv, options)
        return ExportResult(text, warnings + about)

    return render


def _cv_options(options: ExportOptions) -> CvOptions:
    return CvOptions(
        section=options.section,
        group_by=options.group_by,
        numbered=options.numbered,
        selected_first=options.selected_first,
        metrics=options.metrics,
        show_counts=options.citations,
        counts=options.citation_counts,
    )


def _draw_cv(cv: Cv, options: ExportOptions) -> tuple[str, list[str]]:
    if options.cv_format == "html" and options.standalone:  # a page to put online, as a homepage shows
        return homepage.render_page(cv, options.abstracts, options.thumbnails), []
    if options.cv_format == "html":
        return cv_html.render_cv(cv), []
    if options.cv_format == "markdown":
        return cv_markdown.render_cv(cv), []
    return cv_latex.typesettable(cv_latex.render_cv(cv))


# LaTeX for pdflatex; HTML, and Markdown and RenderCV, which become HTML (and Typst); JSON Resume
# carries every character (escaped), so its texts stay exact.
render_cv = _render(_draw_cv, lambda options: LATEX if options.cv_format == "latex" else HTML)
render_json_resume = _render(lambda cv, _options: (json_resume.render_cv(cv), []), lambda _options: None)
render_rendercv = _render(lambda cv, _options: (rendercv.render_cv(cv), []), lambda _options: HTML)
