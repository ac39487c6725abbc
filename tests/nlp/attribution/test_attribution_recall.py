"""Rules added for recall on PolNeAR: typewriter quotes, dash signatures, clauses of their
own, speaker labels. Each case is text -> [(source, cue, content)] of the top-level records."""

from __future__ import annotations

import pytest
from spacy.language import Language

from reportedly.nlp.context import ArticleContext, set_context


def triples(nlp: Language, text: str) -> list[tuple[str | None, str, str]]:
    doc = nlp(set_context(nlp.make_doc(text), ArticleContext()))
    return [
        (
            text[a.source[0] : a.source[1]] if a.source else None,
            text[a.cue[0] : a.cue[1]],
            text[a.content[0] : a.content[1]],
        )
        for a in doc._.attributions
        if a.parent is None
    ]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "''This isn't tax reform,'' said Douglas Holtz-Eakin, an economist. "
            "''I wouldn't call it reform.''",
            [
                (
                    "Douglas Holtz-Eakin, an economist",
                    "said",
                    "''This isn't tax reform,'' said Douglas Holtz-Eakin, an economist. "
                    "''I wouldn't call it reform.''",
                )
            ],
            id="two-apostrophe-quotes",
        ),
        pytest.param(
            "“Maybe, we can build a wall around Donald Trump.”\xa0―\xa0Steve Quinlan",
            [("Steve Quinlan", "―", "“Maybe, we can build a wall around Donald Trump.”")],
            id="dash-signature-after-no-break-space",
        ),
        pytest.param(
            '"We will not stop now," the envoy said.\n\n"It is over." '
            "The minister said the talks had failed.",
            [
                ("the envoy", "said", '"We will not stop now,"'),
                ("The minister", "said", "the talks had failed"),
            ],
            id="verb-with-own-clause-is-not-the-quote-cue",
        ),
        pytest.param(
            "Partial transcript:\n\nPENCE: Well, look, this is serious business.\n\n"
            "WALLACE: Do you see those two as equivalent?",
            [
                ("PENCE", ":", "Well, look, this is serious business."),
                ("WALLACE", ":", "Do you see those two as equivalent?"),
            ],
            id="transcript-speaker-labels",
        ),
        pytest.param(
            "Poll: Clinton and Trump in dead heat.\n\nThe race is close.",
            [("Poll", ":", "Clinton and Trump in dead heat.")],
            id="headline-label",
        ),
        pytest.param(
            "The race is close.\n\nUPDATE: The story was corrected.\n\n"
            "Two questions: Why now? And why here?\n\nQ: What now?",
            [],
            id="section-markers-and-interview-turns-are-not-speakers",
        ),
    ],
)
def test_recall_rules(
    attribution_nlp: Language, text: str, expected: list[tuple[str | None, str, str]]
) -> None:
    assert triples(attribution_nlp, text) == expected
