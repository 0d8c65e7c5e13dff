"""The user's settings for the public services: a contact email and API keys.

Read from the environment first (``SCHOLAR_CONTACT_EMAIL``, ``OPENALEX_API_KEY``,
``SEMANTIC_SCHOLAR_API_KEY``), then from ``config.toml`` in the platform's config directory::

    contact_email = "ada@example.org"   # sent in the User-Agent; Crossref's polite pool
    openalex_api_key = "..."            # OpenAlex's free API key
    semanticscholar_api_key = "..."     # Semantic Scholar's API key

The keys are the user's: they are never stored in the library, nor in the response cache.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from scholarcli.errors import ScholarError

CONTACT_ENV = "SCHOLAR_CONTACT_EMAIL"
OPENALEX_KEY_ENV = "OPENALEX_API_KEY"
SEMANTICSCHOLAR_KEY_ENV = "SEMANTIC_SCHOLAR_API_KEY"
CONFIG_ENV = "SCHOLAR_CONFIG"  # an explicit config file, e.g. for tests or a second profile
# setting -> the environment variable that overrides it
VARIABLES = {
    "contact_email": CONTACT_ENV,
    "openalex_api_key": OPENALEX_KEY_ENV,
    "semanticscholar_api_key": SEMANTICSCHOLAR_KEY_ENV,
}
KNOWN_KEYS = tuple(VARIABLES)


@dataclass(frozen=True)
class Config:
    """What the fetch code needs from the user; every value is optional."""

    contact_email: str | None = None
    openalex_api_key: str | None = None
    semanticscholar_api_key: str | None = None


def config_dir(env: Mapping[str, str] | None = None) -> Path:
    """The platform's directory for scholar's user settings."""
    env = os.environ if env is None else env
    if sys.platform == "win32":
        return Path(env.get("APPDATA") or Path.home() / "AppData" / "Roaming") / "scholar"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "scholar"
    return Path(env.get("XDG_CONFIG_HOME") or Path.home() / ".config") / "scholar"


def config_path(env: Mapping[str, str] | None = None) -> Path:
    """``$SCHOLAR_CONFIG``, else ``config.toml`` in :func:`config_dir`."""
    env = os.environ if env is None else env
    explicit = env.get(CONFIG_ENV)
    return Path(explicit) if explicit else config_dir(env) / "config.toml"


def _read_file(path: Path) -> dict[str, str]:
    import tomllib

    try:
        with path.open("rb") as handle:
            raw = tomllib.load(handle)
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as error:
        raise ScholarError(f"{path}: cannot read the settings: {error}") from None
    except tomllib.TOMLDecodeError as error:
        raise ScholarError(f"{path}: TOML syntax: {error}") from None
    values: dict[str, str] = {}
    for name, value in raw.items():
        if name not in KNOWN_KEYS:
            raise ScholarError(f"{path}: {name}: unknown setting (known: {', '.join(KNOWN_KEYS)})")
        if not isinstance(value, str):
            raise ScholarError(f"{path}: {name}: should be a string")
        values[name] = value.strip()
    return values


def load_config(env: Mapping[str, str] | None = None) -> Config:
    """The settings: environment variables win over the config file; blank values count as unset."""
    env = os.environ if env is None else env
    stored = _read_file(config_path(env))
    values = {
        name: (env.get(variable) or "").strip() or stored.get(name) or None for name, variable in VARIABLES.items()
    }
    return Config(**values)
