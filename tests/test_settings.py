"""Settings: defaults < reportedly.toml < REPORTEDLY_* environment < explicit arguments."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from reportedly import ConfigError, Settings, load_settings
from reportedly.settings import SETTINGS_HELP


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No REPORTEDLY_* variables and no reportedly.toml in the working directory."""
    for name in SETTINGS_HELP:
        monkeypatch.delenv(f"REPORTEDLY_{name.upper()}", raising=False)
    monkeypatch.chdir(tmp_path)


def test_defaults() -> None:
    s = load_settings()
    assert s == Settings()
    assert (s.db_path, s.max_bytes, s.batch_size, s.workers) == ("reportedly.db", 20_000_000, 16, 1)
    assert s.allow_private is False
    assert s.english_only_stages is True


def test_every_setting_has_help() -> None:
    assert set(SETTINGS_HELP) == {f.name for f in dataclasses.fields(Settings)}
    assert all(len(h) > 10 for h in SETTINGS_HELP.values())


def test_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "reportedly.toml").write_text(
        '[reportedly]\nmax_bytes = 111\nbatch_size = 4\ndb_path = "toml.db"\n', encoding="utf-8"
    )
    assert load_settings().max_bytes == 111
    monkeypatch.setenv("REPORTEDLY_MAX_BYTES", "222")
    monkeypatch.setenv("REPORTEDLY_DB_PATH", "env.db")
    s = load_settings(max_bytes=333, db_path=None)  # None: a flag not given
    assert (s.max_bytes, s.db_path, s.batch_size) == (333, "env.db", 4)


def test_explicit_config_file(tmp_path: Path) -> None:
    config = tmp_path / "other.toml"
    config.write_text("[reportedly]\nallow_private = true\nfetch_timeout = 3\n", encoding="utf-8")
    s = load_settings(config)
    assert s.allow_private is True
    assert s.fetch_timeout == 3.0 and isinstance(s.fetch_timeout, float)


def test_toml_without_table_is_defaults(tmp_path: Path) -> None:
    config = tmp_path / "c.toml"
    config.write_text("[other]\nmax_bytes = 1\n", encoding="utf-8")
    assert load_settings(config) == Settings()


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1", True),
        ("true", True),
        ("YES", True),
        (" on ", True),
        ("0", False),
        ("off", False),
        ("No", False),
    ],
)
def test_bool_from_environment(monkeypatch: pytest.MonkeyPatch, value: str, expected: bool) -> None:
    monkeypatch.setenv("REPORTEDLY_ALLOW_PRIVATE", value)
    assert load_settings().allow_private is expected


def test_optional_string_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REPORTEDLY_MODEL", "en_core_web_md")
    assert load_settings().model == "en_core_web_md"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"max_bytes": "lots"}, "setting max_bytes: invalid value 'lots'"),
        ({"allow_private": "maybe"}, "setting allow_private: invalid value 'maybe'"),
        ({"fetch_timeout": "soon"}, "setting fetch_timeout: invalid value 'soon'"),
        ({"no_such_setting": 1}, "unknown setting 'no_such_setting'"),
    ],
)
def test_invalid_values(changes: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError) as info:
        load_settings(**changes)
    assert str(info.value) == message


def test_invalid_environment_value(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REPORTEDLY_WORKERS", "two")
    with pytest.raises(ConfigError, match="setting workers: invalid value 'two'"):
        load_settings()


def test_unknown_key_in_toml(tmp_path: Path) -> None:
    config = tmp_path / "c.toml"
    config.write_text("[reportedly]\nmax_byte = 5\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown setting 'max_byte'"):
        load_settings(config)


def test_broken_toml(tmp_path: Path) -> None:
    config = tmp_path / "c.toml"
    config.write_text("[reportedly\nmax_bytes = ", encoding="utf-8")
    with pytest.raises(ConfigError, match="c.toml: "):
        load_settings(config)


def test_missing_config_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as info:
        load_settings(tmp_path / "nope.toml")
    assert str(info.value) == f"{tmp_path / 'nope.toml'}: config file not found"


def test_replace_coerces_and_validates() -> None:
    s = Settings().replace(max_bytes="1000", allow_private="yes")
    assert (s.max_bytes, s.allow_private) == (1000, True)
    with pytest.raises(ConfigError):
        Settings().replace(bogus=1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.max_bytes = 5  # type: ignore[misc]


def test_boolean_for_an_integer_setting_is_refused(tmp_path: Path) -> None:
    config = tmp_path / "c.toml"
    config.write_text("[reportedly]\nmax_bytes = true\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="setting max_bytes: invalid value True"):
        load_settings(config)


def test_config_dict_holds_only_what_changes_results() -> None:
    base = Settings().config_dict()
    assert Settings(max_bytes=5, workers=3, db_path="x.db").config_dict() == base
    assert Settings(max_chars=5).config_dict() != base
    assert set(base) == {"model", "max_chars", "english_only_stages", "gazetteer_path"}
