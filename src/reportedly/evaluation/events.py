"""Evaluate PLOVER event coding on gold sentences (``events-dev/plover_gsr_dev.jsonl`` layout).

Each record is one sentence with one gold event (``events[0]``). The real pipeline
(:func:`reportedly.nlp.pipeline.load_pipeline`) runs over the texts; the predicted event of a
sentence is its highest-confidence event (or none). Scores:

- ``type_accuracy``: predicted type == gold type, over all sentences (no event counts wrong).
- ``macro_f1``: F1 per PLOVER type (sentence-level, one label per sentence), averaged over
  the types that occur in the gold or the predictions.
- ``actor_accuracy``: over sentences with gold ``actors``: some predicted actor span shares
  a content word (lower-cased ``\\w+`` token not in :data:`STOPWORDS`) with some gold actor.
- ``recipient_accuracy``: the same against gold ``recipients``, over sentences that have any.
- ``actor_country_accuracy``: over sentences whose gold ``actor_codes`` include a country
  code (its ISO3 prefix is a known country, so ``IGO``, ``NGO`` and legacy codes are left
  out): some predicted actor country equals some gold ISO3.
- ``coverage``: share of sentences with any predicted event.

Usage:
    >>> report = evaluate(Path("plover_gsr_dev.jsonl"))  # doctest: +SKIP
    >>> print(format_report(report))  # doctest: +SKIP
"""

from __future__ import annotations

import json
import logging
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

__all__ = ["STOPWORDS", "evaluate", "format_report", "overlaps", "score_records"]

logger = logging.getLogger(__name__)

STOPWORDS = frozenset("the a an of and in on for to from by with at 's s".split())
_WORD = re.compile(r"\w+")


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in STOPWORDS}


def overlaps(predicted: Iterable[str], gold: Iterable[str]) -> bool:
    """Whether any predicted text shares a content word with any gold text."""
    gold_words = set().union(*(_words(g) for g in gold)) if gold else set()
    return any(_words(p) & gold_words for p in predicted)


def _predict(texts: list[str]) -> list[dict[str, Any]]:
    from reportedly.nlp.pipeline import load_pipeline

    nlp = load_pipeline()
    predictions: list[dict[str, Any]] = []
    for doc in nlp.pipe(texts, batch_size=32):
        events = getattr(doc._, "events", None) or []
        best = max(events, key=lambda e: e.confidence, default=None)
        if best is None:
            predictions.append({"type": None, "actors": [], "recipients": [], "countries": []})
            continue
        predictions.append(
            {
                "type": best.type,
                "actors": [doc.text[s:e] for s, e in best.actors],
                "recipients": [doc.text[s:e] for s, e in best.recipients],
                "countries": list(best.actor_countries),
            }
        )
    return predictions


def _macro_f1(pairs: list[tuple[str | None, str]]) -> float:
    labels = {g for _, g in pairs} | {p for p, _ in pairs if p is not None}
    scores = []
    for label in sorted(labels):
        tp = sum(1 for p, g in pairs if p == label and g == label)
        fp = sum(1 for p, g in pairs if p == label and g != label)
        fn = sum(1 for p, g in pairs if p != label and g == label)
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / len(scores) if scores else 0.0


def _known_countries() -> frozenset[str]:
    from reportedly.nlp.events.countries import country_table

    return frozenset(country_table().values())


def score_records(
    records: list[dict[str, Any]], predictions: list[dict[str, Any]]
) -> dict[str, float]:
    """Scores of predictions (``type``, ``actors``, ``recipients``, ``countries``) vs gold."""
    countries = _known_countries()
    pairs: list[tuple[str | None, str]] = []
    actor_hits: list[bool] = []
    recipient_hits: list[bool] = []
    country_hits: list[bool] = []
    for record, predicted in zip(records, predictions, strict=True):
        gold = record["events"][0]
        pairs.append((predicted["type"], gold["type"]))
        if gold.get("actors"):
            actor_hits.append(overlaps(predicted["actors"], gold["actors"]))
        if gold.get("recipients"):
            recipient_hits.append(overlaps(predicted["recipients"], gold["recipients"]))
        gold_iso = {code[:3] for code in gold.get("actor_codes") or [] if code[:3] in countries}
        if gold_iso:
            country_hits.append(bool(gold_iso & set(predicted["countries"])))

    def rate(hits: list[bool]) -> float:
        return sum(hits) / len(hits) if hits else 0.0

    return {
        "sentences": float(len(records)),
        "type_accuracy": rate([p == g for p, g in pairs]),
        "macro_f1": _macro_f1(pairs),
        "actor_accuracy": rate(actor_hits),
        "recipient_accuracy": rate(recipient_hits),
        "actor_country_accuracy": rate(country_hits),
        "coverage": rate([p is not None for p, _ in pairs]),
    }


def evaluate(path: Path) -> dict[str, float]:
    """Run the pipeline over a gold JSONL file and score it (see the module docstring).

    Args:
        path: a JSONL file laid out like ``events-dev/plover_gsr_dev.jsonl``.

    Returns:
        ``{"sentences", "type_accuracy", "macro_f1", "actor_accuracy",
        "recipient_accuracy", "actor_country_accuracy", "coverage"}``.
    """
    records = [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    records = [r for r in records if r.get("events")]
    predictions = _predict([r["text"] for r in records])
    report = score_records(records, predictions)
    logger.info("events evaluation on %s: %s", path, report)
    return report


def format_report(report: dict[str, float]) -> str:
    """A plain-text table of an :func:`evaluate` report."""
    lines = [f"{'metric':<24} value"]
    for key, value in report.items():
        shown = f"{int(value)}" if key == "sentences" else f"{value:.3f}"
        lines.append(f"{key:<24} {shown}")
    return "\n".join(lines)


def type_confusion(
    records: list[dict[str, Any]], predictions: list[dict[str, Any]]
) -> Counter[tuple[str, str]]:
    """(gold, predicted) type counts, for error analysis."""
    return Counter(
        (r["events"][0]["type"], str(p["type"])) for r, p in zip(records, predictions, strict=True)
    )
