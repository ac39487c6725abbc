"""The event record the ``reportedly_events`` component puts on ``doc._.events``."""

from __future__ import annotations

from dataclasses import dataclass

from ...models import EventDate

__all__ = ["EXTRACTOR", "MODALITIES", "PLOVER_TYPES", "RawEvent"]

EXTRACTOR = "reportedly.events.lexicon.v1"

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)

MODALITIES: tuple[str, ...] = ("asserted", "negated", "future", "hypothetical", "uncertain")

Offsets = tuple[int, int]


@dataclass(frozen=True, slots=True)
class RawEvent:
    """A PLOVER event found in a Doc; every offset is a ``[start, end)`` char range of ``doc.text``.

    Reciprocal events (``"Xi and Putin met"``, ``"the meeting with Putin"``) list every
    participant in ``actors`` and leave ``recipients`` empty, as PLOVER section 2.4.2 does.
    """

    type: str
    mode: str | None
    trigger: Offsets
    sentence: Offsets
    actors: tuple[Offsets, ...] = ()
    recipients: tuple[Offsets, ...] = ()
    location: Offsets | None = None
    date: EventDate | None = None
    modality: str = "asserted"
    confidence: float = 0.5
    extractor: str = EXTRACTOR
    actor_countries: tuple[str, ...] = ()  # ISO3 of the actors, where known
    recipient_countries: tuple[str, ...] = ()
