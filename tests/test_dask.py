"""Dask: a real ``distributed.LocalCluster`` (a scheduler and two worker processes on
localhost) gives the same lines, in the same order, as a local run; the library helpers too."""

from __future__ import annotations

import json
import logging
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app

distributed = pytest.importorskip("distributed")

REPO = Path(__file__).resolve().parents[1]
EXIT_OK, EXIT_USAGE = 0, 2


@pytest.fixture(scope="module")
def cluster() -> Iterator[distributed.LocalCluster]:
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        silence_logs=logging.ERROR,
    ) as local:
        yield local


@pytest.fixture(scope="module")
def releases(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """40 team-written releases: samples/, eval/gold/ and the gold ones with a postscript."""
    folder = tmp_path_factory.mktemp("forty")
    texts = sorted(REPO.glob("samples/*.txt")) + sorted(REPO.glob("eval/gold/*.txt"))
    for n, path in enumerate(texts):
        (folder / f"{n:02d}_{path.name}").write_bytes(path.read_bytes())
    for n, path in enumerate(sorted(REPO.glob("eval/gold/*.txt")), start=len(texts)):
        text = path.read_text(encoding="utf-8") + "\nThis copy was issued for a batch test.\n"
        (folder / f"{n:02d}_copy_{path.name}").write_text(text, encoding="utf-8")
    assert len(list(folder.iterdir())) == 40
    return folder


def invoke(*args: str) -> object:
    return CliRunner().invoke(app, list(args))


@pytest.mark.model
def test_dask_cluster_gives_the_local_lines_in_order(
    cluster: distributed.LocalCluster, releases: Path, tmp_path: Path
) -> None:
    local, remote = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    result = invoke("extract", str(releases), "-o", str(local), "--include-text")
    assert result.exit_code == EXIT_OK, result.stderr
    result = invoke(
        "extract",
        str(releases),
        "-o",
        str(remote),
        "--include-text",
        "--batch-size",
        "3",
        "--dask-scheduler",
        cluster.scheduler_address,
    )
    assert result.exit_code == EXIT_OK, result.stderr
    assert remote.read_bytes() == local.read_bytes()
    assert len(remote.read_bytes().splitlines()) == 40
    with distributed.Client(cluster.scheduler_address) as client:  # every worker took part
        assert all(client.run(lambda: __import__("extractor.pipeline").pipeline._CACHE).values())


@pytest.mark.model
def test_dask_resume_on_the_cluster(
    cluster: distributed.LocalCluster, releases: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out.jsonl"
    args = ["extract", str(releases), "-o", str(out), "--dask-scheduler", cluster.scheduler_address]
    assert invoke(*args).exit_code == EXIT_OK
    full = out.read_bytes()
    out.write_bytes(b"".join(full.splitlines(keepends=True)[:25]) + b'{"source": "x", "o')
    result = invoke(*args, "--resume")
    assert result.exit_code == EXIT_OK, result.stderr
    assert "25 already in" in result.stderr
    assert out.read_bytes() == full


@pytest.mark.model
def test_dask_library_helpers(cluster: distributed.LocalCluster, releases: Path) -> None:
    import dask.bag as db
    import dask.dataframe as dd
    import pandas

    from extractor.dask import extract_bag, extract_dataframe, extract_items

    paths = sorted(releases.iterdir())[:9]
    items = [(p.read_text(encoding="utf-8"), p.name) for p in paths] + [("", "empty")]
    expected = extract_items(items)
    with distributed.Client(cluster.scheduler_address):
        lines = extract_bag(db.from_sequence(items, npartitions=3)).compute()
        frame = pandas.DataFrame({"id": [name for _, name in items], "text": [t for t, _ in items]})
        result = extract_dataframe(dd.from_pandas(frame, npartitions=2)).compute()
    assert [line.get("record") for line in lines] == [line.get("record") for line in expected]
    assert lines[-1]["error"]["type"] == "empty"
    assert [line["source"] for line in lines] == [name for _, name in items]
    assert result["source"].tolist() == frame["id"].tolist()
    assert result["ok"].tolist() == [True] * 9 + [False]
    assert result["error_type"].tolist()[-1] == "empty"
    records = [json.loads(r) for r in result["record"].tolist()[:9]]
    assert records == [line["record"] for line in expected[:9]]


def test_dask_unreachable_scheduler_is_a_usage_error(tmp_path: Path) -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    release = tmp_path / "a.txt"
    release.write_text("PARIS - A release.", encoding="utf-8")
    result = invoke(
        "extract",
        str(release),
        "--dask-scheduler",
        f"tcp://127.0.0.1:{port}",
        "--dask-timeout",
        "1",
    )
    assert result.exit_code == EXIT_USAGE
    assert f"cannot reach the Dask scheduler at tcp://127.0.0.1:{port}" in result.stderr
    assert result.stdout == ""
