"""Throughput and memory benchmark: reportedly next to the libraries it is built on.

Everything is measured in ONE run, on the same machine and the same inputs, and printed
as a table on stdout (progress goes to stderr):

1. Extraction of the 80 pages of ``<shared>/data/extraction-dev/html``: trafilatura alone
   (``bare_extraction`` with the options ``reportedly.extract.html`` passes) and reportedly's
   extraction stage (decode, trafilatura, normalisation, language id), docs/s.
2. Parsing, on the texts that extraction yields (the English ones: the others skip the NLP
   stage) and on the 84 texts of ``<shared>/data/attribution-dev/polnear-dev.jsonl``:
   raw spaCy (``spacy.load`` of the model ``find_model()`` returns, ``nlp.pipe``) docs/s and
   words/s; then reportedly's pipeline with component subsets (``nlp.select_pipes``):
   + attribution, and + all three (attribution, entities, events). In the "all" run, clock
   components between reportedly's components time each of them, so their share of the
   spaCy model's time comes from one run.
3. End to end, in process: ``reportedly.analyze.analyze`` + ``open_store(...).save`` into a
   fresh SQLite file, docs/s, and the ratio ours / raw, where raw is trafilatura + raw spaCy
   for the HTML pages and raw spaCy for the given PolNeAR texts.
4. Peak memory: ``reportedly analyze`` (the CLI, storing to a fresh database) on 100 and on
   1,000 JSONL documents, in fresh subprocesses run side by side; the peak RSS of each
   (``VmHWM`` of ``/proc/<pid>/status``, polled: the rusage ``ru_maxrss`` of a child also
   counts the memory of this process, which the child is forked from) and the growth. The
   documents are the PolNeAR texts repeated, with distinct URLs (hence distinct article ids,
   so all are stored) and cut to about ``DOC_CHARS`` characters so 1,000 fit the time budget.
5. Workers: ``reportedly analyze --workers 2`` vs ``--workers 1`` (CLI, ``--no-store``) on
   200 of those documents: the wall-clock ratio, and the ratio after subtracting the startup
   (imports, model loads, worker spawns) measured on ``batch_size + 1`` one-line documents,
   enough for two partitions, so that both workers start.

Seconds are wall clock (``time.perf_counter``) and CPU (``time.process_time``; for children,
the rusage of the child and its workers). The ratios and shares are computed from CPU time,
which other processes on a shared machine barely disturb; the wall-clock ratio is printed
beside each. Words are whitespace-separated (``len(text.split())``). Each timing follows a
warm-up; model loads are excluded except in step 5. Errors that reportedly logs while being
timed are counted. Subprocesses run in the temporary directory with ``REPORTEDLY_*``
variables removed (default settings throughout); inputs are written there only.

Run (5 to 10 minutes on 2 cores; ``--quick`` is a smoke run of a minute or two):

    make bench                      # .venv/bin/python bench/throughput.py --shared ../shared
    .venv/bin/python bench/throughput.py --quick --json /tmp/bench.json

The exit code is 0 whether or not the aims are met: this is a benchmark, not a gate.
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from resource import struct_rusage

    from spacy.language import Language
    from spacy.tokens import Doc

    from reportedly.models import Article

REPO = Path(__file__).resolve().parent.parent
HTML_GLOB = "data/extraction-dev/html/*.html.gz"
POLNEAR = "data/attribution-dev/polnear-dev.jsonl"
DOC_CHARS = 1500  # memory/workers documents are cut to about this: 1,000 fit in ~2 minutes
WARMUP_DOCS = 2  # parsed before each timing: the first batch pays one-off allocations
POLL_SECONDS = 0.1  # how often a child's peak RSS is read
REPORTEDLY_PIPES = ("reportedly_attribution", "reportedly_entities", "reportedly_events")
CLOCK_FACTORY = "reportedly_bench_clock"
CLOCK_KEY = "reportedly_bench_clock"  # doc.user_data: (wall, cpu) when the last clock saw it

AIM_END_TO_END = 0.85  # ours / raw throughput, i.e. at most 15% overhead
AIM_ATTRIBUTION = 0.10  # attribution's time as a share of the parse (spaCy model) time
AIM_ENTITIES_EVENTS = 0.15  # entities + events, as a share of the parse time
AIM_MEMORY_GROWTH_MB = 50.0  # peak RSS growth from the small to the large run: streaming
AIM_WORKERS = 1.7  # speed-up of 2 workers over 1 on 2 cores


@dataclass(frozen=True, slots=True)
class Plan:
    """How many documents each part uses."""

    pages: int | None  # HTML pages (None: all)
    texts: int | None  # PolNeAR texts (None: all)
    memory_docs: tuple[int, int]
    worker_docs: int


FULL = Plan(pages=None, texts=None, memory_docs=(100, 1000), worker_docs=200)
QUICK = Plan(pages=12, texts=12, memory_docs=(20, 100), worker_docs=40)


@dataclass(slots=True)
class Measure:
    """What a ``measuring()`` block took: wall and CPU seconds, errors reportedly logged."""

    wall: float = 0.0
    cpu: float = 0.0
    errors: int = 0


@dataclass(frozen=True, slots=True)
class Timing:
    """One timed stage (rows named "of which" are parts of the row above)."""

    name: str
    docs: int
    seconds: float
    cpu_seconds: float
    words: int | None = None
    errors: int = 0

    @classmethod
    def of(cls, name: str, docs: int, measure: Measure, words: int | None = None) -> Timing:
        return cls(name, docs, measure.wall, measure.cpu, words, measure.errors)

    @property
    def docs_per_s(self) -> float:
        return self.docs / self.seconds if self.seconds > 0 else 0.0

    @property
    def words_per_s(self) -> float | None:
        return self.words / self.seconds if self.words and self.seconds > 0 else None


@dataclass(frozen=True, slots=True)
class Check:
    """A figure next to its aim (``wall``: the same figure from wall-clock time)."""

    name: str
    value: float | None
    aim: float
    higher_is_better: bool
    unit: str = ""
    wall: float | None = None

    @property
    def passed(self) -> bool | None:
        if self.value is None:
            return None
        return self.value >= self.aim if self.higher_is_better else self.value <= self.aim


@dataclass(frozen=True, slots=True)
class Corpus:
    """One input set: what ``analyze`` is given, and the articles its NLP stage parses."""

    name: str
    spec: str
    input_format: str
    articles: list[Article]


@dataclass(slots=True)
class Report:
    """All figures of a run (written with ``--json``)."""

    machine: dict[str, Any]
    corpora: dict[str, dict[str, int]] = field(default_factory=dict)
    timings: list[Timing] = field(default_factory=list)
    memory: dict[str, Any] = field(default_factory=dict)
    workers: dict[str, Any] = field(default_factory=dict)
    checks: list[Check] = field(default_factory=list)

    def add(self, timing: Timing) -> Timing:
        self.timings.append(timing)
        errors = f" ({timing.errors} errors logged)" if timing.errors else ""
        say(f"  {timing.name}: {timing.docs} docs in {timing.seconds:.1f}s{errors}")
        return timing

    def find(self, name: str) -> Timing:
        return next(t for t in self.timings if t.name == name)


def say(message: str) -> None:
    """Progress on stderr (stdout is for the table)."""
    print(message, file=sys.stderr, flush=True)


def words_of(texts: Iterable[str]) -> int:
    return sum(len(t.split()) for t in texts)


class _ErrorCounter(logging.Handler):
    def __init__(self, measure: Measure) -> None:
        super().__init__(logging.ERROR)
        self.measure = measure

    def emit(self, record: logging.LogRecord) -> None:
        self.measure.errors += 1


@contextmanager
def measuring() -> Iterator[Measure]:
    """Wall and CPU time of the block, and the errors logged under ``reportedly`` (not shown)."""
    measure, logger = Measure(), logging.getLogger("reportedly")
    counter = _ErrorCounter(measure)
    logger.addHandler(counter)
    wall, cpu = time.perf_counter(), time.process_time()
    try:
        yield measure
    finally:
        measure.wall, measure.cpu = time.perf_counter() - wall, time.process_time() - cpu
        logger.removeHandler(counter)


# --- inputs ---------------------------------------------------------------------------------


def default_shared() -> Path:
    return Path(os.environ.get("REPORTEDLY_SHARED") or REPO.parent / "shared")


def read_pages(shared: Path, limit: int | None) -> dict[str, str]:
    """The extraction-dev pages, ``{item_id: html}``, sorted by id."""
    paths = sorted(shared.glob(HTML_GLOB))[:limit]
    if not paths:
        sys.exit(f"no pages match {shared / HTML_GLOB}")
    return {
        p.name.removesuffix(".html.gz"): gzip.decompress(p.read_bytes()).decode() for p in paths
    }


def read_polnear(shared: Path, limit: int | None) -> list[dict[str, str]]:
    """The PolNeAR-dev records as ``{"id", "text"}`` (the gold annotations dropped)."""
    path = shared / POLNEAR
    if not path.is_file():
        sys.exit(f"missing {path}")
    with path.open(encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    return [{"id": r["id"], "text": r["text"]} for r in records[:limit]]


def write_pages(pages: dict[str, str], folder: Path) -> Path:
    folder.mkdir()
    for item_id, html in pages.items():
        (folder / f"{item_id}.html").write_text(html, encoding="utf-8")
    return folder


def write_jsonl(records: Iterable[dict[str, str]], path: Path) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for record in records:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def cut(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, at a paragraph or word end when possible."""
    if len(text) <= limit:
        return text
    for sep in ("\n\n", " "):
        end = text.rfind(sep, 0, limit)
        if end > limit // 2:
            return text[:end]
    return text[:limit]


