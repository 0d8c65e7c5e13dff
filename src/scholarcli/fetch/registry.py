"""Every service scholar knows: the modules of fetch/services/, each declaring its ``SERVICE``.

Adding a service is writing one module there (see CONTRIBUTING.md, "Adding a service"); nothing
else names it. The modules are imported when the registry is first asked, never when scholar
starts: only the commands that fetch ask (through the library layer), so ``list`` and ``export``
load none of this.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
from types import ModuleType

import scholarcli.fetch.services
from scholarcli.fetch.service import LOOKUPS, Lookup, Service


@functools.cache
def _modules() -> dict[str, ModuleType]:
    found: dict[str, ModuleType] = {}
    for info in pkgutil.iter_modules(scholarcli.fetch.services.__path__):
        module = importlib.import_module(f"scholarcli.fetch.services.{info.name}")
        declared = getattr(module, "SERVICE", None)
        if isinstance(declared, Service):
            _check(declared, module, found)
            found[declared.name] = module
    return dict(sorted(found.items(), key=lambda item: (item[1].SERVICE.order, item[0])))


def _check(service: Service, module: ModuleType, found: dict[str, ModuleType]) -> None:
    """A declaration the rest can rely on: a unique name, and the function of each lookup it names."""
    if service.name in found:
        raise AssertionError(f"two services named {service.name}: {found[service.name].__name__}, {module.__name__}")
    for lookup in service.looks_up:
        function = LOOKUPS[lookup][1]
        if not callable(getattr(module, function, None)):
            raise AssertionError(f"{module.__name__} declares {lookup} lookups but defines no {function}()")


def services() -> dict[str, Service]:
    """Every service by name, in the order choices list them."""
    return {name: module.SERVICE for name, module in _modules().items()}


def module(name: str) -> ModuleType:
    """The module of a service (KeyError for a name no module declares)."""
    return _modules()[name]


def service(name: str) -> Service:
    return module(name).SERVICE  # type: ignore[no-any-return]


def offering(lookup: Lookup) -> tuple[str, ...]:
    """The names of the services that can do a lookup, in order."""
    return tuple(name for name, found in services().items() if found.can(lookup))


def shown(name: str) -> str:
    """The name messages give a service ("Crossref", "arXiv"); the name itself for one not declared."""
    found = _modules().get(name)
    return found.SERVICE.shown if found is not None else name
