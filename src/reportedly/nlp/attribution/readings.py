"""Complement readings: every way a verb's or a noun's dependents may hold attributed content.

A *reading* is ``(rule, content pieces)``. Which (lemma, rule) pairs really are
attributions is learned from PolNeAR's train part (``lexicon.py``); these
functions only propose, for any lemma.

Verb rules: ``ccomp`` (said that ...), ``parataxis`` (..., X said, ...), ``xcomp``
(vowed to ...), ``dobj`` (announced a plan), ``dobj_x`` (urged voters to ...,
called him "a liar"), ``prep`` (called for ..., spoke about ...), ``prep2``
(other prepositions: accused him of ..., warned against ...), ``advcl``
(tweeted that ... when the parser attaches the clause as an adverbial).

Noun rules: ``n_clause`` (the claim that ..., a plan to ...) and ``n_prep``
(questions about ..., criticism of ...).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from .spans import subtree_offsets, trimmed
from .types import Offsets

if TYPE_CHECKING:
    from spacy.tokens import Token

logger = logging.getLogger(__name__)

Reading = tuple[str, tuple[Offsets, ...]]

MAIN_PREPS = frozenset({"for", "on", "about"})
OTHER_PREPS = frozenset({"of", "against", "over", "with", "to", "into", "at", "as", "by"})
NOUN_PREPS = frozenset({"about", "of", "on", "over", "against", "for", "that", "to"})
# Dependents after a direct object that belong to the content ("urged voters to vote").
OBJECT_COMPLEMENTS = frozenset({"xcomp", "oprd"})  # a ccomp is its own reading


def _prep_object(prep: Token) -> Token | None:
    """The object (pobj) or clausal complement (pcomp) of a preposition."""
    return next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)


def _object_with_complement(verb: Token, obj: Token) -> tuple[Offsets, ...]:
    """``urged [voters to vote]``: the object through the last complement after it."""
    comps = [c for c in verb.rights if c.i > obj.i and c.dep_ in OBJECT_COMPLEMENTS]
    if not comps:
        return ()
    piece = trimmed(verb.doc, obj.left_edge.i, comps[-1].right_edge.i + 1)
    return (piece,) if piece else ()


def _prep_readings(verb: Token, child: Token) -> list[Reading]:
    if child.dep_ != "prep":
        return []
    obj = _prep_object(child)
    if obj is None:
        return []
    prep = child.lower_
    if prep in MAIN_PREPS:
        return [("prep", subtree_offsets(obj))]
    if prep in OTHER_PREPS:
        return [("prep2", subtree_offsets(obj))]
    return []


def verb_readings(verb: Token) -> list[Reading]:
    """Every (rule, content pieces) reading of ``verb``'s complements, whatever its lemma."""
    options: list[Reading] = []
    children = list(verb.children)
    for child in children:
        if child.dep_ == "ccomp":
            options.append(("ccomp", subtree_offsets(child)))
    if verb.dep_ == "parataxis" and verb.head.pos_ in ("VERB", "AUX"):
        options.append(("parataxis", subtree_offsets(verb.head, minus=verb)))
    for child in children:
        if child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX"):
            options.append(("xcomp", subtree_offsets(child)))
        elif child.dep_ == "advcl" and child.i > verb.i:
            options.append(("advcl", subtree_offsets(child)))
    for child in children:
        if child.dep_ == "dobj":
            options.append(("dobj", subtree_offsets(child)))
            options.append(("dobj_x", _object_with_complement(verb, child)))
        options.extend(_prep_readings(verb, child))
    return [(rule, frags) for rule, frags in options if frags]


def _noun_clause(noun: Token) -> Token | None:
    """A that-clause or to-infinitive attached to ``noun`` ("the claim that ...", "a plan to ...")."""
    for c in noun.rights:
        if c.dep_ not in ("acl", "ccomp", "relcl", "appos"):
            continue
        marks = {g.lower_ for g in c.children if g.dep_ in ("mark", "aux")}
        if "that" in marks or (c.dep_ == "acl" and "to" in marks):
            return c
    return None


def noun_readings(noun: Token) -> list[Reading]:
    """Every (rule, content pieces) reading of a noun's complements."""
    options: list[Reading] = []
    clause = _noun_clause(noun)
    if clause is not None:
        options.append(("n_clause", subtree_offsets(clause)))
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in NOUN_PREPS:
            obj = _prep_object(child)
            if obj is not None:
                options.append(("n_prep", subtree_offsets(obj)))
            break
    return [(rule, frags) for rule, frags in options if frags]


def readings(tok: Token) -> list[Reading]:
    """The readings of a verb or noun token (none for other parts of speech)."""
    if tok.pos_ in ("VERB", "AUX"):
        return verb_readings(tok)
    if tok.pos_ == "NOUN":
        return noun_readings(tok)
    return []
