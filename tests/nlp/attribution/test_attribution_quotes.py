"""Quote scanning: odd marks never raise; paragraphs close quotes; groups join them."""

from __future__ import annotations

import pytest

from reportedly.nlp.attribution.quotes import (
    derive_kind,
    group_quotes,
    quoted_mask,
    scan_quotes,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "yes, we will" today.', ['"yes, we will"']),
        ("He said “yes” and „no“ and «maybe».", ["“yes”", "„no“", "«maybe»"]),
        ("“Open and never closed", ["“Open and never closed"]),
        ("A stray ” mark and “a real one”", ["“a real one”"]),
        ("“Nested ‘single’ marks stay inside”", ["“Nested ‘single’ marks stay inside”"]),
        ("", []),
        ('"""', ['""', '"']),
        ("''Tax reform,'' he said. ''No.''", ["''Tax reform,''", "''No.''"]),
        ("He said ''a 'nested''' thing", ["''a 'nested'''"]),
        ("The players' union's ''deal''", ["''deal''"]),
        ("'''", ["'''"]),
        ("''", ["''"]),
    ],
)
def test_scan_quotes(text: str, expected: list[str]) -> None:
    assert [text[q.start : q.end] for q in scan_quotes(text)] == expected


def test_paragraph_break_closes_and_groups() -> None:
    text = "“First paragraph of a long quote.\n\n“Second paragraph,” she said.\n\nAfter."
    quotes = scan_quotes(text)
    assert [q.closed for q in quotes] == [False, True]
    groups = group_quotes(text, quotes)
    assert len(groups) == 1 and len(groups[0]) == 2
    assert text[groups[0][0].start : groups[0][0].end] == "“First paragraph of a long quote."


def test_closed_quotes_are_not_grouped_across_paragraphs() -> None:
    text = "“One.”\n\n“Two.”"
    assert [len(g) for g in group_quotes(text, scan_quotes(text))] == [1, 1]


@pytest.mark.parametrize(
    ("text", "frag", "kind"),
    [
        ("“All of this is quoted.”", (0, 24), "direct"),
        ("He said it was “rigged” again.", (8, 29), "mixed"),
        ("He said it was fine.", (8, 19), "indirect"),
        ("...", (0, 3), "indirect"),
        ("''All of this is quoted.''", (0, 26), "direct"),
    ],
)
def test_derive_kind(text: str, frag: tuple[int, int], kind: str) -> None:
    assert derive_kind(text, [frag]) == kind
    assert derive_kind(text, [frag], quoted_mask(text)) == kind
