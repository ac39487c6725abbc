"""Fixtures shared by the whole suite: paths to the shared data and the bundled example."""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from reportedly.models import (
    Analysis,
    Article,
    Attribution,
    ChainLink,
    Entity,
    Event,
    EventArgument,
    EventDate,
    Mention,
    PageDate,
    Role,
    Source,
    TextSpan,
)

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The shared data folder: ``$REPORTEDLY_SHARED``, else ``../shared`` beside the repository."""
    path = Path(os.environ.get("REPORTEDLY_SHARED") or ROOT.parent / "shared")
    if not path.is_dir():
        pytest.skip(f"shared data folder {path} not found")
    return path


@pytest.fixture(scope="session")
def example_path() -> Path:
    """The bundled scraped-text example page."""
    path = ROOT / "examples" / "charter97-xi-putin.txt"
    assert path.is_file(), path
    return path


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """``tests/data``: the small fixture pages written for these tests."""
    return DATA


# --- a real HTTP server on 127.0.0.1, for URL fetching (never the internet) -------------------

ARTICLE_PAGE = (DATA / "article.html").read_bytes()


class _Handler(BaseHTTPRequestHandler):
    """Canned routes: pages, wrong types, errors, oversized bodies and redirect chains."""

    protocol_version = "HTTP/1.0"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass

    def _send(
        self, status: int, body: bytes, content_type: str | None, length: bool = True
    ) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        path = self.path
        if path == "/article":
            self._send(200, ARTICLE_PAGE, "text/html; charset=utf-8")
        elif path == "/plain":
            self._send(200, b"Officials said the road was closed.\n", "text/plain")
        elif path == "/image":
            self._send(200, b"\x89PNG\r\n\x1a\n\x00\x00", "image/png")
        elif path == "/notype":
            self._send(200, b"<p>hi</p>", None)
        elif path == "/empty":
            self._send(200, b"  \n", "text/html")
        elif path == "/big":
            self._send(200, b"<p>" + b"x" * 5000 + b"</p>", "text/html")
        elif path == "/big-unsized":  # no Content-Length: the limit must hold while streaming
            self._send(200, b"<p>" + b"y" * 5000 + b"</p>", "text/html", length=False)
        elif path == "/error":
            self._send(500, b"oops", "text/html")
        elif path.startswith("/hop/"):
            left = int(path.rsplit("/", 1)[1])
            self._redirect("/article" if left == 0 else f"/hop/{left - 1}")
        elif path == "/to-ftp":
            self._redirect("ftp://127.0.0.1/file.html")
        else:
            self._send(404, b"not found", "text/html")


@pytest.fixture(scope="session")
def http_server() -> Iterator[str]:
    """The base URL (``http://127.0.0.1:PORT``) of a local server serving ``_Handler``'s routes."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


# --- a hand-built Analysis with every kind of fact ---------------------------------------------

SAMPLE_TEXT = (
    "Bridge to close in April\n\n"
    "The council said the bridge would close in April. "
    '"We cannot wait another winter," said Helen Barker, '
    "who heads transport, according to Reuters."
)


def _span(text: str, needle: str, nth: int = 0) -> TextSpan:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return TextSpan.of(text, start, start + len(needle))


def build_analysis(text: str = SAMPLE_TEXT, article_id: str = "a1b2c3d4e5f60718") -> Analysis:
    """An Analysis in the store's canonical order (mentions by offset, entities by id)."""
    s = functools.partial(_span, text)
    council = Entity(
        id="ent-council",
        name="Portvale City Council",
        type="government",
        country="GBR",
        aliases=("the council",),
        origin="curated",
    )
    barker = Entity(
        id="ent-barker",
        name="Helen Barker",
        type="person",
        country="GBR",
        roles=(Role("head of transport", code="GOV", start="2020-01-01", end=None),),
        origin="gazetteer",
    )
    reuters = Entity(id="ent-reuters", name="Reuters", type="media_outlet", origin="gazetteer")
    article = Article(
        id=article_id,
        text=text,
        title="Bridge to close in April",
        url="https://www.gazette.example/bridge",
        outlet="Coastal Gazette",
        outlet_origin="html-metadata",
        author="Maria Lindqvist",
        lang="en",
        dates=(
            PageDate(value="2024-03-18", kind="published", origin="html-metadata"),
            PageDate(
                value="2024-03-19",
                kind="page_banner",
                origin="text-banner",
                raw="19 March 2024",
                span=s("April"),
            ),
        ),
        source=Source(
            kind="html",
            location="tests/data/x.html",
            record_id="r-9",
            fetched_at="2024-03-19T10:00:00+00:00",
        ),
        title_span=s("Bridge to close in April"),
        lead_span=s("The council said the bridge would close in April."),
        body_span=TextSpan.of(text, text.index("The council"), len(text)),
        meta={"comment_count": 43, "tags": ["bridge", "transport"]},
        notes=("a note",),
        extractor="reportedly.extract.trafilatura.v1",
    )
    mentions = (
        Mention(
            "m-council", article_id, "ORG", s("council"), "ent-council", "reportedly.ner.spacy.v1"
        ),
        Mention(
            "m-barker",
            article_id,
            "PERSON",
            s("Helen Barker"),
            "ent-barker",
            "reportedly.ner.spacy.v1",
        ),
        Mention(
            "m-reuters", article_id, "ORG", s("Reuters"), "ent-reuters", "reportedly.ner.spacy.v1"
        ),
        Mention("m-april", article_id, "DATE", s("April", 1), None, "reportedly.ner.spacy.v1"),
    )
    mentions = tuple(sorted(mentions, key=lambda m: (m.span.start, m.span.end, m.id)))
    outlet = ChainLink(name="Coastal Gazette", span=None, origin="article metadata")
    indirect = Attribution(
        id="att-1",
        article_id=article_id,
        kind="indirect",
        content=s("the bridge would close in April"),
        cue=s("said"),
        source=s("The council"),
        content_frags=(s("the bridge would close in April"),),
        source_entity_id="ent-council",
        chain=(outlet, ChainLink("The council", s("The council"), "ent-council", "text")),
        confidence=0.9,
        extractor="reportedly.attribution.indirect.v1",
    )
    direct = Attribution(
        id="att-2",
        article_id=article_id,
        kind="direct",
        content=s('"We cannot wait another winter,"'),
        cue=s("said", 1),
        source=s("Helen Barker"),
        content_frags=(s("We cannot wait"), s("another winter")),
        source_entity_id="ent-barker",
        resolved_source=s("Helen Barker"),
        parent_id="att-3",
        chain=(
            outlet,
            ChainLink("Reuters", s("Reuters"), "ent-reuters", "text", attribution_id="att-3"),
            ChainLink("Helen Barker", s("Helen Barker"), "ent-barker", "text"),
        ),
        confidence=0.75,
        extractor="reportedly.attribution.direct.v1",
    )
    according = Attribution(
        id="att-3",
        article_id=article_id,
        kind="according_to",
        content=TextSpan.of(text, text.index('"We'), text.index(", according")),
        cue=s("according to"),
        source=None,
        chain=(outlet,),
        confidence=0.5,
        extractor="reportedly.attribution.according_to.v1",
    )
    event = Event(
        id="ev-1",
        article_id=article_id,
        type="RETREAT",
        trigger=s("close", 1),
        sentence=s("The council said the bridge would close in April."),
        mode="closure",
        arguments=(
            EventArgument("actor", s("The council"), "ent-council"),
            EventArgument("recipient", s("the bridge")),
            EventArgument("location", s("Bridge")),
        ),
        date=EventDate(
            value="2024-04-01",
            span=s("April", 1),
            derivation="explicit month; year inferred from published",
            year_inferred=True,
            confidence=0.6,
        ),
        modality="future",
        claimed_by="att-1",
        chain=(
            ChainLink("Example Times", None, "ent-times", "article metadata"),
            ChainLink("The council", s("The council"), "ent-council", "text", "att-1"),
        ),
        confidence=0.8,
        extractor="reportedly.events.plover.v1",
    )
    attributions = tuple(
        sorted((indirect, direct, according), key=lambda a: (a.content.start, a.id))
    )
    return Analysis(
        article=article,
        mentions=mentions,
        attributions=attributions,
        entities=tuple(sorted((council, barker, reuters), key=lambda e: e.id)),
        events=(event,),
        run_id=None,
    )


@pytest.fixture
def sample_analysis() -> Analysis:
    """A hand-built Analysis with dates, chains, nested attributions and an event."""
    return build_analysis()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="Rewrite tests/golden/*.json from the current output instead of comparing.",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True under ``pytest --update-golden``."""
    return bool(request.config.getoption("--update-golden"))
