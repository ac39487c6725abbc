"""Recipient rules on real parses (needs the English model): one parametrized test per rule.

Every sentence here was written for these tests; none comes from the PLOVER gold records.
"""

from __future__ import annotations

from typing import Any

import pytest

from reportedly.nlp.events import RawEvent

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nlp() -> Any:
    from reportedly.nlp.pipeline import load_pipeline

    return load_pipeline()


def best_event(nlp: Any, text: str) -> tuple[Any, RawEvent]:
    doc = nlp(text)
    return doc, max(doc._.events, key=lambda e: e.confidence)


def recipients(nlp: Any, text: str) -> list[str]:
    doc, event = best_event(nlp, text)
    return [doc.text[s:e] for s, e in event.recipients]


def actors(nlp: Any, text: str) -> list[str]:
    doc, event = best_event(nlp, text)
    return [doc.text[s:e] for s, e in event.actors]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ethiopia dismissed Eritrea's charges as baseless.", "Eritrea"),
        ("Kenya criticized Uganda's decision to close the border.", "Uganda"),
        ("Ghana denied Togo's claims.", "Togo"),
    ],
)
def test_possessor_of_object(nlp: Any, text: str, expected: str) -> None:
    """Rule: "rejected X's proposal": the possessor, not the thing."""
    assert recipients(nlp, text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected", "actor"),
    [
        ("The convoy was attacked by rebels near the border.", "convoy", "rebels"),
        ("Relief supplies were sent to the refugees.", "refugees", None),
        ("The request from Albania was rejected.", "Albania", None),
        ("Sanctions against Cuba were tightened.", "Cuba", None),
    ],
)
def test_passive(nlp: Any, text: str, expected: str, actor: str | None) -> None:
    """A passive subject that is a party; else whom the thing was done to or came from."""
    assert recipients(nlp, text) == [expected]
    if actor is not None:
        assert any(actor in a for a in actors(nlp, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The minister urged the rebels to lay down their arms.", "rebels"),
        ("The president called on Peru to release the hostages.", "Peru"),
        ("Lithuania appealed to the United Nations to send observers.", "United Nations"),
        ("Beijing threatened to cut off trade with Taipei.", "Taipei"),
        ("Chad warned that it would strike Sudanese rebel bases.", "rebel"),
    ],
)
def test_nested_complement(nlp: Any, text: str, expected: str) -> None:
    """Rule: "urged X to ...", "called on X to ...", and the target inside a threatened clause."""
    assert any(expected in r for r in recipients(nlp, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sweden announced aid to Kenya.", "Kenya"),
        ("The council imposed sanctions against Iran.", "Iran"),
        ("The union imposed sanctions on Belarus.", "Belarus"),
        ("Nepal broke off talks with the rebels.", "rebels"),
        ("Students protested against the government.", "government"),
        ("Brazil accused Argentina of spying.", "Argentina"),
    ],
)
def test_prepositional_target(nlp: Any, text: str, expected: str) -> None:
    """Rule: "aid to X", "sanctions against/on X", "talks with X", "protest against X", "accused X"."""
    assert any(expected in r for r in recipients(nlp, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Moscow warned of retaliation against Latvia.", "Latvia"),
        ("Demonstrators rallied against the visit of the Chinese premier.", "Chinese premier"),
        ("Pakistan mobilized troops along the frontier with India.", "India"),
        ("Hundreds of students demonstrated outside the French embassy.", "French embassy"),
    ],
)
def test_target_through_a_thing(nlp: Any, text: str, expected: str) -> None:
    """A prepositional object that is no party but points at one."""
    assert any(expected in r for r in recipients(nlp, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rwanda rejected the proposal made by Burundi.", "Burundi"),
        ("Iran rejected the demand by the inspectors.", "inspectors"),
        ("Tamil rebels ambushed an army patrol.", "army"),
    ],
)
def test_author_or_owner_of_object(nlp: Any, text: str, expected: str) -> None:
    """Rule: "the proposal made by X", "the demand by X", "an army patrol"."""
    assert any(expected in r for r in recipients(nlp, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The farmers blocked the road. Police then attacked them.", "farmers"),
        ("The villagers refused to leave. Soldiers later evicted them.", "villagers"),
    ],
)
def test_pronoun_recipient(nlp: Any, text: str, expected: str) -> None:
    """An object pronoun resolves like an actor's, but never to its own clause's subject."""
    doc = nlp(text)
    last = max(doc._.events, key=lambda e: e.trigger)  # the event of the second sentence
    assert [doc.text[s:e] for s, e in last.recipients] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police arrested dozens of opposition supporters.", "supporters"),
        ("The president praised the mediators.", "mediators"),
    ],
)
def test_party_nouns(nlp: Any, text: str, expected: str) -> None:
    """Partitives ("dozens of X") and role nouns count as parties."""
    assert any(expected in r for r in recipients(nlp, text))


def test_meeting_with_stays_reciprocal(nlp: Any) -> None:
    """PLOVER 2.4.2: "talks with X" in a CONSULT makes X a co-actor, not a recipient."""
    doc, event = best_event(nlp, "Norway held talks with Ecuador on Monday.")
    assert event.type == "CONSULT"
    assert event.recipients == ()
    assert "Ecuador" in [doc.text[s:e] for s, e in event.actors]
