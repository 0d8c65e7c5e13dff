"""`scholar export rendercv` judged by the current RenderCV (2.8 or later), PDF included, offline.

The current RenderCV needs Python 3.12, so it lives in a virtual environment of its own, made by
tests/tools/install_rendercv.sh (.venv/rendercv; or point SCHOLAR_RENDERCV at its `rendercv`).
When it is missing these tests fail rather than skip.

RenderCV's Typst template imports two Typst packages: its own (`@preview/rendercv`, which RenderCV
ships and hands to the compiler) and `@preview/fontawesome:0.6.0` for icons, which it would
download from the Typst package registry. No Python package ships that one (RenderCV ships Font
Awesome's fonts, in rendercv-fonts, but not the Typst package), so the test puts a stub of it, whose
`fa-icon` draws nothing, in a Typst package cache of its own: Typst looks there before downloading.
Only the icons are missing from the PDF, which is read back as text.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import html5lib
import pytest

from conftest import Run
from scholarcli.model.markup import typographic

Scholar = Callable[..., Run]
REPO = Path(__file__).resolve().parents[1]
RENDERCV = Path(os.environ.get("SCHOLAR_RENDERCV", REPO / ".venv" / "rendercv" / "bin" / "rendercv"))
AYAN = ("--person", "Ayan Sengupta")
MONTH_YEAR = re.compile(r"\b(Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov|Dec)\w*\.? \d{4}")
# Marks RenderCV adds around text: the word joiners scholar puts in, the variation selector
# RenderCV sets after an asterisk; and the grave-like letter scholar writes for a backtick.
INVISIBLE = dict.fromkeys(map(ord, "\u2060\ufe0e"), None) | {0x2CB: "`"}
HOSTILE_TITLE = "#emph[pwned] $$x^2$$ <script>alert(1)</script> [link](https://evil.example) *stars* _under_ `tick` 50% ~ok^ \\o/ & #1"


def rendercv_output(sections: str, tmp_path: Path, name: str) -> dict[str, str]:
    """Render the exported sections into PDF, Markdown, HTML and Typst; each output's text."""
    assert RENDERCV.exists(), f"RenderCV is not installed at {RENDERCV}; run tests/tools/install_rendercv.sh"
    version = subprocess.run([RENDERCV, "--version"], capture_output=True, text=True, check=True).stdout
    found = tuple(int(part) for part in re.findall(r"\d+", version)[:2])
    assert found >= (2, 8), f"RenderCV 2.8 or later is wanted, found {version.strip()}"
    stub = tmp_path / "cache" / "typst" / "packages" / "preview" / "fontawesome" / "0.6.0"
    stub.mkdir(parents=True)
    (stub / "typst.toml").write_text(
        '[package]\nname = "fontawesome"\nversion = "0.6.0"\nentrypoint = "lib.typ"\n'
        'authors = ["scholar test stub"]\nlicense = "MIT"\ndescription = "Draws no icon."\n'
    )
    (stub / "lib.typ").write_text("#let fa-icon(name, ..args) = box[]\n")
    indented = "".join(f"    {line}\n" for line in sections.splitlines() if not line.startswith("#"))
    # No "Last updated in <month> <year>" note: it would be the one month in the CV.
    (tmp_path / "CV.yaml").write_text(
        f'cv:\n  name: "{name}"\n  sections:\n{indented}design:\n  theme: classic\n  templates:\n    top_note: ""\n',
        encoding="utf-8",
    )
    environment = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"}
    result = subprocess.run(
        [RENDERCV, "render", "CV.yaml", "--dont-generate-png"],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    out = tmp_path / "rendercv_output"
    pdf = next(out.glob("*.pdf"))
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], capture_output=True, text=True, check=True).stdout
    outputs = {"pdf": " ".join(text.split())}
    for kind in ("md", "html", "typ"):
        outputs[kind] = next(out.glob(f"*.{kind}")).read_text(encoding="utf-8")
    return outputs


@pytest.mark.tools
def test_the_current_rendercv_prints_years_alone_the_legend_and_venues_without_years(
    scholar: Scholar, tmp_path: Path
) -> None:
    sections = scholar("export", "rendercv", *AYAN).stdout
    outputs = rendercv_output(sections, tmp_path, "Ayan Sengupta")
    pdf = outputs["pdf"].translate(INVISIBLE)
    for kind, text in outputs.items():
        assert "Jan 2025" not in text, kind
        assert not MONTH_YEAR.search(text), (kind, MONTH_YEAR.search(text))
        assert "equal contribution" in text, kind
    assert "* equal contribution" in pdf
    assert "Yash Goel*, Ayan Sengupta*, Tanmoy Chakraborty" in pdf
    # The venue alone (the year is the date, shown apart), and each year shown once per entry.
    assert "(International Conference on Machine Learning (ICML), Position track)" in pdf
    assert "Position track, 2025" not in pdf
    assert re.search(r"Downscaling .* 2025 ", pdf)
    assert "NATURAL LANGUAGE PROCESSING MACHINE LEARNING FRAMEWORKS" in pdf


@pytest.mark.tools
def test_hostile_fields_reach_every_rendercv_output_as_text(
    scholar: Scholar, make_library: Callable[..., Path], tmp_path: Path
) -> None:
    # In a record's title, $ \ { } are markup (math, commands, case protection); escaped, they are text.
    title = re.sub(r"([\\{}$])", r"\\\1", HOSTILE_TITLE).replace("\\", "\\\\").replace('"', '\\"')
    root = make_library(
        {
            "x": f'type = "inproceedings"\ntitle = "{title}"\nauthors = ["- Dash", "Eve <b>Evil</b>", "#set page(width: 1cm)"]\n'
            'equal_contribution = ["- Dash", "Eve <b>Evil</b>"]\nvenue = "$$1$$ *Venue* [v](https://evil.example)"\n'
            'year = 2025\nmonth = 1\nday = 2\nurl = "javascript:alert(1)"\ndoi = "not-a-doi"\n'
        },
        settings='schema = 1\n[[people]]\nname = "Eve <b>Evil</b>"\n',
    )
    run = scholar("-L", root, "export", "rendercv")
    assert run.exit_code == 0, run.stderr
    assert "javascript:alert(1)" in run.stderr  # the unsafe address is named, not exported
    outputs = rendercv_output(run.stdout, tmp_path, "Eve")
    pdf = outputs["pdf"].translate(INVISIBLE)
    # TeX's quotes as TeX prints them (a backtick is an opening quote), then Typst's smart apostrophe
    expected_title = typographic(HOSTILE_TITLE).replace("'", "’")
    assert expected_title in pdf
    assert "- Dash*, Eve <b>Evil</b>*, #set page(width: 1cm)" in pdf
    assert "($$1$$ *Venue* [v](https://evil.example))" in pdf
    assert "* equal contribution" in pdf and "2025" in pdf and "Jan 2025" not in pdf
    page = html5lib.HTMLParser(namespaceHTMLElements=False).parse(outputs["html"])
    # RenderCV's page loads KaTeX with scripts of its own; none of ours, no tag from a field.
    assert all("alert" not in (script.text or "") for script in page.iter("script"))
    assert page.find(".//b") is None and "$$x" not in outputs["html"]
    assert all(link.get("href", "").startswith(("https://", "http://", "mailto:", "#")) for link in page.iter("a"))
    assert not any("evil.example" in link.get("href", "") for link in page.iter("a"))
    assert "javascript" not in outputs["typ"]
