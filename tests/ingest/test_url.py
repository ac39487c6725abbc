"""URL fetching against a real server on 127.0.0.1 (the ``http_server`` fixture); no internet."""

from __future__ import annotations

import pytest

from reportedly.errors import FetchError
from reportedly.ingest import Failure, RawDocument, iter_inputs
from reportedly.ingest.url import MAX_REDIRECTS, check_address, fetch_url, is_url
from reportedly.settings import Settings

ALLOW = Settings(allow_private=True, fetch_timeout=5.0)


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("https://example.org/a", True),
        ("http://127.0.0.1:8000/", True),
        ("ftp://example.org/file", True),
        ("file:///etc/passwd", True),
        ("examples/page.html", False),
        ("C:\\news\\page.html", False),
        ("page.html", False),
    ],
)
def test_is_url(spec: str, expected: bool) -> None:
    assert is_url(spec) is expected


def test_loopback_is_refused_by_default(http_server: str) -> None:
    url = f"{http_server}/article"
    with pytest.raises(FetchError) as info:
        fetch_url(url, Settings())
    assert info.value.input == url
    assert info.value.message == (
        "refusing to fetch non-public address 127.0.0.1 (use --allow-private to permit)"
    )


@pytest.mark.parametrize(
    "url",
    [
        "http://localhost/",
        "http://10.0.0.1/",
        "http://192.168.1.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://0.0.0.0/",
    ],
)
def test_non_public_addresses_are_refused(url: str) -> None:
    with pytest.raises(FetchError, match="refusing to fetch non-public address"):
        check_address(url, allow_private=False)


@pytest.mark.parametrize(
    ("url", "scheme"),
    [("ftp://127.0.0.1/x", "ftp"), ("file:///etc/passwd", "file"), ("gopher://h/", "gopher")],
)
def test_other_schemes_are_refused_even_when_private_is_allowed(url: str, scheme: str) -> None:
    with pytest.raises(FetchError) as info:
        fetch_url(url, ALLOW)
    assert info.value.message == f"only http(s) URLs are fetched, not {scheme!r}"


def test_url_without_host() -> None:
    with pytest.raises(FetchError, match="URL has no host"):
        check_address("http:///path", allow_private=True)


def test_fetch_html_with_allow_private(http_server: str) -> None:
    doc = fetch_url(f"{http_server}/article", ALLOW)
    assert doc.content.startswith(b"<!DOCTYPE html>")
    assert (doc.kind, doc.origin, doc.charset) == ("html", "url", "utf-8")
    assert doc.location == f"{http_server}/article"
    assert doc.url == f"{http_server}/article"
    assert doc.fetched_at is not None and doc.fetched_at.endswith("+00:00")


def test_fetch_plain_text_is_scraped_text(http_server: str) -> None:
    doc = fetch_url(f"{http_server}/plain", ALLOW)
    assert doc.kind == "text"
    assert doc.content == b"Officials said the road was closed.\n"


def test_redirect_chain_is_followed_and_final_url_kept(http_server: str) -> None:
    url = f"{http_server}/hop/{MAX_REDIRECTS - 1}"
    doc = fetch_url(url, ALLOW)
    assert doc.location == url
    assert doc.url == f"{http_server}/article"


def test_too_many_redirects(http_server: str) -> None:
    with pytest.raises(FetchError) as info:
        fetch_url(f"{http_server}/hop/{MAX_REDIRECTS}", ALLOW)
    assert info.value.message == f"more than {MAX_REDIRECTS} redirects"


def test_redirect_to_another_scheme_is_refused(http_server: str) -> None:
    with pytest.raises(FetchError, match="only http\\(s\\) URLs are fetched, not 'ftp'"):
        fetch_url(f"{http_server}/to-ftp", ALLOW)


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/missing", "HTTP status 404"),
        ("/error", "HTTP status 500"),
        ("/image", "unsupported content type 'image/png'"),
        ("/notype", "unsupported content type 'none'"),
        ("/empty", "empty response body"),
        ("/big", "body is larger than the limit of 1000 bytes"),
        ("/big-unsized", "body is larger than the limit of 1000 bytes"),
    ],
)
def test_refused_responses(http_server: str, path: str, message: str) -> None:
    with pytest.raises(FetchError) as info:
        fetch_url(f"{http_server}{path}", ALLOW.replace(max_bytes=1000))
    assert info.value.message == message
    assert info.value.input == f"{http_server}{path}"


def test_connection_refused_is_a_fetch_error() -> None:
    import socket

    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(FetchError, match="fetch failed: ConnectError"):
        fetch_url(f"http://127.0.0.1:{port}/", ALLOW)


def test_url_failures_do_not_stop_a_batch(http_server: str) -> None:
    specs = [f"{http_server}/missing", f"{http_server}/article", "ftp://127.0.0.1/x"]
    refused = list(iter_inputs(specs, Settings()))
    assert all(isinstance(i, Failure) for i in refused)
    assert [i.location for i in refused] == specs
    allowed = list(iter_inputs(specs, ALLOW))
    assert [type(i).__name__ for i in allowed] == ["Failure", "RawDocument", "Failure"]
    assert str(allowed[0]) == f"{http_server}/missing: HTTP status 404"
    assert isinstance(allowed[1], RawDocument)
