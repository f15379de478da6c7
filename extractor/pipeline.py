"""Build the spaCy pipeline (pretrained model + pr_* components) from Settings, once per
settings, and route component failures to the document instead of the caller."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

import extractor.components  # noqa: F401  (registers the pr_* factories)
from extractor import attrs
from extractor.components.token_attributes import ATTRIBUTE_RULER, ruler_table
from extractor.components.verb_lemmas import LEMMATIZER
from extractor.errors import ConfigError, ModelNotFoundError
from extractor.settings import DEFAULT_MODELS, Settings

logger = logging.getLogger(__name__)

_CACHE: dict[str, Language] = {}


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


def record_failure(proc_name: str, proc: Any, docs: Iterable[Doc], error: Exception) -> None:
    """spaCy error handler: a component that raises marks its documents as failed.

    The batch goes on; the failed documents become error results in their place. A
    module-level function, so worker processes (``n_process > 1``) can receive it.
    """
    message = f"component {proc_name} failed: {type(error).__name__}: {error}"
    logger.warning(message)  # the error line says the same; the traceback is for -vv
    logger.debug("traceback of the failure in %s", proc_name, exc_info=error)
    for doc in docs:
        if doc._.get(attrs.FAILURE) is None:
            attrs.mark_failed(doc, "pipeline_error", message)


SHIPPED_NER = Path(__file__).resolve().parent / "data" / "ner_model"
"""The press-release entity model (PERSON, ORG, GPE, ROLE and the stock labels) trained by
``training/train.py``; it replaces the base model's ``ner`` in the default pipeline."""


def load_base(name: str, *, use_shipped_ner: bool) -> Language:
    """Load pipeline ``name``; with ``use_shipped_ner``, its ``ner`` is replaced by the
    shipped press-release model (when the package holds one)."""
    nlp = spacy.load(name)
    if use_shipped_ner and SHIPPED_NER.is_dir() and "ner" in nlp.pipe_names:
        trained = spacy.load(SHIPPED_NER)
        position = nlp.pipe_names.index("ner")
        nlp.remove_pipe("ner")
        nlp.add_pipe(
            "ner", source=trained, before=position if position < len(nlp.pipe_names) else None
        )
    return nlp


def load_model(model: str | None) -> Language:
    """The statistical pipeline as the toolkit runs it, without the toolkit's field components.

    ``model`` (``None``: the default, with the shipped entity model) is loaded, and two of its
    rule components get stand-ins that give the toolkit what it reads for less: the attribute
    ruler's rules are applied by table lookup (``pr_token_attributes``, the same assignments;
    kept as it is when its patterns cannot be decided that way) and the lemmatizer runs on
    verbs only (``pr_verb_lemmas``).

    Raises:
        ModelNotFoundError: when the model is not installed.
    """
    name = resolve_model_name(model)
    logger.info("loading spaCy pipeline %s", name)
    nlp = load_base(name, use_shipped_ner=model is None)
    if ruler_table(nlp) is not None:
        nlp.disable_pipe(ATTRIBUTE_RULER)
        nlp.add_pipe("pr_token_attributes", after=ATTRIBUTE_RULER)
    if LEMMATIZER in nlp.pipe_names:
        nlp.disable_pipe(LEMMATIZER)
        nlp.add_pipe("pr_verb_lemmas", after=LEMMATIZER)
    return nlp


def build_nlp(settings: Settings | None = None) -> Language:
    """Load the pretrained pipeline and add the toolkit's components in order.

    Args:
        settings: Model, components and component configuration; defaults when ``None``.

    Returns:
        A ready ``Language`` whose components report failures on the document.

    Raises:
        ModelNotFoundError: when the model is not installed.
        ConfigError: when a component's configuration is refused.
    """
    settings = settings or Settings()
    attrs.register_extensions()
    if settings.fast:
        # No statistical model: spaCy's English tokenizer (the base model's rules), sentence
        # splitting by punctuation, names found by their context.
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        nlp.add_pipe("pr_rule_names")
    else:
        nlp = load_model(settings.model)
    for component in settings.components:
        try:
            nlp.add_pipe(component, config=settings.component_config.get(component, {}))
        except (ValueError, TypeError) as error:  # spaCy's ConfigValidationError is a ValueError
            raise ConfigError(f"component {component}: {error}") from error
    for _, proc in nlp.pipeline:
        with contextlib.suppress(AttributeError):  # spaCy's Cython parser and NER cannot
            proc.set_error_handler(record_failure)
    return nlp


def get_nlp(settings: Settings | None = None) -> Language:
    """The cached pipeline for ``settings`` (built on first use)."""
    settings = settings or Settings()
    key = settings.pipeline_key()
    if key not in _CACHE:
        _CACHE[key] = build_nlp(settings)
    return _CACHE[key]
