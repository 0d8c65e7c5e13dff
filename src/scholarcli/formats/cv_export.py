"""A CV export (cv, json-resume, rendercv): what the output cannot carry mapped first, then the CV
built once (cv.py) and drawn by the format's own function."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from scholarcli.formats.code_points import Repertoire, fit_settings, fit_work
from scholarcli.formats.cv import Cv, CvOptions, build_cv, image, unsafe_links
from scholarcli.formats.export_types import PERSONAL_OPTIONS, ExportOptions, ExportResult, Format, Renderer
from scholarcli.model import Settings, Work

# The text (or a binary format's bytes) and what it warns about, from the CV, the works it was built
# from as recorded (a styled CV cites them) and the options.
Draw = Callable[[Cv, Sequence[Work], Settings, ExportOptions], tuple[str | bytes, list[str]]]


def cv_renderer(draw: Draw, repertoire: Callable[[ExportOptions], Repertoire | None]) -> Renderer:
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
        warnings += _unmet_choices(list(shown.values()), options)
        drawn, about = draw(cv, works, settings, options)
        if isinstance(drawn, bytes):
            return ExportResult("", warnings + about, drawn)
        return ExportResult(drawn, warnings + about)

    return render


def cv_format(name: str, help: str, draw: Callable[[Cv], str], repertoire: Repertoire | None) -> Format:
    """The declaration of a format that draws the CV one way, with the options every CV takes."""
    render = cv_renderer(lambda cv, _works, _settings, _options: (draw(cv), []), lambda _options: repertoire)
    return Format(name=name, help=help, render=render, personal=True, takes=PERSONAL_OPTIONS)


def _unmet_choices(shown: list[Work], options: ExportOptions) -> list[str]:
    """What a choice asked for that the works shown cannot give: a selected section with none
    selected, pictures named by a bare file name (al-folio's ``preview = {x.png}``, which al-folio
    finds in its own folder; a page looks for it beside itself)."""
    warnings = []
    if options.selected_first and not any(work.selected for work in shown if not work.is_patent):
        warnings.append("--selected-first: no work shown is marked selected (selected = true); no selected section")
    if options.thumbnails:
        bare = [(work.key, path) for work in shown if (path := image(work)) and "/" not in path]
        if bare:
            warnings.append(
                f"--thumbnails: {len(bare)} of the works name their picture by a bare file name "
                f"({bare[0][0]}: {bare[0][1]}), which the page looks for beside itself; give its path "
                'from the page (links.thumbnail = "assets/img/x.png") or its address'
            )
    return warnings


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
