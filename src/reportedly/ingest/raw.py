"""What ingest yields: raw documents, or failures naming the input."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

# "html": markup; "text": already-scraped page text (site chrome and all);
# "article": text taken as the article text as is (JSONL ``text``), offsets refer to it exactly.
ContentKind = Literal["html", "text", "article"]


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One input before extraction.

    ``location`` names the input for users: a path, a URL, ``path#record`` for a
    WARC record or ``path:line`` for a JSONL line. ``record_id`` is the JSONL ``id``.
    """

    content: bytes | str
    kind: ContentKind
    origin: str  # "file", "warc", "jsonl", "url"
    location: str
    url: str | None = None
    record_id: str | None = None
    fetched_at: str | None = None
    charset: str | None = None  # declared by HTTP headers, if any
    given: dict[str, Any] = field(default_factory=dict)  # JSONL title/url/published...


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be read or analysed, and why (one line for users)."""

    location: str
    reason: str
    stage: str = "ingest"

    def __str__(self) -> str:
        return f"{self.location}: {self.reason}"
