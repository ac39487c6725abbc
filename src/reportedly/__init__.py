"""reportedly: news pages to an attributed, queryable record.

>>> import reportedly
>>> for result in reportedly.analyze(["examples/charter97-xi-putin.txt"]):
...     print(result.article.title, len(result.attributions))
"""

import logging

from ._version import RECORD_FORMAT_VERSION, __version__
from .analyze import Skipped, analyze
from .errors import (
    ConfigError,
    ExtractionError,
    FetchError,
    IngestError,
    PipelineError,
    ReportedlyError,
    StoreError,
)
from .ingest import Failure
from .models import (
    Analysis,
    Article,
    Attribution,
    ChainLink,
    Entity,
    Event,
    EventArgument,
    EventDate,
    Mention,
    PageDate,
    TextSpan,
)
from .nlp.pipeline import load_pipeline
from .record import analysis_to_record
from .settings import Settings, load_settings
from .store import open_store

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "Analysis",
    "Article",
    "Attribution",
    "ChainLink",
    "ConfigError",
    "Entity",
    "Event",
    "EventArgument",
    "EventDate",
    "ExtractionError",
    "Failure",
    "FetchError",
    "IngestError",
    "Mention",
    "PageDate",
    "PipelineError",
    "RECORD_FORMAT_VERSION",
    "ReportedlyError",
    "Settings",
    "Skipped",
    "StoreError",
    "TextSpan",
    "__version__",
    "analysis_to_record",
    "analyze",
    "load_pipeline",
    "load_settings",
    "open_store",
]
