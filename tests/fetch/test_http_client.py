"""The client against a real local server: User-Agent, retries, errors, the response cache, settings."""

from __future__ import annotations

import email.utils
import json
import socket
import threading
from pathlib import Path

import pytest

from fetch.server import FIXTURES, Answer, Recorded, Seen, Sleeps, one_line
from scholarcli import __version__
from scholarcli.fetch import FetchError, fetch_work
from scholarcli.fetch.answers import CITATION_TTL, METADATA_TTL
from scholarcli.fetch.config import Config, load_config
from scholarcli.fetch.http import Client, Limits

CONFERENCE = "/crossref/works/10.1145/3184558.3186235"
CONFERENCE_FILE = "crossref/10.1145-3184558.3186235.json"
DOI = "10.1145/3184558.3186235"


def test_every_base_address_points_at_the_local_server(recorded: Recorded) -> None:
    from scholarcli.fetch.registry import service

    for name in ("doi", "crossref", "arxiv", "dblp", "orcid", "openalex", "semanticscholar"):
        assert service(name).base_url() == f"{recorded.base}/{name}"


def test_user_agent_names_scholar_and_the_contact(recorded: Recorded, client: Client) -> None:
    recorded.file(CONFERENCE, CONFERENCE_FILE)
    fetch_work(DOI, client)
    assert recorded.requests[0].headers["user-agent"] == f"scholar/{__version__} (mailto:ada@example.org)"
    assert recorded.requests[0].headers["accept"] == "application/json"


def test_without_a_contact_the_user_agent_is_plain(recorded: Recorded, tmp_path: Path) -> None:
    recorded.file(CONFERENCE, CONFERENCE_FILE)
    with Client(Config(), cache_dir=tmp_path / "c") as client:
        fetch_work(DOI, client)
    assert recorded.requests[0].headers["user-agent"] == f"scholar/{__version__}"


def test_429_is_retried_after_retry_after_seconds(recorded: Recorded, client: Client, sleeps: Sleeps) -> None:
    limited = Answer((FIXTURES / "openalex/rate-limited.json").read_bytes(), 429, headers={"Retry-After": "7"})
    ok = Answer((FIXTURES / CONFERENCE_FILE).read_bytes())
    recorded.add(CONFERENCE, limited, ok)
    assert fetch_work(DOI, client).record["venue"] == "WWW"
    assert recorded.hits(CONFERENCE) == 2
    assert sleeps == [7.0]


@pytest.mark.parametrize(("retry_after", "waited"), [("0", 0.0), ("-5", 0.0), ("0.5", 0.5)])
def test_a_retry_after_of_no_time_is_no_wait(
    recorded: Recorded, client: Client, sleeps: Sleeps, retry_after: str, waited: float
) -> None:
    limited = Answer(b"{}", 429, headers={"Retry-After": retry_after})
    recorded.add(CONFERENCE, limited, Answer((FIXTURES / CONFERENCE_FILE).read_bytes()))
    fetch_work(DOI, client)
    assert sleeps == [waited]


def test_a_retry_after_date_already_past_is_no_wait(recorded: Recorded, tmp_path: Path, sleeps: Sleeps) -> None:
    now = 1_700_000_000.0
    earlier = email.utils.formatdate(now - 30, usegmt=True)
    recorded.add(
        CONFERENCE,
        Answer(b"", 429, headers={"Retry-After": earlier}),
        Answer((FIXTURES / CONFERENCE_FILE).read_bytes()),
    )
    with Client(Config(), cache_dir=tmp_path / "c", sleep=sleeps, clock=lambda: now, pacing={}) as client:
        fetch_work(DOI, client)
    assert sleeps == [0.0]


def test_retry_after_as_an_http_date(recorded: Recorded, tmp_path: Path, sleeps: Sleeps) -> None:
    now = 1_700_000_000.0
    later = email.utils.formatdate(now + 30, usegmt=True)
    recorded.add(
        CONFERENCE, Answer(b"", 429, headers={"Retry-After": later}), Answer((FIXTURES / CONFERENCE_FILE).read_bytes())
    )
    # no pace gates: the gate would hold the service for the same 30 s in real time
    with Client(Config(), cache_dir=tmp_path / "c", sleep=sleeps, clock=lambda: now, pacing={}) as client:
        fetch_work(DOI, client)
    assert sleeps == [30.0]


