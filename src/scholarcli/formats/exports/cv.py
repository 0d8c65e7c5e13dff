"""`export cv`: the house style's CV in LaTeX, Markdown, HTML (a fragment, or with --standalone the
page a researcher puts online: homepage.py) or Word (cv_docx.py)."""

from __future__ import annotations

from scholarcli.formats import cv_html, cv_latex, cv_markdown, homepage
from scholarcli.formats.code_points import HTML, LATEX
from scholarcli.formats.cv import Cv
from scholarcli.formats.cv_export import cv_renderer
from scholarcli.formats.export_types import CV_FORMATS, PERSONAL_OPTIONS, ExportOptions, Format


def _draw_cv(cv: Cv, options: ExportOptions) -> tuple[str | bytes, list[str]]:
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
    help="a CV: LaTeX, Markdown, HTML or Word (--format), the page with --standalone",
    # LaTeX for pdflatex; HTML, Markdown, which becomes HTML, and Word's XML, which carries what HTML does
    render=cv_renderer(_draw_cv, lambda options: LATEX if options.cv_format == "latex" else HTML),
    personal=True,
    takes=PERSONAL_OPTIONS | {"cv_format", "standalone", "metrics", "citations", "abstracts", "thumbnails"},
    formats=CV_FORMATS,
)
