"""Types of the attribution stage: the record set on ``doc._.attributions`` and its draft."""

from __future__ import annotations

from dataclasses import dataclass

Offsets = tuple[int, int]
ChainEntry = tuple[str, Offsets | None, str]  # (name, span or None, origin)

EXTRACTOR_DIRECT = "reportedly.attribution.direct.v1"
# v2: readings accepted by the learned scorer (data/attribution_scorer.json), not the cue list
EXTRACTOR_INDIRECT = "reportedly.attribution.indirect.v2"
EXTRACTOR_ACCORDING = "reportedly.attribution.according_to.v1"
EXTRACTOR_NOUN = "reportedly.attribution.noun.v2"


@dataclass(frozen=True, slots=True)
class RawAttribution:
    """One attribution found in a Doc; all offsets are characters of ``doc.text``.

    Attributes:
        kind: ``"direct"``, ``"indirect"``, ``"mixed"`` or ``"according_to"``.
        cue: the cue ("said", "according to").
        content: the content's envelope.
        content_frags: the content's pieces (``(content,)`` when it is one piece).
        source: the source as written; ``None`` when unattributed.
        resolved_source: the named antecedent of a pronoun/description source.
        parent: index of the attribution whose content contains this one.
        chain: ``(name, span, origin)`` links, outlet first, speaker last.
        confidence: a score in [0, 1].
        extractor: the versioned name of the rule that found it.
    """

    kind: str
    cue: Offsets
    content: Offsets
    content_frags: tuple[Offsets, ...]
    source: Offsets | None
    resolved_source: Offsets | None
    parent: int | None
    chain: tuple[ChainEntry, ...]
    confidence: float
    extractor: str


@dataclass(frozen=True, slots=True)
class Candidate:
    """An attribution before speaker resolution and chaining (token indices kept for rules)."""

    kind: str
    cue: Offsets
    content_frags: tuple[Offsets, ...]
    source: Offsets | None
    source_head: int | None  # token index of the source's head
    cue_head: int  # token index of the cue's head
    confidence: float
    extractor: str

    @property
    def content(self) -> Offsets:
        """The envelope of the content pieces."""
        return (self.content_frags[0][0], self.content_frags[-1][1])


@dataclass(frozen=True, slots=True)
class SourcingStatement:
    """ "X reported with reference to Y": news reaching the reader through X, then Y."""

    position: int  # char offset of the statement
    links: tuple[Offsets, ...]  # X then Y, spans in doc.text
