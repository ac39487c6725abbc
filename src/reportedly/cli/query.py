"""Commands that query attributions, entities and events."""

from __future__ import annotations

COMMANDS: list[object] = []
