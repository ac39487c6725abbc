"""Scraped page text -> ScrapedPage: body vs chrome, headline, lead, banner date, comments, outlet."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportedly.extract.chrome import iso_date
from reportedly.extract.linemodel import decode, load_model
from reportedly.extract.lines import FEATURE_NAMES, page_features
from reportedly.extract.text import ScrapedPage, classify_lines, extract_scraped_text

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = "charter97-xi-putin.txt"
TITLE = "Putin’s Negotiations With Xi Jinping: Main Failure Details Revealed"


def _example_path() -> Path:
    """``examples/`` first, then the shared seeds folder; skip when neither has the page."""
    shared = Path(os.environ.get("REPORTEDLY_SHARED") or ROOT.parent / "shared")
    for path in (ROOT / "examples" / EXAMPLE, shared / "seeds" / EXAMPLE):
        if path.is_file():
            return path
    pytest.skip(f"{EXAMPLE} not found in examples/ or the shared seeds")


@pytest.fixture(scope="module")
def example_text() -> str:
    return _example_path().read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def example(example_text: str) -> ScrapedPage:
    return extract_scraped_text(example_text)


# --- the bundled example ------------------------------------------------------------------


def test_example_title_and_lead(example: ScrapedPage) -> None:
    assert example.title == TITLE
    assert example.lead == "China is ending support for Russia."


def test_example_paragraphs_are_the_article(example: ScrapedPage) -> None:
    paragraphs = example.paragraphs
    assert paragraphs[0].startswith("Chinese leader Xi Jinping offered a cut vision")
    assert paragraphs[-1].endswith("the analysts summed up.")
    assert len(paragraphs) == 11
    assert all(p == p.strip() and p for p in paragraphs)
    chrome = {
        "23 April 2024, Tuesday, 22:40",
        "Support",
        "the website",
        "Sim Sim,",
        "Charter 97!",
        "Categories",
        "43",
        TITLE,
        "China is ending support for Russia.",
        "Write your comment 43",
        "Follow Charter97.org social media accounts",
    }
    assert chrome.isdisjoint(paragraphs)


def test_example_chrome_facts(example: ScrapedPage) -> None:
    assert example.banner_date == ("23 April 2024, Tuesday, 22:40", "2024-04-23T22:40:00")
    assert example.comment_count == 43
    assert example.outlet in {"Charter97", "Charter97.org"}


def test_example_line_labels(example: ScrapedPage, example_text: str) -> None:
    lines = example_text.splitlines()
    assert len(example.line_labels) == len(lines)
    body = [line.strip() for line, label in zip(lines, example.line_labels, strict=True) if label]
    assert body == [example.lead, *example.paragraphs]
    assert classify_lines(lines) == list(example.line_labels)
    assert example.body.startswith("China is ending support for Russia.\n\nChinese leader")


# --- a page written for these tests -------------------------------------------------------

FAKE_PAGE = """\
Harbour Gazette
Monday, 3 June 2024 09:15
Home
News
Business
Sport
Opinion
Weather
Subscribe
Sign in