def repeated(records: list[dict[str, str]], count: int) -> Iterator[dict[str, str]]:
    """``count`` records cycling over ``records``; the URL makes each article id distinct.

    (The JSONL ``id`` alone would not: an article's id hashes its URL, else its text.)
    """
    for n in range(count):
        record, rep = records[n % len(records)], n // len(records)
        yield {
            "id": f"{record['id']}#{rep}",
            "url": f"https://bench.invalid/{rep}/{record['id']}",
            "text": cut(record["text"], DOC_CHARS),
        }


def one_liners(count: int) -> Iterator[dict[str, str]]:
    """``count`` distinct one-sentence documents: startup cost with next to no parsing."""
    for n in range(count):
        yield {"id": f"startup-{n}", "text": f"Police said road {n} was closed."}


# --- in-process stages ----------------------------------------------------------------------


def time_trafilatura(pages: dict[str, str]) -> Timing:
    """trafilatura alone, with the options reportedly's HTML extractor passes."""
    import trafilatura

    with measuring() as took:
        for html in pages.values():
            trafilatura.bare_extraction(
                html,
                with_metadata=True,
                include_comments=False,
                include_tables=True,
                deduplicate=False,
            )
    return Timing.of("trafilatura alone (html)", len(pages), took)


def extract_corpus(name: str, spec: str, input_format: str, report: Report) -> Corpus:
    """reportedly's extraction stage over ``spec``, timed; keeps the articles the NLP stage parses."""
    from reportedly.analyze import extract_all, needs_nlp
    from reportedly.ingest import iter_inputs
    from reportedly.models import Article
    from reportedly.settings import Settings

    settings = Settings()
    with measuring() as took:
        raws = iter_inputs([spec], settings, input_format=input_format)
        items = list(extract_all(raws, settings, None))
    articles = [a for a in items if isinstance(a, Article)]
    words = words_of(a.text for a in articles)
    report.add(Timing.of(f"our extraction ({name})", len(items), took, words))
    parsed = [a for a in articles if needs_nlp(a, settings)]
    report.corpora[name] = {"inputs": len(items), "extracted": len(articles), "parsed": len(parsed)}
    return Corpus(name, spec, input_format, parsed)


