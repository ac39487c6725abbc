"""The embedded SQLite store: WAL mode, migrations, one transaction per article, FTS5 search.

Only one process writes (the CLI's main process; workers compute and hand back
results), so SQLite's single-writer rule is never contended. Every statement is
parameterised.

    >>> store = open_store("reportedly.db")
    >>> store.save(analysis)
    >>> store.search("multipolar world")
"""

from __future__ import annotations

import json
import logging
import sqlite3
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from ..errors import StoreError
from ..models import Analysis, Run
from . import rows as R
from .schema import MIGRATIONS

logger = logging.getLogger(__name__)

# Child tables first, so a replaced article's old rows go before the new ones arrive.
_TABLES = (
    "articles",
    "article_dates",
    "entities",
    "article_entities",
    "mentions",
    "attributions",
    "chain_links",
    "events",
    "event_arguments",
)


def escape_fts(query: str) -> str:
    """Each word of ``query`` as a quoted FTS5 term, so user text never parses as FTS syntax."""
    terms = [t.replace('"', '""') for t in query.replace("\x00", " ").split()]
    return " ".join(f'"{t}"' for t in terms) or '""'


def _insert(
    conn: sqlite3.Connection, table: str, rows: list[R.Row], *, ignore: bool = False
) -> None:
    if not rows:
        return
    columns = list(rows[0])
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" for _ in columns)
    verb = "INSERT OR IGNORE" if ignore else "INSERT"
    sql = f'{verb} INTO "{table}" ({names}) VALUES ({marks})'
    conn.executemany(sql, [tuple(r[c] for c in columns) for r in rows])


