"""Modality of an event trigger: asserted, negated, future, hypothetical or uncertain.

PLOVER's auxiliary modes (manual section 2.3) say whether a reported event happened. We read
them from the dependency path that governs the trigger: the trigger's own clause, then each
head up through complement and argument edges (``xcomp``, ``ccomp``, ``pobj``, ``nsubj`` ...),
stopping at edges that start an independent clause (``conj``, ``relcl``, ``parataxis``).

- negated: ``"did not sign"``, ``"no talks"``, ``"failed to reach"``
- hypothetical: ``"it is possible that they will sign"``, ``"if they cross"``, ``"could meet"``
- uncertain: ``"the prospects for talks remain unclear"``, ``"may meet"``, ``"perhaps"``
- future: ``"will sign"``, ``"plans to visit"``, ``"a planned visit"``

When several cues apply the first of that list wins (negation over everything).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["PRIORITY", "detect_modality", "governing_path", "modality_cues"]

logger = logging.getLogger(__name__)

PRIORITY: tuple[str, ...] = ("negated", "hypothetical", "uncertain", "future", "asserted")

# Edges that begin a clause of its own: its modality does not reach the head.
STOP_EDGES = frozenset({"conj", "relcl", "parataxis", "appos", "advcl", "acl"})
# Edges of adjuncts: the governor's meaning does not scope over them.
ADJUNCT_EDGES = frozenset({"prep", "advmod", "npadvmod", "agent"})
NEG_WORDS = frozenset({"not", "n't", "never", "no", "neither", "nor", "without"})
NEG_GOVERNORS = frozenset({"fail", "refuse", "decline", "deny", "avoid", "stop", "cease"})
HYPOTHETICAL_MARKS = frozenset({"if", "unless", "whether"})
HYPOTHETICAL_WORDS = frozenset({"possible", "possibility", "hypothetical", "conceivable"})
HYPOTHETICAL_AUX = frozenset({"could", "might"})
DIRECTIVE_GOVERNORS = frozenset(
    "demand urge ask call request threaten warn want wish hope propose suggest "
    "appeal insist press seek".split()
)
UNCERTAIN_WORDS = frozenset(
    "unclear uncertain unknown doubtful questionable unlikely unsure prospect doubt "
    "uncertainty perhaps maybe possibly probably".split()
)
UNCERTAIN_AUX = frozenset({"may"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "would", "'d", "wo"})
FUTURE_GOVERNORS = frozenset(
    "plan intend prepare ready willing promise pledge vow agree offer expect aim decide "
    "schedule set going due consider".split()
)
FUTURE_MODIFIERS = frozenset({"future", "planned", "upcoming", "proposed", "forthcoming", "next"})


def governing_path(token: Token) -> Iterator[Token]:
    """``token``, then its heads while the edge is not a clause boundary (``STOP_EDGES``)."""
    current = token
    yield current
    while current.head.i != current.i and current.dep_ not in STOP_EDGES:
        current = current.head
        yield current


def _cues(token: Token, *, is_trigger: bool, via: str = "") -> set[str]:
    """Modality cues a single governor (or the trigger itself) carries.

    ``via`` is the edge by which the path reached ``token``: a governor's own meaning
    ("plan", "possible") counts only through complement edges, not through adjuncts
    ("offered a view during the meeting" does not make the meeting future).
    """
    found: set[str] = set()
    lemma = token.lemma_.lower()
    if not is_trigger and via not in ADJUNCT_EDGES:
        if lemma in NEG_GOVERNORS:
            found.add("negated")
        if lemma in HYPOTHETICAL_WORDS:
            found.add("hypothetical")
        if lemma in DIRECTIVE_GOVERNORS:
            found.add("hypothetical")
        if lemma in UNCERTAIN_WORDS:
            found.add("uncertain")
        if lemma in FUTURE_GOVERNORS:
            found.add("future")
    for child in token.children:
        word = child.lower_
        child_lemma = child.lemma_.lower()
        if child.dep_ == "neg" or (child.dep_ in ("det", "advmod") and word in NEG_WORDS):
            found.add("negated")
        elif child.dep_ == "mark" and word in HYPOTHETICAL_MARKS:
            found.add("hypothetical")
        elif child.dep_ in ("aux", "auxpass"):
            found |= _aux_cues(word)
        elif child.dep_ in ("acomp", "attr", "advmod", "amod"):
            if child_lemma in HYPOTHETICAL_WORDS:
                found.add("hypothetical")
            elif child_lemma in UNCERTAIN_WORDS:
                found.add("uncertain")
            elif child.dep_ == "amod" and child_lemma in FUTURE_MODIFIERS:
                found.add("future")
    return found


def _aux_cues(word: str) -> set[str]:
    if word in HYPOTHETICAL_AUX:
        return {"hypothetical"}
    if word in UNCERTAIN_AUX:
        return {"uncertain"}
    if word in FUTURE_AUX:
        return {"future"}
    return set()


def modality_cues(trigger: Token) -> set[str]:
    """All modality cues on the governing path of ``trigger`` (see :func:`detect_modality`)."""
    cues: set[str] = set()
    via = ""
    for position, token in enumerate(governing_path(trigger)):
        cues |= _cues(token, is_trigger=position == 0, via=via)
        via = token.dep_ if token.dep_ != "pobj" else via
    return cues


def detect_modality(trigger: Token) -> str:
    """The modality of the event whose trigger is ``trigger``.

    Args:
        trigger: the trigger token (a verb, or an event noun).

    Returns:
        One of ``asserted``, ``negated``, ``future``, ``hypothetical``, ``uncertain``.

    Example:
        >>> detect_modality(nlp("It is possible that they will sign.")[5])  # doctest: +SKIP
        'hypothetical'
    """
    cues = modality_cues(trigger)
    for modality in PRIORITY:
        if modality in cues:
            return modality
    return "asserted"