def context_docs(nlp: Language, articles: list[Article]) -> Iterator[Doc]:
    """Docs as ``analyze`` builds them: ``make_doc`` plus the article context."""
    from reportedly.analyze import article_context
    from reportedly.nlp.context import set_context

    for article in articles:
        yield set_context(nlp.make_doc(article.text), article_context(article))


def run_pipe(nlp: Language, articles: list[Article], *, with_context: bool) -> None:
    """``nlp.pipe`` over the articles' texts, batch size as in Settings; the Docs are dropped."""
    from reportedly.settings import Settings

    texts = context_docs(nlp, articles) if with_context else (a.text for a in articles)
    for _ in nlp.pipe(texts, batch_size=Settings().batch_size):
        pass


def time_pipe(
    name: str, nlp: Language, articles: list[Article], *, with_context: bool, warm_up: bool = True
) -> Timing:
    """``run_pipe`` timed, after a warm-up on a few of the articles (unless ``warm_up`` is off)."""
    if warm_up:
        run_pipe(nlp, articles[:WARMUP_DOCS], with_context=with_context)
    with measuring() as took:
        run_pipe(nlp, articles, with_context=with_context)
    return Timing.of(name, len(articles), took, words_of(a.text for a in articles))


class StageClock:
    """A pipeline component charging the time since the previous clock saw a Doc to ``charge``.

    Components without a ``pipe`` method take one Doc at a time through chained generators,
    so the time between two clocks is the time of the component between them.
    """

    def __init__(self, charge: str) -> None:
        self.charge = charge
        self.totals: dict[str, list[float]] = {}  # component: [wall, cpu]

    def __call__(self, doc: Doc) -> Doc:
        now = (time.perf_counter(), time.process_time())
        if self.charge:
            wall, cpu = doc.user_data[CLOCK_KEY]
            spent = self.totals.setdefault(self.charge, [0.0, 0.0])
            spent[0] += now[0] - wall
            spent[1] += now[1] - cpu
        doc.user_data[CLOCK_KEY] = now
        return doc


