"""Modality on hand-built parses (model-free), as spaCy's own tests build Docs."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from reportedly.nlp.events.modality import detect_modality


def make_doc(rows: list[tuple[str, str, int, str, str]]) -> Doc:
    """Rows of (word, lemma, head index, dep, pos)."""
    words, lemmas, heads, deps, pos = zip(*rows, strict=True)
    return Doc(
        spacy.blank("en").vocab,
        words=list(words),
        lemmas=list(lemmas),
        heads=list(heads),
        deps=list(deps),
        pos=list(pos),
    )


SIGNED = [
    ("Russia", "Russia", 1, "nsubj", "PROPN"),
    ("signed", "sign", 1, "ROOT", "VERB"),
    ("deals", "deal", 1, "dobj", "NOUN"),
    (".", ".", 1, "punct", "PUNCT"),
]
NOT_SIGNED = [
    ("Russia", "Russia", 3, "nsubj", "PROPN"),
    ("did", "do", 3, "aux", "AUX"),
    ("not", "not", 3, "neg", "PART"),
    ("sign", "sign", 3, "ROOT", "VERB"),
    (".", ".", 3, "punct", "PUNCT"),
]
WILL_SIGN = [
    ("Russia", "Russia", 2, "nsubj", "PROPN"),
    ("will", "will", 2, "aux", "AUX"),
    ("sign", "sign", 2, "ROOT", "VERB"),
    (".", ".", 2, "punct", "PUNCT"),
]
POSSIBLE = [
    ("It", "it", 1, "nsubj", "PRON"),
    ("is", "be", 1, "ROOT", "AUX"),
    ("possible", "possible", 1, "acomp", "ADJ"),
    ("that", "that", 6, "mark", "SCONJ"),
    ("they", "they", 6, "nsubj", "PRON"),
    ("will", "will", 6, "aux", "AUX"),
    ("sign", "sign", 1, "ccomp", "VERB"),
    (".", ".", 1, "punct", "PUNCT"),
]
UNCLEAR = [
    ("The", "the", 1, "det", "DET"),
    ("prospects", "prospect", 6, "nsubj", "NOUN"),
    ("for", "for", 1, "prep", "ADP"),
    ("the", "the", 4, "det", "DET"),
    ("supply", "supply", 2, "pobj", "NOUN"),
    ("also", "also", 6, "advmod", "ADV"),
    ("remain", "remain", 6, "ROOT", "VERB"),
    ("unclear", "unclear", 6, "acomp", "ADJ"),
    (".", ".", 6, "punct", "PUNCT"),
]
PLANS = [
    ("Greece", "Greece", 1, "nsubj", "PROPN"),
    ("plans", "plan", 1, "ROOT", "VERB"),
    ("to", "to", 3, "aux", "PART"),
    ("impose", "impose", 1, "xcomp", "VERB"),
    ("curbs", "curb", 3, "dobj", "NOUN"),
    (".", ".", 1, "punct", "PUNCT"),
]
DURING = [
    ("Xi", "Xi", 1, "nsubj", "PROPN"),
    ("offered", "offer", 1, "ROOT", "VERB"),
    ("views", "view", 1, "dobj", "NOUN"),
    ("during", "during", 1, "prep", "ADP"),
    ("talks", "talk", 3, "pobj", "NOUN"),
    (".", ".", 1, "punct", "PUNCT"),
]


@pytest.mark.parametrize(
    ("rows", "trigger", "expected"),
    [
        (SIGNED, 1, "asserted"),
        (NOT_SIGNED, 3, "negated"),
        (WILL_SIGN, 2, "future"),
        (POSSIBLE, 6, "hypothetical"),
        (UNCLEAR, 4, "uncertain"),
        (PLANS, 3, "future"),
        (DURING, 4, "asserted"),  # an adjunct is not in the scope of "offer"
    ],
)
def test_detect_modality(
    rows: list[tuple[str, str, int, str, str]], trigger: int, expected: str
) -> None:
    doc = make_doc(rows)
    assert detect_modality(doc[trigger]) == expected
