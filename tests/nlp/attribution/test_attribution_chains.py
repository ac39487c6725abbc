"""Chains: names, entity identity (acronyms, short names) and outlet-first order."""

from __future__ import annotations

import pytest

from reportedly.nlp.attribution.chains import (
    append_link,
    base_chain,
    link_name,
    same_entity,
    speaker_chain,
)
from reportedly.nlp.attribution.finder import drop_indirect_children
from reportedly.nlp.attribution.types import RawAttribution, SourcingStatement


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("the ISW", "Institute for the Study of War (ISW)", True),
        ("ISW", "Institute for the Study of War", True),
        ("Xi", "Xi Jinping", True),
        ("Putin", "Xi Jinping", False),
        ("RBC-Ukraine", "Institute for the Study of War", False),
    ],
)
def test_same_entity(a: str, b: str, same: bool) -> None:
    assert same_entity(a, b) is same


def test_link_name_drops_determiner_and_possessive() -> None:
    text = "The report of the ISW’s analysts"
    assert link_name(text, (0, 10)) == "report"
    assert link_name(text, (14, 23)) == "ISW"


def test_base_chain_uses_latest_statement_before_position() -> None:
    text = "RBC-Ukraine reported with reference to ISW. Later text."
    st = SourcingStatement(position=21, links=((0, 11), (39, 42)))
    chain = base_chain(text, "Charter97", [st], position=50)
    assert [c[0] for c in chain] == ["Charter97", "RBC-Ukraine", "ISW"]
    assert chain[0] == ("Charter97", None, "article metadata")
    # A sourcing line after a news lead sources the lead too (the issue's example: the meeting
    # in the lead reaches the reader through RBC-Ukraine <- ISW).
    early = base_chain(text, "Charter97", [st], position=5)
    assert [c[0] for c in early] == ["Charter97", "RBC-Ukraine", "ISW"]
    assert [c[0] for c in base_chain(text, "Charter97", [], position=5)] == ["Charter97"]


def test_base_chain_switches_at_each_statement() -> None:
    text = "X reported, citing B. Text. C reported, citing D. More text."
    first = SourcingStatement(position=2, links=((0, 1), (19, 20)))
    second = SourcingStatement(position=30, links=((28, 29), (47, 48)))
    names = [c[0] for c in base_chain(text, None, [first, second], position=25)]
    assert names == ["X", "B"]
    names = [c[0] for c in base_chain(text, None, [first, second], position=55)]
    assert names == ["C", "D"]


def test_speaker_is_not_repeated() -> None:
    text = "the ISW said"
    base = (("Charter97", None, "article metadata"), ("ISW", (0, 7), "text"))
    assert speaker_chain(text, base, (0, 7), None) == base
    assert append_link(base, ("Putin", None, "text"))[-1][0] == "Putin"


def _att(kind: str, parent: int | None) -> RawAttribution:
    return RawAttribution(
        kind=kind,
        cue=(0, 1),
        content=(2, 3),
        content_frags=((2, 3),),
        source=None,
        resolved_source=None,
        parent=parent,
        chain=(),
        confidence=1.0,
        extractor="test",
    )


def test_nested_indirect_attributions_are_dropped_and_parents_repointed() -> None:
    atts = [_att("indirect", None), _att("indirect", 0), _att("mixed", 1), _att("direct", 0)]
    kept = drop_indirect_children(atts)
    assert [(a.kind, a.parent) for a in kept] == [("indirect", None), ("mixed", 0), ("direct", 0)]


@pytest.mark.issue(3)
def test_dropping_children_does_not_need_parents_first() -> None:
    # a parent may come after its child in the list; a cycle must not loop forever
    atts = [_att("mixed", 2), _att("indirect", 2), _att("direct", None)]
    kept = drop_indirect_children(atts)
    assert [(a.kind, a.parent) for a in kept] == [("mixed", 1), ("direct", None)]
    looped = [_att("indirect", 1), _att("indirect", 0), _att("direct", 0)]
    assert [(a.kind, a.parent) for a in drop_indirect_children(looped)] == [("direct", None)]
