"""Language identification with py3langid (its model ships inside the wheel)."""

from __future__ import annotations

import functools
import logging
from typing import Any

logger = logging.getLogger(__name__)

SAMPLE_CHARS = 5000  # enough for a stable guess; classifying whole long articles costs time


@functools.cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify_language(text: str) -> tuple[str | None, float]:
    """The ISO 639-1 code of ``text`` and its probability; ``(None, 0.0)`` for text with no letters."""
    sample = text[:SAMPLE_CHARS]
    if not any(ch.isalpha() for ch in sample):
        return None, 0.0
    lang, prob = _identifier().classify(sample)
    return str(lang), float(prob)
