"""The client's limits at their very edges, against the real local server: a body of exactly the
limit is read and one byte more is not, however it is sent (plain, gzip, gzip in many pieces); a
wait of exactly the longest allowed is waited; the cache keeps any answer the client may read.

Found by mutation testing of fetch/http.py (benchmarks/mutation.py): each test fails when one of
these comparisons is moved by one.
"""

from __future__ import annotations

import base64
import dataclasses
import gzip
import json
import random
import socket
import zlib
from collections.abc import Iterator
from io import BufferedIOBase
from pathlib import Path
from typing import Any

import pytest

from fetch.server import Answer, Recorded, Sleeps, one_line
from scholarcli.fetch import FetchError
from scholarcli.fetch.config import Config
from scholarcli.fetch.http import Client, Limits, ResponseCache, declared_pacing
from scholarcli.fetch.pacing import Gate
from scholarcli.fetch.registry import services
from scholarcli.fetch.service import Pace

LIMIT = 64 << 10
PATH = "/crossref/works/10.1000/edge"
CHUNK = 1 << 16  # what the client reads at a time (Client._body)


def _client(sleeps: Sleeps, **limits: Any) -> Client:
    return Client(Config(), use_cache=False, limits=Limits(**limits), sleep=sleeps, pacing={})


@pytest.fixture
def small(sleeps: Sleeps) -> Iterator[Client]:
    with _client(sleeps, answer_bytes=LIMIT) as made:
        yield made


def _get(client: Client, path: str = PATH) -> str:
    address = services()["crossref"].base_url() + path.removeprefix("/crossref")
    return client.get("crossref", "10.1000/edge", address).text


def _json(size: int) -> bytes:
    """A JSON answer of exactly ``size`` bytes (white space after the value)."""
    body = b'{"message": {}}'
    return body + b" " * (size - len(body))


@pytest.mark.parametrize("gzipped", [False, True])
def test_a_body_of_exactly_the_limit_is_read_and_one_byte_more_is_refused(
    recorded: Recorded, small: Client, gzipped: bool
) -> None:
    def served(size: int) -> Answer:
        body = _json(size)
        return Answer(gzip.compress(body), headers={"Content-Encoding": "gzip"}) if gzipped else Answer(body)

    recorded.add(PATH, served(LIMIT))
    assert json.loads(_get(small)) == {"message": {}}
    recorded.add(PATH, served(LIMIT + 1))
    with pytest.raises(FetchError) as refused:
        _get(small)
    assert one_line(refused.value, "Crossref: 10.1000/edge: answered with more than 64 KiB")
    assert refused.value.kind == "bad-response"


def test_a_gzip_body_is_counted_over_all_its_pieces(recorded: Recorded, sleeps: Sleeps) -> None:
    # 90 KiB of gzip, read as a 64 KiB piece and the rest: each piece decompresses to less than the
    # 100 KiB limit, together to more
    text = base64.b64encode(random.Random(7).randbytes(96 << 10))  # 128 KiB that gzip makes about 97 KiB
    compressed = gzip.compress(text)
    limit = 100 << 10
    assert CHUNK < len(compressed) <= limit < len(text)
    first = zlib.decompressobj(32 + zlib.MAX_WBITS).decompress(compressed[:CHUNK])
    assert len(first) <= limit
    recorded.add(PATH, Answer(compressed, headers={"Content-Encoding": "gzip"}))
    with _client(sleeps, answer_bytes=limit) as client, pytest.raises(FetchError) as refused:
        _get(client)
    assert one_line(refused.value, "answered with more than 100 KiB")


def test_a_compressed_body_that_does_not_decompress_is_one_bad_response(recorded: Recorded, small: Client) -> None:
    recorded.add(PATH, Answer(b"not gzip at all", headers={"Content-Encoding": "gzip"}))
    with pytest.raises(FetchError) as refused:
        _get(small)
    assert str(refused.value) == "Crossref: 10.1000/edge: answered with a compressed body that does not decompress"
    assert refused.value.kind == "bad-response"


def test_a_retry_after_of_exactly_the_longest_wait_is_waited(recorded: Recorded, sleeps: Sleeps) -> None:
    recorded.add(PATH, Answer(b"", 429, headers={"Retry-After": "2"}), Answer(b"{}"))
    with _client(sleeps, max_wait=2.0) as client:
        assert _get(client) == "{}"
    assert sleeps == [2.0]


