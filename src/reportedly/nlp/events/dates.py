"""Find date expressions in text and normalise them against the article's dates.

The anchor is the article's own date: ``published`` or ``given`` first; a ``page_banner``
date (the day a page was rendered, which may be later than the article) is used only when
nothing better exists, and dates derived from it get a lower confidence. A date whose year
is not written ("on March 20") takes the anchor's year, or the year before when that would
put it more than two weeks after the anchor, and is marked ``year_inferred``.

Values are ISO 8601: ``2024-03-20`` (day), ``2024-W16`` (week), ``2024-03`` (month),
``2024`` (year).

Example:
    >>> anchor = choose_anchor((("2024-04-23T22:40:00", "page_banner", "text-banner"),))
    >>> resolve_expression("on March 20", anchor).value
    '2024-03-20'
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass

from ...models import EventDate

__all__ = ["Anchor", "DateMatch", "choose_anchor", "find_dates", "resolve_expression"]

logger = logging.getLogger(__name__)

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        1,
    )
    for name in names
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH = r"(?P<{n}>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"  # noqa: E501
_DAY = r"(?P<{n}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{n}>(?:19|20)\d\d)"
DATE_PATTERN = re.compile(
    "|".join(
        (
            r"\b(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)\b",
            r"\b"
            + _MONTH.format(n="m1")
            + r"\s+"
            + _DAY.format(n="d1")
            + r"(?:,?\s+"
            + _YEAR.format(n="y1")
            + r")?\b",
            r"\b"
            + _DAY.format(n="d2")
            + r"\s+(?:of\s+)?"
            + _MONTH.format(n="m2")
            + r"(?:,?\s+"
            + _YEAR.format(n="y2")
            + r")?\b",
            r"\b" + _MONTH.format(n="m3") + r"\s+(?:of\s+)?" + _YEAR.format(n="y3") + r"\b",
            r"\b(?:in|since|during|until|by|early|late|mid-)\s*" + _MONTH.format(n="m4") + r"\b",
            r"\b(?:(?P<wrel>last|next|this|on)\s+)?(?P<wd>monday|tuesday|wednesday|thursday"
            r"|friday|saturday|sunday)\b",
            r"\b(?P<rel>yesterday|today|tomorrow|tonight|last night)\b",
            r"\b(?:earlier\s+|later\s+)?(?P<prel>last|next|this|past)\s+(?P<unit>week|month|year)\b",
            r"\b(?P<num>\d+|one|two|three|four|five|six|seven)\s+(?P<aunit>day|week|month|year)s?"
            r"\s+ago\b",
            r"\b(?:in|since|during|by|until)\s+" + _YEAR.format(n="y4") + r"\b",
        )
    ),
    re.IGNORECASE,
)
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
LATE_TOLERANCE = dt.timedelta(days=14)  # a month-day this far past the anchor is last year's
CONFIDENCE = {"published": 0.8, "given": 0.8, "modified": 0.6, "crawled": 0.4, "page_banner": 0.45}
EXPLICIT_CONFIDENCE = 0.9  # the year is written: only the attachment can be wrong


@dataclass(frozen=True, slots=True)
class Anchor:
    """The article date relative expressions are resolved against."""

    date: dt.date
    kind: str
    origin: str


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date expression found in text, ``[start, end)`` char offsets."""

    start: int
    end: int
    text: str


def choose_anchor(dates: tuple[tuple[str, str, str], ...]) -> Anchor | None:
    """The best anchor among an ``ArticleContext.dates`` tuple ``(iso, kind, origin)``.

    ``published``/``given`` win over ``modified``, ``crawled`` and ``page_banner``.
    """
    order = ("published", "given", "modified", "crawled", "page_banner")
    ranked = sorted(dates, key=lambda d: order.index(d[1]) if d[1] in order else len(order))
    for value, kind, origin in ranked:
        try:
            return Anchor(dt.date.fromisoformat(value[:10]), kind, origin)
        except ValueError:
            logger.debug("unparseable article date %r", value)
    return None


def find_dates(text: str, offset: int = 0) -> list[DateMatch]:
    """Date expressions in ``text``; offsets are shifted by ``offset``."""
    found = []
    for match in DATE_PATTERN.finditer(text):
        if match.group("wrel") and match.group("wrel").lower() == "on":
            start = match.start("wd")
        else:
            start = match.start()
        found.append(DateMatch(offset + start, offset + match.end(), text[start : match.end()]))
    return found


def _anchored(anchor: Anchor | None, derivation: str, value: str | None, base: float) -> EventDate:
    if anchor is None:
        return EventDate(None, derivation=derivation + "; no article date", confidence=0.0)
    confidence = min(base, CONFIDENCE.get(anchor.kind, 0.4))
    return EventDate(
        value,
        derivation=f"{derivation}; relative to {anchor.kind} date {anchor.date}",
        confidence=confidence,
    )