Harbour bridge to close for six weeks of repairs
Harbour bridge to close for six weeks of repairs
Commuters face long detours from Monday.
12 comments
The Harbour Bridge will close to all traffic for six weeks from next Monday while engineers \
replace corroded cables, the city council said on Friday.
Council engineer Maria Lopez said the cables had reached the end of their working life and \
that the work could not be delayed any longer without putting drivers at risk.
Buses will be diverted over the river at Millbrook, adding about twenty minutes to journeys \
into the city centre, according to the transport authority.
Local businesses on the south bank have asked for compensation, saying the closure will keep \
customers away during the busiest weeks of the summer season.
The council said it would review the timetable in July and reopen one lane early if the work \
went faster than planned.
Share this article
Facebook
Twitter
Email
Related stories
Council approves new ferry route to the islands
Fishing fleet returns after record season
Leave a comment
© 2024 Harbour Gazette. All rights reserved.
Privacy policy
Terms of use
Follow Harbour Gazette on Twitter
"""


def test_fake_page_separates_body_from_chrome() -> None:
    page = extract_scraped_text(FAKE_PAGE)
    assert page.title == "Harbour bridge to close for six weeks of repairs"
    assert page.lead == "Commuters face long detours from Monday."
    assert len(page.paragraphs) == 5
    assert page.paragraphs[0].startswith("The Harbour Bridge will close")
    assert page.paragraphs[-1].startswith("The council said it would review")
    assert page.banner_date == ("Monday, 3 June 2024 09:15", "2024-06-03T09:15:00")
    assert page.comment_count == 12
    assert page.outlet == "Harbour Gazette"


def test_fake_page_labels_match_lines() -> None:
    page = extract_scraped_text(FAKE_PAGE)
    lines = FAKE_PAGE.splitlines()
    assert len(page.line_labels) == len(lines)
    labelled = [line for line, label in zip(lines, page.line_labels, strict=True) if label]
    assert labelled == [page.lead, *page.paragraphs]


def test_outlet_from_the_html_title_line() -> None:
    text = FAKE_PAGE.replace(
        "Harbour Gazette\n", "Harbour bridge to close for six weeks of repairs | The Quay Post\n", 1
    )
    text = text.replace("Follow Harbour Gazette on Twitter\n", "")
    assert extract_scraped_text(text).outlet == "The Quay Post"


# --- edge cases ---------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "\n", "   \n\t\n", "\u200b\n\ufeff"])
def test_empty_and_blank_texts(text: str) -> None:
    page = extract_scraped_text(text)
    assert page.paragraphs == ()
    assert page.title is None and page.lead is None
    assert page.banner_date is None and page.comment_count is None
    assert page.line_labels == (0,) * len(text.splitlines())


def test_one_line_of_prose_is_body() -> None:
    line = (
        "The city council voted on Tuesday to expand the harbour ferry service to the islands, "
        "after two years of complaints from residents about overcrowded boats."
    )
    page = extract_scraped_text(line)
    assert page.paragraphs == (line,)
    assert page.title is None and page.lead is None
    assert page.line_labels == (1,)


def test_one_line_of_chrome_is_not_body() -> None:
    page = extract_scraped_text("Home")
    assert page.paragraphs == ()
    assert page.line_labels == (0,)


def test_article_without_a_headline() -> None:
    body = FAKE_PAGE.split("12 comments\n", 1)[1].split("Share this article", 1)[0]
    page = extract_scraped_text(body)
    assert page.title is None
    assert len(page.paragraphs) + (page.lead is not None) == 5


def test_all_chrome_has_no_body() -> None:
    menu = "\n".join(
        ["Home", "News", "World", "Business", "Sport", "Weather", "Contact us", "Privacy policy"]
        + ["Terms of use", "Follow us on Facebook", "Subscribe", "© 2024 Harbour Gazette"]
    )
    page = extract_scraped_text(menu)
    assert page.paragraphs == () and page.lead is None
    assert set(page.line_labels) == {0}
    assert page.outlet == "Harbour Gazette"


def test_classify_lines_keeps_blank_lines_as_chrome() -> None:
    lines = ["Home", "", FAKE_PAGE.splitlines()[15], "   ", "Share"]
    labels = classify_lines(lines)
    assert len(labels) == len(lines)
    assert labels[1] == labels[3] == 0


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("23 April 2024, Tuesday, 22:40", "2024-04-23T22:40:00"),
        ("Reuters November 18, 2019 11:03 PM", "2019-11-18T23:03:00"),
        ("By Tess Bonn - 11/19/19 06:56 AM EST", "2019-11-19T06:56:00"),
        ("Published 12:15 am, Nov. 20, 2019", "2019-11-20T00:15:00"),
        ("By Mike Wall 2019-11-18T20:51:19Z Science", "2019-11-18T20:51:19"),
        ("21/06/2014 Tony Carter All, Books", "2014-06-21"),
        ("19.11.2019, 08:57", "2019-11-19T08:57:00"),
        ("sexta-feira, 22 de outubro de 2010 às 20:13", "2010-10-22T20:13:00"),
        ("Текст: Лида Буслаева · 11 октября 2018", "2018-10-11"),
        ("43", None),
        ("Call 555-1234 today", None),
        ("31 February 2024", None),
    ],
)
def test_banner_dates(line: str, iso: str | None) -> None:
    assert iso_date(line) == iso


@pytest.mark.parametrize(
    ("line", "count"),
    [
        ("Write your comment 43", 43),
        ("[ 167 comments ]", 167),
        ("Comments (5)", 5),
        ("1 comment", 1),
        ("Carlos Nadalim 23/08/2018 2 comentários", 2),
        ("View Comments", None),
    ],
)
def test_comment_counters(line: str, count: int | None) -> None:
    text = FAKE_PAGE.replace("12 comments", line)
    assert extract_scraped_text(text).comment_count == count


# --- the line model -----------------------------------------------------------------------


def test_committed_model_matches_the_features() -> None:
    model = load_model()
    assert model.names == FEATURE_NAMES
    assert len(model.weights) == len(model.mean) == len(model.scale) == len(FEATURE_NAMES)
    rows = page_features(["Home", "A sentence of some length that reads like prose, really."])
    assert all(len(row) == len(FEATURE_NAMES) for row in rows)


@pytest.mark.parametrize(
    ("scores", "penalty", "labels"),
    [
        ([], 1.0, []),
        ([-1.0, 5.0, -1.0], 1.0, [0, 1, 0]),
        ([5.0, -0.5, 5.0], 1.0, [1, 1, 1]),  # a weak dip inside the body is smoothed over
        ([5.0, -3.0, 5.0], 1.0, [1, 0, 1]),
        ([1.5], 1.0, [0]),  # entering and leaving the body costs 2 x penalty
    ],
)
def test_decode(scores: list[float], penalty: float, labels: list[int]) -> None:
    assert decode(scores, penalty) == labels


# --- never raises -------------------------------------------------------------------------

_LINE = st.one_of(
    st.text(max_size=80),
    st.sampled_from(["", "Home", "43", "Write your comment 7", "© 2020 X", "1 January 2020"]),
    st.lists(
        st.sampled_from(["the", "minister", "said", "on", "Monday", ",", "."]), max_size=30
    ).map(" ".join),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_LINE, max_size=40), st.sampled_from(["\n", "\r\n", "\n\n"]))
def test_never_raises_and_labels_every_line(lines: list[str], sep: str) -> None:
    text = sep.join(lines)
    page = extract_scraped_text(text)
    assert len(page.line_labels) == len(text.splitlines())
    assert set(page.line_labels) <= {0, 1}
    assert all(p and p == p.strip() for p in page.paragraphs)
    assert sum(page.line_labels) == len(page.paragraphs) + (page.lead is not None)
    if page.comment_count is not None:
        assert page.comment_count >= 0


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(max_size=60), max_size=30))
def test_classify_lines_never_raises(lines: list[str]) -> None:
    labels = classify_lines(lines)
    assert len(labels) == len(lines)
    assert set(labels) <= {0, 1}
