"""Fetching at scale: requests, seconds, 429s and peak memory of `refresh --citations`, `refresh` and
`import --orcid`, against a local server that answers like the services, a given latency away.

    python benchmarks/fetch.py                          # 100 and 1,000 works, this code and the old
    python benchmarks/fetch.py --sizes 100 1000 10000 --old-sizes 100 1000
    python benchmarks/fetch.py --old REV                # the one-at-a-time code to compare (default 060108f)

The server answers any identifier with a synthetic work (a count derived from the DOI; about one
DOI in 143 unknown to it, as some are to every service) in each service's real shapes: OpenAlex
(``/works/doi:X`` and ``/works?filter=doi:A|B``, a title search), Semantic Scholar
(``/graph/v1/paper/DOI:X`` and ``POST /graph/v1/paper/batch``), Crossref (``/works/X`` and
``/works?filter=doi:A,doi:B``), ORCID (person, works, bulk works) and arXiv (``id_list``). Each
answer takes ``--latency`` seconds plus 1 ms for each work it holds, and the server enforces a rate
limit as the services do: 10 requests a second (a bucket refilled evenly), 5 at once, 429 with
``Retry-After: 1`` beyond. Every run starts with an empty response cache; each command is a whole
process (the installed Python with PYTHONPATH at the code measured), and its peak memory is the
process's maximum resident set.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import parse_qsl, unquote, urlsplit

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent
OLD = "060108f"  # the last commit that asked for one work a request
ORCID_ID = "0000-0002-1825-0097"


def count_of(doi: str) -> int | None:
    """The synthetic count of a DOI; None for the DOIs the services do not know (1 in 143)."""
    digest = int(hashlib.sha256(doi.lower().encode()).hexdigest()[:12], 16)
    return None if digest % 143 == 0 else digest % 5000


def crossref_message(doi: str) -> dict[str, Any]:
    number = doi.rsplit("/", 1)[-1]
    return {
        "DOI": doi,
        "type": "journal-article",
        "title": [f"A synthetic work {number}"],
        "author": [{"given": "Ada", "family": "Lovelace"}, {"given": "Charles", "family": "Babbage"}],
        "container-title": ["Journal of Synthetic Results"],
        "issued": {"date-parts": [[2020, 1, 1]]},
        "volume": "7",
        "publisher": "Synthetic Press",
        "is-referenced-by-count": count_of(doi) or 0,
    }


def openalex_work(doi: str) -> dict[str, Any]:
    return {
        "id": f"https://openalex.org/W{abs(hash(doi)) % 10**9}",
        "doi": f"https://doi.org/{doi}",
        "cited_by_count": count_of(doi),
    }


def s2_paper(doi: str) -> dict[str, Any]:
    return {
        "paperId": hashlib.sha1(doi.encode()).hexdigest(),
        "externalIds": {"DOI": doi},
        "citationCount": count_of(doi),
    }


def orcid_summary(code: int) -> dict[str, Any]:
    doi = {"external-id-type": "doi", "external-id-value": f"10.5555/orcid.{code}", "external-id-relationship": "self"}
    return {
        "put-code": code,
        "type": "journal-article",
        "title": {"title": {"value": f"An ORCID work {code}"}},
        "journal-title": {"value": "Journal of Synthetic Results"},
        "external-ids": {"external-id": [doi]},
        "publication-date": {"year": {"value": "2021"}},
        "display-index": "1",
    }


def orcid_work(code: int) -> dict[str, Any]:
    names = ("Ada Lovelace", "Charles Babbage")
    contributors = [
        {"credit-name": {"value": name}, "contributor-attributes": {"contributor-role": "author"}} for name in names
    ]
    return {**orcid_summary(code), "contributors": {"contributor": contributors}}


class Limiter:
    """10 requests a second (a bucket of 10, refilled evenly) and 5 at once; counts what it saw."""

    def __init__(self, rate: float, at_once: int) -> None:
        self.rate, self.at_once = rate, at_once
        self.tokens, self.when, self.running = rate, time.monotonic(), 0
        self.requests = self.refused = 0
        self.lock = threading.Lock()

    def enter(self) -> bool:
        with self.lock:
            self.requests += 1
            now = time.monotonic()
            self.tokens = min(self.rate, self.tokens + (now - self.when) * self.rate)
            self.when = now
            if self.tokens < 1 or self.running >= self.at_once:
                self.refused += 1
                return False
            self.tokens -= 1
            self.running += 1
            return True

    def leave(self) -> None:
        with self.lock:
            self.running -= 1


class Server:
    latency = 0.1
    limiter = Limiter(10, 5)

    @classmethod
    def answer(cls, method: str, path: str, query: dict[str, str], body: bytes) -> tuple[int, Any, int]:
        """(status, JSON or text, works held) for a request."""
        service, _, rest = path.lstrip("/").partition("/")
        if service == "openalex":
            return cls.openalex(rest, query)
        if service == "semanticscholar":
            return cls.semanticscholar(rest, body)
        if service == "crossref":
            return cls.crossref(rest, query)
        if service == "orcid":
            return cls.orcid(rest)
        if service == "arxiv":
            return 200, cls.arxiv(query), len(query.get("id_list", "").split(","))
        return 404, {"error": "no such service"}, 0

    @staticmethod
    def openalex(rest: str, query: dict[str, str]) -> tuple[int, Any, int]:
        if rest.startswith("works/doi:"):
            doi = rest[len("works/doi:") :]
            return (200, openalex_work(doi), 1) if count_of(doi) is not None else (404, {"error": "Not Found"}, 0)
        filter_ = query.get("filter", "")
        if filter_.startswith("doi:"):
            results = [openalex_work(doi) for doi in filter_[4:].split("|") if count_of(doi) is not None]
            return 200, {"meta": {"count": len(results)}, "results": results}, len(results)
        return 200, {"meta": {"count": 0}, "results": []}, 0  # a title search that finds nothing

    @staticmethod
    def semanticscholar(rest: str, body: bytes) -> tuple[int, Any, int]:
        if rest == "graph/v1/paper/batch":
            ids = json.loads(body or b"{}").get("ids", [])
            papers = [s2_paper(i[4:]) if i.startswith("DOI:") and count_of(i[4:]) is not None else None for i in ids]
            return 200, papers, len(ids)
        doi = rest.removeprefix("graph/v1/paper/DOI:")
        if doi != rest and count_of(doi) is not None:
            return 200, s2_paper(doi), 1
        return 404, {"error": "Paper not found"}, 0

    @staticmethod
    def crossref(rest: str, query: dict[str, str]) -> tuple[int, Any, int]:
        if rest == "works":
            dois = [part[4:] for part in query.get("filter", "").split(",") if part.startswith("doi:")]
            items = [crossref_message(doi) for doi in dois if count_of(doi) is not None]
            return 200, {"status": "ok", "message-type": "work-list", "message": {"items": items}}, len(items)
        doi = rest.removeprefix("works/")
        if count_of(doi) is None:
            return 404, "Resource not found.", 0
        return 200, {"status": "ok", "message-type": "work", "message": crossref_message(doi)}, 1

    @staticmethod
    def orcid(rest: str) -> tuple[int, Any, int]:
        parts = rest.split("/")  # v3.0, iD, person | works | works/codes
        if parts[2] == "person":
            return 200, {"name": {"given-names": {"value": "Ada"}, "family-name": {"value": "Lovelace"}}}, 0
        if len(parts) == 3:
            groups = [{"work-summary": [orcid_summary(code)]} for code in range(1, Server.orcid_works + 1)]
            return 200, {"group": groups}, len(groups)
        codes = [int(code) for code in parts[3].split(",")]
        return 200, {"bulk": [{"work": orcid_work(code)} for code in codes]}, len(codes)

    orcid_works = 300

    @staticmethod
    def arxiv(query: dict[str, str]) -> str:
        entries = "".join(
            f"<entry><id>http://arxiv.org/abs/{ident}v1</id><title>An arXiv work {ident}</title>"
            f"<published>2021-01-01T00:00:00Z</published><author><name>Ada Lovelace</name></author>"
            f"<summary>Synthetic.</summary></entry>"
            for ident in query.get("id_list", "").split(",")
            if ident
        )
        return f'<feed xmlns="http://www.w3.org/2005/Atom">{entries}</feed>'


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        if not Server.limiter.enter():
            self._send(429, {"error": "Rate limit exceeded"}, {"Retry-After": "1"})
            return
        try:
            parts = urlsplit(self.path)
            status, data, works = Server.answer(self.command, unquote(parts.path), dict(parse_qsl(parts.query)), body)
            time.sleep(Server.latency + works / 1000)
        finally:
            Server.limiter.leave()  # before the answer goes out: a client's next request may follow at once
        self._send(status, data)

    def _send(self, status: int, data: Any, headers: dict[str, str] | None = None) -> None:
        text = data if isinstance(data, str) else json.dumps(data)
        raw = text.encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/atom+xml" if text.startswith("<feed") else "application/json")
        self.send_header("Content-Length", str(len(raw)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(raw)

    def log_message(self, *_: object) -> None:
        pass


def write_library(root: Path, size: int) -> None:
    (root / "publications").mkdir(parents=True)
    (root / "library.toml").write_text('schema = 1\n\n[[people]]\nname = "Ada Lovelace"\n', encoding="utf-8")
    for n in range(size):
        text = (
            f'type = "article"\ntitle = "A synthetic work {n:05}"\nauthors = ["Ada Lovelace"]\n'
            f'venue = "Journal of Synthetic Results"\nyear = 2020\ndoi = "10.5555/bench.{n:05}"\n'
        )
        (root / "publications" / f"work{n:05}.toml").write_text(text, encoding="utf-8")


class Measured(NamedTuple):
    requests: int
    refused: int
    seconds: float
    peak_mib: float
    status: int


def run(code: Path, base: str, args: list[str], work: Path) -> Measured:
    """One command as a whole process of the code at ``code``, with an empty response cache."""
    cache = work / "cache"
    shutil.rmtree(cache, ignore_errors=True)
    names = ("doi", "crossref", "arxiv", "dblp", "orcid", "openalex", "semanticscholar")
    env = dict(
        os.environ,
        PYTHONPATH=str(code / "src"),
        SCHOLAR_CACHE_DIR=str(cache),
        SCHOLAR_CONFIG=str(work / "no-config.toml"),
        XDG_DATA_HOME=str(work / "data"),
    )
    env |= {f"SCHOLAR_{name.upper()}_URL": f"{base}/{name}" for name in names}
    for variable in ("SCHOLAR_CONTACT_EMAIL", "OPENALEX_API_KEY", "SEMANTIC_SCHOLAR_API_KEY"):
        env.pop(variable, None)
    Server.limiter.requests = Server.limiter.refused = 0
    started = time.monotonic()
    process = subprocess.Popen(
        [sys.executable, "-m", "scholarcli", *args],
        env=env,
        cwd=work,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.monotonic() - started
    process.stderr.close() if process.stderr else None
    return Measured(
        Server.limiter.requests,
        Server.limiter.refused,
        seconds,
        usage.ru_maxrss / 1024,
        os.waitstatus_to_exitcode(status),
    )


def old_checkout(rev: str, into: Path) -> Path:
    """The code at ``rev`` in a folder of its own (git worktree), for the one-at-a-time figures."""
    subprocess.run(
        ["git", "-C", str(PROJECT), "worktree", "add", "--detach", str(into), rev], check=True, capture_output=True
    )
    return into


OPERATIONS = {
    # name: (arguments after -L LIB, how many works the library holds: the size, or a fixed number)
    "refresh --citations (OpenAlex)": (["refresh", "--citations"], None),
    "refresh --citations --source semanticscholar": (["refresh", "--citations", "--source", "semanticscholar"], None),
    "refresh (metadata, Crossref)": (["refresh"], 200),
    "import --orcid": (["import", "--orcid", ORCID_ID], 0),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--old-sizes", type=int, nargs="*", default=None, help="default: the same as --sizes")
    parser.add_argument("--old", default=OLD, help="the revision of the one-at-a-time code")
    parser.add_argument("--latency", type=float, default=0.1)
    parser.add_argument("--only", nargs="*", default=None, help="operation names to run (substrings)")
    options = parser.parse_args()
    Server.latency = options.latency
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    old_sizes = options.sizes if options.old_sizes is None else options.old_sizes
    print(
        f"# {os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}; latency {options.latency * 1000:g} ms "
        f"+ 1 ms a work; server limit 10 requests a second, 5 at once"
    )
    print("| operation | works | code | requests | 429s | seconds | peak MiB | exit |")
    print("|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory(prefix="scholar-fetch-bench-") as temporary:
        place = Path(temporary)
        old = old_checkout(options.old, place / "old")
        try:
            for name, (args, fixed) in OPERATIONS.items():
                if options.only and not any(part in name for part in options.only):
                    continue
                sizes = [fixed] if fixed is not None else options.sizes
                for size in sizes:
                    library = place / f"lib-{size}"
                    if not library.exists():
                        write_library(library, size)
                    for label, code in (("batched", PROJECT), (f"one at a time ({options.old})", old)):
                        if "one at a time" in label and fixed is None and size not in old_sizes:
                            continue
                        work = place / "work"
                        work.mkdir(exist_ok=True)
                        target = place / f"import-{label[:3]}" if fixed == 0 else library
                        if fixed == 0:
                            shutil.rmtree(target, ignore_errors=True)
                            write_library(target, 0)
                        measured = run(code, base, ["-L", str(target), *args], work)
                        shown = Server.orcid_works if fixed == 0 else size
                        print(
                            f"| `{name}` | {shown:,} | {label} | {measured.requests:,} | {measured.refused:,} | "
                            f"{measured.seconds:.1f} | {measured.peak_mib:.0f} | {measured.status} |",
                            flush=True,
                        )
        finally:
            subprocess.run(
                ["git", "-C", str(PROJECT), "worktree", "remove", "--force", str(old)], check=False, capture_output=True
            )
    server.shutdown()


if __name__ == "__main__":
    main()
