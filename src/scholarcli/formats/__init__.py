"""Export formats: each a pure ``render(works, settings, options) -> ExportResult``, in a registry."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from scholarcli.formats import biblatex, bibtex, csl_json, cv_html, cv_latex, cv_markdown, json_resume, rendercv
from scholarcli.formats.common import ExportOptions, ExportResult, Renderer
from scholarcli.formats.cv import Cv, CvOptions, build_cv
from scholarcli.model import Settings, Work
from scholarcli.output import render_list

# Formats that draw one person's CV and so need to know whose it is.
PERSONAL = ("cv", "json-resume", "rendercv")


def _json(works: Sequence[Work], settings: Settings, options: ExportOptions) -> ExportResult:
    return ExportResult(render_list(list(works), "json", settings))


def _cv_renderer(draw: Callable[[Cv, ExportOptions], str]) -> Renderer:
    def render(works: Sequence[Work], settings: Settings, options: ExportOptions) -> ExportResult:
        if options.person is None:
            raise ValueError("a CV export needs the person whose CV it is")
        cv_options = CvOptions(section=options.section, group_by=options.group_by, numbered=options.numbered)
        cv = build_cv(works, settings, options.person, cv_options)
        warnings = []
        if not any(section.entries for section in cv.sections):
            warnings.append(f"{options.person.name} has no works in this selection; the section is empty")
        return ExportResult(draw(cv, options), warnings)

    return render


def _draw_cv(cv: Cv, options: ExportOptions) -> str:
    if options.cv_format == "html":
        return cv_html.render_cv(cv, standalone=options.standalone)
    if options.cv_format == "markdown":
        return cv_markdown.render_cv(cv)
    return cv_latex.render_cv(cv)


FORMATS: dict[str, Renderer] = {
    "bibtex": bibtex.render,
    "biblatex": biblatex.render,
    "csl-json": csl_json.render,
    "json": _json,
    "cv": _cv_renderer(_draw_cv),
    "json-resume": _cv_renderer(lambda cv, _options: json_resume.render_cv(cv)),
    "rendercv": _cv_renderer(lambda cv, _options: rendercv.render_cv(cv)),
}

__all__ = ["FORMATS", "PERSONAL", "ExportOptions", "ExportResult"]
