"""Quote-mark scanning: find double-quoted stretches of text without ever raising.

Quotes are scanned per paragraph. A quote left open at the end of a paragraph is
closed there (as PolNeAR's kinds assume); when the next paragraph opens with a
quote mark, the two stretches form one *group*: a multi-paragraph quote.
Straight, curly, low-high (``„ “``) and guillemet (``« »``) marks are handled;
single quotes (``‘ ’``) are treated as nested marks, never as delimiters. Two
apostrophes (the typewriter style of the NYT) make one double mark.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

logger = logging.getLogger(__name__)

OPENERS = frozenset("“„«‟〝")
CLOSERS = frozenset("”»〞〟")
NEUTRAL = frozenset('"＂')
DOUBLE_MARKS = OPENERS | CLOSERS | NEUTRAL
TWO_APOSTROPHES = "''"  # one double mark written with two characters
# What the scorer trims from both ends of a content before "exact" comparison.
TRIM_CHARS = " \t\r\n\"'“”„«»‟‘’‚‹›.,;:"
PARAGRAPH_RE = re.compile(r"\n\s*\n|\n")
WORD_RE = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Quote:
    """One quoted stretch inside one paragraph.

    ``start`` is at the opening mark, ``end`` after the closing mark (or at the
    paragraph's end when the quote is left open, then ``closed`` is False).
    """

    start: int
    end: int
    closed: bool


def iter_paragraphs(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each non-empty line-separated paragraph of ``text``."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in PARAGRAPH_RE.finditer(text):
        if text[pos : m.start()].strip():
            spans.append((pos, m.start()))
        pos = m.end()
    if text[pos:].strip():
        spans.append((pos, len(text)))
    return spans


def _can_open(text: str, i: int) -> bool:
    """Whether the double mark at ``i`` may open a quote (a closing-type one must look it)."""
    return text[i] not in CLOSERS or _looks_like_open(text, i)


def _looks_like_open(text: str, i: int) -> bool:
    """A closing-type mark used as an opener: preceded by space/start, followed by a letter."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before.isspace() and after.isalnum()


def mark_width(text: str, i: int) -> int:
    """Length of the double quote mark at ``i``, or 0 when there is none.

    Two apostrophes are one mark (2); three are a nested single quote closing
    with the double one (3).
    """
    if text[i] in DOUBLE_MARKS:
        return 1
    if text.startswith(TWO_APOSTROPHES, i) and (i == 0 or text[i - 1] != "'"):
        return 3 if text.startswith(TWO_APOSTROPHES + "'", i) else 2
    return 0


def has_double_mark(text: str) -> bool:
    """Whether ``text`` holds a double quote mark (``''`` included)."""
    return TWO_APOSTROPHES in text or any(c in DOUBLE_MARKS for c in text)


def scan_paragraph(text: str, start: int, end: int) -> list[Quote]:
    """The double-quoted stretches of ``text[start:end]`` (absolute offsets)."""
    quotes: list[Quote] = []
    open_at: int | None = None
    i = start
    while i < end:
        width = mark_width(text, i)
        if width == 0:
            i += 1
            continue
        if open_at is None:
            if width > 1 or _can_open(text, i):
                open_at = i
            i += min(width, 2)  # a nested single quote may open right after the mark
            continue
        quotes.append(Quote(open_at, min(i + width, end), True))
        open_at = None
        i += width
    if open_at is not None:
        stop = end
        while stop > open_at + 1 and text[stop - 1].isspace():
            stop -= 1
        quotes.append(Quote(open_at, stop, False))
    return quotes


def scan_quotes(text: str) -> list[Quote]:
    """All double-quoted stretches of ``text``, in order. Never raises on odd marks."""
    quotes: list[Quote] = []
    for p_start, p_end in iter_paragraphs(text):
        quotes.extend(scan_paragraph(text, p_start, p_end))
    return quotes


def group_quotes(text: str, quotes: list[Quote]) -> list[tuple[Quote, ...]]:
    """Join a quote left open at a paragraph end with the quote opening the next paragraph."""
    groups: list[list[Quote]] = []
    for q in quotes:
        if groups:
            last = groups[-1][-1]
            between = text[last.end : q.start]
            if not last.closed and "\n" in between and not between.strip():
                groups[-1].append(q)
                continue
        groups.append([q])
    return [tuple(g) for g in groups]


def quoted_mask(text: str) -> list[bool]:
    """Per character of ``text``: is it inside a double-quoted stretch (marks included)?"""
    mask = [False] * len(text)
    for q in scan_quotes(text):
        for i in range(q.start, q.end):
            mask[i] = True
    return mask


def derive_kind(text: str, frags: list[tuple[int, int]], mask: list[bool] | None = None) -> str:
    """PolNeAR's kind rule: direct when >= 95% of the letters/digits are quoted, indirect when none.

    Args:
        text: the document text.
        frags: the content pieces (char offsets).
        mask: a precomputed ``quoted_mask(text)``, to avoid rescanning.

    Returns:
        ``"direct"``, ``"mixed"`` or ``"indirect"``.
    """
    m = mask if mask is not None else quoted_mask(text)
    total = inside = 0
    for s, e in frags:
        for i in range(max(0, s), min(e, len(text))):
            if text[i].isalnum():
                total += 1
                inside += m[i]
    if total == 0 or inside == 0:
        return "indirect"
    return "direct" if inside >= 0.95 * total else "mixed"


def word_count(text: str) -> int:
    """Number of ``\\w+`` tokens in ``text``."""
    return len(WORD_RE.findall(text))