def _make_clock(nlp: Language, name: str, charge: str) -> StageClock:
    return StageClock(charge)


@contextmanager
def stage_clocks(nlp: Language) -> Iterator[dict[str, list[float]]]:
    """Clocks around each of reportedly's components; yields ``{component: [wall, cpu]}``."""
    from spacy.language import Language

    if not Language.has_factory(CLOCK_FACTORY):
        Language.factory(CLOCK_FACTORY, default_config={"charge": ""}, func=_make_clock)
    ours = [p for p in nlp.pipe_names if p in REPORTEDLY_PIPES]
    totals = {p: [0.0, 0.0] for p in ours}
    names = [f"{CLOCK_FACTORY}_{i}" for i in range(len(ours) + 1)]
    for i, pipe in enumerate(ours):
        config = {"charge": ours[i - 1] if i else ""}
        nlp.add_pipe(CLOCK_FACTORY, name=names[i], before=pipe, config=config)
    nlp.add_pipe(CLOCK_FACTORY, name=names[-1], last=True, config={"charge": ours[-1]})
    for name in names:
        nlp.get_pipe(name).totals = totals  # type: ignore[attr-defined]
    try:
        yield totals
    finally:
        for name in names:
            nlp.remove_pipe(name)


def time_subsets(nlp: Language, corpus: Corpus, report: Report) -> None:
    """reportedly's pipeline with attribution only, then with all of its components (clocked)."""
    name, articles = corpus.name, corpus.articles
    keep = "reportedly_attribution"
    with nlp.select_pipes(
        disable=[p for p in nlp.pipe_names if p in REPORTEDLY_PIPES and p != keep]
    ):
        report.add(time_pipe(f"pipeline + attribution ({name})", nlp, articles, with_context=True))
    run_pipe(nlp, articles[:WARMUP_DOCS], with_context=True)  # not charged to the clocks
    with stage_clocks(nlp) as totals:
        every = time_pipe(
            f"pipeline + all ({name})", nlp, articles, with_context=True, warm_up=False
        )
        report.add(every)
    model = Measure(
        every.seconds - sum(w for w, _ in totals.values()),
        every.cpu_seconds - sum(c for _, c in totals.values()),
    )
    report.add(Timing.of(f"  of which spaCy model ({name})", every.docs, model, every.words))
    for pipe, (wall, cpu) in totals.items():
        label = f"  of which {pipe.removeprefix('reportedly_')} ({name})"
        report.add(Timing.of(label, every.docs, Measure(wall, cpu), every.words))


