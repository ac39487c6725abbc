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
    COOPERATIVE,
    DISCOURSE_OBJECTS,
    JOINT_NOUNS,
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
JOINT_WORDS = frozenset({"joint", "bilateral", "combined", "multinational"})
DIPLOMATIC_PROTEST = frozenset({"official", "diplomatic", "formal", "strong", "written"})
PROTEST_FILERS = frozenset({"lodge", "file", "send", "deliver", "register", "issue"})
MIN_CONFIDENCE = 0.05


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

    @property
    def confidence(self) -> float:
        """Lexicon weight adjusted by how central the trigger is in its sentence."""
        score = self.weight + (0.0 if self.is_noun else VERB_BONUS)
        score -= DEPTH_COST * min(
            _depth(self.anchor), MAX_DEPTH_COST
        ) + BACKGROUND_COST * _background(self.anchor)
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


def _noun_entry(noun: Token, lexicon: Lexicon) -> Entry | None:
    lemma = noun.lemma_.lower()
    entry = lexicon.nouns.get(lemma)
    if entry is None or noun.pos_ not in ("NOUN",):
        return None
    modifiers = {c.lemma_.lower() for c in noun.children if c.dep_ in ("amod", "compound")}
    if lemma in JOINT_NOUNS:
        if lemma == "game" and "war" not in modifiers:
            return None
        kind = "COOPERATE" if modifiers & JOINT_WORDS else "MOBILIZE"
        return Entry(kind, None if kind == "COOPERATE" else entry.mode, max(entry.weight, 0.55))
    if lemma == "strike" and "hunger" in modifiers:
        return Entry("PROTEST", "hunger", 0.8)
    if lemma == "protest" and modifiers & DIPLOMATIC_PROTEST:
        return Entry("ACCUSE", "disapprove", 0.75)
    if lemma in ("supply", "delivery", "shipment", "aid", "assistance"):
        return replace(entry, mode=_aid_mode(noun) or entry.mode)
    return entry


def _aid_mode(noun: Token) -> str | None:
    words = {t.lemma_.lower() for t in noun.subtree}
    if words & {"weapon", "arm", "military", "ammunition", "missile", "tank", "troop"}:
        return "military"
    if words & {"food", "humanitarian", "medical", "medicine", "emergency", "relief", "refugee"}:
        return "humanitarian"
    if words & {"economic", "financial", "dollar", "money", "loan", "credit", "budget"}:
        return "economic"
    return None


def _combine(verb: Token, noun: Token, noun_entry: Entry) -> Entry | None:
    """The event of a light or reversing verb with an event noun as its object."""
    lemma = verb.lemma_.lower()
    weight = min(0.95, noun_entry.weight + 0.2)
    if lemma in REVERSERS:
        ended = noun.lemma_.lower()
        if noun_entry.type in COOPERATIVE or noun_entry.type == "AGREE":
            return Entry("SANCTION", "discontinue", max(weight, 0.7))
        if ended in RETREAT_WHEN_ENDED:
            return Entry("RETREAT", None, max(weight, 0.7))
        if noun_entry.type in MATERIAL_CONFLICT | {"THREATEN", "PROTEST", "REQUEST"}:
            return Entry("CONCEDE", None, max(weight, 0.7))
        return None
    if lemma in PROTEST_FILERS and noun.lemma_.lower() == "protest":
        return Entry("ACCUSE", "disapprove", 0.8)
    if lemma in LIGHT_VERBS:
        return replace(noun_entry, weight=weight)
    return None


def _verb_candidate(verb: Token, lexicon: Lexicon, used: set[int]) -> Candidate | None:
    lemma = verb.lemma_.lower()
    for child in verb.children:
        if child.dep_ in PHRASE_DEPS:
            entry = lexicon.phrases.get((lemma, child.lemma_.lower()))
            if entry is not None:
                used.add(child.i)
                return Candidate(
                    verb, verb, _span(verb, child), entry.type, entry.mode, entry.weight, False
                )
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "attr")]
    objects += [
        g
        for c in verb.children
        if c.dep_ == "prep"
        for g in c.children
        if g.dep_ == "pobj" and c.lower_ in ("in", "into")
    ]
    for obj in objects:
        noun_entry = _noun_entry(obj, lexicon)
        if noun_entry is not None:
            combined = _combine(verb, obj, noun_entry)
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
    return Candidate(verb, verb, _span(verb, verb), entry.type, entry.mode, entry.weight, False)


def _directive(verb: Token) -> bool:
    """A clause like "(X said) Sudan must return the helicopter": a demand on its subject."""
    if not any(c.dep_ == "aux" and c.lower_ in DIRECTIVE_AUX for c in verb.children):
        return False
    head = verb.head
    return verb.dep_ in ("ccomp", "acl") and (
        head.lemma_.lower() in REPORTING_VERBS or head.pos_ == "NOUN"
    )


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
    for token in sent:
        if token.i in used or token.pos_ != "NOUN":
            continue
        entry = _noun_entry(token, lexicon)
        if entry is not None:
            found.append(
                recode(
                    Candidate(
                        token,
                        token,
                        _span(token, token),
                        entry.type,
                        entry.mode,
                        entry.weight,
                        True,
                    )
                )
            )
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
