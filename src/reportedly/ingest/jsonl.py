"""JSONL input: one ``{"id", "text", "title"?, "url"?, "published"?}`` object per line.

The ``text`` is taken as the article text as is, so offsets refer to it exactly.
A malformed line is a Failure naming ``path:line``; the other lines go on.
"""

from __future__ import annotations

import gzip
import json
import logging
from collections.abc import Iterator
from pathlib import Path

from ..errors import IngestError
from ..settings import Settings
from .raw import Failure, RawDocument

logger = logging.getLogger(__name__)

GIVEN_FIELDS = ("title", "url", "published", "outlet", "author", "lang")


def parse_line(line: str, location: str) -> RawDocument:
    """One JSONL line as a RawDocument.

    Raises:
        IngestError: not JSON, not an object, or no non-empty string ``text``.
    """
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        raise IngestError(f"malformed JSON: {e.msg} at column {e.colno}", input=location) from e
    if not isinstance(obj, dict):
        raise IngestError("a JSONL line must be an object", input=location)
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise IngestError('missing or empty "text"', input=location)
    if any("\ud800" <= ch <= "\udfff" for ch in text):
        raise IngestError("text contains lone surrogates (invalid Unicode)", input=location)
    record_id = obj.get("id")
    given = {k: obj[k] for k in GIVEN_FIELDS if isinstance(obj.get(k), str)}
    return RawDocument(
        content=text,
        kind="article",
        origin="jsonl",
        location=location,
        url=given.get("url"),
        record_id=None if record_id is None else str(record_id),
        given=given,
    )


def iter_jsonl(path: Path, settings: Settings) -> Iterator[RawDocument | Failure]:
    """Yield a RawDocument or a Failure per non-blank line of ``path``."""
    if not path.is_file():
        raise IngestError("no such file", input=str(path))
    try:
        opener = gzip.open if path.name.lower().endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8", errors="strict") as fh:
            for number, line in enumerate(fh, start=1):
                location = f"{path}:{number}"
                if not line.strip():
                    continue
                if len(line) > settings.max_bytes:
                    yield Failure(
                        location, f"line is larger than the limit of {settings.max_bytes} bytes"
                    )
                    continue
                try:
                    yield parse_line(line, location)
                except IngestError as e:
                    yield Failure(location, e.message)
    except UnicodeDecodeError as e:
        yield Failure(str(path), f"not UTF-8 JSONL: {e.reason} at byte {e.start}")
    except (OSError, EOFError) as e:
        yield Failure(str(path), f"cannot read: {e}")
