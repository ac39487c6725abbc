"""The scraped-text gate: line and body scores on boilerplate-dev hold their floors (CV by page)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from reportedly.evaluation.gate import check_floors
from reportedly.evaluation.lines import evaluate_lines, format_report, page_folds, sha256_of
from reportedly.evaluation.metrics import macro_f1, shingle_scores, shingles, tp_fp_fn

FLOORS = Path(__file__).resolve().parents[1] / "eval" / "floors" / "lines.json"


def _shared() -> Path:
    """``$REPORTEDLY_SHARED``, else ``../shared`` beside the repository; skip when absent."""
    path = Path(os.environ.get("REPORTEDLY_SHARED") or Path(__file__).parents[2] / ".." / "shared")
    if not path.is_dir():
        pytest.skip(f"shared data folder {path} not found")
    return path


@pytest.fixture(scope="module")
def data_paths() -> dict[str, Path]:
    shared = _shared() / "data"
    pinned = json.loads(FLOORS.read_text(encoding="utf-8"))["data_sha256"]
    paths = {name: shared / name for name in pinned}
    missing = [name for name, path in paths.items() if not path.is_file()]
    if missing:
        pytest.skip(f"shared data missing: {missing}")
    return paths


def test_the_floors_are_measured_on_the_pinned_data(data_paths: dict[str, Path]) -> None:
    pinned = json.loads(FLOORS.read_text(encoding="utf-8"))["data_sha256"]
    changed = [name for name, path in data_paths.items() if sha256_of(path) != pinned[name]]
    assert changed == [], f"data changed since the floors were pinned, re-measure: {changed}"


def test_lines_dev_holds_its_floors(data_paths: dict[str, Path]) -> None:
    report = evaluate_lines(
        data_paths["boilerplate-dev/scrapinghub-lines-dev.jsonl"],
        data_paths["extraction-dev/ground-truth.json"],
    )
    print(format_report(report))
    assert report["pages"] == 80
    assert report["body_f1"] > report["baseline_body_f1"]
    assert check_floors(report, FLOORS) == []


def test_format_report_names_the_protocol() -> None:
    text = format_report({"line_f1": 0.8, "body_f1": 0.9, "pages": 80.0, "folds": 10.0})
    assert "10-fold CV by page" in text and "0.900" in text


def test_page_folds_partition_the_pages() -> None:
    folds = page_folds(23, 5, seed=3)
    assert sorted(i for fold in folds for i in fold) == list(range(23))
    assert page_folds(23, 5, seed=3) == folds


# --- the shared metric (the benchmark's: 4-gram shingles, per-page normalised, macro) -----


def test_shingles_of_short_and_long_texts() -> None:
    assert shingles("") == {}
    assert shingles("one two") == {("one", "two"): 1}
    assert sum(shingles("a b c d e f").values()) == 3
    assert shingles("A. b, c; d!") == {("A", "b", "c", "d"): 1}


@pytest.mark.parametrize(
    ("pred", "gold", "scores"),
    [
        ("a b c d e", "a b c d e", (1.0, 1.0, 1.0)),
        ("", "", (1.0, 1.0, 1.0)),
        ("", "a b c d", (0.0, 0.0, 0.0)),
        ("a b c d", "", (0.0, 0.0, 0.0)),
        ("x y z w", "a b c d", (0.0, 0.0, 0.0)),
    ],
)
def test_shingle_scores_edges(pred: str, gold: str, scores: tuple[float, float, float]) -> None:
    assert shingle_scores(pred, gold) == pytest.approx(scores)


def test_shingle_scores_partial_overlap() -> None:
    # pred shingles: abcd bcde; gold: abcd bcde cdef -> tp 2, fp 0, fn 1
    assert tp_fp_fn("a b c d e", "a b c d e f") == pytest.approx((2 / 3, 0.0, 1 / 3))
    p, r, f = shingle_scores("a b c d e", "a b c d e f")
    assert (p, r, f) == pytest.approx((1.0, 2 / 3, 0.8))


def test_macro_f1_averages_pages_then_takes_f1() -> None:
    pages = [("a b c d e", "a b c d e f"), ("a b c d", "a b c d"), ("", "p q r s")]
    # precision over pages with tp+fp > 0: (1 + 1) / 2; recall over pages with tp+fn > 0:
    # (2/3 + 1 + 0) / 3
    result = macro_f1(pages)
    p, r = 1.0, (2 / 3 + 1.0) / 3
    assert result["precision"] == pytest.approx(p)
    assert result["recall"] == pytest.approx(r)
    assert result["f1"] == pytest.approx(2 * p * r / (p + r))
    assert result["pages"] == 3


def test_macro_f1_of_nothing() -> None:
    assert macro_f1([])["f1"] == 0.0
