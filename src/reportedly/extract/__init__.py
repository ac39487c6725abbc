"""Extract: RawDocument -> Article (trafilatura for HTML, a line classifier for scraped text,
decoding and language identification)."""

from .article import build_article
from .html import extract_html
from .text import extract_scraped_text

__all__ = ["build_article", "extract_html", "extract_scraped_text"]
