"""The bundled example's whole record, pinned: any change to it must be looked at and re-pinned
with ``pytest --update-golden`` (and the diff read in review)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from reportedly import Analysis, Settings, analysis_to_record, analyze

GOLDEN = Path(__file__).resolve().parent / "golden"
EXAMPLE = "examples/charter97-xi-putin.txt"


@pytest.fixture(scope="module")
def example_record() -> dict[str, Any]:
    root = Path(__file__).resolve().parents[1]
    results = list(analyze([str(root / EXAMPLE)], settings=Settings()))
    assert len(results) == 1 and isinstance(results[0], Analysis)
    record = analysis_to_record(results[0], location=EXAMPLE)
    record["article"]["source"]["location"] = EXAMPLE  # machine-independent
    return record


@pytest.mark.model
def test_example_record_is_golden(example_record: dict[str, Any], update_golden: bool) -> None:
    path = GOLDEN / "charter97-xi-putin.json"
    text = json.dumps(example_record, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    if update_golden or not path.exists():
        path.write_text(text, encoding="utf-8")
        if not update_golden:
            pytest.fail(f"{path} was missing and has been written; check it and commit it")
    assert json.loads(path.read_text(encoding="utf-8")) == example_record


@pytest.mark.model
def test_example_spans_point_into_the_text(example_record: dict[str, Any]) -> None:
    text = example_record["article"]["text"]
    for a in example_record["attributions"]:
        for key in ("cue", "source", "content"):
            if a[key] is not None:
                assert text[a[key][0] : a[key][1]] == a[f"{key}_text"]
        for s, e in a["content_frags"]:
            assert a["content"][0] <= s < e <= a["content"][1]
    for m in example_record["mentions"]:
        assert text[m["span"][0] : m["span"][1]] == m["text"]
    for ev in example_record["events"]:
        assert text[ev["trigger"][0] : ev["trigger"][1]] == ev["trigger_text"]


@pytest.mark.model
def test_example_article_metadata(example_record: dict[str, Any]) -> None:
    art = example_record["article"]
    assert art["title"] == "Putin’s Negotiations With Xi Jinping: Main Failure Details Revealed"
    assert art["lead"] == "China is ending support for Russia."
    assert art["outlet"] in ("Charter97", "Charter97.org", "Charter 97")
    body = art["text"][art["body_span"][0] : art["body_span"][1]]
    assert body.startswith("Chinese leader Xi Jinping offered")
    assert body.endswith("the analysts summed up.")
    for chrome in ("Support", "Write your comment", "Follow Charter97", "Categories", "Sim Sim"):
        assert chrome not in art["text"]
    assert art["published"] is None  # the banner is the page's date, not a publication date
    assert [(d["value"][:16], d["kind"]) for d in art["dates"]] == [
        ("2024-04-23T22:40", "page_banner")
    ]
    assert art["meta"].get("comment_count") == 43
    assert art["lang"] == "en"
