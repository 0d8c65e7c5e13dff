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
- Successful answers are kept as JSON files under ``<cache dir>/http/<service>/``, written
  atomically; an entry older than the call's ``ttl`` is fetched again, and one that is not what this
  client wrote (no regular file, too large, a time that is no time) is ignored.
  Secret parameters (the OpenAlex API key) are sent but never stored, nor part of the cache key.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import os
import tempfile
import time
import zlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import httpcore
import httpx

from scholarcli import __version__
from scholarcli.fetch import FetchError
from scholarcli.fetch.config import Config, load_config

DAY = 86400.0
METADATA_TTL = 7 * DAY
CITATION_TTL = 1 * DAY
CACHE_FORMAT = 1

# service -> (environment variable for its base address, the real address, its name in messages)
SERVICES: dict[str, tuple[str, str, str]] = {
    "doi": ("SCHOLAR_DOI_URL", "https://doi.org", "doi.org"),
    "crossref": ("SCHOLAR_CROSSREF_URL", "https://api.crossref.org", "Crossref"),
    "arxiv": ("SCHOLAR_ARXIV_URL", "https://export.arxiv.org", "arXiv"),
    "dblp": ("SCHOLAR_DBLP_URL", "https://dblp.org", "DBLP"),
    "orcid": ("SCHOLAR_ORCID_URL", "https://pub.orcid.org", "ORCID"),
    "openalex": ("SCHOLAR_OPENALEX_URL", "https://api.openalex.org", "OpenAlex"),
    "semanticscholar": ("SCHOLAR_SEMANTICSCHOLAR_URL", "https://api.semanticscholar.org", "Semantic Scholar"),
}


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


def base_url(service: str) -> str:
    """The service's base address: its ``SCHOLAR_*_URL`` variable, else the real host."""
    variable, default, _ = SERVICES[service]
    return (os.environ.get(variable) or default).rstrip("/")


def service_name(service: str) -> str:
    """The name a message gives the service ("Crossref", "arXiv", ...)."""
    return SERVICES[service][2] if service in SERVICES else service


def user_agent(contact: str | None) -> str:
    """``scholar/<version>``, with ``(mailto:<contact>)`` when the user gave an address."""
    return f"scholar/{__version__} (mailto:{contact})" if contact else f"scholar/{__version__}"


def default_cache_dir() -> Path:
    """The ``http`` folder of scholar's cache directory (index.location.cache_dir)."""
    from scholarcli.index.location import cache_dir

    return cache_dir() / "http"


@dataclass(frozen=True)
class Reply:
    """An answer: status, body text, content type, and when it was fetched (epoch seconds)."""

    status: int
    text: str
    content_type: str
    fetched_at: float
    from_cache: bool = False


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
    def key(url: str, params: Mapping[str, str], accept: str) -> str:
        """The cache key of one request (without any secret parameter)."""
        blob = json.dumps([url, sorted(params.items()), accept], ensure_ascii=True)
        return hashlib.sha256(blob.encode()).hexdigest()

    def read(self, service: str, key: str, ttl: float) -> Reply | None:
        """The stored answer when it is there, as this client wrote it, and younger than ``ttl`` seconds.

        Read as a record is (not blocking on a FIFO, no larger than an entry can be); anything else
        is fetched again, and the entry rewritten.
        """
        from scholarcli.store.records import read_regular

        try:
            entry = json.loads(read_regular(self._path(service, key), self._entry_bytes), parse_constant=_no_json)
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


def _no_json(constant: str) -> None:
    """NaN and Infinity, which Python's json reads and JSON has not."""
    raise ValueError(f"{constant} is not JSON")


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


def _excerpt(reply: Reply) -> str:
    """A short, one-line account of an error body: its JSON message, HTML title, or first words."""
    text = reply.text.strip()
    if looks_like_html(reply):
        start, end = text.lower().find("<title>"), text.lower().find("</title>")
        return " ".join(text[start + 7 : end].split())[:120] if 0 <= start < end else "an HTML page"
    try:
        data = json.loads(text, parse_constant=_no_json)
    except (ValueError, RecursionError):
        return " ".join(text[:1000].split())[:120]
    if isinstance(data, dict):
        for name in ("developer-message", "message", "error", "user-message"):
            value = data.get(name)
            if isinstance(value, str) and value.strip():
                return " ".join(value.split())[:160]
    return " ".join(text[:1000].split())[:120]


def looks_like_html(reply: Reply) -> bool:
    """Whether a body is an HTML page (a portal, an error page) rather than data."""
    if "html" in reply.content_type.lower() and "xml" not in reply.content_type.lower():
        return True
    head = reply.text.lstrip()[:200].lower()
    return head.startswith("<!doctype html") or head.startswith("<html")


