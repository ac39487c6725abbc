"""CAMEO actor codes -> entity type, country and dated roles.

A CAMEO actor code is a run of 3-letter parts: a country (ISO3) or an
international prefix (``IGO``, ``NGO``, ``MNC``, ``IMG``), then sectors
(``GOV``, ``MIL``, ``REB``, ``OPP``, ``MED``, ...). ``CHNGOV`` is the Chinese
government; ``IGOWSTNAT`` is NATO; ``NGOUSAEDU`` a US education NGO.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ..models import Role

logger = logging.getLogger(__name__)

# Sector part -> the role title it gives a person holding the code.
SECTOR_TITLES: Mapping[str, str] = {
    "GOV": "government",
    "ELI": "elite",
    "MIL": "military",
    "REB": "rebel",
    "INS": "insurgent",
    "OPP": "opposition",
    "COP": "police",
    "SPY": "intelligence",
    "JUD": "judiciary",
    "LEG": "legislature",
    "MED": "media",
    "BUS": "business",
    "EDU": "education",
    "HLH": "health",
    "AGR": "agriculture",
    "ENV": "environment",
    "DEV": "development",
    "HRI": "human rights",
    "LAB": "labour",
    "REL": "religion",
    "CRM": "crime",
    "CVL": "civilian",
    "REF": "refugees",
    "UAF": "armed forces",
    "PTY": "party",
}

# Sector part -> the type of an organisation holding the code (not a person).
SECTOR_TYPES: Mapping[str, str] = {
    "GOV": "government",
    "MIL": "military",
    "UAF": "military",
    "REB": "armed_group",
    "INS": "armed_group",
    "OPP": "opposition",
    "COP": "police",
    "SPY": "intelligence",
    "JUD": "judiciary",
    "LEG": "legislature",
    "MED": "media_outlet",
    "BUS": "company",
    "PTY": "party",
    "CRM": "criminal_group",
}

# Parts that make a code a sector code; a country code followed by anything else is a place
# ("PSEGZA" Gaza, "CHNHKG" Hong Kong).
KNOWN_PARTS = frozenset(
    "GOV ELI MIL REB INS OPP COP SPY JUD LEG MED BUS EDU HLH AGR ENV DEV HRI LAB REL CRM CVL REF "
    "UAF PTY RAD MOD SEP CHR MUS JEW BUD HIN SHI SUN SFI CTH ORT PRO NGO IGO MNC IMG UNO".split()
)

# International prefixes -> type.
PREFIX_TYPES: Mapping[str, str] = {
    "IGO": "igo",
    "NGO": "ngo",
    "NGM": "ngo",
    "MNC": "company",
    "IMG": "armed_group",
    "MED": "media_outlet",
}


def split_code(code: str) -> list[str]:
    """``"NGOUSAEDU" -> ["NGO", "USA", "EDU"]`` (trailing odd letters are kept as a part)."""
    return [code[i : i + 3] for i in range(0, len(code), 3)]


def code_country(code: str, countries: frozenset[str]) -> str | None:
    """The first part of ``code`` that is a known country code, if any."""
    return next((p for p in split_code(code) if p in countries), None)


def role_title(code: str, countries: frozenset[str]) -> str:
    """A readable role title: ``CHNGOV -> "government"``, ``BRAGOVDEV -> "government (development)"``."""
    parts = [p for p in split_code(code) if p not in countries]
    if parts and parts[0] in PREFIX_TYPES:
        parts = parts[1:] or parts
    titles = [SECTOR_TITLES.get(p, p.lower()) for p in parts]
    if not titles:
        return "national"
    return titles[0] if len(titles) == 1 else f"{titles[0]} ({', '.join(titles[1:])})"


def roles_from_codes(
    codes: Iterable[Mapping[str, Any]], countries: frozenset[str]
) -> tuple[Role, ...]:
    """Roles for the dated codes of a dictionary entry (bare country codes give no role)."""
    roles: list[Role] = []
    for c in codes:
        code = str(c.get("code") or "")
        if not code or (len(code) == 3 and code in countries):
            continue
        role = Role(role_title(code, countries), code, c.get("start"), c.get("end"))
        if role not in roles:
            roles.append(role)
    return tuple(roles)


def latest_code(codes: Sequence[Mapping[str, Any]]) -> str | None:
    """The code of the most recent period (open-ended or latest start), for type and country."""
    if not codes:
        return None

    def key(c: Mapping[str, Any]) -> tuple[int, str, str]:
        return (c.get("end") is None, str(c.get("start") or ""), str(c.get("end") or ""))

    return str(max(codes, key=key)["code"])


def type_from_code(code: str, countries: frozenset[str], *, person: bool) -> str:
    """The entity type a code implies: ``"RUS" -> country``, ``"RUSGOV" -> government`` (or person)."""
    parts = split_code(code)
    if person:
        return "person"
    if len(parts) == 1:
        if parts[0] in countries:
            return "country"
        return PREFIX_TYPES.get(parts[0], "region")
    if parts[0] in PREFIX_TYPES:
        return PREFIX_TYPES[parts[0]] if parts[0] != "MNC" or "MED" not in parts else "media_outlet"
    if parts[0] in countries and parts[1] not in KNOWN_PARTS and parts[1] not in countries:
        return "place"
    for part in parts[1:]:
        if part in SECTOR_TYPES:
            return SECTOR_TYPES[part]
    return "organisation"
