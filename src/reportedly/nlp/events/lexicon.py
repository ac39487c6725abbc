"""The PLOVER trigger lexicon: verb, noun and phrase lemmas per event type, and the rules
that combine a governing verb with an event noun ("suspended aid" is a SANCTION).

The word lists live in ``reportedly/data/plover/triggers.tsv`` (CC BY-SA 4.0, written from
the PLOVER manual's type definitions); :func:`load_lexicon` reads them once per process.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType

from .records import PLOVER_TYPES

__all__ = [
    "ACCEPTERS",
    "APPROVERS",
    "COOPERATIVE",
    "CROWD_WORDS",
    "Entry",
    "LIGHT_VERBS",
    "Lexicon",
    "MATERIAL_CONFLICT",
    "REPORTING_VERBS",
    "load_lexicon",
    "parse_lexicon",
]

logger = logging.getLogger(__name__)

# Types PLOVER recodes as AGREE when reported as intended or future (section 3.1).
COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})
# Material conflict that, announced for the future or made conditional, is a THREATEN.
MATERIAL_CONFLICT = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"})
# Verbs whose object noun carries the event ("staged a demonstration", "imposed a curfew").
LIGHT_VERBS = frozenset(
    "launch stage hold begin start open issue mount lodge make undertake renew conduct carry "
    "organize organise resume continue give declare announce impose reimpose tighten engage "
    "file express voice step escalate initiate enforce maintain pay take join attend extend "
    "reach conclude seal put deliver provide grant send strike raise hike slap level dispatch "
    "reaffirm expand boost deepen increase strengthen enhance intensify bolster widen step "
    "ramp beef heighten".split()
)
# Verbs that grant what their object asks for ("met the demands" is a CONCEDE).
ACCEPTERS = frozenset("accept meet grant heed satisfy fulfil fulfill".split())
# Verbs that authorise an aid noun ("approved a loan" is the AID itself).
APPROVERS = frozenset("approve authorize authorise announce unveil".split())
# Subjects that make "protest" / "strike" collective action ("thousands protested").
CROWD_WORDS = frozenset(
    "thousand hundred dozen protester protestor demonstrator student worker farmer teacher "
    "people resident villager supporter activist crowd employee doctor nurse driver miner "
    "trader youth citizen union unionist member opponent woman man".split()
)
# Verbs that end or cut back what their object names ("suspended aid", "lifted the curfew").
REVERSERS = frozenset(
    "suspend halt cut stop end cancel freeze withdraw sever reduce curtail postpone terminate "
    "break scrap lift ease relax remove rescind shorten abandon drop reverse repeal revoke "
    "waive".split()
)
# Conflict nouns whose ending is a material RETREAT rather than a verbal CONCEDE.
RETREAT_WHEN_ENDED = frozenset("blockade siege occupation fighting hostility war offensive".split())
# Speech verbs: transparent for event typing, their subject is the source of a claim.
REPORTING_VERBS = frozenset(
    "say tell add announce state report claim declare confirm note explain write insist "
    "argue assert reiterate stress conclude believe think suggest indicate reveal".split()
)
# Object nouns that make "offer" / "propose" a statement rather than an event.
DISCOURSE_OBJECTS = frozenset(
    "vision view interpretation term assessment explanation comment opinion analysis "
    "perspective picture description account idea thought insight".split()
)
# Nouns for joint military activity: COOPERATE when joint, MOBILIZE when one side.
JOINT_NOUNS = frozenset("exercise maneuver manoeuvre drill game".split())
# Withdrawn objects that make "withdraw" a SANCTION (resources) rather than a RETREAT (forces).
WITHDRAWN_RESOURCES = frozenset(
    "inspector ambassador diplomat aid observer worker staff mission monitor envoy "
    "peacekeeper support funding investment delegation".split()
)


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon row: the PLOVER type and mode a lemma signals, and how strongly."""

    type: str
    mode: str | None
    weight: float


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Lemma lookups, compiled once: ``verbs``/``nouns`` by lemma, ``phrases`` by (verb, word)."""

    verbs: Mapping[str, Entry]
    nouns: Mapping[str, Entry]
    phrases: Mapping[tuple[str, str], Entry]


def parse_lexicon(text: str) -> Lexicon:
    """Parse the TSV form of the lexicon (``kind, lemma, type, mode, weight``; ``#`` comments).

    A phrase is ``verb word``: the word is a particle, object or prepositional object of the
    verb. Either part may list alternatives with ``|`` (a verb + object-class rule such as
    ``recall|withdraw ambassador|envoy``); so may a verb or noun lemma.

    Args:
        text: the TSV text.

    Returns:
        The compiled :class:`Lexicon`.

    Raises:
        ValueError: a row names an unknown type or kind.
    """
    tables: dict[str, dict[object, Entry]] = {"verb": {}, "noun": {}, "phrase": {}}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        kind, lemma, type_, mode, weight = line.split("\t")
        if type_ not in PLOVER_TYPES or kind not in tables:
            raise ValueError(f"triggers line {number}: bad kind or type {kind!r} {type_!r}")
        entry = Entry(type_, None if mode == "-" else mode, float(weight))
        for key in _expand(kind, lemma):
            tables[kind][key] = entry
    return Lexicon(
        verbs=MappingProxyType({str(k): v for k, v in tables["verb"].items()}),
        nouns=MappingProxyType({str(k): v for k, v in tables["noun"].items()}),
        phrases=MappingProxyType(
            {k: v for k, v in tables["phrase"].items() if isinstance(k, tuple) and len(k) == 2}
        ),
    )


def _expand(kind: str, lemma: str) -> list[object]:
    """Keys of one row; ``|`` separates alternatives (``block road|street`` is two phrases)."""
    if kind != "phrase":
        return list(lemma.split("|"))
    verbs, _, words = lemma.partition(" ")
    return [(v, w) for v in verbs.split("|") for w in words.split("|")]


@functools.cache
def load_lexicon() -> Lexicon:
    """The bundled lexicon (``reportedly/data/plover/triggers.tsv``), read once per process."""
    path = resources.files("reportedly") / "data" / "plover" / "triggers.tsv"
    lexicon = parse_lexicon(path.read_text(encoding="utf-8"))
    logger.debug(
        "PLOVER lexicon: %d verbs, %d nouns, %d phrases",
        len(lexicon.verbs),
        len(lexicon.nouns),
        len(lexicon.phrases),
    )
    return lexicon