def time_end_to_end(corpus: Corpus, db_path: Path) -> Timing:
    """``analyze`` + ``store.save`` (as the CLI does, with a Run row) into a fresh database."""
    from reportedly.analyze import analyze, make_run
    from reportedly.models import Analysis
    from reportedly.settings import Settings
    from reportedly.store import open_store

    settings = Settings(db_path=str(db_path))
    docs = 0
    with measuring() as took, open_store(settings.db_path) as store:
        run = make_run(settings)
        store.begin_run(run, settings.config_dict())
        results = analyze(
            [corpus.spec],
            settings=settings,
            input_format=corpus.input_format,
            is_stored=store.has_article,
            run_id=run.id,
        )
        for result in results:
            docs += 1
            if isinstance(result, Analysis):
                store.save(result)
    words = words_of(a.text for a in corpus.articles)
    return Timing.of(f"end to end, stored ({corpus.name})", docs, took, words)


def load_models() -> tuple[Language, Language, float, float]:
    """The bare model and reportedly's pipeline, with their load times."""
    import spacy

    from reportedly.nlp.pipeline import find_model, load_pipeline
    from reportedly.settings import Settings

    settings = Settings()
    start = time.perf_counter()
    raw = spacy.load(find_model(settings.model))
    raw_seconds = time.perf_counter() - start
    start = time.perf_counter()
    # As analyze calls it today (cached per arguments); warm_up_analyze covers any other call.
    ours = load_pipeline(settings.model, gazetteer_path=settings.gazetteer_path)
    return raw, ours, raw_seconds, time.perf_counter() - start


def warm_up_analyze(tmp: Path) -> None:
    """One untimed ``analyze`` call, so the pipeline it uses is loaded before it is timed."""
    from reportedly.analyze import analyze

    for _ in analyze([str(write_jsonl(one_liners(1), tmp / "warm.jsonl"))], input_format="jsonl"):
        pass


def run_in_process(corpora: list[Corpus], pages: dict[str, str], tmp: Path, report: Report) -> None:
    """Steps 1 to 3: trafilatura, raw spaCy, component subsets and end to end, per corpus."""
    say("loading models")
    raw_nlp, our_nlp, raw_load, our_load = load_models()
    report.machine.update(raw_load_s=raw_load, pipeline_load_s=our_load)
    say("trafilatura alone")
    report.add(time_trafilatura(pages))
    for corpus in corpora:
        say(f"parsing {len(corpus.articles)} {corpus.name} texts")
        name = f"raw spaCy ({corpus.name})"
        report.add(time_pipe(name, raw_nlp, corpus.articles, with_context=False))
        time_subsets(our_nlp, corpus, report)
    warm_up_analyze(tmp)
    for corpus in corpora:
        say(f"end to end on {corpus.name}")
        report.add(time_end_to_end(corpus, tmp / f"e2e-{corpus.name}.db"))


# --- subprocesses ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Child:
    """A running CLI subprocess."""

    proc: subprocess.Popen[bytes]
    args: list[str]
    started: float
    log: Path


@dataclass(frozen=True, slots=True)
class ChildResult:
    seconds: float
    cpu_seconds: float  # the child's and its reaped workers' user + system time
    peak_rss_mb: float | None
    returncode: int
    errors: int  # ERROR lines on its stderr


def analyze_command(path: Path, *options: str) -> list[str]:
    """``reportedly -q analyze`` of a JSONL file, with the console script next to this Python."""
    script = Path(sys.executable).parent / "reportedly"
    head = [str(script)] if script.exists() else [sys.executable, "-m", "reportedly"]
    return [
        *head,
        "-q",
        "analyze",
        "--input-format",
        "jsonl",
        str(path),
        "--format",
        "jsonl",
        *options,
    ]


def start_child(args: list[str], cwd: Path, log: Path) -> Child:
    env = {k: v for k, v in os.environ.items() if not k.startswith("REPORTEDLY_")}
    with log.open("wb") as err:
        proc = subprocess.Popen(args, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=err)
    return Child(proc, args, time.perf_counter(), log)


