"""Indirect (and mixed) speech: a cue verb or noun with a clause, infinitive or object as content.

``X said (that) Y``, ``Y, X said``, ``Y, X said, Z`` (parataxis), ``X vowed to Y``,
``X announced Y``, ``it was reported that Y`` (no source), ``X's claim that Y``.
Mixed speech is indirect speech whose content holds quoted words; the kind
follows PolNeAR's quote-mark rule.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from .learned import load_scorer
from .lexicon import load_lexicon
from .quotes import has_double_mark
from .readings import readings
from .spans import (
    balance_quote,
    cue_offsets,
    find_subject,
    full_source_offsets,
    text_of,
)
from .types import EXTRACTOR_INDIRECT, EXTRACTOR_NOUN, Candidate, Offsets

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

logger = logging.getLogger(__name__)


PREP_RULES = frozenset({"prep", "prep2", "n_prep"})
MAX_PREP_GAP = 3  # tokens between a cue and its preposition to join them ("accused her of")


def _best_reading(tok: Token) -> tuple[str, tuple[Offsets, ...], float] | None:
    """The most confident (rule, content pieces) reading of a cue token, or None.

    The learned scorer decides when it is packaged, the cue lexicon otherwise; a reading
    with quoted words and a hand-listed cue is kept either way (a nested quoted claim,
    "the report reads that Putin offered a 'partnership'", is rare in PolNeAR, which gives
    each token one attribution, but it is still the quoted speaker's words).
    """
    lexicon = load_lexicon()
    scorer = load_scorer()
    lemma = tok.lemma_.lower()
    text = text_of(tok.doc)
    best: tuple[str, tuple[Offsets, ...], float] | None = None
    for rule, frags in readings(tok):
        quoted = any(has_double_mark(text[s:e]) for s, e in frags)
        if scorer is None:
            confidence = lexicon.score(lemma, rule, quoted=quoted)
        else:
            confidence = scorer.score(tok, rule, frags, text, quoted=quoted)
            if confidence is None and quoted:
                confidence = lexicon.hand_listed(lemma, rule)
        if confidence is not None and (best is None or confidence > best[2]):
            best = (rule, frags, confidence)
    return best


def _may_be_cue(lemma: str) -> bool:
    """Any lemma may be a cue for the learned scorer; the lexicon knows its own list."""
    return load_scorer() is not None or lemma in load_lexicon().cue_lemmas


def _cue_with_prep(tok: Token, rule: str, content: Offsets) -> Offsets:
    """The cue, extended to the preposition that introduces a prepositional content."""
    cue = cue_offsets(tok)
    if rule not in PREP_RULES:
        return cue
    span = tok.doc.char_span(content[0], content[1], alignment_mode="expand")
    if span is None or span.start == 0:
        return cue
    prep = tok.doc[span.start - 1]
    if prep.dep_ == "prep" and prep.head.i == tok.i and 0 < prep.i - tok.i <= MAX_PREP_GAP:
        return (cue[0], prep.idx + len(prep.text))
    return cue


def _source_of(verb: Token) -> tuple[Offsets | None, int | None]:
    """The source span and head of a cue verb; passive/expletive subjects give no source."""
    for child in verb.children:
        if child.dep_ == "agent":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                return full_source_offsets(objs[0]), objs[0].i
    subject = find_subject(verb)
    if subject is None or subject.dep_ in ("nsubjpass", "expl") or subject.lower_ == "there":
        return None, None
    return full_source_offsets(subject), subject.i


def verb_candidate(verb: Token) -> Candidate | None:
    """An indirect attribution headed by ``verb``, if it is a cue with content."""
    lemma = verb.lemma_.lower()
    if verb.pos_ not in ("VERB", "AUX") or not _may_be_cue(lemma):
        return None
    found = _best_reading(verb)
    if found is None:
        return None
    rule, frags, confidence = found
    text = text_of(verb.doc)
    frags = tuple(balance_quote(text, f) for f in frags)
    source, head = _source_of(verb)
    return Candidate(
        kind="indirect",
        cue=_cue_with_prep(verb, rule, frags[0]),
        content_frags=frags,
        source=source,
        source_head=head,
        cue_head=verb.i,
        confidence=confidence if source is not None else confidence * 0.8,
        extractor=EXTRACTOR_INDIRECT,
    )


def _noun_source(noun: Token) -> Token | None:
    """The owner of a cue noun: ``X's claim``, or the subject of ``X made the claim``."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None:
        return owner
    if noun.dep_ == "dobj" and noun.head.pos_ in ("VERB", "AUX"):
        subject = find_subject(noun.head)
        if subject is not None and subject.dep_ not in ("nsubjpass", "expl"):
            return subject
    return None


def noun_candidate(noun: Token) -> Candidate | None:
    """``X's claim that Y`` / ``questions about Y``: a cue noun with its complement."""
    if noun.pos_ != "NOUN" or not _may_be_cue(noun.lemma_.lower()):
        return None
    found = _best_reading(noun)
    if found is None:
        return None
    rule, frags, confidence = found
    owner = _noun_source(noun)
    return Candidate(
        kind="indirect",
        cue=_cue_with_prep(noun, rule, frags[0]),
        content_frags=frags,
        source=full_source_offsets(owner) if owner is not None else None,
        source_head=owner.i if owner is not None else None,
        cue_head=noun.i,
        confidence=confidence,
        extractor=EXTRACTOR_NOUN,
    )


def find_indirect(sent: Span) -> list[Candidate]:
    """Indirect attributions headed by cue verbs and nouns in one sentence."""
    found: list[Candidate] = []
    for tok in sent:
        cand = verb_candidate(tok) or noun_candidate(tok)
        if cand is not None and cand.content_frags:
            found.append(cand)
    return found
