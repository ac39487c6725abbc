"""The rules on hand-parsed Docs (no model): what each extractor finds and what it ignores."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from reportedly.nlp.attribution.component import AttributionComponent
from reportedly.nlp.attribution.finder import find_attributions
from reportedly.nlp.context import ArticleContext, set_context

# (words, spaces, heads, deps, pos, lemmas)
Parse = tuple[list[str], list[bool], list[int], list[str], list[str], list[str]]

INDIRECT: Parse = (
    ["Police", "said", "the", "road", "was", "closed", "."],
    [True, True, True, True, True, False, False],
    [1, 1, 3, 5, 5, 1, 1],
    ["nsubj", "ROOT", "det", "nsubjpass", "auxpass", "ccomp", "punct"],
    ["NOUN", "VERB", "DET", "NOUN", "AUX", "VERB", "PUNCT"],
    ["police", "say", "the", "road", "be", "close", "."],
)
DIRECT: Parse = (
    ["“", "We", "will", "win", ",", "”", "she", "said", "."],
    [False, True, True, False, False, True, True, False, False],
    [7, 3, 3, 7, 3, 7, 7, 7, 7],
    ["punct", "nsubj", "aux", "ccomp", "punct", "punct", "nsubj", "ROOT", "punct"],
    ["PUNCT", "PRON", "AUX", "VERB", "PUNCT", "PUNCT", "PRON", "VERB", "PUNCT"],
    ["“", "we", "will", "win", ",", "”", "she", "say", "."],
)
PASSIVE: Parse = (
    ["It", "was", "reported", "that", "talks", "failed", "."],
    [True, True, True, True, True, False, False],
    [2, 2, 2, 5, 5, 2, 2],
    ["nsubjpass", "auxpass", "ROOT", "mark", "nsubj", "ccomp", "punct"],
    ["PRON", "AUX", "VERB", "SCONJ", "NOUN", "VERB", "PUNCT"],
    ["it", "be", "report", "that", "talk", "fail", "."],
)
NO_CUE: Parse = (
    ["Police", "closed", "the", "road", "."],
    [True, True, True, False, False],
    [1, 1, 3, 1, 1],
    ["nsubj", "ROOT", "det", "dobj", "punct"],
    ["NOUN", "VERB", "DET", "NOUN", "PUNCT"],
    ["police", "close", "the", "road", "."],
)


def make_doc(parse: Parse) -> Doc:
    words, spaces, heads, deps, pos, lemmas = parse
    return Doc(Vocab(), words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, lemmas=lemmas)


def triples(doc: Doc) -> list[tuple[str | None, str, str, str]]:
    text = doc.text
    return [
        (
            text[a.source[0] : a.source[1]] if a.source else None,
            text[a.cue[0] : a.cue[1]],
            text[a.content[0] : a.content[1]],
            a.kind,
        )
        for a in find_attributions(doc)
    ]


@pytest.mark.parametrize(
    ("parse", "expected"),
    [
        (INDIRECT, [("Police", "said", "the road was closed", "indirect")]),
        (DIRECT, [("she", "said", "“We will win,”", "direct")]),
        (PASSIVE, [(None, "was reported", "that talks failed", "indirect")]),
        (NO_CUE, []),
    ],
)
def test_rules(parse: Parse, expected: list[tuple[str | None, str, str, str]]) -> None:
    assert triples(make_doc(parse)) == expected


def test_chain_starts_with_outlet_and_ends_with_speaker() -> None:
    doc = set_context(make_doc(INDIRECT), ArticleContext(outlet="Example Times"))
    (att,) = find_attributions(doc)
    assert att.chain == (("Example Times", None, "article metadata"), ("Police", (0, 6), "text"))
    assert att.parent is None and att.resolved_source is None
    assert att.extractor == "reportedly.attribution.indirect.v2"


def test_component_sets_extension_and_survives_unparsed_docs() -> None:
    component = AttributionComponent(None, "reportedly_attribution")  # type: ignore[arg-type]
    doc = component(make_doc(INDIRECT))
    assert len(doc._.attributions) == 1
    bare = component(Doc(Vocab(), words=["“", "odd", "«", "marks", "„"]))
    assert bare._.attributions == []
