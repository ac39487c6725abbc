"""Commands that query attributions, entities and events: quotes, entities, entity, events, timeline."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import click

from ..analyze import analyze
from ..ingest.raw import Failure
from ..models import Analysis
from ..record import analysis_to_record
from ..settings import load_settings
from .browse import db_option, fmt_option, open_readonly
from .output import emit_rows, err


def _quote_rows(record: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for a in record["attributions"]:
        rows.append(
            {
                "article": record["article"]["id"],
                "kind": a["kind"],
                "source": a["source_text"],
                "speaker": a["source_entity_name"] or a["resolved_source_text"],
                "cue": a["cue_text"],
                "content": textwrap.shorten(a["content_text"], 120, placeholder=" …"),
                "chain": " <- ".join(c["name"] for c in a["chain"]),
                "span": a["content"],
            }
        )
    return rows


def _records_for(target: str, db_path: str) -> list[dict[str, Any]]:
    """Records of a stored article (by id) or of a file analysed now without storing."""
    if Path(target).exists() or "://" in target:
        records = []
        for result in analyze([target], settings=load_settings()):
            if isinstance(result, Failure):
                raise click.ClickException(str(result))
            if isinstance(result, Analysis):
                records.append(analysis_to_record(result))
        return records
    with open_readonly(db_path) as store:
        analysis = store.get(target)
    if analysis is None:
        raise click.ClickException(f"{target}: no such file or stored article")
    return [analysis_to_record(analysis)]


@click.command("quotes")
@click.argument("target")
@db_option
@fmt_option
def quotes_cmd(target: str, db_path: str, fmt: str) -> None:
    """Who said what in an article: a stored ID, or a FILE analysed now (not stored).

    Example: reportedly quotes examples/charter97-xi-putin.txt
    """
    rows = [row for record in _records_for(target, db_path) for row in _quote_rows(record)]
    columns = ["kind", "source", "speaker", "cue", "content", "chain"]
    emit_rows(rows, columns if fmt == "text" else ["article", *columns, "span"], fmt)


@click.command("entities")
@db_option
@fmt_option
@click.option("--type", "type_", help="Only this type (person, country, media_outlet, ...).")
@click.option(
    "--limit",
    type=click.IntRange(1),
    default=100,
    show_default=True,
    help="At most this many rows.",
)
def entities_cmd(db_path: str, fmt: str, type_: str | None, limit: int) -> None:
    """Entities mentioned in stored articles, most mentioned first.

    Example: reportedly entities --type person
    """
    with open_readonly(db_path) as store:
        rows = store.list_entities(type=type_, limit=limit)
    emit_rows(rows, ["id", "name", "type", "country", "mentions", "articles"], fmt)


def _one_entity(store: Any, name: str) -> Any:
    found = store.find_entities(name)
    if not found:
        raise click.ClickException(f"{name}: no such entity")
    if len(found) > 1:
        err(f"{len(found)} entities match {name!r}; showing {found[0].name} ({found[0].id})")
    return found[0]


@click.command("entity")
@click.argument("name_or_id")
@db_option
@fmt_option
def entity_cmd(name_or_id: str, db_path: str, fmt: str) -> None:
    """One entity: type, country, roles, and its mentions across articles.

    Example: reportedly entity "Xi Jinping"
    """
    with open_readonly(db_path) as store:
        entity = _one_entity(store, name_or_id)
        mentions = store.entity_mentions(entity.id)
    if fmt == "text":
        click.echo(f"{entity.name} [{entity.type}] country={entity.country or '?'} id={entity.id}")
        for role in entity.roles:
            click.echo(
                f"  role: {role.title} {role.code or ''} {role.start or '…'} – {role.end or '…'}"
            )
        if entity.aliases:
            click.echo(f"  aliases: {', '.join(entity.aliases[:12])}")
    emit_rows(mentions, ["article_id", "title", "published", "label", "start", "end", "text"], fmt)


@click.command("events")
@db_option
@fmt_option
@click.option("--actor", help="Actor: entity id or (part of) a name.")
@click.option("--type", "type_", help="PLOVER event type, e.g. CONSULT.")
@click.option("--since", help="Only events dated on or after this ISO date.")
@click.option(
    "--limit",
    type=click.IntRange(1),
    default=200,
    show_default=True,
    help="At most this many rows.",
)
def events_cmd(
    db_path: str, fmt: str, actor: str | None, type_: str | None, since: str | None, limit: int
) -> None:
    """PLOVER events in stored articles, by date.

    Example: reportedly events --actor Putin --type CONSULT --since 2024-01-01
    """
    with open_readonly(db_path) as store:
        rows = store.query_events(
            actor=actor, type=type_ and type_.upper(), since=since, limit=limit
        )
    columns = ["date", "type", "mode", "modality", "actors", "recipients", "trigger", "title"]
    emit_rows(rows, columns if fmt == "text" else [*columns, "id", "article_id", "sentence"], fmt)


@click.command("timeline")
@click.argument("entity")
@db_option
@fmt_option
def timeline_cmd(entity: str, db_path: str, fmt: str) -> None:
    """Events an entity takes part in (any role), in date order.

    Example: reportedly timeline "Vladimir Putin"
    """
    with open_readonly(db_path) as store:
        found = _one_entity(store, entity)
        rows = store.query_events(entity_id=found.id, limit=1000)
    columns = ["date", "type", "modality", "actors", "recipients", "trigger", "sentence"]
    emit_rows(rows, columns if fmt == "text" else [*columns, "id", "article_id"], fmt)


COMMANDS = [quotes_cmd, entities_cmd, entity_cmd, events_cmd, timeline_cmd]
