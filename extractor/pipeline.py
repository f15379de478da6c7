"""Build the spaCy pipeline (pretrained model + pr_* components) once per model and cache it."""

from __future__ import annotations

import logging
from functools import cache
from pathlib import Path

import spacy
from spacy.language import Language

import extractor.components  # noqa: F401  (registers the pr_* factories)
from extractor import attrs
from extractor.errors import ConfigError, ModelNotFoundError
from extractor.settings import COMPONENTS, DEFAULT_MODELS

logger = logging.getLogger(__name__)


def installed_pipelines() -> list[str]:
    """Names of the spaCy pipeline packages installed in this environment."""
    return sorted(spacy.util.get_installed_models())


def resolve_model_name(name: str | None) -> str:
    """The pipeline to load: ``name`` if installed (or a path), else the first default found.

    Raises:
        ModelNotFoundError: when the named (or every default) pipeline is missing.
    """
    installed = installed_pipelines()
    if name is not None:
        if name in installed or spacy.util.is_package(name) or Path(name).is_dir():
            return name
        raise ModelNotFoundError(name, installed)
    for candidate in DEFAULT_MODELS:
        if candidate in installed or spacy.util.is_package(candidate):
            return candidate
    raise ModelNotFoundError(" or ".join(DEFAULT_MODELS), installed)


def build_nlp(model: str | None = None, components: tuple[str, ...] = COMPONENTS) -> Language:
    """Load the pretrained pipeline and add the toolkit's components in order.

    Args:
        model: Pipeline name or path; ``None`` picks the default.
        components: Which ``pr_*`` components to add.

    Returns:
        A ready ``Language``.
    """
    unknown = [c for c in components if c not in COMPONENTS]
    if unknown:
        raise ConfigError(f"unknown components {unknown}; expected some of {list(COMPONENTS)}")
    name = resolve_model_name(model)
    logger.info("loading spaCy pipeline %s", name)
    nlp = spacy.load(name)
    attrs.register_extensions()
    for component in components:
        nlp.add_pipe(component)
    return nlp


@cache
def get_nlp(model: str | None = None) -> Language:
    """The cached pipeline for ``model`` (built on first use)."""
    return build_nlp(model)
