"""Who did it, to whom, where: actor, recipient and location spans from the dependency parse.

Actors are the subject of the trigger's clause (climbing ``xcomp``/``conj`` for control and
shared subjects), the ``by`` agent of a passive or of an event noun, or an event noun's
possessor or nationality modifier ("Indian proposal"). Recipients are the patient (passive
subject, agentive direct object), the objects of ``against/to/with/on/for`` and, for demands,
the subject of the demanded clause. Every role is expanded through conjunctions and
pronouns are resolved to the nearest agreeing subject before them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from .countries import country_of_words

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = [
    "agentive",
    "clause_subject",
    "conjuncts",
    "find_location",
    "np_span",
    "place_recipient",
    "resolve_pronoun",
    "verb_roles",
    "noun_roles",
]

logger = logging.getLogger(__name__)

Offsets = tuple[int, int]

NP_KEEP_PREPS = frozenset({"of", "from", "in", "near", "for", "at", "loyal"})
NP_DROP_DEPS = frozenset({"relcl", "acl", "appos", "advcl", "punct", "cc", "conj", "prep"})
AGENT_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
PEOPLE = frozenset(
    "people civilian refugee official leader government soldier troop force protester "
    "demonstrator worker student detainee prisoner minister president rebel militant "
    "army police authority group party member delegation country nation state council "
    "court parliament administration regime guerrilla militia settler resident citizen "
    "national immigrant opposition candidate elder politician serviceman youth "
    "activist diplomat ambassador inspector peacekeeper observer personnel ally "
    "partner neighbor neighbour community population victim hostage agency".split()
)
RECIPIENT_PREPS = (
    "against",
    "to",
    "with",
    "on",
    "upon",
    "for",
    "into",
    "toward",
    "towards",
    "at",
    "from",
    "over",
    "between",
    "among",
)
LOCATION_PREPS = frozenset({"in", "at", "near", "inside", "outside"})
PRONOUNS_PLURAL = frozenset({"they", "them", "their", "theirs", "we", "our", "us"})
PRONOUNS_PERSON = frozenset({"he", "him", "his", "she", "her", "hers"})
PRONOUNS_THING = frozenset({"it", "its"})
OBJECT_CONTROL = frozenset(
    "urge ask allow permit force order persuade invite encourage call press tell".split()
)
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
LIGHT_PASSIVES = frozenset({"engage", "involve", "commit"})
# Types whose recipient PLOVER coders often give as the place acted in ("demonstrated in X").
PLACE_RECIPIENT_TYPES = frozenset(
    {"PROTEST", "MOBILIZE", "COERCE", "SANCTION", "ASSAULT", "CONSULT", "AID", "THREATEN"}
)


def np_span(head: Token) -> Offsets:
    """The char span of the noun phrase headed by ``head``: its modifiers and ``of``/``in``
    complements, without conjuncts, clauses, appositions or a leading determiner."""
    tokens = [head]
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in NP_KEEP_PREPS and child.i > head.i:
            tokens.extend(_clean_subtree(child))
        elif child.dep_ not in NP_DROP_DEPS:
            tokens.extend(_clean_subtree(child))
    start = min(t.i for t in tokens)
    end = max(t.i for t in tokens)
    doc = head.doc
    while start < head.i and doc[start].dep_ in ("det", "punct", "cc") and doc[start].head == head:
        start += 1
    while end > head.i and doc[end].is_punct:
        end -= 1
    return doc[start].idx, doc[end].idx + len(doc[end].text)


def _clean_subtree(token: Token) -> Iterator[Token]:
    yield token
    for child in token.children:
        if child.dep_ not in ("relcl", "acl", "appos", "punct", "advcl"):
            yield from _clean_subtree(child)


def conjuncts(token: Token) -> list[Token]:
    """``token`` and the nouns coordinated with it ("Russia and China" -> both)."""
    found = [token]
    for child in token.children:
        if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN", "PRON"):
            found.extend(conjuncts(child))
    return found


def agentive(token: Token) -> bool:
    """Whether a noun can be a PLOVER actor/recipient (a person, group, state, organisation)."""
    if token.pos_ == "PRON":
        return token.lower_ in PRONOUNS_PLURAL | PRONOUNS_PERSON | PRONOUNS_THING
    if token.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL"):
        return False
    if token.pos_ in ("ADJ", "ADV", "VERB", "NUM"):
        return country_of_words([token.text]) is not None
    if token.ent_type_ in AGENT_ENTS or token.pos_ == "PROPN":
        return True
    if token.lemma_.lower() in PEOPLE:
        return True
    words = [t.text for t in token.lefts] + [token.text]
    return country_of_words(words) is not None


def resolve_pronoun(token: Token) -> Token:
    """The antecedent of a personal pronoun (nearest agreeing subject before it), or ``token``."""
    word = token.lower_
    if token.pos_ != "PRON" or word not in PRONOUNS_PLURAL | PRONOUNS_PERSON | PRONOUNS_THING:
        return token
    doc = token.doc
    sent_start = token.sent.start
    window_start = max(0, doc[sent_start - 1].sent.start) if sent_start > 0 else 0
    candidates = [
        t
        for t in reversed(doc[window_start : token.i])
        if t.pos_ in ("PROPN", "NOUN") and t.dep_ in SUBJECT_DEPS + ("dobj", "pobj", "poss")
    ]
    for test in _agreement_tests(word):
        for candidate in candidates:
            if test(candidate):
                return candidate
    return token


def _agreement_tests(word: str) -> list[Callable[[Token], bool]]:
    def plural(t: Token) -> bool:
        return any(c.dep_ == "conj" for c in t.children) and t.dep_ in SUBJECT_DEPS

    def plural_noun(t: Token) -> bool:
        return t.tag_ in ("NNS", "NNPS") and agentive(t)

    def person(t: Token) -> bool:
        return t.ent_type_ == "PERSON" or (t.pos_ == "PROPN" and t.dep_ in SUBJECT_DEPS)

    def thing(t: Token) -> bool:
        return t.tag_ in ("NN", "NNP") and agentive(t) and t.ent_type_ != "PERSON"

    if word in PRONOUNS_PLURAL:
        return [plural, plural_noun]
    if word in PRONOUNS_PERSON:
        return [person]
    return [thing]


def clause_subject(verb: Token) -> Token | None:
    """The subject of ``verb``'s clause, climbing ``xcomp``/``conj``/purpose clauses."""
    current = verb
    for _ in range(6):
        for child in current.children:
            if child.dep_ in ("nsubj", "csubj") and not _expletive(child):
                return child
        if current.dep_ == "xcomp" and current.head.lemma_.lower() in OBJECT_CONTROL:
            objects = [c for c in current.head.children if c.dep_ in ("dobj", "dative")]
            if objects:
                return objects[0]
        if current.dep_ in ("xcomp", "conj", "advcl", "pcomp", "acomp") and current.head != current:
            current = current.head
            continue
        if current.dep_ == "pobj" or current.dep_ == "prep":
            current = current.head
            continue
        return None
    return None


