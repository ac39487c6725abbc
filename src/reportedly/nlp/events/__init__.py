"""PLOVER event coding: triggers, roles, dates, modality; the ``reportedly_events`` component.

Importing this package registers the spaCy factory ``reportedly_events``.
"""

from .component import EventsComponent, extract_events, make_events_component
from .dates import choose_anchor, find_dates, resolve_expression
from .lexicon import load_lexicon
from .modality import detect_modality
from .records import EXTRACTOR, MODALITIES, PLOVER_TYPES, RawEvent

__all__ = [
    "EXTRACTOR",
    "MODALITIES",
    "PLOVER_TYPES",
    "EventsComponent",
    "RawEvent",
    "choose_anchor",
    "detect_modality",
    "extract_events",
    "find_dates",
    "load_lexicon",
    "make_events_component",
    "resolve_expression",
]
