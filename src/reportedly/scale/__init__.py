"""Scale: the same pipeline over many processes (local pool) or a cluster (thin adapters)."""

from .local import analyze_parallel
from .partition import process_partition

__all__ = ["analyze_parallel", "process_partition"]