def test_429_after_every_try_is_one_line(recorded: Recorded, client: Client, sleeps: Sleeps) -> None:
    recorded.add(
        CONFERENCE, Answer((FIXTURES / "openalex/rate-limited.json").read_bytes(), 429, headers={"Retry-After": "2"})
    )
    with pytest.raises(FetchError) as caught:
        fetch_work(DOI, client)
    assert caught.value.kind == "rate-limited"
    assert one_line(caught.value, "Crossref", DOI, "rate-limited (429) after 3 tries")
    assert recorded.hits(CONFERENCE) == 3
    assert sleeps == [2.0, 2.0]


def test_a_long_retry_after_is_not_waited_for(recorded: Recorded, client: Client, sleeps: Sleeps) -> None:
    recorded.add(CONFERENCE, Answer(b"{}", 429, headers={"Retry-After": "3600"}))
    with pytest.raises(FetchError) as caught:
        fetch_work(DOI, client)
    assert one_line(caught.value, "rate-limited (429) after 1 try, asks to wait 3600 s")
    assert recorded.hits(CONFERENCE) == 1
    assert sleeps == []


def test_server_errors_back_off_exponentially_then_fail(recorded: Recorded, client: Client, sleeps: Sleeps) -> None:
    recorded.add(CONFERENCE, Answer(b"<html><title>502 Bad Gateway</title></html>", 502, "text/html"))
    with pytest.raises(FetchError) as caught:
        fetch_work(DOI, client)
    assert caught.value.kind == "server"
    assert one_line(caught.value, "Crossref", DOI, "server error 502 after 3 tries")
    assert sleeps == [1.0, 2.0]


def test_a_503_then_success(recorded: Recorded, client: Client, sleeps: Sleeps) -> None:
    recorded.add(CONFERENCE, Answer(b"", 503), Answer((FIXTURES / CONFERENCE_FILE).read_bytes()))
    assert fetch_work(DOI, client).source == "crossref"
    assert sleeps == [1.0]


def test_connection_refused_is_one_line(monkeypatch: pytest.MonkeyPatch, client: Client) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv("SCHOLAR_CROSSREF_URL", f"http://127.0.0.1:{port}")
    with pytest.raises(FetchError) as caught:
        fetch_work(DOI, client)
    assert caught.value.kind == "network"
    assert one_line(caught.value, "Crossref", DOI, "cannot reach 127.0.0.1")


def test_a_timeout_is_one_line(recorded: Recorded, tmp_path: Path) -> None:
    recorded.add(CONFERENCE, Answer(b"{}", delay=1.0))
    with (
        Client(Config(), cache_dir=tmp_path / "c", limits=Limits(deadline=0.2)) as client,
        pytest.raises(FetchError) as caught,
    ):
        fetch_work(DOI, client)
    assert caught.value.kind == "timeout"
    assert one_line(caught.value, "Crossref", DOI, "no whole answer within 0.2 s")


