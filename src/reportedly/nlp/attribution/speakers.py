"""Speaker resolution: link pronoun and description sources to a named entity of the document.

Rules, in order: a source whose head lies in a named entity is already named;
a description holding a name resolves to that name ("a WeWork spokesperson");
a personal pronoun or a role noun ("he", "the president") goes to the nearest
preceding person (a short name is expanded to its longest mention: "Xi" ->
"Xi Jinping"); an organisation description ("the analysts", "experts", "the
report") goes to the most recent *sourcing target* ("reported with reference
to Y", "citing Y"), else the nearest preceding organisation; "they"/"it" go to
the most recent sourcing target or organisation.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .cues import (
    NEUTER_PRONOUNS,
    ORG_DESCRIPTIONS,
    ORG_LABELS,
    PERSON_LABELS,
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
    ROLE_NOUNS,
    SOURCING_PHRASES,
)
from .spans import find_subject, source_offsets, text_of
from .types import Candidate, Offsets, SourcingStatement

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Mention:
    """A named-entity mention, in chars."""

    start: int
    end: int
    label: str


def entity_mentions(doc: Doc) -> list[Mention]:
    """Person and organisation-like entity mentions, in text order, without a leading "the"."""
    found: list[Mention] = []
    for ent in doc.ents:
        if ent.label_ not in PERSON_LABELS | ORG_LABELS:
            continue
        start = ent[1].idx if len(ent) > 1 and ent[0].lower_ == "the" else ent.start_char
        found.append(Mention(start, ent.end_char, ent.label_))
    return found


def _phrase_object(doc: Doc, i: int) -> Token | None:
    """The object of a sourcing phrase starting at token ``i``, if one matches."""
    for phrase in SOURCING_PHRASES:
        end = i + len(phrase)
        if end > len(doc) or tuple(t.lower_ for t in doc[i:end]) != phrase:
            continue
        last = doc[end - 1]
        if phrase == ("according", "to"):
            return None
        objs = [c for c in last.children if c.dep_ in ("pobj", "dobj")]
        if objs:
            return objs[0]
    return None


def find_sourcing_statements(doc: Doc, mentions: list[Mention]) -> list[SourcingStatement]:
    """ "X reported with reference to Y" / "X, citing Y, said": X then Y, in text order.

    A link holding a named entity is narrowed to that entity ("the Institute for
    the Study of War (ISW)" -> "Institute for the Study of War").
    """
    found: list[SourcingStatement] = []
    for tok in doc:
        if tok.lower_ not in ("with", "in", "referring", "citing", "quoting"):
            continue
        try:
            obj = _phrase_object(doc, tok.i)
            if obj is None:
                continue
            verb = tok.head if tok.dep_ in ("prep", "advcl", "xcomp") else tok
            while verb.dep_ in ("prep", "pobj", "pcomp") and verb.head is not verb:
                verb = verb.head
            subject = find_subject(verb)
            links: list[Offsets] = []
            for head in (subject, obj):
                span = source_offsets(head) if head is not None else None
                if span:
                    inner = _whole_mention_in(text_of(doc), mentions, span)
                    links.append((inner.start, inner.end) if inner else span)
            found.append(SourcingStatement(tok.idx, tuple(links)))
        except Exception:  # a bad parse never fails the document
            logger.exception("sourcing phrase at %d skipped", tok.idx)
    return found


def longest_mention(text: str, mentions: list[Mention], m: Mention) -> Mention:
    """The longest mention of the same label whose words include ``m``'s last word."""
    last = text[m.start : m.end].split()[-1:] or [""]
    best = m
    for other in mentions:
        if other.label == m.label and last[0] in text[other.start : other.end].split():
            if other.end - other.start > best.end - best.start:
                best = other
    return best


def _mention_in(mentions: list[Mention], span: Offsets) -> Mention | None:
    for m in mentions:
        if m.start >= span[0] and m.end <= span[1]:
            return m
    return None


def _whole_mention_in(text: str, mentions: list[Mention], span: Offsets) -> Mention | None:
    """A mention inside ``span`` that is not part of a longer word ("RBC" in "RBC-Ukraine")."""
    m = _mention_in(mentions, span)
    if m is None:
        return None
    after = text[m.end : m.end + 1]
    before = text[m.start - 1 : m.start] if m.start else ""
    if (after and (after.isalnum() or after == "-")) or before == "-":
        return None
    return m


def _nearest(mentions: list[Mention], before: int, labels: frozenset[str]) -> Mention | None:
    best = None
    for m in mentions:
        if m.end <= before and m.label in labels:
            best = m
    return best


def _latest_target(
    doc: Doc, statements: list[SourcingStatement], mentions: list[Mention], before: int
) -> Offsets | None:
    target = None
    for st in statements:
        if st.position < before and st.links:
            target = st.links[-1]
    if target is None:
        return None
    inner = _mention_in(mentions, target)
    return (inner.start, inner.end) if inner else target


def _named_inside(doc: Doc, span: Offsets, mentions: list[Mention]) -> Offsets | None:
    """A name inside a description source ("a WeWork spokesperson" -> "WeWork")."""
    inner = _whole_mention_in(text_of(doc), mentions, span)
    if inner is None or (inner.start, inner.end) == span:
        return None
    return (inner.start, inner.end)


def _head_in_mention(tok: Token, mentions: list[Mention]) -> bool:
    return any(m.start <= tok.idx < m.end for m in mentions)


def resolve_source(
    doc: Doc,
    cand: Candidate,
    mentions: list[Mention],
    statements: list[SourcingStatement],
) -> Offsets | None:
    """The named antecedent of ``cand``'s source, or None (named already, or not found).

    Args:
        doc: the parsed Doc.
        cand: the attribution candidate.
        mentions: ``entity_mentions(doc)``.
        statements: ``find_sourcing_statements(doc)``.
    """
    if cand.source is None or cand.source_head is None:
        return None
    head = doc[cand.source_head]
    if _head_in_mention(head, mentions):
        return None
    named = _named_inside(doc, cand.source, mentions)
    if named is not None:  # "a WeWork spokesperson", "a spokesman for the Kremlin"
        return named
    lower, lemma, at = head.lower_, head.lemma_.lower(), cand.source[0]
    found: Mention | None = None
    if lower in PERSON_PRONOUNS or (head.pos_ == "NOUN" and lemma in ROLE_NOUNS):
        found = _nearest(mentions, at, PERSON_LABELS)
        if found is not None:
            found = longest_mention(text_of(doc), mentions, found)
    elif lower in PLURAL_PRONOUNS | NEUTER_PRONOUNS or lemma in ORG_DESCRIPTIONS:
        target = _latest_target(doc, statements, mentions, at)
        if target is not None:
            return target
        found = _nearest(mentions, at, ORG_LABELS - {"NORP"})
    if found is None:
        return None
    return (found.start, found.end)
