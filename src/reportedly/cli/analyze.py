"""``reportedly analyze``: inputs in, records out (and into the database)."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterator
from typing import Any

import click

from ..analyze import Skipped, analyze, make_run
from ..errors import ReportedlyError
from ..ingest.files import FORMATS
from ..ingest.raw import Failure
from ..models import Analysis
from ..record import analysis_to_record
from ..settings import Settings, load_settings
from .output import emit_json, err, readable_record

logger = logging.getLogger("reportedly.cli")


def _results(
    inputs: tuple[str, ...], settings: Settings, opts: dict[str, Any], store: Any, run_id: str
) -> Iterator[Analysis | Failure | Skipped]:
    skip = store is not None and not opts["force"]
    if settings.workers > 1:
        from ..scale import analyze_parallel

        return analyze_parallel(
            inputs,
            settings=settings,
            workers=settings.workers,
            input_format=opts["input_format"],
            url=opts["url"],
            skip_stored_in=settings.db_path if skip else None,
            run_id=run_id,
        )
    return analyze(
        inputs,
        settings=settings,
        input_format=opts["input_format"],
        url=opts["url"],
        is_stored=store.has_article if skip else None,
        run_id=run_id,
    )


class _Printer:
    """Writes records to stdout in the chosen format, streaming (a JSON array is opened lazily)."""

    def __init__(self, fmt: str) -> None:
        self.fmt, self.count = fmt, 0

    def record(self, record: dict[str, Any]) -> None:
        if self.fmt == "jsonl":
            emit_json(record, pretty=False)
        elif self.fmt == "json":
            click.echo("[" if self.count == 0 else ",")
            click.echo(json.dumps(record, ensure_ascii=False, indent=2))
        else:
            click.echo(("\n" if self.count else "") + readable_record(record), nl=False)
        self.count += 1

    def failure(self, failure: Failure) -> None:
        if self.fmt == "jsonl":  # keep one line per input for batch consumers
            emit_json(
                {"id": None, "input": failure.location, "error": failure.reason}, pretty=False
            )

    def close(self) -> None:
        if self.fmt == "json":
            click.echo("[]" if self.count == 0 else "]")


@click.command("analyze")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--url", help="The page's URL, for a single saved HTML or text file.")
@click.option(
    "--input-format",
    type=click.Choice(FORMATS),
    default="auto",
    show_default=True,
    help="How to read the inputs (auto: by suffix, then content).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "jsonl"]),
    default="text",
    show_default=True,
    help="Output: readable text, a JSON array, or JSON lines.",
)
@click.option("--db", "db_path", help="SQLite database (default reportedly.db).")
@click.option("--no-store", is_flag=True, help="Only print; do not store anything.")
@click.option("--force", is_flag=True, help="Recompute and replace articles already stored.")
@click.option("--workers", type=click.IntRange(1, 64), help="Worker processes for the NLP stage.")
@click.option(
    "--allow-private",
    is_flag=True,
    default=None,
    help="Allow fetching private, loopback and link-local addresses.",
)
@click.option("--model", help="spaCy model package to use.")
@click.option("--max-bytes", type=int, help="Largest input read, in bytes.")
@click.option(
    "--config", "config_file", type=click.Path(dir_okay=False), help="A reportedly.toml file."
)
@click.pass_context
def analyze_cmd(ctx: click.Context, /, inputs: tuple[str, ...], fmt: str, **opts: Any) -> None:
    """Analyse news pages: files, folders, globs, WARC, JSONL or URLs.

    Prints each record and stores it in the database. Inputs that fail are
    reported on stderr as "input: reason"; the rest go on, and the exit code is 1.

    Examples:

        reportedly analyze examples/charter97-xi-putin.txt

        reportedly analyze page.html --url https://example.org/story --format json

        reportedly analyze --input-format jsonl in.jsonl --format jsonl --no-store
    """
    try:
        settings = load_settings(
            opts.pop("config_file"),
            db_path=opts.pop("db_path"),
            workers=opts.pop("workers"),
            allow_private=opts.pop("allow_private"),
            model=opts.pop("model"),
            max_bytes=opts.pop("max_bytes"),
        )
    except ReportedlyError as e:
        raise click.ClickException(str(e)) from e
    failed = _run(ctx, inputs, fmt, settings, opts)
    if failed:
        err(f"{failed} input(s) failed")
        ctx.exit(1)


def _run(
    ctx: click.Context, inputs: tuple[str, ...], fmt: str, settings: Settings, opts: dict[str, Any]
) -> int:
    from ..store import open_store

    store = None if opts["no_store"] else open_store(settings.db_path)
    printer, failed = _Printer(fmt), 0
    try:
        run = make_run(settings)
        if store is not None:
            store.begin_run(run, settings.config_dict())
        results = _results(inputs, settings, opts, store, run.id)
        show_bar = not ctx.obj.get("quiet") and sys.stderr.isatty()
        with click.progressbar(
            results, label="analysing", file=sys.stderr, hidden=not show_bar
        ) as bar:
            for result in bar:
                failed += _handle(result, store, printer, opts["force"])
    except ReportedlyError as e:
        raise click.ClickException(str(e)) from e
    finally:
        printer.close()
        if store is not None:
            store.close()
    return failed


def _handle(
    result: Analysis | Failure | Skipped, store: Any, printer: _Printer, force: bool
) -> int:
    if isinstance(result, Failure):
        err(f"error: {result}")
        printer.failure(result)
        return 1
    if isinstance(result, Skipped):
        stored = store.get(result.article_id)
        logger.warning(
            "%s: already stored as %s (use --force to recompute)",
            result.location,
            result.article_id,
        )
        printer.record(analysis_to_record(stored, location=result.location))
        return 0
    if store is not None:
        try:
            store.save(result, replace=force)
        except ReportedlyError as e:
            err(f"error: {e}")
            return 1
    printer.record(analysis_to_record(result))
    return 0


COMMANDS = [analyze_cmd]