def test_a_429_says_how_long_it_asks_to_wait_only_when_that_is_why_it_failed(
    recorded: Recorded, sleeps: Sleeps
) -> None:
    recorded.add(PATH, Answer(b"", 429, headers={"Retry-After": "2"}))
    with _client(sleeps, tries=1, max_wait=2.0) as client, pytest.raises(FetchError) as out_of_tries:
        _get(client)  # the one try is spent; a wait of 2 s was allowed
    assert str(out_of_tries.value) == "Crossref: 10.1000/edge: rate-limited (429) after 1 try"
    recorded.add(PATH, Answer(b"", 429, headers={"Retry-After": "10"}))
    with _client(sleeps, max_wait=2.0, total=60.0) as client, pytest.raises(FetchError) as too_long:
        _get(client)  # 10 s would fit in the request's time, but is longer than the longest wait
    assert str(too_long.value) == "Crossref: 10.1000/edge: rate-limited (429) after 1 try, asks to wait 10 s"
    assert sleeps == []


def test_not_found_and_a_bad_body_name_the_service_and_the_identifier(recorded: Recorded, small: Client) -> None:
    url = services()["dblp"].base_url() + "/rec/x.xml"
    recorded.add("/dblp/rec/x.xml", Answer(b"gone", 404, "text/plain"))
    with pytest.raises(FetchError) as missing:
        small.json("dblp", "x", url)
    assert str(missing.value) == "DBLP: x: not found (404: gone)"
    with pytest.raises(FetchError) as missing_xml:
        small.xml("dblp", "x", url)
    assert str(missing_xml.value) == "DBLP: x: not found (404: gone)"
    recorded.add("/dblp/rec/x.xml", Answer(b"<dblp><unclosed></dblp>", content_type="application/xml"))
    with pytest.raises(FetchError) as unreadable:
        small.xml("dblp", "x", url)
    assert str(unreadable.value).startswith("DBLP: x: ")
    recorded.add("/crossref/works", Answer(b"{}", 404))
    with pytest.raises(FetchError) as batch_missing:
        small.post_json("crossref", "batch", services()["crossref"].base_url() + "/works", {"ids": []})
    assert str(batch_missing.value).startswith("Crossref: batch: not found (404")


def test_json_and_xml_send_the_options_they_are_given(recorded: Recorded, small: Client) -> None:
    url = services()["dblp"].base_url() + "/search"
    recorded.add("/dblp/search", Answer(b"{}"))
    small.json("dblp", "q", url, params={"q": "loom"})
    recorded.add("/dblp/search", Answer(b"<r/>", content_type="application/xml"))
    small.xml("dblp", "q", url, params={"q": "engine"}, accept="text/xml")
    assert [seen.query for seen in recorded.requests] == [{"q": "loom"}, {"q": "engine"}]
    assert recorded.requests[1].headers["accept"] == "text/xml"


def test_a_batch_post_asks_for_json(recorded: Recorded, small: Client) -> None:
    recorded.add("/crossref/works", Answer(b"{}"))
    small.post_json("crossref", "batch", services()["crossref"].base_url() + "/works", {"ids": ["a"]})
    assert recorded.requests[0].method == "POST" and recorded.requests[0].headers["accept"] == "application/json"


def test_an_answer_larger_than_a_record_is_kept_in_the_cache(recorded: Recorded, tmp_path: Path) -> None:
    # an OpenAlex page of 200 works is about 4 MB: far above a record's 1 MiB, and still an answer
    big = json.dumps({"results": ["x" * 1000] * 3000}).encode()
    assert len(big) > 2 << 20
    recorded.add(PATH, Answer(big))
    with Client(Config(), cache_dir=tmp_path / "http", pacing={}) as client:
        assert _get(client) == _get(client) == big.decode()
    assert recorded.hits(PATH) == 1


def test_a_cache_entry_of_an_answer_at_the_limit_in_escapes_only_is_read_back(tmp_path: Path) -> None:
    # the entry's JSON spends six bytes on each control character (\u001f): its bound says so
    from scholarcli.fetch.answers import Reply

    cache = ResponseCache(tmp_path, lambda: 1000.0, answer_bytes=8192)
    reply = Reply(200, "\x1f" * 8192, "application/json", 1000.0)
    cache.write("crossref", "ab" * 32, "https://api.crossref.org/works/x", reply)
    assert cache.read("crossref", "ab" * 32, 60.0) == dataclasses.replace(reply, from_cache=True)


def test_what_is_cached_is_filed_under_its_address_in_a_folder_by_its_first_two_letters(
    recorded: Recorded, tmp_path: Path
) -> None:
    recorded.add(PATH, Answer(b"{}"))
    with Client(Config(), cache_dir=tmp_path / "http", pacing={}) as client:
        _get(client)
        client.remember("crossref", "doi", "10.1000/x", {"cited": 3})
        client.keep("crossref", "https://api.crossref.org/works/10.1000/y", "{}")
    entries = {
        path.relative_to(tmp_path / "http"): json.loads(path.read_text(encoding="utf-8"))
        for path in (tmp_path / "http").rglob("*.json")
    }
    assert all(path.parts[1] == path.stem[:2] and len(path.parts) == 3 for path in entries)
    urls = sorted(entry["url"] for entry in entries.values())
    assert urls == sorted(
        [
            services()["crossref"].base_url() + "/works/10.1000/edge",
            "scholar:crossref/doi/10.1000/x",
            "https://api.crossref.org/works/10.1000/y",
        ]
    )


