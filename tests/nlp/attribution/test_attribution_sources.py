"""Source spans, name resolution, headlines and complement readings on hand-parsed Docs."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from reportedly.nlp.attribution.finder import find_attributions
from reportedly.nlp.attribution.readings import readings
from reportedly.nlp.context import ArticleContext, set_context


def make_doc(
    words: list[str],
    heads: list[int],
    deps: list[str],
    pos: list[str],
    lemmas: list[str],
    **kw: list[str],
) -> Doc:
    spaces = [i + 1 < len(words) and words[i + 1] not in (",", ".") for i in range(len(words))]
    return Doc(
        spacy.blank("en").vocab,
        words=words,
        spaces=spaces,
        heads=heads,
        deps=deps,
        pos=pos,
        lemmas=lemmas,
        **kw,
    )


def span(doc: Doc, offsets: tuple[int, int] | None) -> str | None:
    return None if offsets is None else doc.text[offsets[0] : offsets[1]]


def test_source_keeps_apposition_and_chain_keeps_the_name() -> None:
    doc = make_doc(
        ["Jane", "Doe", ",", "a", "senator", ",", "said", "the", "road", "was", "closed", "."],
        [1, 6, 1, 4, 1, 1, 6, 8, 10, 10, 6, 6],
        ["compound", "nsubj", "punct", "det", "appos", "punct"]
        + ["ROOT", "det", "nsubjpass", "auxpass", "ccomp", "punct"],
        ["PROPN", "PROPN", "PUNCT", "DET", "NOUN", "PUNCT"]
        + ["VERB", "DET", "NOUN", "AUX", "VERB", "PUNCT"],
        ["jane", "doe", ",", "a", "senator", ",", "say", "the", "road", "be", "close", "."],
    )
    (att,) = find_attributions(doc)
    assert span(doc, att.source) == "Jane Doe, a senator"
    assert att.chain[-1][0] == "Jane Doe"


def test_description_holding_a_name_resolves_to_it() -> None:
    doc = make_doc(
        ["Letitia", "James", "sued", ".", "A", "WeWork", "spokesperson", "said", "the", "deal"]
        + ["failed", "."],
        [1, 2, 2, 2, 6, 6, 7, 7, 9, 10, 7, 7],
        ["compound", "nsubj", "ROOT", "punct", "det", "compound", "nsubj", "ROOT", "det", "nsubj"]
        + ["ccomp", "punct"],
        ["PROPN", "PROPN", "VERB", "PUNCT", "DET", "PROPN", "NOUN", "VERB", "DET", "NOUN"]
        + ["VERB", "PUNCT"],
        ["letitia", "james", "sue", ".", "a", "wework", "spokesperson", "say", "the", "deal"]
        + ["fail", "."],
        ents=["B-PERSON", "I-PERSON", "O", "O", "O", "B-ORG", "O", "O", "O", "O", "O", "O"],
        sent_starts=[True, False, False, False, True] + [False] * 7,
    )
    (att,) = find_attributions(doc)
    assert span(doc, att.source) == "A WeWork spokesperson"
    assert span(doc, att.resolved_source) == "WeWork"


HEADLINE = (
    ["Officials", "Said", "Talks", "Failed"],
    [1, 1, 3, 1],
    ["nsubj", "ROOT", "nsubj", "ccomp"],
    ["NOUN", "VERB", "NOUN", "VERB"],
    ["official", "say", "talk", "fail"],
)


def test_title_case_headline_gives_no_attribution() -> None:
    assert len(find_attributions(make_doc(*HEADLINE))) == 1
    doc = set_context(make_doc(*HEADLINE), ArticleContext(title_span=(0, 28)))
    assert find_attributions(doc) == []


def test_object_and_infinitive_reading() -> None:
    doc = make_doc(
        ["She", "urged", "voters", "to", "stay", "home", "."],
        [1, 1, 1, 4, 1, 4, 1],
        ["nsubj", "ROOT", "dobj", "aux", "xcomp", "advmod", "punct"],
        ["PRON", "VERB", "NOUN", "PART", "VERB", "ADV", "PUNCT"],
        ["she", "urge", "voter", "to", "stay", "home", "."],
    )
    found = {rule: span(doc, frags[0]) for rule, frags in readings(doc[1])}
    assert found["dobj_x"] == "voters to stay home"
    assert found["xcomp"] == "to stay home"
