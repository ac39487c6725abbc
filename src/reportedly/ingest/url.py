"""Fetch one http(s) URL for the user, with limits.

Refused by default: other schemes, private, loopback, link-local, reserved and
multicast addresses (``allow_private`` lifts that), bodies over ``max_bytes``,
content types other than HTML or text. Redirects are followed by hand, at most
``MAX_REDIRECTS``, and every hop's address is checked again.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import logging
import re
import socket
from urllib.parse import urljoin, urlsplit

from ..errors import FetchError
from ..settings import Settings
from .raw import RawDocument
from .warc import charset_of

logger = logging.getLogger(__name__)

MAX_REDIRECTS = 5  # browsers allow ~20; news pages rarely need more than 2
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_ACCEPTED_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


def is_url(spec: str) -> bool:
    """True when ``spec`` looks like a URL rather than a path (any ``scheme://``)."""
    return _SCHEME.match(spec) is not None


def check_address(url: str, *, allow_private: bool) -> None:
    """Refuse non-http(s) URLs and hosts that resolve to non-public addresses.

    Raises:
        FetchError: the URL may not be fetched.
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(f"only http(s) URLs are fetched, not {parts.scheme!r}", input=url)
    if not parts.hostname:
        raise FetchError("URL has no host", input=url)
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or None, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as e:
        raise FetchError(f"cannot resolve host {parts.hostname!r}: {e}", input=url) from e
    if allow_private:
        return
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        if not address.is_global or address.is_multicast:
            raise FetchError(
                f"refusing to fetch non-public address {address} (use --allow-private to permit)",
                input=url,
            )


def fetch_url(url: str, settings: Settings) -> RawDocument:
    """Fetch ``url`` into a RawDocument.

    Raises:
        FetchError: refused address, network error, timeout, HTTP error status,
            unsupported content type, or a body over the size limit.
    """
    import httpx

    current = url
    headers = {"User-Agent": settings.user_agent, "Accept": "text/html,text/plain;q=0.8"}
    with httpx.Client(
        timeout=settings.fetch_timeout, follow_redirects=False, headers=headers
    ) as client:
        for _ in range(MAX_REDIRECTS + 1):
            check_address(current, allow_private=settings.allow_private)
            try:
                with client.stream("GET", current) as response:
                    if response.is_redirect and "location" in response.headers:
                        current = urljoin(current, response.headers["location"])
                        continue
                    return _read_response(url, current, response, settings)
            except httpx.HTTPError as e:
                raise FetchError(f"fetch failed: {type(e).__name__}: {e}", input=url) from e
    raise FetchError(f"more than {MAX_REDIRECTS} redirects", input=url)


def _read_response(url: str, final: str, response: object, settings: Settings) -> RawDocument:
    import httpx

    assert isinstance(response, httpx.Response)
    if response.status_code >= 400:
        raise FetchError(f"HTTP status {response.status_code}", input=url)
    content_type = response.headers.get("content-type", "")
    if not any(t in content_type.lower() for t in _ACCEPTED_TYPES):
        raise FetchError(f"unsupported content type {content_type or 'none'!r}", input=url)
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > settings.max_bytes:
        raise FetchError(f"body is larger than the limit of {settings.max_bytes} bytes", input=url)
    body = bytearray()
    for chunk in response.iter_bytes():
        body.extend(chunk)
        if len(body) > settings.max_bytes:
            raise FetchError(
                f"body is larger than the limit of {settings.max_bytes} bytes", input=url
            )
    if not body.strip():
        raise FetchError("empty response body", input=url)
    return RawDocument(
        content=bytes(body),
        kind="text" if "text/plain" in content_type.lower() else "html",
        origin="url",
        location=url,
        url=final,
        fetched_at=dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        charset=charset_of(content_type),
    )
