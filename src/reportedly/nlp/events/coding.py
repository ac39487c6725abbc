"""Find PLOVER event candidates in a sentence and decide their type, mode and rank.

A candidate is a lexicon verb, a verb + particle/object phrase ("open fire"), an event noun,
or a light/reversing verb with an event noun as object ("staged a demonstration" is a
PROTEST, "suspended aid" a SANCTION, "lifted the curfew" a CONCEDE). PLOVER's recoding rules
then apply: cooperation reported as future or intended is AGREE, a future retreat CONCEDE,
future material conflict THREATEN (manual sections 3.1, 3.4, 3.7), and a clause with
"must"/"should" reported from someone else is a REQUEST. Candidates nearer the root of the
parse rank higher: "agreed to provide aid" is first of all an AGREE.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from .lexicon import (
    ACCEPTERS,
    APPROVERS,
    COOPERATIVE,
    CROWD_WORDS,
    DISCOURSE_OBJECTS,
    LIGHT_VERBS,
    MATERIAL_CONFLICT,
    REPORTING_VERBS,
    RETREAT_WHEN_ENDED,
    REVERSERS,
    WITHDRAWN_RESOURCES,
    Entry,
    Lexicon,
)
from .modality import modality_cues
from .nouns import hyphen_compound, noun_entry

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["Candidate", "find_candidates", "recode"]

logger = logging.getLogger(__name__)

VERB_BONUS = 0.15  # a verb states an event; a noun may only mention one
DEPTH_COST = 0.1  # per dependency edge between the trigger and the sentence root
BACKGROUND_COST = 0.3  # triggers inside "after ...", "because ...", relative clauses
BACKGROUND_MARKS = frozenset("after since because before as when while although though".split())
BACKGROUND_PREPS = frozenset("after following since despite amid because before over".split())
MAX_DEPTH_COST = 4  # beyond this many edges, depth no longer separates candidates
DIRECTIVE_AUX = frozenset({"must", "should", "ought"})
PHRASE_DEPS = frozenset({"prt", "dobj", "prep", "attr", "advmod", "pobj", "compound"})
PROTEST_FILERS = frozenset({"lodge", "file", "send", "deliver", "register", "issue"})
MIN_CONFIDENCE = 0.05
EMBEDDED_COST = 0.1  # an event inside a request/refusal/threat is its topic, not the event
# Verbal acts whose complement is what is asked, refused or threatened (manual 3.8, 3.12).
VERBAL_ACTS = frozenset({"REQUEST", "REJECT", "THREATEN", "ACCUSE", "AGREE"})
# Events whose ending is a verbal concession (manual 3.4: easing restrictions, dropping charges).
ENDED_IS_CONCESSION = MATERIAL_CONFLICT | frozenset({"THREATEN", "PROTEST", "REQUEST", "ACCUSE"})
# Verbs of vowing: with a threatening complement ("vowed to attack") they are a THREATEN.
VOW_VERBS = frozenset("vow pledge promise swear".split())
# Verbs that are a PROTEST (with this mode) when a crowd does them without an object.
CROWD_ACTIONS = {"protest": "demo", "strike": "strike", "demonstrate": "demo"}


@dataclass(frozen=True, slots=True)
class Candidate:
    """A possible event: ``head`` carries its roles, ``anchor`` (the verb) its rank."""

    head: Token
    anchor: Token
    trigger: tuple[int, int]
    type: str
    mode: str | None
    weight: float
    is_noun: bool
    directive: bool = False
    embedded: bool = False  # the content of a verbal act ("dismissed an appeal to disarm")

    @property
    def confidence(self) -> float:
        """Lexicon weight adjusted by how central the trigger is in its sentence."""
        score = self.weight + (0.0 if self.is_noun else VERB_BONUS)
        score -= (
            DEPTH_COST * min(_depth(self.anchor), MAX_DEPTH_COST)
            + BACKGROUND_COST * _background(self.anchor)
            + EMBEDDED_COST * self.embedded
        )
        return round(min(0.99, max(0.05, score)), 3)


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 20:
        token = token.head
        depth += 1
    return depth


def _background(token: Token) -> int:
    count = 0
    while token.head.i != token.i:
        if token.dep_ == "relcl":
            count += 1
        elif token.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in BACKGROUND_MARKS for c in token.children
        ):
            count += 1
        elif token.dep_ in ("pobj", "pcomp") and token.head.lower_ in BACKGROUND_PREPS:
            count += 1
        token = token.head
    return min(count, 2)


def _span(first: Token, last: Token) -> tuple[int, int]:
    lo, hi = (first, last) if first.i <= last.i else (last, first)
    return lo.idx, hi.idx + len(hi.text)


def _combine(verb: Token, noun: Token, named: Entry) -> Entry | None:
    """The event of a light or reversing verb with an event noun as its object."""
    lemma = verb.lemma_.lower()
    weight = min(0.95, named.weight + 0.2)
    if lemma in REVERSERS:
        ended = noun.lemma_.lower()
        if named.type in COOPERATIVE or named.type == "AGREE":
            return Entry("SANCTION", "discontinue", max(weight, 0.7))
        if ended in RETREAT_WHEN_ENDED:
            return Entry("RETREAT", None, max(weight, 0.7))
        if named.type in ENDED_IS_CONCESSION:  # "lifted sanctions", "dropped charges"
            return Entry("CONCEDE", None, max(weight, 0.7))
        return None
    if lemma in ACCEPTERS and named.type == "REQUEST":  # "met the strikers' demands"
        return Entry("CONCEDE", None, max(weight, 0.75))
    if lemma in APPROVERS and named.type == "AID":  # "approved a $500 million loan"
        return replace(named, weight=max(weight, 0.75))
    if lemma in PROTEST_FILERS and noun.lemma_.lower() == "protest":
        return Entry("ACCUSE", "disapprove", 0.8)
    if lemma in LIGHT_VERBS:
        return replace(named, weight=weight)
    return None


def _phrase(verb: Token, lexicon: Lexicon) -> tuple[Token, Entry] | None:
    """The strongest ``verb word`` phrase over the verb's particles, objects and ``prep`` objects.

    "laid down its weapons" matches ``lay weapon`` (disarm) before ``lay down``; "put its
    forces on alert" and "spoke by telephone" reach the noun through the preposition.
    """
    lemma = verb.lemma_.lower()
    words = [c for c in verb.children if c.dep_ in PHRASE_DEPS]
    words += [g for c in words if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    best: tuple[Token, Entry] | None = None
    for word in words:
        entry = lexicon.phrases.get((lemma, word.lemma_.lower()))
        if entry is not None and (best is None or entry.weight > best[1].weight):
            best = (word, entry)
    return best


def _verb_candidate(verb: Token, lexicon: Lexicon, used: set[int]) -> Candidate | None:
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "attr")]
    phrase = _phrase(verb, lexicon)
    if phrase is not None:
        word, entry = phrase
        used.add(word.i)
        if entry.mode == "withdraw" and {o.lemma_.lower() for o in objects} & WITHDRAWN_RESOURCES:
            entry = Entry("SANCTION", "withdraw", entry.weight)  # "observers were pulled out"
        return Candidate(verb, verb, _span(verb, word), entry.type, entry.mode, entry.weight, False)
    objects += [
        g
        for c in verb.children
        if c.dep_ == "prep"
        for g in c.children
        if g.dep_ == "pobj" and c.lower_ in ("in", "into")
    ]
    for obj in objects:
        named = noun_entry(obj, lexicon)
        if named is not None:
            combined = _combine(verb, obj, named)
            if combined is not None:
                used.add(obj.i)
                return Candidate(
                    obj,
                    verb,
                    _span(verb, obj),
                    combined.type,
                    combined.mode,
                    combined.weight,
                    False,
                )
    return _plain_verb(verb, lexicon, objects)


def _plain_verb(verb: Token, lexicon: Lexicon, objects: list[Token]) -> Candidate | None:
    lemma = verb.lemma_.lower()
    entry = lexicon.verbs.get(lemma)
    if entry is None:
        return None
    object_lemmas = {o.lemma_.lower() for o in objects}
    if lemma in ("offer", "propose") and object_lemmas & DISCOURSE_OBJECTS:
        return None
    if any(c.dep_ == "ccomp" for c in verb.children) and entry.type == "AID":
        return None  # "a term providing that ...": a clause, not a delivery
    if lemma == "withdraw" and object_lemmas & WITHDRAWN_RESOURCES:
        entry = Entry("SANCTION", "withdraw", entry.weight)
    direct = [c for c in verb.children if c.dep_ == "dobj"]
    if lemma in CROWD_ACTIONS and not direct and _crowd_subject(verb):
        # "thousands protested", "teachers struck": collective action, not a diplomatic protest
        entry = Entry("PROTEST", CROWD_ACTIONS[lemma], max(entry.weight, 0.7))
    return Candidate(verb, verb, _span(verb, verb), entry.type, entry.mode, entry.weight, False)


def _crowd_subject(verb: Token) -> bool:
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return any(
        s.lemma_.lower() in CROWD_WORDS
        or any(
            g.dep_ == "pobj" and g.lemma_.lower() in CROWD_WORDS
            for p in s.children
            for g in p.children
        )
        for s in subjects
    )


def _directive(verb: Token) -> bool:
    """A clause like "(X said) Sudan must return the helicopter": a demand on its subject."""
    if not any(c.dep_ == "aux" and c.lower_ in DIRECTIVE_AUX for c in verb.children):
        return False
    head = verb.head
    return verb.dep_ in ("ccomp", "acl") and (
        head.lemma_.lower() in REPORTING_VERBS or head.pos_ == "NOUN"
    )


def _noun_candidates(sent: Span, lexicon: Lexicon, used: set[int]) -> list[Candidate]:
    found: list[Candidate] = []
    for token in sent:
        if token.i in used:
            continue
        compound = hyphen_compound(token, lexicon)
        head, entry = compound if compound else (token, noun_entry(token, lexicon))
        if entry is not None and head.i not in used:
            used.add(head.i)
            found.append(
                recode(
                    Candidate(
                        head, head, _span(token, head), entry.type, entry.mode, entry.weight, True
                    )
                )
            )
    return found


def _vowed_threats(found: list[Candidate]) -> list[Candidate]:
    """ "vowed to attack the capital": a vow of material conflict is a THREATEN (3.11)."""
    threats = {c.anchor.i for c in found if c.type == "THREATEN"}
    return [
        replace(c, type="THREATEN", mode=None)
        if c.type == "AGREE"
        and c.anchor.lemma_.lower() in VOW_VERBS
        and any(x.dep_ == "xcomp" and x.i in threats for x in c.anchor.children)
        else c
        for c in found
    ]


def _embed(found: list[Candidate]) -> list[Candidate]:
    """Mark candidates governed by a verbal-act verb candidate (see ``EMBEDDED_COST``)."""
    acts = {c.anchor.i for c in found if c.type in VERBAL_ACTS and not c.is_noun}
    return [
        replace(c, embedded=True)
        if any(a.i in acts for a in c.anchor.ancestors) and c.type not in VERBAL_ACTS
        else c
        for c in found
    ]


def find_candidates(sent: Span, lexicon: Lexicon) -> list[Candidate]:
    """Event candidates of one sentence, recoded, ranked by confidence (best first)."""
    used: set[int] = set()
    found: list[Candidate] = []
    for token in sent:
        if token.pos_ in ("VERB", "AUX") or (token.pos_ == "NOUN" and token.dep_ == "ROOT"):
            candidate = _verb_candidate(token, lexicon, used) if token.pos_ != "NOUN" else None
            if _directive(token):
                base = candidate or Candidate(
                    token, token, _span(token, token), "REQUEST", None, 0.55, False
                )
                candidate = replace(
                    base, type="REQUEST", mode=None, directive=True, weight=max(base.weight, 0.6)
                )
            if candidate is not None:
                found.append(recode(candidate))
    found = _embed(_vowed_threats(found + _noun_candidates(sent, lexicon, used)))
    scored = [(c.confidence, c) for c in _drop_nested_duplicates(found)]
    return [c for score, c in sorted(scored, key=lambda p: -p[0]) if score >= MIN_CONFIDENCE]


def recode(candidate: Candidate) -> Candidate:
    """Apply PLOVER's recoding of intended/future and conditional events (manual 3.1, 3.4)."""
    if candidate.directive:
        return candidate
    cues = modality_cues(candidate.anchor)
    conditional = any(
        c.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in c.children)
        for c in candidate.anchor.children
    )
    kind = candidate.type
    if conditional and kind in MATERIAL_CONFLICT | {"RETREAT"}:
        kind = "THREATEN"
    elif "future" in cues:
        if kind in COOPERATIVE:
            kind = "AGREE"
        elif kind == "RETREAT":
            kind = "CONCEDE"
        elif kind in MATERIAL_CONFLICT:
            kind = "THREATEN"
    return candidate if kind == candidate.type else replace(candidate, type=kind)


def _drop_nested_duplicates(found: list[Candidate]) -> list[Candidate]:
    """Drop a candidate governed by another of the same type ("agreed to ... agree")."""
    by_anchor = {c.anchor.i: c for c in found}
    kept = []
    for candidate in found:
        token = candidate.anchor
        duplicate = False
        while token.head.i != token.i:
            token = token.head
            other = by_anchor.get(token.i)
            if other is not None and other.type == candidate.type and other is not candidate:
                duplicate = True
                break
        if not duplicate:
            kept.append(candidate)
    return kept
