"""A service's answer: its status explained, its body read as JSON or XML, and how long it stays fresh.

Nothing here loads the HTTP client: the service modules read answers with these, and are imported
(by the registry) without it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any
from xml.etree import ElementTree

from scholarcli.fetch import FetchError

DAY = 86400.0
METADATA_TTL = 7 * DAY
CITATION_TTL = 1 * DAY


@dataclass(frozen=True)
class Reply:
    """An answer: status, body text, content type, and when it was fetched (epoch seconds)."""

    status: int
    text: str
    content_type: str
    fetched_at: float
    from_cache: bool = False


def service_name(service: str) -> str:
    """The name a message gives the service ("Crossref", "arXiv", ...)."""
    from scholarcli.fetch.registry import shown

    return shown(service)


def no_constant(constant: str) -> None:
    """NaN and Infinity, which Python's json reads and JSON has not."""
    raise ValueError(f"{constant} is not JSON")


def _excerpt(reply: Reply) -> str:
    """A short, one-line account of an error body: its JSON message, HTML title, or first words."""
    text = reply.text.strip()
    if looks_like_html(reply):
        start, end = text.lower().find("<title>"), text.lower().find("</title>")
        return " ".join(text[start + 7 : end].split())[:120] if 0 <= start < end else "an HTML page"
    try:
        data = json.loads(text, parse_constant=no_constant)
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
        return json.loads(reply.text, parse_constant=no_constant)
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
