"""Bytes to text: refuse binary input, honour BOMs and declared charsets, else detect."""

from __future__ import annotations

import codecs
import logging
import re

from ..errors import IngestError

logger = logging.getLogger(__name__)

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.I)
BINARY_CONTROL_RATIO = (
    0.05  # share of C0 control bytes (not tab/CR/LF/FF) above which input is binary
)
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def looks_binary(data: bytes) -> bool:
    """True for content that is not text: NUL bytes or many control bytes in the first 8 KiB."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(head.count(bytes([b])) for b in _CONTROL)
    return controls > BINARY_CONTROL_RATIO * max(len(head), 1)


def _try(data: bytes, encoding: str | None) -> str | None:
    if not encoding:
        return None
    try:
        return data.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        return None


def decode_bytes(data: bytes, *, declared: str | None = None, location: str | None = None) -> str:
    """Decode ``data``: BOM, then the declared charset, then an HTML meta charset, then UTF-8,
    then charset-normalizer's best guess.

    Raises:
        IngestError: binary content, or no encoding decodes it.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _try(data, encoding)
            if text is not None:
                return text
    if looks_binary(data):
        raise IngestError("binary content, not text or HTML", input=location)
    meta = _META_CHARSET.search(data[:4096])
    candidates: list[str | None]
    candidates = [declared, meta.group(1).decode("ascii", "ignore") if meta else None, "utf-8"]
    for candidate in candidates:
        decoded = _try(data, candidate)
        if decoded is not None:
            return decoded
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        raise IngestError("cannot determine the text encoding", input=location)
    text = _try(data, best.encoding)
    if text is None:
        raise IngestError(f"undecodable as {best.encoding}", input=location)
    logger.debug("%s: decoded as %s (detected)", location, best.encoding)
    return text
