"""Article text from the whole visible text of a scraped news page.

A naive scraper gives every visible string of a page, one per line: menus,
a date banner, "Support the website", category lists, the headline (often
twice), a comment counter, the article, "Write your comment", "Follow ...
social media accounts", footers. ``extract_scraped_text`` separates the
article from that chrome and picks out what the chrome says about the page:

    >>> page = extract_scraped_text(open("examples/charter97-xi-putin.txt").read())
    >>> page.title, page.lead, page.comment_count, page.outlet
    ('Putin’s Negotiations With Xi Jinping: ...', 'China is ending support for Russia.', 43, 'Charter97.org')

How: ``reportedly.extract.linemodel`` scores each line as body or not (a
small logistic regression over the layout features of
``reportedly.extract.lines``, smoothed by a Viterbi pass); then rules find
the headline (a title-like line just before the body, favoured when it is
repeated or mirrors the page's first line) and recover a short standfirst
that the classifier left out, and ``reportedly.extract.chrome`` reads the
banner date, comment count and outlet name from the chrome lines.

Pure Python; it never raises on odd input (an empty text gives a page with
no paragraphs, and the caller decides whether that is an error).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from .chrome import (
    TITLE_SEPARATORS,
    date_in,
    find_banner_date,
    find_comment_count,
    find_outlet,
)
from .linemodel import LineModel, score_lines
from .lines import CHROME_PHRASES, word_count

__all__ = ["ScrapedPage", "classify_lines", "extract_scraped_text"]

# Zero-width and BOM characters that str.strip() keeps but that make a line "empty".
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_WORDS = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*$")
_SENTENCE_BREAK = re.compile(r"[.!?…][\"'”’»)\]]*\s+\S")
_NOT_TEXT = re.compile(
    r"^(?:by|written by|posted (?:on|by)|published|updated|photo|image|picture|credit|source|"
    r"above|below|pictured|top|left|right|file photo|video|(?:media\s+)?caption|read more|see also|related|"
    r"share|follow|subscribe|advertisement|tags?|topics?)\b"
    r"|https?://|www\.|\b(?:getty images|shutterstock|ap photo|afp|reuters)\b\W*$"
    r"|\((?:ap|afp|reuters|photo[^)]*|image[^)]*)\)\W*$"
    r"|\b(?:pictured|seen here|in this (?:file )?(?:photo|image|picture))\b",
    re.I,
)
_CREDIT = re.compile(
    r"\b(?:photo|image|picture|credit|getty|shutterstock|istock|ap|afp|reuters|epa)\b|©", re.I
)
_BYLINE = re.compile(r"^(?:by|written by|posted by|von|par|por|di)\s", re.I)
_LEGAL = re.compile(r"©|ⓒ|copyright|all rights reserved|may not be (?:published|reproduced)", re.I)
_TRUNCATED = re.compile(r"(?:\.\.|…)[\"'”’»)\]]*$")
LEAD_MAX_WORDS = 40  # a standfirst is a sentence or two, not a paragraph
LEAD_SHORTER_THAN = 0.6  # ... and clearly shorter than the paragraphs after it
LEAD_MIN_SCORE = -4.0  # a recovered lead may be doubtful to the classifier, not absurd
LEAD_LOOKBACK = 3  # lines above the body searched for it (bylines, dates may come between)
TITLE_WINDOW = 60  # lines before the body searched for the headline


@dataclass(frozen=True, slots=True)
class ScrapedPage:
    """What ``extract_scraped_text`` found in a page's visible text.

    ``paragraphs`` excludes the title and the lead; ``line_labels`` has one
    entry per ``text.splitlines()`` line: 1 for body lines (lead included),
    0 for everything else (headline, chrome, blank lines).
    """

    title: str | None
    lead: str | None
    paragraphs: tuple[str, ...]
    banner_date: tuple[str, str] | None
    comment_count: int | None
    outlet: str | None
    line_labels: tuple[int, ...]

    @property
    def body(self) -> str:
        """The article body as one text: the lead, then the paragraphs, blank-line separated."""
        return "\n\n".join(([self.lead] if self.lead else []) + list(self.paragraphs))


@dataclass(slots=True)
class _Layout:
    """The non-empty lines of a page and what was decided about each."""

    lines: list[str]  # cleaned, non-empty
    where: list[int]  # index of each in the caller's line list
    labels: list[int]
    scores: list[float]
    title: int | None = None
    title_supported: bool = False  # echoed by the page's first line
    lead: int | None = None


def _clean(line: str) -> str:
    """``line`` without surrounding whitespace and zero-width characters."""
    return line.strip().strip(_INVISIBLE).strip()


def _analyse(raw_lines: Sequence[str], model: LineModel | None) -> _Layout:
    """Label the non-empty lines, then take the headline out of the body and find the lead."""
    lines, where = [], []
    for i, raw in enumerate(raw_lines):
        line = _clean(raw)
        if line:
            lines.append(line)
            where.append(i)
    scores, labels = score_lines(lines, model)
    layout = _Layout(lines, where, labels, scores)
    if not any(layout.labels):
        return layout
    counts = Counter(line.casefold() for line in lines)
    layout.title, layout.title_supported = _find_title(lines, layout.labels, counts)
    if layout.title is not None:
        layout.labels[layout.title] = 0
    layout.lead = _find_lead(layout, counts)
    return layout


def _title_like(line: str, words: int) -> bool:
    """Could ``line`` be a headline: not a date, credit, byline, legal line or button."""
    return (
        2 <= words <= 35
        and not _NOT_TEXT.search(line)
        and not line.endswith(":")
        and not (words <= 8 and CHROME_PHRASES.search(line))
        and not _LEGAL.search(line)
        and len(_SENTENCE_BREAK.findall(line)) == 0
        and date_in(line) is None
    )


def _word_set(line: str) -> set[str]:
    return {w.casefold() for w in _WORDS.findall(line)}


def _find_title(
    lines: list[str], labels: list[int], counts: Counter[str]
) -> tuple[int | None, bool]:
    """Index of the headline: a title-like line at most ``TITLE_WINDOW`` lines before the body,
    and whether the page's first line (an HTML <title>, when the scraper kept it) echoes it.

    Evidence: the line is repeated (pages often show the headline twice),
    its words are those of the page's first line (the HTML <title>, when the
    scraper kept it), it sits close above the body, it has a headline's
    length and does not end like a sentence.
    """
    first = labels.index(1)
    head_words = _word_set(lines[0])
    best, best_score, supported = None, 2.5, False  # below 2.5, no candidate is convincing
    for i in range(max(0, first - TITLE_WINDOW), first + 1):
        line = lines[i]
        words = word_count(line)
        if not _title_like(line, words):
            continue
        repeated = counts[line.casefold()] >= 2 and words >= 4
        own = _word_set(line)
        in_head = i > 0 and words >= 3 and len(own & head_words) / max(len(own), 1) >= 0.8
        if i == first and (words > 20 or not (repeated or in_head)):
            continue  # the first body line is the headline only on strong evidence
        score = 2.5 * repeated + 3.0 * in_head + 2.0 * (1 - (first - i) / TITLE_WINDOW)
        score += 1.0 if 4 <= words <= 25 else -1.0 if words < 4 else 0.0
        score -= 1.5 if _SENTENCE_END.search(line) else 0.0
        if score > best_score:
            best, best_score, supported = i, score, in_head
    return best, supported


def _find_lead(layout: _Layout, counts: Counter[str]) -> int | None:
    """Index of the standfirst, adding it to the body when the classifier left it just outside."""
    lines, labels = layout.lines, layout.labels
    if not any(labels):
        return None
    first = labels.index(1)
    recovered = False
    for prev in range(first - 1, max(-1, first - 1 - LEAD_LOOKBACK), -1):
        if prev == layout.title:
            break
        line = lines[prev]
        if layout.scores[prev] > LEAD_MIN_SCORE and _lead_shaped(line, counts):
            labels[prev] = 1
            first, recovered = prev, True
            break
        if not _between_lead_and_body(line):
            break
    rest = [word_count(lines[i]) for i in range(first + 1, len(lines)) if labels[i]]
    if len(rest) < 2 or not _lead_shaped(lines[first], counts):
        return None
    words = word_count(lines[first])
    median = sorted(rest)[len(rest) // 2]
    if recovered or words <= LEAD_SHORTER_THAN * median:
        return first
    return None


def _between_lead_and_body(line: str) -> bool:
    """A byline, date or counter that may sit between a standfirst and the body.

    Not a photo credit: a sentence above a credit is a caption, not a lead.
    """
    if _CREDIT.search(line) or _SENTENCE_END.search(line):
        return False
    words = word_count(line)
    return words <= 4 or bool(_BYLINE.match(line)) or (words <= 16 and date_in(line) is not None)


def _lead_shaped(line: str, counts: Counter[str]) -> bool:
    """A sentence or two of prose that is not a caption, credit, teaser or date line."""
    words = word_count(line)
    return (
        4 <= words <= LEAD_MAX_WORDS
        and len(_SENTENCE_BREAK.findall(line)) <= 1
        and counts[line.casefold()] == 1
        and bool(_SENTENCE_END.search(line))
        and not _TRUNCATED.search(line)
        and not _NOT_TEXT.search(line)
        and date_in(line) is None
    )


# --- public API ------------------------------------------------------------------------


def classify_lines(lines: Sequence[str], *, model: LineModel | None = None) -> list[int]:
    """Label each line of a scraped page: 1 = article body (lead included), 0 = other.

    Args:
        lines: the page's lines (blank ones allowed; they are labelled 0).
        model: a line model; the committed one by default.

    Returns:
        One 0/1 label per input line.

    Usage:
        >>> classify_lines(["Home", "News", "The minister said on Monday that talks would go on.", "Share"])
        [0, 0, 1, 0]
    """
    layout = _analyse(lines, model)
    labels = [0] * len(lines)
    for i, label in zip(layout.where, layout.labels, strict=True):
        labels[i] = label
    return labels


def extract_scraped_text(text: str, *, model: LineModel | None = None) -> ScrapedPage:
    """Separate the article from the site chrome in a page's scraped text.

    Args:
        text: the page's whole visible text, one block or string per line.
        model: a line model; the committed one by default.

    Returns:
        A ``ScrapedPage``. Its ``paragraphs`` are empty when no body was
        found (an empty or all-chrome text); raising is the caller's call.
    """
    raw_lines = text.splitlines() if text else []
    layout = _analyse(raw_lines, model)
    lines, labels = layout.lines, layout.labels
    title = lines[layout.title] if layout.title is not None else None
    if not layout.title_supported and lines and any(labels):
        # a headline the first line does not echo yields to a first line shaped like
        # an HTML <title> ("Headline | Site"), which names the page's own article
        title = _title_from_head(lines[0], labels[0]) or title
    lead = lines[layout.lead] if layout.lead is not None else None
    paragraphs = tuple(
        line
        for i, (line, label) in enumerate(zip(lines, labels, strict=True))
        if label and i != layout.lead
    )
    line_labels = [0] * len(raw_lines)
    for i, label in zip(layout.where, labels, strict=True):
        line_labels[i] = label
    return ScrapedPage(
        title=title,
        lead=lead,
        paragraphs=paragraphs,
        banner_date=find_banner_date(lines, labels),
        comment_count=find_comment_count(lines, labels),
        outlet=find_outlet(lines, labels, title),
        line_labels=tuple(line_labels),
    )


def _title_from_head(head: str, label: int) -> str | None:
    """The headline part of a first line shaped like an HTML <title>: "Headline | Site"."""
    if label:
        return None
    for sep in TITLE_SEPARATORS:
        if sep in head:
            part = head.rsplit(sep, 1)[0].strip()
            part = part.split(" | ", 1)[0].strip()  # "Headline | Section | Site"
            if 2 <= word_count(part) <= 35:
                return part
    return None
