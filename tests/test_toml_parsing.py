"""Records are parsed by toml-rs where it is installed, by tomllib otherwise, with the same results.

toml-rs is asked for TOML 1.0; whatever it reads must be read by tomllib to the same values, of
the same types, in the same order, and whatever it refuses is read by tomllib, whose message
names the problem. Checked on toml-test's cases of what records hold (tests/fixtures/toml-test),
on every record of the test libraries, on records mutated at random, and with toml-rs missing.
"""

from __future__ import annotations

import datetime as dt
import math
import random
import subprocess
import sys
import textwrap
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
import toml_rs

from conftest import LIBRARY_TOML, RECORDS
from scholarcli.store import records
from scholarcli.store.records import parse_toml
from test_cache import EVERY_FIELD

TESTS = Path(__file__).resolve().parent
TOML_TEST = TESTS / "fixtures" / "toml-test"
CASES = sorted(TOML_TEST.rglob("*.toml"))
LIBRARIES = [TESTS.parent / "data", TESTS / "fixtures" / "hard"]
Parsed = tuple[dict[str, object] | None, str | None]


@pytest.fixture(autouse=True)
def toml_rs_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """toml-rs parses from the first text on (a process loads it only after a few texts)."""
    monkeypatch.setattr(records, "FAST_AFTER", 0)


def identical(one: object, other: object) -> bool:
    """Equal, of the same types all the way down, tables in the same order, floats to the sign."""
    if type(one) is not type(other):
        return False
    if isinstance(one, dict) and isinstance(other, dict):
        return list(one) == list(other) and all(identical(one[key], other[key]) for key in one)
    if isinstance(one, list) and isinstance(other, list):
        return len(one) == len(other) and all(identical(a, b) for a, b in zip(one, other, strict=True))
    if isinstance(one, float) and isinstance(other, float):
        same_sign = math.copysign(1, one) == math.copysign(1, other)
        return same_sign and (one == other or (math.isnan(one) and math.isnan(other)))
    if isinstance(one, dt.datetime | dt.time) and isinstance(other, dt.datetime | dt.time):
        return one == other and one.utcoffset() == other.utcoffset() and type(one.tzinfo) is type(other.tzinfo)
    return one == other


def by_tomllib(data: bytes) -> Parsed:
    """What scholar read before toml-rs: tomllib alone."""
    try:
        return tomllib.loads(data.decode("utf-8")), None
    except tomllib.TOMLDecodeError as error:
        return None, f"TOML syntax: {error}"
    except UnicodeDecodeError:
        return None, "TOML syntax: the file is not UTF-8 text"
    except RecursionError:
        return None, "TOML syntax: arrays or tables nested too deeply"


def by_toml_rs(text: str) -> dict[str, object] | None:
    try:
        return toml_rs.loads(text, toml_version="1.0.0")
    except toml_rs.TOMLDecodeError:
        return None


def assert_read_alike(data: bytes) -> None:
    expected = by_tomllib(data)
    got = parse_toml(data)
    assert got[1] == expected[1]
    assert identical(got[0], expected[0]), (got[0], expected[0])


def test_toml_rs_is_what_parses() -> None:
    assert records._fast_loads() is toml_rs.loads


@pytest.mark.parametrize("case", CASES, ids=[str(case.relative_to(TOML_TEST)) for case in CASES])
def test_toml_test_cases_read_as_tomllib_reads_them(case: Path) -> None:
    data = case.read_bytes()
    assert_read_alike(data)
    valid = case.relative_to(TOML_TEST).parts[0] == "valid"
    assert (by_tomllib(data)[0] is not None) == valid  # the cases are what toml-test says they are
    if valid and not data.startswith(b"\xef\xbb\xbf"):  # the parser itself, unguarded
        assert identical(by_toml_rs(data.decode()), by_tomllib(data)[0])
    elif not valid:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            return  # never handed to a parser
        assert by_toml_rs(text) is None


def library_texts() -> Iterator[str]:
    for library in LIBRARIES:
        for path in sorted(library.rglob("*.toml")):
            yield path.read_text(encoding="utf-8")
    yield LIBRARY_TOML
    for text in [*RECORDS.values(), *EVERY_FIELD.values()]:
        yield textwrap.dedent(text)


def test_every_record_of_the_test_libraries_reads_as_tomllib_reads_it() -> None:
    texts = list(library_texts())
    assert len(texts) > 60
    for text in texts:
        assert_read_alike(text.encode())
        assert identical(by_toml_rs(text), tomllib.loads(text))


# What a mutation inserts: the characters and words of TOML's syntax, and some it forbids.
PIECES = [*"\"'\\[]{}=,.#\n\r\t -_:+0123456789eEtfnuUxobTZé", '"""', "'''", "\\u00e9", "\\U0001F600"]
PIECES += ["\x00", "\x7f", "\ufeff", "true", "nan", "inf", "1979-05-27", "T07:32:00", "[[", "]]", "\\e", "\\x41"]


def mutated(texts: list[str], rng: random.Random) -> str:
    text = rng.choice(texts)
    for _ in range(rng.randint(1, 4)):
        at = rng.randrange(len(text) + 1)
        cut = rng.choice([0, 1, 2, 3])
        text = text[:at] + ("" if cut and rng.random() < 0.4 else rng.choice(PIECES)) + text[at + cut :]
    return text


def test_mutated_records_read_as_tomllib_reads_them() -> None:
    texts = list(library_texts())
    rng = random.Random(17)
    for _ in range(3000):
        assert_read_alike(mutated(texts, rng).encode())


def test_what_toml_rs_would_read_otherwise_is_left_to_tomllib() -> None:
    bom = "\ufeff" + 'type = "misc"\ntitle = "A"\n'
    assert by_toml_rs(bom) is not None  # toml-rs reads it, tomllib refuses it
    assert parse_toml(bom.encode()) == by_tomllib(bom.encode())
    assert parse_toml(bom.encode())[0] is None
    for depth in (records.FAST_BRACKETS, 600, 100_000):  # deep enough to crash toml-rs
        for deep in (f"tags = {'[' * depth}{']' * depth}\n", f"links = {'{a = ' * depth}1{'}' * depth}\n"):
            assert_read_alike(deep.encode())


@pytest.fixture
def without_toml_rs(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """As where toml-rs is not installed: importing it fails."""
    monkeypatch.setitem(sys.modules, "toml_rs", None)
    records._fast_loads.cache_clear()
    yield
    records._fast_loads.cache_clear()


def test_without_toml_rs_tomllib_reads_everything(without_toml_rs: None) -> None:
    assert records._fast_loads() is None
    for case in CASES:
        assert_read_alike(case.read_bytes())
    for text in library_texts():
        assert_read_alike(text.encode())


def test_a_process_that_parses_a_few_texts_leaves_toml_rs_unloaded() -> None:
    code = (
        "import sys; from scholarcli.store.records import FAST_AFTER, parse_toml\n"
        "for _ in range(FAST_AFTER): assert parse_toml(b'a = 1') == ({'a': 1}, None)\n"
        "print('toml_rs' in sys.modules)\n"
        "assert parse_toml(b'a = 1') == ({'a': 1}, None)\n"
        "print('toml_rs' in sys.modules)"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.split() == ["False", "True"]