def test_a_resolver_that_never_answers_is_cut_off_by_the_deadline(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """getaddrinfo has no timeout of its own: a name server that does not answer must not hold the
    try past its time. The resolver here answers only when the test lets it, after the client gave up."""
    released = threading.Event()
    real = socket.getaddrinfo

    def stuck(host: str, *args: object, **kwargs: object) -> object:
        if host == "stuck.example":
            released.wait(60)
            raise socket.gaierror(-2, "Name or service not known")
        return real(host, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", stuck)
    try:
        with (
            Client(Config(), cache_dir=tmp_path / "c", limits=Limits(deadline=0.3), pacing={}) as client,
            pytest.raises(FetchError) as caught,
        ):
            client.get("crossref", "10.1/x", "http://stuck.example/works/x")
        assert not released.is_set()  # the client gave up while the resolver still had no answer
    finally:
        released.set()
    assert caught.value.kind == "timeout"
    assert one_line(caught.value, "Crossref", "10.1/x", "no whole answer within 0.3 s")


def test_a_name_that_does_not_resolve_is_one_line(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def unknown(host: str, *args: object, **kwargs: object) -> object:
        raise socket.gaierror(-2, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", unknown)
    with Client(Config(), cache_dir=tmp_path / "c", pacing={}) as client, pytest.raises(FetchError) as caught:
        client.get("crossref", "10.1/x", "http://nowhere.example/works/x")
    assert caught.value.kind == "network"
    assert one_line(caught.value, "Crossref", "10.1/x", "cannot reach nowhere.example", "Name or service not known")


def test_an_html_page_where_json_was_expected(recorded: Recorded, client: Client) -> None:
    recorded.file(CONFERENCE, "doi/not-found.html", 200)  # a portal's page, served as if all were well
    with pytest.raises(FetchError) as caught:
        fetch_work(DOI, client)
    assert caught.value.kind == "bad-response"
    assert one_line(caught.value, "Crossref", DOI, "answered with an HTML page, not JSON")


def test_truncated_json(recorded: Recorded, client: Client) -> None:
    recorded.file("/crossref/works/10.1371/journal.pone.0033693", "crossref/truncated.json")
    with pytest.raises(FetchError) as caught:
        fetch_work("10.1371/journal.pone.0033693", client)
    assert caught.value.kind == "bad-response"
    assert one_line(
        caught.value, "Crossref", "10.1371/journal.pone.0033693", "unreadable JSON at character", "truncated?"
    )


def test_the_second_call_comes_from_the_cache(recorded: Recorded, client: Client) -> None:
    recorded.file(CONFERENCE, CONFERENCE_FILE)
    first = fetch_work(DOI, client)
    second = fetch_work(DOI, client)
    assert first == second
    assert recorded.hits(CONFERENCE) == 1


def test_the_cache_is_json_files_in_the_user_cache_dir(recorded: Recorded, tmp_path: Path) -> None:
    recorded.file(CONFERENCE, CONFERENCE_FILE)
    with Client(Config()) as client:  # the default directory: $SCHOLAR_CACHE_DIR/http
        fetch_work(DOI, client)
    files = list((tmp_path / "cache" / "http" / "crossref").rglob("*.json"))
    assert len(files) == 1
    entry = json.loads(files[0].read_text(encoding="utf-8"))
    assert entry["status"] == 200 and entry["url"].endswith("/crossref/works/10.1145/3184558.3186235")
    assert not list((tmp_path / "cache" / "http").rglob("*.tmp"))


def test_an_entry_expires(recorded: Recorded, tmp_path: Path) -> None:
    recorded.file(CONFERENCE, CONFERENCE_FILE)
    now = [1_700_000_000.0]
    with Client(Config(), cache_dir=tmp_path / "c", clock=lambda: now[0]) as client:
        fetch_work(DOI, client)
        now[0] += METADATA_TTL - 60
        fetch_work(DOI, client)
        assert recorded.hits(CONFERENCE) == 1
        now[0] += 120
        fetch_work(DOI, client)
    assert recorded.hits(CONFERENCE) == 2
    assert CITATION_TTL < METADATA_TTL


def test_a_corrupt_entry_is_ignored_and_rewritten(recorded: Recorded, tmp_path: Path) -> None:
    recorded.file(CONFERENCE, CONFERENCE_FILE)
    with Client(Config(), cache_dir=tmp_path / "c") as client:
        fetch_work(DOI, client)
        (entry,) = (tmp_path / "c" / "crossref").rglob("*.json")
        entry.write_text('{"format": 1, "key": "trunc', encoding="utf-8")
        assert fetch_work(DOI, client).record["venue"] == "WWW"
        assert json.loads(entry.read_text(encoding="utf-8"))["status"] == 200
    assert recorded.hits(CONFERENCE) == 2


def test_errors_are_not_cached(recorded: Recorded, client: Client) -> None:
    recorded.file(CONFERENCE, "crossref/not-found.txt", 404)
    for _ in range(2):
        with pytest.raises(FetchError):
            fetch_work(DOI, client)
    assert recorded.hits(CONFERENCE) == 2


def test_no_cache_when_turned_off(recorded: Recorded, tmp_path: Path) -> None:
    recorded.file(CONFERENCE, CONFERENCE_FILE)
    with Client(Config(), use_cache=False) as client:
        fetch_work(DOI, client)
        fetch_work(DOI, client)
    assert recorded.hits(CONFERENCE) == 2
    assert not (tmp_path / "cache").exists()


def test_settings_come_from_the_environment_then_the_config_file(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('contact_email = "file@example.org"\nopenalex_api_key = "file-key"\n', encoding="utf-8")
    assert load_config({"SCHOLAR_CONFIG": str(config)}) == Config("file@example.org", "file-key")
    env = {"SCHOLAR_CONFIG": str(config), "SCHOLAR_CONTACT_EMAIL": "env@example.org", "OPENALEX_API_KEY": "env-key"}
    assert load_config(env) == Config("env@example.org", "env-key")
    assert load_config({"XDG_CONFIG_HOME": str(tmp_path / "none")}) == Config()


def test_the_config_file_lives_in_the_platform_config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SCHOLAR_CONFIG")
    (tmp_path / "xdg" / "scholar").mkdir(parents=True)
    (tmp_path / "xdg" / "scholar" / "config.toml").write_text('contact_email = "xdg@example.org"\n', encoding="utf-8")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert load_config().contact_email == "xdg@example.org"


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("contact_email = [1]\n", "contact_email: should be a string"),
        ("email = 'x'\n", "email: unknown setting"),
        ("x = \n", "TOML syntax"),
    ],
)
def test_a_bad_config_file_is_one_line(tmp_path: Path, text: str, says: str) -> None:
    from scholarcli.errors import ScholarError

    config = tmp_path / "config.toml"
    config.write_text(text, encoding="utf-8")
    with pytest.raises(ScholarError) as caught:
        load_config({"SCHOLAR_CONFIG": str(config)})
    assert one_line(caught.value, str(config), says)


def _entry(text: str) -> str:
    """A cache entry as the client writes one, for the conference paper, with ``text`` for its fetched_at."""
    from scholarcli.fetch.http import ResponseCache
    from scholarcli.fetch.services.crossref import work_url

    key = ResponseCache.key(work_url(DOI), {}, "application/json")
    body = json.dumps((FIXTURES / CONFERENCE_FILE).read_text(encoding="utf-8"))
    return (
        f'{{"format": 1, "key": "{key}", "url": "u", "status": 200, "content_type": "application/json", '
        f'"fetched_at": {text}, "text": {body}}}'
    )


@pytest.mark.parametrize(
    "hostile",
    [
        _entry("NaN"),
        _entry("Infinity"),
        _entry("1e308"),
        _entry("1" + "0" * 400),
        _entry("-5"),
        _entry("true"),
        _entry('"1700000000"'),
        _entry("1700000000").replace('"status": 200', '"status": 500'),
        _entry("1700000000").replace('"status": 200', '"status": true'),
        _entry("1700000000").replace('"content_type": "application/json"', '"content_type": null'),
        "[" * 100_000 + "]" * 100_000,
        "[]",
    ],
    ids=[
        "nan",
        "infinity",
        "1e308",
        "401-digits",
        "negative",
        "bool",
        "string",
        "500",
        "status-bool",
        "null",
        "deep",
        "list",
    ],
)
def test_a_cache_entry_that_is_not_as_written_is_fetched_again(
    recorded: Recorded, tmp_path: Path, hostile: str
) -> None:
    """An entry is the client's own JSON with an answer's status, text and time; anything else is
    fetched again, whatever its times would do to a date (NaN, 1e308) or a comparison."""
    recorded.file(CONFERENCE, CONFERENCE_FILE)
    with Client(Config(), cache_dir=tmp_path / "c", clock=lambda: 1_700_000_100.0) as client:
        fetch_work(DOI, client)
        (entry,) = (tmp_path / "c" / "crossref").rglob("*.json")
        entry.write_text(hostile, encoding="utf-8")
        assert fetch_work(DOI, client).record["venue"] == "WWW"
    assert recorded.hits(CONFERENCE) == 2
    assert json.loads(entry.read_text(encoding="utf-8"))["fetched_at"] == 1_700_000_100.0


def test_the_entry_format_above_is_read_when_its_time_is_a_time(recorded: Recorded, tmp_path: Path) -> None:
    recorded.file(CONFERENCE, CONFERENCE_FILE)
    with Client(Config(), cache_dir=tmp_path / "c", clock=lambda: 1_700_000_100.0) as client:
        fetch_work(DOI, client)
        (entry,) = (tmp_path / "c" / "crossref").rglob("*.json")
        entry.write_text(_entry("1700000000"), encoding="utf-8")
        fetch_work(DOI, client)
    assert recorded.hits(CONFERENCE) == 1


@pytest.mark.parametrize("kind", ["fifo", "device", "folder", "too large"])
def test_a_cache_entry_that_is_no_regular_file_hangs_nothing(recorded: Recorded, tmp_path: Path, kind: str) -> None:
    """A FIFO is opened without blocking, a link to /dev/zero and a huge file are never read whole."""
    import os

    recorded.file(CONFERENCE, CONFERENCE_FILE)
    limits = Limits(answer_bytes=64 << 10)
    with Client(Config(), cache_dir=tmp_path / "c", limits=limits, clock=lambda: 1_700_000_100.0) as client:
        fetch_work(DOI, client)
        (entry,) = (tmp_path / "c" / "crossref").rglob("*.json")
        entry.unlink()
        if kind == "fifo":
            os.mkfifo(entry)
        elif kind == "device":
            entry.symlink_to("/dev/zero")
        elif kind == "folder":
            entry.mkdir()
        else:
            entry.write_text(_entry("1700000000")[:-1] + ', "pad": "' + "x" * (1 << 20) + '"}', encoding="utf-8")
        assert fetch_work(DOI, client).record["venue"] == "WWW"
    assert recorded.hits(CONFERENCE) == 2


def _written(**changes: object) -> dict[str, object]:
    entry: dict[str, object] = {
        "format": 1,
        "key": "k",
        "url": "u",
        "status": 200,
        "content_type": "application/json",
        "fetched_at": 1_700_000_000,
        "text": "{}",
    }
    return {**entry, **changes}


@pytest.mark.parametrize(
    "changes",
    [{}, {"status": 299}, {"fetched_at": 0}, {"fetched_at": 999_999_999_999.5}, {"text": ""}, {"content_type": ""}],
)
def test_a_cache_entry_as_the_client_writes_it_is_an_answer_from_the_cache(changes: dict[str, object]) -> None:
    from scholarcli.fetch.http import _cached_reply

    entry = _written(**changes)
    reply = _cached_reply(entry, "k")
    assert reply is not None and reply.from_cache is True
    assert (reply.status, reply.text, reply.content_type) == (entry["status"], entry["text"], entry["content_type"])
    assert reply.fetched_at == float(entry["fetched_at"])  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "changes",
    [
        {"key": "other"},
        {"format": 2},
        {"status": 199},
        {"status": 300},
        {"status": 200.0},
        {"text": None},
        {"content_type": 1},
        {"fetched_at": -0.5},
        {"fetched_at": 1e12},
        {"fetched_at": "1"},
        {"fetched_at": True},
    ],
)
def test_a_cache_entry_with_any_field_out_of_what_the_client_writes_is_no_answer(changes: dict[str, object]) -> None:
    from scholarcli.fetch.http import _cached_reply

    assert _cached_reply(_written(**changes), "k") is None


@pytest.mark.parametrize("use_cache", [True, False])
def test_what_a_batch_kept_is_the_answer_while_fresh_with_or_without_the_cache(tmp_path: Path, use_cache: bool) -> None:
    """keep() stands for a GET's answer, remember() for what a batch said of one identifier (None
    too); without the cache both last the run. Nothing here reaches a server: port 9 refuses."""
    now = [1_000.0]
    with Client(Config(), cache_dir=tmp_path / "c", use_cache=use_cache, clock=lambda: now[0], pacing={}) as client:
        url = "http://127.0.0.1:9/works/x"
        client.keep("crossref", url, '{"title": "Élan"}', params={"a": "1"})
        reply = client.get("crossref", "x", url, params={"a": "1"}, ttl=10)
        assert (reply.status, reply.text, reply.fetched_at) == (200, '{"title": "Élan"}', 1_000.0)
        client.remember("openalex", "doi", "10.1/x", {"cited_by_count": 5, "name": "Ünal"})
        client.remember("openalex", "doi", "10.1/unknown", None)
        now[0] = 1_010.0
        assert client.recall("openalex", "doi", "10.1/x", ttl=10) == ({"cited_by_count": 5, "name": "Ünal"}, 1_000.0)
        assert client.recall("openalex", "doi", "10.1/unknown", ttl=10) == (None, 1_000.0)
        assert client.recall("openalex", "doi", "10.1/other", ttl=10) is None
        assert client.recall("semanticscholar", "doi", "10.1/x", ttl=10) is None
        now[0] = 1_010.5
        assert client.recall("openalex", "doi", "10.1/x", ttl=10) is None
    if use_cache:
        assert len(list((tmp_path / "c" / "openalex").rglob("*.json"))) == 2
    else:
        assert not (tmp_path / "c").exists()


@pytest.mark.parametrize(
    ("count", "said"),
    [
        (8 << 20, "8 MiB"),
        (1 << 20, "1 MiB"),
        (64 << 10, "64 KiB"),
        (1 << 10, "1 KiB"),
        (1023, "1,023 bytes"),
        (1536, "1,536 bytes"),
        ((1 << 20) + (1 << 10), "1025 KiB"),
        (100, "100 bytes"),
    ],
)
def test_a_limit_is_said_as_people_say_sizes(count: int, said: str) -> None:
    from scholarcli.fetch.http import _size

    assert _size(count) == said


def test_a_network_failure_says_whether_the_server_was_reached_in_one_line() -> None:
    import httpx

    from scholarcli.fetch.http import _network_error

    url = "https://api.example.org/works/x"
    refused = _network_error(httpx.ConnectError("[Errno 111]\n Connection  refused"), "Crossref", "10.1/x", url)
    assert str(refused) == (
        "Crossref: 10.1/x: cannot reach api.example.org (no network, DNS failure or connection refused): "
        "[Errno 111] Connection refused"
    )
    assert refused.kind == "network"
    for unreached in (httpx.UnsupportedProtocol("no"), httpx.ProxyError("no")):
        assert "cannot reach api.example.org" in str(_network_error(unreached, "Crossref", "10.1/x", url))
    broke = _network_error(httpx.ReadError(""), "Crossref", "10.1/x", url)
    assert (str(broke), broke.kind) == ("Crossref: 10.1/x: the answer broke off: ReadError", "network")
    long = _network_error(httpx.ReadError("x" * 500), "Crossref", "10.1/x", url)
    assert str(long) == "Crossref: 10.1/x: the answer broke off: " + "x" * 200
    malformed = _network_error(httpx.InvalidURL("bad"), "arXiv", "a", "http://" + "u" * 300)
    assert (str(malformed), malformed.kind) == (f"arXiv: a: cannot ask http://{'u' * 193}: bad", "malformed")


def test_a_batch_post_sends_compact_utf8_json_with_its_secret_header_and_caches_by_body(
    recorded: Recorded, client: Client
) -> None:
    seen: list[tuple[str, str, str, bytes]] = []

    def echo(request: Seen) -> Answer:
        seen.append(
            (request.method, request.headers["content-type"], request.headers.get("x-api-key", ""), request.body)
        )
        return Answer(json.dumps({"got": json.loads(request.body)}).encode())

    recorded.add("/s2/paper/batch", echo)
    url = f"{recorded.base}/s2/paper/batch"
    body = {"ids": ["DOI:10.1/é", "ARXIV:2401.1"]}
    answer = client.post_json(
        "semanticscholar", "2 works", url, body, params={"fields": "c"}, secret_headers={"x-api-key": "s3"}
    )
    assert answer == {"got": body}
    assert seen == [("POST", "application/json", "s3", '{"ids":["DOI:10.1/é","ARXIV:2401.1"]}'.encode())]
    assert client.post_json("semanticscholar", "2 works", url, body, params={"fields": "c"}) == {"got": body}
    assert len(seen) == 1  # the same body again: from the cache, whatever the secret header
    client.post_json("semanticscholar", "1 work", url, {"ids": ["DOI:10.1/é"]}, params={"fields": "c"})
    assert len(seen) == 2
    recorded.add("/s2/paper/batch", Answer(b'{"error": "none"}', 404))
    with pytest.raises(FetchError) as raised:
        client.post_json("semanticscholar", "3 works", url, {"ids": []}, not_found="no such batch")
    assert (
        str(raised.value).startswith("Semantic Scholar: 3 works: no such batch (404")
        and raised.value.kind == "not-found"
    )


def test_an_xml_answer_is_parsed_and_its_status_explained(recorded: Recorded, client: Client) -> None:
    recorded.add("/arxiv/query", Answer(b"<feed><entry>\xc3\xa9</entry></feed>", content_type="application/atom+xml"))
    url = f"{recorded.base}/arxiv/query"
    feed = client.xml("arxiv", "2401.1", url, accept="application/atom+xml")
    assert feed.tag == "feed" and feed[0].text == "é"
    assert recorded.requests[-1].headers["accept"] == "application/atom+xml"
    recorded.add("/arxiv/other", Answer(b"<gone/>", 410, "application/xml"))
    with pytest.raises(FetchError) as raised:
        client.xml("arxiv", "2401.2", f"{recorded.base}/arxiv/other", not_found="no such paper")
    assert "arXiv: 2401.2: no such paper (410" in str(raised.value)
    assert recorded.requests[-1].headers["accept"] == "application/xml"
