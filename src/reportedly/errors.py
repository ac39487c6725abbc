"""The exceptions reportedly raises, one tree:

    ReportedlyError
    ├── IngestError        an input could not be read (missing, empty, binary, too large, bad URL)
    │   └── FetchError     a URL could not be fetched (refused address, timeout, HTTP status, type)
    ├── ExtractionError    no article text could be extracted from a readable input
    ├── PipelineError      the NLP pipeline could not be loaded or failed on a document
    ├── StoreError         the database could not be opened, migrated or written
    └── ConfigError        a setting has an invalid value

Every error that concerns one input carries ``input`` (a path, URL or record id),
so a batch can report ``input: reason`` and go on.
"""

from __future__ import annotations


class ReportedlyError(Exception):
    """Base class of all reportedly errors."""

    def __init__(self, message: str, *, input: str | None = None) -> None:
        super().__init__(message)
        self.input = input
        self.message = message

    def __str__(self) -> str:
        return f"{self.input}: {self.message}" if self.input else self.message


class IngestError(ReportedlyError):
    """An input could not be read."""


class FetchError(IngestError):
    """A URL could not be fetched."""


class ExtractionError(ReportedlyError):
    """No article text could be extracted from an input."""


class PipelineError(ReportedlyError):
    """The NLP pipeline could not be loaded or failed."""


class StoreError(ReportedlyError):
    """The database could not be opened, migrated or written."""


class ConfigError(ReportedlyError):
    """A setting has an invalid value."""
