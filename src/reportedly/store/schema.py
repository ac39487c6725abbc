"""The SQLite schema, as named, transactional migrations (sqlite-utils ``Migrations``).

Add a new ``@MIGRATIONS()`` function for every change; never edit an applied one.
Offsets are ``[start, end)`` code-point offsets into ``articles.text``.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATIONS = Migrations("reportedly")


def split_statements(script: str) -> list[str]:
    """Split a SQL script into statements, keeping trigger bodies (BEGIN ... END;) whole."""
    statements: list[str] = []
    current: list[str] = []
    for line in script.strip().splitlines():
        current.append(line)
        stmt = "\n".join(current)
        if line.rstrip().endswith(";") and stmt.count("BEGIN") == stmt.count("END;"):
            statements.append(stmt.strip())
            current = []
    if "".join(current).strip():
        statements.append("\n".join(current).strip())
    return statements


def run_script(db: Database, script: str) -> None:
    """Run ``script`` statement by statement, inside the caller's transaction.

    (``sqlite3.executescript`` would COMMIT first and break the migration's atomicity.)
    """
    for statement in split_statements(script):
        db.execute(statement)


@MIGRATIONS()
def m001_initial(db: Database) -> None:
    """Runs, articles with dates and FTS, mentions, entities, attributions with chains, events."""
    run_script(
        db,
        """
        CREATE TABLE runs (
            id TEXT PRIMARY KEY, started_at TEXT NOT NULL, reportedly_version TEXT NOT NULL,
            model_name TEXT, model_version TEXT, config_hash TEXT NOT NULL, config TEXT NOT NULL
        );
        CREATE TABLE articles (
            id TEXT PRIMARY KEY, run_id TEXT REFERENCES runs(id), text TEXT NOT NULL,
            title TEXT, url TEXT, outlet TEXT, outlet_origin TEXT, author TEXT, lang TEXT,
            published TEXT, source_kind TEXT, source_location TEXT, record_id TEXT, fetched_at TEXT,
            title_start INTEGER, title_end INTEGER, lead_start INTEGER, lead_end INTEGER,
            body_start INTEGER, body_end INTEGER, meta TEXT NOT NULL DEFAULT '{}',
            notes TEXT NOT NULL DEFAULT '[]', extractor TEXT NOT NULL, stored_at TEXT NOT NULL
        );
        CREATE TABLE article_dates (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            position INTEGER NOT NULL, value TEXT NOT NULL, kind TEXT NOT NULL, origin TEXT NOT NULL,
            raw TEXT, start INTEGER, "end" INTEGER, PRIMARY KEY (article_id, position)
        );
        CREATE TABLE entities (
            id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL, country TEXT,
            roles TEXT NOT NULL DEFAULT '[]', aliases TEXT NOT NULL DEFAULT '[]', origin TEXT NOT NULL
        );
        CREATE TABLE mentions (
            id TEXT PRIMARY KEY, article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            run_id TEXT REFERENCES runs(id), label TEXT NOT NULL, start INTEGER NOT NULL,
            "end" INTEGER NOT NULL, text TEXT NOT NULL, entity_id TEXT REFERENCES entities(id),
            extractor TEXT NOT NULL
        );
        CREATE INDEX mentions_article ON mentions(article_id);
        CREATE INDEX mentions_entity ON mentions(entity_id);
        CREATE TABLE attributions (
            id TEXT PRIMARY KEY, article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            run_id TEXT REFERENCES runs(id), kind TEXT NOT NULL,
            content_start INTEGER NOT NULL, content_end INTEGER NOT NULL, content_text TEXT NOT NULL,
            cue_start INTEGER NOT NULL, cue_end INTEGER NOT NULL, cue_text TEXT NOT NULL,
            source_start INTEGER, source_end INTEGER, source_text TEXT,
            content_frags TEXT NOT NULL DEFAULT '[]', source_entity_id TEXT REFERENCES entities(id),
            resolved_start INTEGER, resolved_end INTEGER, resolved_text TEXT,
            parent_id TEXT, confidence REAL NOT NULL, extractor TEXT NOT NULL
        );
        CREATE INDEX attributions_article ON attributions(article_id);
        CREATE INDEX attributions_entity ON attributions(source_entity_id);
        CREATE TABLE chain_links (
            attribution_id TEXT NOT NULL REFERENCES attributions(id) ON DELETE CASCADE,
            position INTEGER NOT NULL, name TEXT NOT NULL, start INTEGER, "end" INTEGER, text TEXT,
            entity_id TEXT REFERENCES entities(id), origin TEXT NOT NULL, via_attribution_id TEXT,
            PRIMARY KEY (attribution_id, position)
        );
        CREATE TABLE events (
            id TEXT PRIMARY KEY, article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            run_id TEXT REFERENCES runs(id), type TEXT NOT NULL, mode TEXT,
            trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL, trigger_text TEXT NOT NULL,
            sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL, date_value TEXT,
            date TEXT, modality TEXT NOT NULL, claimed_by TEXT, confidence REAL NOT NULL,
            extractor TEXT NOT NULL
        );
        CREATE INDEX events_article ON events(article_id);
        CREATE INDEX events_type ON events(type);
        CREATE TABLE event_arguments (
            event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE, position INTEGER NOT NULL,
            role TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
            entity_id TEXT REFERENCES entities(id), PRIMARY KEY (event_id, position)
        );
        CREATE INDEX event_arguments_entity ON event_arguments(entity_id);
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, text, content='articles', content_rowid='rowid', tokenize='unicode61'
        );
        CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END;
        CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text)
            VALUES ('delete', old.rowid, old.title, old.text);
        END;
        CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text)
            VALUES ('delete', old.rowid, old.title, old.text);
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END;
        """,
    )


@MIGRATIONS()
def m002_article_entities(db: Database) -> None:
    """Which entities each article's record lists, in order (outlets without mentions included)."""
    run_script(
        db,
        """
        CREATE TABLE article_entities (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            position INTEGER NOT NULL, entity_id TEXT NOT NULL REFERENCES entities(id),
            PRIMARY KEY (article_id, position)
        );
        CREATE INDEX article_entities_entity ON article_entities(entity_id);
        """,
    )


@MIGRATIONS()
def m003_event_chains(db: Database) -> None:
    """Each event's source chain, as JSON (the claimant's chain, or the narration's)."""
    db.execute("ALTER TABLE events ADD COLUMN chain TEXT NOT NULL DEFAULT '[]'")
