"""The HTTP client every service module uses: one User-Agent, bounded answers, bounded time, a cache.

- ``User-Agent: scholar/<version> (mailto:<contact>)`` when a contact email is configured, which is
  what Crossref's polite pool and OpenAlex ask for.
- Every answer is bounded (:class:`Limits`, the one place the limits live): its size as sent and as
  decompressed, the time one try may take from connecting to the last byte (a server that drips a
  byte a second is cut off), the redirects followed, and the time a request may take with its retries.
  Crossing a limit is one FetchError for that request.
- 429 and 5xx are retried (``tries`` attempts in all) after ``Retry-After`` (seconds or an HTTP date)
  or an exponential backoff; a wait longer than ``max_wait``, or past the request's time, is not
  waited for. ``sleep`` and ``clock`` are injectable, so tests neither wait nor depend on the time of day.
- Every try passes its service's gate (:mod:`.pacing`): at most the service's requests at once,
  started at most at its rate, slower after a 429 or 503. The client is shared by threads: each
  thread's try has its own deadline.
- Successful answers are kept as JSON files under ``<cache dir>/http/<service>/``, written
  atomically; an entry older than the call's ``ttl`` is fetched again, and one that is not what this
  client wrote (no regular file, too large, a time that is no time) is ignored.
  Secret parameters and headers (the OpenAlex and Semantic Scholar keys) are sent but never stored,
  nor part of the cache key. What a batch answered for each work is kept the same way (:meth:`Client.keep`,
  :meth:`Client.remember`), so a single lookup, or the next run, asks nothing for it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import os
import socket
import tempfile
import threading
import time
import zlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpcore
import httpx

from scholarcli import __version__
from scholarcli.fetch import FetchError
from scholarcli.fetch.answers import (
    METADATA_TTL,
    Reply,
    check_status,
    no_constant,
    parse_json,
    parse_xml,
    service_name,
)
from scholarcli.fetch.config import Config, load_config
from scholarcli.fetch.pacing import gates
from scholarcli.fetch.service import Pace

CACHE_FORMAT = 1


@dataclass(frozen=True)
class Limits:
    """What one request may cost. Every limit of the fetch code is here; tests pass smaller ones."""

    # The body, as sent and as decompressed. The largest answers scholar asks for are an OpenAlex
    # page of 200 works (about 20 kB a work: 4 MB) and an ORCID bulk read of 100 works; a body that
    # is larger is no answer to these questions (a 1 MB gzip bomb would be 1 GiB).
    answer_bytes: int = 8 << 20
    deadline: float = 20.0  # seconds one try may take: connecting, the headers and the whole body
    total: float = 60.0  # seconds a request may take with its retries and the waits between them
    redirects: int = 5  # doi.org sends one to the registration agency; more is a loop
    tries: int = 3  # tries of a request answered 429 or 5xx
    backoff: float = 1.0  # the first wait without Retry-After; it doubles each try
    max_wait: float = 60.0  # a Retry-After longer than this is not waited for


LIMITS = Limits()


def declared_pacing(config: Config) -> dict[str, Pace]:
    """Each service's pace as its module declares it, for a user with these settings."""
    from scholarcli.fetch.registry import services

    return {name: service.pace_for(config) for name, service in services().items()}


def user_agent(contact: str | None) -> str:
    """``scholar/<version>``, with ``(mailto:<contact>)`` when the user gave an address."""
    return f"scholar/{__version__} (mailto:{contact})" if contact else f"scholar/{__version__}"


def default_cache_dir() -> Path:
    """The ``http`` folder of scholar's cache directory (index.location.cache_dir)."""
    from scholarcli.index.location import cache_dir

    return cache_dir() / "http"


