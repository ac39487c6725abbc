"""Score attribution predictions against PolNeAR-style gold (see attribution-dev/README.md).

Tokens are ``\\w+`` runs, identified by position, so two spans share a token only
when they cover the same occurrence. Per document, predictions are matched one to
one with gold attributions, greedily by content Jaccard (ties by text order);
counts are micro-averaged over the corpus. Conventions where the README leaves a
choice: a content's tokens are those of its fragments (``content_frags``, or the
envelope); per-kind recall uses the gold kind and per-kind precision the
predicted kind, where a predicted ``according_to`` gets the kind its quote marks
give (PolNeAR's rule). ``source_acc`` is right sources among J>=0.5 matches.

Usage:
    >>> report = evaluate(Path("polnear-dev.jsonl"))
    >>> print(format_report(report))
"""

from __future__ import annotations

import json
import logging
import re
from collections import Counter
from pathlib import Path
from typing import Any

from ..nlp.attribution.quotes import TRIM_CHARS, derive_kind, quoted_mask

logger = logging.getLogger(__name__)

WORD_RE = re.compile(r"\w+")
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
KINDS = ("direct", "indirect", "mixed")
MEASURES = ("content_j50", "content_exact", "content_overlap", "source", "cue", "triple")
J50 = 0.5

Spans = list[list[int]]


def _tokens(text: str, spans: Spans, *, drop_determiners: bool = False) -> frozenset[int]:
    """Start offsets of the ``\\w+`` tokens lying inside ``spans``."""
    found: set[int] = set()
    for s, e in spans:
        for m in WORD_RE.finditer(text, s, e):
            if drop_determiners and m.group().lower() in DETERMINERS:
                continue
            found.add(m.start())
    return frozenset(found)


def _jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def _content_spans(att: dict[str, Any]) -> Spans:
    frags = att.get("content_frags") or [att["content"]]
    return [list(f) for f in frags]


def _cue_spans(att: dict[str, Any]) -> Spans:
    return [list(f) for f in (att.get("cue_frags") or [att["cue"]])]


def _trim(text: str) -> str:
    return text.strip(TRIM_CHARS)