def _month_day(month: int, day: int, anchor: Anchor | None, prefer_future: bool) -> EventDate:
    if anchor is None:
        return EventDate(None, derivation="month-day without year; no article date")
    try:
        candidate = dt.date(anchor.date.year, month, day)
    except ValueError:
        return EventDate(None, derivation="invalid month-day")
    if not prefer_future and candidate > anchor.date + LATE_TOLERANCE:
        candidate = candidate.replace(year=candidate.year - 1)
    elif prefer_future and candidate < anchor.date - LATE_TOLERANCE:
        candidate = candidate.replace(year=candidate.year + 1)
    date = _anchored(anchor, "explicit month-day; year inferred", candidate.isoformat(), 0.75)
    return EventDate(
        date.value, derivation=date.derivation, year_inferred=True, confidence=date.confidence
    )


def _weekday(name: str, relation: str, anchor: Anchor | None, prefer_future: bool) -> EventDate:
    if anchor is None:
        return EventDate(None, derivation=f"weekday {name!r}; no article date")
    target = WEEKDAYS.index(name)
    if relation == "next" or (prefer_future and relation != "last"):
        delta = (target - anchor.date.weekday()) % 7 or (7 if relation == "next" else 0)
        day = anchor.date + dt.timedelta(days=delta)
    else:
        delta = (anchor.date.weekday() - target) % 7 or (7 if relation == "last" else 0)
        day = anchor.date - dt.timedelta(days=delta)
    return _anchored(anchor, f"weekday {name}", day.isoformat(), 0.7)


def _relative(unit: str, step: int, anchor: Anchor | None, label: str) -> EventDate:
    if anchor is None:
        return EventDate(None, derivation=f"{label}; no article date")
    base = anchor.date
    if unit == "day":
        return _anchored(anchor, label, (base + dt.timedelta(days=step)).isoformat(), 0.7)
    if unit == "week":
        year, week, _ = (base + dt.timedelta(weeks=step)).isocalendar()
        return _anchored(anchor, label, f"{year}-W{week:02d}", 0.65)
    if unit == "month":
        months = base.year * 12 + base.month - 1 + step
        return _anchored(anchor, label, f"{months // 12}-{months % 12 + 1:02d}", 0.65)
    return _anchored(anchor, label, str(base.year + step), 0.65)


def resolve_expression(
    text: str, anchor: Anchor | None, *, prefer_future: bool = False
) -> EventDate:
    """Normalise one date expression (as found by :func:`find_dates`).

    Args:
        text: the expression, e.g. ``"on March 20"``, ``"Tuesday"``, ``"last week"``.
        anchor: the article date, or ``None``.
        prefer_future: resolve a bare weekday or month-day forwards (future events).

    Returns:
        The :class:`~reportedly.models.EventDate` (``span`` unset); ``value`` is ``None`` when
        the expression cannot be resolved.
    """
    match = DATE_PATTERN.search(text)
    if match is None:
        return EventDate(None, derivation=f"not a date expression: {text!r}")
    g = {k: (v.lower() if isinstance(v, str) else v) for k, v in match.groupdict().items()}
    if g["iso"]:
        return EventDate(g["iso"], derivation="explicit ISO date", confidence=EXPLICIT_CONFIDENCE)
    for m, d, y in (("m1", "d1", "y1"), ("m2", "d2", "y2")):
        if g[m] and g[d]:
            return _explicit_day(MONTHS[g[m].rstrip(".")], int(g[d]), g[y], anchor, prefer_future)
    if g["m3"]:
        value = f"{g['y3']}-{MONTHS[g['m3'].rstrip('.')]:02d}"
        return EventDate(value, derivation="explicit month and year", confidence=0.85)
    if g["m4"]:
        return _month_only(MONTHS[g["m4"].rstrip(".")], anchor, prefer_future)
    if g["wd"]:
        return _weekday(g["wd"], g["wrel"] or "", anchor, prefer_future)
    if g["rel"]:
        step = {"yesterday": -1, "last night": -1, "tomorrow": 1}.get(g["rel"], 0)
        return _relative("day", step, anchor, g["rel"])
    if g["prel"]:
        step = {"last": -1, "past": -1, "next": 1}.get(g["prel"], 0)
        return _relative(g["unit"], step, anchor, f"{g['prel']} {g['unit']}")
    if g["aunit"]:
        count = NUMBER_WORDS.get(g["num"]) or int(g["num"])
        unit = g["aunit"]
        return _relative(unit, -count, anchor, f"{count} {unit}(s) ago")
    return EventDate(g["y4"], derivation="explicit year", confidence=0.85)


def _explicit_day(
    month: int, day: int, year: str | None, anchor: Anchor | None, prefer_future: bool
) -> EventDate:
    if year is None:
        return _month_day(month, day, anchor, prefer_future)
    try:
        value = dt.date(int(year), month, day).isoformat()
    except ValueError:
        return EventDate(None, derivation="invalid date")
    return EventDate(value, derivation="explicit date", confidence=EXPLICIT_CONFIDENCE)


def _month_only(month: int, anchor: Anchor | None, prefer_future: bool) -> EventDate:
    if anchor is None:
        return EventDate(None, derivation="month without year; no article date")
    year = anchor.date.year
    if not prefer_future and month > anchor.date.month:
        year -= 1
    elif prefer_future and month < anchor.date.month:
        year += 1
    date = _anchored(anchor, "month; year inferred", f"{year}-{month:02d}", 0.6)
    return EventDate(
        date.value, derivation=date.derivation, year_inferred=True, confidence=date.confidence
    )
