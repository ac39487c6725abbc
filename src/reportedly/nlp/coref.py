"""Cheap within-article coreference: pronouns and role descriptions -> earlier named mentions.

Rules, in the order they are applied by ``reportedly.nlp.entities``:

- ``he``/``she``/``his``/``her``... -> the nearest preceding mention of a person;
- ``the Chinese leader`` -> the nearest preceding person from that country, else the
  gazetteer's head of state (or government) of that country on the article date;
- ``the analysts``, ``the outlet``, ``the group`` -> the nearest preceding mention of an
  entity of a fitting type (think tank, media outlet, armed group).

No model is involved: these rules read tokens and the named mentions already resolved.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..models import Entity

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..gazetteer import Gazetteer

logger = logging.getLogger(__name__)

PERSONAL_PRONOUNS = frozenset("he him his himself she her hers herself".split())

# Nouns naming a country's leader, and the head role each prefers.
LEADER_NOUNS: dict[str, str] = {
    "leader": "head of state",
    "president": "head of state",
    "head of state": "head of state",
    "ruler": "head of state",
    "dictator": "head of state",
    "strongman": "head of state",
    "premier": "head of government",
    "prime minister": "head of government",
    "chancellor": "head of government",
    "head of government": "head of government",
}

# Nouns naming an organisation by its kind, and the entity types they may refer to.
GROUP_NOUNS: dict[str, frozenset[str]] = {
    **dict.fromkeys(
        ("analysts", "experts", "researchers", "think tank", "think-tank", "institute", "scholars"),
        frozenset({"think_tank", "ngo"}),
    ),
    **dict.fromkeys(
        (
            "outlet",
            "media outlet",
            "newspaper",
            "publication",
            "broadcaster",
            "news agency",
            "agency",
            "website",
            "portal",
            "channel",
        ),
        frozenset({"media_outlet"}),
    ),
    **dict.fromkeys(
        ("group", "militants", "fighters", "mercenaries", "militia"), frozenset({"armed_group"})
    ),
    **dict.fromkeys(("alliance", "bloc"), frozenset({"igo"})),
}

MAX_NOUN_WORDS = 3  # "head of state"


@dataclass(slots=True)
class Cand:
    """A mention being built: char offsets, label, and the entity once resolved."""

    start: int
    end: int
    label: str
    entity: Entity | None = None


def nearest_before(
    mentions: Sequence[Cand], offset: int, types: frozenset[str], country: str | None = None
) -> Cand | None:
    """The last resolved mention ending before ``offset`` whose entity has one of ``types``."""
    best: Cand | None = None
    for m in mentions:
        if m.end > offset:
            break
        e = m.entity
        if e is not None and e.type in types and (country is None or e.country == country):
            best = m
    return best


def find_pronouns(doc: Doc, mentions: Sequence[Cand]) -> list[Cand]:
    """Third-person singular personal pronouns linked to the nearest preceding person.

    Args:
        doc: the parsed document.
        mentions: resolved named mentions, sorted by ``start``.

    Returns:
        New ``PRON`` mentions (only those with an antecedent).
    """
    out: list[Cand] = []
    person = frozenset({"person"})
    for token in doc:
        if token.lower_ not in PERSONAL_PRONOUNS or token.tag_ not in ("PRP", "PRP$", ""):
            continue
        antecedent = nearest_before(mentions, token.idx, person)
        if antecedent is not None:
            out.append(Cand(token.idx, token.idx + len(token), "PRON", antecedent.entity))
    return out


def _noun_at(doc: Doc, i: int) -> tuple[str, int] | None:
    """The longest role or group noun starting at token ``i``, with the index after it."""
    for n in range(MAX_NOUN_WORDS, 0, -1):
        if i + n > len(doc):
            continue
        words = doc[i : i + n].text.lower()
        if words in LEADER_NOUNS or words in GROUP_NOUNS:
            return words, i + n
    return None


def _country_word(doc: Doc, i: int, gazetteer: Gazetteer) -> str | None:
    """The ISO3 country of a capitalised demonym at token ``i`` ("Chinese" -> CHN), if any."""
    token = doc[i]
    if not token.text[:1].isupper():
        return None
    entity = gazetteer.lookup(token.text, label="NORP")
    return entity.country if entity is not None and entity.type == "country" else None


def find_descriptions(
    doc: Doc, mentions: Sequence[Cand], gazetteer: Gazetteer, date: str | None
) -> list[Cand]:
    """``the [Demonym] <role noun>`` descriptions linked to an entity.

    Args:
        doc: the parsed document.
        mentions: resolved named mentions, sorted by ``start``.
        gazetteer: for demonyms and heads of state.
        date: the article date (ISO) for dated roles, or ``None``.

    Returns:
        New ``NOMINAL`` mentions, spanning from "the" to the noun.
    """
    out: list[Cand] = []
    for token in doc:
        if token.lower_ != "the" or token.i + 1 >= len(doc):
            continue
        i = token.i + 1
        country = _country_word(doc, i, gazetteer)
        if country is not None:
            i += 1
        found = _noun_at(doc, i) if i < len(doc) else None
        if found is None:
            continue
        noun, after = found
        if after < len(doc) and doc[after].ent_type_ == "PERSON":
            continue  # an appositive title: "the Chinese leader Xi Jinping" is named already
        end = doc[after - 1].idx + len(doc[after - 1])
        entity = _describe(noun, country, token.idx, mentions, gazetteer, date)
        if entity is not None:
            out.append(Cand(token.idx, end, "NOMINAL", entity))
    return out


def _describe(
    noun: str,
    country: str | None,
    offset: int,
    mentions: Sequence[Cand],
    gazetteer: Gazetteer,
    date: str | None,
) -> Entity | None:
    """The entity a description refers to (see :func:`find_descriptions`)."""
    if noun in GROUP_NOUNS:
        m = nearest_before(mentions, offset, GROUP_NOUNS[noun], country)
        return m.entity if m is not None else None
    person = frozenset({"person"})
    if country is not None:
        m = nearest_before(mentions, offset, person, country)
        if m is not None:
            return m.entity
        heads = gazetteer.heads_of(country, date)
        preferred = [e for e in heads if any(r.title == LEADER_NOUNS[noun] for r in e.roles)]
        chosen = preferred or heads
        return chosen[0] if chosen else None
    m = nearest_before(mentions, offset, person)
    if m is not None and m.entity is not None:
        heads = gazetteer.heads_of(m.entity.country, date) if m.entity.country else []
        return m.entity if m.entity in heads else None
    return None
