"""What the chrome of a scraped page says: a date banner, a comment count, the outlet's name.

These read the lines that ``reportedly.extract.text`` has labelled as chrome
(label 0) and never the article body, so that "43 comments from readers" in a
paragraph is not taken for a counter.

    >>> iso_date("23 April 2024, Tuesday, 22:40")
    '2024-04-23T22:40:00'
"""

from __future__ import annotations

import re
from datetime import datetime

from .lines import word_count

__all__ = [
    "TITLE_SEPARATORS",
    "date_in",
    "find_banner_date",
    "find_comment_count",
    "find_outlet",
    "iso_date",
]

# What separates a headline from the site name in an HTML <title>.
TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " : ", " « ", " » ", " · ")

_MONTH_NUMBERS = {
    name: number
    for number, names in enumerate(
        (
            "january jan janeiro enero gennaio januar janvier января январь januari",
            "february feb fevereiro febrero febbraio februar février февраля февраль februari",
            "march mar março marzo märz mars марта март maret",
            "april apr abril aprile avril апреля апрель",
            "may maio mayo maggio mai мая май mei",
            "june jun junho junio giugno juni juin июня июнь",
            "july jul julho julio luglio juli juillet июля июль",
            "august aug agosto août августа август agustus",
            "september sep sept setembro septiembre settembre septembre сентября сентябрь",
            "october oct outubro octubre ottobre oktober octobre октября октябрь",
            "november nov novembro noviembre novembre ноября ноябрь",
            "december dec dezembro diciembre dicembre dezember décembre декабря декабрь desember",
        ),
        start=1,
    )
    for name in names.split()
}
_MONTH = "|".join(sorted(_MONTH_NUMBERS, key=len, reverse=True))
_DAY_MONTH_YEAR = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\.?\s+(?:de\s+)?({_MONTH})\.?,?\s+(?:de\s+)?(\d{{4}})\b", re.I
)
_MONTH_DAY_YEAR = re.compile(
    rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I
)
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?=\b|T)")
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})\b")
_TIME = re.compile(r"(?<![\d.:])(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([ap])\.?\s?m\b\.?)?", re.I)
BANNER_MAX_WORDS = 20  # a date line, not a sentence that mentions a date


def date_in(line: str) -> tuple[int, int, int] | None:
    """The first (year, month, day) written in ``line``, if any and valid."""
    found: list[tuple[int, tuple[int, int, int]]] = []
    for m in _DAY_MONTH_YEAR.finditer(line):
        found.append((m.start(), (int(m[3]), _MONTH_NUMBERS[m[2].lower()], int(m[1]))))
    for m in _MONTH_DAY_YEAR.finditer(line):
        found.append((m.start(), (int(m[3]), _MONTH_NUMBERS[m[1].lower()], int(m[2]))))
    for m in _ISO_DATE.finditer(line):
        found.append((m.start(), (int(m[1]), int(m[2]), int(m[3]))))
    for m in _NUMERIC_DATE.finditer(line):
        a, b, year = int(m[1]), int(m[3]), int(m[4])
        year += 2000 if year < 100 else 0
        # "/" is month-first (US) unless that cannot be; "." and "-" are day-first
        month_first = m[2] == "/" and a <= 12
        found.append((m.start(), (year, a, b) if month_first else (year, b, a)))
    for _, (year, month, day) in sorted(found):
        try:
            datetime(year, month, day)
        except ValueError:
            continue
        if 1990 <= year <= 2100:
            return year, month, day
    return None


def iso_date(line: str) -> str | None:
    """ISO 8601 date, or datetime when a clock time is written, of a date line."""
    date = date_in(line)
    if date is None:
        return None
    for m in _TIME.finditer(line):
        hour, minute, second = int(m[1]), int(m[2]), int(m[3] or 0)
        half = (m[4] or "").lower()
        if half == "p" and hour < 12:
            hour += 12
        elif half == "a" and hour == 12:
            hour = 0
        if hour < 24 and minute < 60 and second < 60:
            return datetime(*date, hour, minute, second).isoformat()
    return datetime(*date).date().isoformat()


def find_banner_date(lines: list[str], labels: list[int]) -> tuple[str, str] | None:
    """The first dated chrome line, preferring those above the body."""
    first = labels.index(1) if any(labels) else len(lines)
    order = list(range(first)) + list(range(first, len(lines)))
    for i in order:
        if labels[i] or word_count(lines[i]) > BANNER_MAX_WORDS:
            continue
        iso = iso_date(lines[i])
        if iso:
            return lines[i], iso
    return None


