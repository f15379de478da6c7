"""Run ``press-extract`` as a subprocess and measure it: wall time and the peak resident memory
of the process and of its worker processes (sampled from ``/proc``, Linux only)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path


def cli(*args: str) -> list[str]:
    """The command line of ``press-extract`` in this environment."""
    script = Path(sys.executable).with_name("press-extract")
    if script.exists():
        return [str(script), *args]
    return [sys.executable, "-c", "from cli import main; main()", *args]


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return found
    for task in tasks:
        try:
            with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as handle:
                found += [int(child) for child in handle.read().split()]
        except OSError:
            continue
    return found


def tree(pid: int) -> dict[int, int]:
    """Resident memory (kB) of ``pid`` and every descendant."""
    sizes: dict[int, int] = {}
    todo = [pid]
    while todo:
        current = todo.pop()
        sizes[current] = _rss_kb(current)
        todo += _children(current)
    return sizes


@dataclass
class Measured:
    """One measured run."""

    returncode: int
    seconds: float
    stderr: str
    peak_parent_mb: float = 0.0
    peak_worker_mb: float = 0.0
    peak_total_mb: float = 0.0
    samples: list[float] = field(default_factory=list)


def measure(args: list[str], *, every: float = 0.25) -> Measured:
    """Run ``args`` (stdout discarded), sampling the memory of its process tree."""
    started = time.perf_counter()
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peaks = {"parent": 0, "worker": 0, "total": 0}
    totals: list[float] = []
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            sizes = tree(process.pid)
            parent = sizes.pop(process.pid, 0)
            peaks["parent"] = max(peaks["parent"], parent)
            peaks["worker"] = max([peaks["worker"], *sizes.values()])
            total = parent + sum(sizes.values())
            peaks["total"] = max(peaks["total"], total)
            totals.append(total / 1024)
            stop.wait(every)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, stderr = process.communicate()
    stop.set()
    sampler.join()
    return Measured(
        returncode=process.returncode,
        seconds=time.perf_counter() - started,
        stderr=stderr.decode("utf-8", "replace"),
        peak_parent_mb=peaks["parent"] / 1024,
        peak_worker_mb=peaks["worker"] / 1024,
        peak_total_mb=peaks["total"] / 1024,
        samples=totals,
    )
