"""The gazetteer: canonical entities (people, governments, countries, outlets, ...) and lookups.

Usage:
    >>> gaz = load_gazetteer()
    >>> gaz.lookup("Russian President Vladimir Putin").name
    'Vladimir Putin'
    >>> gaz.lookup("Chinese", label="NORP").name
    'China'
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

from ..errors import ConfigError
from ..models import Entity, make_id
from .loader import ORIGINS, merge_drafts, read_countries, read_layer
from .normalize import normalise, strip_titles

logger = logging.getLogger(__name__)

# Entity types a spaCy NER label may refer to (labels not listed accept any type).
LABEL_TYPES: dict[str, frozenset[str] | None] = {
    "PERSON": frozenset({"person"}),
    "GPE": frozenset({"country", "government", "place", "region"}),
    "LOC": frozenset({"country", "place", "region"}),
}
NOT_PERSON = ("ORG", "NORP", "FAC")

# Type given to a name the gazetteer does not know, by spaCy label.
UNKNOWN_TYPES = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
    "FAC": "facility",
    "NORP": "group",
    "PRODUCT": "product",
    "EVENT": "event",
    "WORK_OF_ART": "work",
    "LAW": "law",
}

# Role titles that make a person their country's leader ("the Chinese leader").
HEAD_TITLES = frozenset({"head of state", "head of government", "leader", "supreme leader"})


def compatible(entity: Entity, label: str | None) -> bool:
    """Whether an entity of this type may be what a mention with spaCy ``label`` names."""
    if label is None:
        return True
    if label in NOT_PERSON:
        return entity.type != "person"
    allowed = LABEL_TYPES.get(label)
    return allowed is None or entity.type in allowed


class Gazetteer:
    """Canonical entities with a normalised-name index.

    Build one with :func:`load_gazetteer`; entities are immutable and ids stable.
    """

    def __init__(self, entities: Iterable[Entity]) -> None:
        """Index ``entities``, highest priority first (user, curated, gazetteer)."""
        rank = {origin: i for i, origin in enumerate(reversed(ORIGINS))}
        self._by_id: dict[str, Entity] = {}
        ranked: dict[str, list[tuple[int, int, str]]] = {}
        for entity in entities:
            if entity.id in self._by_id:
                continue
            self._by_id[entity.id] = entity
            r = rank.get(entity.origin, len(rank))
            for is_alias, text in enumerate((entity.name, *entity.aliases)):
                key = normalise(text)
                if key:
                    ranked.setdefault(key, []).append((r, min(is_alias, 1), entity.id))
        self._index = {k: tuple(dict.fromkeys(i for *_, i in sorted(v))) for k, v in ranked.items()}
        self._prefixes = frozenset(
            " ".join(words[:n])
            for words in (k.split() for k in self._index)
            for n in range(1, len(words))
        )
        self._qualifiers = frozenset(
            k
            for k, ids in self._index.items()
            if " " not in k and self._by_id[ids[0]].type == "country"
        )
        self._heads: dict[str, list[Entity]] = {}
        for e in self._by_id.values():
            if e.type == "person" and e.country and any(r.title in HEAD_TITLES for r in e.roles):
                self._heads.setdefault(e.country, []).append(e)

    def __len__(self) -> int:
        return len(self._by_id)

    def __contains__(self, key: object) -> bool:
        """Whether ``key`` (an already normalised name) is indexed."""
        return key in self._index

    def is_prefix(self, key: str) -> bool:
        """Whether some indexed key starts with the words of ``key`` (and is longer)."""
        return key in self._prefixes

    def get(self, entity_id: str) -> Entity | None:
        """The entity with this id, if any."""
        return self._by_id.get(entity_id)

    def candidates(self, key: str) -> list[Entity]:
        """Entities indexed under a normalised ``key``, best first."""
        return [self._by_id[i] for i in self._index.get(key, ())]

    def _first(self, key: str, label: str | None) -> Entity | None:
        return next((e for e in self.candidates(key) if compatible(e, label)), None)

    def lookup(self, name: str, *, label: str | None = None) -> Entity | None:
        """The entity a name refers to, or ``None``.

        Matching is on :func:`normalise` keys (case, diacritics, punctuation, "the",
        possessive). NORP plurals fall back to the singular ("Ukrainians"), and titles
        are stripped for people ("Russian President Vladimir Putin").

        Args:
            name: the name as written.
            label: the spaCy NER label of the mention, to skip incompatible types
                (a PERSON "Jordan" is not the country).

        Returns:
            The best entity: user entries first, then curated, then the dictionaries;
            canonical names before aliases.
        """
        key = normalise(name)
        if not key:
            return None
        hit = self._first(key, label)
        if hit is None and key.endswith("s") and label in (None, "NORP", "GPE"):
            hit = self._first(key[:-1], label)
        if hit is None and label in (None, "PERSON"):
            stripped = strip_titles(key, qualifiers=self._qualifiers)
            if stripped != key:
                hit = self._first(stripped, "PERSON")
        return hit

    def country(self, iso3: str) -> Entity | None:
        """The country entity with this ISO3 code."""
        return next(
            (e for e in self._by_id.values() if e.type == "country" and e.country == iso3), None
        )

    def heads_of(self, iso3: str, date: str | None = None) -> list[Entity]:
        """People whose head-of-state/government role for ``iso3`` covers ``date`` (ISO).

        With ``date=None`` only open-ended roles count.
        """
        out: list[Entity] = []
        for e in self._heads.get(iso3, ()):
            for r in e.roles:
                if r.title not in HEAD_TITLES:
                    continue
                if (
                    date is None
                    and r.end is None
                    or date is not None
                    and ((r.start or "") <= date[:10] and (r.end is None or date[:10] < r.end))
                ):
                    out.append(e)
                    break
        return out

    def search(self, query: str, *, limit: int = 20) -> list[Entity]:
        """Entities whose name or an alias matches ``query``: exact key, then word prefix, then substring."""
        key = normalise(query)
        if not key:
            return []
        exact: list[str] = []
        prefix: list[str] = []
        inner: list[str] = []
        for k, ids in self._index.items():
            if k == key:
                exact.extend(ids)
            elif k.startswith(key + " ") or k.startswith(key):
                prefix.extend(ids)
            elif f" {key}" in f" {k}":
                inner.extend(ids)
        ordered = dict.fromkeys([*exact, *prefix, *inner])
        return [self._by_id[i] for i in list(ordered)[:limit]]


def unknown_entity(name: str, label: str) -> Entity:
    """An entity for a name no gazetteer knows: id from its normalised name and a type from ``label``.

    Example:
        >>> unknown_entity("Mr. John Smith's", "PERSON").name
        'John Smith'
    """
    etype = UNKNOWN_TYPES.get(label, "other")
    key = normalise(name)
    words = name.replace("\u2019", "'").split()
    while words and words[0].lower() == "the" and len(words) > 1:
        words = words[1:]
    if etype == "person":
        stripped = strip_titles(key)
        if stripped != key and len(words) == len(key.split()):
            words = words[len(words) - len(stripped.split()) :]
            key = stripped
    display = " ".join(words)
    for suffix in ("'s", "'"):
        display = display.removesuffix(suffix)
    return Entity(
        id=make_id("entity", key, etype), name=display or name, type=etype, origin="unknown"
    )


def _data_dir() -> Path:
    return Path(str(resources.files("reportedly") / "data" / "gazetteer"))


@functools.cache
def _load(extra: Path | None, mtime_ns: int) -> Gazetteer:
    """Build a gazetteer (cached per user file and its modification time)."""
    data = _data_dir()
    bundled = data / "actors.jsonl.gz"
    countries = read_countries(bundled)
    layers = [
        read_layer(bundled, "gazetteer", countries),
        read_layer(data / "curated.jsonl", "curated", countries),
    ]
    if extra is not None:
        layers.append(read_layer(extra, "user", countries))
    drafts = merge_drafts(layers)
    entities = [d.to_entity() for d in reversed(drafts)]  # later layers (higher priority) first
    logger.info("gazetteer: %d entities (user file: %s)", len(entities), extra)
    return Gazetteer(entities)


def load_gazetteer(extra: Path | None = None) -> Gazetteer:
    """The bundled gazetteer, plus a user file whose entries win.

    Loaded once per process (and per user file version).

    Args:
        extra: a JSON-lines file in the ``curated.jsonl`` schema (see ``reportedly.gazetteer.loader``).

    Returns:
        The :class:`Gazetteer`.

    Raises:
        ConfigError: ``extra`` is missing or malformed.

    Example:
        >>> load_gazetteer().lookup("the Kremlin").type
        'government'
    """
    if extra is None:
        return _load(None, 0)
    path = Path(extra).resolve()
    if not path.is_file():
        raise ConfigError(f"gazetteer file not found: {path}")
    return _load(path, path.stat().st_mtime_ns)
