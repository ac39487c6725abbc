"""Canonical entities from a bundled gazetteer (CAMEO/Phoenix dictionaries + curated entries).

Usage:
    >>> from reportedly.gazetteer import load_gazetteer
    >>> load_gazetteer().lookup("ISW").name
    'Institute for the Study of War'
"""

from __future__ import annotations

import logging

from .gazetteer import Gazetteer, load_gazetteer, unknown_entity
from .normalize import normalise, strip_titles

__all__ = ["Gazetteer", "load_gazetteer", "normalise", "strip_titles", "unknown_entity"]

logging.getLogger(__name__).addHandler(logging.NullHandler())