def _retry_after(value: str | None, now: float) -> float | None:
    """Seconds to wait from a Retry-After header: a number of seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        pass
    else:
        return max(0.0, seconds) if math.isfinite(seconds) else None
    from email.utils import parsedate_to_datetime

    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - now)


class ResponseCache:
    """Answers on disk, one JSON file each, keyed by address, parameters and Accept header."""

    def __init__(self, root: Path, clock: Callable[[], float], answer_bytes: int = LIMITS.answer_bytes) -> None:
        self.root = root
        self._clock = clock
        # An entry is the answer's text as JSON: at most six bytes a character (\u001f), and a few hundred more.
        self._entry_bytes = 6 * answer_bytes + 4096

    def _path(self, service: str, key: str) -> Path:
        return self.root / service / key[:2] / f"{key}.json"

    @staticmethod
    def key(url: str, params: Mapping[str, str], accept: str, body: str = "") -> str:
        """The cache key of one request (without any secret parameter); a POST's body is part of it."""
        blob = json.dumps([url, sorted(params.items()), accept, *([body] if body else [])], ensure_ascii=True)
        return hashlib.sha256(blob.encode()).hexdigest()

    def read(self, service: str, key: str, ttl: float) -> Reply | None:
        """The stored answer when it is there, as this client wrote it, and younger than ``ttl`` seconds.

        Read as a record is (not blocking on a FIFO, no larger than an entry can be); anything else
        is fetched again, and the entry rewritten.
        """
        from scholarcli.store.records import read_regular

        try:
            entry = json.loads(read_regular(self._path(service, key), self._entry_bytes), parse_constant=no_constant)
        except (OSError, ValueError, RecursionError):
            return None
        reply = _cached_reply(entry, key)
        if reply is None or not 0 <= self._clock() - reply.fetched_at <= ttl:
            return None  # expired, or from the future (a clock set back, or a forged time)
        return reply

    def write(self, service: str, key: str, url: str, reply: Reply) -> None:
        """Store an answer atomically (a temp file beside it, then rename); failures are ignored."""
        path = self._path(service, key)
        entry = {
            "format": CACHE_FORMAT,
            "key": key,
            "url": url,
            "status": reply.status,
            "content_type": reply.content_type,
            "fetched_at": reply.fetched_at,
            "text": reply.text,
        }
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
        except OSError:
            return
        try:
            with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                json.dump(entry, handle, ensure_ascii=False)
            Path(temporary).replace(path)
        except (OSError, ValueError):  # ValueError: a text with a lone surrogate, which UTF-8 cannot hold
            with contextlib.suppress(OSError):
                Path(temporary).unlink()


def _cached_reply(entry: object, key: str) -> Reply | None:
    """The answer a cache entry holds, when every field is of the type and range the client writes."""
    if not isinstance(entry, dict) or entry.get("format") != CACHE_FORMAT or entry.get("key") != key:
        return None
    status, text, kind, when = (entry.get(name) for name in ("status", "text", "content_type", "fetched_at"))
    if type(status) is not int or not 200 <= status < 300 or not isinstance(text, str) or not isinstance(kind, str):
        return None
    if not (type(when) is int or type(when) is float) or not 0 <= when < 1e12:  # no NaN, and before the year 33658
        return None
    return Reply(status=status, text=text, content_type=kind, fetched_at=float(when), from_cache=True)


class _Deadline(threading.local):
    """The moment the current try must be done by; every connect, read and write of the client keeps to it.

    One per thread: the client's threads each run a try of their own.
    """

    def __init__(self) -> None:
        self.at = math.inf

    def left(self, timeout: float | None) -> float | None:
        """The time an operation may wait: its own timeout, or less when the try's time runs out first."""
        left = self.at - time.monotonic()
        if left <= 0:
            raise httpx.ReadTimeout("the request's time is up")  # httpcore's own ReadTimeout: httpx maps it to this
        return left if timeout is None or timeout > left else timeout

    @contextlib.contextmanager
    def running(self, seconds: float) -> Iterator[None]:
        self.at = time.monotonic() + seconds
        try:
            yield
        finally:
            self.at = math.inf


