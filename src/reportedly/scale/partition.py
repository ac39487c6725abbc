"""One plain function that analyses a partition of raw documents: the unit every scaler maps.

It loads the pipeline once per worker process (``load_pipeline`` is cached) and
returns picklable models (Analysis, Failure, Skipped), never spaCy objects.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable

from ..analyze import Skipped, analyze_articles, extract_all
from ..ingest.raw import Failure, RawDocument
from ..models import Analysis
from ..nlp.pipeline import load_pipeline
from ..settings import Settings

logger = logging.getLogger(__name__)


@functools.cache
def _stored_checker(db_path: str) -> Callable[[str], bool]:
    from pathlib import Path

    from ..store import open_store

    if not Path(db_path).exists():
        return lambda _id: False
    store = open_store(db_path, read_only=True)
    return store.has_article


def process_partition(
    raws: list[RawDocument | Failure],
    settings: Settings,
    *,
    skip_stored_in: str | None = None,
    run_id: str | None = None,
) -> list[Analysis | Failure | Skipped]:
    """Analyse ``raws`` and return one result per article (in order).

    Args:
        raws: raw documents (or failures, passed through) from ``ingest.iter_inputs``.
        settings: the run's settings.
        skip_stored_in: a SQLite path; articles already stored there come back as Skipped.
        run_id: the Run the results belong to.
    """
    is_stored = _stored_checker(skip_stored_in) if skip_stored_in else None
    nlp = load_pipeline(settings.model, gazetteer_path=settings.gazetteer_path)
    articles = extract_all(raws, settings, is_stored)
    return list(analyze_articles(articles, nlp, settings, run_id))
