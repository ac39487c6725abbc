"""Span helpers shared by the extractors: token ranges to trimmed char offsets, subjects, cues."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from .cues import CLAUSE_VERBS, SPEECH_VERBS
from .quotes import DOUBLE_MARKS, TWO_APOSTROPHES, Quote, mark_width
from .types import Offsets

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

logger = logging.getLogger(__name__)

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
QUOTE_CHARS = DOUBLE_MARKS | frozenset("‘’'‚‹›")
# How far up the tree (conj, xcomp, advcl) a cue may borrow its subject.
MAX_SUBJECT_HOPS = 3
CUE_AUX_DEPS = frozenset({"aux", "auxpass", "neg", "advmod"})  # left children joined to a cue


TEXT_KEY = "reportedly.attribution.text"  # doc.text rebuilds the string on each access


def text_of(doc: Doc) -> str:
    """``doc.text``, from the copy ``find_attributions`` keeps in ``doc.user_data`` while it runs."""
    cached = doc.user_data.get(TEXT_KEY)
    return cached if isinstance(cached, str) else doc.text


def token_in_quote(doc: Doc, quotes: list[Quote]) -> list[bool]:
    """Per token of ``doc``: does it start inside a double-quoted stretch?"""
    flags = [False] * len(doc)
    qi = 0
    for tok in doc:
        while qi < len(quotes) and quotes[qi].end <= tok.idx:
            qi += 1
        if qi < len(quotes) and quotes[qi].start <= tok.idx < quotes[qi].end:
            flags[tok.i] = True
    return flags


def _is_trimmable(tok: Token, keep_quotes: bool) -> bool:
    if tok.is_space:
        return True
    if keep_quotes and tok.text and all(c in QUOTE_CHARS for c in tok.text):
        return False
    return tok.is_punct or tok.dep_ == "cc"


def trimmed(doc: Doc, start: int, end: int, *, keep_quotes: bool = True) -> Offsets | None:
    """Char offsets of tokens ``[start, end)`` without punctuation/space at the edges."""
    while start < end and _is_trimmable(doc[start], keep_quotes):
        start += 1
    while end > start and _is_trimmable(doc[end - 1], keep_quotes):
        end -= 1
    if start >= end:
        return None
    return (doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text))


MAX_QUOTE_REACH = 300  # chars a content may grow to close a quote it opened


def balance_quote(text: str, span: Offsets) -> Offsets:
    """Extend a content that opens a quote to the quote's closing mark in the same paragraph."""
    s, e = span
    inner = text[s:e].replace(TWO_APOSTROPHES, '"')
    opened = sum(inner.count(c) for c in "“„«")
    closed = sum(inner.count(c) for c in "”»")
    if opened <= closed and inner.count('"') % 2 == 0:
        return span
    stop = min(len(text), e + MAX_QUOTE_REACH)
    for i in range(e, stop):
        if text[i] == "\n":
            break
        width = mark_width(text, i)
        if width:
            return (s, i + width)
    return span


def subtree_offsets(tok: Token, *, minus: Token | None = None) -> tuple[Offsets, ...]:
    """Char pieces of ``tok``'s subtree, optionally cutting out ``minus``'s subtree."""
    doc = tok.doc
    left, right = tok.left_edge.i, tok.right_edge.i + 1
    if minus is None or not (left <= minus.i < right):
        piece = trimmed(doc, left, right)
        return (piece,) if piece else ()
    pieces = (
        trimmed(doc, left, minus.left_edge.i),
        trimmed(doc, minus.right_edge.i + 1, right),
    )
    return tuple(p for p in pieces if p)


def find_subject(verb: Token) -> Token | None:
    """The subject of ``verb``, borrowed from a governing verb through conj/xcomp/advcl."""
    tok = verb
    for _ in range(MAX_SUBJECT_HOPS + 1):
        for child in tok.children:
            if child.dep_ in SUBJECT_DEPS:
                return child
        if tok.dep_ in ("conj", "xcomp", "advcl", "pcomp") and tok.head is not tok:
            tok = tok.head
            continue
        if tok.dep_ in ("relcl", "acl") and tok.head is not tok:
            return tok.head
        return None
    return None


def source_offsets(subject: Token) -> Offsets | None:
    """The source span: the subject's subtree, without trailing relative clauses or punctuation."""
    doc = subject.doc
    left, right = subject.left_edge.i, subject.right_edge.i + 1
    for child in subject.rights:
        if child.dep_ in ("relcl", "acl") or child.is_punct:
            right = min(right, child.left_edge.i)
    right = max(right, subject.i + 1)
    return trimmed(doc, left, right, keep_quotes=False)


def full_source_offsets(subject: Token) -> Offsets | None:
    """The source span as PolNeAR marks it: the subject's whole subtree, appositions and
    relative clauses included ("Jane Doe, a senator who ..."), but never across a line break.
    """
    doc = subject.doc
    left, right = subject.left_edge.i, subject.right_edge.i + 1
    for i in range(subject.i - 1, left - 1, -1):
        if "\n" in doc[i].text:  # "7:25 a.m.\n\nDonald Trump": keep the head's line
            left = i + 1
            break
    for i in range(subject.i + 1, right):
        if "\n" in doc[i].text:
            right = i
            break
    return trimmed(doc, left, right, keep_quotes=False)


def is_cue_verb(tok: Token, lexicon: frozenset[str] = SPEECH_VERBS | CLAUSE_VERBS) -> bool:
    """Whether ``tok`` is a verb whose lemma is a reporting cue."""
    return tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in lexicon


def cue_offsets(verb: Token) -> Offsets:
    """The cue span: the verb with its auxiliaries, negation and particle when adjacent.

    A run of adverbs alone is left out ("also said" -> "said"), as PolNeAR does.
    """
    start, end = verb.idx, verb.idx + len(verb.text)
    left = verb.i
    while left > 0 and verb.doc[left - 1].head.i == verb.i:
        if verb.doc[left - 1].dep_ not in CUE_AUX_DEPS:
            break
        left -= 1  # "has said", "did not address", "have also questioned": PolNeAR's cue
    if any(verb.doc[i].dep_ != "advmod" for i in range(left, verb.i)):
        start = verb.doc[left].idx
    for child in verb.rights:
        if child.dep_ == "prt" and child.i <= verb.i + 2:
            end = child.idx + len(child.text)
    return (start, end)
