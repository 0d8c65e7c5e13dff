"""Every service behind a hostile server: each answer is bounded in size and time, and each failure
is one FetchError line for that request, never an internal error.

The client gets small limits (64 KiB, a second a try) so that each case is quick; the server's
answers are far beyond them (64 MiB, endless, a drip that would take hours), so a test passes only
when the limit works, whatever the machine's load.
"""

from __future__ import annotations

import gzip
import json
import tracemalloc
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from fetch import hostile
from fetch.server import FIXTURES, Answer, Recorded, Sleeps, one_line
from scholarcli.fetch import FetchError, fetch_citations, fetch_profile, fetch_work
from scholarcli.fetch.config import Config
from scholarcli.fetch.http import Client, Limits
from scholarcli.model import Work

SMALL = Limits(answer_bytes=64 << 10, deadline=1.0, total=5.0)


def _failure(call: Callable[[], object]) -> str:
    try:
        result = call()
    except FetchError as error:
        return one_line(error)
    failures = getattr(result, "failures", None)
    assert failures, f"no failure: {result!r}"
    return one_line(Exception(next(iter(failures.values()))))


# One request of each service, as a command makes it; each returns the failure's one line.
ASK: dict[str, Callable[[Client], str]] = {
    "Crossref": lambda client: _failure(lambda: fetch_work("10.1000/hostile", client)),
    "doi.org": lambda client: _failure(lambda: fetch_work("10.1000/not-in-crossref", client)),
    "arXiv": lambda client: _failure(lambda: fetch_work("arXiv:1710.08557", client)),
    "DBLP": lambda client: _failure(lambda: fetch_work("DBLP:conf/x/Hostile24", client)),
    "ORCID": lambda client: _failure(lambda: fetch_profile("orcid", "0000-0002-7416-5858", client)),
    "OpenAlex": lambda client: _failure(lambda: fetch_profile("openalex", "A5023888391", client)),
    "Semantic Scholar": lambda client: _failure(
        lambda: fetch_citations([Work("k", "article", "T", doi="10.1000/h")], "semanticscholar", client)
    ),
}


@pytest.fixture
def small_client(sleeps: Sleeps) -> Iterator[Client]:
    with Client(Config(), use_cache=False, limits=SMALL, sleep=sleeps, pacing={}) as made:
        yield made


def serve_everywhere(recorded: Recorded, answer: Answer) -> None:
    """The answer at every address, but Crossref's 404 for the DOI that doi.org is asked about."""
    recorded.otherwise = answer
    recorded.add("/crossref/works/10.1000/not-in-crossref", Answer(b"Resource not found.", 404, "text/plain"))


@pytest.mark.parametrize("service", ASK)
@pytest.mark.parametrize("kind", hostile.TOO_LARGE)
def test_an_answer_over_the_size_limit_is_one_failure_and_is_never_held(
    recorded: Recorded, small_client: Client, service: str, kind: str
) -> None:
    serve_everywhere(recorded, hostile.TOO_LARGE[kind]())
    tracemalloc.start()
    try:
        message = ASK[service](small_client)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert service in message and "answered with more than 64 KiB" in message
    assert peak < 2 << 20, f"{peak:,} bytes held for a 64 KiB limit"  # the answer is 16 MiB and more


@pytest.mark.parametrize("service", ASK)
@pytest.mark.parametrize("drip", [hostile.drip_headers, hostile.drip_body])
def test_a_server_that_drips_is_cut_off_at_the_deadline(
    recorded: Recorded, small_client: Client, service: str, drip: Callable[[], Answer]
) -> None:
    """A byte every 50 ms never trips a read timeout; the deadline of the whole try (1 s) does."""
    serve_everywhere(recorded, drip())
    message = ASK[service](small_client)
    assert service in message and "no whole answer within 1 s" in message


@pytest.mark.parametrize("service", ASK)
def test_a_redirect_loop_is_one_failure(recorded: Recorded, small_client: Client, service: str) -> None:
    serve_everywhere(recorded, Answer(status=302, headers={"Location": "{base}/loop"}))
    message = ASK[service](small_client)
    assert service in message and "redirected more than 5 times (a redirect loop?)" in message
    assert recorded.hits("/loop") == 5


def test_a_redirect_is_followed_without_reading_its_body(recorded: Recorded, small_client: Client) -> None:
    recorded.add(
        "/crossref/works/10.1145/3184558.3186235", hostile.redirect_with_endless_body(f"{recorded.base}/moved")
    )
    recorded.file("/moved", "crossref/10.1145-3184558.3186235.json")
    assert fetch_work("10.1145/3184558.3186235", small_client).record["venue"] == "WWW"


@pytest.mark.parametrize("service", ["Crossref", "doi.org", "ORCID", "OpenAlex", "Semantic Scholar"])
def test_json_nested_too_deeply_is_one_failure(recorded: Recorded, small_client: Client, service: str) -> None:
    serve_everywhere(recorded, hostile.deep_json(20_000))
    message = ASK[service](small_client)
    assert service in message and "answered with JSON nested too deeply" in message


@pytest.mark.parametrize("service", ["arXiv", "DBLP"])
def test_xml_nested_deeply_is_read_and_refused_as_no_record(
    recorded: Recorded, small_client: Client, service: str
) -> None:
    serve_everywhere(recorded, hostile.deep_xml(5_000))
    message = ASK[service](small_client)
    assert service in message and "answered with" in message


def test_nan_and_infinity_are_no_json(recorded: Recorded, small_client: Client) -> None:
    serve_everywhere(recorded, Answer(b'{"message": {"title": ["T"], "type": "journal-article", "volume": NaN}}'))
    assert "answered with unreadable JSON" in ASK["Crossref"](small_client)


