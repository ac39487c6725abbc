"""WARC / WARC.gz input: each HTTP ``response`` record becomes one RawDocument.

HTTP headers are stripped (warcio parses them), the declared charset is kept for
decoding, and records that are not HTML or text (images, scripts) are skipped.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path

from ..errors import IngestError
from ..settings import Settings
from .raw import ContentKind, Failure, RawDocument

logger = logging.getLogger(__name__)

_TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)


def charset_of(content_type: str | None) -> str | None:
    """The charset parameter of a Content-Type header, if any."""
    match = _CHARSET.search(content_type or "")
    return match.group(1) if match else None


def iter_warc(path: Path, settings: Settings) -> Iterator[RawDocument | Failure]:
    """Yield a RawDocument per HTML/text response record of ``path``; a Failure for bad records."""
    try:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed
    except ImportError as e:  # pragma: no cover - warcio is a core dependency
        raise IngestError("WARC input needs warcio: pip install warcio", input=str(path)) from e
    if not path.is_file():
        raise IngestError("no such file", input=str(path))
    found = 0
    try:
        with path.open("rb") as fh:
            for index, record in enumerate(ArchiveIterator(fh)):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                item = _record_document(record, f"{path}#{index}", settings)
                if item is not None:
                    found += 1
                    yield item
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as e:
        yield Failure(str(path), f"not a readable WARC file: {e}")
        return
    if not found:
        yield Failure(str(path), "no HTML or text response records in WARC")


def _payload_left(record: object) -> int:
    """Bytes of the record's declared payload that could not be read (0 for a whole record)."""
    raw = getattr(record, "raw_stream", None)
    limit = getattr(raw, "limit", 0)
    if not isinstance(limit, int) or limit <= 0:
        return 0
    rest = raw.read(limit)  # type: ignore[union-attr]
    return limit - len(rest)


def _record_document(
    record: object, location: str, settings: Settings
) -> RawDocument | Failure | None:
    headers = record.http_headers  # type: ignore[attr-defined]
    content_type = headers.get_header("Content-Type") or ""
    if not any(t in content_type.lower() for t in _TEXT_TYPES):
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")  # type: ignore[attr-defined]
    body = record.content_stream().read(settings.max_bytes + 1)  # type: ignore[attr-defined]
    where = f"{location} ({url})" if url else location
    if len(body) > settings.max_bytes:
        return Failure(where, f"record is larger than the limit of {settings.max_bytes} bytes")
    if _payload_left(record) > 0:  # the file ended before the record's declared length
        return Failure(where, "truncated record (the WARC file ends inside it)")
    if not body.strip():
        return Failure(where, "empty response body")
    kind: ContentKind = "text" if "text/plain" in content_type.lower() else "html"
    return RawDocument(
        content=body,
        kind=kind,
        origin="warc",
        location=where,
        url=url,
        fetched_at=record.rec_headers.get_header("WARC-Date"),  # type: ignore[attr-defined]
        charset=charset_of(content_type),
    )
