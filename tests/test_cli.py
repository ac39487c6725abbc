"""The command line through CliRunner, on real SQLite files in tmp_path.

Tests marked ``model`` run the spaCy pipeline; one analysed database is built per module
(``analysed``) and copied (SQLite backup) by the tests that change it.
"""

from __future__ import annotations

import gzip
import json
import logging
import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from reportedly import __version__
from reportedly.cli import cli
from reportedly.models import make_id
from reportedly.store import open_store

TITLE_1 = "Harbour bridge to close for repairs"
TITLE_2 = "Orchard growers report record apple harvest"


@pytest.fixture(autouse=True)
def restore_logging() -> Iterator[None]:
    """The CLI points the ``reportedly`` logger at CliRunner's stderr; undo that after each test."""
    logger = logging.getLogger("reportedly")
    handlers, level = logger.handlers[:], logger.level
    yield
    logger.handlers[:] = handlers
    logger.setLevel(level)


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def table_counts(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(db)
    try:
        names = [
            n
            for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if not n.startswith(("_", "sqlite_", "articles_fts"))
        ]
        return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
    finally:
        conn.close()


def copy_db(src: Path, dst: Path) -> Path:
    with sqlite3.connect(src) as a, sqlite3.connect(dst) as b:
        a.backup(b)
    a.close()
    b.close()
    return dst


def check_spans(record: dict[str, Any]) -> int:
    """Assert every span pair of a record slices the text beside it; return how many were checked."""
    text = record["article"]["text"]
    checked = 0
    for a in record["attributions"]:
        for key in ("cue", "source", "content", "resolved_source"):
            if a[key] is not None:
                assert text[a[key][0] : a[key][1]] == a[f"{key}_text"]
                checked += 1
    for m in record["mentions"]:
        assert text[m["span"][0] : m["span"][1]] == m["text"]
        checked += 1
    for e in record["events"]:
        assert text[e["trigger"][0] : e["trigger"][1]] == e["trigger_text"]
        checked += 1
    return checked


@dataclass
class Analysed:
    db: Path
    result: Result
    records: list[dict[str, Any]]


@pytest.fixture(scope="module")
def analysed(tmp_path_factory: pytest.TempPathFactory, data_dir: Path) -> Analysed:
    """Two HTML pages analysed into one database, output as a JSON array."""
    db = tmp_path_factory.mktemp("cli") / "shared.db"
    result = run(
        "analyze",
        data_dir / "article.html",
        data_dir / "article2.html",
        "--db",
        db,
        "--format",
        "json",
    )
    return Analysed(db=db, result=result, records=json.loads(result.stdout))


# --- no model needed ------------------------------------------------------------------------


def test_version_and_help() -> None:
    assert run("--version").stdout.strip() == f"reportedly, version {__version__}"
    result = run("--help")
    assert result.exit_code == 0
    for command in ("analyze", "list", "show", "search", "eval"):
        assert f"  {command}" in result.stdout


def test_unknown_input_format_is_a_usage_error(data_dir: Path) -> None:
    result = CliRunner().invoke(
        cli, ["analyze", str(data_dir / "article.html"), "--input-format", "pdf"]
    )
    assert result.exit_code == 2
    assert "Invalid value for '--input-format'" in result.stderr


def test_bad_config_file(tmp_path: Path, data_dir: Path) -> None:
    config = tmp_path / "bad.toml"
    config.write_text("[reportedly]\nmax_bytes = 'many'\n", encoding="utf-8")
    result = run("analyze", data_dir / "article.html", "--config", config, "--no-store")
    assert result.exit_code == 1
    assert "setting max_bytes: invalid value 'many'" in result.stderr


def test_missing_model_fails_cleanly(tmp_path: Path, data_dir: Path) -> None:
    result = run(
        "analyze",
        data_dir / "article.html",
        "--model",
        "no_such_model_pkg",
        "--db",
        tmp_path / "m.db",
    )
    assert result.exit_code == 1
    assert "cannot load spaCy model 'no_such_model_pkg'" in result.stderr


def test_browsing_a_missing_database(tmp_path: Path) -> None:
    db = tmp_path / "none.db"
    for args in (["list"], ["show", "abc"], ["search", "bridge"]):
        result = run(*args, "--db", db)
        assert result.exit_code == 1
        assert f"{db}: database does not exist" in result.stderr
    assert not db.exists()


def test_url_is_refused_by_default(http_server: str, tmp_path: Path) -> None:
    url = f"{http_server}/article"
    result = run("analyze", url, "--db", tmp_path / "u.db", "--format", "jsonl")
    assert result.exit_code == 1
    assert f"error: {url}: refusing to fetch non-public address 127.0.0.1" in result.stderr
    (line,) = result.stdout.splitlines()
    assert json.loads(line)["id"] is None
    assert table_counts(tmp_path / "u.db")["articles"] == 0


def _extraction_folder(root: Path, data_dir: Path) -> Path:
    (root / "html").mkdir(parents=True)
    truth = {}
    gold = {
        "p1": ("article.html", "The harbour bridge in Portvale will close for six weeks"),
        "p2": ("article2.html", "Apple growers in the Tamsin valley picked more fruit"),
    }
    for item, (name, start) in gold.items():
        page = (data_dir / name).read_bytes()
        (root / "html" / f"{item}.html.gz").write_bytes(gzip.compress(page))
        truth[item] = {"articleBody": start, "url": f"https://example.org/{item}"}
    (root / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    return root


def test_eval_extraction(tmp_path: Path, data_dir: Path) -> None:
    folder = _extraction_folder(tmp_path / "gold", data_dir)
    result = run("eval", "extraction", folder, "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["pages"] == 2
    assert report["recall"] == pytest.approx(1.0)
    assert 0 < report["precision"] < 0.5  # the gold holds only each body's first sentence
    text = run("eval", "extraction", folder)
    assert text.stdout.startswith("HTML extraction (2 pages")

    high = tmp_path / "high.json"
    high.write_text(json.dumps({"floors": {"recall": 0.99, "f1": 0.99}}), encoding="utf-8")
    failed = run("eval", "extraction", folder, "--floors", high)
    assert failed.exit_code == 1
    assert "below floor: f1: " in failed.stderr
    low = tmp_path / "low.json"
    low.write_text(json.dumps({"floors": {"recall": 0.9, "f1": 0.01}}), encoding="utf-8")
    held = run("eval", "extraction", folder, "--floors", low)
    assert held.exit_code == 0
    assert f"all floors in {low} hold" in held.stderr


# --- the model runs -------------------------------------------------------------------------


@pytest.mark.model
def test_analyze_json(analysed: Analysed, data_dir: Path) -> None:
    assert analysed.result.exit_code == 0, analysed.result.output
    first, second = analysed.records
    assert [r["article"]["title"] for r in analysed.records] == [TITLE_1, TITLE_2]
    assert first["input"] == str(data_dir / "article.html")
    assert first["id"] == first["article"]["id"] == make_id("text", first["article"]["text"])
    assert first["article"]["outlet"] == "Coastal Gazette"
    assert first["article"]["published"] == "2024-03-18"
    assert first["run_id"] and first["run_id"] == second["run_id"]
    assert first["mentions"], "spaCy NER found nothing"
    assert check_spans(first) >= len(first["mentions"])
    check_spans(second)


@pytest.mark.model
def test_analyze_stores_everything(analysed: Analysed) -> None:
    counts = table_counts(analysed.db)
    assert counts["articles"] == 2
    assert counts["runs"] == 1
    assert counts["mentions"] == sum(len(r["mentions"]) for r in analysed.records)
    assert counts["attributions"] == sum(len(r["attributions"]) for r in analysed.records)
    with open_store(analysed.db, read_only=True) as store:
        ((run_id, version),) = store.db.execute(
            "SELECT id, reportedly_version FROM runs"
        ).fetchall()
    assert (run_id, version) == (analysed.records[0]["run_id"], __version__)


@pytest.mark.model
def test_list(analysed: Analysed) -> None:
    text = run("list", "--db", analysed.db)
    assert text.exit_code == 0
    header = text.stdout.splitlines()[0].split()
    assert header == ["id", "title", "outlet", "published", "lang", "attributions", "events"]
    assert TITLE_1 in text.stdout and TITLE_2 in text.stdout
    rows = json.loads(run("list", "--db", analysed.db, "--format", "json").stdout)
    assert sorted(r["id"] for r in rows) == sorted(r["id"] for r in analysed.records)
    lines = run(
        "list", "--db", analysed.db, "--format", "jsonl", "--limit", "1"
    ).stdout.splitlines()
    assert len(lines) == 1
    csv_out = run("list", "--db", analysed.db, "--format", "csv").stdout.splitlines()
    assert csv_out[0] == "id,title,outlet,published,lang,attributions,events"
    assert len(csv_out) == 3


@pytest.mark.model
def test_show_by_id_and_prefix(analysed: Analysed) -> None:
    record = analysed.records[0]
    article_id = record["id"]
    shown = json.loads(run("show", article_id, "--db", analysed.db, "--format", "json").stdout)
    assert shown["article"] == record["article"]
    assert shown["attributions"] == record["attributions"]
    assert shown["mentions"] == record["mentions"]
    text = run("show", article_id[:6], "--db", analysed.db)
    assert text.exit_code == 0
    assert text.stdout.startswith(f"# {TITLE_1}\n")
    assert f"id: {article_id}" in text.stdout


@pytest.mark.model
def test_show_unknown(analysed: Analysed) -> None:
    result = run("show", "zzzz", "--db", analysed.db)
    assert result.exit_code == 1
    assert "zzzz: no such article (or the prefix is ambiguous)" in result.stderr


@pytest.mark.model
@pytest.mark.parametrize("query", ['"', "bridge AND", "*", "-", "apple -bridge", "NEAR(", "'"])
def test_search_odd_queries(analysed: Analysed, query: str) -> None:
    result = run("search", query, "--db", analysed.db, "--format", "json")
    assert result.exit_code == 0, result.output
    assert isinstance(json.loads(result.stdout), list)


@pytest.mark.model
def test_search(analysed: Analysed) -> None:
    rows = json.loads(run("search", "shuttle bus", "--db", analysed.db, "--format", "json").stdout)
    assert [r["title"] for r in rows] == [TITLE_1]
    assert "[shuttle]" in rows[0]["snippet"]
    rows = json.loads(run("search", "harvest", "--db", analysed.db, "--format", "json").stdout)
    assert [r["title"] for r in rows] == [TITLE_2]
    raw = json.loads(
        run("search", "appl*", "--raw", "--db", analysed.db, "--format", "json").stdout
    )
    assert [r["title"] for r in raw] == [TITLE_2]
    bad = run("search", '"unbalanced', "--raw", "--db", analysed.db)
    assert bad.exit_code == 1
    assert "bad search query" in bad.stderr


@pytest.mark.model
def test_reanalysing_stores_once(analysed: Analysed, data_dir: Path, tmp_path: Path) -> None:
    db = copy_db(analysed.db, tmp_path / "again.db")
    before = table_counts(db)
    result = run("analyze", data_dir / "article.html", "--db", db, "--format", "json")
    assert result.exit_code == 0
    article_id = analysed.records[0]["id"]
    assert f"already stored as {article_id} (use --force to recompute)" in result.stderr
    (record,) = json.loads(result.stdout)
    assert record["article"] == analysed.records[0]["article"]
    after = table_counts(db)
    assert after == before | {"runs": before["runs"] + 1}


@pytest.mark.model
def test_force_recomputes(analysed: Analysed, data_dir: Path, tmp_path: Path) -> None:
    db = copy_db(analysed.db, tmp_path / "force.db")
    before = table_counts(db)
    result = run("analyze", data_dir / "article.html", "--db", db, "--format", "json", "--force")
    assert result.exit_code == 0
    assert "already stored" not in result.stderr
    (record,) = json.loads(result.stdout)
    assert record["run_id"] != analysed.records[0]["run_id"]
    assert record["attributions"] == analysed.records[0]["attributions"]
    assert table_counts(db) == before | {"runs": before["runs"] + 1}
    shown = json.loads(run("show", record["id"], "--db", db, "--format", "json").stdout)
    assert shown["run_id"] == record["run_id"]


@pytest.mark.model
def test_no_store(data_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "never.db"
    result = run(
        "analyze", data_dir / "article2.html", "--db", db, "--no-store", "--format", "jsonl"
    )
    assert result.exit_code == 0
    (line,) = result.stdout.splitlines()
    assert json.loads(line)["article"]["title"] == TITLE_2
    assert not db.exists()


@pytest.mark.model
def test_text_output(data_dir: Path) -> None:
    result = run("analyze", data_dir / "article2.html", "--no-store")
    assert result.exit_code == 0
    assert result.stdout.startswith(f"# {TITLE_2}\n")
    assert "outlet: Valley Courier" in result.stdout
    assert f"input: {data_dir / 'article2.html'}" in result.stdout


@pytest.mark.model
def test_jsonl_batch(data_dir: Path) -> None:
    path = data_dir / "batch.jsonl"
    result = run("analyze", "--input-format", "jsonl", path, "--format", "jsonl", "--no-store")
    assert result.exit_code == 1
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 5  # one line per input line that is not blank
    assert [line["id"] for line in lines] == ["r1", None, None, "4", None]
    assert all("attributions" in line for line in lines if line["id"])
    assert [line["input"] for line in lines if line["id"] is None] == [
        f"{path}:2",
        f"{path}:4",
        f"{path}:7",
    ]
    assert lines[0]["article"]["text"] == "Police said the road would stay closed until Friday."
    assert lines[0]["article"]["published"] == "2024-05-03"
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 3
    assert errors[0].startswith(f"error: {path}:2: malformed JSON")
    assert "3 input(s) failed" in result.stderr


@pytest.mark.model
def test_bad_inputs_fail_alone(data_dir: Path, tmp_path: Path) -> None:
    big = tmp_path / "big.html"
    big.write_bytes(b"<p>" + b"word " * 2000 + b"</p>")
    garbage = tmp_path / "garbage.html"
    garbage.write_bytes(bytes(range(128, 256)) * 4)
    bad = [
        data_dir / "empty.html",
        data_dir / "image.png",
        data_dir / "truncated.html",
        tmp_path / "missing.html",
        big,
        garbage,
    ]
    db = tmp_path / "bad.db"
    result = run(
        "analyze", *bad[:3], data_dir / "article2.html", *bad[3:], "--db", db, "--max-bytes", "5000"
    )
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == len(bad)
    for path, line in zip(bad, errors, strict=True):
        assert line.startswith(f"error: {path}: ")
    assert f"{len(bad)} input(s) failed" in result.stderr
    counts = table_counts(db)
    assert counts["articles"] == 1
    assert counts["article_dates"] == 1


@pytest.mark.model
def test_failed_save_leaves_nothing_behind(data_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "trigger.db"
    with open_store(db) as store:
        store.db.execute(
            "CREATE TRIGGER refuse_dates BEFORE INSERT ON article_dates "
            "BEGIN SELECT RAISE(ABORT, 'dates refused by test'); END;"
        )
    before = table_counts(db)
    result = run(
        "analyze",
        data_dir / "article.html",
        data_dir / "russian.html",
        "--db",
        db,
        "--format",
        "jsonl",
    )
    assert result.exit_code == 1
    assert "dates refused by test" in result.stderr
    after = table_counts(db)
    # the Russian page has no date and is stored; the English one is refused whole
    assert after["articles"] == before["articles"] + 1
    assert after["article_dates"] == 0
    assert after["mentions"] == after["attributions"] == after["events"] == 0


@pytest.mark.model
def test_url_with_allow_private(http_server: str, tmp_path: Path) -> None:
    url = f"{http_server}/hop/2"
    db = tmp_path / "url.db"
    result = run("analyze", url, "--allow-private", "--db", db, "--format", "json")
    assert result.exit_code == 0, result.output
    (record,) = json.loads(result.stdout)
    assert record["input"] == url
    assert record["article"]["url"] == f"{http_server}/article"
    assert record["id"] == make_id("url", f"{http_server}/article")
    assert record["article"]["source"]["kind"] == "url"
    assert table_counts(db)["articles"] == 1


@pytest.mark.model
def test_other_language_skips_nlp(data_dir: Path) -> None:
    result = run("analyze", data_dir / "russian.html", "--no-store", "--format", "json")
    (record,) = json.loads(result.stdout)
    assert record["article"]["lang"] == "ru"
    assert record["attributions"] == record["mentions"] == record["events"] == []
    assert record["article"]["notes"][0].startswith("language 'ru'")


@pytest.mark.model
def test_scraped_example(example_path: Path, tmp_path: Path) -> None:
    pytest.importorskip("reportedly.extract.text")
    result = run("analyze", example_path, "--db", tmp_path / "ex.db", "--format", "json")
    assert result.exit_code == 0, result.output
    (record,) = json.loads(result.stdout)
    assert "Xi Jinping" in record["article"]["text"]
    check_spans(record)


@pytest.mark.model
@pytest.mark.slow
def test_workers(data_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    for name in ("article.html", "article2.html", "empty.html"):
        shutil.copy(data_dir / name, folder / name)
    result = run("analyze", folder, "--workers", "2", "--no-store", "--format", "jsonl")
    assert result.exit_code == 1
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(line.get("article") or {}).get("title") for line in lines] == [TITLE_1, TITLE_2, None]
    assert lines[2]["error"] == "empty input"
