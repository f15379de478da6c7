"""Shared fixtures: the pretrained pipeline once per session, a blank pipeline per test, paths."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

REPO_ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def nlp() -> Iterator[Language]:
    """The full pipeline (pretrained model + pr_* components), the same cached object that
    ``extract()`` uses. Tests must not add or remove pipes on it; use ``blank_nlp`` for that."""
    from extractor.pipeline import get_nlp

    pipeline = get_nlp()
    names = list(pipeline.pipe_names)
    yield pipeline
    assert pipeline.pipe_names == names, "a test changed the shared pipeline's pipes"


@pytest.fixture
def blank_nlp() -> Language:
    """A fresh ``spacy.blank("en")`` pipeline with the toolkit's extensions declared."""
    from extractor import attrs

    attrs.register_extensions()
    return spacy.blank("en")


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    """The repository's ``samples/`` folder."""
    return REPO_ROOT / "samples"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The ``shared`` folder beside the repository (``../shared``); skips when it is missing."""
    path = Path(__file__).resolve().parents[2] / "shared"
    if not path.is_dir():
        pytest.skip(f"needs the shared folder beside the repository, not found at {path}")
    return path


@pytest.fixture(scope="session")
def blank_model(tmp_path_factory: pytest.TempPathFactory) -> str:
    """Path of a saved ``spacy.blank("en")`` pipeline: ``--model`` / ``Settings.model`` for
    runs that exercise the batch machinery (readers, processes, output) without the cost of
    the statistical model; the toolkit's components still run on it."""
    path = tmp_path_factory.mktemp("blank_model") / "en_blank"
    spacy.blank("en").to_disk(path)
    return str(path)
