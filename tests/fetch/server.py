"""A real HTTP server on 127.0.0.1 that serves recorded responses, and helpers for the tests."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from io import BufferedIOBase
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "http"
TYPES = {".json": "application/json", ".xml": "application/xml", ".html": "text/html;charset=utf-8"}


@dataclass
class Answer:
    """One response the server gives."""

    body: bytes = b""
    status: int = 200
    content_type: str = "application/json"
    headers: Mapping[str, str] = field(default_factory=dict)
    delay: float = 0.0
    raw: Callable[[BufferedIOBase], None] | None = None  # writes the whole response itself (tests/fetch/hostile.py)


@dataclass
class Seen:
    """A request the server received."""

    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: bytes = b""
    method: str = "GET"


Served = Answer | Callable[[Seen], Answer]  # an answer, or what makes one from the request (a batch answer)


@dataclass
class Route:
    """Answers for a path (and query parameters that must be present); the last answer repeats."""

    path: str
    query: Mapping[str, str]
    answers: list[Served]
    served: int = 0


class Recorded:
    """The server's routes and the requests it saw; routes are cleared before every test."""

    def __init__(self) -> None:
        self.routes: list[Route] = []
        self.requests: list[Seen] = []
        self.lock = threading.Lock()
        self.base = ""
        self.otherwise: Answer | None = None  # the answer at every address no route names

    def add(self, path: str, *answers: Served, query: Mapping[str, str] | None = None) -> Route:
        """Serve answers at a path (unquoted, e.g. ``/crossref/works/10.1145/x``)."""
        route = Route(path, dict(query or {}), list(answers))
        with self.lock:
            self.routes.insert(0, route)
        return route

    def file(
        self,
        path: str,
        name: str,
        status: int = 200,
        *,
        query: Mapping[str, str] | None = None,
        headers: Mapping[str, str] | None = None,
        content_type: str | None = None,
    ) -> Route:
        """Serve a fixture file (``crossref/x.json``) at a path, typed by its extension."""
        source = FIXTURES / name
        kind = content_type or TYPES.get(source.suffix, "text/plain;charset=utf-8")
        return self.add(path, Answer(source.read_bytes(), status, kind, dict(headers or {})), query=query)

    def hits(self, path: str) -> int:
        """How many requests reached a path."""
        return sum(1 for seen in self.requests if seen.path == path)

    def answer(self, seen: Seen) -> Answer:
        with self.lock:
            for route in self.routes:
                if route.path == seen.path and all(seen.query.get(k) == v for k, v in route.query.items()):
                    answer = route.answers[min(route.served, len(route.answers) - 1)]
                    route.served += 1
                    break
            else:
                answer = self.otherwise or Answer(b"no fixture for this address", 404, "text/plain")
        return answer if isinstance(answer, Answer) else answer(seen)


RECORDED = Recorded()


class Handler(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        path, query = unquote(parts.path), dict(parse_qsl(parts.query))
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        seen = Seen(path, query, {k.lower(): v for k, v in self.headers.items()}, body, self.command)
        RECORDED.requests.append(seen)
        answer = RECORDED.answer(seen)
        if answer.delay:
            time.sleep(answer.delay)
        if answer.raw is not None:
            self.close_connection = True
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                answer.raw(self.wfile)
            return
        try:
            self.send_response(answer.status)
            self.send_header("Content-Type", answer.content_type)
            self.send_header("Content-Length", str(len(answer.body)))
            for name, value in answer.headers.items():
                self.send_header(name, value.replace("{base}", RECORDED.base))
            self.end_headers()
            self.wfile.write(answer.body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a timeout test)

    def log_message(self, *_: object) -> None:
        pass


class Sleeps(list[float]):
    """An injectable sleep that records how long it was asked to wait, and does not wait."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def one_line(error: BaseException, *parts: Sequence[str] | str) -> str:
    """The error's message, checked to be one line that names each part."""
    message = str(error)
    assert "\n" not in message, message
    for part in parts:
        assert str(part) in message, (part, message)
    return message
