"""The reportedly_entities component: mention clustering within an article and entity linking."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc

import reportedly.nlp.entities  # noqa: F401  (registers the factory)
from reportedly.nlp.context import ArticleContext, set_context
from reportedly.nlp.entities import RawMention

HEADLINE = "Putin’s Negotiations With Xi Jinping: Main Failure Details Revealed"
LEAD = "China is ending support for Russia."
BODY = [
    "Chinese leader Xi Jinping offered a cut vision of bilateral relations unexpected by the Kremlin "
    "during the meeting with Russian President Vladimir Putin on March 20.",
    "RBC-Ukraine reported with reference to the Institute for the Study of War (ISW).",
    "“China-Russia relations were presented as solid during Xi and Putin meeting on March 20, but "
    "articles published on March 19 offered different interpretations of the scope of the future "
    "relationship,” the analysts explain.",
    'The report reads that Putin offered a term providing that Russia and China are "building a '
    "partnership to shape a multipolar world order in defiance of the collective aspirations of "
    "Western dominance and the US policy of dual containment against China and the Russian "
    'Federation".',
    "In turn, Xi proposed a less aggressive main goal for Russia-China relations. He noted that "
    "Russia and China in general seek a multipolar world order, but not specifically against the West.",
    "At the same time, Xi Jinping focused on presenting China as an exterior mediator in Russia's war "
    "against Ukraine, whose negotiating plan \"reflects the unity of the world community's views on "
    'overcoming the Ukrainian crisis".',
    "Putin wrote that Russia welcomed China's willingness to \"play a constructive role in resolving "
    'the crisis" regarding the war against Ukraine, likely hoping that Xi would take a similarly '
    "aggressive rhetorical line against the West.",
    "“Xi Jinping’s refusal to align China with Russia in the geopolitical conflict that Putin "
    "envisions with the West is a marked departure from China’s declared ‘limitless partnership’ "
    "with Russia ahead of its invasion of Ukraine,” the ISW said.",
    "According to experts, Xi's rhetoric indicates that he \"does not want to provide Putin with full "
    'economic and political support and that Russia needs to overcome failures in Ukraine."',
    "The Institute for the Study of War adds that Putin and Xi have offered somewhat similar visions "
    "of strengthening the China-Russia economic partnership, and it is possible that they will sign "
    "bilateral trade and economic agreements, some of which will be aimed at facilitating sanctions "
    "avoidance schemes.",
    "“Xi will also offer a more specific proposal to resolve the war in Ukraine through "
    "negotiations, although it remains unclear what his proposal will mean and how much the Kremlin "
    "will take it. The prospects for the supply of weapons by China to Russia also remain unclear,” "
    "the analysts summed up.",
]
ARTICLE = "\n\n".join([HEADLINE, LEAD, *BODY])


@pytest.fixture(scope="module")
def entities_nlp() -> Language:
    from reportedly.nlp.pipeline import load_pipeline

    return load_pipeline(components=("reportedly_entities",))


@pytest.fixture(scope="module")
def blank_nlp() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("reportedly_entities")
    return nlp


def clusters(doc: Doc) -> dict[str, list[str]]:
    """Entity name -> texts of its mentions, in order."""
    out: dict[str, list[str]] = defaultdict(list)
    for m in doc._.mentions:
        out[m.entity.name].append(doc.text[m.start : m.end])
    return dict(out)


def check_invariants(doc: Doc) -> None:
    mentions: list[RawMention] = doc._.mentions
    entities = doc._.entities
    assert len({e.id for e in entities}) == len(entities)
    previous_end = 0
    for m in mentions:
        assert 0 <= m.start < m.end <= len(doc.text)
        assert m.start >= previous_end  # sorted, no overlaps
        previous_end = m.end
        assert entities[m.cluster] == m.entity
    assert [e.id for e in entities] == list(dict.fromkeys(m.entity.id for m in mentions))


@pytest.mark.model
def test_seed_article_clusters(entities_nlp: Language) -> None:
    doc = entities_nlp(ARTICLE)
    check_invariants(doc)
    got = clusters(doc)
    assert got["Xi Jinping"] == [
        "Xi Jinping", "Xi Jinping", "Xi", "Xi", "He", "Xi Jinping", "Xi", "Xi Jinping",
        "Xi", "he", "Xi", "Xi", "his",
    ]  # fmt: skip
    assert set(got["Vladimir Putin"]) == {"Putin", "Russian President Vladimir Putin"}
    assert len(got["Vladimir Putin"]) == 8
    assert got["Kremlin"] == ["Kremlin", "Kremlin"]
    assert got["Institute for the Study of War"] == [
        "the Institute for the Study of War", "ISW", "the analysts", "ISW",
        "The Institute for the Study of War", "the analysts",
    ]  # fmt: skip
    assert got["RBC-Ukraine"] == ["RBC-Ukraine"]
    assert "Charter97" not in got  # the outlet is article metadata, not named in this text
    by_name = {e.name: e for e in doc._.entities}
    assert (by_name["Xi Jinping"].type, by_name["Xi Jinping"].country) == ("person", "CHN")
    assert (by_name["Vladimir Putin"].type, by_name["Vladimir Putin"].country) == ("person", "RUS")
    assert (by_name["Kremlin"].type, by_name["Kremlin"].country) == ("government", "RUS")
    isw = by_name["Institute for the Study of War"]
    assert (isw.type, isw.country) == ("think_tank", "USA")
    assert by_name["RBC-Ukraine"].type == "media_outlet"
    assert {"China", "Russia", "Ukraine", "United States"} <= set(by_name)
    assert got["Russia"].count("the Russian Federation") == 1
    assert "Chinese" in got["China"] and "Ukrainian" in got["Ukraine"]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        (
            "Xi Jinping arrived in Moscow. The Chinese leader said he was pleased.",
            None,
            {"The Chinese leader": "Xi Jinping", "he": "Xi Jinping"},
        ),
        (
            "Officials met in Beijing on Monday. The Chinese leader said trade would grow.",
            "2024-04-23",
            {"The Chinese leader": "Xi Jinping"},
        ),
        (
            "The Kremlin rejected the plan. Dmitry Peskov said talks were over.",
            None,
            {"Kremlin": "Kremlin", "Dmitry Peskov": "Dmitry Peskov"},
        ),
        (
            "Anna Kowalska, a Polish diplomat, arrived on Monday. Kowalska said she would stay.",
            None,
            {"Anna Kowalska": "Anna Kowalska", "Kowalska": "Anna Kowalska", "she": "Anna Kowalska"},
        ),
        (
            "The Centre for Eastern Studies (CES) published a report. CES said exports fell.",
            None,
            {
                "Centre for Eastern Studies": "Centre for Eastern Studies",
                "CES": "Centre for Eastern Studies",
            },
        ),
    ],
)
def test_coreference_rules(
    entities_nlp: Language, text: str, date: str | None, expected: dict[str, str]
) -> None:
    doc = entities_nlp.make_doc(text)
    if date:
        set_context(doc, ArticleContext(dates=((date, "published", "test"),)))
    for _, proc in entities_nlp.pipeline:
        doc = proc(doc)
    check_invariants(doc)
    found = {doc.text[m.start : m.end]: m.entity.name for m in doc._.mentions}
    for mention, name in expected.items():
        assert found.get(mention) == name, (mention, found)


@pytest.mark.model
def test_unknown_names_get_stable_entities(entities_nlp: Language) -> None:
    a = entities_nlp(
        "Ivan Petrenko, the mayor, spoke on Monday. Petrenko said the bridge was open."
    )
    b = entities_nlp("Residents thanked Ivan Petrenko.")
    ea = next(e for e in a._.entities if e.name == "Ivan Petrenko")
    eb = next(e for e in b._.entities if e.name == "Ivan Petrenko")
    assert ea.id == eb.id and ea.origin == "unknown" and ea.type == "person"
    assert [m.entity.id for m in a._.mentions if m.label == "PERSON"] == [ea.id, ea.id]


@dataclass
class FakeAttribution:
    source: tuple[int, int] | None
    resolved_source: tuple[int, int] | None = None


def test_gazetteer_scan_without_ner(blank_nlp: Language) -> None:
    doc = blank_nlp("RBC-Ukraine cited the Institute for the Study of War on Monday.")
    check_invariants(doc)
    assert clusters(doc) == {
        "RBC-Ukraine": ["RBC-Ukraine"],
        "Institute for the Study of War": ["Institute for the Study of War"],
    }


def test_attribution_sources_are_covered(blank_nlp: Language) -> None:
    text = "Charter97 cited RBC-Ukraine. Its editors said so, the outlet wrote."
    doc = blank_nlp.make_doc(text)
    if not Doc.has_extension("attributions"):
        Doc.set_extension("attributions", default=None)
    editors = (text.index("Its editors"), text.index("Its editors") + len("Its editors"))
    rbc = (text.index("RBC"), text.index("RBC") + len("RBC-Ukraine"))
    doc._.attributions = [FakeAttribution(editors, rbc), FakeAttribution(None)]
    doc = blank_nlp.get_pipe("reportedly_entities")(doc)
    doc._.attributions = None
    check_invariants(doc)
    by_text = {doc.text[m.start : m.end]: m for m in doc._.mentions}
    assert by_text["Its editors"].entity.name == "RBC-Ukraine"
    assert by_text["Its editors"].label == "NOMINAL"
    assert by_text["the outlet"].entity.name == "RBC-Ukraine"


NAMES = [
    "Xi Jinping",
    "Putin",
    "the Kremlin",
    "ISW",
    "RBC-Ukraine",
    "Chinese",
    "he",
    "the analysts",
]
FILLER = ["said", "that", "and", "the", "war", "in", "Ukraine", "(", ")", "’s", ".", ",", "“", "”"]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.sampled_from(NAMES + FILLER), max_size=30))
def test_mention_spans_property(blank_nlp: Language, words: list[str]) -> None:
    text = " ".join(words)
    doc = blank_nlp(text)
    check_invariants(doc)
    for m in doc._.mentions:
        assert doc.text[m.start : m.end] == text[m.start : m.end]
        assert doc.text[m.start : m.end].strip() == doc.text[m.start : m.end]
