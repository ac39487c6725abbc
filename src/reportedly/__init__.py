"""reportedly: news pages to an attributed, queryable record."""

import logging

from ._version import RECORD_FORMAT_VERSION, __version__

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = ["RECORD_FORMAT_VERSION", "__version__"]
