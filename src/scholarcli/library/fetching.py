"""What every command that reaches the network shares: one HTTP client, with the user's settings,
and what the services offer, for the commands' choices and messages.

Only the library layer imports scholarcli.fetch (the one package that loads the HTTP library), only in the
functions that fetch or describe the services, so that list and export never load either.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from scholarcli.fetch.http import Client
    from scholarcli.fetch.service import Service


def services() -> dict[str, Service]:
    """Every service scholar knows, by name (fetch/registry.py)."""
    from scholarcli.fetch.registry import services as declared

    return declared()


def citation_sources() -> tuple[str, ...]:
    """The services `refresh --citations --source` may ask, the default first."""
    from scholarcli.fetch.registry import offering

    return offering("citations")


def profile_sources() -> dict[str, str]:
    """The services `import` may read a person's works from, with their option's help."""
    from scholarcli.fetch.registry import offering

    return {name: services()[name].profile for name in offering("profile")}


def make_client(jobs: int | None = None, rate: float | None = None) -> Client:
    """A client with the user's contact address and keys (config.toml, environment) and the response cache.

    ``jobs`` and ``rate`` replace every service's own concurrency and requests a second.
    """
    from scholarcli.fetch.config import load_config
    from scholarcli.fetch.http import Client, declared_pacing
    from scholarcli.fetch.service import Pace

    config = load_config()
    pacing = {name: Pace(rate or pace.rate, jobs or pace.concurrency) for name, pace in declared_pacing(config).items()}
    return Client(config, pacing=pacing)


def beyond_limits(names: tuple[str, ...], jobs: int | None, rate: float | None) -> list[str]:
    """What ``--jobs``/``--rate`` ask beyond a service's documented limits, one line each (for a warning)."""
    from scholarcli.fetch.config import load_config

    config = load_config()
    lines = []
    for name in names:
        service = services()[name]
        pace = service.pace_for(config)
        if (jobs and jobs > pace.concurrency) or (rate and rate > pace.rate):
            lines.append(
                f"{service.shown} documents at most {pace.rate:g} requests a second and {pace.concurrency} at once;"
                " beyond that it may answer 429, which slows the run down"
            )
    return lines
