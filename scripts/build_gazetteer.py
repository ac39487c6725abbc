"""Build the bundled actor gazetteer from the CAMEO/Phoenix dictionaries (MIT, see NOTICE).

Usage:
    .venv/bin/python scripts/build_gazetteer.py \
        /work/shared/data/gazetteer/cameo_actors.jsonl \
        src/reportedly/data/gazetteer/actors.jsonl.gz

Input lines: ``{"name", "aliases", "codes": [{"code", "start", "end"}], "file", "comment"?}``.
Output: gzip JSONL. The first line is a header ``{"format": 1, "countries": [...]}``; every
other line is an entry ``{"name", "type", "country", "aliases", "codes"}`` in the schema that
``reportedly.gazetteer`` reads (the same as ``curated.jsonl``). Names are display-cased,
duplicates (same normalised name and type) are merged, and type and country are derived
from the most recent CAMEO code.
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from reportedly.gazetteer.cameo import code_country, latest_code, type_from_code
from reportedly.gazetteer.normalize import display_name, normalise

logger = logging.getLogger("build_gazetteer")

FORMAT = 1
COUNTRY_FILE = "Phoenix.Countries.actors.txt"
# Comments in the MilNonState file that mark an entry as a person.
PERSON_COMMENT = re.compile(r"leader|commander|member|founder|spokes|chief|emir|head", re.I)
# Words that make a name an organisation, whatever its codes say.
ORG_WORDS = frozenset(
    """army forces front movement party group brigade brigades council committee union league
    organization organisation association ministry government agency office service institute
    center centre foundation company corporation bank university church network alliance
    federation assembly court police guard guards battalion militia news radio television
    tv press times post""".split()
)


def is_person(row: dict[str, Any]) -> bool:
    """Whether a dictionary entry names a person (dated roles, leader comments, name shape)."""
    words = set(row["name"].lower().split())
    if words & ORG_WORDS:
        return False
    codes = row.get("codes") or []
    if any(c.get("start") or c.get("end") for c in codes):
        return row["file"] != "Phoenix.MilNonState.actors.txt" or bool(
            PERSON_COMMENT.search(row.get("comment") or "")
        )
    if PERSON_COMMENT.search(row.get("comment") or ""):
        return True
    if "CountryInfo" in (row.get("comment") or ""):
        return True
    latest = latest_code(codes) or ""
    letters = re.sub(r"[\s.\-',]", "", row["name"])
    no_code_name = not codes and 2 <= len(words) <= 6 and letters.isalpha()
    return latest.endswith("ELI") or no_code_name


def country_codes(rows: Iterable[dict[str, Any]]) -> frozenset[str]:
    """Bare 3-letter codes of the countries file: the ISO3 countries CAMEO knows."""
    return frozenset(
        c["code"]
        for r in rows
        if r["file"] == COUNTRY_FILE
        for c in r["codes"]
        if len(c["code"]) == 3
    )


def convert(row: dict[str, Any], countries: frozenset[str]) -> dict[str, Any]:
    """One dictionary row -> one output entry."""
    aliases = tuple(row.get("aliases") or ())
    codes = row.get("codes") or []
    latest = latest_code(codes)
    person = is_person(row)
    if latest:
        etype = type_from_code(latest, countries, person=person)
        country = code_country(latest, countries)
    else:
        etype, country = ("person" if person else "organisation"), None
    name = display_name(row["name"].strip(), aliases)
    return {
        "name": name,
        "type": etype,
        "country": country,
        "aliases": [display_name(a.strip(), (row["name"], *aliases)) for a in aliases if a.strip()],
        "codes": [[c["code"], c.get("start"), c.get("end")] for c in codes],
    }


def merge(entries: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Merge entries with the same normalised name and type (aliases and codes united)."""
    merged: dict[tuple[str, str], dict[str, Any]] = {}
    for e in entries:
        key = (normalise(e["name"]), e["type"])
        if not key[0]:
            continue
        if key not in merged:
            merged[key] = e
            continue
        kept = merged[key]
        kept["aliases"] += [a for a in e["aliases"] if a not in kept["aliases"]]
        kept["codes"] += [c for c in e["codes"] if c not in kept["codes"]]
        kept["country"] = kept["country"] or e["country"]
    for e in merged.values():
        own = normalise(e["name"])
        seen: set[str] = {own}
        aliases = []
        for a in e["aliases"]:
            k = normalise(a)
            if k and k not in seen:
                seen.add(k)
                aliases.append(a)
        e["aliases"] = aliases
    return list(merged.values())


def build(source: Path, target: Path) -> int:
    """Read ``source`` (cameo_actors.jsonl), write ``target`` (gzip JSONL); return the entry count."""
    with source.open(encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    countries = country_codes(rows)
    entries = merge(convert(r, countries) for r in rows if ":" not in r["name"])
    target.parent.mkdir(parents=True, exist_ok=True)
    header = {"format": FORMAT, "source": source.name, "countries": sorted(countries)}
    # mtime=0: the same input gives byte-identical output.
    with (
        target.open("wb") as raw,
        gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz,
    ):
        for obj in (header, *entries):
            line = json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n"
            gz.write(line.encode("utf-8"))
    logger.info("wrote %d entries (%d countries) to %s", len(entries), len(countries), target)
    return len(entries)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("source", type=Path, help="cameo_actors.jsonl")
    parser.add_argument("target", type=Path, help="output .jsonl.gz")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    build(args.source, args.target)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
