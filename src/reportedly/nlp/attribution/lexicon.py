"""The cue lexicon: which (verb lemma, complement rule) pairs are attributions, and how surely.

A trained table (``reportedly/data/attribution_cues.json``, built by
``scripts/train_attribution.py`` from PolNeAR's train part) counts, per rule and
lemma, how many candidates matched a gold attribution. Pairs seen often enough
are decided by their smoothed precision; the rest fall back to the hand lists
of ``cues.py``.
"""

from __future__ import annotations

import functools
import json
import logging
from dataclasses import dataclass, field
from importlib import resources

from .cues import CLAUSE_VERBS, CUE_NOUNS, OBJECT_VERBS, PARTICLE_CUES, SPEECH_VERBS, XCOMP_VERBS

logger = logging.getLogger(__name__)

RESOURCE = "attribution_cues.json"
RULES = (
    *("ccomp", "parataxis", "xcomp", "advcl", "dobj", "dobj_x", "prep", "prep2"),
    *("n_clause", "n_prep"),
)
MIN_COUNT = 3  # fewer observations than this: use the hand lists
THRESHOLD = 0.3  # smoothed precision a learned pair needs
# Confidence of a hand-listed pair never seen often enough in training; rules
# missing here are trusted only when learned.
FALLBACK = {"ccomp": 0.8, "parataxis": 0.7, "xcomp": 0.5, "dobj": 0.4, "prep": 0.4, "n_clause": 0.5}
_HAND: dict[str, frozenset[str]] = {
    "ccomp": CLAUSE_VERBS,
    "parataxis": SPEECH_VERBS,
    "xcomp": XCOMP_VERBS,
    "dobj": OBJECT_VERBS,
    "prep": frozenset(lemma for lemma, _ in PARTICLE_CUES),
    "n_clause": CUE_NOUNS,
}


@dataclass(frozen=True, slots=True)
class CueLexicon:
    """Counts ``{rule: {lemma: (matched, seen)}}`` and the acceptance threshold."""

    counts: dict[str, dict[str, tuple[int, int]]] = field(default_factory=dict)
    threshold: float = THRESHOLD
    min_count: int = MIN_COUNT
    cue_lemmas: frozenset[str] = field(default_factory=frozenset)

    def score(self, lemma: str, rule: str, *, quoted: bool = False) -> float | None:
        """The confidence that ``lemma`` with ``rule`` is a cue, or None when it is not one.

        Args:
            lemma: the verb's lemma.
            rule: one of ``RULES``.
            quoted: the content carries quoted words, which makes a hand-listed cue certain enough.
        """
        hand = lemma in _HAND.get(rule, frozenset())
        if quoted and hand:
            return FALLBACK[rule]
        matched, seen = self.counts.get(rule, {}).get(lemma, (0, 0))
        if seen >= self.min_count:
            precision = (matched + 1) / (seen + 2)
            return precision if precision >= self.threshold else None
        return FALLBACK[rule] if hand else None

    def hand_listed(self, lemma: str, rule: str) -> float | None:
        """The fallback confidence of a hand-listed (lemma, rule) pair, or None."""
        return FALLBACK[rule] if lemma in _HAND.get(rule, frozenset()) else None


def all_lemmas(counts: dict[str, dict[str, tuple[int, int]]]) -> frozenset[str]:
    """Every lemma that may be a cue under some rule (learned or hand-listed)."""
    learned = {lemma for table in counts.values() for lemma in table}
    return frozenset(learned).union(*_HAND.values())


@functools.cache
def load_lexicon() -> CueLexicon:
    """The packaged lexicon (hand lists only when the trained table is missing)."""
    try:
        raw = resources.files("reportedly.data").joinpath(RESOURCE).read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError):
        logger.warning("no trained cue table %s; using the hand lists", RESOURCE)
        return CueLexicon(cue_lemmas=all_lemmas({}))
    data = json.loads(raw)
    counts = {
        rule: {lemma: (int(v[0]), int(v[1])) for lemma, v in table.items()}
        for rule, table in data["counts"].items()
    }
    return CueLexicon(
        counts,
        float(data.get("threshold", THRESHOLD)),
        int(data.get("min_count", MIN_COUNT)),
        all_lemmas(counts),
    )
