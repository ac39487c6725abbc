"""The attribution scorer (model-free) and the dev-set gate against pinned floors (model)."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

import pytest

from reportedly.evaluation.attribution import evaluate, format_report, score

FLOORS = Path(__file__).resolve().parents[1] / "eval" / "floors" / "attribution.json"

TEXT = "Police said the road was closed. “We will win,” she said."
GOLD = [
    {
        "id": "d1",
        "text": TEXT,
        "attributions": [
            {"cue": [7, 11], "source": [0, 6], "content": [12, 31], "kind": "indirect"},
            {"cue": [52, 56], "source": [48, 51], "content": [33, 47], "kind": "direct"},
        ],
    }
]


def pred(cue: list[int], source: list[int] | None, content: list[int], kind: str) -> dict[str, Any]:
    return {
        "cue": cue,
        "source": source,
        "content": content,
        "kind": kind,
        "content_frags": [content],
    }


def shared_dir() -> Path:
    env = os.environ.get("REPORTEDLY_SHARED")
    return Path(env) if env else Path(__file__).resolve().parents[2].parent / "shared"


def test_perfect_predictions_score_one() -> None:
    preds = {
        "d1": [
            pred(a["cue"], a["source"], a["content"], a["kind"]) for a in GOLD[0]["attributions"]
        ]
    }
    report = score(GOLD, preds)
    for key in (
        "content_j50_f1",
        "content_exact_f1",
        "triple_f1",
        "direct_triple_f1",
        "source_acc",
    ):
        assert report[key] == pytest.approx(1.0), key


def test_partial_predictions() -> None:
    # content "the road was" (J 3/4), wrong source, no second prediction
    preds = {"d1": [pred([7, 11], [33, 47], [12, 24], "indirect")]}
    report = score(GOLD, preds)
    assert report["content_j50_p"] == 1.0 and report["content_j50_r"] == 0.5
    assert report["content_exact_f1"] == 0.0
    assert report["source_acc"] == 0.0 and report["cue_acc"] == 1.0
    assert report["triple_f1"] == 0.0
    assert report["direct_content_j50_r"] == 0.0 and report["indirect_content_j50_r"] == 1.0


def test_null_source_matches_only_null_and_determiners_are_dropped() -> None:
    gold = [dict(GOLD[0], attributions=[dict(GOLD[0]["attributions"][0], source=None)])]
    assert score(gold, {"d1": [pred([7, 11], None, [12, 31], "indirect")]})["source_acc"] == 1.0
    assert score(gold, {"d1": [pred([7, 11], [0, 6], [12, 31], "indirect")]})["source_acc"] == 0.0


def test_according_to_kind_comes_from_quote_marks() -> None:
    report = score(GOLD, {"d1": [pred([52, 56], [48, 51], [33, 47], "according_to")]})
    assert report["direct_content_j50_p"] == 1.0
    assert "content_j50" in format_report(report)


@pytest.mark.parametrize(
    ("pred_cue", "right"),
    [([5, 6], True), ([6, 7], False), ([0, 5], False)],
)
def test_wordless_cues_match_by_characters(pred_cue: list[int], right: bool) -> None:
    text = "PENCE: We will win."
    gold = [
        {
            "id": "d2",
            "text": text,
            "attributions": [{"cue": [5, 6], "source": [0, 5], "content": [7, 19]}],
        }
    ]
    report = score(gold, {"d2": [pred(pred_cue, [0, 5], [7, 19], "indirect")]})
    assert report["cue_acc"] == (1.0 if right else 0.0)


@pytest.mark.model
@pytest.mark.slow
def test_dev_floors() -> None:
    data = shared_dir() / "data" / "attribution-dev" / "polnear-dev.jsonl"
    if not data.exists():
        pytest.skip("shared attribution-dev data not available")
    pinned = json.loads(FLOORS.read_text(encoding="utf-8"))
    assert hashlib.sha256(data.read_bytes()).hexdigest() == pinned["data_sha256"]
    report = evaluate(data)
    failures = {k: (report[k], v) for k, v in pinned["floors"].items() if report[k] < v}
    assert not failures, format_report(report)