def source_right(text: str, gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    """README rule: null matches only null; else a shared token and J >= 0.5 sans determiners."""
    g, p = gold.get("source"), pred.get("source")
    if g is None or p is None:
        return g is None and p is None
    gs = [list(f) for f in (gold.get("source_frags") or [g])]
    if not _tokens(text, gs) & _tokens(text, [list(p)]):
        return False
    gd = _tokens(text, gs, drop_determiners=True)
    pd = _tokens(text, [list(p)], drop_determiners=True)
    return _jaccard(gd, pd) >= J50


def cue_right(text: str, gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    """Cue Jaccard >= 0.5 (gold cue fragments, predicted cue).

    Cues without a word token (``PENCE: ...``, ``"..." ― Jane Doe``) have no
    Jaccard; two of them are right when their characters overlap.
    """
    gold_spans, pred_spans = _cue_spans(gold), _cue_spans(pred)
    g, p = _tokens(text, gold_spans), _tokens(text, pred_spans)
    if not g and not p:
        return any(s1 < e2 and s2 < e1 for s1, e1 in gold_spans for s2, e2 in pred_spans)
    return _jaccard(g, p) >= J50


def _greedy(pairs: list[tuple[float, int, int]]) -> list[tuple[int, int, float]]:
    """One-to-one matching by descending score; zero scores never match."""
    used_g: set[int] = set()
    used_p: set[int] = set()
    matches: list[tuple[int, int, float]] = []
    for score, gi, pi in sorted(pairs, key=lambda x: (-x[0], x[1], x[2])):
        if score <= 0 or gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        matches.append((gi, pi, score))
    return matches


def _pred_kind(text: str, pred: dict[str, Any], mask: list[bool]) -> str:
    kind = str(pred.get("kind", "indirect"))
    if kind in KINDS:
        return kind
    return derive_kind(text, [tuple(f) for f in _content_spans(pred)], mask)  # type: ignore[misc]


def score_document(
    text: str, gold: list[dict[str, Any]], pred: list[dict[str, Any]]
) -> Counter[str]:
    """Counts for one document: ``<measure>_tp``, ``n_gold``, ``n_pred`` (also per kind)."""
    counts: Counter[str] = Counter()
    mask = quoted_mask(text)
    gold_kinds = [str(g.get("kind", "indirect")) for g in gold]
    pred_kinds = [_pred_kind(text, p, mask) for p in pred]
    counts["n_gold"] += len(gold)
    counts["n_pred"] += len(pred)
    for k in gold_kinds:
        counts[f"n_gold_{k}"] += 1
    for k in pred_kinds:
        counts[f"n_pred_{k}"] += 1
    gtok = [_tokens(text, _content_spans(g)) for g in gold]
    ptok = [_tokens(text, _content_spans(p)) for p in pred]
    pairs = [
        (_jaccard(gt, pt), gi, pi)
        for gi, gt in enumerate(gtok)
        for pi, pt in enumerate(ptok)
        if gt & pt
    ]
    for gi, pi, jac in _greedy(pairs):
        g, p = gold[gi], pred[pi]
        hits = {"content_overlap": True, "content_j50": jac >= J50}
        gc = _trim(text[g["content"][0] : g["content"][1]])
        hits["content_exact"] = gc == _trim(text[p["content"][0] : p["content"][1]])
        hits["source"] = hits["content_j50"] and source_right(text, g, p)
        hits["cue"] = hits["content_j50"] and cue_right(text, g, p)
        hits["triple"] = hits["source"] and hits["cue"]
        for name, ok in hits.items():
            if ok:
                counts[f"{name}_tp"] += 1
                counts[f"{name}_tp_gold_{gold_kinds[gi]}"] += 1
                counts[f"{name}_tp_pred_{pred_kinds[pi]}"] += 1
    cue_pairs = [
        (float(len(a & b)), gi, pi)
        for gi, a in enumerate(_tokens(text, _cue_spans(g)) for g in gold)
        for pi, b in enumerate(_tokens(text, _cue_spans(p)) for p in pred)
    ]
    counts["cue_independent_tp"] += len(_greedy(cue_pairs))
    return counts


def _prf(tp_p: float, n_pred: float, tp_r: float, n_gold: float) -> tuple[float, float, float]:
    p = tp_p / n_pred if n_pred else 0.0
    r = tp_r / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def summarise(counts: Counter[str]) -> dict[str, float]:
    """Turn summed counts into ``<measure>_{p,r,f1}`` (overall and ``<kind>_<measure>_...``)."""
    report: dict[str, float] = {"n_gold": counts["n_gold"], "n_pred": counts["n_pred"]}
    for m in (*MEASURES, "cue_independent"):
        tp = counts[f"{m}_tp"]
        p, r, f = _prf(tp, counts["n_pred"], tp, counts["n_gold"])
        report.update({f"{m}_p": p, f"{m}_r": r, f"{m}_f1": f})
    for k in KINDS:
        for m in MEASURES:
            p, r, f = _prf(
                counts[f"{m}_tp_pred_{k}"],
                counts[f"n_pred_{k}"],
                counts[f"{m}_tp_gold_{k}"],
                counts[f"n_gold_{k}"],
            )
            report.update({f"{k}_{m}_p": p, f"{k}_{m}_r": r, f"{k}_{m}_f1": f})
    j50 = counts["content_j50_tp"]
    report["source_acc"] = counts["source_tp"] / j50 if j50 else 0.0
    report["cue_acc"] = counts["cue_tp"] / j50 if j50 else 0.0
    return report


def score(
    gold_docs: list[dict[str, Any]], pred_docs: dict[str, list[dict[str, Any]]]
) -> dict[str, float]:
    """Score predictions (batch-contract dicts keyed by document id) against gold documents.

    Args:
        gold_docs: documents as in ``polnear-dev.jsonl`` (``id``, ``text``, ``attributions``).
        pred_docs: ``{doc id: [{"cue", "source", "content", "kind", "content_frags"}, ...]}``.

    Returns:
        Flat metrics: ``content_j50_f1``, ``triple_f1``, ``source_acc``,
        ``direct_content_j50_f1``, ...
    """
    total: Counter[str] = Counter()
    for doc in gold_docs:
        total.update(score_document(doc["text"], doc["attributions"], pred_docs.get(doc["id"], [])))
    return summarise(total)


def to_prediction(att: Any) -> dict[str, Any]:
    """A ``RawAttribution`` in the batch-contract shape."""
    return {
        "cue": list(att.cue),
        "source": list(att.source) if att.source is not None else None,
        "content": list(att.content),
        "kind": att.kind,
        "content_frags": [list(f) for f in att.content_frags],
    }


def predict(texts: list[tuple[str, str]]) -> dict[str, list[dict[str, Any]]]:
    """Run the real pipeline over ``(doc id, text)`` pairs; predictions by id, as shipped."""
    from ..nlp.pipeline import load_pipeline

    nlp = load_pipeline(components=("reportedly_attribution",))
    out: dict[str, list[dict[str, Any]]] = {}
    pairs = ((text, doc_id) for doc_id, text in texts)
    for doc, doc_id in nlp.pipe(pairs, as_tuples=True, batch_size=16):
        atts = getattr(doc._, "attributions", None) or []
        out[doc_id] = [to_prediction(a) for a in atts]
    return out


def read_gold(path: Path, *, limit: int | None = None) -> list[dict[str, Any]]:
    """Read a gold JSONL file (first ``limit`` documents)."""
    docs: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                docs.append(json.loads(line))
            if limit is not None and len(docs) >= limit:
                break
    return docs


def evaluate(path: Path, *, limit: int | None = None) -> dict[str, float]:
    """Predict on the documents of a gold JSONL file and score them."""
    gold = read_gold(path, limit=limit)
    preds = predict([(d["id"], d["text"]) for d in gold])
    return score(gold, preds)


def format_report(report: dict[str, float]) -> str:
    """A plain-text table of P/R/F1 per measure, overall and per kind."""
    lines = [f"{'measure':<22}{'P':>7}{'R':>7}{'F1':>7}"]
    for prefix in ("", *(f"{k}_" for k in KINDS)):
        for m in MEASURES + (("cue_independent",) if not prefix else ()):
            key = f"{prefix}{m}"
            if f"{key}_f1" not in report:
                continue
            p, r, f = (100 * report[f"{key}_{x}"] for x in ("p", "r", "f1"))
            lines.append(f"{key:<22}{p:7.1f}{r:7.1f}{f:7.1f}")
    lines.append(f"source accuracy (|J>=0.5): {100 * report.get('source_acc', 0.0):.1f}")
    lines.append(f"gold {int(report.get('n_gold', 0))}, predicted {int(report.get('n_pred', 0))}")
    return "\n".join(lines)