def _expletive(token: Token) -> bool:
    return (
        token.lower_ == "it"
        and any(c.dep_ in ("ccomp", "xcomp", "acomp") for c in token.head.children)
        and token.head.lemma_ == "be"
    )


def _prep_objects(token: Token, preps: Iterable[str]) -> list[Token]:
    wanted = tuple(preps)
    found: list[tuple[int, Token]] = []
    for child in token.children:
        if child.dep_ in ("prep", "agent") and child.lower_ in wanted:
            for grand in child.children:
                if grand.dep_ == "pobj":
                    found.append((wanted.index(child.lower_), grand))
    return [t for _, t in sorted(found, key=lambda pair: pair[0])]


def _patient_from_thing(noun: Token) -> list[Token]:
    """Agentive owner of a non-agentive noun: "Indian proposal", "calls by Kofi Annan"."""
    for child in noun.children:
        if child.dep_ == "poss" or (child.dep_ in ("compound", "amod", "nmod") and agentive(child)):
            if agentive(child):
                return [child]
    return [t for t in _prep_objects(noun, ("by", "from", "of")) if agentive(t)][:1]


def verb_roles(verb: Token, event_type: str) -> tuple[list[Token], list[Token]]:
    """Actor and recipient head tokens of an event whose trigger is the verb ``verb``."""
    passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
    agents = _prep_objects(verb, ("by",))
    actors: list[Token] = []
    recipients: list[Token] = []
    if passive and not agents and verb.lemma_.lower() in LIGHT_PASSIVES:
        actors = passive  # "forces were engaged in ...": the subject still acts
        recipients = _verb_recipients(verb, event_type)
    elif passive:
        actors = agents
        recipients = passive
    else:
        subject = clause_subject(verb)
        actors = [subject] if subject is not None else []
        recipients = _verb_recipients(verb, event_type)
    return actors, recipients


