"""The HTTP client every service module uses: one User-Agent, timeouts, bounded retries, a cache.

- ``User-Agent: scholar/<version> (mailto:<contact>)`` when a contact email is configured, which is
  what Crossref's polite pool and OpenAlex ask for.
- 429 and 5xx are retried (``tries`` attempts in all) after ``Retry-After`` (seconds or an HTTP date)
  or an exponential backoff; a wait longer than ``max_wait`` is not waited for. ``sleep`` and
  ``clock`` are injectable, so tests neither wait nor depend on the time of day.
- Successful answers are kept as JSON files under ``<cache dir>/http/<service>/``, written
  atomically; an entry older than the call's ``ttl`` is fetched again, an unreadable one ignored.
  Secret parameters (the OpenAlex API key) are sent but never stored, nor part of the cache key.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.etree import ElementTree

import httpx

from scholarcli import __version__
from scholarcli.fetch import FetchError
from scholarcli.fetch.config import Config, load_config

if TYPE_CHECKING:
    from collections.abc import Iterator

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
        return max(0.0, float(value))
    except ValueError:
        pass
    from email.utils import parsedate_to_datetime

    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - now)


class ResponseCache:
    """Answers on disk, one JSON file each, keyed by address, parameters and Accept header."""

    def __init__(self, root: Path, clock: Callable[[], float]) -> None:
        self.root = root
        self._clock = clock

    def _path(self, service: str, key: str) -> Path:
        return self.root / service / key[:2] / f"{key}.json"

    @staticmethod
    def key(url: str, params: Mapping[str, str], accept: str) -> str:
        """The cache key of one request (without any secret parameter)."""
        blob = json.dumps([url, sorted(params.items()), accept], ensure_ascii=True)
        return hashlib.sha256(blob.encode()).hexdigest()

    def read(self, service: str, key: str, ttl: float) -> Reply | None:
        """The stored answer when it is there, readable and younger than ``ttl`` seconds."""
        try:
            entry = json.loads(self._path(service, key).read_text(encoding="utf-8"))
            reply = Reply(
                status=entry["status"],
                text=entry["text"],
                content_type=entry["content_type"],
                fetched_at=entry["fetched_at"],
                from_cache=True,
            )
            valid = entry["format"] == CACHE_FORMAT and entry["key"] == key
            typed = isinstance(reply.status, int) and isinstance(reply.text, str)
            typed = typed and isinstance(reply.content_type, str) and isinstance(reply.fetched_at, int | float)
        except (OSError, ValueError, KeyError, TypeError):
            return None  # missing or corrupt: fetched again, and the entry rewritten
        if not (valid and typed) or self._clock() - reply.fetched_at > ttl:
            return None
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
        except OSError:
            with contextlib.suppress(OSError):
                Path(temporary).unlink()


def _excerpt(reply: Reply) -> str:
    """A short, one-line account of an error body: its JSON message, HTML title, or first words."""
    text = reply.text.strip()
    if looks_like_html(reply):
        start, end = text.lower().find("<title>"), text.lower().find("</title>")
        return " ".join(text[start + 7 : end].split()) if 0 <= start < end else "an HTML page"
    try:
        data = json.loads(text)
    except ValueError:
        return " ".join(text.split())[:120]
    if isinstance(data, dict):
        for name in ("developer-message", "message", "error", "user-message"):
            value = data.get(name)
            if isinstance(value, str) and value.strip():
                return " ".join(value.split())[:160]
    return " ".join(text.split())[:120]


def looks_like_html(reply: Reply) -> bool:
    """Whether a body is an HTML page (a portal, an error page) rather than data."""
    if "html" in reply.content_type.lower() and "xml" not in reply.content_type.lower():
        return True
    head = reply.text.lstrip()[:200].lower()
    return head.startswith("<!doctype html") or head.startswith("<html")


class Client:
    """The HTTP client of the fetch code; use it as a context manager, or call :meth:`close`."""

    def __init__(
        self,
        config: Config | None = None,
        *,
        cache_dir: Path | None = None,
        use_cache: bool = True,
        timeout: float = 20.0,
        tries: int = 3,
        backoff: float = 1.0,
        max_wait: float = 60.0,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.config = load_config() if config is None else config
        self.timeout = timeout
        self.tries = max(1, tries)
        self.backoff = backoff
        self.max_wait = max_wait
        self._sleep = sleep
        self._clock = clock
        self.cache = ResponseCache(cache_dir or default_cache_dir(), clock) if use_cache else None
        headers = {"User-Agent": user_agent(self.config.contact_email)}
        self._http = httpx.Client(timeout=httpx.Timeout(timeout), follow_redirects=True, headers=headers)

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
        retried and raise FetchError when every try fails. Network failures raise FetchError.
        """
        params = dict(params or {})
        key = ResponseCache.key(url, params, accept)
        if self.cache is not None:
            cached = self.cache.read(service, key, ttl)
            if cached is not None:
                return cached
        response = self._send(service, identifier, url, {**params, **(secret_params or {})}, accept)
        reply = Reply(
            status=response.status_code,
            text=response.text,
            content_type=response.headers.get("content-type", ""),
            fetched_at=self._clock(),
        )
        if self.cache is not None and 200 <= reply.status < 300:
            self.cache.write(service, key, url, reply)
        return reply

    def _send(self, service: str, identifier: str, url: str, params: dict[str, str], accept: str) -> httpx.Response:
        name = service_name(service)
        for attempt in range(1, self.tries + 1):
            try:
                response = self._http.get(url, params=params, headers={"Accept": accept})
            except httpx.TimeoutException:
                raise FetchError(name, identifier, f"no answer within {self.timeout:g} s", "timeout") from None
            except httpx.TransportError as error:
                host = httpx.URL(url).host
                reason = str(error) or type(error).__name__
                message = f"cannot reach {host} (no network, DNS failure or connection refused): {reason}"
                raise FetchError(name, identifier, message, "network") from None
            status = response.status_code
            if status != 429 and status < 500:
                return response
            self._wait_before_retry(response, attempt, name, identifier)
        raise AssertionError("unreachable: the last try raises")  # pragma: no cover

    def _wait_before_retry(self, response: httpx.Response, attempt: int, name: str, identifier: str) -> None:
        status = response.status_code
        wait = _retry_after(response.headers.get("retry-after"), self._clock())
        if wait is None:
            wait = self.backoff * 2 ** (attempt - 1)
        if attempt >= self.tries or wait > self.max_wait:
            tries = f"{attempt} {'try' if attempt == 1 else 'tries'}"
            if status == 429:
                later = f", asks to wait {wait:g} s" if wait > self.max_wait else ""
                raise FetchError(name, identifier, f"rate-limited (429) after {tries}{later}", "rate-limited")
            raise FetchError(name, identifier, f"server error {status} after {tries}", "server")
        self._sleep(wait)

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
    """The body as JSON; FetchError for an HTML page or an unreadable (e.g. truncated) body."""
    name = service_name(service)
    if looks_like_html(reply):
        raise FetchError(name, identifier, "answered with an HTML page, not JSON", "bad-response")
    try:
        return json.loads(reply.text)
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
