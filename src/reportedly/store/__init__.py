"""Store: where analyses are kept. SQLite is the embedded default."""

from .sqlite import SQLiteStore, open_store

__all__ = ["SQLiteStore", "open_store"]
