"""``reportedly list | show | search``: what the database holds."""

from __future__ import annotations

import click

from ..errors import ReportedlyError
from ..record import analysis_to_record
from .output import emit_json, emit_rows, readable_record

db_option = click.option(
    "--db",
    "db_path",
    default="reportedly.db",
    show_default=True,
    type=click.Path(dir_okay=False),
    help="SQLite database.",
)
fmt_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "jsonl", "csv"]),
    default="text",
    show_default=True,
    help="Output format.",
)


def open_readonly(db_path: str):  # type: ignore[no-untyped-def]
    from ..store import open_store

    try:
        return open_store(db_path, read_only=True)
    except ReportedlyError as e:
        raise click.ClickException(str(e)) from e


@click.command("list")
@db_option
@fmt_option
@click.option(
    "--limit", type=click.IntRange(1), default=50, show_default=True, help="At most this many rows."
)
@click.option("--offset", type=click.IntRange(0), default=0, help="Skip this many rows first.")
def list_cmd(db_path: str, fmt: str, limit: int, offset: int) -> None:
    """List stored articles, newest first.

    Example: reportedly list --format csv
    """
    with open_readonly(db_path) as store:
        rows = store.list_articles(limit=limit, offset=offset)
    emit_rows(rows, ["id", "title", "outlet", "published", "lang", "attributions", "events"], fmt)


@click.command("show")
@click.argument("article_id")
@db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output: the readable record or its JSON.",
)
def show_cmd(article_id: str, db_path: str, fmt: str) -> None:
    """Show one stored article's whole record (ID or a unique prefix of it).

    Example: reportedly show 3f1c
    """
    with open_readonly(db_path) as store:
        analysis = store.get(article_id)
    if analysis is None:
        raise click.ClickException(f"{article_id}: no such article (or the prefix is ambiguous)")
    record = analysis_to_record(analysis)
    if fmt == "json":
        emit_json(record, pretty=True)
    else:
        click.echo(readable_record(record), nl=False)


@click.command("search")
@click.argument("query")
@db_option
@fmt_option
@click.option(
    "--limit",
    type=click.IntRange(1),
    default=20,
    show_default=True,
    help="At most this many results.",
)
@click.option(
    "--raw", is_flag=True, help="Pass QUERY to SQLite FTS5 as is (AND, OR, NEAR, prefix*)."
)
def search_cmd(query: str, db_path: str, fmt: str, limit: int, raw: bool) -> None:
    """Full-text search over stored articles.

    Example: reportedly search "multipolar world"
    """
    with open_readonly(db_path) as store:
        try:
            rows = store.search(query, limit=limit, raw=raw)
        except ReportedlyError as e:
            raise click.ClickException(str(e)) from e
    emit_rows(rows, ["id", "title", "outlet", "snippet"], fmt)


COMMANDS = [list_cmd, show_cmd, search_cmd]
