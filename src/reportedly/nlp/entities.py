"""The ``reportedly_entities`` component: mentions clustered within an article, linked to entities.

Requires ``doc.ents`` (the model's NER); uses the tagger for pronouns and, when the
attribution component ran before it, ``doc._.attributions``. Assigns:

- ``doc._.mentions``: ``list[RawMention]`` sorted by offset: named mentions (spaCy
  labels), descriptions (``NOMINAL``: "the Chinese leader", "the analysts") and
  pronouns (``PRON``), each with its :class:`~reportedly.models.Entity` and cluster;
- ``doc._.entities``: ``list[Entity]``, unique, in order of first mention; a mention's
  ``cluster`` is the index of its entity there.

Named mentions resolve, in order, through a parenthetical acronym ("Institute for the
Study of War (ISW)"), the gazetteer (:mod:`reportedly.gazetteer`), a surname/first name or
acronym of a name earlier (or later) in the article, and finally an ``unknown`` entity.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from spacy.language import Language
from spacy.tokens import Doc

from ..gazetteer import Gazetteer, load_gazetteer, normalise, unknown_entity
from ..gazetteer.normalize import acronym
from ..models import Entity
from .context import get_context
from .coref import Cand, find_descriptions, find_pronouns

if TYPE_CHECKING:
    from spacy.tokens import Span

logger = logging.getLogger(__name__)

NAMED_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
# Labels spaCy sometimes gives names ("Xi Jinping’s" as WORK_OF_ART): kept if the gazetteer knows them.
OTHER_LABELS = frozenset({"WORK_OF_ART", "EVENT", "PRODUCT", "LAW"})
TYPE_LABELS = {"person": "PERSON", "country": "GPE", "place": "GPE", "region": "LOC"}
MAX_NGRAM = 8  # tokens in the longest gazetteer name matched in running text
PARENTHETICAL = re.compile(r"\s*\(\s*([A-Z][A-Za-z0-9&.\-]{1,11})\s*\)")
_TRAILING = frozenset({"'s", "’s", "'", "’"})


@dataclass(frozen=True, slots=True)
class RawMention:
    """One mention: char offsets into ``doc.text``, its label, entity and cluster."""

    start: int
    end: int
    label: str  # spaCy NER label, "NOMINAL" or "PRON"
    entity: Entity
    cluster: int


def _trimmed(span: Span) -> tuple[int, int] | None:
    """Char offsets of ``span`` without a trailing possessive or punctuation."""
    tokens = [t for t in span]
    while tokens and (tokens[-1].text in _TRAILING or tokens[-1].is_punct):
        tokens.pop()
    if not tokens:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def scan_gazetteer(doc: Doc, gazetteer: Gazetteer) -> list[tuple[int, int, Entity]]:
    """Gazetteer names in running text (longest match), for names spaCy missed or split.

    Only n-grams that start and end with a capitalised token are tried, and extended
    only while they are a prefix of some name, so the cost is a few dict look-ups per
    capitalised token. Single words count only if curated or an acronym.
    """
    found: list[tuple[int, int, Entity]] = []
    i = 0
    while i < len(doc):
        if not doc[i].text[:1].isupper():
            i += 1
            continue
        best: tuple[int, Entity] | None = None
        for j in range(i + 1, min(i + MAX_NGRAM, len(doc)) + 1):
            key = normalise(doc[i:j].text)
            last = doc[j - 1].text
            if key in gazetteer and (last[:1].isupper() or last[:1].isdigit()):
                entity = gazetteer.candidates(key)[0]
                if (
                    j - i > 1
                    or entity.origin in ("curated", "user")
                    or (last.isupper() and len(last) > 1)
                ):
                    best = (j, entity)
            if not gazetteer.is_prefix(key):
                break
        if best is None:
            i += 1
            continue
        j, entity = best
        found.append((doc[i].idx, doc[j - 1].idx + len(doc[j - 1]), entity))
        i = j
    return found


def collect_named(doc: Doc, gazetteer: Gazetteer) -> list[Cand]:
    """spaCy's named entities, merged with gazetteer names found in the text."""
    text = doc.text  # Doc.text joins every token on each access: read it once
    cands: list[Cand] = []
    for ent in doc.ents:
        if ent.label_ not in NAMED_LABELS and ent.label_ not in OTHER_LABELS:
            continue
        offsets = _trimmed(ent)
        if offsets is not None:
            cands.append(Cand(*offsets, ent.label_))
    for start, end, entity in scan_gazetteer(doc, gazetteer):
        inside = [c for c in cands if c.start < end and start < c.end]
        if any(c.start == start and c.end == end for c in inside):
            continue  # spaCy found the same name: keep its label for the lookup
        contains = all(start <= c.start and c.end <= end for c in inside)
        unknown_outer = all(
            gazetteer.lookup(text[c.start : c.end], label=c.label) is None for c in inside
        )
        if contains or unknown_outer:
            cands = [c for c in cands if c not in inside]
            cands.append(Cand(start, end, TYPE_LABELS.get(entity.type, "ORG"), entity))
    return sorted(cands, key=lambda c: c.start)


