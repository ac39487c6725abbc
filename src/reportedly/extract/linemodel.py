"""The line classifier behind the scraped-text extractor: logistic regression + Viterbi.

``LineModel`` is a logistic regression over ``reportedly.extract.lines``
features; its weights live in ``reportedly/data/lines_model.json`` (see
``README-lines-model.md`` there for how they were fitted and on what).
``decode`` smooths the per-line log-odds with a two-state Viterbi pass, so
that a short line inside the body stays body and an isolated long line in a
footer stays chrome. ``score_lines`` does both for one page.

Scoring is pure Python; ``fit_model``/``fit_rows`` (used only to refit the
weights) import numpy lazily.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from operator import mul

from .lines import FEATURE_NAMES, page_features, prose_block

__all__ = [
    "MAX_LIFT",
    "LineModel",
    "decode",
    "fit_model",
    "fit_rows",
    "label_lines",
    "load_model",
    "score_lines",
]


@dataclass(frozen=True, slots=True)
class LineModel:
    """A logistic regression over standardised ``page_features`` plus decoding settings."""

    names: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    switch_penalty: float = 2.0  # log-odds paid for each body/chrome switch in ``decode``
    provenance: str = ""

    def scores(self, rows: Sequence[Sequence[float]]) -> list[float]:
        """The log-odds of body for each feature row."""
        # w * (x - m) / s summed = const + sum(coef * x): fold the standardisation in once
        coefs = [w / s for w, s in zip(self.weights, self.scale, strict=True)]
        const = self.bias - sum(c * m for c, m in zip(coefs, self.mean, strict=True))
        return [const + sum(map(mul, coefs, row)) for row in rows]

    def to_json(self) -> str:
        data = {
            "format": "reportedly.lines-model.v1",
            "provenance": self.provenance,
            "switch_penalty": self.switch_penalty,
            "bias": self.bias,
            "features": [
                {"name": n, "mean": m, "scale": s, "weight": w}
                for n, m, s, w in zip(self.names, self.mean, self.scale, self.weights, strict=True)
            ],
        }
        return json.dumps(data, indent=1, ensure_ascii=False) + "\n"

    @classmethod
    def from_json(cls, text: str) -> LineModel:
        data = json.loads(text)
        feats = data["features"]
        return cls(
            names=tuple(f["name"] for f in feats),
            mean=tuple(float(f["mean"]) for f in feats),
            scale=tuple(float(f["scale"]) for f in feats),
            weights=tuple(float(f["weight"]) for f in feats),
            bias=float(data["bias"]),
            switch_penalty=float(data.get("switch_penalty", 2.0)),
            provenance=str(data.get("provenance", "")),
        )


@cache
def load_model() -> LineModel:
    """The committed line model (``reportedly/data/lines_model.json``), loaded once."""
    text = resources.files("reportedly").joinpath("data/lines_model.json").read_text("utf-8")
    model = LineModel.from_json(text)
    if model.names != FEATURE_NAMES:
        raise ValueError("lines_model.json does not match FEATURE_NAMES; refit it")
    return model


def decode(scores: Sequence[float], switch_penalty: float) -> list[int]:
    """Two-state Viterbi over per-line log-odds: 1 = body, 0 = other.

    Each line earns its log-odds when labelled body and nothing otherwise;
    each change of state costs ``switch_penalty``. The page starts and ends
    in state 0, so a body segment pays the penalty twice.
    """
    n = len(scores)
    if n == 0:
        return []
    # best total so far ending in state 0 / 1, and back-pointers
    v0, v1 = 0.0, -switch_penalty
    back: list[tuple[int, int]] = []
    for i, s in enumerate(scores):
        if i == 0:
            n0, b0 = 0.0, 0
            n1, b1 = -switch_penalty + s, 0
        else:
            n0, b0 = (v0, 0) if v0 >= v1 - switch_penalty else (v1 - switch_penalty, 1)
            n1, b1 = (v1 + s, 1) if v1 >= v0 - switch_penalty else (v0 - switch_penalty + s, 0)
        back.append((b0, b1))
        v0, v1 = n0, n1
    state = 0 if v0 >= v1 - switch_penalty else 1
    labels = [0] * n
    for i in range(n - 1, -1, -1):
        labels[i] = state
        state = back[i][state]
    return labels


def fit_model(
    pages: Iterable[tuple[Sequence[str], Sequence[int]]],
    *,
    l2: float = 1.0,
    switch_penalty: float = 2.0,
    provenance: str = "",
) -> LineModel:
    """Fit the logistic regression on labelled pages (needs numpy).

    Args:
        pages: ``(lines, labels)`` per page; lines stripped and non-empty.
        l2: ridge penalty on the standardised weights (not on the bias).
        switch_penalty: stored in the model for ``decode``.
        provenance: a note stored with the weights.

    Returns:
        The fitted ``LineModel``.
    """
    rows: list[list[float]] = []
    ys: list[int] = []
    for lines, labels in pages:
        rows.extend(page_features(lines))
        ys.extend(int(y) for y in labels)
    return fit_rows(rows, ys, l2=l2, switch_penalty=switch_penalty, provenance=provenance)


def fit_rows(
    rows: Sequence[Sequence[float]],
    labels: Sequence[int],
    *,
    l2: float = 1.0,
    switch_penalty: float = 2.0,
    provenance: str = "",
) -> LineModel:
    """``fit_model`` on feature rows already computed with ``page_features``."""
    import numpy as np

    if not rows or len(rows[0]) != len(FEATURE_NAMES):
        raise ValueError(f"expected rows of {len(FEATURE_NAMES)} features")
    x = np.asarray(rows, dtype=float)
    y = np.asarray(labels, dtype=float)
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    z = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    w = np.zeros(z.shape[1])
    ridge = np.full(z.shape[1], l2)
    ridge[-1] = 0.0
    for _ in range(50):  # Newton-Raphson (IRLS); converges in a handful of steps
        p = 1.0 / (1.0 + np.exp(-np.clip(z @ w, -30, 30)))
        grad = z.T @ (p - y) + ridge * w
        hess = (z * (p * (1 - p))[:, None]).T @ z + np.diag(ridge)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return LineModel(
        names=FEATURE_NAMES,
        mean=tuple(float(v) for v in mean),
        scale=tuple(float(v) for v in scale),
        weights=tuple(float(v) for v in w[:-1]),
        bias=float(w[-1]),
        switch_penalty=switch_penalty,
        provenance=provenance,
    )


def label_lines(lines: Sequence[str], model: LineModel | None = None) -> list[int]:
    """Body (1) or other (0) for each stripped, non-empty line of one page."""
    return score_lines(lines, model)[1]


def score_lines(
    lines: Sequence[str], model: LineModel | None = None
) -> tuple[list[float], list[int]]:
    """Per-line body log-odds and decoded labels for the non-empty lines of one page.

    When no line clears the decoder, the scores are lifted (by at most
    ``MAX_LIFT``) just enough for the best-scoring stretch to win: a page
    whose article reads a little unusual still gets a body, while a page of
    pure menus does not. Failing that, the densest block of prose lines is
    the body (``prose_block``: a text of one or two paragraphs, say).
    """
    if not lines:
        return [], []
    model = model or load_model()
    scores = model.scores(page_features(lines))
    labels = decode(scores, model.switch_penalty)
    if not any(labels):
        labels = _least_lift(scores, model.switch_penalty)
    if not any(labels):
        labels = prose_block(lines)
    return scores, labels


MAX_LIFT = 3.0  # log-odds; the most a page's scores are raised to find some body


def _least_lift(scores: Sequence[float], penalty: float) -> list[int]:
    """Decode with the smallest uniform lift (up to ``MAX_LIFT``) of ``scores`` that selects a line."""
    if not any(decode([s + MAX_LIFT for s in scores], penalty)):
        return [0] * len(scores)
    lo, hi = 0.0, MAX_LIFT
    for _ in range(16):  # bisection to about 5e-5
        mid = (lo + hi) / 2
        if any(decode([s + mid for s in scores], penalty)):
            hi = mid
        else:
            lo = mid
    return decode([s + hi for s in scores], penalty)
