"""The NLP stage: spaCy pipeline, reportedly's components, and the Doc -> model conversion."""

from .pipeline import find_model, load_pipeline

__all__ = ["find_model", "load_pipeline"]
