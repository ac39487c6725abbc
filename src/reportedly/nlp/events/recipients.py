"""To whom: the recipient of an event, from the dependency parse around its trigger.

A recipient is the party an event is directed at (PLOVER manual 2.4.1). Where the parse names
a thing rather than a party, the party is read off the thing: its possessor ("rejected
Chad's plan"), an agentive modifier ("ambushed an army patrol"), its author ("the proposal
made by Mali"), or the party it is aimed at ("warned of reprisals against Laos"). Verbs look
at, in order: the direct object or dative, ``against/to/with/on...`` objects, the targets of
other prepositional objects ("rallied against the visit of the premier"), the subject of a
demanded or threatened clause, and then nested complements ("threatened to shell X").
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from .countries import country_of_words
from .syntax import RECIPIENT_PREPS, SUBJECT_DEPS, agentive, prep_objects, resolve_pronoun

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = [
    "noun_recipients",
    "passive_recipients",
    "place_recipient",
    "target_of",
    "verb_recipients",
]

logger = logging.getLogger(__name__)

OWNER_DEPS = frozenset({"compound", "amod", "nmod"})
AUTHOR_PREPS = ("by", "from", "of")
# Prepositions whose non-party object may still point at one ("along the border with X").
PATH_PREPS = (*RECIPIENT_PREPS, "of", "along", "across", "outside", "about", "near")
CLAUSE_TARGET_TYPES = frozenset({"REQUEST", "THREATEN", "REJECT"})
# The direct object of these is the actor's own force or resource, not a recipient.
OWN_OBJECT_TYPES = frozenset({"MOBILIZE"})
# Types whose recipient PLOVER coders often give as the place acted in ("demonstrated in X").
PLACE_RECIPIENT_TYPES = frozenset(
    {"PROTEST", "MOBILIZE", "COERCE", "SANCTION", "ASSAULT", "CONSULT", "AID", "THREATEN"}
)
PLACE_PREPS = ("in", "into", "at", "outside")


def target_of(noun: Token, *, depth: int = 1) -> Token | None:
    """The party a noun stands for or points at, or ``None``.

    Args:
        noun: a noun (object, prepositional object or passive subject).
        depth: how many non-party prepositional objects to look through.

    Returns:
        ``noun`` itself if it is a party, else its possessor, agentive modifier, author,
        or the party of its ``against/to/with/on...`` complements.
    """
    if agentive(noun):
        return noun
    owner = _owner(noun)
    if owner is not None and owner.pos_ != "PRON":  # "its positions": most often the actor's
        return owner
    found = [t for t in prep_objects(noun, RECIPIENT_PREPS) if agentive(t)]
    if found:
        return found[0]
    if depth > 0:
        for inner in prep_objects(noun, PATH_PREPS):
            target = target_of(inner, depth=depth - 1)
            if target is not None:
                return target
    return None


def _owner(noun: Token) -> Token | None:
    """Possessor, agentive modifier or author of a thing: "Chad's plan", "a plan by Chad"."""
    for child in noun.children:
        if child.dep_ == "poss" and agentive(child):
            return child
    for child in noun.children:
        if child.dep_ in OWNER_DEPS and agentive(child):
            return child
    authors = [t for t in prep_objects(noun, AUTHOR_PREPS) if agentive(t)]
    for clause in (c for c in noun.children if c.dep_ == "acl"):
        authors += [t for t in prep_objects(clause, ("by",)) if agentive(t)]
    return authors[0] if authors else None


def _object_recipient(obj: Token, event_type: str) -> Token | None:
    """The recipient a direct object or dative names (not the actor's own thing)."""
    owned = any(c.dep_ == "poss" and c.pos_ == "PRON" for c in obj.children)
    if agentive(obj) and not owned and event_type not in OWN_OBJECT_TYPES:
        return obj
    owner = _owner(obj)
    if owner is not None and not (event_type in OWN_OBJECT_TYPES and owner.pos_ == "PRON"):
        return owner
    found = [t for t in prep_objects(obj, RECIPIENT_PREPS) if agentive(t)]
    if found:
        return found[0]
    for inner in prep_objects(obj, PATH_PREPS):
        target = target_of(inner, depth=0)
        if target is not None:
            return target
    return None


def verb_recipients(verb: Token, event_type: str, *, depth: int = 2) -> list[Token]:
    """Recipient heads of an active verb trigger (see the module docstring for the order)."""
    for child in verb.children:
        if child.dep_ in ("dobj", "dative"):
            target = _object_recipient(child, event_type)
            if target is not None:
                return [target]
    found = [t for t in prep_objects(verb, RECIPIENT_PREPS) if agentive(t)]
    if found:
        return found[:1]
    for inner in prep_objects(verb, PATH_PREPS):
        target = target_of(inner)
        if target is not None:
            return [target]
    return _clause_recipients(verb, event_type, depth) if depth > 0 else []


def _clause_recipients(verb: Token, event_type: str, depth: int) -> list[Token]:
    """Recipients inside a complement: a demanded clause's subject, or the inner event's."""
    for child in verb.children:
        if child.dep_ not in ("ccomp", "xcomp", "advcl"):
            continue
        if child.dep_ != "advcl" and event_type in CLAUSE_TARGET_TYPES:
            subject = next((c for c in child.children if c.dep_ in SUBJECT_DEPS), None)
            if subject is not None and agentive(subject) and not _same_party(subject, verb):
                return [subject]
        if child.pos_ in ("VERB", "AUX"):
            inner = verb_recipients(child, event_type, depth=depth - 1)
            if inner:
                return inner
    return []


def _same_party(subject: Token, verb: Token) -> bool:
    """Whether an inner subject is (or may be) the outer one again ("X warned that it would").

    An unresolved pronoun counts as the same party: a reported clause's pronoun subject
    most often refers back to the speaker.
    """
    resolved = resolve_pronoun(subject)
    if resolved.pos_ == "PRON":
        return True
    outer = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return outer is not None and resolved.i == resolve_pronoun(outer).i


def passive_recipients(verb: Token, patients: list[Token], event_type: str) -> list[Token]:
    """Recipients of a passive: its subject if a party, else whom it was done to or for.

    "The convoy was attacked" -> the convoy; "supplies were sent to the refugees" -> the
    refugees; "a request from Peru was rejected" -> Peru. A thing with no party anywhere
    (a town, a road) stays the recipient: PLOVER codes places as targets.
    """
    parties = [p for p in patients if agentive(p)]
    if parties:
        return parties
    found = [t for t in prep_objects(verb, RECIPIENT_PREPS) if agentive(t)]
    if found:
        return found[:1]
    for patient in patients:
        target = target_of(patient)
        if target is not None:
            return [target]
    return patients


def noun_recipients(noun: Token) -> list[Token]:
    """Recipient heads of an event noun: "sanctions on X", "a protest against X's visit"."""
    found = [t for t in prep_objects(noun, RECIPIENT_PREPS) if agentive(t)]
    if found:
        return found
    for inner in prep_objects(noun, RECIPIENT_PREPS):
        target = target_of(inner, depth=0)
        if target is not None:
            return [target]
    head = noun.head
    if noun.dep_ == "pobj" and head.head.pos_ in ("NOUN", "PROPN"):
        return [t for t in prep_objects(head.head, RECIPIENT_PREPS) if agentive(t)]
    return _conflict_parties(noun)


def _conflict_parties(noun: Token) -> list[Token]:
    """Parties named in "in X's war against Y" after a mediation noun."""
    for inner in prep_objects(noun, ("in",)):
        owners = [c for c in inner.children if c.dep_ == "poss" and agentive(c)]
        return owners + [t for t in prep_objects(inner, ("against", "with")) if agentive(t)]
    return []


def place_recipient(token: Token, event_type: str) -> Token | None:
    """The place acted in/into, as a fallback recipient for :data:`PLACE_RECIPIENT_TYPES`."""
    if event_type not in PLACE_RECIPIENT_TYPES:
        return None
    for holder in (token, *[c for c in token.children if c.dep_ in ("dobj", "xcomp", "advcl")]):
        for place in prep_objects(holder, PLACE_PREPS):
            if place.ent_type_ in ("GPE", "LOC", "FAC") or country_of_words([place.text]):
                return place
    return None
