"""Ingest: turn paths, globs, folders, WARC files, JSONL files and URLs into RawDocuments."""

from .files import iter_inputs
from .raw import Failure, RawDocument

__all__ = ["Failure", "RawDocument", "iter_inputs"]