def _verb_recipients(verb: Token, event_type: str) -> list[Token]:
    for child in verb.children:
        if child.dep_ in ("dobj", "dative"):
            owned = any(c.dep_ == "poss" and c.pos_ == "PRON" for c in child.children)
            if agentive(child) and not owned:
                return [child]
            owner = _patient_from_thing(child)
            if owner:
                return owner
            objects = [t for t in _prep_objects(child, RECIPIENT_PREPS) if agentive(t)]
            if objects:
                return objects[:1]
    objects = [t for t in _prep_objects(verb, RECIPIENT_PREPS) if agentive(t)]
    if objects:
        return objects[:1]
    for child in verb.children:
        if child.dep_ == "dobj":
            objects = [t for t in _prep_objects(child, RECIPIENT_PREPS) if agentive(t)]
            if objects:
                return objects[:1]
    for child in verb.children:
        if child.dep_ in ("ccomp", "xcomp") and event_type in ("REQUEST", "THREATEN", "REJECT"):
            subject = next((c for c in child.children if c.dep_ in SUBJECT_DEPS), None)
            if subject is not None and agentive(subject):
                return [subject]
        if child.dep_ in ("xcomp", "ccomp", "advcl") and child.pos_ in ("VERB", "AUX"):
            inner = _verb_recipients(child, event_type)
            if inner:
                return inner
    return []


def noun_roles(noun: Token, event_type: str) -> tuple[list[Token], list[Token]]:
    """Actor and recipient heads of an event whose trigger is the noun ``noun``."""
    actors = [t for t in _prep_objects(noun, ("by",)) if agentive(t)]
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
    recipients = [t for t in _prep_objects(noun, RECIPIENT_PREPS) if agentive(t)]
    head = noun.head
    if not recipients and noun.dep_ == "pobj" and head.head.pos_ in ("NOUN", "PROPN"):
        recipients = [t for t in _prep_objects(head.head, RECIPIENT_PREPS) if agentive(t)]
    if not recipients:
        recipients = _conflict_parties(noun)
    return actors, recipients


def _conflict_parties(noun: Token) -> list[Token]:
    """Parties named in "in X's war against Y" after a mediation noun."""
    for inner in _prep_objects(noun, ("in",)):
        owners = [c for c in inner.children if c.dep_ == "poss" and agentive(c)]
        return owners + [t for t in _prep_objects(inner, ("against", "with")) if agentive(t)]
    return []


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


def place_recipient(token: Token, event_type: str) -> Token | None:
    """The place acted in/into, as a fallback recipient for :data:`PLACE_RECIPIENT_TYPES`."""
    if event_type not in PLACE_RECIPIENT_TYPES:
        return None
    for holder in (token, *[c for c in token.children if c.dep_ in ("dobj", "xcomp", "advcl")]):
        for place in _prep_objects(holder, ("in", "into", "at")):
            if place.ent_type_ in ("GPE", "LOC", "FAC") or country_of_words([place.text]):
                return place
    return None


def find_location(token: Token) -> Token | None:
    """A place named by ``in/at/near`` on the trigger or its governing verb."""
    for holder in (token, token.head):
        for place in _prep_objects(holder, LOCATION_PREPS):
            if place.ent_type_ in ("GPE", "LOC", "FAC") or country_of_words([place.text]):
                return place
        if holder.pos_ in ("VERB", "AUX"):
            break
    return None
