"""HTML to body text and metadata, with trafilatura."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from ..errors import ExtractionError

logger = logging.getLogger(__name__)

EXTRACTOR = "reportedly.extract.trafilatura.v1"


@dataclass(frozen=True, slots=True)
class HtmlPage:
    """What trafilatura finds in one page. ``paragraphs`` exclude the title."""

    paragraphs: tuple[str, ...]
    title: str | None = None
    author: str | None = None
    date: str | None = None
    sitename: str | None = None
    hostname: str | None = None
    url: str | None = None
    description: str | None = None


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def extract_html(html: str, *, url: str | None = None, location: str | None = None) -> HtmlPage:
    """Extract the article body (paragraphs kept) and metadata from ``html``.

    Raises:
        ExtractionError: trafilatura finds no article text (e.g. truncated or empty markup).
    """
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            deduplicate=False,
        )
    except (ValueError, TypeError, AttributeError) as e:  # lxml on pathological markup
        raise ExtractionError(f"HTML could not be parsed: {e}", input=location) from e
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise ExtractionError("no article text found in HTML", input=location)
    paragraphs = tuple(p for p in (" ".join(line.split()) for line in text.split("\n")) if p)
    return HtmlPage(
        paragraphs=paragraphs,
        title=_clean(getattr(doc, "title", None)),
        author=_clean(getattr(doc, "author", None)),
        date=_clean(getattr(doc, "date", None)),
        sitename=_clean(getattr(doc, "sitename", None)),
        hostname=_clean(getattr(doc, "hostname", None)),
        url=_clean(getattr(doc, "url", None)),
        description=_clean(getattr(doc, "description", None)),
    )
