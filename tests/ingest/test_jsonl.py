"""JSONL input: one RawDocument per good line, a Failure naming ``path:line`` for each bad one."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from reportedly.errors import IngestError
from reportedly.ingest import Failure, RawDocument, iter_inputs
from reportedly.ingest.jsonl import iter_jsonl, parse_line
from reportedly.settings import Settings


def test_good_lines_and_failures_in_order(data_dir: Path) -> None:
    path = data_dir / "batch.jsonl"
    items = list(iter_jsonl(path, Settings()))
    assert [(type(i).__name__, i.location) for i in items] == [
        ("RawDocument", f"{path}:1"),
        ("Failure", f"{path}:2"),
        ("Failure", f"{path}:4"),
        ("RawDocument", f"{path}:6"),
        ("Failure", f"{path}:7"),
    ]
    failures = [i for i in items if isinstance(i, Failure)]
    assert failures[0].reason.startswith("malformed JSON: ")
    assert failures[1].reason == 'missing or empty "text"'
    assert failures[2].reason == "a JSONL line must be an object"


def test_fields_of_a_good_line(data_dir: Path) -> None:
    first, second = [
        i for i in iter_jsonl(data_dir / "batch.jsonl", Settings()) if isinstance(i, RawDocument)
    ]
    assert first.content == "Police said the road would stay closed until Friday."
    assert first.kind == "article"
    assert first.origin == "jsonl"
    assert first.record_id == "r1"
    assert first.url == "https://example.org/news/road"
    assert first.given == {
        "title": "Road closed",
        "url": "https://example.org/news/road",
        "published": "2024-05-03",
    }
    # a numeric id is kept as a string
    assert second.record_id == "4"
    assert second.given == {"outlet": "Town Crier"}


def test_auto_format_by_suffix(data_dir: Path) -> None:
    items = list(iter_inputs([str(data_dir / "batch.jsonl")], Settings()))
    assert sum(isinstance(i, RawDocument) for i in items) == 2
    assert sum(isinstance(i, Failure) for i in items) == 3


def test_forced_jsonl_format_on_other_suffix(tmp_path: Path) -> None:
    path = tmp_path / "batch.txt"
    path.write_text(json.dumps({"id": "x", "text": "Hello there."}) + "\n", encoding="utf-8")
    (doc,) = list(iter_inputs([str(path)], Settings(), input_format="jsonl"))
    assert isinstance(doc, RawDocument)
    assert doc.record_id == "x"


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('{"id": 1, "text": ""}', 'missing or empty "text"'),
        ('{"id": 1, "text": "   "}', 'missing or empty "text"'),
        ('{"id": 1, "text": 42}', 'missing or empty "text"'),
        ('"just a string"', "a JSONL line must be an object"),
        (
            "{'single': 'quotes'}",
            "malformed JSON: Expecting property name enclosed in double quotes at column 2",
        ),
        ('{"id": 1 "text": "x"}', "malformed JSON: Expecting ',' delimiter at column 10"),
    ],
)
def test_parse_line_refuses(line: str, reason: str) -> None:
    with pytest.raises(IngestError) as info:
        parse_line(line, "in.jsonl:3")
    assert info.value.message == reason
    assert info.value.input == "in.jsonl:3"


def test_non_string_given_fields_are_ignored() -> None:
    doc = parse_line('{"text": "Some text.", "title": 5, "url": null, "lang": "en"}', "x:1")
    assert doc.given == {"lang": "en"}
    assert doc.record_id is None


def test_line_over_max_bytes_fails_alone(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    lines = [
        json.dumps({"id": "small", "text": "Short text."}),
        json.dumps({"id": "big", "text": "word " * 100}),
        json.dumps({"id": "after", "text": "Also short."}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(iter_jsonl(path, Settings(max_bytes=200)))
    assert [str(i) if isinstance(i, Failure) else i.record_id for i in items] == [
        "small",
        f"{path}:2: line is larger than the limit of 200 bytes",
        "after",
    ]


def test_undecodable_jsonl_is_one_failure_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "latin1.jsonl"
    path.write_bytes(b'{"id": "a", "text": "caf\xe9 au lait"}\n')
    (failure,) = list(iter_inputs([str(path)], Settings()))
    assert isinstance(failure, Failure)
    assert failure.location == str(path)
    assert failure.reason.startswith("not UTF-8 JSONL: invalid continuation byte")


def test_missing_jsonl_file(tmp_path: Path) -> None:
    path = tmp_path / "missing.jsonl"
    assert [str(i) for i in iter_inputs([str(path)], Settings())] == [f"{path}: no such file"]


def test_gzipped_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl.gz"
    path.write_bytes(
        gzip.compress(json.dumps({"id": "g", "text": "Gzipped text."}).encode() + b"\n")
    )
    (doc,) = list(iter_inputs([str(path)], Settings()))
    assert isinstance(doc, RawDocument)
    assert doc.content == "Gzipped text."
