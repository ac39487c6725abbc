"""The ``reportedly_events`` component on real parses (needs the English model)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from reportedly.nlp.context import ArticleContext, set_context
from reportedly.nlp.events import PLOVER_TYPES, RawEvent

pytestmark = pytest.mark.model

BANNER = (("2024-04-23T22:40:00", "page_banner", "text-banner"),)


@pytest.fixture(scope="module")
def nlp() -> Any:
    from reportedly.nlp.pipeline import load_pipeline

    return load_pipeline()


def run(nlp: Any, text: str, dates: tuple[tuple[str, str, str], ...] = ()) -> Any:
    doc = set_context(nlp.make_doc(text), ArticleContext(dates=dates))
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


def texts(doc: Any, spans: tuple[tuple[int, int], ...]) -> list[str]:
    return [doc.text[s:e] for s, e in spans]


def best(doc: Any) -> RawEvent:
    return max(doc._.events, key=lambda e: e.confidence)


def article_text(path: Path) -> str:
    """Headline, lead and body of the scraped page, joined by blank lines."""
    paragraphs = [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n")]
    first = max(i for i, p in enumerate(paragraphs) if p.startswith("Putin’s Negotiations"))
    last = next(i for i, p in enumerate(paragraphs) if p.endswith("the analysts summed up."))
    return "\n\n".join(paragraphs[first : last + 1])


@pytest.fixture(scope="module")
def seed_doc(nlp: Any, example_path: Path) -> Any:
    return run(nlp, article_text(example_path), BANNER)


def mentions(doc: Any, event: RawEvent, *words: str) -> bool:
    joined = " ".join(texts(doc, event.actors))
    return all(w in joined for w in words)


def test_seed_consult_meeting_with_inferred_date(seed_doc: Any) -> None:
    meetings = [
        e
        for e in seed_doc._.events
        if e.type == "CONSULT" and seed_doc.text[e.trigger[0] : e.trigger[1]] == "meeting"
    ]
    meeting = next(e for e in meetings if mentions(seed_doc, e, "Xi", "Putin"))
    assert meeting.recipients == ()  # reciprocal: both sides are actors
    assert meeting.modality == "asserted"
    assert meeting.date is not None and meeting.date.value == "2024-03-20"
    assert meeting.date.year_inferred and meeting.date.confidence < 0.6
    assert meeting.date.span is not None and meeting.date.span.text == "March 20"


def test_seed_possible_agreement_between_russia_and_china(seed_doc: Any) -> None:
    agree = next(
        e for e in seed_doc._.events if e.type == "AGREE" and mentions(seed_doc, e, "Putin", "Xi")
    )
    assert agree.modality in ("hypothetical", "future")
    assert set(agree.actor_countries) == {"RUS", "CHN"}


def test_seed_uncertain_weapons_supply(seed_doc: Any) -> None:
    aid = next(e for e in seed_doc._.events if e.type == "AID" and e.modality == "uncertain")
    assert aid.mode == "military"
    assert texts(seed_doc, aid.actors) == ["China"]
    assert texts(seed_doc, aid.recipients) == ["Russia"]


def test_seed_mediation_offer(seed_doc: Any) -> None:
    mediation = next(
        e for e in seed_doc._.events if e.type == "CONSULT" and e.mode == "third-party"
    )
    assert "China" in texts(seed_doc, mediation.actors)
    assert "Ukraine" in texts(seed_doc, mediation.recipients)


def test_seed_events_are_well_formed(seed_doc: Any) -> None:
    for event in seed_doc._.events:
        assert event.type in PLOVER_TYPES
        start, end = event.sentence
        assert start <= event.trigger[0] < event.trigger[1] <= end
        for s, e in event.actors + event.recipients:
            assert 0 <= s < e <= len(seed_doc.text)
        assert 0 < event.confidence <= 1


@pytest.mark.parametrize(
    ("text", "type_", "actor", "recipient"),
    [
        (
            "Israeli soldiers arrested more than 100 protesters in Hebron.",
            "COERCE",
            "Israeli soldiers",
            "protesters",
        ),
        (
            "The government suspended economic aid to the rebels.",
            "SANCTION",
            "government",
            "rebels",
        ),
        (
            "Thousands of students staged a demonstration against the new law.",
            "PROTEST",
            "students",
            None,
        ),
        ("Canada condemned the attack on the embassy.", "ACCUSE", "Canada", None),
        ("The rebels threatened to attack the capital.", "THREATEN", "rebels", None),
        ("Chile rejected a Peruvian proposal for talks.", "REJECT", "Chile", "Peruvian"),
        ("Germany will send medical supplies to Greece.", "AGREE", "Germany", "Greece"),
    ],
)
def test_general_rules(nlp: Any, text: str, type_: str, actor: str, recipient: str | None) -> None:
    doc = run(nlp, text)
    event = best(doc)
    assert event.type == type_
    assert any(actor in a for a in texts(doc, event.actors))
    if recipient is not None:
        assert any(recipient in r for r in texts(doc, event.recipients))


def test_negation(nlp: Any) -> None:
    doc = run(nlp, "The two leaders did not meet in Paris.")
    assert best(doc).modality == "negated"


def test_relative_date_from_published(nlp: Any) -> None:
    doc = run(nlp, "Police arrested three men on Tuesday.", (("2024-04-26", "published", "html"),))
    date = best(doc).date
    assert date is not None and date.value == "2024-04-23" and not date.year_inferred