class _Deadline:
    """The moment the current try must be done by; every connect, read and write of the client keeps to it."""

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
        stream = self._backend.connect_tcp(host, port, self._deadline.left(timeout), local_address, socket_options)
        return _BoundedStream(stream, self._deadline)

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Any = None
    ) -> httpcore.NetworkStream:  # pragma: no cover - scholar connects over TCP only
        stream = self._backend.connect_unix_socket(path, self._deadline.left(timeout), socket_options)
        return _BoundedStream(stream, self._deadline)

    def sleep(self, seconds: float) -> None:  # pragma: no cover - httpcore sleeps only between its own retries
        self._backend.sleep(seconds)


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
    ) -> None:
        self.config = load_config() if config is None else config
        self.limits = limits
        self._sleep = sleep
        self._clock = clock
        self.cache = ResponseCache(cache_dir or default_cache_dir(), clock, limits.answer_bytes) if use_cache else None
        headers = {"User-Agent": user_agent(self.config.contact_email), "Accept-Encoding": ACCEPT_ENCODING}
        self._deadline = _Deadline()
        self._http = httpx.Client(
            transport=_BoundedTransport(self._deadline),
            timeout=httpx.Timeout(limits.deadline),
            follow_redirects=False,  # followed by _try, which reads no redirect's body
            headers=headers,
        )

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
        params = dict(params or {})
        key = ResponseCache.key(url, params, accept)
        if self.cache is not None:
            cached = self.cache.read(service, key, ttl)
            if cached is not None:
                return cached
        answer = self._send(service, identifier, url, {**params, **(secret_params or {})}, accept)
        reply = Reply(
            status=answer.status,
            text=answer.text,
            content_type=answer.headers.get("content-type", ""),
            fetched_at=self._clock(),
        )
        if self.cache is not None and 200 <= reply.status < 300:
            self.cache.write(service, key, url, reply)
        return reply

    def _send(self, service: str, identifier: str, url: str, params: dict[str, str], accept: str) -> _Answer:
        """Try until an answer is not 429 or 5xx, within the request's time (tries plus the waits between)."""
        name, used = service_name(service), 0.0
        for attempt in range(1, self.limits.tries + 1):
            left = min(self.limits.deadline, self.limits.total - used)
            started = time.monotonic()
            try:
                with self._deadline.running(left):
                    answer = self._try(name, identifier, url, params, accept)
            except httpx.TimeoutException:
                raise FetchError(name, identifier, self._out_of_time(left), "timeout") from None
            except (httpx.HTTPError, httpx.InvalidURL) as error:
                raise _network_error(error, name, identifier, url) from None
            used += time.monotonic() - started
            if answer.status != 429 and answer.status < 500:
                return answer
            # The waits are counted as asked: an injected sleep takes no time, and the sum stays the same.
            used += self._wait_before_retry(answer, attempt, name, identifier, self.limits.total - used)
        raise AssertionError("unreachable: the last try raises")  # pragma: no cover

    def _out_of_time(self, left: float) -> str:
        if left < self.limits.deadline:
            return f"no whole answer within the {self.limits.total:g} s a request may take with its retries"
        return f"no whole answer within {self.limits.deadline:g} s"

    def _try(self, name: str, identifier: str, url: str, params: dict[str, str], accept: str) -> _Answer:
        """One request, its redirects followed (their bodies unread), and the body read within the limits."""
        request = self._http.build_request("GET", url, params=params, headers={"Accept": accept})
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


def check_status(reply: Reply, service: str, identifier: str, not_found: str = "not found") -> None:
    """FetchError for any status but 2xx: 404 is ``not_found``, 400 a malformed identifier."""
    if 200 <= reply.status < 300:
        return
    name, detail = service_name(service), _excerpt(reply)
    if reply.status in (404, 410):
        raise FetchError(name, identifier, f"{not_found} ({reply.status}: {detail})", "not-found")
    if reply.status == 400:
        raise FetchError(name, identifier, f"refused as malformed (400: {detail})", "malformed")
    raise FetchError(name, identifier, f"unexpected answer {reply.status}: {detail}", "server")


def parse_json(reply: Reply, service: str, identifier: str) -> Any:
    """The body as JSON; FetchError for an HTML page, an unreadable (e.g. truncated) body, or one nested too deeply."""
    name = service_name(service)
    if looks_like_html(reply):
        raise FetchError(name, identifier, "answered with an HTML page, not JSON", "bad-response")
    try:
        return json.loads(reply.text, parse_constant=_no_json)
    except RecursionError:
        raise FetchError(name, identifier, "answered with JSON nested too deeply", "bad-response") from None
    except ValueError as error:
        where = f" at character {error.pos}" if isinstance(error, json.JSONDecodeError) else ""
        message = f"answered with unreadable JSON{where} (truncated?)"
        raise FetchError(name, identifier, message, "bad-response") from None


def parse_xml(reply: Reply, service: str, identifier: str) -> ElementTree.Element:
    """The body as XML; FetchError for an HTML page or a body that is not well-formed."""
    name = service_name(service)
    if looks_like_html(reply):
        raise FetchError(name, identifier, "answered with an HTML page, not XML", "bad-response")
    try:
        return ElementTree.fromstring(reply.text)
    except ElementTree.ParseError as error:
        raise FetchError(name, identifier, f"answered with unreadable XML ({error})", "bad-response") from None


def children(element: ElementTree.Element, tag: str) -> Iterator[ElementTree.Element]:
    """The direct children with a tag (namespaced tags as ``{uri}name``)."""
    return (child for child in element if child.tag == tag)
