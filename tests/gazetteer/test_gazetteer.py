"""Gazetteer: normalisation, CAMEO derivation, lookup, user overrides, unknown entities."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportedly.errors import ConfigError
from reportedly.gazetteer import load_gazetteer, normalise, strip_titles, unknown_entity
from reportedly.gazetteer.cameo import role_title, roles_from_codes, type_from_code
from reportedly.gazetteer.normalize import acronym, display_name
from reportedly.models import Role, make_id

COUNTRIES = frozenset({"CHN", "RUS", "USA", "UKR"})
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("the Kremlin", "kremlin"),
        ("The Kremlin’s", "kremlin"),
        ("KREMLIN", "kremlin"),
        ("RBC-Ukraine", "rbc ukraine"),
        ("Charter97.org", "charter97 org"),
        ("Zelenskyy's", "zelenskyy"),
        ("Pétr Šťastný", "petr stastny"),
        ("  U.S.  ", "u s"),
        ("the", "the"),
        ("...", ""),
    ],
)
def test_normalise(name: str, key: str) -> None:
    assert normalise(name) == key


@given(st.text(max_size=40))
def test_normalise_is_idempotent(name: str) -> None:
    key = normalise(name)
    assert normalise(key) == key
    assert key == key.strip() and "  " not in key


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("russian president vladimir putin", "vladimir putin"),
        ("president xi jinping", "xi jinping"),
        ("mr smith", "smith"),
        ("russian federation", "russian federation"),
        ("president", "president"),
    ],
)
def test_strip_titles(key: str, expected: str) -> None:
    assert strip_titles(key, qualifiers=frozenset({"russian"})) == expected


def test_display_name_and_acronym() -> None:
    assert display_name("INSTITUTE FOR THE STUDY OF WAR") == "Institute for the Study of War"
    assert display_name("NATO", ("NORTH ATLANTIC TREATY ORGANIZATION",)) == "NATO"
    assert display_name("THE EUROPEAN UNION") == "European Union"
    assert display_name("XI JINPING") == "Xi Jinping"
    assert display_name("Already Cased") == "Already Cased"
    assert acronym("Institute for the Study of War") == "ISW"


def test_cameo_codes() -> None:
    assert type_from_code("RUS", COUNTRIES, person=False) == "country"
    assert type_from_code("RUSGOV", COUNTRIES, person=False) == "government"
    assert type_from_code("RUSGOV", COUNTRIES, person=True) == "person"
    assert type_from_code("IGOWSTNAT", COUNTRIES, person=False) == "igo"
    assert type_from_code("UKRREB", COUNTRIES, person=False) == "armed_group"
    assert type_from_code("MNCUSAMED", COUNTRIES, person=False) == "media_outlet"
    assert role_title("CHNGOVMIL", COUNTRIES) == "government (military)"
    roles = roles_from_codes(
        [{"code": "CHN"}, {"code": "CHNGOV", "start": "2012-11-15"}], COUNTRIES
    )
    assert roles == (Role("government", "CHNGOV", "2012-11-15", None),)


@pytest.mark.parametrize(
    ("name", "label", "expected", "etype", "country"),
    [
        ("Russian President Vladimir Putin", None, "Vladimir Putin", "person", "RUS"),
        ("President Xi Jinping", "PERSON", "Xi Jinping", "person", "CHN"),
        ("the Kremlin", "ORG", "Kremlin", "government", "RUS"),
        ("ISW", "ORG", "Institute for the Study of War", "think_tank", "USA"),
        ("RBC-Ukraine", "ORG", "RBC-Ukraine", "media_outlet", "UKR"),
        ("Charter 97", None, "Charter97", "media_outlet", "BLR"),
        ("Charter97.org", None, "Charter97", "media_outlet", "BLR"),
        ("Chinese", "NORP", "China", "country", "CHN"),
        ("Russians", "NORP", "Russia", "country", "RUS"),
        ("the Russian Federation", "GPE", "Russia", "country", "RUS"),
        ("Zelenskyy", "PERSON", "Volodymyr Zelensky", "person", "UKR"),
        ("Wagner Group", "ORG", "Wagner Group", "armed_group", "RUS"),
        ("Jordan", "GPE", "Jordan", "country", "JOR"),
    ],
)
def test_lookup(name: str, label: str | None, expected: str, etype: str, country: str) -> None:
    entity = load_gazetteer().lookup(name, label=label)
    assert entity is not None
    assert (entity.name, entity.type, entity.country) == (expected, etype, country)
    assert entity.id == make_id("entity", normalise(expected), etype)


def test_lookup_respects_label_and_misses() -> None:
    gaz = load_gazetteer()
    assert gaz.lookup("Jordan", label="PERSON") is None
    assert gaz.lookup("Qwertyuiop Zxcvbnm") is None
    assert gaz.lookup("") is None


def test_roles_dates_and_heads() -> None:
    gaz = load_gazetteer()
    xi = gaz.lookup("Xi Jinping")
    assert xi is not None and xi.origin == "curated"
    assert Role("head of state", "CHNGOV", "2013-03-14", None) in xi.roles
    assert Role("government", "CHNGOV", "2012-11-15", None) in xi.roles  # from CAMEO
    assert xi in gaz.heads_of("CHN", "2024-04-23")
    assert xi not in gaz.heads_of("CHN", "2010-01-01")
    assert gaz.get(xi.id) == xi
    assert xi in gaz.search("jinping")


def test_user_file_wins(tmp_path: Path) -> None:
    path = tmp_path / "mine.jsonl"
    entries = [
        {
            "name": "Institute for the Study of War",
            "type": "ngo",
            "aliases": ["ISW", "The Institute"],
        },
        {
            "name": "Nasha Niva",
            "type": "media_outlet",
            "country": "BLR",
            "aliases": ["nashaniva.com"],
        },
        {"name": "Xi Jinping", "type": "person", "country": "CHN", "roles": [], "replace": True},
    ]
    path.write_text("# my entries\n" + "\n".join(json.dumps(e) for e in entries) + "\n")
    gaz = load_gazetteer(path)
    isw = gaz.lookup("ISW")
    assert isw is not None and (isw.type, isw.origin) == ("ngo", "user")
    niva = gaz.lookup("nashaniva.com")
    assert niva is not None and niva.name == "Nasha Niva" and niva.country == "BLR"
    xi = gaz.lookup("Xi")
    assert xi is not None and xi.roles == () and xi.origin == "user"
    assert load_gazetteer().lookup("ISW") != isw  # the default stays as bundled


def test_user_file_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigError):
        load_gazetteer(tmp_path / "missing.jsonl")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"type": "person"}\n')
    with pytest.raises(ConfigError):
        load_gazetteer(bad)


def test_unknown_entity() -> None:
    a = unknown_entity("Mr. John Smith's", "PERSON")
    b = unknown_entity("John Smith", "PERSON")
    assert (a.name, a.type, a.origin) == ("John Smith", "person", "unknown")
    assert a.id == b.id == make_id("entity", "john smith", "person")
    org = unknown_entity("the Minsk Tractor Works", "ORG")
    assert (org.name, org.type) == ("Minsk Tractor Works", "organisation")
    assert unknown_entity("John Smith", "ORG").id != a.id


def _build_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_gazetteer", ROOT / "scripts" / "build_gazetteer.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_build_script(tmp_path: Path) -> None:
    rows = [
        {
            "name": "CHINA",
            "aliases": ["CHINESE"],
            "codes": [{"code": "CHN", "start": None, "end": None}],
            "file": "Phoenix.Countries.actors.txt",
        },
        {
            "name": "XI JINPING",
            "aliases": [],
            "codes": [{"code": "CHNGOV", "start": "2012-11-15", "end": None}],
            "file": "Phoenix.Countries.actors.txt",
        },
        {
            "name": "XI JINPING",
            "aliases": ["PRESIDENT XI JINPING"],
            "codes": [{"code": "CHNGOV", "start": "2008-04-01", "end": None}],
            "file": "Phoenix.Countries.actors.txt",
            "comment": "CountryInfo.txt",
        },
        {
            "name": "NATO",
            "aliases": ["NORTH ATLANTIC TREATY ORGANIZATION"],
            "codes": [{"code": "IGOWSTNAT", "start": None, "end": None}],
            "file": "Phoenix.International.actors.txt",
        },
    ]
    source = tmp_path / "actors.jsonl"
    source.write_text("\n".join(json.dumps(r) for r in rows))
    target = tmp_path / "out.jsonl.gz"
    assert _build_module().build(source, target) == 3
    from reportedly.gazetteer.loader import iter_jsonl

    header, *entries = list(iter_jsonl(target))
    assert header["countries"] == ["CHN"]
    by_name = {e["name"]: e for e in entries}
    assert by_name["Xi Jinping"]["type"] == "person" and len(by_name["Xi Jinping"]["codes"]) == 2
    assert by_name["NATO"]["type"] == "igo"
    assert by_name["China"]["aliases"] == ["Chinese"]
