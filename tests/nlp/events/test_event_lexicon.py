"""The bundled PLOVER lexicon and its parser (model-free)."""

from __future__ import annotations

import pytest

from reportedly.nlp.events.countries import country_of_words
from reportedly.nlp.events.lexicon import load_lexicon, parse_lexicon
from reportedly.nlp.events.records import PLOVER_TYPES


def test_bundled_lexicon_covers_every_type() -> None:
    lexicon = load_lexicon()
    types = {e.type for table in (lexicon.verbs, lexicon.nouns) for e in table.values()}
    assert types == set(PLOVER_TYPES)
    assert lexicon.verbs["meet"].type == "CONSULT"
    assert lexicon.nouns["mediator"].mode == "third-party"
    assert lexicon.phrases[("open", "fire")].type == "ASSAULT"


def test_parse_lexicon_rejects_unknown_type() -> None:
    with pytest.raises(ValueError):
        parse_lexicon("verb\tfoo\tDANCE\t-\t0.5\n")


def test_parse_lexicon_reads_phrases_and_comments() -> None:
    lexicon = parse_lexicon("# comment\nphrase\tcall for\tREQUEST\t-\t0.8\n")
    assert lexicon.phrases[("call", "for")].weight == 0.8


@pytest.mark.parametrize(
    ("words", "iso3"),
    [
        (["Senior", "Hungarian", "officials"], "HUN"),
        (["South", "Korean", "army"], "KOR"),
        (["the", "U.S."], "USA"),
        (["the", "weather"], None),
    ],
)
def test_country_of_words(words: list[str], iso3: str | None) -> None:
    assert country_of_words(words) == iso3