def _acronyms(text: str, cands: Sequence[Cand]) -> dict[str, Cand]:
    """Parenthetical acronyms: ``"Institute for the Study of War (ISW)"`` -> {"isw": that mention}."""
    out: dict[str, Cand] = {}
    for c in cands:
        m = PARENTHETICAL.match(text, c.end)
        if m and m.group(1).isupper() and " " in text[c.start : c.end].strip():
            out[normalise(m.group(1))] = c
    return out


def acronym_definitions(doc: Doc, cands: Sequence[Cand]) -> list[Cand]:
    """Long forms spaCy missed before a parenthetical acronym, and the acronym's uses.

    ``"the Centre for Eastern Studies (CES) said ... CES added"``: the capitalised words
    before ``(CES)`` whose initials are ``CES`` become an ORG mention, and so does every
    ``CES`` token not already inside a mention.
    """
    out: list[Cand] = []
    taken = [(c.start, c.end) for c in cands]
    text = doc.text  # read once: Doc.text rebuilds the string
    # Regexes over the text, not a Python loop over every token: this runs on every document.
    for m in PARENTHETICAL.finditer(text):
        short = m.group(1)
        at = text.index("(", m.start())
        paren = doc.char_span(at, at + 1)
        if not short.isupper() or paren is None or paren.start == 0:
            continue
        end_tok = paren.start - 1
        for start_tok in range(end_tok, max(end_tok - MAX_NGRAM, -1), -1):
            long_start, long_end = doc[start_tok].idx, doc[end_tok].idx + len(doc[end_tok])
            if acronym(text[long_start:long_end]) != short.replace(".", ""):
                continue
            if not doc[start_tok].text[:1].isupper():
                continue
            if not any(s < long_end and long_start < e for s, e in taken):
                out.append(Cand(long_start, long_end, "ORG"))
                taken.append((long_start, long_end))
            out += _acronym_uses(doc, text, short, taken)
            break
    return out


def _acronym_uses(doc: Doc, text: str, short: str, taken: list[tuple[int, int]]) -> list[Cand]:
    """Whole-token uses of ``short`` outside the mentions in ``taken`` (which grows)."""
    out: list[Cand] = []
    for m in re.finditer(rf"(?<!\w){re.escape(short)}(?!\w)", text):
        span = doc.char_span(m.start(), m.end())
        if span is None or len(span) != 1 or any(s <= m.start() < e for s, e in taken):
            continue
        out.append(Cand(m.start(), m.end(), "ORG"))
        taken.append((m.start(), m.end()))
    return out


def _name_match(word: str, cand: Cand, people: Sequence[Cand], text: str) -> Cand | None:
    """The nearest mention (before, else after) of a multi-word person name containing ``word``."""
    hits = [
        p
        for p in people
        if p is not cand
        and p.entity is not None
        and len(normalise(text[p.start : p.end]).split()) > 1
        and word in (normalise(text[p.start : p.end]).split() + normalise(p.entity.name).split())
    ]
    before = [p for p in hits if p.end <= cand.start]
    return before[-1] if before else (hits[0] if hits else None)


def _acronym_match(word: str, cand: Cand, cands: Sequence[Cand], text: str) -> Cand | None:
    """The nearest other mention whose name's initials are ``word`` ("ISW")."""
    hits = [
        c
        for c in cands
        if c is not cand
        and c.entity is not None
        and word.upper() in (acronym(text[c.start : c.end]), acronym(c.entity.name))
    ]
    before = [c for c in hits if c.end <= cand.start]
    return before[-1] if before else (hits[0] if hits else None)


def resolve_named(cands: list[Cand], text: str, gazetteer: Gazetteer) -> list[Cand]:
    """Give every named mention an entity; drop other-label mentions nobody knows."""
    local = _acronyms(text, cands)
    deferred: list[Cand] = []
    for c in cands:
        key = normalise(text[c.start : c.end])
        single = " " not in key
        if c.entity is not None or key in local or (single and c.label == "PERSON"):
            deferred.append(c)
            continue
        label = None if c.label in OTHER_LABELS else c.label
        c.entity = gazetteer.lookup(text[c.start : c.end], label=label)
        if c.entity is None:
            deferred.append(c)
    people = [c for c in cands if c.label == "PERSON" or (c.entity and c.entity.type == "person")]
    for c in deferred:
        if c.entity is not None:
            continue
        key = normalise(text[c.start : c.end])
        target = local.get(key)
        if target is not None and target is not c:
            c.entity = target.entity or _resolve_alone(target, text, gazetteer)
            continue
        match = _name_match(key, c, people, text) if " " not in key else None
        if match is not None:
            c.label = "PERSON"
        match = match or (
            _acronym_match(key, c, cands, text) if text[c.start : c.end].isupper() else None
        )
        if match is not None and match.entity is not None:
            c.entity = match.entity
        else:
            c.entity = _resolve_alone(c, text, gazetteer)
    return [c for c in cands if c.entity is not None]


