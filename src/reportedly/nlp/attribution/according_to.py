"""``According to X, Y`` and ``Y, according to X``: the rest of the clause is X's content."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from .spans import full_source_offsets, trimmed
from .types import EXTRACTOR_ACCORDING, Candidate, Offsets

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

logger = logging.getLogger(__name__)


def _clause_pieces(sent: Span, phrase: tuple[int, int]) -> tuple[Offsets, ...]:
    """The sentence's char pieces outside the token range ``phrase``."""
    doc = sent.doc
    pieces = (trimmed(doc, sent.start, phrase[0]), trimmed(doc, phrase[1], sent.end))
    return tuple(p for p in pieces if p)


def according_candidate(tok: Token) -> Candidate | None:
    """The attribution cued by ``according`` at ``tok``, if its ``to`` has an object."""
    if tok.lower_ != "according" or tok.i + 1 >= len(tok.doc):
        return None
    to = tok.doc[tok.i + 1]
    if to.lower_ != "to":
        return None
    objs = [c for c in to.children if c.dep_ == "pobj"]
    if not objs:
        return None
    source = full_source_offsets(objs[0])
    right = max(objs[0].right_edge.i, to.i) + 1
    frags = _clause_pieces(tok.sent, (tok.i, right))
    if not frags:
        return None
    return Candidate(
        kind="according_to",
        cue=(tok.idx, to.idx + len(to.text)),
        content_frags=frags,
        source=source,
        source_head=objs[0].i,
        cue_head=tok.i,
        confidence=0.8,
        extractor=EXTRACTOR_ACCORDING,
    )


def find_according_to(sent: Span) -> list[Candidate]:
    """``according to`` attributions in one sentence."""
    found: list[Candidate] = []
    for tok in sent:
        cand = according_candidate(tok)
        if cand is not None:
            found.append(cand)
    return found
