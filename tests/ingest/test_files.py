"""Ingest of files, folders and globs: one RawDocument or one Failure per input, never a crash."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pytest

from reportedly.errors import IngestError
from reportedly.ingest import Failure, RawDocument, iter_inputs
from reportedly.ingest.files import guess_format, read_bytes
from reportedly.settings import Settings


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [
        ("page.html", b"", "html"),
        ("page.HTM", b"", "html"),
        ("page.xhtml", b"", "html"),
        ("page.txt", b"<html>", "text"),
        ("crawl.warc.gz", b"", "warc"),
        ("crawl.arc", b"", "warc"),
        ("batch.jsonl", b"", "jsonl"),
        ("batch.ndjson.gz", b"", "jsonl"),
        ("page.html.gz", b"", "html"),
        ("noext", b"WARC/1.0\r\n", "warc"),
        ("noext", b"  <!DOCTYPE html><html>", "html"),
        ("noext", b"\n<HTML><body>", "html"),
        ("noext", b"some text <p>with a paragraph", "html"),
        ("noext", b"Just a scraped page\nwith lines", "text"),
    ],
)
def test_guess_format(name: str, head: bytes, expected: str) -> None:
    assert guess_format(Path(name), head) == expected


def test_read_bytes_returns_content(data_dir: Path) -> None:
    data = read_bytes(data_dir / "article.html", 1_000_000)
    assert data.startswith(b"<!DOCTYPE html>")


def test_read_bytes_gunzips(tmp_path: Path) -> None:
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(b"<p>Hello</p>"))
    assert read_bytes(path, 100) == b"<p>Hello</p>"


@pytest.mark.parametrize(
    ("content", "max_bytes", "reason"),
    [
        (b"", 100, "empty input"),
        (b"  \n\t \n", 100, "empty input"),
        (b"x" * 101, 100, "file is larger than the limit of 100 bytes"),
    ],
)
def test_read_bytes_refuses(tmp_path: Path, content: bytes, max_bytes: int, reason: str) -> None:
    path = tmp_path / "in.html"
    path.write_bytes(content)
    with pytest.raises(IngestError) as info:
        read_bytes(path, max_bytes)
    assert info.value.message == reason
    assert info.value.input == str(path)
    assert str(info.value) == f"{path}: {reason}"


def test_read_bytes_refuses_gzip_bomb_over_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt.gz"
    path.write_bytes(gzip.compress(b"a" * 10_000))
    with pytest.raises(IngestError, match="larger than the limit of 1000 bytes"):
        read_bytes(path, 1000)


def test_read_bytes_broken_gzip(tmp_path: Path) -> None:
    path = tmp_path / "broken.html.gz"
    path.write_bytes(gzip.compress(b"<p>hello world</p>" * 50)[:30])
    with pytest.raises(IngestError, match="broken.html.gz: cannot read: "):
        read_bytes(path, 10_000)


def test_read_bytes_missing_and_directory(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="no such file"):
        read_bytes(tmp_path / "missing.html", 100)
    with pytest.raises(IngestError, match="not a regular file"):
        read_bytes(tmp_path, 100)


def _items(specs: list[str], **settings: object) -> list[RawDocument | Failure]:
    return list(iter_inputs(specs, Settings().replace(**settings)))


def test_batch_goes_on_past_every_bad_input(tmp_path: Path, data_dir: Path) -> None:
    big = tmp_path / "big.html"
    big.write_bytes(b"<p>" + b"word " * 500 + b"</p>")
    specs = [
        str(data_dir / "empty.html"),
        str(tmp_path / "missing.html"),
        str(data_dir / "article.html"),
        str(big),
        str(tmp_path / "nothing-*.html"),
        str(data_dir / "image.png"),  # binary: read here, refused when decoded
    ]
    items = _items(specs, max_bytes=2000)
    assert [type(i).__name__ for i in items] == [
        "Failure",
        "Failure",
        "RawDocument",
        "Failure",
        "Failure",
        "RawDocument",
    ]
    failures = [i for i in items if isinstance(i, Failure)]
    assert [str(f) for f in failures] == [
        f"{data_dir / 'empty.html'}: empty input",
        f"{tmp_path / 'missing.html'}: no such file",
        f"{big}: file is larger than the limit of 2000 bytes",
        f"{tmp_path / 'nothing-*.html'}: no files match",
    ]
    assert all("\n" not in str(f) for f in failures)
    assert all(f.stage == "ingest" for f in failures)


def test_file_document_fields(data_dir: Path) -> None:
    (doc,) = list(
        iter_inputs([str(data_dir / "article.html")], Settings(), url="https://example.org/a")
    )
    assert isinstance(doc, RawDocument)
    assert doc.kind == "html"
    assert doc.origin == "file"
    assert doc.location == str(data_dir / "article.html")
    assert doc.url == "https://example.org/a"
    assert isinstance(doc.content, bytes)


def test_folder_is_read_recursively_sorted_without_hidden_files(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Second page text.", encoding="utf-8")
    (tmp_path / "a.html").write_text("<p>First page</p>", encoding="utf-8")
    (tmp_path / ".hidden.html").write_text("<p>hidden</p>", encoding="utf-8")
    items = _items([str(tmp_path)])
    assert [(i.location, i.kind) for i in items if isinstance(i, RawDocument)] == [
        (str(tmp_path / "a.html"), "html"),
        (str(tmp_path / "b" / "two.txt"), "text"),
    ]
    assert len(items) == 2


def test_empty_folder_is_a_failure(tmp_path: Path) -> None:
    assert [str(i) for i in _items([str(tmp_path)])] == [f"{tmp_path}: no files match"]


def test_glob(tmp_path: Path, data_dir: Path) -> None:
    for name in ("article.html", "article2.html"):
        shutil.copy(data_dir / name, tmp_path / name)
    (tmp_path / "notes.txt").write_text("not matched", encoding="utf-8")
    items = _items([str(tmp_path / "*.html")])
    assert [Path(i.location).name for i in items] == ["article.html", "article2.html"]


def test_forced_input_format_overrides_suffix(data_dir: Path) -> None:
    (doc,) = list(iter_inputs([str(data_dir / "article.html")], Settings(), input_format="text"))
    assert isinstance(doc, RawDocument)
    assert doc.kind == "text"


def test_content_sniffing_without_suffix(tmp_path: Path) -> None:
    page = tmp_path / "page"
    page.write_bytes(b"<!doctype html><html><body><p>Hi</p></body></html>")
    (doc,) = _items([str(page)])
    assert isinstance(doc, RawDocument)
    assert doc.kind == "html"


def test_unknown_input_format_raises() -> None:
    with pytest.raises(IngestError, match="unknown input format 'pdf'"):
        list(iter_inputs(["x"], Settings(), input_format="pdf"))
