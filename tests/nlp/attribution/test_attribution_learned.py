"""The learned cue scorer: features, the packaged weights and the generalisation it buys."""

from __future__ import annotations

import json
from importlib import resources

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from reportedly.nlp.attribution.finder import _phrase_tail
from reportedly.nlp.attribution.learned import (
    RESOURCE,
    CueScorer,
    count_features,
    features,
    load_scorer,
    subject_type,
)

# "Police said the road was closed ." and "Police closed the road ."
SAID = Doc(
    Vocab(),
    words=["Police", "said", "the", "road", "was", "closed", "."],
    spaces=[True, True, True, True, True, False, False],
    heads=[1, 1, 3, 5, 5, 1, 1],
    deps=["nsubj", "ROOT", "det", "nsubjpass", "auxpass", "ccomp", "punct"],
    pos=["NOUN", "VERB", "DET", "NOUN", "AUX", "VERB", "PUNCT"],
    lemmas=["police", "say", "the", "road", "be", "close", "."],
)
CLOSED = Doc(
    Vocab(),
    words=["Police", "closed", "the", "road", "."],
    spaces=[True, True, True, False, False],
    heads=[1, 1, 3, 1, 1],
    deps=["nsubj", "ROOT", "det", "dobj", "punct"],
    pos=["NOUN", "VERB", "DET", "NOUN", "PUNCT"],
    lemmas=["police", "close", "the", "road", "."],
)


def test_features_name_lemma_rule_and_subject() -> None:
    names = dict(features(SAID[1], "ccomp", ((14, 34),), SAID.text, quoted=False))
    assert {"bias", "r=ccomp", "l=say", "lr=say|ccomp", "s=noun|ccomp"} <= set(names)
    assert all(isinstance(v, float) for v in names.values())
    assert subject_type(SAID[1]) == "noun" and subject_type(SAID[5]) == "nsubjpass"


def test_count_features() -> None:
    assert count_features(0, 0) == [("cnt_unseen", 1.0)]
    (_, prec), _ = count_features(8, 8)
    assert prec == pytest.approx(0.9)


def test_scorer_threshold() -> None:
    scorer = CueScorer({"bias": -1.0, "l=say": 3.0}, threshold=0.5)
    assert scorer.probability([("bias", 1.0)]) == pytest.approx(0.2689, abs=1e-4)
    assert scorer.score(SAID[1], "ccomp", ((14, 34),), SAID.text, quoted=False) is not None
    assert scorer.score(CLOSED[1], "dobj", ((14, 22),), CLOSED.text, quoted=False) is None


def test_packaged_weights_hold_no_text() -> None:
    raw = resources.files("reportedly.data").joinpath(RESOURCE).read_text(encoding="utf-8")
    data = json.loads(raw)
    assert 0 < data["threshold"] < 1 and data["provenance"]["documents"] == 840
    assert all(" " not in name for name in data["weights"])  # names, never sentences
    scorer = load_scorer()
    assert scorer is not None and scorer.threshold == data["threshold"]


def test_packaged_scorer_ranks_a_cue_over_a_plain_verb() -> None:
    scorer = load_scorer()
    assert scorer is not None
    said = scorer.probability(features(SAID[1], "ccomp", ((14, 34),), SAID.text, quoted=False))
    closed = scorer.probability(features(CLOSED[1], "dobj", ((14, 22),), CLOSED.text, quoted=False))
    assert said > scorer.threshold > closed


@pytest.mark.parametrize(
    ("prefix", "expected"),
    [("reference to the ", True), ("with reference to", True), ("a plan to ", False), ("", False)],
)
def test_sourcing_phrase_tail(prefix: str, expected: bool) -> None:
    assert _phrase_tail(prefix) is expected


@pytest.mark.model
def test_unlisted_verb_is_found(attribution_nlp: object) -> None:
    """A cue the hand lists lack ("focused on presenting ...") is learned."""
    from spacy.language import Language

    assert isinstance(attribution_nlp, Language)
    doc = attribution_nlp("Xi Jinping focused on presenting China as a mediator in the war.")
    cues = [doc.text[a.cue[0] : a.cue[1]] for a in doc._.attributions]
    assert cues == ["focused on"]
