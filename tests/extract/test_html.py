"""HTML extraction with trafilatura: paragraphs, metadata, and refusing pages with no article."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportedly.errors import ExtractionError
from reportedly.extract.html import EXTRACTOR, extract_html


@pytest.fixture(scope="module")
def page(data_dir: Path):  # type: ignore[no-untyped-def]
    return extract_html((data_dir / "article.html").read_text(encoding="utf-8"), location="a.html")


def test_metadata(page) -> None:  # type: ignore[no-untyped-def]
    assert page.title == "Harbour bridge to close for repairs"
    assert page.author == "Maria Lindqvist"
    assert page.date == "2024-03-18"
    assert page.sitename == "Coastal Gazette"


def test_paragraphs_are_kept_and_chrome_dropped(page) -> None:  # type: ignore[no-untyped-def]
    body = [p for p in page.paragraphs if p != page.title]
    assert body[0].startswith("The harbour bridge in Portvale will close for six weeks")
    assert body[-1].endswith("publish the full diversion map on its website next week.")
    assert len(body) == 5
    joined = "\n".join(page.paragraphs)
    assert "All rights reserved" not in joined
    assert "Sport" not in joined
    assert all(p == " ".join(p.split()) and p for p in page.paragraphs)


def test_url_is_passed_through(data_dir: Path) -> None:
    html = (data_dir / "article2.html").read_text(encoding="utf-8")
    page = extract_html(html, url="https://www.valley-courier.example/news/apples")
    assert page.url == "https://www.valley-courier.example/news/apples"
    assert page.title == "Orchard growers report record apple harvest"


@pytest.mark.parametrize(
    "html",
    [
        "",
        "<html><head><title>Nothing here</title></head><body></body></html>",
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Harbour bri",
    ],
)
def test_no_article_text_is_an_extraction_error(html: str) -> None:
    with pytest.raises(ExtractionError) as info:
        extract_html(html, location="page.html")
    assert info.value.input == "page.html"
    assert info.value.message == "no article text found in HTML"


def test_extractor_name() -> None:
    assert EXTRACTOR == "reportedly.extract.trafilatura.v1"
