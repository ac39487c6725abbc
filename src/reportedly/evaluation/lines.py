"""Evaluation of the scraped-text extractor on ``boilerplate-dev`` (and the line model's refit).

Two scores, both measured the honest way, by **k-fold cross-validation by
page**: the line model is refitted on the other folds' pages and run on the
held-out pages, so no page is scored by a model that saw its labels.

- line level: precision, recall and F1 of the body class over all lines,
  against the weak labels of ``scrapinghub-lines-dev.jsonl``;
- body level: each page's lines joined with ``"\\n"`` go through
  ``extract_scraped_text``; its body (lead + paragraphs) is scored against
  ``extraction-dev/ground-truth.json`` with the benchmark metric
  (``reportedly.evaluation.metrics.macro_f1``).

For reference the report also carries the rule "keep lines of 8 or more
words" (``baseline_body_f1``) and the committed model run on the same pages
(``insample_*``: it was fitted on all of them, so those numbers are
optimistic and are not the ones to quote).

Usage:

    >>> report = evaluate_lines(Path(".../scrapinghub-lines-dev.jsonl"), Path(".../ground-truth.json"))
    >>> print(format_report(report))

Refit the committed model (after changing features) with
``python -m reportedly.evaluation.lines --refit LINES_JSONL TRUTH_JSON``.
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..extract.linemodel import LineModel, fit_rows
from ..extract.lines import page_features
from ..extract.text import classify_lines, extract_scraped_text
from .metrics import macro_f1

__all__ = [
    "evaluate_lines",
    "fit_line_model",
    "format_report",
    "page_folds",
    "read_pages",
    "refit",
    "sha256_of",
]

FOLDS = 10
SEED = 0
L2 = 1.0  # ridge on standardised weights; results are flat from 0.1 to 50
SWITCH_PENALTY = 3.0  # Viterbi cost of entering or leaving the body, in log-odds
# Added to the fitted bias: the weak labels under-mark body lines at the
# edges, and a missed paragraph costs the body metric more than a stray line.
BIAS_SHIFT = 1.0
BASELINE_MIN_WORDS = 8
MODEL_PATH = Path(__file__).resolve().parents[1] / "data" / "lines_model.json"


def read_pages(lines_path: Path) -> list[dict[str, Any]]:
    """The pages of a lines JSONL file: ``{"id", "url", "lines", "labels"}`` each."""
    with lines_path.open(encoding="utf-8") as f:
        return [json.loads(row) for row in f if row.strip()]


def sha256_of(path: Path) -> str:
    """Hex SHA-256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fit_line_model(
    pages: Sequence[dict[str, Any]],
    *,
    features: Sequence[list[list[float]]] | None = None,
    provenance: str = "",
) -> LineModel:
    """Fit the line model on labelled pages with the project's settings.

    ``features`` may carry each page's ``page_features`` when they are already known.
    """
    rows: list[list[float]] = []
    labels: list[int] = []
    for i, page in enumerate(pages):
        rows.extend(features[i] if features is not None else page_features(page["lines"]))
        labels.extend(int(y) for y in page["labels"])
    fitted = fit_rows(rows, labels, l2=L2, switch_penalty=SWITCH_PENALTY, provenance=provenance)
    return LineModel(
        names=fitted.names,
        mean=fitted.mean,
        scale=fitted.scale,
        weights=fitted.weights,
        bias=fitted.bias + BIAS_SHIFT,
        switch_penalty=SWITCH_PENALTY,
        provenance=provenance,
    )


def page_folds(n: int, k: int = FOLDS, seed: int = SEED) -> list[list[int]]:
    """``k`` disjoint folds of page indices ``0..n-1``, shuffled with ``seed``."""
    order = list(range(n))
    random.Random(seed).shuffle(order)
    return [sorted(order[i::k]) for i in range(k)]


def _line_scores(gold: Sequence[Sequence[int]], pred: Sequence[Sequence[int]]) -> dict[str, float]:
    tp = fp = fn = 0
    for g_page, p_page in zip(gold, pred, strict=True):
        for g, p in zip(g_page, p_page, strict=True):
            tp += int(g and p)
            fp += int(p and not g)
            fn += int(g and not p)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"line_precision": precision, "line_recall": recall, "line_f1": f1}


def _predict(
    pages: Sequence[dict[str, Any]], model: LineModel | None
) -> tuple[list[list[int]], list[str]]:
    labels, bodies = [], []
    for page in pages:
        text = "\n".join(page["lines"])
        extracted = extract_scraped_text(text, model=model)
        if len(extracted.line_labels) == len(page["lines"]):
            labels.append(list(extracted.line_labels))
        else:  # a line holding a character that str.splitlines() breaks on
            labels.append(classify_lines(page["lines"], model=model))
        bodies.append(extracted.body)
    return labels, bodies


