"""`export cv`: the house style's CV in LaTeX, Markdown, HTML (a fragment, or with --standalone the
page a researcher puts online: homepage.py) or Word (cv_docx.py); with --style, each entry in a CSL
style (cv_styled.py), also as text."""

from __future__ import annotations

from collections.abc import Sequence

from scholarcli.formats import cv_html, cv_latex, cv_markdown, homepage
from scholarcli.formats.code_points import HTML, LATEX
from scholarcli.formats.cv import Cv
from scholarcli.formats.cv_export import cv_renderer
from scholarcli.formats.export_types import CV_FORMATS, PERSONAL_OPTIONS, ExportOptions, Format
from scholarcli.model import Settings, Work


def _draw_cv(
    cv: Cv, works: Sequence[Work], settings: Settings, options: ExportOptions
) -> tuple[str | bytes, list[str]]:
    if options.style is not None:
        from scholarcli.formats import cv_styled

        return cv_styled.render_cv(cv, works, settings, options)
    if options.cv_format == "html" and options.standalone:  # a page to put online, as a homepage shows
        return homepage.render_page(cv, options.abstracts, options.thumbnails), []
    if options.cv_format == "html":
        return cv_html.render_cv(cv), []
    if options.cv_format == "markdown":
        return cv_markdown.render_cv(cv), []
    if options.cv_format == "docx":
        from scholarcli.formats import cv_docx  # python-docx, for this format alone

        return cv_docx.render_cv(cv), []
    return cv_latex.typesettable(cv_latex.render_cv(cv))


FORMAT = Format(
    name="cv",
    help="a CV: LaTeX, Markdown, HTML or Word (--format), the page with --standalone; any CSL style (--style)",
    # LaTeX for pdflatex; HTML, Markdown, which becomes HTML, and Word's XML, which carries what HTML does
    render=cv_renderer(_draw_cv, lambda options: LATEX if options.cv_format == "latex" else HTML),
    personal=True,
    takes=PERSONAL_OPTIONS | {"cv_format", "standalone", "metrics", "citations", "abstracts", "thumbnails", "style"},
    formats=CV_FORMATS,
    style_formats=("text",),
)
