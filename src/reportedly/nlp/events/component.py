"""The ``reportedly_events`` spaCy component: PLOVER events with roles, dates and modality.

Requires: sentence boundaries, lemmas, POS and the dependency parse (``en_core_web_sm``).
Optional: ``doc._.mentions`` from ``reportedly_entities`` (actor spans snap to mentions and
take their entity's country). Assigns: ``doc._.events`` (``list[RawEvent]``).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc

from ...models import EventDate, TextSpan
from ..context import get_context
from .coding import Candidate, find_candidates
from .dates import Anchor, DateMatch, choose_anchor, find_dates, resolve_expression
from .lexicon import Lexicon, load_lexicon
from .modality import detect_modality
from .recipients import place_recipient
from .records import RawEvent
from .roles import noun_roles, verb_roles
from .spans import MentionRef, RoleSpan, read_mentions, role_spans
from .syntax import find_location

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["EventsComponent", "extract_events", "make_events_component"]

logger = logging.getLogger(__name__)

RECIPROCAL_TYPES = frozenset({"CONSULT"})
RECIPROCAL_NOUN_MODES = frozenset({"meet", None})


def _roles(candidate: Candidate) -> tuple[list[Token], list[Token]]:
    if candidate.directive:
        verb = candidate.anchor
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        governor = verb.head
        actors, _ = (
            verb_roles(governor, "REQUEST")
            if governor.pos_ in ("VERB", "AUX")
            else noun_roles(governor, "REQUEST")
        )
        return actors, [subject] if subject is not None else []
    if candidate.is_noun:
        return noun_roles(candidate.head, candidate.type)
    actors, recipients = verb_roles(candidate.anchor, candidate.type)
    if candidate.head is not candidate.anchor:
        # "staged a demonstration": the event noun is never its own recipient, and its
        # own roles ("the China-Russia partnership") fill in what the verb lacks
        recipients = [r for r in recipients if r.i != candidate.head.i]
        noun_actors, noun_recipients = noun_roles(candidate.head, candidate.type)
        actors = actors or noun_actors
        recipients = recipients or noun_recipients
    return actors, recipients


def _reciprocal(candidate: Candidate, actors: list[Token], recipients: list[Token]) -> bool:
    """PLOVER 2.4.2: a meeting "with X" has X as a co-actor, not a recipient."""
    if candidate.type not in RECIPROCAL_TYPES or candidate.mode in ("visit", "host"):
        return False
    holders = [candidate.head, candidate.anchor]
    return any(
        child.dep_ == "prep"
        and child.lower_ == "with"
        and any(g.i == r.i for g in child.children for r in recipients)
        for holder in holders
        for child in holder.children
    )


def _tree_distance(a: Token, b: Token) -> int:
    up_a = [a, *a.ancestors]
    up_b = {t.i: n for n, t in enumerate([b, *b.ancestors])}
    for n, token in enumerate(up_a):
        if token.i in up_b:
            return n + up_b[token.i]
    return 99


def _event_date(
    candidate: Candidate,
    sent: Span,
    anchor: Anchor | None,
    modality: str,
    matches: list[DateMatch],
) -> EventDate | None:
    doc = sent.doc
    best: tuple[int, int, EventDate] | None = None
    for match in matches:
        span = doc.char_span(match.start, match.end, alignment_mode="expand")
        if span is None:
            continue
        distance = _tree_distance(candidate.anchor, span.root)
        distance = min(distance, _tree_distance(candidate.head, span.root))
        gap = abs(match.start - candidate.trigger[0])
        if best is None or (distance, gap) < best[:2]:
            resolved = resolve_expression(match.text, anchor, prefer_future=modality == "future")
            dated = EventDate(
                resolved.value,
                TextSpan(match.start, match.end, match.text),  # match.text is that slice
                resolved.derivation,
                resolved.year_inferred,
                resolved.confidence,
            )
            best = (distance, gap, dated)
    return best[2] if best else None


def _event(
    candidate: Candidate,
    sent: Span,
    anchor: Anchor | None,
    mentions: list[MentionRef],
    dates: list[DateMatch],
) -> RawEvent:
    actor_heads, recipient_heads = _roles(candidate)
    reciprocal = _reciprocal(candidate, actor_heads, recipient_heads)
    if reciprocal:
        actor_heads, recipient_heads = actor_heads + recipient_heads, []
    actors = role_spans(actor_heads, mentions)
    recipients = _recipient_spans(recipient_heads, actors, mentions)
    if not recipients and not reciprocal:
        # nobody else is named: PLOVER coders give the place acted in ("shelled Gorazde")
        place = place_recipient(candidate.anchor, candidate.type)
        recipients = _recipient_spans([place] if place is not None else [], actors, mentions)
    place = find_location(candidate.head) or find_location(candidate.anchor)
    location = (place.idx, place.idx + len(place.text)) if place is not None else None
    modality = detect_modality(candidate.anchor)
    if candidate.is_noun and modality == "asserted":
        modality = detect_modality(candidate.head)
    return RawEvent(
        type=candidate.type,
        mode=candidate.mode,
        trigger=candidate.trigger,
        sentence=(sent.start_char, sent.end_char),
        actors=_offsets(actors),
        recipients=_offsets(recipients),
        location=location,
        date=_event_date(candidate, sent, anchor, modality, dates),
        modality=modality,
        confidence=candidate.confidence,
        actor_countries=tuple(a.country for a in actors if a.country),
        recipient_countries=tuple(r.country for r in recipients if r.country),
    )


def _recipient_spans(
    heads: list[Token], actors: list[RoleSpan], mentions: list[MentionRef]
) -> list[RoleSpan]:
    """Recipient spans, without the actors themselves ("shelled its own positions")."""
    taken = {(a.start, a.end) for a in actors}
    return [r for r in role_spans(heads, mentions) if (r.start, r.end) not in taken]


def _offsets(spans: list[RoleSpan]) -> tuple[tuple[int, int], ...]:
    return tuple((s.start, s.end) for s in spans)


def extract_events(doc: Doc, lexicon: Lexicon | None = None) -> list[RawEvent]:
    """All PLOVER events of a parsed Doc, sentence by sentence, best first within a sentence.

    Args:
        doc: a Doc with sentences, lemmas, POS tags and a dependency parse.
        lexicon: the trigger lexicon (default: the bundled one).

    Returns:
        The events; one per (type, trigger) with its actors and recipients.

    Example:
        >>> events = extract_events(nlp("Russia and China signed a trade deal."))  # doctest: +SKIP
    """
    lexicon = lexicon or load_lexicon()
    anchor = choose_anchor(get_context(doc).dates)
    mentions = read_mentions(doc)
    events: list[RawEvent] = []
    for sent in doc.sents:
        candidates = find_candidates(sent, lexicon)
        dates = find_dates(sent.text, sent.start_char) if candidates else []
        for candidate in candidates:
            events.append(_event(candidate, sent, anchor, mentions, dates))
    return events


class EventsComponent:
    """Callable pipeline component; see the module docstring for what it requires/assigns."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.lexicon = load_lexicon()
        if not Doc.has_extension("events"):
            Doc.set_extension("events", default=None)

    def __call__(self, doc: Doc) -> Doc:
        """Set ``doc._.events``; a failure is logged and leaves an empty list."""
        try:
            doc._.events = extract_events(doc, self.lexicon)
        except Exception:  # a bad parse must not lose the whole batch
            logger.exception("event extraction failed for a document; no events set")
            doc._.events = []
        return doc


@Language.factory(
    "reportedly_events",
    assigns=["doc._.events"],
    requires=["token.dep", "token.lemma", "token.pos", "doc.sents"],
)
def make_events_component(nlp: Language, name: str) -> EventsComponent:
    """Factory for :class:`EventsComponent` (registered as ``reportedly_events``)."""
    return EventsComponent(nlp, name)
