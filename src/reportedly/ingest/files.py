"""Expand input specs (paths, folders, globs, URLs) and read each into RawDocuments.

Every problem with one input becomes a ``Failure`` naming it, so a batch goes on.
"""

from __future__ import annotations

import glob
import gzip
import logging
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import IngestError
from ..settings import Settings
from .jsonl import iter_jsonl
from .raw import ContentKind, Failure, RawDocument
from .url import fetch_url, is_url
from .warc import iter_warc

logger = logging.getLogger(__name__)

FORMATS = ("auto", "html", "text", "warc", "jsonl")
_SUFFIX_FORMATS = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".txt": "text",
    ".text": "text",
    ".warc": "warc",
    ".arc": "warc",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
_HTML_SNIFF = (b"<!doctype html", b"<html", b"<head", b"<body", b"<meta", b"<div", b"<p>")


def guess_format(path: Path, head: bytes = b"") -> str:
    """The input format of ``path`` from its suffix (ignoring ``.gz``), else from its first bytes."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    if suffixes and suffixes[-1] in _SUFFIX_FORMATS:
        return _SUFFIX_FORMATS[suffixes[-1]]
    if head.startswith(b"WARC/"):
        return "warc"
    lowered = head[:2048].lstrip().lower()
    return "html" if any(lowered.startswith(m) or m in lowered for m in _HTML_SNIFF) else "text"


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """The bytes of ``path`` (gunzipped if it ends in .gz), refusing more than ``max_bytes``.

    Raises:
        IngestError: missing, unreadable, empty, too large or a broken gzip.
    """
    where = str(path)
    if not path.exists():
        raise IngestError("no such file", input=where)
    if not path.is_file():
        raise IngestError("not a regular file", input=where)
    try:
        if path.name.lower().endswith(".gz") and not path.name.lower().endswith(".warc.gz"):
            with gzip.open(path, "rb") as fh:
                data = fh.read(max_bytes + 1)
        else:
            if path.stat().st_size > max_bytes:
                raise IngestError(
                    f"file is larger than the limit of {max_bytes} bytes", input=where
                )
            data = path.read_bytes()
    except (OSError, EOFError, zlib.error) as e:
        raise IngestError(f"cannot read: {e}", input=where) from e
    if len(data) > max_bytes:
        raise IngestError(f"file is larger than the limit of {max_bytes} bytes", input=where)
    if not data.strip():
        raise IngestError("empty input", input=where)
    return data


def _expand(spec: str) -> list[Path] | None:
    """Files named by a spec: a folder (recursively), a glob, or one path (``None``: not found)."""
    path = Path(spec)
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
    if any(ch in spec for ch in "*?["):
        return [Path(p) for p in sorted(glob.glob(spec, recursive=True)) if Path(p).is_file()]
    return [path]


def iter_file(
    path: Path, settings: Settings, *, input_format: str = "auto", url: str | None = None
) -> Iterator[RawDocument | Failure]:
    """Read one file into RawDocuments (many for WARC and JSONL)."""
    try:
        fmt = input_format
        if fmt == "auto" and guess_format(path) in ("warc", "jsonl"):
            fmt = guess_format(path)
        if fmt == "warc":
            yield from iter_warc(path, settings)
            return
        if fmt == "jsonl":
            yield from iter_jsonl(path, settings)
            return
        data = read_bytes(path, settings.max_bytes)
        if fmt == "auto":
            fmt = guess_format(path, data[:4096])
        kind: ContentKind = "html" if fmt == "html" else "text"
        yield RawDocument(content=data, kind=kind, origin="file", location=str(path), url=url)
    except IngestError as e:
        yield Failure(e.input or str(path), e.message)


def iter_inputs(
    specs: Iterable[str],
    settings: Settings,
    *,
    input_format: str = "auto",
    url: str | None = None,
) -> Iterator[RawDocument | Failure]:
    """Yield a RawDocument or a Failure for every input named by ``specs``.

    Args:
        specs: file paths, folders, globs or http(s) URLs.
        settings: limits (``max_bytes``, ``fetch_timeout``, ``allow_private``).
        input_format: ``auto`` (by suffix, then content), ``html``, ``text``, ``warc`` or ``jsonl``.
        url: the page's URL, for a single saved HTML or text file.

    Example:
        >>> for item in iter_inputs(["examples/"], Settings()):
        ...     print(item.location)
    """
    if input_format not in FORMATS:
        raise IngestError(
            f"unknown input format {input_format!r}; choose from {', '.join(FORMATS)}"
        )
    for spec in specs:
        if is_url(spec):
            try:
                yield fetch_url(spec, settings)
            except IngestError as e:
                yield Failure(e.input or spec, e.message)
            continue
        paths = _expand(spec)
        if not paths:
            yield Failure(spec, "no files match")
            continue
        for path in paths:
            yield from iter_file(path, settings, input_format=input_format, url=url)
