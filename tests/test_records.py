"""records.NamedTuple makes the classes typing.NamedTuple makes, without importing typing."""

from __future__ import annotations

import pickle
import typing

import pytest

from scholarcli.errors import Problem
from scholarcli.model import Settings, Work
from scholarcli.model.named_tuple import NamedTuple


class Light(NamedTuple):
    """A point, with a label."""

    x: int
    y: int = 0
    label: str = "origin"

    def norm(self) -> int:
        return abs(self.x) + abs(self.y)

    @property
    def shouted(self) -> str:
        return self.label.upper()


class Typed(typing.NamedTuple):
    """A point, with a label."""

    x: int
    y: int = 0
    label: str = "origin"

    def norm(self) -> int:
        return abs(self.x) + abs(self.y)

    @property
    def shouted(self) -> str:
        return self.label.upper()


def test_a_light_named_tuple_behaves_as_typings() -> None:
    light, typed = Light(3, -4), Typed(3, -4)
    assert (Light._fields, Light._field_defaults) == (Typed._fields, Typed._field_defaults)
    assert Light.__doc__ == Typed.__doc__
    assert (Light.__name__, Light.__qualname__, Light.__module__) == ("Light", "Light", __name__)
    assert tuple(light) == tuple(typed) == (3, -4, "origin")
    assert repr(light) == repr(typed).replace("Typed", "Light")
    assert (light.norm(), light.shouted) == (typed.norm(), typed.shouted) == (7, "ORIGIN")
    assert light._replace(label="p") == Light(3, -4, "p")
    assert Light._make((1, 2, "q")) == Light(x=1, y=2, label="q")
    assert pickle.loads(pickle.dumps(light)) == light
    assert type(pickle.loads(pickle.dumps(light))) is Light
    with pytest.raises(AttributeError):
        light.x = 5  # type: ignore[misc]


def test_a_field_without_default_after_one_with_is_refused() -> None:
    with pytest.raises(TypeError, match="without a default follows"):

        class Broken(NamedTuple):
            x: int = 0
            y: int  # type: ignore[misc]


def test_the_models_types_are_light_named_tuples() -> None:
    for made in (Work, Settings, Problem):
        assert issubclass(made, tuple)
        assert made.__module__.startswith("scholarcli.")
    assert Work._fields[:3] == ("key", "type", "title")
    assert Work(key="k", type="misc", title="T").authors == ()
    assert str(Problem("a.toml", "title", "should be a string")) == "a.toml: title: should be a string"
