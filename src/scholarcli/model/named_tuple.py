"""``class Work(NamedTuple)`` without importing typing, which costs every command about 3 ms.

At run time the NamedTuple here makes what typing's would: a collections.namedtuple with the
annotated fields in order, their defaults, and the docstring, methods and properties of the
class body. Type checkers see typing.NamedTuple itself, and check these classes as usual.
The modules that use it also name typing only for type checkers (TYPE_CHECKING = False is
understood by mypy and pyright as True).
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import NamedTuple as NamedTuple
else:
    from collections import namedtuple

    class _Maker(type):
        def __new__(cls, name: str, bases: tuple[type, ...], body: dict[str, object]) -> type:
            if not bases:  # NamedTuple itself
                return super().__new__(cls, name, bases, body)
            if "__annotations__" not in body:  # Python 3.14 defers annotations without the import
                raise TypeError(f"{name}: declare its fields under `from __future__ import annotations`")
            fields = list(body["__annotations__"])  # the names, in the order written (as strings)
            defaults = [body[field] for field in fields if field in body]
            if fields[len(fields) - len(defaults) :] != [field for field in fields if field in body]:
                raise TypeError(f"{name}: a field without a default follows one with a default")
            made = namedtuple(name, fields, defaults=defaults, module=str(body["__module__"]))
            for attribute, value in body.items():
                if attribute not in fields and attribute not in ("__module__", "__qualname__"):
                    setattr(made, attribute, value)
            return made

    class NamedTuple(metaclass=_Maker):
        """Base of a named tuple class written with annotated fields, as typing.NamedTuple."""
