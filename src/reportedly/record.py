"""The JSON record: reportedly's contract with its users (docs/record-format.md).

Spans are ``[start, end]`` pairs of code-point offsets into ``article.text``
(end exclusive) with the covered text beside them as ``*_text``, so a record can
be checked by slicing. ``record_format`` is bumped on any incompatible change.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ._version import RECORD_FORMAT_VERSION
from .models import Analysis, ChainLink, Entity, Event, EventArgument, TextSpan, to_dict


def _pair(span: TextSpan | None) -> list[int] | None:
    return span.to_list() if span else None


def _text(span: TextSpan | None) -> str | None:
    return span.text if span else None


def chain_record(chain: Sequence[ChainLink]) -> list[dict[str, Any]]:
    """A source chain, outlet first: ``[{name, span, entity, origin}]``."""
    return [
        {"name": c.name, "span": _pair(c.span), "entity": c.entity_id, "origin": c.origin}
        for c in chain
    ]


def article_record(analysis: Analysis) -> dict[str, Any]:
    a = analysis.article
    return {
        "id": a.id,
        "title": a.title,
        "url": a.url,
        "outlet": a.outlet,
        "outlet_origin": a.outlet_origin,
        "author": a.author,
        "lang": a.lang,
        "published": a.published,
        "dates": [
            {
                "value": d.value,
                "kind": d.kind,
                "origin": d.origin,
                "raw": d.raw,
                "span": _pair(d.span),
            }
            for d in a.dates
        ],
        "source": to_dict(a.source),
        "title_span": _pair(a.title_span),
        "lead_span": _pair(a.lead_span),
        "lead": _text(a.lead_span),
        "body_span": _pair(a.body_span),
        "meta": a.meta,
        "notes": list(a.notes),
        "extractor": a.extractor,
        "text": a.text,
    }


def entity_record(e: Entity) -> dict[str, Any]:
    return to_dict(e)  # type: ignore[no-any-return]


def _argument(arg: EventArgument | None, entities: dict[str, Entity]) -> dict[str, Any] | None:
    if arg is None:
        return None
    entity = entities.get(arg.entity_id) if arg.entity_id else None
    return {
        "text": arg.span.text,
        "span": arg.span.to_list(),
        "entity": arg.entity_id,
        "entity_name": entity.name if entity else None,
        "country": entity.country if entity else None,
    }


def event_record(e: Event, entities: dict[str, Entity]) -> dict[str, Any]:
    def first(role: str) -> EventArgument | None:
        return next((x for x in e.arguments if x.role == role), None)

    return {
        "id": e.id,
        "type": e.type,
        "mode": e.mode,
        "actor": _argument(first("actor"), entities),
        "recipient": _argument(first("recipient"), entities),
        "actors": [_argument(x, entities) for x in e.arguments if x.role == "actor"],
        "recipients": [_argument(x, entities) for x in e.arguments if x.role == "recipient"],
        "location": _argument(first("location"), entities),
        "trigger": e.trigger.to_list(),
        "trigger_text": e.trigger.text,
        "sentence": e.sentence.to_list(),
        "sentence_text": e.sentence.text,
        "date": e.date.value if e.date else None,
        "date_detail": to_dict(e.date) if e.date else None,
        "modality": e.modality,
        "claimed_by": e.claimed_by,
        "chain": chain_record(e.chain),
        "confidence": e.confidence,
        "extractor": e.extractor,
    }


def attribution_record(analysis: Analysis, entities: dict[str, Entity]) -> list[dict[str, Any]]:
    out = []
    for a in analysis.attributions:
        entity = entities.get(a.source_entity_id) if a.source_entity_id else None
        out.append(
            {
                "id": a.id,
                "kind": a.kind,
                "cue": a.cue.to_list(),
                "cue_text": a.cue.text,
                "source": _pair(a.source),
                "source_text": _text(a.source),
                "content": a.content.to_list(),
                "content_text": a.content.text,
                "content_frags": [f.to_list() for f in a.content_frags],
                "resolved_source": _pair(a.resolved_source),
                "resolved_source_text": _text(a.resolved_source),
                "source_entity": a.source_entity_id,
                "source_entity_name": entity.name if entity else None,
                "parent_id": a.parent_id,
                "chain": chain_record(a.chain),
                "confidence": a.confidence,
                "extractor": a.extractor,
            }
        )
    return out


def analysis_to_record(
    analysis: Analysis, *, record_id: str | None = None, location: str | None = None
) -> dict[str, Any]:
    """The JSON record of one analysis.

    Args:
        record_id: the input's own id (a JSONL line's ``id``); default the article id.
        location: the input's path, URL or ``path:line``.
    """
    entities = {e.id: e for e in analysis.entities}
    src = analysis.article.source
    return {
        "record_format": RECORD_FORMAT_VERSION,
        "id": record_id or (src.record_id if src and src.record_id else analysis.article.id),
        "input": location or (src.location if src else None),
        "run_id": analysis.run_id,
        "article": article_record(analysis),
        "attributions": attribution_record(analysis, entities),
        "entities": [entity_record(e) for e in analysis.entities],
        "mentions": [
            {
                "id": m.id,
                "label": m.label,
                "span": m.span.to_list(),
                "text": m.span.text,
                "entity": m.entity_id,
            }
            for m in analysis.mentions
        ],
        "events": [event_record(e, entities) for e in analysis.events],
    }
