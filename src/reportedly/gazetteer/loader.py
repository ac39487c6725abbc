"""Read gazetteer files and merge them: bundled dictionaries < curated < user entries.

Every file is JSON lines, one entry per line (``#`` lines and blank lines are skipped)::

    {"name": "Institute for the Study of War", "type": "think_tank", "country": "USA",
     "aliases": ["ISW"], "roles": [{"title": "...", "code": "...", "start": "...", "end": null}],
     "codes": [{"code": "CHNGOV", "start": "2012-11-15", "end": null}], "replace": false}

Only ``name`` is required. ``codes`` are CAMEO codes: they give roles, and the type and
country when the entry does not. A higher-priority entry absorbs the lower entries whose
name equals its name (any type) or one of its aliases (same type): it keeps its own
fields, adds their aliases and, unless ``"replace": true``, their roles.
"""

from __future__ import annotations

import gzip
import json
import logging
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..models import Entity, Role, make_id
from .cameo import code_country, latest_code, roles_from_codes, type_from_code
from .normalize import normalise

logger = logging.getLogger(__name__)

# Origins in priority order, lowest first.
ORIGINS = ("gazetteer", "curated", "user")


@dataclass(slots=True)
class Draft:
    """An entry being merged (mutable while the gazetteer is built)."""

    name: str
    type: str
    origin: str
    country: str | None = None
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    replace: bool = False

    def keys(self) -> set[str]:
        """The normalised name and aliases."""
        return {k for k in (normalise(x) for x in (self.name, *self.aliases)) if k}

    def absorb(self, other: Draft) -> None:
        """Add ``other``'s name, aliases and (unless ``replace``) roles and country."""
        self.aliases.extend(a for a in (other.name, *other.aliases) if a not in self.aliases)
        if not self.replace:
            self.roles.extend(r for r in other.roles if r not in self.roles)
            self.country = self.country or other.country

    def to_entity(self) -> Entity:
        """The frozen entity; its id is ``make_id("entity", normalised name, type)``."""
        own = normalise(self.name)
        seen = {own}
        aliases: list[str] = []
        for alias in self.aliases:
            key = normalise(alias)
            if key and key not in seen:
                seen.add(key)
                aliases.append(alias)
        return Entity(
            id=make_id("entity", own, self.type),
            name=self.name,
            type=self.type,
            country=self.country,
            roles=tuple(self.roles),
            aliases=tuple(aliases),
            origin=self.origin,
        )


def iter_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """The JSON objects of a (possibly gzipped) JSON-lines file.

    Raises:
        ConfigError: a line is not a JSON object.
    """
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                raise ConfigError(f"{path}:{n}: not JSON: {e}") from e
            if not isinstance(obj, dict):
                raise ConfigError(f"{path}:{n}: expected a JSON object")
            yield obj


def _codes(raw: Any) -> list[dict[str, Any]]:
    """Codes as dicts, from ``[{"code", "start", "end"}]`` or ``[[code, start, end]]``."""
    out: list[dict[str, Any]] = []
    for c in raw or ():
        if isinstance(c, Mapping):
            out.append({"code": c.get("code"), "start": c.get("start"), "end": c.get("end")})
        elif isinstance(c, (list, tuple)) and c:
            out.append(
                {
                    "code": c[0],
                    "start": c[1] if len(c) > 1 else None,
                    "end": c[2] if len(c) > 2 else None,
                }
            )
    return [c for c in out if c["code"]]


def draft_from(obj: Mapping[str, Any], origin: str, countries: frozenset[str]) -> Draft:
    """An entry of any gazetteer file as a :class:`Draft`.

    Raises:
        ConfigError: the entry has no name.
    """
    name = str(obj.get("name") or "").strip()
    if not name:
        raise ConfigError(f"gazetteer entry without a name: {obj!r}")
    codes = _codes(obj.get("codes"))
    roles = [
        Role(str(r.get("title") or "role"), r.get("code"), r.get("start"), r.get("end"))
        for r in obj.get("roles") or ()
        if isinstance(r, Mapping)
    ]
    roles += [r for r in roles_from_codes(codes, countries) if r not in roles]
    latest = latest_code(codes)
    etype = obj.get("type") or (
        type_from_code(latest, countries, person=False) if latest else "organisation"
    )
    country = obj.get("country") or (code_country(latest, countries) if latest else None)
    aliases = [str(a).strip() for a in obj.get("aliases") or () if str(a).strip()]
    return Draft(name, str(etype), origin, country, aliases, roles, bool(obj.get("replace")))


def merge_drafts(layers: Iterable[list[Draft]]) -> list[Draft]:
    """Merge layers of drafts, lowest priority first; higher entries absorb lower ones."""
    merged: list[Draft] = []
    by_name: dict[str, list[Draft]] = {}
    for layer in layers:
        absorbed: set[int] = set()
        for draft in layer if by_name else ():
            own = normalise(draft.name)
            for key in draft.keys():
                for lower in by_name.get(key, ()):
                    same_name = key == own
                    if id(lower) not in absorbed and (same_name or lower.type == draft.type):
                        draft.absorb(lower)
                        absorbed.add(id(lower))
        merged = [d for d in merged if id(d) not in absorbed] + layer
        by_name = {}
        for d in merged:
            by_name.setdefault(normalise(d.name), []).append(d)
    return merged


def read_layer(path: Path, origin: str, countries: frozenset[str]) -> list[Draft]:
    """All entries of one file (the bundled file's header line is skipped)."""
    return [draft_from(o, origin, countries) for o in iter_jsonl(path) if "format" not in o]


def read_countries(path: Path) -> frozenset[str]:
    """The CAMEO country codes listed in the bundled file's header line."""
    for obj in iter_jsonl(path):
        return frozenset(obj.get("countries") or ())
    return frozenset()