def test_a_contact_address_buys_crossrefs_polite_pace() -> None:
    assert declared_pacing(Config())["crossref"] == Pace(rate=5, concurrency=1)
    assert declared_pacing(Config(contact_email="ada@example.org"))["crossref"] == Pace(rate=10, concurrency=3)


def test_a_500_is_tried_again(recorded: Recorded, sleeps: Sleeps) -> None:
    recorded.add(PATH, Answer(b"", 500), Answer(b"{}"))
    with _client(sleeps) as client:
        assert _get(client) == "{}"
    assert sleeps == [1.0]


def test_every_wait_counts_against_the_request_time(recorded: Recorded, sleeps: Sleeps) -> None:
    # 20 s and 20 s are waited; with 40 s spent, a third wait of 25 s would pass the minute
    waits = ("20", "20", "25")
    recorded.add(PATH, *(Answer(b"", 503, headers={"Retry-After": wait}) for wait in waits), Answer(b"{}"))
    with _client(sleeps, tries=4, total=60.0) as client, pytest.raises(FetchError) as caught:
        _get(client)
    assert one_line(caught.value, "server error 503 after 3 tries")
    assert sleeps == [20.0, 20.0]


def test_a_try_after_a_wait_has_only_the_request_time_left(recorded: Recorded, sleeps: Sleeps) -> None:
    # 3 s of a 5 s request are waited: the second try has 2 s, not its own 20, for an answer 4 s away
    recorded.add(PATH, Answer(b"", 503, headers={"Retry-After": "3"}), Answer(b"{}", delay=4.0))
    with _client(sleeps, deadline=20.0, total=5.0) as client, pytest.raises(FetchError) as caught:
        _get(client)
    assert caught.value.kind == "timeout"
    assert one_line(caught.value, "no whole answer within the 5 s a request may take with its retries")