class SQLiteStore:
    """Articles and everything found in them, in one SQLite file."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = str(path)
        try:
            if read_only:
                if not Path(self.path).exists():
                    raise StoreError("database does not exist", input=self.path)
                conn = sqlite3.connect(
                    f"file:{self.path}?mode=ro", uri=True, check_same_thread=False
                )
                self.db = Database(conn)
            else:
                self.db = Database(self.path)
                self.db.enable_wal()
                # WAL makes NORMAL safe against corruption; a crash loses at most the last commits
                self.db.execute("PRAGMA synchronous = NORMAL")
                MIGRATIONS.apply(self.db)
            self.db.execute("PRAGMA foreign_keys = ON")
            self.db.execute("PRAGMA busy_timeout = 5000")
        except sqlite3.DatabaseError as e:
            raise StoreError(f"cannot open database: {e}", input=self.path) from e

    # --- writing ----------------------------------------------------------------------------

    def begin_run(self, run: Run, config: dict[str, Any]) -> None:
        """Record a batch run; every row written after carries its id."""
        with self.db.atomic():
            _insert(
                self.db.conn,
                "runs",
                [
                    {
                        "id": run.id,
                        "started_at": run.started_at,
                        "reportedly_version": run.reportedly_version,
                        "model_name": run.model_name,
                        "model_version": run.model_version,
                        "config_hash": run.config_hash,
                        "config": json.dumps(config, sort_keys=True),
                    }
                ],
                ignore=True,
            )

    def has_article(self, article_id: str) -> bool:
        """True when an article with this id is stored."""
        return (
            self.db.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone()
            is not None
        )

    def save(self, analysis: Analysis, *, replace: bool = False) -> bool:
        """Store ``analysis`` in one transaction; all of it or none.

        Args:
            analysis: the record to store.
            replace: replace a stored article with the same id (``--force``); otherwise keep it.

        Returns:
            True when written, False when the article was already stored and kept.

        Raises:
            StoreError: the write failed; nothing of this article was written.
        """
        tables = R.analysis_rows(analysis)
        try:
            with self.db.atomic():
                if self.has_article(analysis.article.id):
                    if not replace:
                        return False
                    self.db.execute("DELETE FROM articles WHERE id = ?", [analysis.article.id])
                for table in _TABLES:
                    _insert(self.db.conn, table, tables[table], ignore=table == "entities")
        except sqlite3.Error as e:
            raise StoreError(
                f"cannot store article {analysis.article.id}: {e}", input=self.path
            ) from e
        return True

    # --- reading ----------------------------------------------------------------------------

    def resolve_id(self, prefix: str) -> str | None:
        """The full id of the one article whose id starts with ``prefix`` (``None``: none or many)."""
        found = self.db.execute(
            "SELECT id FROM articles WHERE id >= ? AND id < ? ORDER BY id LIMIT 2",
            [prefix, prefix + "\uffff"],
        ).fetchall()
        return found[0][0] if len(found) == 1 else None

    def _dicts(self, sql: str, params: list[Any]) -> list[dict[str, Any]]:
        cursor = self.db.execute(sql, params)
        names = [c[0] for c in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def get(self, article_id: str) -> Analysis | None:
        """The whole stored record of an article (id or unique id prefix), or ``None``."""
        full = self.resolve_id(article_id)
        if full is None:
            return None
        row = self._dicts("SELECT * FROM articles WHERE id = ?", [full])[0]
        dates = self._dicts(
            "SELECT * FROM article_dates WHERE article_id = ? ORDER BY position", [full]
        )
        article = R.row_article(row, dates)
        text = article.text
        mentions = self._dicts(
            'SELECT * FROM mentions WHERE article_id = ? ORDER BY start, "end", id', [full]
        )
        attributions = self._dicts(
            "SELECT * FROM attributions WHERE article_id = ? ORDER BY content_start, id", [full]
        )
        events = self._dicts(
            "SELECT * FROM events WHERE article_id = ? ORDER BY trigger_start, id", [full]
        )
        entities = self._dicts(
            """SELECT e.* FROM article_entities x JOIN entities e ON e.id = x.entity_id
               WHERE x.article_id = ? ORDER BY x.position""",
            [full],
        )
        links = self._grouped(
            """SELECT c.* FROM chain_links c JOIN attributions t ON t.id = c.attribution_id
               WHERE t.article_id = ? ORDER BY c.attribution_id, c.position""",
            full,
            "attribution_id",
        )
        arguments = self._grouped(
            """SELECT x.* FROM event_arguments x JOIN events e ON e.id = x.event_id
               WHERE e.article_id = ? ORDER BY x.event_id, x.position""",
            full,
            "event_id",
        )
        return Analysis(
            article=article,
            mentions=tuple(R.row_mention(text, m) for m in mentions),
            attributions=tuple(
                R.row_attribution(text, a, links.get(a["id"], [])) for a in attributions
            ),
            entities=tuple(R.row_entity(e) for e in entities),
            events=tuple(R.row_event(text, e, arguments.get(e["id"], [])) for e in events),
            run_id=row["run_id"],
        )

    def _grouped(self, sql: str, article_id: str, key: str) -> dict[str, list[dict[str, Any]]]:
        """Child rows of one article in one query, grouped by their parent's id (in order)."""
        groups: dict[str, list[dict[str, Any]]] = {}
        for row in self._dicts(sql, [article_id]):
            groups.setdefault(row[key], []).append(row)
        return groups

    def list_articles(self, *, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        """Stored articles, newest stored first, with counts of what was found in each."""
        return self._dicts(
            """SELECT a.id, a.title, a.outlet, a.published, a.lang, a.url, a.source_location,
                      (SELECT count(*) FROM attributions t WHERE t.article_id = a.id) AS attributions,
                      (SELECT count(*) FROM events e WHERE e.article_id = a.id) AS events
               FROM articles a ORDER BY a.stored_at DESC, a.id LIMIT ? OFFSET ?""",
            [limit, offset],
        )

    def search(self, query: str, *, limit: int = 20, raw: bool = False) -> list[dict[str, Any]]:
        """Full-text search over titles and texts (FTS5), best first, with a snippet.

        Args:
            query: words to find; quoted as literal terms unless ``raw`` (FTS5 syntax).
        """
        match = query if raw else escape_fts(query)
        try:
            return self._dicts(
                """SELECT a.id, a.title, a.outlet, a.published,
                          snippet(articles_fts, 1, '[', ']', '…', 12) AS snippet
                   FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
                   WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?""",
                [match, limit],
            )
        except sqlite3.OperationalError as e:
            raise StoreError(f"bad search query {query!r}: {e}") from e

    # --- entities and events ----------------------------------------------------------------

    def list_entities(self, *, type: str | None = None, limit: int = 100) -> list[dict[str, Any]]:
        """Entities with how often and in how many articles they are mentioned, most mentioned first."""
        return self._dicts(
            """SELECT e.id, e.name, e.type, e.country, e.origin,
                      count(m.id) AS mentions, count(DISTINCT m.article_id) AS articles
               FROM entities e JOIN mentions m ON m.entity_id = e.id
               WHERE (? IS NULL OR e.type = ?)
               GROUP BY e.id ORDER BY mentions DESC, e.name LIMIT ?""",
            [type, type, limit],
        )

    def find_entities(self, name_or_id: str) -> list[Any]:
        """Entities whose id is ``name_or_id`` or whose name or alias contains it (case-insensitive)."""
        rows = self._dicts("SELECT * FROM entities WHERE id = ?", [name_or_id])
        if not rows:
            like = f"%{name_or_id.lower()}%"
            rows = self._dicts(
                """SELECT * FROM entities WHERE lower(name) LIKE ? OR lower(aliases) LIKE ?
                   ORDER BY (lower(name) = ?) DESC, length(name) LIMIT 20""",
                [like, like, name_or_id.lower()],
            )
        return [R.row_entity(r) for r in rows]

    def entity_mentions(self, entity_id: str, *, limit: int = 500) -> list[dict[str, Any]]:
        """Every mention of an entity across articles, with the article's title and date."""
        return self._dicts(
            """SELECT m.article_id, a.title, a.outlet, a.published, m.label, m.start, m."end", m.text
               FROM mentions m JOIN articles a ON a.id = m.article_id
               WHERE m.entity_id = ? ORDER BY a.published, m.article_id, m.start LIMIT ?""",
            [entity_id, limit],
        )

    def query_events(
        self,
        *,
        actor: str | None = None,
        type: str | None = None,
        since: str | None = None,
        entity_id: str | None = None,
        limit: int = 200,
    ) -> list[dict[str, Any]]:
        """Events filtered by actor (entity id, name or text), type, date and any-role entity."""
        like = f"%{actor.lower()}%" if actor else None
        return self._dicts(
            """SELECT ev.id, ev.article_id, a.title, a.outlet, ev.type, ev.mode, ev.modality,
                      ev.date_value AS date, ev.trigger_text AS trigger, ev.claimed_by,
                      (SELECT group_concat(coalesce(e2.name, x.text), '; ') FROM event_arguments x
                        LEFT JOIN entities e2 ON e2.id = x.entity_id
                        WHERE x.event_id = ev.id AND x.role = 'actor') AS actors,
                      (SELECT group_concat(coalesce(e2.name, x.text), '; ') FROM event_arguments x
                        LEFT JOIN entities e2 ON e2.id = x.entity_id
                        WHERE x.event_id = ev.id AND x.role = 'recipient') AS recipients,
                      substr(a.text, ev.sentence_start + 1, ev.sentence_end - ev.sentence_start) AS sentence
               FROM events ev JOIN articles a ON a.id = ev.article_id
               WHERE (? IS NULL OR ev.type = ?)
                 AND (? IS NULL OR ev.date_value >= ?)
                 AND (? IS NULL OR EXISTS (SELECT 1 FROM event_arguments x
                        LEFT JOIN entities en ON en.id = x.entity_id
                        WHERE x.event_id = ev.id AND x.role = 'actor'
                          AND (x.entity_id = ? OR lower(en.name) LIKE ? OR lower(x.text) LIKE ?)))
                 AND (? IS NULL OR EXISTS (SELECT 1 FROM event_arguments x
                        WHERE x.event_id = ev.id AND x.entity_id = ?))
               ORDER BY ev.date_value IS NULL, ev.date_value, a.published, ev.trigger_start LIMIT ?""",
            [type, type, since, since, actor, actor, like, like, entity_id, entity_id, limit],
        )

    def attributions_by(self, entity_id: str, *, limit: int = 200) -> list[dict[str, Any]]:
        """Statements attributed to an entity, with their articles."""
        return self._dicts(
            """SELECT t.id, t.article_id, a.title, a.published, t.kind, t.cue_text AS cue,
                      t.content_text AS content
               FROM attributions t JOIN articles a ON a.id = t.article_id
               WHERE t.source_entity_id = ? ORDER BY a.published, t.content_start LIMIT ?""",
            [entity_id, limit],
        )

    def count(self, table: str) -> int:
        """Rows in one of the store's tables."""
        if table not in (*_TABLES, "runs"):
            raise StoreError(f"unknown table {table!r}")
        return int(self.db.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])

    def close(self) -> None:
        """Close the connection (WAL is checkpointed by SQLite on the last close)."""
        self.db.conn.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_store(path: str | Path = "reportedly.db", *, read_only: bool = False) -> SQLiteStore:
    """Open (creating and migrating if needed) the SQLite store at ``path``.

    Example:
        >>> with open_store("reportedly.db") as store:
        ...     print(store.list_articles(limit=5))
    """
    return SQLiteStore(path, read_only=read_only)
