"""Fixtures for the attribution tests: a session-wide pipeline for ``model`` tests."""

from __future__ import annotations

import pytest
from spacy.language import Language


@pytest.fixture(scope="session")
def attribution_nlp() -> Language:
    """The English model with the attribution component (model tests only)."""
    from reportedly.nlp.pipeline import load_pipeline

    return load_pipeline(components=("reportedly_attribution",))
