"""Output helpers shared by the commands: JSON lines, tables, readable records."""

from __future__ import annotations

import csv
import io
import json
import sys
import textwrap
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


def format_option(*choices: str, default: str = "text") -> Callable[[F], F]:
    """A ``--format`` option (sqlite-utils style shared option)."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(list(choices)),
        default=default,
        show_default=True,
        help="Output format.",
    )


def emit_json(obj: Any, *, pretty: bool) -> None:
    click.echo(json.dumps(obj, ensure_ascii=False, indent=2 if pretty else None))


def emit_rows(rows: Sequence[dict[str, Any]], columns: Sequence[str], fmt: str) -> None:
    """Rows as a text table, JSON list, JSON lines or CSV."""
    if fmt == "json":
        emit_json(list(rows), pretty=True)
    elif fmt == "jsonl":
        for row in rows:
            emit_json(row, pretty=False)
    elif fmt == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=list(columns), extrasaction="ignore")
        writer.writeheader()
        writer.writerows([{k: _cell(v) for k, v in r.items()} for r in rows])
        click.echo(buf.getvalue(), nl=False)
    else:
        click.echo(table(rows, columns))


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def table(rows: Iterable[dict[str, Any]], columns: Sequence[str], max_width: int = 60) -> str:
    """A plain text table, cells cut at ``max_width``."""
    cells = [[_cell(r.get(c)).replace("\n", " ") for c in columns] for r in rows]
    cells = [[c if len(c) <= max_width else c[: max_width - 1] + "…" for c in row] for row in cells]
    widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)) for row in cells]
    return "\n".join(lines)


def readable_record(record: dict[str, Any]) -> str:
    """A record as a person reads it: metadata, then who said what, entities and events."""
    art = record["article"]
    out = [f"# {art.get('title') or '(no title)'}", ""]
    for key in ("id", "outlet", "author", "url", "lang", "published"):
        if art.get(key):
            out.append(f"{key:>10}: {art[key]}")
    for d in art.get("dates", []):
        out.append(f"{'date':>10}: {d['value']} ({d['kind']}, from {d['origin']})")
    if art.get("meta"):
        out.append(f"{'meta':>10}: {json.dumps(art['meta'], ensure_ascii=False)}")
    for note in art.get("notes", []):
        out.append(f"{'note':>10}: {note}")
    out.append(f"{'input':>10}: {record.get('input')}")
    if art.get("lead"):
        out += ["", f"Lead: {art['lead']}"]
    out += ["", textwrap.shorten(art["text"], 600, placeholder=" …"), ""]
    if record.get("attributions"):
        out.append(f"## Attributions ({len(record['attributions'])})")
        for a in record["attributions"]:
            chain = " <- ".join(c["name"] for c in a.get("chain", []))
            source = a.get("source_text") or "(unnamed)"
            if a.get("source_entity_name") and a["source_entity_name"] != source:
                source += f" -> {a['source_entity_name']}"
            out.append(
                f"- [{a['kind']}] {source} / {a['cue_text']}: "
                f"{textwrap.shorten(a['content_text'], 160, placeholder=' …')}"
            )
            if chain:
                out.append(f"    chain: {chain}")
        out.append("")
    if record.get("entities"):
        names = [
            f"{e['name']} ({e['type']}{', ' + e['country'] if e.get('country') else ''})"
            for e in record["entities"]
        ]
        out += [f"## Entities ({len(names)})", "; ".join(names), ""]
    if record.get("events"):
        out.append(f"## Events ({len(record['events'])})")
        out += [_event_line(e) for e in record["events"]]
    return "\n".join(out).rstrip() + "\n"


def _names(arguments: list[dict[str, Any]]) -> str:
    return " & ".join(a.get("entity_name") or a["text"] for a in arguments) or "?"


def _event_line(e: dict[str, Any]) -> str:
    """One event as a line: type/mode, modality, who -> whom, trigger, date, and via whom."""
    line = f"- {e['type']}{'/' + e['mode'] if e.get('mode') else ''} [{e['modality']}] "
    line += _names(e.get("actors", []))
    if e.get("recipients"):
        line += f" -> {_names(e['recipients'])}"
    line += f" «{e['trigger_text']}»"
    detail = e.get("date_detail") or {}
    if e.get("date"):
        line += f" on {e['date']}" + (" (year inferred)" if detail.get("year_inferred") else "")
    if e.get("chain"):
        line += f"\n    via: {' <- '.join(c['name'] for c in e['chain'])}"
    return line


def err(message: str) -> None:
    click.echo(message, err=True)


def stderr_is_tty() -> bool:
    return sys.stderr.isatty()
