"""Attribution: who said what, according to whom, through which chain of sources.

Importing ``reportedly.nlp.attribution.component`` registers the ``reportedly_attribution``
spaCy factory (``load_pipeline`` does this).
"""

from .finder import find_attributions, find_attributions_and_sourcing
from .types import RawAttribution, SourcingStatement

__all__ = [
    "RawAttribution",
    "SourcingStatement",
    "find_attributions",
    "find_attributions_and_sourcing",
]
