"""Answers of a hostile server, for tests/fetch/server.py: too large, endless, compressed bombs,
a drip of bytes, redirect loops, nesting too deep.

Each writes its own response (``Answer.raw``) until it is done or the client has gone. An endless
one also stops after SAFETY_SECONDS, so that a client that never gives up fails its test rather
than hanging it.
"""

from __future__ import annotations

import gzip
import time
from collections.abc import Callable, Iterator
from io import BufferedIOBase

from fetch.server import Answer

SAFETY_SECONDS = 30.0
PIECE = 1 << 16


def _head(status: str, headers: dict[str, str]) -> bytes:
    lines = [f"HTTP/1.1 {status}", *(f"{name}: {value}" for name, value in headers.items()), "Connection: close"]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def _until_safety(pieces: Iterator[bytes], out: BufferedIOBase, pause: float = 0.0) -> None:
    """Write pieces until they end, the client goes (the write fails), or SAFETY_SECONDS pass."""
    stop = time.monotonic() + SAFETY_SECONDS
    for piece in pieces:
        if time.monotonic() > stop:
            return
        out.write(piece)
        out.flush()
        if pause:
            time.sleep(pause)  # the hostile server's pace, not a wait on the client


def _forever(piece: bytes) -> Iterator[bytes]:
    while True:
        yield piece


def huge(size: int, content_type: str = "application/json") -> Answer:
    """A body of ``size`` bytes, announced by its Content-Length: a JSON array of zeros."""

    def pieces() -> Iterator[bytes]:
        yield b"[" + b"0," * (PIECE // 2 - 1) + b" "
        for _ in range(size // PIECE - 1):
            yield b"0," * (PIECE // 2)

    def write(out: BufferedIOBase) -> None:
        out.write(_head("200 OK", {"Content-Type": content_type, "Content-Length": str(size // PIECE * PIECE)}))
        _until_safety(pieces(), out)

    return Answer(raw=write)


def endless_chunks(content_type: str = "application/json") -> Answer:
    """A chunked body that never ends."""

    def write(out: BufferedIOBase) -> None:
        out.write(_head("200 OK", {"Content-Type": content_type, "Transfer-Encoding": "chunked"}))
        chunk = b"0," * (PIECE // 2)
        _until_safety(_forever(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n"), out)

    return Answer(raw=write)


def gzip_bomb(expanded: int, content_type: str = "application/json") -> Answer:
    """A small gzip body that decompresses to ``expanded`` bytes (about a thousand times its size)."""
    body = gzip.compress(b" " * expanded, compresslevel=9)
    return Answer(body, content_type=content_type, headers={"Content-Encoding": "gzip"})


def drip_headers(pause: float = 0.05) -> Answer:
    """A status line, then a header that never ends, a byte at a time."""

    def write(out: BufferedIOBase) -> None:
        out.write(b"HTTP/1.1 200 OK\r\nX-Drip: ")
        _until_safety(_forever(b"a"), out, pause)

    return Answer(raw=write)


def drip_body(pause: float = 0.05, size: int = 100_000) -> Answer:
    """Whole headers, then a body of ``size`` bytes a byte at a time: the body would take hours."""

    def write(out: BufferedIOBase) -> None:
        out.write(_head("200 OK", {"Content-Type": "application/json", "Content-Length": str(size)}))
        _until_safety(iter([b"[", *[b" "] * (size - 2), b"]"]), out, pause)

    return Answer(raw=write)


def redirect_with_endless_body(location: str) -> Answer:
    """A redirect whose body never ends: a client that reads a redirect's body never follows it."""

    def write(out: BufferedIOBase) -> None:
        out.write(_head("302 Found", {"Location": location, "Transfer-Encoding": "chunked"}))
        _until_safety(_forever(f"{PIECE:x}\r\n".encode() + b"x" * PIECE + b"\r\n"), out)

    return Answer(raw=write)


def deep_json(depth: int = 100_000) -> Answer:
    """JSON arrays nested ``depth`` deep: Python's json stops at about a thousand with a RecursionError."""
    return Answer(b"[" * depth + b"]" * depth)


def deep_xml(depth: int = 100_000) -> Answer:
    """XML elements nested ``depth`` deep."""
    return Answer(b"<a>" * depth + b"</a>" * depth, content_type="application/xml")


# Answers far larger than a test client's limit (64 KiB): 64 MiB sent, endless, 16 MiB from 16 kB.
TOO_LARGE: dict[str, Callable[[], Answer]] = {
    "huge": lambda: huge(64 << 20),
    "endless chunks": endless_chunks,
    "gzip bomb": lambda: gzip_bomb(16 << 20),
}
