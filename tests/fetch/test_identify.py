"""What the user typed becomes a typed identifier, or one line saying why it cannot."""

from __future__ import annotations

import pytest

from fetch.server import one_line
from scholarcli.fetch import FetchError
from scholarcli.fetch.identify import Identifier, identify


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10.1145/3184558.3186235", Identifier("doi", "10.1145/3184558.3186235")),
        ("  doi:10.1145/3184558.3186235 ", Identifier("doi", "10.1145/3184558.3186235")),
        ("DOI: 10.1371/journal.pone.0033693.", Identifier("doi", "10.1371/journal.pone.0033693")),
        ("https://doi.org/10.1145/3184558.3186235", Identifier("doi", "10.1145/3184558.3186235")),
        ("http://dx.doi.org/10.1086/307221", Identifier("doi", "10.1086/307221")),
        ("doi.org/10.1007%2Fs00422-012-0514-6", Identifier("doi", "10.1007/s00422-012-0514-6")),
        (
            "<https://doi.org/10.1603/0046-225X(2008)37[808:ROHBHA]2.0.CO;2>",
            Identifier("doi", "10.1603/0046-225X(2008)37[808:ROHBHA]2.0.CO;2"),
        ),
        ("https://dl.acm.org/doi/10.1145/3184558.3186235", Identifier("doi", "10.1145/3184558.3186235")),
        ("2409.13598", Identifier("arxiv", "2409.13598")),
        ("2409.13598v2", Identifier("arxiv", "2409.13598", "v2")),
        ("arXiv:2409.13598v2", Identifier("arxiv", "2409.13598", "v2")),
        ("ARXIV:1710.08557", Identifier("arxiv", "1710.08557")),
        ("0704.0001", Identifier("arxiv", "0704.0001")),
        ("hep-th/9901001", Identifier("arxiv", "hep-th/9901001")),
        ("arXiv:math.GT/0309136v1", Identifier("arxiv", "math.GT/0309136", "v1")),
        ("astro-ph/9812133", Identifier("arxiv", "astro-ph/9812133")),
        ("https://arxiv.org/abs/2409.13598v2", Identifier("arxiv", "2409.13598", "v2")),
        ("http://arxiv.org/pdf/2409.13598.pdf", Identifier("arxiv", "2409.13598")),
        ("https://arxiv.org/pdf/2409.13598v1", Identifier("arxiv", "2409.13598", "v1")),
        ("https://export.arxiv.org/abs/hep-th/9901001", Identifier("arxiv", "hep-th/9901001")),
        ("arxiv.org/abs/math/0211159", Identifier("arxiv", "math/0211159")),
        ("10.48550/arXiv.2409.13598", Identifier("arxiv", "2409.13598")),
        ("https://doi.org/10.48550/ARXIV.1706.03762", Identifier("arxiv", "1706.03762")),
        ("DBLP:conf/iclr/SenguptaCC25", Identifier("dblp", "conf/iclr/SenguptaCC25")),
        ("dblp:journals/corr/abs-2401-08047", Identifier("dblp", "journals/corr/abs-2401-08047")),
        ("conf/cpaior/JabsBJ24", Identifier("dblp", "conf/cpaior/JabsBJ24")),
        ("https://dblp.org/rec/conf/iclr/SenguptaCC25.html", Identifier("dblp", "conf/iclr/SenguptaCC25")),
        ("https://dblp.org/rec/journals/jair/JabsBNJ24.bib", Identifier("dblp", "journals/jair/JabsBNJ24")),
        ("https://dblp.uni-trier.de/rec/series/sci/2023-1062", Identifier("dblp", "series/sci/2023-1062")),
        ("https://openreview.net/forum?id=5RielfrDkP", Identifier("openreview", "5RielfrDkP")),
        ("openreview.net/pdf?id=5RielfrDkP", Identifier("openreview", "5RielfrDkP")),
    ],
)
def test_identifiers_in_every_form(text: str, expected: Identifier) -> None:
    assert identify(text) == expected


def test_an_identifier_prints_as_a_prefixed_value() -> None:
    assert str(identify("https://arxiv.org/abs/2409.13598v2")) == "arXiv:2409.13598v2"
    assert identify("2409.13598v2").versioned == "2409.13598v2"
    assert str(identify("https://dblp.org/rec/conf/iclr/SenguptaCC25")) == "DBLP:conf/iclr/SenguptaCC25"


@pytest.mark.parametrize(
    ("text", "service", "says"),
    [
        ("", "scholar", "empty identifier"),
        ("hello world", "scholar", "not an identifier scholar can look up"),
        ("arXiv:12345", "arXiv", "not a valid arXiv id"),
        ("arXiv:2413.00001", "arXiv", "not a valid arXiv id"),  # month 13
        ("2409.1359", "scholar", "not an identifier"),  # four digits after 2015
        ("arXiv:0703.1234", "arXiv", "not a valid arXiv id"),  # new style began in April 2007
        ("https://arxiv.org/list/cs.LG/recent", "arXiv", "not a valid arXiv id"),
        ("doi:11.1234/x", "doi.org", "not a valid DOI"),
        ("https://doi.org/", "doi.org", "not a valid DOI"),
        ("DBLP:conf", "DBLP", "not a valid DBLP key"),
        ("https://dblp.org/pid/95/7448-1.html", "DBLP", "not the address of a DBLP record"),
        ("https://openreview.net/group?id=ICLR.cc", "OpenReview", "not a forum address"),
        ("https://example.org/paper.pdf", "scholar", "no identifier in this address"),
    ],
)
def test_malformed_identifiers_are_one_line_errors(text: str, service: str, says: str) -> None:
    with pytest.raises(FetchError) as caught:
        identify(text)
    assert caught.value.kind == "malformed"
    assert one_line(caught.value, says).startswith(f"{service}: ")
