"""Property tests: any article text and any spans survive the store round trip."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportedly.models import (
    Analysis,
    Article,
    Attribution,
    ChainLink,
    Event,
    EventArgument,
    Mention,
    PageDate,
    TextSpan,
)
from reportedly.store import SQLiteStore, open_store

# Any text SQLite can hold as UTF-8: every code point but lone surrogates (NUL included).
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)
_ids = itertools.count()


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SQLiteStore]:
    path: Path = tmp_path_factory.mktemp("hypothesis") / "prop.db"
    with open_store(path) as s:
        yield s


@st.composite
def spans(draw: st.DrawFn, text: str) -> TextSpan:
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, len(text)))
    return TextSpan.of(text, start, end)


@st.composite
def analyses(draw: st.DrawFn) -> Analysis:
    text = draw(TEXT)
    article_id = f"prop{next(_ids):012d}"
    span = lambda: draw(spans(text))  # noqa: E731 - a local shorthand
    article = Article(
        id=article_id,
        text=text,
        title=draw(st.none() | TEXT),
        url=draw(st.none() | TEXT),
        outlet=draw(st.none() | TEXT),
        meta=draw(
            st.dictionaries(TEXT, st.integers() | TEXT | st.booleans() | st.none(), max_size=3)
        ),
        notes=tuple(draw(st.lists(TEXT, max_size=2))),
        dates=(
            PageDate(value="2024-01-02", kind="page_banner", origin="text-banner", span=span()),
        ),
        title_span=draw(st.none() | st.just(span())),
        body_span=span(),
        extractor=draw(TEXT),
    )
    mentions = tuple(
        sorted(
            (
                Mention(f"{article_id}-m{i}", article_id, "ORG", span())
                for i in range(draw(st.integers(0, 3)))
            ),
            key=lambda m: (m.span.start, m.span.end, m.id),
        )
    )
    attributions = tuple(
        sorted(
            (
                Attribution(
                    id=f"{article_id}-a{i}",
                    article_id=article_id,
                    kind="direct",
                    content=span(),
                    cue=span(),
                    source=draw(st.none() | st.just(span())),
                    content_frags=(span(), span()),
                    chain=(
                        ChainLink(draw(TEXT), None, origin="article metadata"),
                        ChainLink(draw(TEXT), span()),
                    ),
                    confidence=draw(st.floats(0, 1)),
                )
                for i in range(draw(st.integers(0, 3)))
            ),
            key=lambda a: (a.content.start, a.id),
        )
    )
    events = tuple(
        sorted(
            (
                Event(
                    id=f"{article_id}-e{i}",
                    article_id=article_id,
                    type="CONSULT",
                    trigger=span(),
                    sentence=span(),
                    arguments=(EventArgument("actor", span()), EventArgument("recipient", span())),
                )
                for i in range(draw(st.integers(0, 2)))
            ),
            key=lambda e: (e.trigger.start, e.id),
        )
    )
    return Analysis(article=article, mentions=mentions, attributions=attributions, events=events)


@settings(max_examples=60, deadline=None)
@given(analyses())
def test_any_analysis_round_trips(store: SQLiteStore, analysis: Analysis) -> None:
    assert store.save(analysis) is True
    got = store.get(analysis.article.id)
    assert got == analysis
    for s in (
        [m.span for m in got.mentions]
        + [a.content for a in got.attributions]
        + [f for a in got.attributions for f in a.content_frags]
        + [e.trigger for e in got.events]
    ):
        assert 0 <= s.start <= s.end <= len(got.article.text)
        assert got.article.text[s.start : s.end] == s.text


@settings(max_examples=60, deadline=None)
@given(TEXT)
def test_any_query_is_safe(store: SQLiteStore, query: str) -> None:
    query = query.replace(
        "\x00", ""
    )  # NUL: a known bug, see test_sqlite.test_query_with_nul_never_raises
    assert isinstance(store.search(query), list)
