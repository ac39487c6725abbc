"""Indirect (and mixed) speech: a cue verb or noun with a clause, infinitive or object as content.

``X said (that) Y``, ``Y, X said``, ``Y, X said, Z`` (parataxis), ``X vowed to Y``,
``X announced Y``, ``it was reported that Y`` (no source), ``X's claim that Y``.
Mixed speech is indirect speech whose content holds quoted words; the kind
follows PolNeAR's quote-mark rule.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from .cues import CUE_NOUNS
from .lexicon import load_lexicon
from .quotes import DOUBLE_MARKS
from .spans import (
    balance_quote,
    cue_offsets,
    find_subject,
    source_offsets,
    subtree_offsets,
    text_of,
)
from .types import EXTRACTOR_INDIRECT, EXTRACTOR_NOUN, Candidate, Offsets

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

logger = logging.getLogger(__name__)


def content_options(verb: Token) -> list[tuple[str, tuple[Offsets, ...]]]:
    """Every (rule, content pieces) reading of ``verb``'s complements, whatever its lemma."""
    options: list[tuple[str, tuple[Offsets, ...]]] = []
    children = list(verb.children)
    for child in children:
        if child.dep_ == "ccomp":
            options.append(("ccomp", subtree_offsets(child)))
    if verb.dep_ == "parataxis" and verb.head.pos_ in ("VERB", "AUX"):
        options.append(("parataxis", subtree_offsets(verb.head, minus=verb)))
    for child in children:
        if child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX"):
            options.append(("xcomp", subtree_offsets(child)))
    for child in children:
        if child.dep_ == "dobj":
            options.append(("dobj", subtree_offsets(child)))
        elif child.dep_ == "prep" and child.lower_ in ("for", "on", "about"):
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                options.append(("prep", subtree_offsets(objs[0])))
    return [(rule, frags) for rule, frags in options if frags]


def _content_of(verb: Token) -> tuple[tuple[Offsets, ...], float] | None:
    """The content pieces of a cue verb and a confidence, or None when it has none."""
    lexicon = load_lexicon()
    lemma = verb.lemma_.lower()
    best: tuple[tuple[Offsets, ...], float] | None = None
    for rule, frags in content_options(verb):
        quoted = any(c in DOUBLE_MARKS for s, e in frags for c in text_of(verb.doc)[s:e])
        confidence = lexicon.score(lemma, rule, quoted=quoted)
        if confidence is not None and (best is None or confidence > best[1]):
            best = (frags, confidence)
    return best


def _source_of(verb: Token) -> tuple[Offsets | None, int | None]:
    """The source span and head of a cue verb; passive/expletive subjects give no source."""
    for child in verb.children:
        if child.dep_ == "agent":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                return source_offsets(objs[0]), objs[0].i
    subject = find_subject(verb)
    if subject is None or subject.dep_ in ("nsubjpass", "expl") or subject.lower_ == "there":
        return None, None
    return source_offsets(subject), subject.i


def verb_candidate(verb: Token) -> Candidate | None:
    """An indirect attribution headed by ``verb``, if it is a cue with content."""
    lemma = verb.lemma_.lower()
    if verb.pos_ not in ("VERB", "AUX") or lemma not in load_lexicon().cue_lemmas:
        return None
    found = _content_of(verb)
    if found is None or not found[0]:
        return None
    frags, confidence = found
    text = text_of(verb.doc)
    frags = tuple(balance_quote(text, f) for f in frags)
    source, head = _source_of(verb)
    return Candidate(
        kind="indirect",
        cue=cue_offsets(verb),
        content_frags=frags,
        source=source,
        source_head=head,
        cue_head=verb.i,
        confidence=confidence if source is not None else confidence * 0.8,
        extractor=EXTRACTOR_INDIRECT,
    )


def noun_candidate(noun: Token) -> Candidate | None:
    """``X's claim that Y`` / ``a statement that Y``: a cue noun with a that-clause."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in CUE_NOUNS:
        return None
    clause = next(
        (
            c
            for c in noun.children
            if c.dep_ in ("acl", "ccomp", "relcl")
            and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
        ),
        None,
    )
    if clause is None:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    return Candidate(
        kind="indirect",
        cue=(noun.idx, noun.idx + len(noun.text)),
        content_frags=subtree_offsets(clause),
        source=source_offsets(owner) if owner is not None else None,
        source_head=owner.i if owner is not None else None,
        cue_head=noun.i,
        confidence=0.5,
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