class _BoundedStream(httpcore.NetworkStream):
    """A connection whose every read and write waits no longer than the try's deadline allows.

    httpcore's timeouts bound each read alone, so a server sending a byte every few seconds would
    never time out; here each wait is cut to the time the whole try has left.
    """

    def __init__(self, stream: httpcore.NetworkStream, deadline: _Deadline) -> None:
        self._stream = stream
        self._deadline = deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, self._deadline.left(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, self._deadline.left(timeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None) -> Any:
        # The ssl module keeps the socket's timeout as one deadline for the whole handshake.
        secure = self._stream.start_tls(ssl_context, server_hostname, self._deadline.left(timeout))
        return _BoundedStream(secure, self._deadline)

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _BoundedBackend(httpcore.NetworkBackend):
    """httpcore's own sockets, each connection a :class:`_BoundedStream`."""

    def __init__(self, deadline: _Deadline) -> None:
        self._backend = httpcore.SyncBackend()
        self._deadline = deadline

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.NetworkStream:
        failure: OSError | None = None
        for address in _addresses(host, port, self._deadline.left(timeout)):
            try:  # each address in turn, as socket.create_connection tries them
                stream = self._backend.connect_tcp(
                    address, port, self._deadline.left(timeout), local_address, socket_options
                )
            except (httpcore.ConnectError, OSError) as error:
                failure = error if isinstance(error, OSError) else OSError(str(error))
                continue
            return _BoundedStream(stream, self._deadline)
        raise httpcore.ConnectError(str(failure or f"no address for {host}"))

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Any = None
    ) -> httpcore.NetworkStream:  # pragma: no cover - scholar connects over TCP only
        stream = self._backend.connect_unix_socket(path, self._deadline.left(timeout), socket_options)
        return _BoundedStream(stream, self._deadline)

    def sleep(self, seconds: float) -> None:  # pragma: no cover - httpcore sleeps only between its own retries
        self._backend.sleep(seconds)


def _addresses(host: str, port: int, timeout: float | None) -> list[str]:
    """The host's addresses, found within ``timeout``: getaddrinfo has no timeout of its own, so it
    runs in a thread of its own, and a resolver that does not answer is left to finish alone."""
    found: list[list[str] | OSError] = []
    done = threading.Event()

    def resolve() -> None:
        try:
            answers = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
            found.append(list(dict.fromkeys(str(answer[4][0]) for answer in answers)))
        except OSError as error:  # socket.gaierror: no such host, no network
            found.append(error)
        done.set()

    threading.Thread(target=resolve, name=f"resolve {host}", daemon=True).start()
    if not done.wait(timeout):
        raise httpx.ConnectTimeout(f"no address for {host} within the request's time")
    if isinstance(found[0], OSError):
        raise httpcore.ConnectError(str(found[0]))
    return found[0]


class _BoundedTransport(httpx.HTTPTransport):
    """httpx's transport over :class:`_BoundedBackend` (httpx offers no parameter for a network backend)."""

    def __init__(self, deadline: _Deadline) -> None:
        context = httpx.create_ssl_context()  # once: loading the certificates takes a few milliseconds
        super().__init__(verify=context)
        self._pool = httpcore.ConnectionPool(ssl_context=context, network_backend=_BoundedBackend(deadline))


# gzip and deflate are decoded here, a piece at a time, so that a small body cannot expand unseen.
ACCEPT_ENCODING = "gzip, deflate"
IDENTITY = ("", "identity")


def _decoder(encoding: str, name: str, identifier: str) -> Any:
    """A decompressor for a Content-Encoding (None for none); FetchError for one scholar did not ask for."""
    codings = [coding for coding in (part.strip().lower() for part in encoding.split(",")) if coding not in IDENTITY]
    if not codings:
        return None
    if codings in (["gzip"], ["x-gzip"], ["deflate"]):
        return zlib.decompressobj(32 + zlib.MAX_WBITS)  # 32: a zlib or a gzip header, whichever it is
    message = f"answered in an encoding scholar did not ask for ({' '.join(encoding.split())[:40]})"
    raise FetchError(name, identifier, message, "bad-response")


def _text(body: bytes, charset: str | None) -> str:
    """A body as text, in its stated charset where Python knows it (else UTF-8); bytes that are no text as U+FFFD."""
    try:
        return body.decode(charset or "utf-8", errors="replace")
    except LookupError:
        return body.decode("utf-8", errors="replace")


