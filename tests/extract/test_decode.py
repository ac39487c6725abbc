"""Bytes to text: BOMs, declared and meta charsets, detection, and refusing binary input."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from reportedly.errors import IngestError
from reportedly.extract.decode import decode_bytes, looks_binary

FRENCH = "Le café est fermé à cause de la grève générale, a déclaré le maire de la ville. " * 4


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (codecs.BOM_UTF8 + "Zürich".encode(), "Zürich"),
        ("Zürich news".encode("utf-16"), "Zürich news"),
        ("Zürich news".encode("utf-32"), "Zürich news"),
        (codecs.BOM_UTF16_BE + "Kyiv".encode("utf-16-be"), "Kyiv"),
    ],
)
def test_boms_win(data: bytes, expected: str) -> None:
    assert decode_bytes(data, declared="latin-1") == expected


def test_declared_charset_is_used() -> None:
    data = "Путин заявил".encode("koi8-r")
    assert decode_bytes(data, declared="koi8-r") == "Путин заявил"


def test_meta_charset_is_used_when_nothing_is_declared(data_dir: Path) -> None:
    text = decode_bytes((data_dir / "russian.html").read_bytes())
    assert "Мост в порту закроют на ремонт" in text


def test_wrong_declared_charset_falls_back() -> None:
    assert decode_bytes(FRENCH.encode("utf-8"), declared="ascii") == FRENCH


def test_unknown_declared_charset_is_ignored() -> None:
    assert decode_bytes(b"Hello world", declared="x-no-such-charset") == "Hello world"


def test_utf8_is_the_default() -> None:
    assert decode_bytes("naïve café — “quoted”".encode()) == "naïve café — “quoted”"


def test_legacy_bytes_are_detected() -> None:
    assert decode_bytes(FRENCH.encode("cp1252"), declared="utf-8") == FRENCH


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"%PDF-1.7\n\x00\x01\x02binary",
        b"\x01\x02\x03\x04\x05\x06\x07\x08abc",
        "UTF-16 without a BOM".encode("utf-16-le"),
    ],
)
def test_binary_is_refused(data: bytes) -> None:
    assert looks_binary(data)
    with pytest.raises(IngestError) as info:
        decode_bytes(data, location="in.bin")
    assert str(info.value) == "in.bin: binary content, not text or HTML"


def test_text_with_a_few_controls_is_not_binary() -> None:
    assert not looks_binary(b"Line one\tcol\r\nLine two\x0c" + b"more text " * 20 + b"\x07")


def test_undecodable_bytes_name_the_input() -> None:
    with pytest.raises(IngestError) as info:
        decode_bytes(bytes(range(128, 256)) * 4, location="garbage.html")
    assert info.value.input == "garbage.html"
    assert info.value.message == "cannot determine the text encoding"
