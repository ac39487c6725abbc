"""``reportedly eval ...``: score the pipeline on gold sets and check pinned floors."""

from __future__ import annotations

from pathlib import Path

import click

from .output import emit_json


@click.group("eval")
def eval_group() -> None:
    """Measure quality on annotated data (and fail below pinned floors with --floors)."""


def _finish(report: dict[str, float], text: str, fmt: str, floors: str | None) -> None:
    from ..evaluation.gate import check_floors

    if fmt == "json":
        emit_json(report, pretty=True)
    else:
        click.echo(text)
    if floors:
        failures = check_floors(report, Path(floors))
        for line in failures:
            click.echo(f"below floor: {line}", err=True)
        if failures:
            raise SystemExit(1)
        click.echo(f"all floors in {floors} hold", err=True)


fmt_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output: a readable table or JSON.",
)
floors_option = click.option(
    "--floors",
    type=click.Path(exists=True, dir_okay=False),
    help="A floors JSON file; exit 1 if any metric falls below its floor.",
)


@eval_group.command("extraction")
@click.argument("folder", type=click.Path(exists=True, file_okay=False))
@fmt_option
@floors_option
def eval_extraction(folder: str, fmt: str, floors: str | None) -> None:
    """Score HTML extraction on FOLDER (ground-truth.json + html/*.html.gz).

    Example: reportedly eval extraction ../shared/data/extraction-dev
    """
    from ..evaluation.extraction import evaluate_extraction, format_report

    report = evaluate_extraction(Path(folder))
    _finish(report, format_report(report), fmt, floors)


@eval_group.command("lines")
@click.argument("lines_file", type=click.Path(exists=True, dir_okay=False))
@click.argument("truth_file", type=click.Path(exists=True, dir_okay=False))
@fmt_option
@floors_option
def eval_lines(lines_file: str, truth_file: str, fmt: str, floors: str | None) -> None:
    """Score the scraped-text body finder (line labels, and body F1 against ground truth).

    Example: reportedly eval lines ../shared/data/boilerplate-dev/scrapinghub-lines-dev.jsonl
    ../shared/data/extraction-dev/ground-truth.json
    """
    from ..evaluation.lines import evaluate_lines, format_report

    report = evaluate_lines(Path(lines_file), Path(truth_file))
    _finish(report, format_report(report), fmt, floors)


@eval_group.command("attribution")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--limit", type=click.IntRange(1), help="Only the first N documents.")
@fmt_option
@floors_option
def eval_attribution(gold: str, limit: int | None, fmt: str, floors: str | None) -> None:
    """Score attributions on a PolNeAR-style JSONL gold file.

    Example: reportedly eval attribution ../shared/data/attribution-dev/polnear-dev.jsonl
    """
    from ..evaluation.attribution import evaluate, format_report

    report = evaluate(Path(gold), limit=limit)
    _finish(report, format_report(report), fmt, floors)


@eval_group.command("events")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@fmt_option
@floors_option
def eval_events(gold: str, fmt: str, floors: str | None) -> None:
    """Score PLOVER event coding on a gold JSONL file laid out like events-dev.

    Example: reportedly eval events ../shared/data/events-dev/plover_gsr_dev.jsonl
    """
    from ..evaluation.events import evaluate, format_report

    report = evaluate(Path(gold))
    _finish(report, format_report(report), fmt, floors)


COMMANDS = [eval_group]
