"""What every command that reaches the network shares: one HTTP client, with the user's settings.

Only the library layer imports scholarcli.fetch (the one package that loads the HTTP library), only in the
functions that fetch, so that list and export never load either.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from scholarcli.fetch.http import Client


def make_client() -> Client:
    """A client with the user's contact address and keys (config.toml, environment) and the response cache."""
    from scholarcli.fetch.config import load_config
    from scholarcli.fetch.http import Client

    return Client(load_config())
