"""RawDocument -> Article: composed text, spans, metadata with provenance, language notes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportedly.errors import ExtractionError, IngestError, ReportedlyError
from reportedly.extract.article import (
    GIVEN_EXTRACTOR,
    build_article,
    compose,
    domain_of,
    normalise_text,
)
from reportedly.ingest.jsonl import parse_line
from reportedly.ingest.raw import RawDocument
from reportedly.models import make_id
from reportedly.settings import Settings

TITLE = "Harbour bridge to close for repairs"


def html_doc(path: Path, url: str | None = None) -> RawDocument:
    return RawDocument(
        content=path.read_bytes(), kind="html", origin="file", location=str(path), url=url
    )


def jsonl_doc(obj: dict[str, object], location: str = "in.jsonl:1") -> RawDocument:
    return parse_line(json.dumps(obj), location)


# --- compose: the span invariant ---------------------------------------------------------


def test_compose_joins_with_blank_lines() -> None:
    text, spans = compose(["Title", None, "", "Para one.", "Para two."])
    assert text == "Title\n\nPara one.\n\nPara two."
    assert [s.to_list() if s else None for s in spans] == [[0, 5], None, None, [7, 16], [18, 27]]


def test_compose_nothing() -> None:
    assert compose([]) == ("", [])
    assert compose([None, ""]) == ("", [None, None])


@given(st.lists(st.one_of(st.none(), st.text()), max_size=12))
def test_compose_spans_slice_their_text(parts: list[str | None]) -> None:
    text, spans = compose(parts)
    assert len(spans) == len(parts)
    previous_end = -2
    for part, span in zip(parts, spans, strict=True):
        if not part:
            assert span is None
            continue
        assert span is not None
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start : span.end] == span.text == part
        assert span.start >= previous_end + 2  # a blank line between parts
        previous_end = span.end


# --- helpers -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a\r\nb\rc", "a\nb\nc"),
        ("Cafe\u0301", "Café"),
        ("tab\there\x00nul\x07bell\x1besc", "tab\therenulbellesc"),
        ("keep\n\nparagraphs", "keep\n\nparagraphs"),
    ],
)
def test_normalise_text(raw: str, expected: str) -> None:
    assert normalise_text(raw) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.charter97.org/en/news/2024/4/23/1/", "charter97.org"),
        ("http://Example.ORG:8080/a", "example.org"),
        ("https://news.bbc.co.uk/x", "news.bbc.co.uk"),
        ("not a url", None),
        (None, None),
        ("", None),
    ],
)
def test_domain_of(url: str | None, expected: str | None) -> None:
    assert domain_of(url) == expected


# --- HTML ------------------------------------------------------------------------------------


def test_html_article(data_dir: Path) -> None:
    article = build_article(html_doc(data_dir / "article.html"), Settings())
    assert article.title == TITLE
    assert article.outlet == "Coastal Gazette"
    assert article.outlet_origin == "html-metadata"
    assert article.author == "Maria Lindqvist"
    assert article.lang == "en"
    assert article.published == "2024-03-18"
    assert [(d.value, d.kind, d.origin) for d in article.dates] == [
        ("2024-03-18", "published", "html-metadata")
    ]
    assert article.extractor == "reportedly.extract.trafilatura.v1"
    assert article.notes == ()
    assert article.source is not None
    assert (article.source.kind, article.source.location) == (
        "html",
        str(data_dir / "article.html"),
    )
    assert article.text.startswith(TITLE + "\n\n")
    assert article.text.endswith("publish the full diversion map on its website next week.")
    assert article.lead_span is None
    for span in (article.title_span, article.body_span):
        assert span is not None
        assert article.text[span.start : span.end] == span.text
    assert article.title_span is not None and article.title_span.text == TITLE
    assert article.body_span is not None and article.body_span.end == len(article.text)
    # no URL: the id hashes the text
    assert article.id == make_id("text", article.text)


BARE_PAGE = (
    "<html><body><article><p>The mayor said the new library would open in June, "
    "two months later than planned, because of delays in the delivery of steel.</p>"
    "</article></body></html>"
)


def test_html_article_id_from_url(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text(BARE_PAGE, encoding="utf-8")
    url = "https://www.towncrier.example/news/library"
    article = build_article(html_doc(page, url=url), Settings())
    assert article.id == make_id("url", url)
    assert article.url == url
    assert article.outlet == "towncrier.example"
    assert article.title is None and article.title_span is None


def test_outlet_from_the_url_is_labelled_url_domain(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text(BARE_PAGE, encoding="utf-8")
    article = build_article(html_doc(page, url="https://www.towncrier.example/n"), Settings())
    assert (article.outlet, article.outlet_origin) == ("towncrier.example", "url-domain")


def test_headline_is_not_repeated_in_the_body(data_dir: Path) -> None:
    article = build_article(html_doc(data_dir / "article.html"), Settings())
    assert article.text.count(TITLE) == 1
    assert article.body_span is not None
    assert article.body_span.text.startswith("The harbour bridge in Portvale")


def test_truncated_html_keeps_what_arrived(data_dir: Path, tmp_path: Path) -> None:
    cut = tmp_path / "cut.html"
    cut.write_bytes((data_dir / "article.html").read_bytes()[:1400])
    article = build_article(html_doc(cut), Settings())
    assert "Helen Barker" in article.text
    assert "shuttle bus" in article.text
    assert article.text.endswith("would publish the full diversion map on its website")


def test_html_cut_before_the_body_is_an_extraction_error(data_dir: Path) -> None:
    path = data_dir / "truncated.html"
    with pytest.raises(ExtractionError) as info:
        build_article(html_doc(path), Settings())
    assert str(info.value) == f"{path}: no article text found in HTML"


def test_binary_is_an_ingest_error(data_dir: Path) -> None:
    path = data_dir / "image.png"
    with pytest.raises(IngestError) as info:
        build_article(html_doc(path), Settings())
    assert str(info.value) == f"{path}: binary content, not text or HTML"


def test_whitespace_only_text_is_an_extraction_error() -> None:
    raw = RawDocument(content=b"\n   \t\n", kind="html", origin="file", location="w")
    with pytest.raises(ExtractionError, match="w: empty text"):
        build_article(raw, Settings())


# --- language ---------------------------------------------------------------------------------


def test_other_language_is_noted_and_skips_english_stages(data_dir: Path) -> None:
    article = build_article(html_doc(data_dir / "russian.html"), Settings())
    assert article.lang == "ru"
    assert "Мост в порту закроют на ремонт" in article.text
    assert article.notes == (
        "language 'ru': English-only stages (attribution, entities, events) skipped",
    )


def test_other_language_without_english_only_stages(data_dir: Path) -> None:
    article = build_article(
        html_doc(data_dir / "russian.html"), Settings(english_only_stages=False)
    )
    assert article.lang == "ru"
    assert article.notes == ()


def test_given_language_wins() -> None:
    article = build_article(
        jsonl_doc({"text": "Der Bürgermeister sagte, die Bibliothek öffne im Juni.", "lang": "en"}),
        Settings(),
    )
    assert article.lang == "en"
    assert article.notes == ()


def test_text_without_letters_has_no_language() -> None:
    article = build_article(jsonl_doc({"text": "12 345 -- 678 ..."}), Settings())
    assert article.lang is None
    assert article.notes == ()


def test_long_text_is_noted() -> None:
    text = "The council said the bridge would close. " * 5
    article = build_article(jsonl_doc({"text": text}), Settings(max_chars=50))
    assert article.notes == ("text longer than 50 characters: NLP stages skipped",)


# --- JSONL (given text) ---------------------------------------------------------------------


def test_given_text_and_metadata() -> None:
    obj = {
        "id": "r1",
        "text": "Police said the road would stay closed until Friday.",
        "title": "Road closed",
        "url": "https://www.example.org/news/road",
        "published": "2024-05-03",
        "author": "A. Writer",
    }
    article = build_article(jsonl_doc(obj), Settings())
    assert article.text == obj["text"]
    assert article.body_span is not None and article.body_span.to_list() == [0, len(obj["text"])]
    assert article.title_span is None
    assert article.title == "Road closed"
    assert article.author == "A. Writer"
    assert (article.outlet, article.outlet_origin) == ("example.org", "url-domain")
    assert article.published == "2024-05-03"
    assert [(d.kind, d.origin) for d in article.dates] == [("given", "jsonl")]
    assert article.id == make_id("url", obj["url"])
    assert article.extractor == GIVEN_EXTRACTOR
    assert article.source is not None
    assert (article.source.kind, article.source.record_id) == ("jsonl", "r1")


def test_given_outlet() -> None:
    article = build_article(
        jsonl_doc({"text": "Some news text.", "outlet": "Town Crier"}), Settings()
    )
    assert (article.outlet, article.outlet_origin) == ("Town Crier", "given")
    assert article.url is None
    assert article.id == make_id("text", "Some news text.")


def test_given_text_is_kept_exactly() -> None:
    text = "Cafe\u0301 owners said\r\nprices would rise."
    article = build_article(jsonl_doc({"text": text}), Settings())
    assert article.text == text


def test_lone_surrogate_is_a_clean_error_or_replaced() -> None:
    try:
        raw = parse_line(
            '{"id": "s", "text": "Police said the road \\ud800 was closed."}', "in.jsonl:9"
        )
        article = build_article(raw, Settings())
    except ReportedlyError as e:
        assert e.input == "in.jsonl:9"
    else:
        article.text.encode("utf-8")


# --- scraped text (extract.text, built concurrently) ---------------------------------------------


def test_scraped_example_page(example_path: Path) -> None:
    pytest.importorskip("reportedly.extract.text")
    raw = RawDocument(
        content=example_path.read_bytes(), kind="text", origin="file", location=str(example_path)
    )
    article = build_article(raw, Settings())
    assert article.extractor == "reportedly.extract.scraped_text.v1"
    assert "Xi Jinping" in article.text
    for span in (article.title_span, article.lead_span, article.body_span):
        if span is not None:
            assert article.text[span.start : span.end] == span.text