def read_peak_rss_mb(pid: int) -> float | None:
    """``VmHWM`` (peak resident set) of a live process, in MB (None once it has exited)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return None


def finish(child: Child, status: int, usage: struct_rusage, peak: float | None) -> ChildResult:
    """Collect an exited child (``status`` and ``usage`` from ``os.wait4``)."""
    seconds = time.perf_counter() - child.started
    child.proc.returncode = code = os.waitstatus_to_exitcode(status)
    text = child.log.read_text(errors="replace")
    if code != 0:
        say(f"  warning: {' '.join(child.args)} exited {code}:\n{text[-2000:]}")
    errors = sum(line.startswith("ERROR") for line in text.splitlines())
    return ChildResult(seconds, usage.ru_utime + usage.ru_stime, peak, code, errors)


def wait_children(children: list[Child]) -> list[ChildResult]:
    """Wait for all ``children``, polling each one's peak RSS until it exits."""
    peaks: list[float | None] = [None] * len(children)
    results: list[ChildResult | None] = [None] * len(children)
    while any(r is None for r in results):
        for i, child in enumerate(children):
            if results[i] is None:
                peaks[i] = read_peak_rss_mb(child.proc.pid) or peaks[i]
                pid, status, usage = os.wait4(child.proc.pid, os.WNOHANG)
                if pid:
                    results[i] = finish(child, status, usage, peaks[i])
        time.sleep(POLL_SECONDS)
    return [r for r in results if r is not None]


def measure_memory(
    records: list[dict[str, str]], sizes: tuple[int, int], tmp: Path
) -> dict[str, Any]:
    """Peak RSS of ``reportedly analyze`` (storing) on the small and the large input, side by side."""
    children = []
    for size in sizes:
        path = write_jsonl(repeated(records, size), tmp / f"memory-{size}.jsonl")
        args = analyze_command(path, "--db", str(tmp / f"memory-{size}.db"))
        children.append(start_child(args, tmp, tmp / f"memory-{size}.log"))
    say(f"  {' and '.join(map(str, sizes))} docs, side by side")
    small, large = wait_children(children)
    growth = None
    if small.peak_rss_mb is not None and large.peak_rss_mb is not None:
        growth = large.peak_rss_mb - small.peak_rss_mb
    return {
        "docs": list(sizes),
        "doc_chars": DOC_CHARS,
        "peak_rss_mb": [small.peak_rss_mb, large.peak_rss_mb],
        "seconds": [small.seconds, large.seconds],
        "growth_mb": growth,
        "errors": small.errors + large.errors,
    }


def measure_workers(records: list[dict[str, str]], docs: int, tmp: Path) -> dict[str, Any]:
    """``--workers 1`` and ``--workers 2`` on ``docs`` documents and on the startup input."""
    from reportedly.settings import Settings

    startup = Settings().batch_size + 1  # two partitions: both workers start
    inputs = {
        "startup": write_jsonl(one_liners(startup), tmp / "workers-startup.jsonl"),
        "docs": write_jsonl(repeated(records, docs), tmp / f"workers-{docs}.jsonl"),
    }
    runs: dict[str, dict[str, float]] = {}
    errors = 0
    for kind, path in inputs.items():
        for workers in (1, 2):
            args = analyze_command(path, "--no-store", "--workers", str(workers))
            (result,) = wait_children([start_child(args, tmp, tmp / f"w{workers}-{kind}.log")])
            runs[f"w{workers}_{kind}"] = {
                "seconds": result.seconds,
                "cpu_seconds": result.cpu_seconds,
            }
            errors += result.errors
            say(
                f"  --workers {workers}, {kind}: {result.seconds:.1f}s (CPU {result.cpu_seconds:.1f}s)"
            )
    return {"docs": docs, "startup_docs": startup, "runs": runs, "errors": errors}


# --- checks and report ----------------------------------------------------------------------


PIPELINE_CHECKS = (  # (figure, aim, higher is better, unit), in pipeline_figures' order
    ("end to end / (trafilatura + raw spaCy), html", AIM_END_TO_END, True, ""),
    ("end to end / raw spaCy, polnear (given text)", AIM_END_TO_END, True, ""),
    ("end to end / raw, both corpora", AIM_END_TO_END, True, ""),
    ("attribution overhead, subset run vs raw spaCy", AIM_ATTRIBUTION, False, "%"),
    ("attribution / spaCy model, same run", AIM_ATTRIBUTION, False, "%"),
    ("entities + events / spaCy model, same run", AIM_ENTITIES_EVENTS, False, "%"),
    ("spaCy model / pipeline + all, same run", AIM_END_TO_END, True, ""),
)


