"""The CV exports (cv, json-resume, rendercv): build the CV once, then draw it in one format.

`cv --format html --standalone` draws the page a researcher puts online (homepage.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from scholarcli.formats import cv_html, cv_latex, cv_markdown, homepage, json_resume, rendercv
from scholarcli.formats.common import ExportOptions, ExportResult
from scholarcli.formats.cv import Cv, CvOptions, build_cv, unsafe_links
from scholarcli.model import Settings, Work


def _render(
    draw: Callable[[Cv, ExportOptions], str],
) -> Callable[[Sequence[Work], Settings, ExportOptions], ExportResult]:
    def render(works: Sequence[Work], settings: Settings, options: ExportOptions) -> ExportResult:
        if options.person is None:
            raise ValueError("a CV export needs the person whose CV it is")
        cv_options = CvOptions(
            section=options.section,
            group_by=options.group_by,
            numbered=options.numbered,
            selected_first=options.selected_first,
            metrics=options.metrics,
            show_counts=options.citations,
            counts=options.citation_counts,
        )
        cv = build_cv(works, settings, options.person, cv_options)
        shown = {entry.work.key: entry.work for section in cv.sections for entry in section.entries}
        warnings = [warning for work in shown.values() for warning in unsafe_links(work)]
        if not shown:
            warnings.append(f"{options.person.name} has no works in this selection; the section is empty")
        if (options.metrics or options.citations) and not any(key in options.citation_counts for key in shown):
            warnings.append("no work shown has a citation count (scholar refresh --citations fetches them)")
        return ExportResult(draw(cv, options), warnings)

    return render


def _draw_cv(cv: Cv, options: ExportOptions) -> str:
    if options.cv_format == "html" and options.standalone:  # a page to put online, as a homepage shows
        return homepage.render_page(cv, options.abstracts, options.thumbnails)
    if options.cv_format == "html":
        return cv_html.render_cv(cv)
    if options.cv_format == "markdown":
        return cv_markdown.render_cv(cv)
    return cv_latex.render_cv(cv)


render_cv = _render(_draw_cv)
render_json_resume = _render(lambda cv, _options: json_resume.render_cv(cv))
render_rendercv = _render(lambda cv, _options: rendercv.render_cv(cv))
