"""Text-overlap metrics shared by the evaluations.

The body metric is the one of the scrapinghub article-extraction benchmark
(``extraction-dev/README.md``): split text into ``\\w+`` tokens (case kept),
take the multiset of 4-gram shingles, count TP / FP / FN per page and
normalise them to sum 1 so that long pages weigh no more than short ones,
then macro-average precision and recall over pages and take the F1 of the
two averages.

Usage:

    >>> p, r, f = shingle_scores("a b c d e", "a b c d e f")
    >>> round(p, 2), round(r, 2)
    (1.0, 0.67)
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

__all__ = ["macro_f1", "shingle_scores", "shingles", "tp_fp_fn"]

_TOKEN = re.compile(r"\w+")
SHINGLE_SIZE = 4  # the benchmark's n-gram size


def shingles(text: str, n: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    """The multiset of ``n``-token shingles of ``text``.

    A text of fewer than ``n`` (but at least one) tokens yields one short
    shingle, as in the benchmark, so a two-word body still counts.
    """
    tokens = _TOKEN.findall(text or "")
    if not tokens:
        return Counter()
    if len(tokens) < n:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def tp_fp_fn(pred: str, gold: str) -> tuple[float, float, float]:
    """Shingle TP, FP and FN of ``pred`` against ``gold``, normalised to sum 1.

    All three are 0 when both texts are empty.
    """
    p, g = shingles(pred), shingles(gold)
    tp = float(sum((p & g).values()))
    fp = float(sum((p - g).values()))
    fn = float(sum((g - p).values()))
    total = tp + fp + fn
    if total == 0:
        return 0.0, 0.0, 0.0
    return tp / total, fp / total, fn / total


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == 0 and fn == 0:
        return 1.0
    return tp / (tp + fp) if tp + fp > 0 else 0.0


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == 0 and fn == 0:
        return 1.0
    return tp / (tp + fn) if tp + fn > 0 else 0.0


def shingle_scores(pred: str, gold: str) -> tuple[float, float, float]:
    """Precision, recall and F1 of one predicted text against its gold text.

    Args:
        pred: the extracted text.
        gold: the reference text.

    Returns:
        ``(precision, recall, f1)`` over 4-gram shingles; ``(1, 1, 1)`` when
        both are empty, 0 for whichever side is empty when the other is not.
    """
    tp, fp, fn = tp_fp_fn(pred, gold)
    p, r = _precision(tp, fp, fn), _recall(tp, fp, fn)
    return p, r, (2 * p * r / (p + r) if p + r > 0 else 0.0)


def macro_f1(pairs: Iterable[tuple[str, str]]) -> dict[str, float]:
    """The benchmark score of ``(pred, gold)`` pairs, one pair per page.

    Precision is averaged over pages with some predicted or matched shingle
    (``tp + fp > 0``), recall over pages with some gold shingle
    (``tp + fn > 0``), as the benchmark does; F1 is that of the two averages.

    Returns:
        ``{"precision", "recall", "f1", "pages"}``; all 0.0 for no pages.
    """
    precisions: list[float] = []
    recalls: list[float] = []
    pages = 0
    for pred, gold in pairs:
        pages += 1
        tp, fp, fn = tp_fp_fn(pred, gold)
        if tp + fp > 0:
            precisions.append(_precision(tp, fp, fn))
        if tp + fn > 0:
            recalls.append(_recall(tp, fp, fn))
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * p * r / (p + r) if p + r > 0 else 0.0
    return {"precision": p, "recall": r, "f1": f1, "pages": float(pages)}