def pipeline_figures(report: Report, *, cpu: bool) -> list[float]:
    """The figures of ``PIPELINE_CHECKS`` from CPU (or wall-clock) seconds."""

    def s(stage: str, *corpora: str) -> float:
        rows = [report.find(f"{stage} ({c})") for c in corpora or ("html", "polnear")]
        return sum(t.cpu_seconds if cpu else t.seconds for t in rows)

    traf, model = s("trafilatura alone", "html"), s("  of which spaCy model")
    return [
        (traf + s("raw spaCy", "html")) / s("end to end, stored", "html"),
        s("raw spaCy", "polnear") / s("end to end, stored", "polnear"),
        (traf + s("raw spaCy")) / s("end to end, stored"),
        s("pipeline + attribution") / s("raw spaCy") - 1,
        s("  of which attribution") / model,
        (s("  of which entities") + s("  of which events")) / model,
        model / s("pipeline + all"),
    ]


def pipeline_checks(report: Report) -> list[Check]:
    """End-to-end ratios and component shares: the value from CPU time, wall clock beside it."""
    cpu, wall = pipeline_figures(report, cpu=True), pipeline_figures(report, cpu=False)
    return [
        Check(name, c, aim, higher, unit, wall=w)
        for (name, aim, higher, unit), c, w in zip(PIPELINE_CHECKS, cpu, wall, strict=True)
    ]


def child_checks(memory: dict[str, Any], workers: dict[str, Any]) -> list[Check]:
    """Memory growth and the workers' speed-up (wall clock: it is about using both cores)."""
    small, large = memory["docs"]
    runs = {k: v["seconds"] for k, v in workers["runs"].items()}
    t1, t2 = runs["w1_docs"], runs["w2_docs"]
    net1, net2 = t1 - runs["w1_startup"], t2 - runs["w2_startup"]
    return [
        Check(
            f"peak RSS growth, {small} -> {large} docs",
            memory["growth_mb"],
            AIM_MEMORY_GROWTH_MB,
            False,
            " MB",
        ),
        Check(f"workers 2 / 1 speed-up ({workers['docs']} docs, wall)", t1 / t2, AIM_WORKERS, True),
        Check(
            "workers 2 / 1 speed-up, startup excluded (wall)",
            net1 / net2 if net1 > 0 and net2 > 0 else None,
            AIM_WORKERS,
            True,
        ),
    ]


def fmt(value: float | None, spec: str) -> str:
    return "-" if value is None else format(value, spec)


def print_timings(timings: list[Timing]) -> None:
    print(
        f"{'stage':<42} {'docs':>5} {'words':>7} {'wall s':>7} {'CPU s':>7} {'docs/s':>7} "
        f"{'words/s':>7} {'errors':>6}"
    )
    for t in timings:
        print(
            f"{t.name:<42} {t.docs:>5} {fmt(t.words, 'd'):>7} {t.seconds:>7.2f} {t.cpu_seconds:>7.2f} "
            f"{t.docs_per_s:>7.2f} {fmt(t.words_per_s, '.0f'):>7} {t.errors or '':>6}"
        )


def print_checks(checks: list[Check]) -> None:
    print(
        f"\n{'figure (from CPU time; wall clock beside)':<50} {'value':>9} {'wall':>9} {'aim':>10}  result"
    )
    for c in checks:
        scale = 100 if c.unit == "%" else 1
        value, wall = (
            fmt(None if v is None else v * scale, ".2f") + c.unit for v in (c.value, c.wall)
        )
        if c.wall is None:
            wall = ""
        aim = (">= " if c.higher_is_better else "<= ") + f"{c.aim * scale:g}{c.unit}"
        verdict = {True: "PASS", False: "MISS", None: "n/a"}[c.passed]
        print(f"{c.name:<50} {value:>9} {wall:>9} {aim:>10}  {verdict}")


