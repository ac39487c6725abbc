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

from .finder import find_attributions_and_sourcing
from .lexicon import load_lexicon

if TYPE_CHECKING:
    from .types import RawAttribution, SourcingStatement

logger = logging.getLogger(__name__)

EXTENSION = "attributions"
SOURCING = "sourcing"  # outlet-level statements: the chain narration reaches the reader through


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
        for extension in (EXTENSION, SOURCING):
            if not Doc.has_extension(extension):
                Doc.set_extension(extension, default=None)

    def __call__(self, doc: Doc) -> Doc:
        """Set ``doc._.attributions`` on ``doc`` and return it."""
        found: list[RawAttribution] = []
        sourcing: list[SourcingStatement] = []
        try:
            found, sourcing = find_attributions_and_sourcing(doc)
        except Exception:  # never fail a batch on one document
            logger.exception("attribution failed for a document of %d chars", len(doc.text))
        setattr(doc._, EXTENSION, found)
        setattr(doc._, SOURCING, sourcing)
        return doc


@Language.factory(
    "reportedly_attribution",
    assigns=["doc._.attributions", "doc._.sourcing"],
    requires=["token.dep", "token.lemma", "doc.ents", "doc.sents"],
)
def make_attribution(nlp: Language, name: str) -> AttributionComponent:
    """Factory of the ``reportedly_attribution`` component."""
    return AttributionComponent(nlp, name)
