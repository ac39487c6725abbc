"""Train the attribution cue table from PolNeAR's train part (no texts are stored).

For every verb and noun of every parsed training document, each complement
reading (``reportedly.nlp.attribution.readings``: ccomp, parataxis, xcomp, advcl,
dobj, dobj_x, prep, prep2, n_clause, n_prep) is a candidate; it counts as matched
when its content has word-token Jaccard >= 0.5 with a gold content whose cue
overlaps the token. The table ``{rule: {lemma: [matched, seen]}}`` (lemmas seen
at least twice) is written to ``src/reportedly/data/attribution_cues.json``
through a temporary file.

Usage:
    .venv/bin/python scripts/train_attribution.py /work/shared/data/attribution-dev/polnear-train.jsonl
    (``--docbin parsed.spacy`` reuses a DocBin of the same documents parsed by the same model)
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from reportedly.evaluation.attribution import _jaccard, _tokens, read_gold
from reportedly.nlp.attribution.lexicon import MIN_COUNT, THRESHOLD
from reportedly.nlp.attribution.readings import readings
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
        lemma = tok.lemma_.lower()
        for rule, frags in readings(tok):
            toks = _tokens(text, [list(f) for f in frags])
            hit = any(cue[0] <= tok.idx < cue[1] and _jaccard(toks, gt) >= 0.5 for cue, gt in golds)
            cell = table[rule].setdefault(lemma, [0, 0])
            cell[0] += int(hit)
            cell[1] += 1


def iter_parsed(docs: list[dict[str, Any]], docbin: Path | None) -> Iterator[Any]:
    """The parsed documents, from a saved DocBin or parsed now."""
    nlp = load_pipeline(components=())
    if docbin is not None:
        from spacy.tokens import DocBin

        yield from DocBin().from_disk(docbin).get_docs(nlp.vocab)
        return
    yield from nlp.pipe((d["text"] for d in docs), batch_size=16)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("train", type=Path)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--docbin", type=Path, default=None)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)
    docs = read_gold(args.train, limit=args.limit)
    table: dict[str, dict[str, list[int]]] = defaultdict(dict)
    for n, (doc, gold) in enumerate(zip(iter_parsed(docs, args.docbin), docs, strict=False), 1):
        if doc.text != gold["text"]:
            raise SystemExit(f"parsed document {n} does not match the training file")
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
    tmp = OUT.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(out, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
    tmp.replace(OUT)
    logger.info("wrote %s", OUT)


if __name__ == "__main__":
    main()
