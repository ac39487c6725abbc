"""Train the learned cue scorer (``reportedly.nlp.attribution.learned``) on PolNeAR train.

Every complement reading of every verb and noun outside double quotes is a candidate,
labelled positive when its content has word-token Jaccard >= 0.5 with a gold content whose
cue overlaps the token (the rule of ``scripts/train_attribution.py``). The cue-table count
features are computed held-out: each candidate's own outcome is taken out of its (lemma,
rule) count. A numpy logistic regression (L2, full-batch Adam) is fitted; weights with
``|w| >= PRUNE`` are written, rounded, to ``src/reportedly/data/attribution_scorer.json``
through a temporary file. No text of the corpus is stored: feature names hold lemmas,
tags and rule names only.

Usage:
    .venv/bin/python scripts/train_attribution_scorer.py \\
        /work/shared/data/attribution-dev/polnear-train.jsonl --docbin /tmp/train.spacy
    (the defaults are the shipped settings: --l2 3e-5 --min-count 10 --threshold 0.25)
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import numpy as np

from reportedly.evaluation.attribution import _jaccard, _tokens, read_gold
from reportedly.nlp.attribution.learned import count_features, structural_features
from reportedly.nlp.attribution.quotes import has_double_mark, scan_quotes
from reportedly.nlp.attribution.readings import readings
from reportedly.nlp.attribution.spans import TEXT_KEY, token_in_quote
from reportedly.nlp.pipeline import load_pipeline

logger = logging.getLogger("train_attribution_scorer")
OUT = (
    Path(__file__).resolve().parents[1] / "src" / "reportedly" / "data" / "attribution_scorer.json"
)
PRUNE = 0.01
MIN_FEATURE_COUNT = 10

Instance = tuple[list[tuple[str, float]], str, str, int]  # features, lemma, rule, label


def document_instances(doc: Any, gold: list[dict[str, Any]]) -> list[Instance]:
    """The labelled readings of one parsed document."""
    text = doc.text
    doc.user_data[TEXT_KEY] = text
    in_quote = token_in_quote(doc, scan_quotes(text))
    golds = [
        (g["cue"], _tokens(text, [list(f) for f in (g.get("content_frags") or [g["content"]])]))
        for g in gold
        if g.get("cue")
    ]
    out: list[Instance] = []
    for tok in doc:
        if in_quote[tok.i] or tok.pos_ not in ("VERB", "AUX", "NOUN"):
            continue
        lemma = tok.lemma_.lower()
        for rule, frags in readings(tok):
            toks = _tokens(text, [list(f) for f in frags])
            hit = any(cue[0] <= tok.idx < cue[1] and _jaccard(toks, gt) >= 0.5 for cue, gt in golds)
            quoted = any(has_double_mark(text[s:e]) for s, e in frags)
            feats = structural_features(tok, rule, frags, text, lemma, quoted=quoted)
            out.append((feats, lemma, rule, int(hit)))
    doc.user_data.pop(TEXT_KEY, None)
    return out


def with_heldout_counts(instances: list[Instance]) -> list[list[tuple[str, float]]]:
    """Each instance's features plus the count features without its own outcome."""
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for _, lemma, rule, y in instances:
        cell = counts[(lemma, rule)]
        cell[0] += y
        cell[1] += 1
    rows = []
    for feats, lemma, rule, y in instances:
        matched, seen = counts[(lemma, rule)]
        rows.append(feats + count_features(matched - y, seen - 1))
    return rows


def fit(
    rows: list[list[tuple[str, float]]],
    labels: np.ndarray,
    *,
    l2: float,
    epochs: int,
    min_count: int = MIN_FEATURE_COUNT,
) -> dict[str, float]:
    """Full-batch Adam on the mean log loss plus ``l2``/2 |w|^2 (features seen ``min_count`` times)."""
    df = Counter(name for row in rows for name, _ in row)
    vocab = {n: i for i, n in enumerate(sorted(k for k, c in df.items() if c >= min_count))}
    r_idx, c_idx, vals = [], [], []
    for i, row in enumerate(rows):
        for name, v in row:
            j = vocab.get(name)
            if j is not None:
                r_idx.append(i)
                c_idx.append(j)
                vals.append(v)
    ri, ci, va = np.array(r_idx), np.array(c_idx), np.array(vals)
    n, d = len(rows), len(vocab)
    w, m, s = np.zeros(d), np.zeros(d), np.zeros(d)
    for t in range(1, epochs + 1):
        z = np.clip(np.bincount(ri, weights=w[ci] * va, minlength=n), -30, 30)
        p = 1 / (1 + np.exp(-z))
        g = np.bincount(ci, weights=(p - labels)[ri] * va, minlength=d) / n + l2 * w
        m = 0.9 * m + 0.1 * g
        s = 0.999 * s + 0.001 * g * g
        w -= 0.05 * (m / (1 - 0.9**t)) / (np.sqrt(s / (1 - 0.999**t)) + 1e-8)
        if t % 50 == 0:
            loss = -np.mean(labels * np.log(p + 1e-12) + (1 - labels) * np.log(1 - p + 1e-12))
            logger.info("epoch %d loss %.4f", t, loss)
    names = sorted(vocab, key=vocab.__getitem__)
    return {name: round(float(w[j]), 4) for j, name in enumerate(names) if abs(w[j]) >= PRUNE}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("train", type=Path)
    parser.add_argument("--docbin", type=Path, default=None, help="a saved parse of the file")
    parser.add_argument("--threshold", type=float, default=0.25, help="chosen on PolNeAR dev")
    parser.add_argument("--l2", type=float, default=3e-5)
    parser.add_argument("--epochs", type=int, default=300)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--min-count", type=int, default=MIN_FEATURE_COUNT)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)
    start = time.time()
    docs = read_gold(args.train)
    nlp = load_pipeline(components=())
    if args.docbin is not None:
        from spacy.tokens import DocBin

        parsed = DocBin().from_disk(args.docbin).get_docs(nlp.vocab)
    else:
        parsed = nlp.pipe((d["text"] for d in docs), batch_size=16)
    instances: list[Instance] = []
    for n, (doc, gold) in enumerate(zip(parsed, docs, strict=True), 1):
        if doc.text != gold["text"]:
            raise SystemExit(f"parsed document {n} does not match the training file")
        instances.extend(document_instances(doc, gold["attributions"]))
    labels = np.array([y for *_, y in instances], dtype=float)
    logger.info("%d readings, %d positive", len(instances), int(labels.sum()))
    weights = fit(
        with_heldout_counts(instances),
        labels,
        l2=args.l2,
        epochs=args.epochs,
        min_count=args.min_count,
    )
    out = {
        "provenance": {
            "data": "PolNeAR v1.0.0 train part (months 1-10), attribution-dev/polnear-train.jsonl",
            "data_sha256": hashlib.sha256(args.train.read_bytes()).hexdigest(),
            "documents": len(docs),
            "readings": len(instances),
            "positives": int(labels.sum()),
            "model": "en_core_web_sm 3.8.0",
            "script": "scripts/train_attribution_scorer.py",
            "l2": args.l2,
            "epochs": args.epochs,
            "min_feature_count": args.min_count,
            "note": "weights only: feature names hold lemmas, tags and rules, no corpus text",
        },
        "threshold": args.threshold,
        "weights": dict(sorted(weights.items())),
    }
    tmp = args.out.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(out, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
    tmp.replace(args.out)
    logger.info("wrote %s (%d weights) in %.0fs", args.out, len(weights), time.time() - start)


if __name__ == "__main__":
    main()
