"""The SQLite store on real files in tmp_path: round trips, idempotency, atomicity, search."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from reportedly.errors import StoreError
from reportedly.models import Analysis, Entity, Run
from reportedly.store import SQLiteStore, open_store
from reportedly.store.schema import MIGRATIONS
from reportedly.store.sqlite import escape_fts

TABLES = (
    "runs",
    "articles",
    "article_dates",
    "entities",
    "mentions",
    "attributions",
    "chain_links",
    "events",
    "event_arguments",
)  # at least these; later migrations may add more

RUN = Run(
    id="run-1",
    started_at="2024-03-19T10:00:00.000000+00:00",
    reportedly_version="0.1.0",
    model_name="en_core_web_sm",
    model_version="3.8.0",
    config_hash="abc123",
)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SQLiteStore]:
    with open_store(tmp_path / "test.db") as s:
        yield s


def user_tables(store: SQLiteStore) -> list[str]:
    """Every table of the store except FTS shadow tables and the migrations log."""
    names = store.db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
    ).fetchall()
    return [n for (n,) in names if not n.startswith(("_", "articles_fts", "sqlite_"))]


def counts(store: SQLiteStore) -> dict[str, int]:
    """Rows in every table (read directly: no table is left out of the atomicity checks)."""
    return {
        t: store.db.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in user_tables(store)
    }


def subset(actual: dict[str, int], expected: dict[str, int]) -> bool:
    """True when ``actual`` has every key of ``expected`` with the same value."""
    return {k: actual.get(k) for k in expected} == expected


def fts_rows(store: SQLiteStore) -> int:
    return int(store.db.execute("SELECT count(*) FROM articles_fts").fetchone()[0])


# --- opening --------------------------------------------------------------------------------


def test_new_store_is_wal_and_migrated(store: SQLiteStore) -> None:
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    applied = store.db.execute(
        "SELECT migration_set, name FROM _sqlite_migrations ORDER BY id"
    ).fetchall()
    assert applied[0] == ("reportedly", "m001_initial")
    assert applied == [("reportedly", m.name) for m in MIGRATIONS._migrations]
    assert list(MIGRATIONS.pending(store.db)) == []
    assert set(TABLES) <= set(user_tables(store))
    assert counts(store) == dict.fromkeys(user_tables(store), 0)


def test_reopening_does_not_migrate_again(tmp_path: Path) -> None:
    path = tmp_path / "again.db"
    open_store(path).close()
    with open_store(path) as s:
        n = s.db.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0]
        assert n == len(MIGRATIONS._migrations)


def test_read_only_missing_database(tmp_path: Path) -> None:
    path = tmp_path / "missing.db"
    with pytest.raises(StoreError) as info:
        open_store(path, read_only=True)
    assert str(info.value) == f"{path}: database does not exist"
    assert not path.exists()


def test_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not an SQLite file" * 100)
    with pytest.raises(StoreError, match="cannot open database"):
        open_store(path)


def test_count_refuses_unknown_tables(store: SQLiteStore) -> None:
    with pytest.raises(StoreError, match="unknown table 'sqlite_master'"):
        store.count("sqlite_master")


# --- runs -----------------------------------------------------------------------------------


def test_begin_run_writes_one_row(store: SQLiteStore) -> None:
    store.begin_run(RUN, {"model": None, "max_chars": 10})
    store.begin_run(RUN, {"model": None, "max_chars": 10})  # same id: kept once
    rows = store.db.execute("SELECT * FROM runs").fetchall()
    assert rows == [
        (
            "run-1",
            RUN.started_at,
            "0.1.0",
            "en_core_web_sm",
            "3.8.0",
            "abc123",
            '{"max_chars": 10, "model": null}',
        )
    ]


def test_rows_carry_the_run(store: SQLiteStore, sample_analysis: Analysis) -> None:
    store.begin_run(RUN, {})
    store.save(dataclasses.replace(sample_analysis, run_id="run-1"))
    got = store.get(sample_analysis.article.id)
    assert got is not None and got.run_id == "run-1"
    run_ids = store.db.execute(
        "SELECT DISTINCT run_id FROM attributions UNION SELECT DISTINCT run_id FROM events"
    ).fetchall()
    assert run_ids == [("run-1",)]


# --- round trip -----------------------------------------------------------------------------


def test_round_trip(store: SQLiteStore, sample_analysis: Analysis) -> None:
    assert store.save(sample_analysis) is True
    assert store.get(sample_analysis.article.id) == sample_analysis


def test_round_trip_counts(store: SQLiteStore, sample_analysis: Analysis) -> None:
    store.save(sample_analysis)
    assert subset(
        counts(store),
        {
            "runs": 0,
            "articles": 1,
            "article_dates": 2,
            "entities": 3,
            "mentions": 4,
            "attributions": 3,
            "chain_links": 6,
            "events": 1,
            "event_arguments": 3,
        },
    )
    assert fts_rows(store) == 1


def test_get_by_prefix_and_misses(store: SQLiteStore, sample_analysis: Analysis) -> None:
    other = dataclasses.replace(
        sample_analysis,
        article=dataclasses.replace(sample_analysis.article, id="a1ffffffffffffff"),
        mentions=(),
        attributions=(),
        events=(),
        entities=(),
    )
    store.save(sample_analysis)
    store.save(other)
    got = store.get("a1b2")
    assert got is not None and got.article.id == sample_analysis.article.id
    assert store.resolve_id("a1f") == "a1ffffffffffffff"
    assert store.get("a1") is None  # ambiguous
    assert store.get("ffff") is None
    assert store.has_article("a1ffffffffffffff")
    assert not store.has_article("a1ff")


def test_entities_are_shared_between_articles(
    store: SQLiteStore, sample_analysis: Analysis
) -> None:
    second = dataclasses.replace(
        sample_analysis,
        article=dataclasses.replace(sample_analysis.article, id="0000000000000002"),
        mentions=tuple(
            dataclasses.replace(m, id=m.id + "-2", article_id="0000000000000002")
            for m in sample_analysis.mentions
        ),
        attributions=(),
        events=(),
    )
    store.save(sample_analysis)
    store.save(second)
    assert store.count("entities") == 3
    got = store.get("0000000000000002")
    assert got is not None and got.entities == sample_analysis.entities


def test_entities_not_linked_by_a_mention_round_trip(
    store: SQLiteStore, sample_analysis: Analysis
) -> None:
    extra = Entity(id="ent-zz-unmentioned", name="Ministry of Roads", type="government")
    analysis = dataclasses.replace(sample_analysis, entities=(*sample_analysis.entities, extra))
    store.save(analysis)
    got = store.get(analysis.article.id)
    assert got is not None and got.entities == analysis.entities


# --- idempotency and replacement ----------------------------------------------------------------


def test_saving_twice_stores_once(store: SQLiteStore, sample_analysis: Analysis) -> None:
    assert store.save(sample_analysis) is True
    before = counts(store)
    changed = dataclasses.replace(
        sample_analysis, article=dataclasses.replace(sample_analysis.article, title="Changed")
    )
    assert store.save(changed) is False
    assert counts(store) == before
    got = store.get(sample_analysis.article.id)
    assert got is not None and got.article.title == "Bridge to close in April"


def test_replace_replaces_every_child_row(store: SQLiteStore, sample_analysis: Analysis) -> None:
    store.save(sample_analysis)
    smaller = dataclasses.replace(
        sample_analysis,
        article=dataclasses.replace(sample_analysis.article, title="Bridge closure confirmed"),
        attributions=sample_analysis.attributions[:1],
        events=(),
    )
    assert store.save(smaller, replace=True) is True
    assert store.get(sample_analysis.article.id) == smaller
    assert subset(
        counts(store),
        {
            "runs": 0,
            "articles": 1,
            "article_dates": 2,
            "entities": 3,
            "mentions": 4,
            "attributions": 1,
            "chain_links": 2,
            "events": 0,
            "event_arguments": 0,
        },
    )
    assert fts_rows(store) == 1
    assert [r["title"] for r in store.search("closure")] == ["Bridge closure confirmed"]


# --- nothing half-written ---------------------------------------------------------------------


def test_failed_save_leaves_no_partial_rows(store: SQLiteStore, sample_analysis: Analysis) -> None:
    store.db.execute(
        "CREATE TRIGGER refuse_events BEFORE INSERT ON events "
        "BEGIN SELECT RAISE(ABORT, 'events refused by test trigger'); END;"
    )
    before = counts(store)
    with pytest.raises(StoreError) as info:
        store.save(sample_analysis)
    assert "events refused by test trigger" in str(info.value)
    assert info.value.input == store.path
    assert counts(store) == before
    assert fts_rows(store) == 0
    assert store.get(sample_analysis.article.id) is None


def test_failed_replace_keeps_the_old_record(store: SQLiteStore, sample_analysis: Analysis) -> None:
    store.save(sample_analysis)
    before = counts(store)
    store.db.execute(
        "CREATE TRIGGER refuse_arguments BEFORE INSERT ON event_arguments "
        "BEGIN SELECT RAISE(ABORT, 'no arguments'); END;"
    )
    changed = dataclasses.replace(
        sample_analysis, article=dataclasses.replace(sample_analysis.article, title="New title")
    )
    with pytest.raises(StoreError, match="no arguments"):
        store.save(changed, replace=True)
    assert counts(store) == before
    assert store.get(sample_analysis.article.id) == sample_analysis


def test_unknown_run_id_is_refused_whole(store: SQLiteStore, sample_analysis: Analysis) -> None:
    with pytest.raises(StoreError, match="FOREIGN KEY"):
        store.save(dataclasses.replace(sample_analysis, run_id="no-such-run"))
    assert counts(store) == dict.fromkeys(user_tables(store), 0)


def test_read_only_store_refuses_writes(tmp_path: Path, sample_analysis: Analysis) -> None:
    path = tmp_path / "ro.db"
    with open_store(path) as s:
        s.save(sample_analysis)
        before = counts(s)
    other = dataclasses.replace(
        sample_analysis, article=dataclasses.replace(sample_analysis.article, id="ffffffffffffffff")
    )
    with open_store(path, read_only=True) as ro:
        with pytest.raises(StoreError, match="readonly database"):
            ro.save(other)
        with pytest.raises(StoreError):
            ro.save(sample_analysis, replace=True)
        assert counts(ro) == before
        assert ro.get(sample_analysis.article.id) == sample_analysis


def test_concurrent_reader_sees_committed_rows(tmp_path: Path, sample_analysis: Analysis) -> None:
    path = tmp_path / "wal.db"
    with open_store(path) as writer, open_store(path, read_only=True) as reader:
        assert reader.count("articles") == 0
        writer.save(sample_analysis)
        assert reader.count("articles") == 1


# --- listing and search -----------------------------------------------------------------------


def test_list_articles(store: SQLiteStore, sample_analysis: Analysis) -> None:
    store.save(sample_analysis)
    (row,) = store.list_articles()
    assert row == {
        "id": "a1b2c3d4e5f60718",
        "title": "Bridge to close in April",
        "outlet": "Coastal Gazette",
        "published": "2024-03-18",
        "lang": "en",
        "url": "https://www.gazette.example/bridge",
        "source_location": "tests/data/x.html",
        "attributions": 3,
        "events": 1,
    }
    assert store.list_articles(offset=1) == []


def test_search_finds_and_snippets(store: SQLiteStore, sample_analysis: Analysis) -> None:
    store.save(sample_analysis)
    (hit,) = store.search("winter")
    assert hit["id"] == sample_analysis.article.id
    assert "[winter]" in hit["snippet"]
    assert store.search("WINTER")[0]["id"] == sample_analysis.article.id
    assert store.search("helicopter") == []


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '""',
        '"unbalanced',
        "bridge AND",
        "AND",
        "OR NOT",
        "*",
        "bri*",
        "-bridge",
        "bridge -council",
        "NEAR(bridge council)",
        "title:bridge",
        "(",
        ")",
        "^",
        "{a b}",
        "'",
        ";DROP TABLE articles;--",
        "",
        "   ",
        "😀 emoji",
        "tab\tseparated\nlines",
    ],
)
def test_odd_queries_never_raise(store: SQLiteStore, sample_analysis: Analysis, query: str) -> None:
    store.save(sample_analysis)
    assert isinstance(store.search(query), list)
    assert store.count("articles") == 1


def test_query_with_nul_never_raises(store: SQLiteStore, sample_analysis: Analysis) -> None:
    store.save(sample_analysis)
    assert [r["id"] for r in store.search("winter\x00")] == [sample_analysis.article.id]


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("bridge AND council", True),
        ("bri*", True),
        ("bridge NOT council", False),
        ("helicopter OR winter", True),
    ],
)
def test_raw_fts_syntax(
    store: SQLiteStore, sample_analysis: Analysis, query: str, found: bool
) -> None:
    store.save(sample_analysis)
    assert bool(store.search(query, raw=True)) is found


def test_bad_raw_query_is_a_store_error(store: SQLiteStore) -> None:
    with pytest.raises(StoreError, match="bad search query"):
        store.search('"unbalanced', raw=True)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("multipolar world", '"multipolar" "world"'),
        ('say "hi"', '"say" """hi"""'),
        ("AND -x *", '"AND" "-x" "*"'),
        ("", '""'),
        ("  ", '""'),
    ],
)
def test_escape_fts(query: str, expected: str) -> None:
    assert escape_fts(query) == expected


def test_meta_is_stored_as_json(store: SQLiteStore, sample_analysis: Analysis) -> None:
    store.save(sample_analysis)
    meta, notes = store.db.execute("SELECT meta, notes FROM articles").fetchone()
    assert json.loads(meta) == {"comment_count": 43, "tags": ["bridge", "transport"]}
    assert json.loads(notes) == ["a note"]


def test_closed_store_refuses_queries(tmp_path: Path) -> None:
    s = open_store(tmp_path / "closed.db")
    s.close()
    with pytest.raises(sqlite3.ProgrammingError):
        s.count("articles")
