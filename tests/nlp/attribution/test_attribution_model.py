"""The component with the English model: textacy-style cases and the Charter97 example."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from reportedly.nlp.attribution.types import RawAttribution
from reportedly.nlp.context import ArticleContext, set_context

SEED = Path(__file__).resolve().parents[3].parent / "shared" / "seeds" / "charter97-xi-putin.txt"


def run(nlp: Language, text: str, outlet: str | None = None) -> Doc:
    return nlp(set_context(nlp.make_doc(text), ArticleContext(outlet=outlet)))


def span(doc: Doc, offsets: tuple[int, int] | None) -> str | None:
    return doc.text[offsets[0] : offsets[1]] if offsets else None


def triples(doc: Doc) -> list[tuple[str | None, str | None, str | None]]:
    return [
        (span(doc, a.source), span(doc, a.cue), span(doc, a.content))
        for a in doc._.attributions
        if a.parent is None
    ]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police said the road was closed.", [("Police", "said", "the road was closed")]),
        (
            "“We will win,” the senator said. “And we will win again.”",
            [("the senator", "said", "“We will win,” the senator said. “And we will win again.”")],
        ),
        (
            "The minister told reporters that the talks had failed.",
            [("The minister", "told", "that the talks had failed")],
        ),
        (
            "It was reported that the talks had failed.",
            [(None, "was reported", "that the talks had failed")],
        ),
        (
            "According to the police, the road was closed on Monday.",
            [("the police", "According to", "the road was closed on Monday")],
        ),
        ("The road was closed on Monday.", []),
    ],
)
def test_triples(
    attribution_nlp: Language, text: str, expected: list[tuple[str | None, str, str]]
) -> None:
    assert triples(run(attribution_nlp, text)) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "« Unbalanced „ marks “ everywhere ” » and ' stray ‘ ones.",
        '"""',
        "“Opened and never closed, he said.\n\nNext paragraph.",
        "He said: „",
        "",
    ],
)
def test_odd_quotes_never_raise(attribution_nlp: Language, text: str) -> None:
    assert isinstance(run(attribution_nlp, text)._.attributions, list)


@pytest.mark.model
def test_multi_paragraph_quote(attribution_nlp: Language) -> None:
    text = (
        "The senator spoke at length.\n\n"
        "“We will fight for every vote in this state,” she said.\n\n"
        "“We will not stop until the last ballot is counted.\n\n"
        "“And then we will celebrate.”\n\nThe crowd cheered."
    )
    doc = run(attribution_nlp, text)
    directs = [a for a in doc._.attributions if a.kind == "direct"]
    assert len(directs) >= 1
    first = directs[0]
    assert span(doc, first.cue) == "said" and span(doc, first.source) == "she"


def seed_text() -> str:
    """The article text as the extractor hands it over: headline, lead, body."""
    lines = [ln.strip() for ln in SEED.read_text(encoding="utf-8").splitlines()]
    start = lines.index("China is ending support for Russia.")
    end = next(i for i, ln in enumerate(lines) if ln.endswith("the analysts summed up."))
    headline = next(ln for ln in lines[:start] if ln.startswith("Putin’s Negotiations"))
    return "\n\n".join([headline] + [ln for ln in lines[start : end + 1] if ln])


def find(doc: Doc, content_start: str, cue: str) -> RawAttribution:
    for att in doc._.attributions:
        text = span(doc, att.content) or ""
        if text.lstrip('“"').startswith(content_start) and span(doc, att.cue) == cue:
            return att
    raise AssertionError(f"no attribution {cue!r} -> {content_start!r}")


def names(att: RawAttribution) -> list[str]:
    return [link[0] for link in att.chain]


@pytest.mark.model
@pytest.mark.skipif(not SEED.exists(), reason="shared seeds not available")
def test_charter97_example(attribution_nlp: Language) -> None:
    doc = run(attribution_nlp, seed_text(), outlet="Charter97")
    isw = ["Charter97", "RBC-Ukraine", "Institute for the Study of War"]

    a = find(doc, "China-Russia relations were presented as solid", "explain")
    assert span(doc, a.source) == "the analysts"
    assert "Institute for the Study of War" in (span(doc, a.resolved_source) or "")
    assert names(a) == isw and a.chain[0] == ("Charter97", None, "article metadata")
    assert (span(doc, a.content) or "").endswith("scope of the future relationship,”")

    report = find(doc, "that Putin offered a term providing that Russia and China are", "reads")
    assert span(doc, report.source) == "The report" and names(report) == isw
    child = next(c for c in doc._.attributions if c.parent == doc._.attributions.index(report))
    assert span(doc, child.source) == "Putin" and names(child) == isw + ["Putin"]

    noted = find(doc, "that Russia and China in general seek a multipolar world order", "noted")
    assert span(doc, noted.source) == "He"
    assert span(doc, noted.resolved_source) == "Xi Jinping" and names(noted)[-1] == "Xi Jinping"

    wrote = find(doc, "that Russia welcomed China's willingness", "wrote")
    assert span(doc, wrote.source) == "Putin" and wrote.kind == "mixed"

    said = find(doc, "Xi Jinping’s refusal to align China with Russia", "said")
    assert span(doc, said.source) == "the ISW" and said.kind == "direct" and names(said) == isw

    acc = find(doc, "Xi's rhetoric indicates that he", "According to")
    assert span(doc, acc.source) == "experts"
    assert "Institute for the Study of War" in (span(doc, acc.resolved_source) or "")

    adds = find(doc, "that Putin and Xi have offered somewhat similar visions", "adds")
    assert span(doc, adds.source) == "The Institute for the Study of War" and names(adds) == isw

    summed = find(doc, "Xi will also offer a more specific proposal", "summed up")
    assert span(doc, summed.source) == "the analysts" and summed.kind == "direct"
    assert (span(doc, summed.content) or "").endswith("also remain unclear,”")
