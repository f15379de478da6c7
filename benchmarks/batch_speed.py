"""Speed-up from worker processes: 1 against N processes on the same Senate releases.

    python benchmarks/batch_speed.py [--n 1000] [--processes 2] [--skip-library]

(0) A calibration: a pure-Python loop in 1 process, then in N processes at once, says how much
parallel work this machine's cores really allow. (a) The command line, as a user runs it:
``press-extract extract FILE.jsonl -o OUT --n-process P`` on a temporary JSONL file holding
the first ``--n`` releases (wall time of the whole command, start-up and model loading
included). (b) The library:
``extract_many(texts, n_process=P)`` with the model loaded before timing. Prints seconds,
releases per second and the ratio. Every configuration runs ``--rounds`` times, alternating
(1, N, 1, N, ...), and the best time counts; the CPU time of all processes is printed too. Run
it on an otherwise idle machine: other work on the same cores lowers the ratio.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path

from _process import cli, measure
from _shared import REPO_ROOT

DEFAULT_PATH = REPO_ROOT.parent / "shared/data/press_releases/grimmer_senate_press_releases.jsonl"


def first_rows(path: Path, n: int) -> list[dict[str, object]]:
    """The first ``n`` rows of a JSONL file."""
    rows = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                rows.append(json.loads(line))
            if len(rows) >= n:
                break
    return rows


def cpu_seconds() -> float:
    """CPU time (user + system) of this process and its finished children so far."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def time_cli(corpus: Path, processes: int, folder: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one ``press-extract extract`` run."""
    out = folder / f"out_{processes}.jsonl"
    args = ["extract", str(corpus), "-o", str(out), "--overwrite", "-s"]
    cpu = cpu_seconds()
    result = measure(cli(*args, "--n-process", str(processes)))
    if result.returncode not in (0, 1):
        raise SystemExit(f"the run failed ({result.returncode}): {result.stderr[-2000:]}")
    return result.seconds, cpu_seconds() - cpu


def time_library(texts: list[str], processes: int) -> tuple[float, float]:
    """Wall and CPU seconds of ``extract_many`` over ``texts`` (model already loaded)."""
    from extractor import extract_many

    start, cpu = time.perf_counter(), cpu_seconds()
    count = sum(1 for _ in extract_many(texts, n_process=processes))
    assert count == len(texts)
    return time.perf_counter() - start, cpu_seconds() - cpu


def _spin(count: int) -> int:
    total = 0
    for number in range(count):
        total += number * number
    return total


def calibrate(processes: int, count: int = 20_000_000) -> float:
    """Throughput of ``processes`` busy processes relative to one (2.0: two real cores)."""
    from concurrent.futures import ProcessPoolExecutor

    start = time.perf_counter()
    _spin(count)
    alone = time.perf_counter() - start
    with ProcessPoolExecutor(processes) as pool:
        list(pool.map(_spin, [1000] * processes))  # started
        start = time.perf_counter()
        list(pool.map(_spin, [count] * processes))
        together = time.perf_counter() - start
    return processes * alone / together


def best(runs: dict[int, list[tuple[float, float]]]) -> dict[int, tuple[float, float]]:
    """The fastest run of each configuration."""
    return {processes: min(times) for processes, times in runs.items()}


def report(name: str, n: int, seconds: dict[int, tuple[float, float]]) -> None:
    """Print one table of timings and the ratio (CPU: all processes of the run)."""
    base = seconds[1][0]
    for processes, (wall, cpu) in seconds.items():
        print(
            f"{name:8} n_process={processes}: {wall:7.1f} s  {n / wall:6.2f} docs/s  "
            f"speed-up {base / wall:.2f}x  (CPU {cpu:6.1f} s, {cpu / wall:.2f} cores busy)",
            flush=True,
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="releases (default 1000)")
    parser.add_argument("--processes", type=int, default=2, help="N to compare with 1")
    parser.add_argument("--path", type=Path, default=DEFAULT_PATH, help="JSONL corpus")
    parser.add_argument("--skip-library", action="store_true", help="time the CLI only")
    parser.add_argument("--skip-cli", action="store_true", help="time extract_many only")
    parser.add_argument("--rounds", type=int, default=2, help="runs of each (best counts)")
    args = parser.parse_args(argv)

    rows = first_rows(args.path, args.n)
    print(
        f"{len(rows)} releases from {args.path.name}; {os.cpu_count()} cores; "
        f"load average before: {os.getloadavg()[0]:.2f}"
    )
    print(
        f"calibration: {args.processes} busy processes do {calibrate(args.processes):.2f}x "
        "the work of one"
    )
    order = [1, args.processes]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        corpus = folder / "corpus.jsonl"
        corpus.write_text(
            "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8"
        )
        if not args.skip_cli:
            runs: dict[int, list[tuple[float, float]]] = {p: [] for p in order}
            for _ in range(args.rounds):
                for processes in order:
                    runs[processes].append(time_cli(corpus, processes, folder))
                    print(f"  CLI {processes}: {runs[processes][-1][0]:.1f} s", flush=True)
            report("CLI", len(rows), best(runs))
    if not args.skip_library:
        from extractor.pipeline import get_nlp

        get_nlp()
        texts = [str(row["text"]) for row in rows]
        time_library(texts[:10], 1)  # warm-up
        runs = {p: [] for p in order}
        for _ in range(args.rounds):
            for processes in order:
                runs[processes].append(time_library(texts, processes))
                print(f"  library {processes}: {runs[processes][-1][0]:.1f} s", flush=True)
        report("library", len(rows), best(runs))
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
