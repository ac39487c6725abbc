"""The event scorer (model-free) and the events-dev gate against pinned floors (model)."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

import pytest

from reportedly.evaluation.events import evaluate, format_report, overlaps, score_records

FLOORS = Path(__file__).resolve().parents[1] / "eval" / "floors" / "events.json"


def shared() -> Path:
    default = Path(__file__).resolve().parents[2].parent / "shared"
    return Path(os.environ.get("REPORTEDLY_SHARED") or default)


def gold(type_: str, actors: list[str], recipients: list[str], codes: list[str]) -> dict[str, Any]:
    event = {"type": type_, "actors": actors, "recipients": recipients, "actor_codes": codes}
    return {"text": "", "events": [event]}


def test_overlaps_ignores_stopwords() -> None:
    assert overlaps(["Senior Hungarian officials"], ["Hungarian"])
    assert not overlaps(["the United Nations"], ["the Security Council"])
    assert not overlaps([], ["Russia"])


def test_score_records() -> None:
    records = [
        gold("AGREE", ["Jordan"], [], ["JOR"]),
        gold("ASSAULT", ["Israeli army"], ["Gaza"], ["ISR/MIL"]),
        gold("PROTEST", ["students"], [], ["IGO"]),
    ]
    predictions = [
        {"type": "AGREE", "actors": ["Jordan"], "recipients": [], "countries": ["JOR"]},
        {"type": "COERCE", "actors": ["army"], "recipients": ["Rafah"], "countries": []},
        {"type": None, "actors": [], "recipients": [], "countries": []},
    ]
    report = score_records(records, predictions)
    assert report["type_accuracy"] == pytest.approx(1 / 3)
    assert report["actor_accuracy"] == pytest.approx(2 / 3)
    assert report["recipient_accuracy"] == 0.0
    assert report["actor_country_accuracy"] == pytest.approx(1 / 2)  # IGO is no country
    assert report["coverage"] == pytest.approx(2 / 3)
    assert "type_accuracy" in format_report(report)


@pytest.mark.model
def test_events_dev_floors() -> None:
    path = shared() / "data" / "events-dev" / "plover_gsr_dev.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} not found")
    pinned = json.loads(FLOORS.read_text(encoding="utf-8"))
    assert hashlib.sha256(path.read_bytes()).hexdigest() == pinned["data_sha256"]
    report = evaluate(path)
    print(format_report(report))
    for metric, floor in pinned["floors"].items():
        assert report[metric] >= floor, (metric, report[metric], floor)