_COMMENT_WORD = (
    r"(?:comments?|comentários?|comentarios?|commenti|commentaires?|kommentare?|"
    r"комментари[йяев]*|komentar|responses?|replies)"
)
_COUNT_BEFORE = re.compile(rf"(?<![\d.,/:-])(\d{{1,6}})\s*(?:[^\W\d]+\s+)?{_COMMENT_WORD}\b", re.I)
_COUNT_AFTER = re.compile(rf"{_COMMENT_WORD}\s*[:(\[]?\s*(\d{{1,6}})(?![\d.,:/])", re.I)
_COMMENT_LINE_MAX_WORDS = 16


def find_comment_count(lines: list[str], labels: list[int]) -> int | None:
    """The largest comment counter in the chrome ("43 comments", "Write your comment 43")."""
    counts: list[int] = []
    for line, label in zip(lines, labels, strict=True):
        if label or word_count(line) > _COMMENT_LINE_MAX_WORDS:
            continue
        for pattern in (_COUNT_BEFORE, _COUNT_AFTER):
            counts.extend(int(m[1]) for m in pattern.finditer(line))
    return max(counts) if counts else None


_NAME = r"([A-Z0-9][\w.&'’/-]*(?:\s+[A-Z0-9][\w.&'’/-]*){0,4})"
_FOLLOW = re.compile(
    rf"^(?:please\s+)?follow\s+(?:us\s+on\s+)?{_NAME}\s+(?:on|in|via|at|social|accounts?|channels?)\b"
)
_COPYRIGHT_NAME = re.compile(
    r"(?:©|ⓒ|\([cC]\)|(?i:copyright))\s*(?:ⓒ|©)?\s*(?:(?i:copyright)\s+)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*[.,]?\s*)?(?:by\s+)?"
    r"([A-Z][\w.&'’/-]*(?:\s+[A-Z][\w.&'’/-]*){0,4})",
)
_DOMAIN = re.compile(r"\b([A-Za-z][\w-]*\.(?:com|org|net|info|news|by|ru|ua|co\.uk|tv|io))\b")
# where a name ends: a full stop, a bar, a comma, a year, or the legal formula
_NAME_END = re.compile(r"\.\s|\s*[|,;]|\s+(?:all\s+rights|todos|unless|the\s)|\s+\d{4}\b|\.$", re.I)
_LEGAL_SUFFIX = re.compile(r"[\s,]+(?:pty|ltd|llc|inc|plc|gmbh|limited|s\.a|co)\.?$", re.I)
_NOT_OUTLET = frozenset(
    "us all the our this his her their me getty images shutterstock istock ap photo afp "
    "image photo images photos hosted".split()
)


def _tidy_outlet(name: str) -> str | None:
    """The outlet name in a matched phrase, without years, legal forms or trailing words."""
    name = re.sub(r"^all\s+rights\s+reserved\W*", "", name.strip(), flags=re.I)
    name = _NAME_END.split(name, maxsplit=1)[0].strip(" .-–")
    while True:
        shorter = _LEGAL_SUFFIX.sub("", name).strip(" .,")
        if shorter == name:
            break
        name = shorter
    if not name or len(name) > 40 or not any(ch.isalpha() for ch in name):
        return None
    if name.casefold() in _NOT_OUTLET or name.split()[0].casefold() in {"getty", "ap"}:
        return None
    return name


def _head_suffix(head: str, title: str | None) -> str | None:
    """The site name in a first line shaped like an HTML <title>: "Headline | Site"."""
    for sep in TITLE_SEPARATORS:
        if sep not in head:
            continue
        before, after = head.rsplit(sep, 1)
        if title and not before.casefold().startswith(title.casefold()[:20]):
            continue
        if word_count(after) <= 5:
            return _tidy_outlet(after)
    return None


def find_outlet(lines: list[str], labels: list[int], title: str | None) -> str | None:
    """The outlet the chrome names: "Follow X on ...", "<title> | X", "© X", a domain."""
    chrome = [line for line, label in zip(lines, labels, strict=True) if not label]
    for line in chrome:
        m = _FOLLOW.search(line)
        name = _tidy_outlet(m[1]) if m else None
        if name:
            return name
    if lines and not labels[0]:
        name = _head_suffix(lines[0], title)
        if name:
            return name
    for line in chrome:
        m = _COPYRIGHT_NAME.search(line)
        name = _tidy_outlet(m[1]) if m else None
        if name:
            return name
    for line in chrome:
        m = _DOMAIN.search(line)
        if m and word_count(line) <= 8:
            return m[1]
    return None