def _resolving(monkeypatch: pytest.MonkeyPatch, host: str, addresses: list[str]) -> None:
    real = socket.getaddrinfo

    def resolve(name: str, port: object, *args: object, **kwargs: object) -> object:
        if name != host:
            return real(name, port, *args, **kwargs)  # type: ignore[arg-type]
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port)) for address in addresses]

    monkeypatch.setattr(socket, "getaddrinfo", resolve)


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_each_address_of_a_host_is_tried_in_turn(
    recorded: Recorded, small: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the first address refuses (nothing listens on 127.0.0.2), the second is the server
    _resolving(monkeypatch, "two.example", ["127.0.0.2", "127.0.0.1"])
    recorded.add(PATH, Answer(b"{}"))
    port = recorded.base.rsplit(":", 1)[1]
    assert small.get("crossref", "x", f"http://two.example:{port}{PATH}").text == "{}"


def test_a_host_whose_every_address_refuses_says_why_in_one_line(
    recorded: Recorded, small: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    _resolving(monkeypatch, "refusing.example", ["127.0.0.1", "127.0.0.1"])
    with pytest.raises(FetchError) as refused:
        small.get("crossref", "x", f"http://refusing.example:{_closed_port()}/works/x")
    assert refused.value.kind == "network"
    assert one_line(refused.value, "cannot reach refusing.example", "Connection refused")
    _resolving(monkeypatch, "elsewhere.example", ["127.0.0.2"])  # the server's port, at an address it is not
    with pytest.raises(FetchError) as elsewhere:
        small.get("crossref", "x", f"http://elsewhere.example:{recorded.base.rsplit(':', 1)[1]}/works/x")
    assert one_line(elsewhere.value, "cannot reach elsewhere.example", "Connection refused")
    _resolving(monkeypatch, "none.example", [])
    with pytest.raises(FetchError) as nowhere:
        small.get("crossref", "x", "http://none.example/works/x")
    assert one_line(nowhere.value, "cannot reach none.example", "no address for none.example")


def _paced(sleeps: Sleeps, gate_sleeps: list[float]) -> Client:
    """A client whose Crossref gate (10 a second, one at a time) keeps a still clock and says what it would sleep."""
    client = _client(sleeps, max_wait=60.0, total=120.0)
    client.gates["crossref"] = Gate(Pace(rate=10, concurrency=1), clock=lambda: 100.0, sleep=gate_sleeps.append)
    return client


@pytest.mark.parametrize(
    ("refusal", "held"),
    [
        (Answer(b"", 429, headers={"Retry-After": "2"}), 2.0),
        (Answer(b"", 503, headers={"Retry-After": "60"}), 60.0),  # the longest wait allowed
        (Answer(b"", 503), 0.1),  # none asked: the next start is the gate's own spacing
    ],
)
def test_a_refusal_holds_the_service_for_the_wait_asked_and_halves_its_pace(
    recorded: Recorded, sleeps: Sleeps, refusal: Answer, held: float
) -> None:
    recorded.add(PATH, refusal, Answer(b"{}"))
    gate_sleeps: list[float] = []
    with _paced(sleeps, gate_sleeps) as client:
        assert _get(client) == "{}"
        assert gate_sleeps == [pytest.approx(held)]
        assert client.gates["crossref"].rate == pytest.approx(6.0)  # halved to 5, a tenth won back


def test_a_wait_longer_than_the_longest_holds_back_no_other_request(recorded: Recorded, sleeps: Sleeps) -> None:
    recorded.add(PATH, Answer(b"", 429, headers={"Retry-After": "3600"}))
    gate_sleeps: list[float] = []
    with _paced(sleeps, gate_sleeps) as client:
        with pytest.raises(FetchError):
            _get(client)
        recorded.add(PATH, Answer(b"{}"))
        assert _get(client) == "{}"
    assert gate_sleeps == [pytest.approx(0.1)]


def test_a_redirect_loop_is_a_server_failure_after_the_redirects_allowed(recorded: Recorded, small: Client) -> None:
    recorded.add(PATH, Answer(b"", 302, headers={"Location": PATH}))
    with pytest.raises(FetchError) as looped:
        _get(small)
    assert str(looped.value) == "Crossref: 10.1000/edge: redirected more than 5 times (a redirect loop?)"
    assert looped.value.kind == "server"
    assert recorded.hits(PATH) == 6  # the request and its 5 redirects


def test_a_request_carries_only_the_headers_scholar_means(recorded: Recorded, small: Client) -> None:
    recorded.add(PATH, Answer(b"{}"))
    _get(small)
    headers = recorded.requests[0].headers
    assert set(headers) == {"host", "accept", "accept-encoding", "connection", "user-agent"}
    assert headers["accept-encoding"] == "gzip, deflate" and headers["accept"] == "application/json"


def test_a_client_made_with_no_settings_reads_the_users_and_paces_each_service_as_declared(
    recorded: Recorded, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("SCHOLAR_CONTACT_EMAIL", "ada@example.org")
    recorded.add(PATH, Answer(b"{}"))
    with Client(cache_dir=tmp_path / "http") as client:
        _get(client)
        assert client.gates["crossref"].pace == Pace(rate=10, concurrency=3)  # a contact buys the polite pool
        assert set(client.gates) == set(services())
    assert "mailto:ada@example.org" in recorded.requests[0].headers["user-agent"]
    with Client(Config(), use_cache=False, pacing={}) as unpaced:
        assert unpaced.gates == {}


def test_a_cached_answer_keeps_its_content_type_or_none(recorded: Recorded, tmp_path: Path) -> None:
    def untyped(out: BufferedIOBase) -> None:
        out.write(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}")

    recorded.add(PATH, Answer(b"{}", content_type="application/vnd.citationstyles.csl+json"))
    recorded.add("/crossref/works/untyped", Answer(raw=untyped))
    base = services()["crossref"].base_url()
    with Client(Config(), cache_dir=tmp_path / "http", pacing={}) as client:
        typed = client.get("crossref", "t", base + "/works/10.1000/edge")
        assert typed.content_type == "application/vnd.citationstyles.csl+json"
        assert client.get("crossref", "u", base + "/works/untyped").content_type == ""
        again = client.get("crossref", "u", base + "/works/untyped")
    assert again.from_cache and again.content_type == ""


def test_only_a_2xx_answer_is_cached(recorded: Recorded, tmp_path: Path) -> None:
    recorded.add(PATH, Answer(b"{}", 300))
    with Client(Config(), cache_dir=tmp_path / "http", pacing={}) as client:
        assert _get(client) == _get(client) == "{}"
    assert recorded.hits(PATH) == 2


def test_a_lookups_own_words_for_not_found_are_said(recorded: Recorded, small: Client) -> None:
    recorded.add(PATH, Answer(b"gone", 404, "text/plain"))
    address = services()["crossref"].base_url() + "/works/10.1000/edge"
    with pytest.raises(FetchError) as missing:
        small.json("crossref", "10.1000/edge", address, not_found="no such DOI")
    assert str(missing.value) == "Crossref: 10.1000/edge: no such DOI (404: gone)"
