"""The ``reportedly_attribution`` spaCy component: sets ``doc._.attributions``.

Requires a parsed Doc (``token.dep``, ``token.lemma``, ``doc.ents``, sentences);
assigns ``doc._.attributions: list[RawAttribution]``. Reads the publishing
outlet from the article context (``reportedly.nlp.context``) for source chains.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc

from .finder import find_attributions
from .lexicon import load_lexicon

if TYPE_CHECKING:
    from .types import RawAttribution

logger = logging.getLogger(__name__)

EXTENSION = "attributions"


class AttributionComponent:
    """Find who said what; a failure in one document is logged and leaves an empty list."""

    def __init__(self, nlp: Language, name: str = "reportedly_attribution") -> None:
        """Register the ``doc._.attributions`` extension if needed.

        Args:
            nlp: the pipeline (unused; spaCy's factory signature).
            name: the component's name in the pipeline.
        """
        self.name = name
        load_lexicon()  # fail once, loudly, at load time, not once per sentence
        if not Doc.has_extension(EXTENSION):
            Doc.set_extension(EXTENSION, default=None)

    def __call__(self, doc: Doc) -> Doc:
        """Set ``doc._.attributions`` on ``doc`` and return it."""
        try:
            found: list[RawAttribution] = find_attributions(doc)
        except Exception:  # never fail a batch on one document
            logger.exception("attribution failed for a document of %d chars", len(doc.text))
            found = []
        setattr(doc._, EXTENSION, found)
        return doc


@Language.factory(
    "reportedly_attribution",
    assigns=["doc._.attributions"],
    requires=["token.dep", "token.lemma", "doc.ents", "doc.sents"],
)
def make_attribution(nlp: Language, name: str) -> AttributionComponent:
    """Factory of the ``reportedly_attribution`` component."""
    return AttributionComponent(nlp, name)
