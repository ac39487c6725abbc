"""Turn role head tokens into char spans, snapped to entity mentions, with their countries."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .countries import country_of_words
from .syntax import conjuncts, np_span, resolve_pronoun

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["MentionRef", "RoleSpan", "read_mentions", "role_spans"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class MentionRef:
    """An entity mention from ``doc._.mentions``: char offsets and the entity's country."""

    start: int
    end: int
    country: str | None


@dataclass(frozen=True, slots=True)
class RoleSpan:
    """One actor/recipient/location: char offsets and ISO3 country if known."""

    start: int
    end: int
    country: str | None


def _offsets(length: int, mention: Any) -> tuple[int, int] | None:
    start = getattr(mention, "start_char", None)
    end = getattr(mention, "end_char", None)
    if start is None:
        span = getattr(mention, "span", None)
        start, end = getattr(span, "start", None), getattr(span, "end", None)
    if start is None:
        start, end = getattr(mention, "start", None), getattr(mention, "end", None)
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= length:
        return start, end
    return None


def read_mentions(doc: Doc) -> list[MentionRef]:
    """Mentions set by ``reportedly_entities`` (char offsets assumed), or ``[]`` if absent."""
    from spacy.tokens import Doc as _Doc

    if not _Doc.has_extension("mentions"):
        return []
    found = []
    length = len(doc.text)  # Doc.text joins every token: compute it once, not per mention
    for mention in getattr(doc._, "mentions", None) or ():
        offsets = _offsets(length, mention)
        if offsets is None:
            continue
        entity = getattr(mention, "entity", None)
        country = getattr(entity, "country", None)
        found.append(
            MentionRef(offsets[0], offsets[1], country if isinstance(country, str) else None)
        )
    return found


def _snap(token: Token, span: tuple[int, int], mentions: list[MentionRef]) -> RoleSpan:
    head_start, head_end = token.idx, token.idx + len(token.text)
    inside = [m for m in mentions if m.start <= head_start and head_end <= m.end]
    if inside:
        best = max(inside, key=lambda m: m.end - m.start)
        country = best.country or _span_country(token.doc, span, mentions)
        return RoleSpan(best.start, best.end, country)
    return RoleSpan(span[0], span[1], _span_country(token.doc, span, mentions))


def _span_country(doc: Doc, span: tuple[int, int], mentions: list[MentionRef]) -> str | None:
    for mention in mentions:
        if span[0] <= mention.start and mention.end <= span[1] and mention.country:
            return mention.country
    chars = doc.char_span(span[0], span[1], alignment_mode="expand")
    if chars is None:
        return None
    head = chars.root
    ordered = [t for t in chars if t.i <= head.i] + [t for t in chars if t.i > head.i]
    return country_of_words(t.text for t in ordered) or country_of_words(t.text for t in chars)


def role_spans(heads: list[Token], mentions: list[MentionRef]) -> list[RoleSpan]:
    """Spans for role head tokens: pronouns resolved, conjuncts expanded, duplicates dropped."""
    spans: list[RoleSpan] = []
    seen: set[int] = set()
    for head in heads:
        for token in conjuncts(resolve_pronoun(head)):
            token = resolve_pronoun(token)
            if token.i in seen or token.pos_ == "PRON":
                continue
            seen.add(token.i)
            spans.append(_snap(token, np_span(token), mentions))
    return spans