@dataclass(frozen=True)
class _Request:
    """What a request asks: the secret parts are sent, never cached nor part of the cache key."""

    method: str
    url: str
    params: dict[str, str]
    secret_params: dict[str, str]
    accept: str
    body: str = ""  # a POST's JSON
    secret_headers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class _Answer:
    """One try's answer: the status, its headers, and the body within the limits, as text."""

    status: int
    headers: httpx.Headers
    text: str


class Client:
    """The HTTP client of the fetch code; use it as a context manager, or call :meth:`close`."""

    def __init__(
        self,
        config: Config | None = None,
        *,
        cache_dir: Path | None = None,
        use_cache: bool = True,
        limits: Limits = LIMITS,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.time,
        pacing: Mapping[str, Pace] | None = None,
    ) -> None:
        """``pacing``: each service's pace (the services' own declarations when None; ``{}`` paces none)."""
        self.config = load_config() if config is None else config
        self.limits = limits
        self._sleep = sleep
        self._clock = clock
        self.cache = ResponseCache(cache_dir or default_cache_dir(), clock, limits.answer_bytes) if use_cache else None
        self._kept: dict[str, Reply] = {}  # without a cache: what keep() and remember() were given, for this run
        self.gates = gates(declared_pacing(self.config) if pacing is None else pacing)
        headers = {"User-Agent": user_agent(self.config.contact_email), "Accept-Encoding": ACCEPT_ENCODING}
        self._deadline = _Deadline()
        self._http = httpx.Client(
            transport=_BoundedTransport(self._deadline),
            timeout=httpx.Timeout(limits.deadline),
            follow_redirects=False,  # followed by _try, which reads no redirect's body
            headers=headers,
        )

    def now(self) -> float:
        """The client's time (epoch seconds): when an answer counts as fetched."""
        return self._clock()

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connections."""
        self._http.close()

    def get(
        self,
        service: str,
        identifier: str,
        url: str,
        *,
        params: Mapping[str, str] | None = None,
        secret_params: Mapping[str, str] | None = None,
        accept: str = "application/json",
        ttl: float = METADATA_TTL,
    ) -> Reply:
        """GET an address (from the cache when a fresh copy is there); 2xx answers are cached.

        Other statuses are returned for the caller to explain, except 429 and 5xx, which are
        retried and raise FetchError when every try fails. Network failures, and an answer beyond
        the client's limits, raise FetchError.
        """
        request = _Request("GET", url, dict(params or {}), dict(secret_params or {}), accept)
        return self._cached(service, identifier, request, ttl)

    def post_json(
        self,
        service: str,
        identifier: str,
        url: str,
        body: object,
        *,
        params: Mapping[str, str] | None = None,
        secret_headers: Mapping[str, str] | None = None,
        ttl: float = METADATA_TTL,
        not_found: str = "not found",
    ) -> Any:
        """The JSON answer to a POST of a JSON body (a batch request), cached as :meth:`get` caches."""
        text = json.dumps(body, ensure_ascii=False, separators=(",", ":"))
        request = _Request("POST", url, dict(params or {}), {}, "application/json", text, dict(secret_headers or {}))
        reply = self._cached(service, identifier, request, ttl)
        check_status(reply, service, identifier, not_found)
        return parse_json(reply, service, identifier)

    def _cached(self, service: str, identifier: str, request: _Request, ttl: float) -> Reply:
        key = ResponseCache.key(request.url, request.params, request.accept, request.body)
        cached = self._read(service, key, ttl)
        if cached is not None:
            return cached
        answer = self._send(service, identifier, request)
        reply = Reply(
            status=answer.status,
            text=answer.text,
            content_type=answer.headers.get("content-type", ""),
            fetched_at=self._clock(),
        )
        if self.cache is not None and 200 <= reply.status < 300:
            self.cache.write(service, key, request.url, reply)
        return reply

    def _read(self, service: str, key: str, ttl: float) -> Reply | None:
        if self.cache is not None:
            return self.cache.read(service, key, ttl)
        kept = self._kept.get(key)
        return kept if kept is not None and 0 <= self._clock() - kept.fetched_at <= ttl else None

    def _write(self, service: str, key: str, url: str, reply: Reply) -> None:
        if self.cache is not None:
            self.cache.write(service, key, url, reply)
        else:
            self._kept[key] = reply

    def keep(
        self,
        service: str,
        url: str,
        text: str,
        *,
        params: Mapping[str, str] | None = None,
        accept: str = "application/json",
    ) -> None:
        """Keep ``text`` as the answer a GET of ``url`` would have had now: the part of a batch answer
        that a single lookup reads, so that the lookup asks nothing."""
        reply = Reply(200, text, accept, self._clock())
        self._write(service, ResponseCache.key(url, dict(params or {}), accept), url, reply)

    def remember(self, service: str, kind: str, identifier: str, value: object) -> None:
        """Keep what a batch said of one identifier (None: the service does not know it), so that a run
        stopped part-way, or a run over other works, does not ask for it again while it is fresh."""
        address = f"scholar:{service}/{kind}/{identifier}"
        reply = Reply(200, json.dumps(value, ensure_ascii=False), "application/json", self._clock())
        self._write(service, ResponseCache.key(address, {}, "item"), address, reply)

    def recall(self, service: str, kind: str, identifier: str, ttl: float) -> tuple[object, float] | None:
        """What :meth:`remember` kept of an identifier, and when; None when nothing fresh is kept."""
        address = f"scholar:{service}/{kind}/{identifier}"
        kept = self._read(service, ResponseCache.key(address, {}, "item"), ttl)
        if kept is None:
            return None
        try:
            return json.loads(kept.text, parse_constant=no_constant), kept.fetched_at
        except (ValueError, RecursionError):
            return None

    def _send(self, service: str, identifier: str, request: _Request) -> _Answer:
        """Try until an answer is not 429 or 5xx, within the request's time (tries plus the waits between).

        Each try waits for its turn at the service's gate (the wait is scholar's own pacing, not
        counted in the request's time) and tells the gate how the server took it.
        """
        name, used = service_name(service), 0.0
        gate = self.gates.get(service)
        for attempt in range(1, self.limits.tries + 1):
            left = min(self.limits.deadline, self.limits.total - used)
            with gate.turn() if gate is not None else contextlib.nullcontext():
                started = time.monotonic()
                answer = self._timed_try(name, identifier, request, left)
                used += time.monotonic() - started
            if answer.status != 429 and answer.status < 500:
                if gate is not None:
                    gate.answered(answer.headers)
                return answer
            if gate is not None and answer.status in (429, 503):
                asked = _retry_after(answer.headers.get("retry-after"), self._clock())
                held = asked is not None and asked <= self.limits.max_wait  # an hour's wait fails this request alone
                gate.refused(asked if held else None)
            # The waits are counted as asked: an injected sleep takes no time, and the sum stays the same.
            used += self._wait_before_retry(answer, attempt, name, identifier, self.limits.total - used)
        raise AssertionError("unreachable: the last try raises")  # pragma: no cover

    def _timed_try(self, name: str, identifier: str, request: _Request, left: float) -> _Answer:
        try:
            with self._deadline.running(left):
                return self._try(name, identifier, request)
        except httpx.TimeoutException:
            raise FetchError(name, identifier, self._out_of_time(left), "timeout") from None
        except (httpx.HTTPError, httpx.InvalidURL) as error:
            raise _network_error(error, name, identifier, request.url) from None

    def _out_of_time(self, left: float) -> str:
        if left < self.limits.deadline:
            return f"no whole answer within the {self.limits.total:g} s a request may take with its retries"
        return f"no whole answer within {self.limits.deadline:g} s"

    def _try(self, name: str, identifier: str, asked: _Request) -> _Answer:
        """One request, its redirects followed (their bodies unread), and the body read within the limits."""
        headers = {"Accept": asked.accept, **asked.secret_headers}
        if asked.body:
            headers["Content-Type"] = "application/json"
        params = {**asked.params, **asked.secret_params}
        content = asked.body.encode() if asked.body else None
        request = self._http.build_request(asked.method, asked.url, params=params, headers=headers, content=content)
        for _ in range(self.limits.redirects + 1):
            response = self._http.send(request, stream=True)
            try:
                if response.next_request is None:
                    body = self._body(response, name, identifier)
                    return _Answer(response.status_code, response.headers, _text(body, response.charset_encoding))
                request = response.next_request
            finally:
                response.close()
        message = f"redirected more than {self.limits.redirects} times (a redirect loop?)"
        raise FetchError(name, identifier, message, "server")

    def _body(self, response: httpx.Response, name: str, identifier: str) -> bytes:
        """The body, decompressed, read in pieces and counted as sent and as decoded; FetchError past the limit."""
        limit = self.limits.answer_bytes
        decoder = _decoder(response.headers.get("content-encoding", ""), name, identifier)
        pieces: list[bytes] = []
        size = 0
        try:
            for raw in response.iter_raw(1 << 16):
                piece = raw if decoder is None else decoder.decompress(raw, limit + 1 - size)
                size += len(piece)
                if size > limit or response.num_bytes_downloaded > limit:
                    raise FetchError(name, identifier, f"answered with more than {_size(limit)}", "bad-response")
                pieces.append(piece)
                self._deadline.left(None)  # through a proxy (httpx's own transport) only this checks the time
            if decoder is not None:
                pieces.append(decoder.flush())
        except zlib.error:
            message = "answered with a compressed body that does not decompress"
            raise FetchError(name, identifier, message, "bad-response") from None
        return b"".join(pieces)

    def _wait_before_retry(self, answer: _Answer, attempt: int, name: str, identifier: str, left: float) -> float:
        """Wait before the next try, and say how long; FetchError when no try is left, or no time."""
        status = answer.status
        wait = _retry_after(answer.headers.get("retry-after"), self._clock())
        if wait is None:
            wait = self.limits.backoff * 2 ** (attempt - 1)
        if attempt >= self.limits.tries or wait > self.limits.max_wait or wait >= left:
            tries = f"{attempt} {'try' if attempt == 1 else 'tries'}"
            if status == 429:
                later = f", asks to wait {wait:g} s" if wait > self.limits.max_wait or wait >= left else ""
                raise FetchError(name, identifier, f"rate-limited (429) after {tries}{later}", "rate-limited")
            raise FetchError(name, identifier, f"server error {status} after {tries}", "server")
        self._sleep(wait)
        return wait

    def json(self, service: str, identifier: str, url: str, *, not_found: str = "not found", **options: Any) -> Any:
        """The JSON body of a GET; FetchError for 404 (``not_found``), other errors and bad bodies."""
        reply = self.get(service, identifier, url, **options)
        check_status(reply, service, identifier, not_found)
        return parse_json(reply, service, identifier)

    def xml(self, service: str, identifier: str, url: str, *, not_found: str = "not found", **options: Any) -> Any:
        """The parsed XML body of a GET (an ElementTree element); errors as for :meth:`json`."""
        reply = self.get(service, identifier, url, accept=options.pop("accept", "application/xml"), **options)
        check_status(reply, service, identifier, not_found)
        return parse_xml(reply, service, identifier)


def _size(count: int) -> str:
    """A byte count as people say it: 8 MiB, 64 KiB, 100 bytes."""
    for unit, scale in (("MiB", 1 << 20), ("KiB", 1 << 10)):
        if count >= scale and count % scale == 0:
            return f"{count // scale} {unit}"
    return f"{count:,} bytes"


def _network_error(error: httpx.HTTPError | httpx.InvalidURL, name: str, identifier: str, url: str) -> FetchError:
    """What went wrong on the way, as one line: not reached, or reached and then the connection failed."""
    reason = " ".join((str(error) or type(error).__name__).split())[:200]
    if isinstance(error, httpx.InvalidURL):
        return FetchError(name, identifier, f"cannot ask {url[:200]}: {reason}", "malformed")
    if isinstance(error, httpx.ConnectError | httpx.UnsupportedProtocol | httpx.ProxyError):
        host = httpx.URL(url).host
        message = f"cannot reach {host} (no network, DNS failure or connection refused): {reason}"
        return FetchError(name, identifier, message, "network")
    return FetchError(name, identifier, f"the answer broke off: {reason}", "network")
