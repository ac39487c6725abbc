"""Quality floors: pinned minimums that CI holds every evaluation to (trafilatura's eval gate).

A floors file is ``{"floors": {"metric": value, ...}, "data_sha256": ...}``. A floor
is raised when quality rises and never lowered without saying so in the commit.
"""

from __future__ import annotations

import json
from pathlib import Path

TOLERANCE = 1e-9  # float noise only: a real drop below a floor fails


def check_floors(report: dict[str, float], floors_path: Path) -> list[str]:
    """The metrics of ``report`` below their floors, as ``"name: value < floor"`` lines."""
    floors = json.loads(floors_path.read_text(encoding="utf-8"))["floors"]
    failures = []
    for name, floor in sorted(floors.items()):
        value = report.get(name)
        if value is None:
            failures.append(f"{name}: missing from the report")
        elif value + TOLERANCE < floor:
            failures.append(f"{name}: {value:.4f} < {floor:.4f}")
    return failures
