"""The docs stay true: generated references are current, every command, setting and record field
is documented, and every command has help."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import click
import pytest

from reportedly import analysis_to_record
from reportedly.cli import cli
from reportedly.models import Analysis
from reportedly.settings import Settings

DOCS = Path(__file__).resolve().parents[1] / "docs"

if not DOCS.is_dir():  # pragma: no cover - docs arrive with the first release
    pytest.skip("docs/ not written yet", allow_module_level=True)


def commands(
    group: click.Group, prefix: tuple[str, ...] = ()
) -> list[tuple[tuple[str, ...], click.Command]]:
    out = []
    for name, command in sorted(group.commands.items()):
        out.append(((*prefix, name), command))
        if isinstance(command, click.Group):
            out += commands(command, (*prefix, name))
    return out


@pytest.mark.parametrize("name", ["cli.md", "settings.md"])
def test_generated_docs_are_current(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    cogapp = pytest.importorskip("cogapp")
    status = cogapp.Cog().main(["cog", "--check", str(DOCS / name)])
    assert status == 0, f"docs/{name} is stale: run `cog -r docs/{name}`\n{capsys.readouterr().out}"


def test_every_command_has_help_and_is_documented() -> None:
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    for path, command in commands(cli):
        assert command.help and command.help.strip(), path
        assert f"## reportedly {' '.join(path)}\n" in text, path


def test_every_option_has_help() -> None:
    missing = [
        f"{' '.join(path)} {param.opts[0]}"
        for path, command in commands(cli)
        for param in command.params
        if isinstance(param, click.Option) and not param.help
    ]
    assert missing == []


def test_every_setting_is_documented() -> None:
    text = (DOCS / "settings.md").read_text(encoding="utf-8")
    for f in dataclasses.fields(Settings):
        assert f"`{f.name}`" in text, f.name
        assert f"`REPORTEDLY_{f.name.upper()}`" in text, f.name


def test_every_record_field_is_documented(sample_analysis: Analysis) -> None:
    text = (DOCS / "record-format.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"`([a-z_]+)`", text))
    record = analysis_to_record(sample_analysis)
    fields = set(record) | set(record["article"])
    fields |= set(record["attributions"][0]) | set(record["events"][0])
    assert sorted(fields - documented) == []


def test_record_format_version_is_documented() -> None:
    from reportedly import RECORD_FORMAT_VERSION

    text = (DOCS / "record-format.md").read_text(encoding="utf-8")
    assert f"(version {RECORD_FORMAT_VERSION})" in text
