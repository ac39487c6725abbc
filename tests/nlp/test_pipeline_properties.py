"""Property: whatever the text, the whole pipeline never fails a document, and every span it
returns points into the text it was given."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportedly.models import Article, TextSpan
from reportedly.nlp.context import ArticleContext, set_context
from reportedly.nlp.convert import doc_to_analysis
from reportedly.nlp.pipeline import load_pipeline

PIECES = [
    '"',
    "“",
    "”",
    "«",
    "»",
    "„",
    "'",
    "''",
    " said ",
    " according to ",
    "He ",
    "Putin",
    " Xi Jinping ",
    "\n\n",
    ":",
    " the analysts ",
    " (ISW) ",
    " reported with reference to ",
    "China",
    " met ",
    " on March 20 ",
    " will sign ",
    "\t",
    " — ",
    ".",
    ",",
    " told reporters that ",
    "PENCE: ",
    " it was reported that ",
    " Tuesday ",
    " last week ",
    " did not attack ",
]

texts = st.lists(st.sampled_from(PIECES) | st.text(max_size=8), min_size=1, max_size=50).map(
    "".join
)


def _check(text: str, span: TextSpan | None) -> None:
    if span is not None:
        assert 0 <= span.start <= span.end <= len(text)
        assert text[span.start : span.end] == span.text


@pytest.mark.model
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_any_text_gives_valid_spans(text: str) -> None:
    nlp = load_pipeline()
    context = ArticleContext(outlet="Example Times", dates=(("2024-04-23", "published", "test"),))
    doc = nlp(set_context(nlp.make_doc(text), context))
    analysis = doc_to_analysis(doc, Article(id="a", text=text))
    for m in analysis.mentions:
        _check(text, m.span)
    for a in analysis.attributions:
        for span in (a.content, a.cue, a.source, a.resolved_source, *a.content_frags):
            _check(text, span)
        assert a.chain and a.chain[0].name  # the outlet heads every chain
    for e in analysis.events:
        _check(text, e.trigger)
        _check(text, e.sentence)
        for arg in e.arguments:
            _check(text, arg.span)
