"""Models <-> table rows. Shared by every store backend, so SQLite and PostgreSQL agree."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from ..models import (
    Analysis,
    Article,
    Attribution,
    ChainLink,
    Entity,
    Event,
    EventArgument,
    EventDate,
    Mention,
    PageDate,
    Role,
    Source,
    TextSpan,
    to_dict,
)

Row = dict[str, Any]


def _span_cols(prefix: str, span: TextSpan | None, *, with_text: bool = True) -> Row:
    row: Row = {
        f"{prefix}_start": span.start if span else None,
        f"{prefix}_end": span.end if span else None,
    }
    if with_text:
        row[f"{prefix}_text"] = span.text if span else None
    return row


def _span(text: str, start: int | None, end: int | None) -> TextSpan | None:
    return None if start is None or end is None else TextSpan.of(text, start, end)


def article_row(article: Article, run_id: str | None) -> Row:
    src = article.source
    return {
        "id": article.id,
        "run_id": run_id,
        "text": article.text,
        "title": article.title,
        "url": article.url,
        "outlet": article.outlet,
        "outlet_origin": article.outlet_origin,
        "author": article.author,
        "lang": article.lang,
        "published": article.published,
        "source_kind": src.kind if src else None,
        "source_location": src.location if src else None,
        "record_id": src.record_id if src else None,
        "fetched_at": src.fetched_at if src else None,
        **_span_cols("title", article.title_span, with_text=False),
        **_span_cols("lead", article.lead_span, with_text=False),
        **_span_cols("body", article.body_span, with_text=False),
        "meta": json.dumps(article.meta, ensure_ascii=False, sort_keys=True),
        "notes": json.dumps(list(article.notes), ensure_ascii=False),
        "extractor": article.extractor,
        "stored_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
    }


def date_rows(article: Article) -> Iterator[Row]:
    for i, d in enumerate(article.dates):
        yield {
            "article_id": article.id,
            "position": i,
            "value": d.value,
            "kind": d.kind,
            "origin": d.origin,
            "raw": d.raw,
            "start": d.span.start if d.span else None,
            "end": d.span.end if d.span else None,
        }


def entity_row(entity: Entity) -> Row:
    return {
        "id": entity.id,
        "name": entity.name,
        "type": entity.type,
        "country": entity.country,
        "roles": json.dumps(to_dict(entity.roles), ensure_ascii=False),
        "aliases": json.dumps(list(entity.aliases), ensure_ascii=False),
        "origin": entity.origin,
    }


def mention_row(m: Mention, run_id: str | None) -> Row:
    return {
        "id": m.id,
        "article_id": m.article_id,
        "run_id": run_id,
        "label": m.label,
        "start": m.span.start,
        "end": m.span.end,
        "text": m.span.text,
        "entity_id": m.entity_id,
        "extractor": m.extractor,
    }


def attribution_row(a: Attribution, run_id: str | None) -> Row:
    return {
        "id": a.id,
        "article_id": a.article_id,
        "run_id": run_id,
        "kind": a.kind,
        **_span_cols("content", a.content),
        **_span_cols("cue", a.cue),
        **_span_cols("source", a.source),
        "content_frags": json.dumps([f.to_list() for f in a.content_frags]),
        "source_entity_id": a.source_entity_id,
        **_span_cols("resolved", a.resolved_source),
        "parent_id": a.parent_id,
        "confidence": a.confidence,
        "extractor": a.extractor,
    }


def chain_rows(a: Attribution) -> Iterator[Row]:
    for i, link in enumerate(a.chain):
        yield {
            "attribution_id": a.id,
            "position": i,
            "name": link.name,
            "start": link.span.start if link.span else None,
            "end": link.span.end if link.span else None,
            "text": link.span.text if link.span else None,
            "entity_id": link.entity_id,
            "origin": link.origin,
            "via_attribution_id": link.attribution_id,
        }


def event_row(e: Event, run_id: str | None) -> Row:
    return {
        "id": e.id,
        "article_id": e.article_id,
        "run_id": run_id,
        "type": e.type,
        "mode": e.mode,
        **_span_cols("trigger", e.trigger),
        **_span_cols("sentence", e.sentence, with_text=False),
        "date_value": e.date.value if e.date else None,
        "date": json.dumps(to_dict(e.date), ensure_ascii=False) if e.date else None,
        "modality": e.modality,
        "claimed_by": e.claimed_by,
        "chain": json.dumps(to_dict(e.chain), ensure_ascii=False),
        "confidence": e.confidence,
        "extractor": e.extractor,
    }


def argument_rows(e: Event) -> Iterator[Row]:
    for i, arg in enumerate(e.arguments):
        yield {
            "event_id": e.id,
            "position": i,
            "role": arg.role,
            "start": arg.span.start,
            "end": arg.span.end,
            "text": arg.span.text,
            "entity_id": arg.entity_id,
        }


# --- reading back -------------------------------------------------------------------------


def row_article(row: Mapping[str, Any], dates: Sequence[Mapping[str, Any]]) -> Article:
    text = row["text"]
    return Article(
        id=row["id"],
        text=text,
        title=row["title"],
        url=row["url"],
        outlet=row["outlet"],
        outlet_origin=row["outlet_origin"],
        author=row["author"],
        lang=row["lang"],
        dates=tuple(
            PageDate(
                value=d["value"],
                kind=d["kind"],
                origin=d["origin"],
                raw=d["raw"],
                span=_span(text, d["start"], d["end"]),
            )
            for d in dates
        ),
        source=Source(
            kind=row["source_kind"],
            location=row["source_location"],
            record_id=row["record_id"],
            fetched_at=row["fetched_at"],
        )
        if row["source_kind"]
        else None,
        title_span=_span(text, row["title_start"], row["title_end"]),
        lead_span=_span(text, row["lead_start"], row["lead_end"]),
        body_span=_span(text, row["body_start"], row["body_end"]),
        meta=json.loads(row["meta"]),
        notes=tuple(json.loads(row["notes"])),
        extractor=row["extractor"],
    )


def row_entity(row: Mapping[str, Any]) -> Entity:
    return Entity(
        id=row["id"],
        name=row["name"],
        type=row["type"],
        country=row["country"],
        roles=tuple(Role(**r) for r in json.loads(row["roles"])),
        aliases=tuple(json.loads(row["aliases"])),
        origin=row["origin"],
    )


def row_mention(text: str, row: Mapping[str, Any]) -> Mention:
    return Mention(
        id=row["id"],
        article_id=row["article_id"],
        label=row["label"],
        span=TextSpan.of(text, row["start"], row["end"]),
        entity_id=row["entity_id"],
        extractor=row["extractor"],
    )


def row_attribution(
    text: str, row: Mapping[str, Any], links: Sequence[Mapping[str, Any]]
) -> Attribution:
    source = _span(text, row["source_start"], row["source_end"])
    return Attribution(
        id=row["id"],
        article_id=row["article_id"],
        kind=row["kind"],
        content=TextSpan.of(text, row["content_start"], row["content_end"]),
        cue=TextSpan.of(text, row["cue_start"], row["cue_end"]),
        source=source,
        content_frags=tuple(TextSpan.of(text, s, e) for s, e in json.loads(row["content_frags"])),
        source_entity_id=row["source_entity_id"],
        resolved_source=_span(text, row["resolved_start"], row["resolved_end"]),
        parent_id=row["parent_id"],
        chain=tuple(
            ChainLink(
                name=r["name"],
                span=_span(text, r["start"], r["end"]),
                entity_id=r["entity_id"],
                origin=r["origin"],
                attribution_id=r["via_attribution_id"],
            )
            for r in links
        ),
        confidence=row["confidence"],
        extractor=row["extractor"],
    )


def row_event(text: str, row: Mapping[str, Any], args: Sequence[Mapping[str, Any]]) -> Event:
    date = None
    if row["date"]:
        d = json.loads(row["date"])
        span = d.get("span")
        date = EventDate(
            value=d["value"],
            span=TextSpan(**span) if span else None,
            derivation=d["derivation"],
            year_inferred=d["year_inferred"],
            confidence=d["confidence"],
        )
    return Event(
        id=row["id"],
        article_id=row["article_id"],
        type=row["type"],
        mode=row["mode"],
        trigger=TextSpan.of(text, row["trigger_start"], row["trigger_end"]),
        sentence=TextSpan.of(text, row["sentence_start"], row["sentence_end"]),
        arguments=tuple(
            EventArgument(
                role=a["role"],
                span=TextSpan.of(text, a["start"], a["end"]),
                entity_id=a["entity_id"],
            )
            for a in args
        ),
        date=date,
        modality=row["modality"],
        claimed_by=row["claimed_by"],
        chain=tuple(
            ChainLink(
                name=c["name"],
                span=TextSpan(**c["span"]) if c["span"] else None,
                entity_id=c["entity_id"],
                origin=c["origin"],
                attribution_id=c["attribution_id"],
            )
            for c in json.loads(row["chain"])
        ),
        confidence=row["confidence"],
        extractor=row["extractor"],
    )


def analysis_rows(analysis: Analysis) -> dict[str, list[Row]]:
    """Every row that stores ``analysis``, by table, in insertion order."""
    run_id = analysis.run_id
    return {
        "articles": [article_row(analysis.article, run_id)],
        "article_dates": list(date_rows(analysis.article)),
        "entities": [entity_row(e) for e in analysis.entities],
        "article_entities": [
            {"article_id": analysis.article.id, "position": i, "entity_id": e.id}
            for i, e in enumerate(analysis.entities)
        ],
        "mentions": [mention_row(m, run_id) for m in analysis.mentions],
        "attributions": [attribution_row(a, run_id) for a in analysis.attributions],
        "chain_links": [r for a in analysis.attributions for r in chain_rows(a)],
        "events": [event_row(e, run_id) for e in analysis.events],
        "event_arguments": [r for e in analysis.events for r in argument_rows(e)],
    }
