"""Train the attribution cue table from PolNeAR's train part (no texts are stored).

For every verb of every parsed training document, each complement reading
(ccomp, parataxis, xcomp, dobj, prep) is a candidate; it counts as matched when
its content has word-token Jaccard >= 0.5 with a gold content whose cue overlaps
the verb. The table ``{rule: {lemma: [matched, seen]}}`` (lemmas seen at least
twice) is written to ``src/reportedly/data/attribution_cues.json``.

Usage:
    .venv/bin/python scripts/train_attribution.py /work/shared/data/attribution-dev/polnear-train.jsonl --limit 400
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
from collections import defaultdict
from pathlib import Path
from typing import Any

from reportedly.evaluation.attribution import _jaccard, _tokens, read_gold
from reportedly.nlp.attribution.indirect import content_options
from reportedly.nlp.attribution.lexicon import MIN_COUNT, THRESHOLD
from reportedly.nlp.pipeline import load_pipeline

logger = logging.getLogger("train_attribution")
OUT = Path(__file__).resolve().parents[1] / "src" / "reportedly" / "data" / "attribution_cues.json"


def count_document(
    doc: Any, gold: list[dict[str, Any]], table: dict[str, dict[str, list[int]]]
) -> None:
    """Add one document's candidate outcomes to ``table``."""
    text = doc.text
    golds = [
        (g["cue"], _tokens(text, [list(f) for f in (g.get("content_frags") or [g["content"]])]))
        for g in gold
        if g.get("cue")
    ]
    for tok in doc:
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        lemma = tok.lemma_.lower()
        for rule, frags in content_options(tok):
            toks = _tokens(text, [list(f) for f in frags])
            hit = any(cue[0] <= tok.idx < cue[1] and _jaccard(toks, gt) >= 0.5 for cue, gt in golds)
            cell = table[rule].setdefault(lemma, [0, 0])
            cell[0] += int(hit)
            cell[1] += 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("train", type=Path)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)
    docs = read_gold(args.train, limit=args.limit)
    nlp = load_pipeline(components=())
    table: dict[str, dict[str, list[int]]] = defaultdict(dict)
    pairs = ((d["text"], d) for d in docs)
    for n, (doc, gold) in enumerate(nlp.pipe(pairs, as_tuples=True, batch_size=16), 1):
        count_document(doc, gold["attributions"], table)
        if n % 100 == 0:
            logger.info("%d documents", n)
    counts = {
        rule: {k: v for k, v in sorted(t.items()) if v[1] >= 2} for rule, t in sorted(table.items())
    }
    out = {
        "provenance": {
            "data": "PolNeAR v1.0.0 train part (months 1-10), attribution-dev/polnear-train.jsonl",
            "data_sha256": hashlib.sha256(args.train.read_bytes()).hexdigest(),
            "documents": len(docs),
            "model": "en_core_web_sm 3.8.0",
            "script": "scripts/train_attribution.py",
            "note": "counts only: no text of the corpus is stored",
        },
        "threshold": THRESHOLD,
        "min_count": MIN_COUNT,
        "counts": counts,
    }
    OUT.write_text(json.dumps(out, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
    logger.info("wrote %s", OUT)


if __name__ == "__main__":
    main()
