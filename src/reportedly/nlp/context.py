"""Article context handed to reportedly's spaCy components through ``doc.user_data``.

The pipeline creates each Doc with ``nlp.make_doc(text)`` and stores the
article's metadata under ``doc.user_data["reportedly"]`` *before* the components
run, so a component can see the publishing outlet (source chains) and the page's
dates (event dates) without any global state.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

KEY = "reportedly"


@dataclass(frozen=True, slots=True)
class ArticleContext:
    """What components may know about the article behind a Doc."""

    outlet: str | None = None
    url: str | None = None
    # (iso value, kind, origin): kind is a models.DateKind ("published", "page_banner", ...)
    dates: tuple[tuple[str, str, str], ...] = ()
    title_span: tuple[int, int] | None = None
    lead_span: tuple[int, int] | None = None
    lang: str | None = "en"
    extra: dict[str, str] = field(default_factory=dict)


def set_context(doc: Doc, context: ArticleContext) -> Doc:
    """Attach ``context`` to ``doc`` and return it."""
    doc.user_data[KEY] = context
    return doc


def get_context(doc: Doc) -> ArticleContext:
    """The context attached to ``doc``, or an empty one (plain ``nlp(text)`` calls)."""
    value = doc.user_data.get(KEY)
    return value if isinstance(value, ArticleContext) else ArticleContext()