def test_an_encoding_scholar_did_not_ask_for_is_one_failure(recorded: Recorded, small_client: Client) -> None:
    serve_everywhere(recorded, Answer(b"\x1b\x00\x00", headers={"Content-Encoding": "br"}))
    assert "answered in an encoding scholar did not ask for (br)" in ASK["Crossref"](small_client)
    serve_everywhere(recorded, Answer(b"not gzip at all", headers={"Content-Encoding": "gzip"}))
    assert "answered with a compressed body that does not decompress" in ASK["Crossref"](small_client)


def test_a_gzip_answer_within_the_limit_is_read(recorded: Recorded, small_client: Client) -> None:
    body = (FIXTURES / "crossref/10.1145-3184558.3186235.json").read_bytes()
    recorded.add(
        "/crossref/works/10.1145/3184558.3186235", Answer(gzip.compress(body), headers={"Content-Encoding": "gzip"})
    )
    assert fetch_work("10.1145/3184558.3186235", small_client).record["venue"] == "WWW"
    assert recorded.requests[0].headers["accept-encoding"] == "gzip, deflate"


def test_retries_stop_when_the_next_wait_would_pass_the_request_time(
    recorded: Recorded, tmp_path: Path, sleeps: Sleeps
) -> None:
    """A minute for the request: the first wait (25 s) fits, the second (40 s) would end after 65 s,
    so the request fails at once instead of waiting."""
    recorded.add(
        "/crossref/works/10.1000/busy",
        Answer(b"", 503, headers={"Retry-After": "25"}),
        Answer(b"", 503, headers={"Retry-After": "40"}),
        Answer(b"{}"),
    )
    with (
        Client(Config(), use_cache=False, limits=Limits(total=60.0), sleep=sleeps, pacing={}) as client,
        pytest.raises(FetchError) as caught,
    ):
        fetch_work("10.1000/busy", client)
    assert one_line(caught.value, "Crossref", "server error 503 after 2 tries")
    assert sleeps == [25.0]
    assert recorded.hits("/crossref/works/10.1000/busy") == 2


def test_a_retry_after_that_is_no_number_is_a_backoff(recorded: Recorded, small_client: Client, sleeps: Sleeps) -> None:
    recorded.add("/crossref/works/10.1000/x", Answer(b"", 503, headers={"Retry-After": "nan"}))
    with pytest.raises(FetchError):
        fetch_work("10.1000/x", small_client)
    assert sleeps == [1.0, 2.0]


WWW_DOI = "10.1145/3184558.3186235"
WWW_PATH = f"/crossref/works/{WWW_DOI}"


@pytest.mark.parametrize(
    ("coding", "compress"),
    [
        ("gzip", gzip.compress),
        ("x-gzip", gzip.compress),
        ("GZIP", gzip.compress),
        ("deflate", zlib.compress),  # HTTP's deflate is zlib's format
        ("gzip, identity", gzip.compress),
        ("identity", bytes),
        ("", bytes),
    ],
)
def test_every_encoding_scholar_asks_for_is_read(
    recorded: Recorded, small_client: Client, coding: str, compress: Callable[[bytes], bytes]
) -> None:
    body = (FIXTURES / "crossref/10.1145-3184558.3186235.json").read_bytes()
    recorded.add(WWW_PATH, Answer(compress(body), headers={"Content-Encoding": coding}))
    assert fetch_work(WWW_DOI, small_client).record["venue"] == "WWW"


@pytest.mark.parametrize("coding", ["br", "gzip, gzip", "compress", "deflate, gzip", "x" * 40])
def test_an_encoding_or_a_chain_of_them_scholar_did_not_ask_for_is_one_failure(
    recorded: Recorded, small_client: Client, coding: str
) -> None:
    serve_everywhere(recorded, Answer(gzip.compress(b"{}"), headers={"Content-Encoding": coding}))
    with pytest.raises(FetchError) as failed:
        fetch_work("10.1000/hostile", small_client)
    assert str(failed.value) == f"Crossref: 10.1000/hostile: answered in an encoding scholar did not ask for ({coding})"
    serve_everywhere(recorded, Answer(b"{}", headers={"Content-Encoding": coding + "y" * 1000}))
    with pytest.raises(FetchError) as failed:  # a server's header is shown cut to 40 characters
        fetch_work("10.1000/hostile", small_client)
    assert str(failed.value).endswith(f"({(coding + 'y' * 40)[:40]})")
    assert failed.value.kind == "bad-response"


@pytest.mark.parametrize(
    ("content_type", "encode", "title"),
    [
        ("application/json; charset=iso-8859-1", "latin-1", "Café"),  # the stated charset
        ("application/json", "utf-8", "Café"),  # none stated: UTF-8
        ("application/json; charset=no-such-charset", "utf-8", "Café"),  # one Python does not know: UTF-8
        ("application/json; charset=no-such-charset", "latin-1", "Caf\ufffd"),  # and bytes no text are U+FFFD
        ("application/json", "latin-1", "Caf\ufffd"),
    ],
)
def test_an_answer_is_read_in_its_charset_and_bytes_that_are_no_text_become_a_replacement(
    recorded: Recorded, small_client: Client, content_type: str, encode: str, title: str
) -> None:
    work = json.loads((FIXTURES / "crossref/10.1145-3184558.3186235.json").read_text(encoding="utf-8"))
    work["message"]["title"] = ["Café"]
    recorded.add(WWW_PATH, Answer(json.dumps(work, ensure_ascii=False).encode(encode), content_type=content_type))
    assert fetch_work(WWW_DOI, small_client).record["title"] == title
