"""The one place that maps a processed spaCy Doc to reportedly's models (char offsets).

Components leave their results on ``doc._`` (``mentions``, ``entities``,
``attributions``, ``events``) as plain offset-based records; here they become
frozen models with stable ids, entity links and ``claimed_by`` links.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal

from ..models import (
    Analysis,
    Article,
    Attribution,
    ChainLink,
    Entity,
    Event,
    EventArgument,
    Mention,
    TextSpan,
    make_id,
)
from .pipeline import doc_user

if TYPE_CHECKING:
    from spacy.tokens import Doc

logger = logging.getLogger(__name__)

NER_EXTRACTOR = "reportedly.ner.spacy.v1"


def _span(text: str, pair: Sequence[int] | None) -> TextSpan | None:
    if pair is None:
        return None
    start, end = int(pair[0]), int(pair[1])
    return TextSpan.of(text, start, end)


class EntityIndex:
    """Mentions by character range, to link any span to the entity of the mention it overlaps."""

    def __init__(self, mentions: Sequence[Mention]) -> None:
        self.mentions = sorted(mentions, key=lambda m: (m.span.start, -m.span.end))

    def entity_at(self, span: TextSpan | None) -> str | None:
        """The entity of the mention best covering ``span`` (exact, inside it, or overlapping)."""
        if span is None:
            return None
        best: tuple[int, str] | None = None
        for m in self.mentions:
            if m.span.start >= span.end:
                break
            if m.entity_id is None or m.span.end <= span.start:
                continue
            overlap = min(m.span.end, span.end) - max(m.span.start, span.start)
            if best is None or overlap > best[0]:
                best = (overlap, m.entity_id)
        return best[1] if best else None


def convert_mentions(doc: Doc, article_id: str) -> tuple[list[Mention], list[Entity]]:
    """Mentions and entities from the entities component, else plain spaCy NER mentions."""
    text = doc.text
    raw = doc_user(doc, "mentions")
    if raw is None:
        ner_mentions = [
            Mention(
                id=make_id(article_id, "m", e.start_char, e.end_char),
                article_id=article_id,
                label=e.label_,
                span=TextSpan.of(text, e.start_char, e.end_char),
                extractor=NER_EXTRACTOR,
            )
            for e in doc.ents
        ]
        return ner_mentions, []
    mentions: list[Mention] = []
    entities: dict[str, Entity] = {}
    for r in raw:
        entity: Entity | None = getattr(r, "entity", None)
        if entity is not None:
            entities.setdefault(entity.id, entity)
        mentions.append(
            Mention(
                id=make_id(article_id, "m", r.start, r.end),
                article_id=article_id,
                label=r.label,
                span=TextSpan.of(text, r.start, r.end),
                entity_id=entity.id if entity else None,
                extractor=getattr(r, "extractor", "reportedly.entities.v1"),
            )
        )
    for entity in doc_user(doc, "entities", []):
        entities.setdefault(entity.id, entity)
    return mentions, list(entities.values())


def convert_attributions(doc: Doc, article_id: str, index: EntityIndex) -> list[Attribution]:
    """Attributions with ids, entity links, parent links and chains."""
    text = doc.text
    raw: list[Any] = doc_user(doc, "attributions", [])
    ids = [make_id(article_id, "a", r.cue[0], r.content[0], r.content[1]) for r in raw]
    out = []
    for i, r in enumerate(raw):
        source = _span(text, r.source)
        resolved = _span(text, getattr(r, "resolved_source", None))
        entity_id = index.entity_at(resolved) or index.entity_at(source)
        frags = tuple(_span(text, f) for f in (getattr(r, "content_frags", ()) or (r.content,)))
        chain = tuple(_chain_link(text, link, index) for link in getattr(r, "chain", ()))
        parent = getattr(r, "parent", None)
        out.append(
            Attribution(
                id=ids[i],
                article_id=article_id,
                kind=r.kind,
                content=TextSpan.of(text, *r.content),
                cue=TextSpan.of(text, *r.cue),
                source=source,
                content_frags=tuple(f for f in frags if f is not None),
                source_entity_id=entity_id,
                resolved_source=resolved,
                parent_id=ids[parent] if parent is not None else None,
                chain=chain,
                confidence=float(getattr(r, "confidence", 1.0)),
                extractor=r.extractor,
            )
        )
    return out


def _chain_link(text: str, link: Sequence[Any], index: EntityIndex) -> ChainLink:
    name, pair, origin = link[0], link[1], link[2]
    span = _span(text, pair)
    if span is None:  # the publishing outlet, from metadata: name it as the entity is named
        outlet = outlet_entity(str(name))
        return ChainLink(name=outlet.name, span=None, entity_id=outlet.id, origin=str(origin))
    return ChainLink(name=str(name), span=span, entity_id=index.entity_at(span), origin=str(origin))


def outlet_entity(name: str) -> Entity:
    """The entity of a publishing outlet named in article metadata (gazetteer, else a new one)."""
    from ..gazetteer import load_gazetteer, normalise

    found = load_gazetteer().lookup(name, label="ORG")
    if found is not None:
        return found
    return Entity(
        id=make_id("entity", normalise(name), "media_outlet"),
        name=name,
        type="media_outlet",
        origin="unknown",
    )


def claimant(attributions: Sequence[Attribution], start: int, end: int) -> Attribution | None:
    """The innermost attribution whose content fragments contain ``[start, end)``."""
    best: tuple[int, Attribution] | None = None
    for a in attributions:
        for f in a.content_frags or (a.content,):
            if f.start <= start and end <= f.end:
                size = f.end - f.start
                if best is None or size < best[0]:
                    best = (size, a)
    return best[1] if best else None


def narration_chain(
    doc: Doc, text: str, position: int, index: EntityIndex
) -> tuple[ChainLink, ...]:
    """The chain of the article's own narration at ``position``: the outlet, then the sources
    of its outlet-level sourcing statements ("X reported with reference to Y")."""
    from .attribution.chains import base_chain
    from .context import get_context

    statements = doc_user(doc, "sourcing", [])
    links = base_chain(text, get_context(doc).outlet, statements, position)
    return tuple(_chain_link(text, link, index) for link in links)


def convert_events(
    doc: Doc, article_id: str, index: EntityIndex, attributions: Sequence[Attribution]
) -> list[Event]:
    """Events with arguments linked to entities and ``claimed_by`` set."""
    text = doc.text
    out, seen = [], set()
    for r in doc_user(doc, "events", []):
        args: list[EventArgument] = []
        roles: tuple[tuple[Literal["actor", "recipient"], Any], ...] = (
            ("actor", r.actors),
            ("recipient", r.recipients),
        )
        for role, spans in roles:
            for pair in spans:
                span = TextSpan.of(text, *pair)
                args.append(EventArgument(role=role, span=span, entity_id=index.entity_at(span)))
        if getattr(r, "location", None):
            loc = TextSpan.of(text, *r.location)
            args.append(EventArgument(role="location", span=loc, entity_id=index.entity_at(loc)))
        event_id = make_id(article_id, "e", r.type, r.trigger[0], *(a.span.start for a in args))
        if event_id in seen:
            continue
        seen.add(event_id)
        claim = claimant(attributions, r.trigger[0], r.trigger[1])
        chain = claim.chain if claim else narration_chain(doc, text, r.trigger[0], index)
        out.append(
            Event(
                id=event_id,
                article_id=article_id,
                type=r.type,
                mode=r.mode,
                trigger=TextSpan.of(text, *r.trigger),
                sentence=TextSpan.of(text, *r.sentence),
                arguments=tuple(args),
                date=r.date,
                modality=r.modality,
                claimed_by=claim.id if claim else None,
                chain=chain,
                confidence=float(r.confidence),
                extractor=r.extractor,
            )
        )
    return out


def doc_to_analysis(doc: Doc, article: Article, run_id: str | None = None) -> Analysis:
    """Everything the pipeline found in ``doc`` (whose text is ``article.text``) as an Analysis."""
    mentions, entities = convert_mentions(doc, article.id)
    index = EntityIndex(mentions)
    attributions = convert_attributions(doc, article.id, index)
    events = convert_events(doc, article.id, index, attributions)
    if article.outlet:  # the outlet heads every chain, named in the text or not
        outlet = outlet_entity(article.outlet)
        if all(e.id != outlet.id for e in entities):
            entities.append(outlet)
    # One canonical order (the store reads rows back in it), so a record round-trips exactly.
    return Analysis(
        article=article,
        mentions=tuple(sorted(mentions, key=lambda m: (m.span.start, m.span.end, m.id))),
        attributions=tuple(sorted(attributions, key=lambda a: (a.content.start, a.id))),
        entities=tuple(entities),
        events=tuple(sorted(events, key=lambda e: (e.trigger.start, e.id))),
        run_id=run_id,
    )
