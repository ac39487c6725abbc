"""WARC input, on small archives written in the test with warcio."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from reportedly.ingest import Failure, RawDocument, iter_inputs
from reportedly.ingest.warc import charset_of, iter_warc
from reportedly.settings import Settings

PAGE = b"<html><body><article><p>The bridge will close in April.</p></article></body></html>"


def write_warc(path: Path, records: list[tuple[str, str, bytes]], *, gzip: bool = False) -> Path:
    """Write ``(url, content_type, body)`` response records, plus one request record."""
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gzip)
        request = writer.create_warc_record(
            "https://example.org/", "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")
        )
        writer.write_record(request)
        for url, content_type, body in records:
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=headers
            )
            writer.write_record(record)
    return path


@pytest.mark.parametrize("gzip", [False, True])
def test_html_and_text_records_become_documents(tmp_path: Path, gzip: bool) -> None:
    path = write_warc(
        tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc"),
        [
            ("https://example.org/a", "text/html; charset=windows-1252", PAGE),
            ("https://example.org/logo.png", "image/png", b"\x89PNG\r\n\x1a\n\x00\x00"),
            ("https://example.org/b.txt", "text/plain", b"Plain scraped text."),
        ],
        gzip=gzip,
    )
    items = list(iter_inputs([str(path)], Settings()))
    assert all(isinstance(i, RawDocument) for i in items)
    first, second = items
    assert isinstance(first, RawDocument) and isinstance(second, RawDocument)
    assert first.content == PAGE
    assert (first.kind, first.origin, first.url, first.charset) == (
        "html",
        "warc",
        "https://example.org/a",
        "windows-1252",
    )
    assert first.location == f"{path}#1 (https://example.org/a)"
    assert first.fetched_at is not None
    assert (second.kind, second.url, second.charset) == ("text", "https://example.org/b.txt", None)
    assert second.location == f"{path}#3 (https://example.org/b.txt)"


def test_oversized_and_empty_records_fail_alone(tmp_path: Path) -> None:
    path = write_warc(
        tmp_path / "crawl.warc",
        [
            ("https://example.org/big", "text/html", b"<p>" + b"x" * 500 + b"</p>"),
            ("https://example.org/empty", "text/html", b"   "),
            ("https://example.org/ok", "text/html", PAGE),
        ],
    )
    items = list(iter_warc(path, Settings(max_bytes=200)))
    assert [str(i) if isinstance(i, Failure) else i.url for i in items] == [
        f"{path}#1 (https://example.org/big): record is larger than the limit of 200 bytes",
        f"{path}#2 (https://example.org/empty): empty response body",
        "https://example.org/ok",
    ]


def test_warc_without_pages_is_a_failure(tmp_path: Path) -> None:
    path = write_warc(
        tmp_path / "images.warc", [("https://example.org/i.png", "image/png", b"\x89PNG")]
    )
    assert [str(i) for i in iter_inputs([str(path)], Settings())] == [
        f"{path}: no HTML or text response records in WARC"
    ]


def test_not_a_warc_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "fake.warc"
    path.write_bytes(b"this is not an archive at all\n" * 5)
    (failure,) = list(iter_inputs([str(path)], Settings()))
    assert isinstance(failure, Failure)
    assert failure.location == str(path)
    assert failure.reason == "no HTML or text response records in WARC"


def _cut_warc(tmp_path: Path) -> Path:
    whole = write_warc(
        tmp_path / "whole.warc.gz",
        [
            ("https://example.org/a", "text/html", PAGE),
            ("https://example.org/b", "text/html", PAGE * 40),
        ],
        gzip=True,
    )
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(whole.read_bytes()[:-60])
    return cut


def test_truncated_warc_keeps_the_records_before_the_cut(tmp_path: Path) -> None:
    items = list(iter_inputs([str(_cut_warc(tmp_path))], Settings()))
    assert isinstance(items[0], RawDocument)
    assert items[0].url == "https://example.org/a"
    assert items[0].content == PAGE
    assert len(items) == 2


def test_truncated_record_is_a_failure(tmp_path: Path) -> None:
    cut = _cut_warc(tmp_path)
    last = list(iter_inputs([str(cut)], Settings()))[-1]
    assert isinstance(last, Failure)
    assert last.location.startswith(f"{cut}#")


def test_missing_warc(tmp_path: Path) -> None:
    path = tmp_path / "missing.warc.gz"
    assert [str(i) for i in iter_inputs([str(path)], Settings())] == [f"{path}: no such file"]


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("text/html; charset=UTF-8", "UTF-8"),
        ('text/html; charset="iso-8859-1"', "iso-8859-1"),
        ("text/html;charset = koi8-r", "koi8-r"),
        ("text/html", None),
        (None, None),
    ],
)
def test_charset_of(header: str | None, expected: str | None) -> None:
    assert charset_of(header) == expected
