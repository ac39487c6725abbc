"""A learned scorer for indirect candidates: is this (token, complement reading) an attribution?

Any verb or noun with a complement reading (``readings.py``) is a candidate, not only the
lexicon's cues. A logistic regression over sparse features (the lemma, the rule and their
pair, part of speech and dependency, the kind of subject, quoted words, the content's length
and first word, the position in the sentence, and the cue table's smoothed precision) gives
the probability that the reading is a PolNeAR attribution. The weights
(``reportedly/data/attribution_scorer.json``) are trained by
``scripts/train_attribution_scorer.py`` on PolNeAR's train part; the acceptance threshold
was chosen on PolNeAR dev. Without the weight file the lexicon decides alone.
"""

from __future__ import annotations

import functools
import json
import logging
import math
from dataclasses import dataclass, field
from importlib import resources
from typing import TYPE_CHECKING

from .cues import ORG_LABELS, PERSON_LABELS, PERSON_PRONOUNS, PLURAL_PRONOUNS, ROLE_NOUNS
from .lexicon import load_lexicon
from .spans import find_subject

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .types import Offsets

logger = logging.getLogger(__name__)

RESOURCE = "attribution_scorer.json"
Feature = tuple[str, float]
PREP_RULES = frozenset({"prep", "prep2", "n_prep"})
MAX_EXP = 30.0  # clip of the logit before exp


def _subject(tok: Token) -> Token | None:
    """The subject of a verb, or the owner of a noun (``X's claim``)."""
    if tok.pos_ == "NOUN":
        return next((c for c in tok.children if c.dep_ == "poss"), None)
    return find_subject(tok)


def subject_type(tok: Token) -> str:
    """A coarse type of the token's subject: person, org, pronoun, role noun, noun, none."""
    subj = _subject(tok)
    if subj is None:
        return "none"
    if subj.dep_ in ("nsubjpass", "expl") or subj.lower_ == "there":
        return subj.dep_
    low = subj.lower_
    if low in PERSON_PRONOUNS:
        return "pron_person"
    if low in PLURAL_PRONOUNS:
        return "pron_plural"
    if subj.pos_ == "PRON":
        return f"pron_{low}" if low in ("it", "you", "this", "that", "who") else "pron_other"
    if subj.ent_type_ in PERSON_LABELS:
        return "person"
    if subj.ent_type_ in ORG_LABELS:
        return "org"
    if subj.lemma_.lower() in ROLE_NOUNS:
        return "role"
    if subj.ent_type_:
        return "ent_other"
    return "noun" if subj.pos_ in ("NOUN", "PROPN") else "other"


def _length_bucket(text: str, frags: tuple[Offsets, ...]) -> int:
    words = sum(len(text[s:e].split()) for s, e in frags)
    return min(6, int(math.log2(words + 1)))


def _first_word(text: str, frags: tuple[Offsets, ...]) -> str:
    s, e = frags[0]
    words = text[s:e].split(maxsplit=1)
    return words[0].lower().strip("\"'“”‘’") if words else ""


def _prep_of(tok: Token, frags: tuple[Offsets, ...]) -> str:
    """The preposition before a prepositional content ("called [for]", "questions [about]")."""
    for child in tok.rights:
        if child.dep_ == "prep" and child.idx < frags[0][0]:
            last = child.lower_
            if any(g.idx >= frags[0][0] for g in child.children):
                return last
    return "?"


def _count_features(lemma: str, rule: str) -> list[Feature]:
    """The cue table's view of the pair: smoothed precision and how often it was seen."""
    matched, seen = load_lexicon().counts.get(rule, {}).get(lemma, (0, 0))
    return count_features(matched, seen)


def count_features(matched: int, seen: int) -> list[Feature]:
    """Numeric features of a (matched, seen) count pair."""
    if seen == 0:
        return [("cnt_unseen", 1.0)]
    return [("cnt_prec", (matched + 1) / (seen + 2)), ("cnt_logseen", math.log1p(seen) / 5)]


def features(
    tok: Token, rule: str, frags: tuple[Offsets, ...], text: str, *, quoted: bool
) -> list[Feature]:
    """The sparse features of one reading (``counts`` from the packaged cue table)."""
    lemma = tok.lemma_.lower()
    feats = structural_features(tok, rule, frags, text, lemma, quoted=quoted)
    feats.extend(_count_features(lemma, rule))
    return feats


def structural_features(
    tok: Token, rule: str, frags: tuple[Offsets, ...], text: str, lemma: str, *, quoted: bool
) -> list[Feature]:
    """Every feature but the cue table's counts (training computes those held-out)."""
    stype = subject_type(tok)
    sent = tok.sent
    first = _first_word(text, frags)
    names = [
        "bias",
        f"r={rule}",
        f"l={lemma}",
        f"lr={lemma}|{rule}",
        f"pos={tok.pos_}|{rule}",
        f"tag={tok.tag_}|{rule}",
        f"dep={tok.dep_}|{rule}",
        f"s={stype}|{rule}",
        f"ls={lemma}|{stype}",
        f"q={quoted}|{rule}",
        f"len={_length_bucket(text, frags)}|{rule}",
        f"w0={first}|{rule}",
        f"before={frags[0][0] < tok.idx}|{rule}",
        f"sentpos={min(3, tok.i - sent.start)}",
        f"head={tok.head.pos_}|{tok.dep_}",
    ]
    if rule in PREP_RULES:
        prep = _prep_of(tok, frags)
        names.extend((f"prep={prep}|{rule}", f"lp={lemma}|{prep}"))
    for child in tok.children:
        if child.dep_ in ("neg", "prt", "aux"):
            names.append(f"{child.dep_}={child.lower_}")
    return [(n, 1.0) for n in names]


@dataclass(frozen=True, slots=True)
class CueScorer:
    """Logistic-regression weights by feature name, and the acceptance threshold."""

    weights: dict[str, float] = field(default_factory=dict)
    threshold: float = 0.5

    def probability(self, feats: list[Feature]) -> float:
        """P(attribution) of a reading with these features."""
        w = self.weights
        z = sum(w.get(name, 0.0) * value for name, value in feats)
        z = max(-MAX_EXP, min(MAX_EXP, z))
        return 1.0 / (1.0 + math.exp(-z))

    def score(
        self, tok: Token, rule: str, frags: tuple[Offsets, ...], text: str, *, quoted: bool
    ) -> float | None:
        """The probability of a reading when it reaches the threshold, else None."""
        p = self.probability(features(tok, rule, frags, text, quoted=quoted))
        return p if p >= self.threshold else None


@functools.cache
def load_scorer() -> CueScorer | None:
    """The packaged scorer, or None when its weight file is missing."""
    try:
        raw = resources.files("reportedly.data").joinpath(RESOURCE).read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError):
        logger.info("no learned cue scorer %s; the lexicon decides", RESOURCE)
        return None
    data = json.loads(raw)
    weights = {str(k): float(v) for k, v in data["weights"].items()}
    return CueScorer(weights, float(data["threshold"]))
