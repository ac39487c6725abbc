"""The one data model of reportedly: plain, frozen, JSON-able dataclasses.

Nothing here imports spaCy. Every fact about an article points back to exact
character ranges of ``Article.text`` (``[start, end)``, Python code points) and
names the extractor (``"reportedly.<stage>.<name>.v<N>"``) that produced it.

The JSON form of these classes (``to_dict``) is documented in
``docs/record-format.md`` and versioned by ``RECORD_FORMAT_VERSION``.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from typing import Any, Literal

AttributionKind = Literal["direct", "indirect", "mixed", "according_to"]
DateKind = Literal["published", "modified", "page_banner", "crawled", "given"]
Modality = Literal["asserted", "negated", "future", "hypothetical", "uncertain"]


def make_id(*parts: object, length: int = 16) -> str:
    """A stable content-hash id: sha256 over the parts joined by NUL, hex, truncated.

    Args:
        parts: values whose ``str()`` identifies the record.
        length: number of hex characters kept.

    Returns:
        The id, e.g. ``make_id("https://example.org/a") -> "3f1c..."``.
    """
    digest = hashlib.sha256("\x00".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return digest[:length]


@dataclass(frozen=True, slots=True)
class TextSpan:
    """A character range of an article's text. Invariant: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> TextSpan:
        """The span ``[start, end)`` of ``text``."""
        return cls(start, end, text[start:end])

    def to_list(self) -> list[int]:
        return [self.start, self.end]


@dataclass(frozen=True, slots=True)
class Source:
    """Where an article came from. ``kind``: file, html, text, warc, jsonl, url."""

    kind: str
    location: str
    record_id: str | None = None
    fetched_at: str | None = None


@dataclass(frozen=True, slots=True)
class PageDate:
    """A date found for a page, with what it is and where it came from.

    ``kind`` says whose date it is: ``published`` (the page's metadata),
    ``page_banner`` (a site's date line at the top of a scraped page: the day
    the page was rendered, not necessarily the article's), ``given`` (by the
    caller, e.g. a JSONL ``published`` field). ``origin`` names the evidence
    (``html-metadata``, ``text-banner``, ``jsonl``, ``cli``).
    """

    value: str  # ISO 8601 date or datetime
    kind: DateKind
    origin: str
    raw: str | None = None
    span: TextSpan | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """The clean text of one news page and its metadata. All offsets refer to ``text``.

    For extracted pages ``text`` is the headline, the lead and the body, as
    paragraphs separated by blank lines; ``title_span``, ``lead_span`` and
    ``body_span`` locate them. For JSONL input ``text`` is the given text as is.
    """

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    outlet_origin: str | None = None  # "html-metadata", "url-domain", "text", "given"
    author: str | None = None
    lang: str | None = None
    dates: tuple[PageDate, ...] = ()
    source: Source | None = None
    title_span: TextSpan | None = None
    lead_span: TextSpan | None = None
    body_span: TextSpan | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    notes: tuple[str, ...] = ()  # e.g. "language 'ru': English-only stages skipped"
    extractor: str = ""

    @property
    def published(self) -> str | None:
        """The publication date from the page's metadata or the caller, if any."""
        for d in self.dates:
            if d.kind in ("published", "given"):
                return d.value
        return None


@dataclass(frozen=True, slots=True)
class Mention:
    """A named-entity mention (spaCy NER label) and the entity it resolves to."""

    id: str
    article_id: str
    label: str
    span: TextSpan
    entity_id: str | None = None
    extractor: str = ""


@dataclass(frozen=True, slots=True)
class Role:
    """A role an entity holds, bounded by dates (ISO, open ends as ``None``)."""

    title: str
    code: str | None = None
    start: str | None = None
    end: str | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    """A canonical entity: stable across articles (id from its normalised name and type)."""

    id: str
    name: str
    type: str  # person, organisation, government, country, media_outlet, think_tank, ...
    country: str | None = None  # ISO 3166-1 alpha-3
    roles: tuple[Role, ...] = ()
    aliases: tuple[str, ...] = ()
    origin: str = "gazetteer"  # "gazetteer", "curated", "user", "unknown"


@dataclass(frozen=True, slots=True)
class ChainLink:
    """One source in an attribution's chain, outlet first, speaker last.

    ``span`` is ``None`` when the link comes from article metadata (the publishing outlet).
    """

    name: str
    span: TextSpan | None = None
    entity_id: str | None = None
    origin: str = "text"  # "article metadata" or "text"
    attribution_id: str | None = None


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who said what: content, cue and source spans, the resolved speaker and the chain."""

    id: str
    article_id: str
    kind: AttributionKind
    content: TextSpan
    cue: TextSpan
    source: TextSpan | None  # None: unattributed or anonymous ("it was reported")
    content_frags: tuple[TextSpan, ...] = ()
    source_entity_id: str | None = None
    resolved_source: TextSpan | None = None  # the antecedent a pronoun/description refers to
    parent_id: str | None = None  # the attribution whose content contains this one
    chain: tuple[ChainLink, ...] = ()
    confidence: float = 1.0
    extractor: str = ""


@dataclass(frozen=True, slots=True)
class EventArgument:
    """An actor, recipient or location of an event."""

    role: Literal["actor", "recipient", "location"]
    span: TextSpan
    entity_id: str | None = None


@dataclass(frozen=True, slots=True)
class EventDate:
    """An event's date, how it was derived, and how sure we are."""

    value: str | None  # ISO date, or None when unknown
    span: TextSpan | None = None
    derivation: str = ""  # e.g. "explicit month-day; year inferred from page_banner"
    year_inferred: bool = False
    confidence: float = 0.0


@dataclass(frozen=True, slots=True)
class Event:
    """A PLOVER event tied to its trigger and sentence, and to who claims it."""

    id: str
    article_id: str
    type: str
    trigger: TextSpan
    sentence: TextSpan
    mode: str | None = None
    arguments: tuple[EventArgument, ...] = ()
    date: EventDate | None = None
    modality: Modality = "asserted"
    claimed_by: str | None = None  # Attribution.id whose content contains the event
    # who the event reaches the reader through: the claimant's chain, or for the article's own
    # narration the outlet and its outlet-level sourcing ("X reported, citing Y")
    chain: tuple[ChainLink, ...] = ()
    confidence: float = 1.0
    extractor: str = ""


@dataclass(frozen=True, slots=True)
class Run:
    """One batch run: what produced the rows it wrote."""

    id: str
    started_at: str
    reportedly_version: str
    model_name: str | None
    model_version: str | None
    config_hash: str


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything reportedly knows about one article: the record users get."""

    article: Article
    mentions: tuple[Mention, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    entities: tuple[Entity, ...] = ()
    events: tuple[Event, ...] = ()
    run_id: str | None = None


def to_dict(obj: Any) -> Any:
    """Turn a model (or a tuple/list/dict of them) into JSON-able data.

    Spans become ``{"start", "end", "text"}`` objects; tuples become lists.
    """
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, (list, tuple)):
        return [to_dict(x) for x in obj]
    if isinstance(obj, dict):
        return {str(k): to_dict(v) for k, v in obj.items()}
    return obj
