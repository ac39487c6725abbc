"""The HTML extraction gate: trafilatura-based extraction on extraction-dev holds its floors."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportedly.evaluation.extraction import evaluate_extraction, format_report
from reportedly.evaluation.gate import check_floors

FLOORS = Path(__file__).resolve().parents[1] / "eval" / "floors" / "extraction.json"


def test_extraction_dev_holds_its_floors(shared_dir: Path) -> None:
    folder = shared_dir / "data" / "extraction-dev"
    if not folder.is_dir():
        pytest.skip("extraction-dev not found")
    report = evaluate_extraction(folder)
    print(format_report(report))
    assert report["pages"] == 80
    assert check_floors(report, FLOORS) == []


def test_gate_reports_a_drop(tmp_path: Path) -> None:
    floors = tmp_path / "floors.json"
    floors.write_text('{"floors": {"f1": 0.9, "recall": 0.5}}', encoding="utf-8")
    assert check_floors({"f1": 0.95, "recall": 0.5}, floors) == []
    assert check_floors({"f1": 0.85, "recall": 0.5}, floors) == ["f1: 0.8500 < 0.9000"]
    assert check_floors({"f1": 0.95}, floors) == ["recall: missing from the report"]
