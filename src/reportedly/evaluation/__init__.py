"""Evaluation: score the pipeline on gold sets; floors pinned in tests/eval/floors hold it there."""

from .gate import check_floors
from .metrics import macro_f1, shingle_scores

__all__ = ["check_floors", "macro_f1", "shingle_scores"]
