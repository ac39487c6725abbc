"""Run the pipeline in N local worker processes, results in input order, memory bounded."""

from __future__ import annotations

import logging
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from multiprocessing.context import BaseContext

from ..analyze import Skipped
from ..ingest import iter_inputs
from ..ingest.raw import Failure, RawDocument
from ..models import Analysis
from ..nlp.pipeline import load_pipeline
from ..settings import Settings
from .partition import process_partition

logger = logging.getLogger(__name__)

IN_FLIGHT_PER_WORKER = 2  # partitions queued per worker: keeps workers busy, memory flat


def _chunks(
    items: Iterable[RawDocument | Failure], size: int
) -> Iterator[list[RawDocument | Failure]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def analyze_parallel(
    inputs: Iterable[str],
    *,
    settings: Settings,
    workers: int,
    input_format: str = "auto",
    url: str | None = None,
    skip_stored_in: str | None = None,
    run_id: str | None = None,
) -> Iterator[Analysis | Failure | Skipped]:
    """Like ``analyze.analyze`` but over ``workers`` processes.

    Where the platform can fork, the pipeline is loaded once here and the workers inherit it
    (copy-on-write), so starting N workers costs one model load, not N; elsewhere they spawn
    and each loads the model once.
    """
    raws = iter_inputs(inputs, settings, input_format=input_format, url=url)
    context: BaseContext
    if "fork" in multiprocessing.get_all_start_methods():
        load_pipeline(settings.model, gazetteer_path=settings.gazetteer_path)
        context = multiprocessing.get_context("fork")
    else:  # pragma: no cover - Windows, macOS default
        context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        queue: deque[Future[list[Analysis | Failure | Skipped]]] = deque()
        for chunk in _chunks(raws, settings.batch_size):
            queue.append(
                pool.submit(
                    process_partition, chunk, settings, skip_stored_in=skip_stored_in, run_id=run_id
                )
            )
            while len(queue) >= workers * IN_FLIGHT_PER_WORKER:
                yield from queue.popleft().result()
        while queue:
            yield from queue.popleft().result()