def print_children(memory: dict[str, Any], workers: dict[str, Any]) -> None:
    runs = zip(memory["docs"], memory["peak_rss_mb"], memory["seconds"], strict=True)
    print(
        f"\npeak RSS, CLI analyze storing, side by side (docs cut to ~{memory['doc_chars']} chars): "
        + ", ".join(f"{n} docs {fmt(rss, '.0f')} MB ({s:.0f}s)" for n, rss, s in runs)
    )
    print(
        f"workers, CLI --no-store: {workers['docs']} docs / startup ({workers['startup_docs']} one-liners):"
    )
    for w in (1, 2):
        docs, start = workers["runs"][f"w{w}_docs"], workers["runs"][f"w{w}_startup"]
        print(
            f"  --workers {w}: {docs['seconds']:.1f}s wall, {docs['cpu_seconds']:.1f}s CPU "
            f"({docs['cpu_seconds'] / docs['seconds']:.2f} cores busy); startup {start['seconds']:.1f}s"
        )
    if memory["errors"] + workers["errors"]:
        print(f"the CLI runs logged {memory['errors'] + workers['errors']} ERROR lines on stderr")


def print_report(report: Report, quick: bool) -> None:
    m = report.machine
    print(
        f"\nreportedly throughput ({'QUICK smoke run: indicative only' if quick else 'full run'})"
    )
    print(
        f"{m['cpus']} CPUs, load average {m['load_before']} before / {m['load_after']} after; "
        f"model {m['model']}; spaCy {m['spacy']}; trafilatura {m['trafilatura']}"
    )
    print(
        f"model load: raw spaCy {m['raw_load_s']:.1f}s, reportedly pipeline {m['pipeline_load_s']:.1f}s"
    )
    print(
        "inputs: "
        + "; ".join(
            f"{name} {c['inputs']} in, {c['extracted']} extracted, {c['parsed']} parsed"
            for name, c in report.corpora.items()
        )
        + "\n"
    )
    print_timings(report.timings)
    print_children(report.memory, report.workers)
    errors = sum(t.errors for t in report.timings)
    if errors:
        print(
            f"\nWARNING: reportedly logged {errors} errors while being timed: "
            "these figures describe a partly failing pipeline"
        )
    print_checks(report.checks)


def machine_info() -> dict[str, Any]:
    from importlib.metadata import version

    from reportedly.nlp.pipeline import find_model

    return {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "spacy": version("spacy"),
        "trafilatura": version("trafilatura"),
        "model": find_model(),
        "load_before": " ".join(f"{x:.1f}" for x in os.getloadavg()),
    }


def to_json(report: Report) -> dict[str, Any]:
    data = asdict(report)
    data["timings"] = [
        {**asdict(t), "docs_per_s": t.docs_per_s, "words_per_s": t.words_per_s}
        for t in report.timings
    ]
    data["checks"] = [{**asdict(c), "passed": c.passed} for c in report.checks]
    return data


# --- main -----------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument(
        "--shared",
        type=Path,
        default=default_shared(),
        help="the folder holding data/ (default: $REPORTEDLY_SHARED or ../shared)",
    )
    parser.add_argument("--quick", action="store_true", help="fewer documents: a smoke run")
    parser.add_argument("--json", type=Path, metavar="OUT", help="also write the figures to OUT")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    plan = QUICK if args.quick else FULL
    report = Report(machine=machine_info())
    with tempfile.TemporaryDirectory(prefix="reportedly-bench-") as name:
        tmp = Path(name)
        pages = read_pages(args.shared, plan.pages)
        records = read_polnear(args.shared, plan.texts)
        say(f"extracting {len(pages)} pages and {len(records)} PolNeAR texts")
        html = write_pages(pages, tmp / "html")
        polnear = write_jsonl(records, tmp / "polnear.jsonl")
        corpora = [
            extract_corpus("html", str(html), "html", report),
            extract_corpus("polnear", str(polnear), "jsonl", report),
        ]
        run_in_process(corpora, pages, tmp, report)
        say("peak memory (subprocesses)")
        report.memory = measure_memory(records, plan.memory_docs, tmp)
        say("workers (subprocesses)")
        report.workers = measure_workers(records, plan.worker_docs, tmp)
    report.machine["load_after"] = " ".join(f"{x:.1f}" for x in os.getloadavg())
    report.checks = pipeline_checks(report) + child_checks(report.memory, report.workers)
    print_report(report, args.quick)
    if args.json:
        args.json.write_text(json.dumps(to_json(report), indent=2) + "\n", encoding="utf-8")
        say(f"figures written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
