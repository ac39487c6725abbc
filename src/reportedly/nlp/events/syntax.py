"""Dependency-parse primitives shared by the role finders: noun-phrase spans, conjuncts,
whether a noun can be a party, pronoun antecedents, clause subjects and prepositional objects.
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
    "prep_objects",
    "resolve_pronoun",
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
    "partner neighbor neighbour community population victim hostage agency "
    # general role and institution nouns (a party, not a thing)
    "farmer villager fighter insurgent separatist gunman terrorist envoy delegate lawmaker "
    "legislator senator journalist mediator negotiator supporter follower union coalition "
    "alliance bloc cabinet ministry committee commission embassy consulate crowd tribe "
    "faction premier king commander spokesman spokeswoman chancellor monarch".split()
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
    # a nationality modifier makes a party ("Indian troops"), a possessor does not ("Chad's plan")
    words = [t.text for t in token.lefts if t.dep_ != "poss"] + [token.text]
    return country_of_words(words) is not None


def resolve_pronoun(token: Token) -> Token:
    """The antecedent of a personal pronoun (nearest agreeing subject before it), or ``token``."""
    word = token.lower_
    if token.pos_ != "PRON" or word not in PRONOUNS_PLURAL | PRONOUNS_PERSON | PRONOUNS_THING:
        return token
    doc = token.doc
    sent_start = token.sent.start
    window_start = max(0, doc[sent_start - 1].sent.start) if sent_start > 0 else 0
    own = _own_subjects(token)
    candidates = [
        t
        for t in reversed(doc[window_start : token.i])
        if t.pos_ in ("PROPN", "NOUN")
        and t.dep_ in SUBJECT_DEPS + ("dobj", "pobj", "poss")
        and t.i not in own
    ]
    for test in _agreement_tests(word):
        for candidate in candidates:
            if test(candidate):
                return candidate
    return token


def _own_subjects(pronoun: Token) -> set[int]:
    """Subjects an object pronoun cannot refer to: "police attacked them" is not the police."""
    if pronoun.dep_ not in ("dobj", "dative", "pobj"):
        return set()
    verb = pronoun.head if pronoun.dep_ != "pobj" else pronoun.head.head
    subject = clause_subject(verb) if verb.pos_ in ("VERB", "AUX") else None
    return {t.i for t in conjuncts(subject)} if subject is not None else set()


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


def prep_objects(token: Token, preps: Iterable[str]) -> list[Token]:
    """Objects of ``token``'s prepositions (or ``by`` agent) in ``preps``, in ``preps`` order."""
    wanted = tuple(preps)
    found: list[tuple[int, Token]] = []
    for child in token.children:
        if child.dep_ in ("prep", "agent") and child.lower_ in wanted:
            for grand in child.children:
                if grand.dep_ == "pobj":
                    found.append((wanted.index(child.lower_), grand))
    return [t for _, t in sorted(found, key=lambda pair: pair[0])]


def find_location(token: Token) -> Token | None:
    """A place named by ``in/at/near`` on the trigger or its governing verb."""
    for holder in (token, token.head):
        for place in prep_objects(holder, LOCATION_PREPS):
            if place.ent_type_ in ("GPE", "LOC", "FAC") or country_of_words([place.text]):
                return place
        if holder.pos_ in ("VERB", "AUX"):
            break
    return None
