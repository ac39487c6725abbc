"""Event nouns: the lexicon entry of a noun, refined by its modifiers.

A bare lexicon lookup is not enough for nouns whose type depends on a modifier: a "drone
strike" is an ASSAULT but a "general strike" a PROTEST, "joint patrols" are COOPERATE but
"patrols" MOBILIZE, "martial law" is COERCE, a "missile test" MOBILIZE. Hyphenated nouns the
tokenizer splits ("sit-in", "cease-fire", "build-up") are looked up whole.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import TYPE_CHECKING

from .lexicon import JOINT_NOUNS, Entry, Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["aid_mode", "hyphen_compound", "noun_entry"]

logger = logging.getLogger(__name__)

JOINT_WORDS = frozenset({"joint", "bilateral", "combined", "multinational", "trilateral"})
# Nouns that, done jointly, are material cooperation ("a joint operation", "joint patrols").
JOINT_COOPERATION = frozenset("patrol operation mission investigation venture project".split())
DIPLOMATIC_PROTEST = frozenset({"official", "diplomatic", "formal", "strong", "written"})
# Modifiers that make a "strike" or "raid" military rather than labour or police action.
MILITARY_MODIFIERS = frozenset(
    "air drone missile rocket artillery military nuclear preemptive pre-emptive retaliatory "
    "aerial naval precision cruise israeli russian american u.s. us".split()
)
WEAPON_TEST_MODIFIERS = frozenset("missile nuclear weapon weapons rocket ballistic".split())
AID_MODE_WORDS: tuple[tuple[str, frozenset[str]], ...] = (
    ("military", frozenset("weapon arm military ammunition missile tank troop".split())),
    (
        "humanitarian",
        frozenset("food humanitarian medical medicine emergency relief refugee".split()),
    ),
    ("economic", frozenset("economic financial dollar money loan credit budget".split())),
)
AID_NOUNS = frozenset({"supply", "delivery", "shipment", "aid", "assistance"})


def _modifiers(noun: Token) -> set[str]:
    return {c.lemma_.lower() for c in noun.children if c.dep_ in ("amod", "compound", "nmod")}


def _special(lemma: str, modifiers: set[str]) -> Entry | None:
    """Entries decided by a modifier, whatever the lexicon says about the bare noun."""
    if lemma in JOINT_COOPERATION and modifiers & JOINT_WORDS:
        return Entry("COOPERATE", None, 0.6)
    if lemma in ("strike", "raid") and modifiers & MILITARY_MODIFIERS:
        return Entry("ASSAULT", "aerial" if modifiers & {"air", "drone"} else None, 0.7)
    if lemma == "law" and "martial" in modifiers:
        return Entry("COERCE", "martial-law", 0.6)
    if lemma in ("test", "launch") and modifiers & WEAPON_TEST_MODIFIERS:
        return Entry("MOBILIZE", "weapons", 0.6)
    return None


def noun_entry(noun: Token, lexicon: Lexicon) -> Entry | None:
    """The event a noun token names, or None (it must be tagged NOUN)."""
    if noun.pos_ != "NOUN":
        return None
    lemma = noun.lemma_.lower()
    modifiers = _modifiers(noun)
    special = _special(lemma, modifiers)
    if special is not None:
        return special
    entry = lexicon.nouns.get(lemma)
    if entry is None:
        return None
    if lemma in JOINT_NOUNS:
        if lemma == "game" and "war" not in modifiers:
            return None
        kind = "COOPERATE" if modifiers & JOINT_WORDS else "MOBILIZE"
        return Entry(kind, None if kind == "COOPERATE" else entry.mode, max(entry.weight, 0.55))
    if lemma == "strike" and "hunger" in modifiers:
        return Entry("PROTEST", "hunger", 0.8)
    if lemma == "protest" and modifiers & DIPLOMATIC_PROTEST:
        return Entry("ACCUSE", "disapprove", 0.75)
    if lemma == "call" and any(
        c.dep_ == "prep" and c.lower_ in ("for", "on") for c in noun.children
    ):
        return Entry("REQUEST", None, 0.6)  # "calls for calm", not a phone call
    if lemma in AID_NOUNS:
        return replace(entry, mode=aid_mode(noun) or entry.mode)
    return entry


def aid_mode(noun: Token) -> str | None:
    """military / humanitarian / economic, from the words under an aid noun."""
    words = {t.lemma_.lower() for t in noun.subtree}
    for mode, cues in AID_MODE_WORDS:
        if words & cues:
            return mode
    return None


def hyphen_compound(token: Token, lexicon: Lexicon) -> tuple[Token, Entry] | None:
    """``sit - in`` split by the tokenizer: the entry of the whole word and its last token."""
    doc = token.doc
    if token.i + 2 >= len(doc) or token.whitespace_:
        return None
    dash, last = doc[token.i + 1], doc[token.i + 2]
    if dash.text != "-" or dash.whitespace_:
        return None
    entry = lexicon.nouns.get(f"{token.lower_}-{last.lemma_.lower()}")
    return (last, entry) if entry is not None else None
