"""Turn press releases into structured, schema-validated records with a spaCy pipeline."""

from __future__ import annotations

import logging

from extractor.errors import (
    ConfigError,
    ExtractorError,
    InputError,
    ModelNotFoundError,
    PipelineError,
)
from extractor.models import Failure, PressRelease

__version__ = "0.1.0"
__all__ = [
    "ConfigError",
    "ExtractorError",
    "Failure",
    "InputError",
    "ModelNotFoundError",
    "PipelineError",
    "PressRelease",
    "__version__",
    "extract",
    "extract_many",
    "validate",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())


def __getattr__(name: str) -> object:
    # spaCy is imported on first use, so `press-extract schema`/`validate` start fast.
    if name in ("extract", "extract_many"):
        from extractor import api

        return getattr(api, name)
    if name == "validate":
        from extractor.schema import validate

        return validate
    raise AttributeError(f"module 'extractor' has no attribute {name!r}")
