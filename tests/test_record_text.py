"""A record's text is written as tomli-w writes it, byte for byte: every record of the test
libraries, and works with every kind of character, key and value a record may hold."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import tomli_w

from scholarcli.index import load
from scholarcli.model import Work
from scholarcli.store.records import record_text

TESTS = Path(__file__).resolve().parent
LIBRARIES = [TESTS.parent / "data", TESTS / "fixtures" / "hard"]
# Characters a string may hold: every ASCII control, the quote and backslash, tab, non-ASCII.
CHARACTERS = [chr(code) for code in range(128)] + ["é", "Ø", "\u2028", "\u202e", "😀", "\ufeff", "\x80", "\x9b"]


def by_tomli_w(work: Work) -> str:
    return tomli_w.dumps(work.to_record())


def test_every_work_of_the_test_libraries_is_written_as_tomli_w_writes_it() -> None:
    works = [work for library in LIBRARIES for work in load(library, use_cache=False).works]
    assert len(works) > 50
    for work in works:
        assert record_text(work) == by_tomli_w(work), work.key


def text(rng: random.Random) -> str:
    return "".join(rng.choice(CHARACTERS) for _ in range(rng.randint(0, 12)))


def random_work(rng: random.Random) -> Work:
    def maybe(value: object) -> object:
        return value if rng.random() < 0.6 else Work._field_defaults[name]

    values: dict[str, object] = {}
    for name, default in Work._field_defaults.items():
        if name in ("type", "title"):  # given below
            continue
        if isinstance(default, tuple):
            values[name] = maybe(tuple(text(rng) for _ in range(rng.randint(0, 3))))
        elif isinstance(default, bool):
            values[name] = rng.random() < 0.5
        elif isinstance(default, dict):
            keys = ["code", "pdf", "a b", "", "x.y", "ü", 'q"', "k\x01", text(rng)]

            names = name == "marks"  # lists of names, sometimes empty; the other tables hold text

            def item(names: bool = names) -> object:
                return tuple(text(rng) for _ in range(rng.randint(0, 3))) if names else text(rng)

            values[name] = maybe({rng.choice(keys): item() for _ in range(rng.randint(0, 3))})
        elif name.endswith("_date"):
            values[name] = maybe(dt.date(rng.randint(1, 9999), rng.randint(1, 12), rng.randint(1, 28)))
        elif name in ("year", "month", "day"):
            values[name] = maybe(rng.randint(-5, 3000))
        else:
            values[name] = maybe(text(rng))
    return Work(key="k", type=text(rng), title=text(rng), **values)  # type: ignore[arg-type]


def test_works_with_any_text_are_written_as_tomli_w_writes_them() -> None:
    rng = random.Random(17)
    for _ in range(3000):
        work = random_work(rng)
        assert record_text(work) == by_tomli_w(work), work


def test_what_no_record_holds_is_left_to_tomli_w() -> None:
    odd = Work(key="k", type="misc", title="T", links={"a": {"nested": "table"}}, tags=[1, 2])  # type: ignore[arg-type,dict-item]
    assert record_text(odd) == by_tomli_w(odd)
    assert record_text(Work(key="k", type="", title="")) == by_tomli_w(Work(key="k", type="", title=""))
