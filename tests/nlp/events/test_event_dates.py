"""Date finding and normalisation against article dates (model-free)."""

from __future__ import annotations

import pytest

from reportedly.nlp.events.dates import choose_anchor, find_dates, resolve_expression

BANNER = (("2024-04-23T22:40:00", "page_banner", "text-banner"),)
PUBLISHED = (("2024-04-23", "published", "html-metadata"),)


@pytest.mark.parametrize(
    ("text", "value", "inferred"),
    [
        ("on March 20", "2024-03-20", True),
        ("on 20 March", "2024-03-20", True),
        ("on December 30", "2023-12-30", True),  # later than the anchor: last year's
        ("March 20, 2019", "2019-03-20", False),
        ("Tuesday", "2024-04-23", False),
        ("last Tuesday", "2024-04-16", False),
        ("on Sunday", "2024-04-21", False),
        ("yesterday", "2024-04-22", False),
        ("last week", "2024-W16", False),
        ("last month", "2024-03", False),
        ("in 2019", "2019", False),
        ("in May", "2023-05", True),
        ("two days ago", "2024-04-21", False),
        ("2021-06-01", "2021-06-01", False),
    ],
)
def test_resolve_expression(text: str, value: str, inferred: bool) -> None:
    date = resolve_expression(text, choose_anchor(PUBLISHED))
    assert date.value == value
    assert date.year_inferred is inferred
    assert date.derivation


def test_page_banner_dates_get_lower_confidence() -> None:
    from_banner = resolve_expression("on March 20", choose_anchor(BANNER))
    from_published = resolve_expression("on March 20", choose_anchor(PUBLISHED))
    assert from_banner.value == from_published.value == "2024-03-20"
    assert from_banner.year_inferred
    assert 0 < from_banner.confidence < from_published.confidence
    assert "page_banner" in from_banner.derivation


def test_published_preferred_over_banner() -> None:
    anchor = choose_anchor((("2024-05-01", "page_banner", "text-banner"), *PUBLISHED))
    assert anchor is not None and anchor.kind == "published"


def test_no_anchor_leaves_relative_dates_unresolved() -> None:
    assert resolve_expression("yesterday", None).value is None
    assert resolve_expression("on March 20", None).value is None
    assert resolve_expression("March 20, 2019", None).value == "2019-03-20"


def test_future_events_resolve_forwards() -> None:
    date = resolve_expression("on Friday", choose_anchor(PUBLISHED), prefer_future=True)
    assert date.value == "2024-04-26"


def test_find_dates_offsets() -> None:
    text = "They met on March 20 and again last week."
    found = find_dates(text, offset=10)
    assert [m.text for m in found] == ["March 20", "last week"]
    assert all(text[m.start - 10 : m.end - 10] == m.text for m in found)
