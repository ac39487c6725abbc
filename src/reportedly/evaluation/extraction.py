"""Score HTML body extraction on a folder laid out like extraction-dev.

``FOLDER/ground-truth.json`` maps item ids to ``{"articleBody", "url"}`` and
``FOLDER/html/<id>.html.gz`` holds each page. The score is the scrapinghub
benchmark's (``metrics.macro_f1``); the predicted body is our article body
(the extracted paragraphs, without the headline), as the gold excludes it.
"""

from __future__ import annotations

import gzip
import json
import logging
from pathlib import Path

from ..errors import ReportedlyError
from ..extract.article import build_article
from ..ingest.raw import RawDocument
from ..settings import Settings
from .metrics import macro_f1

logger = logging.getLogger(__name__)


def predicted_body(path: Path, url: str | None, settings: Settings) -> str:
    """Our extracted body for one saved page ("" when extraction fails)."""
    raw = RawDocument(
        content=gzip.decompress(path.read_bytes()),
        kind="html",
        origin="file",
        location=str(path),
        url=url,
    )
    try:
        article = build_article(raw, settings)
    except ReportedlyError as e:
        logger.warning("%s", e)
        return ""
    return article.body_span.text if article.body_span else ""


def evaluate_extraction(folder: Path) -> dict[str, float]:
    """Precision, recall and F1 of our HTML extraction over the folder's pages."""
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    settings = Settings()
    pairs = []
    for item_id, gold in sorted(truth.items()):
        page = folder / "html" / f"{item_id}.html.gz"
        if not page.exists():
            logger.warning("%s: page missing", page)
            continue
        pairs.append((predicted_body(page, gold.get("url"), settings), gold["articleBody"]))
    return macro_f1(pairs)


def format_report(report: dict[str, float]) -> str:
    """The report as a short table."""
    return (
        f"HTML extraction ({int(report['pages'])} pages, 4-gram shingles, macro)\n"
        f"  precision {report['precision']:.4f}\n  recall    {report['recall']:.4f}\n"
        f"  F1        {report['f1']:.4f}"
    )
