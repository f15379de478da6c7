"""Extraction on a Dask distributed cluster (``pip install "press-extract[dask]"``).

Command line: ``press-extract extract … --dask-scheduler tcp://HOST:PORT`` runs the batch on an
existing cluster (:class:`DaskBackend`): this process reads the inputs and writes the output;
each chunk of ``--batch-size`` documents is one task; every worker process builds the pipeline
once (on its first task) and keeps it; results come back and are written in input order, so
``--resume`` works as in a local run.

Library, for Dask users (every worker needs press-extract and its model installed):

```python
import dask.bag as db
import dask.dataframe as dd
from distributed import Client

from extractor.dask import extract_bag, extract_dataframe

client = Client("tcp://scheduler:8786")
lines = extract_bag(db.from_sequence(texts, npartitions=8)).compute()  # batch-line dicts
frame = extract_dataframe(dd.read_parquet("releases/"), text_column="text", id_column="id")
```

Tasks on one worker process run one at a time (a lock guards the shared pipeline), so start
workers with one thread each and as many processes as cores:
``dask worker tcp://HOST:8786 --nworkers 4 --nthreads 1``.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from extractor.batch import (
    IN_FLIGHT,
    BatchLine,
    Chunk,
    WorkerError,
    extract_chunk,
    ordered,
    to_json_line,
)
from extractor.errors import ConfigError
from extractor.models import BatchFailure, BatchSuccess, Failure
from extractor.settings import Settings

if TYPE_CHECKING:
    import dask.bag
    import dask.dataframe
    import pandas
    from distributed import Client

__all__ = [
    "RESULT_COLUMNS",
    "DaskBackend",
    "extract_bag",
    "extract_dataframe",
    "extract_partition",
]

_LOCK = threading.Lock()
"""One extraction at a time per worker process: the pipeline is shared by its threads."""

RESULT_COLUMNS: tuple[str, ...] = ("source", "ok", "record", "error_type", "error_message")
"""Columns of :func:`extract_partition`'s result (``record`` holds the record's JSON)."""

INSTALL_HINT = 'install the dask extra: pip install "press-extract[dask]"'


def run_chunk(chunk: Chunk, settings: Settings, include_text: bool) -> list[BatchLine]:
    """The task run on a worker for one chunk (see :func:`extractor.batch.extract_chunk`)."""
    with _LOCK:
        return extract_chunk(chunk, settings, include_text)


def worker_problem(settings: Settings) -> str | None:
    """Run on every worker before the batch: why this worker cannot extract, or ``None``."""
    from extractor.errors import ConfigError as _ConfigError
    from extractor.pipeline import resolve_model_name

    try:
        resolve_model_name(settings.model)
    except _ConfigError as error:
        return str(error)
    return None


def _client(settings: Settings) -> Client:
    try:
        from distributed import Client
    except ImportError:
        raise ConfigError(f"--dask-scheduler needs dask.distributed: {INSTALL_HINT}") from None
    try:
        return Client(settings.scheduler, timeout=settings.connect_timeout, set_as_default=False)
    except (OSError, TimeoutError, ValueError, TypeError) as error:
        raise ConfigError(
            f"cannot reach the Dask scheduler at {settings.scheduler} within "
            f"{settings.connect_timeout:g} s: {error}"
        ) from None


class DaskBackend:
    """Chunks extracted as tasks on the workers of a Dask cluster, in input order."""

    def __init__(self, settings: Settings, include_text: bool) -> None:
        self.settings = settings
        self.include_text = include_text
        self.client = _client(settings)
        try:
            self.window = self._check_workers()
        except BaseException:
            self.client.close()
            raise

    def _check_workers(self) -> int:
        """Wait for a worker, check every worker can extract; the number of tasks in flight."""
        address = self.settings.scheduler
        try:
            self.client.wait_for_workers(1, timeout=self.settings.connect_timeout)
        except TimeoutError:
            raise ConfigError(f"the Dask scheduler at {address} has no workers") from None
        try:
            problems = self.client.run(worker_problem, self.settings)
        except Exception as error:
            raise ConfigError(
                f"the Dask workers of {address} cannot run press-extract "
                f"({type(error).__name__}: {error}); install the same press-extract and its "
                "model on every worker"
            ) from None
        for worker, problem in sorted(problems.items()):
            if problem:
                raise ConfigError(f"Dask worker {worker}: {problem}")
        workers = self.client.scheduler_info(n_workers=-1)["workers"]
        threads = sum(int(info.get("nthreads", 1)) for info in workers.values())
        return max(IN_FLIGHT, IN_FLIGHT * threads)

    def _submit(self, chunk: Chunk) -> Any:
        return self.client.submit(run_chunk, chunk, self.settings, self.include_text, pure=False)

    def map(self, chunks: Iterable[Chunk]) -> Iterator[list[BatchLine]]:
        """See :class:`extractor.batch.Backend`."""
        try:
            yield from ordered(self._submit, chunks, self.window)
        except (OSError, TimeoutError) as error:
            raise WorkerError(f"the Dask cluster failed: {type(error).__name__}: {error}") from None
        except Exception as error:
            if type(error).__module__.startswith("distributed"):
                raise WorkerError(
                    f"the Dask cluster failed: {type(error).__name__}: {error}"
                ) from None
            raise

    def close(self, *, force: bool = False) -> None:
        """Disconnect from the cluster (the cluster itself keeps running)."""
        del force
        self.client.close()


# --------------------------------------------------------------------------- library helpers


def _as_dict(line: BatchLine) -> dict[str, Any]:
    import json

    return json.loads(to_json_line(line))  # the exact shape of a CLI output line


def _line(result: Any, include_text: bool, text: str) -> BatchLine:
    if isinstance(result, Failure):
        return BatchFailure(source=result.source, error=result.error)
    return BatchSuccess(source=result.source, record=result, text=text if include_text else None)


def extract_items(
    items: Iterable[str | tuple[str, str | None]],
    *,
    settings: Settings | None = None,
    include_text: bool = False,
) -> list[dict[str, Any]]:
    """Batch-line dicts for texts or ``(text, source)`` pairs, in order (one worker's part).

    Spans index each text exactly as given. A failure's message names the item by its
    position in ``items`` (its partition, under :func:`extract_bag`).
    """
    from extractor.api import extract_many

    local = (settings or Settings()).model_copy(update={"n_process": 1})
    items = list(items)  # a partition may be any iterable
    texts = [item if isinstance(item, str) else item[0] for item in items]
    with _LOCK:
        results = list(extract_many(items, settings=local))
    return [
        _as_dict(_line(result, include_text, text))
        for result, text in zip(results, texts, strict=True)
    ]


def extract_bag(
    bag: dask.bag.Bag, *, settings: Settings | None = None, include_text: bool = False
) -> dask.bag.Bag:
    """A Bag of batch-line dicts (``{"source", "ok", "record" | "error"}``, as the CLI writes
    them), one per element of ``bag``, in order.

    Args:
        bag: Texts, or ``(text, source)`` pairs.
        settings: Run settings (model, limits, ``batch_size`` for ``nlp.pipe``).
        include_text: Add ``text`` to each line.
    """
    return bag.map_partitions(extract_items, settings=settings, include_text=include_text)


def extract_partition(
    frame: pandas.DataFrame,
    *,
    text_column: str = "text",
    id_column: str | None = "id",
    settings: Settings | None = None,
) -> pandas.DataFrame:
    """One result row per row of ``frame`` (same index), columns :data:`RESULT_COLUMNS`.

    ``source`` is the id column's value as text (``None`` without one), ``record`` the record's
    JSON (``None`` for a failure), ``error_type`` / ``error_message`` the failure (``None`` on
    success). Usable on its own or through :func:`extract_dataframe`.
    """
    import pandas

    texts = frame[text_column].tolist()
    if id_column is not None and id_column in frame.columns:
        sources = [None if pandas.isna(v) else str(v) for v in frame[id_column].tolist()]
    else:
        sources = [None] * len(texts)
    items = [
        ("" if text is None else text, source) for text, source in zip(texts, sources, strict=True)
    ]
    lines = extract_items(items, settings=settings) if items else []
    rows = [
        {
            "source": line["source"],
            "ok": bool(line["ok"]),
            "record": _json(line.get("record")),
            "error_type": line["error"]["type"] if "error" in line else None,
            "error_message": line["error"]["message"] if "error" in line else None,
        }
        for line in lines
    ]
    result = pandas.DataFrame(rows, columns=list(RESULT_COLUMNS), index=frame.index)
    return result.astype({"source": object, "ok": bool, "record": object}).astype(
        {"error_type": object, "error_message": object}
    )


def _json(record: dict[str, Any] | None) -> str | None:
    import json

    return None if record is None else json.dumps(record, ensure_ascii=False)


def extract_dataframe(
    frame: dask.dataframe.DataFrame,
    *,
    text_column: str = "text",
    id_column: str | None = "id",
    settings: Settings | None = None,
) -> dask.dataframe.DataFrame:
    """:func:`extract_partition` over every partition of a Dask DataFrame."""
    import pandas

    meta = extract_partition(
        pandas.DataFrame({text_column: pandas.Series([], dtype=object)}),
        text_column=text_column,
        id_column=None,
    )
    return frame.map_partitions(
        extract_partition,
        text_column=text_column,
        id_column=id_column,
        settings=settings,
        meta=meta,
    )
