"""The JSON record (docs/record-format.md): every pair slices the text it sits beside."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from reportedly import RECORD_FORMAT_VERSION, analysis_to_record
from reportedly.models import Analysis, Article, Source, TextSpan, make_id, to_dict


def pairs_with_text(record: dict[str, Any]) -> list[tuple[list[int], str]]:
    """Every ``[start, end]`` pair of the record that has its covered text beside it."""
    found: list[tuple[list[int], str]] = []
    art = record["article"]
    if art["lead_span"]:
        found.append((art["lead_span"], art["lead"]))
    for a in record["attributions"]:
        for key in ("cue", "source", "content", "resolved_source"):
            if a[key] is not None:
                found.append((a[key], a[f"{key}_text"]))
    for m in record["mentions"]:
        found.append((m["span"], m["text"]))
    for e in record["events"]:
        found.append((e["trigger"], e["trigger_text"]))
        found.append((e["sentence"], e["sentence_text"]))
        for arg in [*e["actors"], *e["recipients"], e["location"]]:
            if arg is not None:
                found.append((arg["span"], arg["text"]))
    return found


def test_top_level(sample_analysis: Analysis) -> None:
    record = analysis_to_record(sample_analysis)
    assert list(record) == [
        "record_format",
        "id",
        "input",
        "run_id",
        "article",
        "attributions",
        "entities",
        "mentions",
        "events",
    ]
    assert record["record_format"] == RECORD_FORMAT_VERSION == "1.0"
    assert record["id"] == "r-9"  # the source's record id wins over the article id
    assert record["input"] == "tests/data/x.html"
    assert record["run_id"] is None
    assert json.loads(json.dumps(record)) == record


def test_id_and_input_overrides(sample_analysis: Analysis) -> None:
    record = analysis_to_record(sample_analysis, record_id="line-7", location="in.jsonl:7")
    assert (record["id"], record["input"]) == ("line-7", "in.jsonl:7")
    bare = dataclasses.replace(
        sample_analysis, article=dataclasses.replace(sample_analysis.article, source=None)
    )
    record = analysis_to_record(bare)
    assert (record["id"], record["input"]) == (sample_analysis.article.id, None)


def test_every_pair_slices_the_text(sample_analysis: Analysis) -> None:
    record = analysis_to_record(sample_analysis)
    text = record["article"]["text"]
    found = pairs_with_text(record)
    assert len(found) == 19
    for (start, end), covered in found:
        assert 0 <= start <= end <= len(text)
        assert text[start:end] == covered
    for a in record["attributions"]:
        for start, end in a["content_frags"]:
            assert text[start:end] in a["content_text"]


def test_article(sample_analysis: Analysis) -> None:
    art = analysis_to_record(sample_analysis)["article"]
    assert art["published"] == "2024-03-18"
    assert art["dates"] == [
        {
            "value": "2024-03-18",
            "kind": "published",
            "origin": "html-metadata",
            "raw": None,
            "span": None,
        },
        {
            "value": "2024-03-19",
            "kind": "page_banner",
            "origin": "text-banner",
            "raw": "19 March 2024",
            "span": [19, 24],
        },
    ]
    assert art["title_span"] == [0, 24]
    assert art["lead"] == "The council said the bridge would close in April."
    assert art["source"] == {
        "kind": "html",
        "location": "tests/data/x.html",
        "record_id": "r-9",
        "fetched_at": "2024-03-19T10:00:00+00:00",
    }
    assert art["meta"] == {"comment_count": 43, "tags": ["bridge", "transport"]}
    assert art["notes"] == ["a note"]


def test_attributions(sample_analysis: Analysis) -> None:
    by_id = {a["id"]: a for a in analysis_to_record(sample_analysis)["attributions"]}
    direct = by_id["att-2"]
    assert direct["kind"] == "direct"
    assert direct["source_text"] == "Helen Barker"
    assert direct["source_entity"] == "ent-barker"
    assert direct["source_entity_name"] == "Helen Barker"
    assert direct["parent_id"] == "att-3"
    assert [(c["name"], c["origin"], c["entity"]) for c in direct["chain"]] == [
        ("Coastal Gazette", "article metadata", None),
        ("Reuters", "text", "ent-reuters"),
        ("Helen Barker", "text", "ent-barker"),
    ]
    assert direct["chain"][0]["span"] is None
    unnamed = by_id["att-3"]
    assert (unnamed["source"], unnamed["source_text"], unnamed["source_entity_name"]) == (
        None,
        None,
        None,
    )
    assert unnamed["cue_text"] == "according to"


def test_events(sample_analysis: Analysis) -> None:
    (event,) = analysis_to_record(sample_analysis)["events"]
    assert event["type"] == "RETREAT"
    assert event["mode"] == "closure"
    assert event["actor"] == {
        "text": "The council",
        "span": [26, 37],
        "entity": "ent-council",
        "entity_name": "Portvale City Council",
        "country": "GBR",
    }
    assert event["recipient"]["text"] == "the bridge"
    assert event["recipient"]["entity_name"] is None
    assert event["location"]["text"] == "Bridge"
    assert [a["text"] for a in event["actors"]] == ["The council"]
    assert event["date"] == "2024-04-01"
    assert event["date_detail"]["year_inferred"] is True
    assert event["date_detail"]["span"] == {"start": 69, "end": 74, "text": "April"}
    assert (event["modality"], event["claimed_by"]) == ("future", "att-1")


def test_entities_and_mentions(sample_analysis: Analysis) -> None:
    record = analysis_to_record(sample_analysis)
    assert [e["id"] for e in record["entities"]] == ["ent-barker", "ent-council", "ent-reuters"]
    barker = record["entities"][0]
    assert barker["roles"] == [
        {"title": "head of transport", "code": "GOV", "start": "2020-01-01", "end": None}
    ]
    assert [m["text"] for m in record["mentions"]] == [
        "council",
        "April",
        "Helen Barker",
        "Reuters",
    ]


def test_article_only_record() -> None:
    text = "Just some text."
    article = Article(
        id=make_id("text", text),
        text=text,
        source=Source(kind="jsonl", location="in.jsonl:1"),
        body_span=TextSpan.of(text, 0, len(text)),
    )
    record = analysis_to_record(Analysis(article=article))
    assert (
        record["attributions"] == record["entities"] == record["mentions"] == record["events"] == []
    )
    assert record["article"]["body_span"] == [0, 15]
    assert record["article"]["lead"] is None
    assert record["article"]["published"] is None


def test_models_to_dict_and_ids() -> None:
    assert to_dict(TextSpan(1, 3, "ab")) == {"start": 1, "end": 3, "text": "ab"}
    assert to_dict((TextSpan(0, 1, "a"),)) == [{"start": 0, "end": 1, "text": "a"}]
    assert make_id("url", "https://example.org/a") == make_id("url", "https://example.org/a")
    assert make_id("url", "x") != make_id("text", "x")
    assert len(make_id("a")) == 16 and len(make_id("a", length=8)) == 8
    assert all(c in "0123456789abcdef" for c in make_id("a"))
    assert TextSpan.of("hello world", 6, 11) == TextSpan(6, 11, "world")
