"""The pipeline end to end: inputs -> RawDocuments -> Articles -> spaCy -> Analyses.

One function, ``analyze``, serves the CLI, the Python API and the workers:

    >>> import reportedly
    >>> for result in reportedly.analyze(["examples/charter97-xi-putin.txt"]):
    ...     print(result.article.title)

Each input yields an ``Analysis``, a ``Failure`` naming the input and the reason,
or a ``Skipped`` (already stored). A failure never stops the batch.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ._version import __version__
from .errors import ReportedlyError
from .extract.article import build_article
from .ingest import Failure, RawDocument, iter_inputs
from .models import Analysis, Article, Run, make_id
from .nlp.context import ArticleContext, set_context
from .settings import Settings

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

logger = logging.getLogger(__name__)

Result = Analysis | Failure


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input whose article is already stored (analyse again with ``force``)."""

    location: str
    article_id: str


def make_run(settings: Settings) -> Run:
    """A Run naming this version, the model package and a hash of the settings that affect results."""
    from spacy.util import get_package_version

    from .nlp.pipeline import find_model

    config = settings.config_dict()
    config_hash = hashlib.sha256(json.dumps(config, sort_keys=True).encode()).hexdigest()[:16]
    started = dt.datetime.now(dt.timezone.utc).isoformat(timespec="microseconds")
    model_name = find_model(settings.model)
    return Run(
        id=make_id("run", started, config_hash),
        started_at=started,
        reportedly_version=__version__,
        model_name=model_name,
        model_version=get_package_version(model_name),
        config_hash=config_hash,
    )


def article_context(article: Article) -> ArticleContext:
    """What the components may know about ``article``."""
    return ArticleContext(
        outlet=article.outlet,
        url=article.url,
        dates=tuple((d.value, d.kind, d.origin) for d in article.dates),
        title_span=(article.title_span.start, article.title_span.end)
        if article.title_span
        else None,
        lead_span=(article.lead_span.start, article.lead_span.end) if article.lead_span else None,
        lang=article.lang,
    )


def needs_nlp(article: Article, settings: Settings) -> bool:
    """False for articles the notes say skip the NLP stages (other language, too long)."""
    if len(article.text) > settings.max_chars:
        return False
    return not (settings.english_only_stages and article.lang not in (None, "en"))


def extract_all(
    raws: Iterable[RawDocument | Failure],
    settings: Settings,
    is_stored: Callable[[str], bool] | None,
) -> Iterator[Article | Failure | Skipped]:
    """Articles from raw documents; failures and already-stored articles pass through as such."""
    for raw in raws:
        if isinstance(raw, Failure):
            yield raw
            continue
        try:
            article = build_article(raw, settings)
        except ReportedlyError as e:
            yield Failure(raw.location, e.message, stage="extract")
            continue
        if is_stored is not None and is_stored(article.id):
            yield Skipped(raw.location, article.id)
        else:
            yield article


Item = Article | Failure | Skipped
Pending = list[tuple["Doc | None", Item]]


def analyze_articles(
    items: Iterable[Item], nlp: Language, settings: Settings, run_id: str | None = None
) -> Iterator[Result | Skipped]:
    """Run the NLP pipeline over the articles in ``items``, in order, in batches.

    Failures and skipped inputs pass through in their place; articles that skip
    the NLP stages (``needs_nlp``) come back as an Analysis with the article only.
    """
    pending: Pending = []
    for item in items:
        doc = None
        if isinstance(item, Article) and needs_nlp(item, settings):
            doc = set_context(nlp.make_doc(item.text), article_context(item))
        pending.append((doc, item))
        if len(pending) >= settings.batch_size:
            yield from _flush(pending, nlp, settings, run_id)
            pending = []
    yield from _flush(pending, nlp, settings, run_id)


def _parse(pending: Pending, nlp: Language, settings: Settings) -> dict[int, Doc]:
    """Parsed docs keyed by ``id(item)``; a failing batch is retried one document at a time."""
    to_parse = [(doc, item) for doc, item in pending if doc is not None]
    try:
        return {
            id(item): doc
            for doc, item in nlp.pipe(to_parse, as_tuples=True, batch_size=settings.batch_size)
        }
    except Exception as e:  # a component bug must not lose the whole batch
        logger.warning("batch failed (%s); retrying documents one by one", e)
    parsed = {}
    for doc, item in to_parse:
        try:
            parsed[id(item)] = nlp(doc)
        except Exception:
            logger.exception("NLP failed on %s", getattr(item, "id", item))
    return parsed


def _flush(
    pending: Pending, nlp: Language, settings: Settings, run_id: str | None
) -> Iterator[Result | Skipped]:
    from .nlp.convert import doc_to_analysis

    parsed = _parse(pending, nlp, settings)
    for doc, item in pending:
        if not isinstance(item, Article):
            yield item
        elif doc is None:
            yield Analysis(article=item, run_id=run_id)
        elif id(item) in parsed:
            yield doc_to_analysis(parsed[id(item)], item, run_id)
        else:
            where = item.source.location if item.source else item.id
            yield Failure(where, "NLP pipeline failed on this document", stage="nlp")


def analyze(
    inputs: Iterable[str],
    *,
    settings: Settings | None = None,
    input_format: str = "auto",
    url: str | None = None,
    is_stored: Callable[[str], bool] | None = None,
    run_id: str | None = None,
) -> Iterator[Result | Skipped]:
    """Analyse every input named in ``inputs`` in this process.

    Args:
        inputs: paths, folders, globs, WARC/JSONL files or URLs.
        settings: limits and model; default ``Settings()``.
        input_format: ``auto``, ``html``, ``text``, ``warc`` or ``jsonl``.
        url: the page URL of a single saved file.
        is_stored: called with each article id; True skips the NLP (already stored).
        run_id: the Run the results belong to.

    Yields:
        An Analysis, a Failure or a Skipped per input (per record for WARC/JSONL).
    """
    from .nlp.pipeline import load_pipeline

    settings = settings or Settings()
    raws = iter_inputs(inputs, settings, input_format=input_format, url=url)
    articles = extract_all(raws, settings, is_stored)
    nlp = load_pipeline(settings.model, gazetteer_path=settings.gazetteer_path)
    yield from analyze_articles(articles, nlp, settings, run_id)
