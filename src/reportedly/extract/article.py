"""RawDocument -> Article: decode, extract, compose the text, find metadata with provenance.

For HTML and scraped text the article text is composed as paragraphs separated
by blank lines: the headline, the lead (when one is found), then the body. All
later offsets refer to that text. JSONL texts are kept exactly as given.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Sequence
from urllib.parse import urlsplit

from ..errors import ExtractionError
from ..ingest.raw import RawDocument
from ..models import Article, PageDate, Source, TextSpan, make_id
from ..settings import Settings
from .decode import decode_bytes
from .html import EXTRACTOR as HTML_EXTRACTOR
from .html import extract_html
from .lang import identify_language

logger = logging.getLogger(__name__)

TEXT_EXTRACTOR = "reportedly.extract.scraped_text.v1"
GIVEN_EXTRACTOR = "reportedly.extract.given_text.v1"
MIN_LANG_PROB = 0.5  # below this the language guess is recorded as unknown
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def compose(parts: Sequence[str | None]) -> tuple[str, list[TextSpan | None]]:
    """Join the non-empty ``parts`` with blank lines; return the text and each part's span."""
    text = ""
    spans: list[TextSpan | None] = []
    for part in parts:
        if not part:
            spans.append(None)
            continue
        if text:
            text += "\n\n"
        start = len(text)
        text += part
        spans.append(TextSpan(start, len(text), part))
    return text, spans


def normalise_text(text: str) -> str:
    """NFC-normalise, unify line ends and drop control characters (tabs and newlines kept)."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc")


def domain_of(url: str | None) -> str | None:
    """The host of ``url`` without ``www.``."""
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def _source(raw: RawDocument) -> Source:
    return Source(
        kind=raw.origin if raw.origin != "file" else raw.kind,
        location=raw.location,
        record_id=raw.record_id,
        fetched_at=raw.fetched_at,
    )


def _decoded(raw: RawDocument) -> str:
    if isinstance(raw.content, str):
        return raw.content
    return decode_bytes(raw.content, declared=raw.charset, location=raw.location)


def _from_html(raw: RawDocument, text_in: str) -> dict[str, object]:
    page = extract_html(text_in, url=raw.url, location=raw.location)
    paragraphs = list(page.paragraphs)
    if paragraphs and page.title and paragraphs[0] == page.title:  # trafilatura keeps the <h1>
        paragraphs = paragraphs[1:]
    text, spans = compose([page.title, *paragraphs])
    url = raw.url or page.url
    dates: tuple[PageDate, ...] = ()
    if page.date and _ISO_DATE.match(page.date):
        dates = (PageDate(value=page.date, kind="published", origin="html-metadata"),)
    # trafilatura falls back to the host name when a page declares no site name
    from_url = page.sitename in (None, page.hostname, domain_of(url))
    outlet, origin = (
        (domain_of(url) or page.sitename, "url-domain")
        if from_url
        else (page.sitename, "html-metadata")
    )
    body = _body_span(text, spans[1:])
    return dict(
        text=text,
        title=page.title,
        url=url,
        outlet=outlet,
        outlet_origin=origin if outlet else None,
        author=page.author,
        dates=dates,
        title_span=spans[0],
        body_span=body,
        extractor=HTML_EXTRACTOR,
    )


def _from_scraped(raw: RawDocument, text_in: str) -> dict[str, object]:
    from .text import extract_scraped_text

    page = extract_scraped_text(text_in)
    if not page.paragraphs and not page.lead:
        raise ExtractionError("no article body found in text", input=raw.location)
    text, spans = compose([page.title, page.lead, *page.paragraphs])
    dates: tuple[PageDate, ...] = ()
    if page.banner_date:
        line, iso = page.banner_date
        dates = (PageDate(value=iso, kind="page_banner", origin="text-banner", raw=line),)
    outlet, origin = page.outlet, "text"
    if not outlet and raw.url:
        outlet, origin = domain_of(raw.url), "url-domain"
    meta = {"comment_count": page.comment_count} if page.comment_count is not None else {}
    return dict(
        text=text,
        title=page.title,
        url=raw.url,
        outlet=outlet,
        outlet_origin=origin if outlet else None,
        dates=dates,
        title_span=spans[0],
        lead_span=spans[1],
        body_span=_body_span(text, spans[2:]),
        meta=meta,
        extractor=TEXT_EXTRACTOR,
    )


def _from_given(raw: RawDocument, text: str) -> dict[str, object]:
    given = raw.given
    dates: tuple[PageDate, ...] = ()
    if given.get("published"):
        dates = (PageDate(value=str(given["published"]), kind="given", origin="jsonl"),)
    url = given.get("url") or raw.url
    outlet, origin = (
        (given["outlet"], "given") if given.get("outlet") else (domain_of(url), "url-domain")
    )
    return dict(
        text=text,
        title=given.get("title"),
        url=url,
        outlet=outlet,
        outlet_origin=origin if outlet else None,
        author=given.get("author"),
        dates=dates,
        body_span=TextSpan(0, len(text), text),
        extractor=GIVEN_EXTRACTOR,
    )


def _body_span(text: str, spans: Sequence[TextSpan | None]) -> TextSpan | None:
    present = [s for s in spans if s is not None]
    if not present:
        return None
    return TextSpan.of(text, present[0].start, present[-1].end)


def build_article(raw: RawDocument, settings: Settings) -> Article:
    """Extract an Article from ``raw``.

    Raises:
        IngestError: binary or undecodable bytes.
        ExtractionError: no article text could be found.
    """
    # JSONL text is the caller's: offsets must refer to it exactly, so it is not normalised.
    decoded = _decoded(raw) if raw.kind == "article" else normalise_text(_decoded(raw))
    if not decoded.strip():
        raise ExtractionError("empty text", input=raw.location)
    if raw.kind == "html":
        fields = _from_html(raw, decoded)
    elif raw.kind == "text":
        fields = _from_scraped(raw, decoded)
    else:
        fields = _from_given(raw, decoded)
    text = str(fields["text"])
    notes: list[str] = []
    lang = raw.given.get("lang")
    if not lang:
        guess, prob = identify_language(text)
        lang = guess if prob >= MIN_LANG_PROB else None
    if lang and lang != "en" and settings.english_only_stages:
        notes.append(
            f"language {lang!r}: English-only stages (attribution, entities, events) skipped"
        )
    if len(text) > settings.max_chars:
        notes.append(f"text longer than {settings.max_chars} characters: NLP stages skipped")
    url = fields.get("url")
    article_id = make_id("url", url) if isinstance(url, str) and url else make_id("text", text)
    return Article(id=article_id, lang=lang, source=_source(raw), notes=tuple(notes), **fields)  # type: ignore[arg-type]