def _resolve_alone(c: Cand, text: str, gazetteer: Gazetteer) -> Entity | None:
    """Gazetteer, else an unknown entity (``None`` for other-label mentions)."""
    name = text[c.start : c.end]
    if c.entity is None:
        label = None if c.label in OTHER_LABELS else c.label
        c.entity = gazetteer.lookup(name, label=label)
    if c.entity is None and c.label not in OTHER_LABELS:
        c.entity = unknown_entity(name, c.label)
    return c.entity


def _char_span(value: Any) -> tuple[int, int] | None:
    """``(start, end)`` from a spaCy Span, a TextSpan-like object or a pair."""
    if value is None:
        return None
    for a, b in (("start_char", "end_char"), ("start", "end")):
        if hasattr(value, a) and hasattr(value, b):
            return int(getattr(value, a)), int(getattr(value, b))
    if isinstance(value, (tuple, list)) and len(value) == 2:
        return int(value[0]), int(value[1])
    return None


def cover_sources(doc: Doc, mentions: list[Cand], gazetteer: Gazetteer) -> list[Cand]:
    """Mentions for attribution sources no mention covers yet (so sources resolve to entities)."""
    attributions = (
        getattr(doc._, "attributions", None) if Doc.has_extension("attributions") else None
    )
    out: list[Cand] = []
    text = doc.text  # read once: Doc.text rebuilds the string
    for attribution in attributions or ():
        source = _char_span(getattr(attribution, "source", None))
        if source is None or not 0 <= source[0] < source[1] <= len(text):
            continue
        if any(m.start < source[1] and source[0] < m.end for m in (*mentions, *out)):
            continue
        resolved = _char_span(getattr(attribution, "resolved_source", None))
        target = next(
            (m for m in mentions if resolved and m.start < resolved[1] and resolved[0] < m.end),
            None,
        )
        name = text[source[0] : source[1]]
        entity = target.entity if target is not None else gazetteer.lookup(name)
        if entity is not None:
            label = "PRON" if name.lower() in ("he", "she", "they", "it") else "NOMINAL"
            out.append(Cand(source[0], source[1], label, entity))
    return out


def _dedupe(cands: Iterable[Cand]) -> list[Cand]:
    """Sorted, without overlaps (the earlier, then longer, mention wins)."""
    out: list[Cand] = []
    for c in sorted(cands, key=lambda c: (c.start, -(c.end - c.start))):
        if c.entity is not None and (not out or c.start >= out[-1].end):
            out.append(c)
    return out


def article_date(doc: Doc) -> str | None:
    """The article's date for dated roles: published/given, else the page banner."""
    dates = get_context(doc).dates
    for kinds in (("published", "given"), ("page_banner", "modified", "crawled")):
        for value, kind, _origin in dates:
            if kind in kinds:
                return value[:10]
    return None


def find_mentions(doc: Doc, gazetteer: Gazetteer) -> tuple[list[RawMention], list[Entity]]:
    """All mentions of ``doc`` and the entities they cluster into.

    Example:
        >>> mentions, entities = find_mentions(nlp("Xi met Putin. He said ..."), load_gazetteer())
    """
    cands = collect_named(doc, gazetteer)
    cands = sorted([*cands, *acronym_definitions(doc, cands)], key=lambda c: c.start)
    named = resolve_named(cands, doc.text, gazetteer)
    named = _dedupe(named)
    described = find_descriptions(doc, named, gazetteer, article_date(doc))
    resolved = _dedupe([*named, *described])
    pronouns = find_pronouns(doc, resolved)
    resolved = _dedupe([*resolved, *pronouns])
    resolved = _dedupe([*resolved, *cover_sources(doc, resolved, gazetteer)])
    clusters: dict[str, int] = {}
    entities: list[Entity] = []
    mentions: list[RawMention] = []
    for c in resolved:
        assert c.entity is not None  # _dedupe keeps resolved mentions only
        if c.entity.id not in clusters:
            clusters[c.entity.id] = len(entities)
            entities.append(c.entity)
        mentions.append(RawMention(c.start, c.end, c.label, c.entity, clusters[c.entity.id]))
    return mentions, entities


class EntityLinker:
    """spaCy component: sets ``doc._.mentions`` and ``doc._.entities`` (see module docs)."""

    def __init__(self, nlp: Language, name: str, *, gazetteer_path: str | None = None) -> None:
        """Load the gazetteer (cached per process) and register the Doc extensions."""
        self.name = name
        self.gazetteer = load_gazetteer(Path(gazetteer_path) if gazetteer_path else None)
        for attr in ("mentions", "entities"):
            if not Doc.has_extension(attr):
                Doc.set_extension(attr, default=None)

    def __call__(self, doc: Doc) -> Doc:
        """Annotate one document."""
        doc._.mentions, doc._.entities = find_mentions(doc, self.gazetteer)
        return doc


@Language.factory(
    "reportedly_entities",
    default_config={"gazetteer_path": None},
    requires=["doc.ents"],
    assigns=["doc._.mentions", "doc._.entities"],
)
def make_entity_linker(nlp: Language, name: str, gazetteer_path: str | None) -> EntityLinker:
    """Factory for :class:`EntityLinker`; ``gazetteer_path`` is a user JSONL file whose entries win."""
    return EntityLinker(nlp, name, gazetteer_path=gazetteer_path)
