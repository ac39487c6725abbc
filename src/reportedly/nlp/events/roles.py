"""Who did it, to whom: actor and recipient head tokens of an event from the dependency parse.

Actors are the subject of the trigger's clause (climbing ``xcomp``/``conj`` for control and
shared subjects), the ``by`` agent of a passive or of an event noun, or an event noun's
possessor or nationality modifier ("Indian proposal"). Recipients come from
:mod:`.recipients`: the patient (a passive subject, a direct object or the party it names),
prepositional targets and, for demands and threats, the subject of the demanded clause.
Spans, conjunct expansion and pronoun resolution happen later, in :mod:`.spans`.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from .recipients import noun_recipients, passive_recipients, verb_recipients
from .syntax import agentive, clause_subject, prep_objects

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["noun_roles", "verb_roles"]

logger = logging.getLogger(__name__)

LIGHT_PASSIVES = frozenset({"engage", "involve", "commit"})


def verb_roles(verb: Token, event_type: str) -> tuple[list[Token], list[Token]]:
    """Actor and recipient head tokens of an event whose trigger is the verb ``verb``."""
    passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
    agents = prep_objects(verb, ("by",))
    if passive and not agents and verb.lemma_.lower() in LIGHT_PASSIVES:
        # "forces were engaged in ...": the subject still acts
        return passive, verb_recipients(verb, event_type)
    if passive:
        return agents, passive_recipients(verb, passive, event_type)
    subject = clause_subject(verb)
    actors = [subject] if subject is not None else []
    return actors, verb_recipients(verb, event_type)


def noun_roles(noun: Token, event_type: str) -> tuple[list[Token], list[Token]]:
    """Actor and recipient heads of an event whose trigger is the noun ``noun``."""
    actors = [t for t in prep_objects(noun, ("by",)) if agentive(t)]
    if not actors:
        actors = [
            c
            for c in noun.children
            if c.dep_ == "poss" or (c.dep_ in ("compound", "amod", "nmod") and agentive(c))
        ][:1]
    if not actors and noun.dep_ == "pobj" and noun.head.lower_ == "as":
        # "presenting China as a mediator": the object of the predicating verb
        actors = [c for c in noun.head.head.children if c.dep_ == "dobj"][:1]
    if not actors:
        governor = _governing_verb(noun)
        if governor is not None:
            subject = clause_subject(governor)
            actors = [subject] if subject is not None else []
    return actors, noun_recipients(noun)


def _governing_verb(noun: Token) -> Token | None:
    """The verb a noun hangs from through object/preposition edges, unless it is the subject."""
    current = noun
    for _ in range(5):
        if current.dep_ in ("nsubj", "nsubjpass") or current.head == current:
            return None
        current = current.head
        if current.pos_ in ("VERB", "AUX"):
            return current
    return None