def _scores(
    pages: Sequence[dict[str, Any]],
    truth: dict[str, Any],
    labels: Sequence[Sequence[int]],
    bodies: Sequence[str],
    prefix: str = "",
) -> dict[str, float]:
    report = _line_scores([p["labels"] for p in pages], labels)
    body = macro_f1((b, truth[p["id"]]["articleBody"]) for b, p in zip(bodies, pages, strict=True))
    report.update(body_precision=body["precision"], body_recall=body["recall"], body_f1=body["f1"])
    return {prefix + key: value for key, value in report.items()}


def evaluate_lines(
    lines_path: Path, truth_path: Path, *, folds: int = FOLDS, seed: int = SEED
) -> dict[str, float]:
    """Score the extractor on the lines data, cross-validated by page.

    Args:
        lines_path: ``scrapinghub-lines-dev.jsonl``.
        truth_path: ``ground-truth.json`` (``{id: {"articleBody": ...}}``).
        folds: number of page folds.
        seed: shuffling seed of the folds.

    Returns:
        ``line_precision/recall/f1`` and ``body_precision/recall/f1`` (cross-validated),
        ``baseline_body_f1`` (8+ words rule), ``insample_line_f1`` and
        ``insample_body_f1`` (committed model, trained on these pages), ``pages``, ``folds``.
    """
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    pages = [p for p in read_pages(lines_path) if p["id"] in truth]
    labels: list[list[int]] = [[] for _ in pages]
    bodies = [""] * len(pages)
    features = [page_features(p["lines"]) for p in pages]
    for fold in page_folds(len(pages), folds, seed):
        held_out = set(fold)
        train = [i for i in range(len(pages)) if i not in held_out]
        model = fit_line_model([pages[i] for i in train], features=[features[i] for i in train])
        fold_labels, fold_bodies = _predict([pages[i] for i in fold], model)
        for i, lab, body in zip(fold, fold_labels, fold_bodies, strict=True):
            labels[i], bodies[i] = lab, body
    report = _scores(pages, truth, labels, bodies)
    baseline = macro_f1(
        (
            "\n".join(x for x in p["lines"] if len(x.split()) >= BASELINE_MIN_WORDS),
            truth[p["id"]]["articleBody"],
        )
        for p in pages
    )
    report["baseline_body_f1"] = baseline["f1"]
    insample = _scores(pages, truth, *_predict(pages, None), prefix="insample_")
    report["insample_line_f1"] = insample["insample_line_f1"]
    report["insample_body_f1"] = insample["insample_body_f1"]
    report["pages"] = float(len(pages))
    report["folds"] = float(folds)
    return report


def format_report(report: dict[str, float]) -> str:
    """A short plain-text table of an ``evaluate_lines`` report."""
    folds = int(report.get("folds", FOLDS))
    rows = [
        f"scraped-text extractor, {int(report.get('pages', 0))} pages, {folds}-fold CV by page",
        "                precision  recall     F1",
    ]
    for kind in ("line", "body"):
        p, r, f = (report.get(f"{kind}_{m}", 0.0) for m in ("precision", "recall", "f1"))
        rows.append(f"  {kind:<12}  {p:9.3f}  {r:6.3f}  {f:5.3f}")
    rows.append(
        f"  baseline body F1 (lines of {BASELINE_MIN_WORDS}+ words): "
        f"{report.get('baseline_body_f1', 0.0):.3f}"
    )
    rows.append(
        "  in-sample (committed model, fitted on these pages): "
        f"line F1 {report.get('insample_line_f1', 0.0):.3f}, "
        f"body F1 {report.get('insample_body_f1', 0.0):.3f}"
    )
    return "\n".join(rows)


def refit(lines_path: Path, out: Path = MODEL_PATH) -> LineModel:
    """Fit the line model on all pages of ``lines_path`` and write it to ``out``."""
    pages = read_pages(lines_path)
    note = (
        f"fitted on {lines_path.name} sha256:{sha256_of(lines_path)[:16]} "
        f"({len(pages)} pages); l2={L2}, bias_shift={BIAS_SHIFT}"
    )
    model = fit_line_model(pages, provenance=note)
    out.write_text(model.to_json(), encoding="utf-8")
    return model


def main(argv: Sequence[str]) -> int:
    """``[--refit] LINES_JSONL TRUTH_JSON``: print the report (refitting the model first)."""
    args = list(argv)
    do_refit = "--refit" in args
    args = [a for a in args if a != "--refit"]
    if len(args) != 2:
        sys.stderr.write("usage: python -m reportedly.evaluation.lines [--refit] LINES TRUTH\n")
        return 2
    lines_path, truth_path = Path(args[0]), Path(args[1])
    if do_refit:
        refit(lines_path)
        # the committed model is cached on first use; this process has not used it yet
    sys.stdout.write(format_report(evaluate_lines(lines_path, truth_path)) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
