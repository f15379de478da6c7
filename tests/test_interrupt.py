"""A real ``press-extract extract`` process killed or interrupted, then resumed (with the model).

These start the command line as a subprocess, the way a user runs it: SIGKILL leaves at most a
torn last line that ``--resume`` cuts off; Ctrl-C (SIGINT to the whole process group, as a
terminal sends it) ends the run after the chunk in progress with exit 130, a note saying how to
resume, and no traceback from the parent or the worker processes.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.model

RELEASE = (
    "Harbour Authority Opens Terminal {n}\n\n"
    "HALIFAX, Nova Scotia, March 3, 2026 -- The Halifax Harbour Authority today opened "
    "terminal {n} on the waterfront. \u201cIt will serve commuters,\u201d said Ms. Jane Doe, "
    "Chief Executive Officer of the authority.\n"
)
COUNT = 60


def command(*args: str) -> list[str]:
    script = Path(sys.executable).with_name("press-extract")
    if script.exists():
        return [str(script), *args]
    return [sys.executable, "-c", "from cli import main; main()", *args]


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(COUNT):
        (folder / f"r{n:02d}.txt").write_text(RELEASE.format(n=n), encoding="utf-8")
    return folder


def complete_lines(path: Path) -> int:
    return path.read_bytes().count(b"\n") if path.exists() else 0


def wait_for_lines(path: Path, count: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 240
    while complete_lines(path) < count:
        if process.poll() is not None or time.monotonic() > deadline:
            pytest.fail(f"the run ended or stalled before {count} lines: {process.returncode}")
        time.sleep(0.02)


def sources(path: Path) -> list[str]:
    return [json.loads(line)["source"] for line in path.read_text(encoding="utf-8").splitlines()]


def test_interrupt_sigkill_then_resume(tmp_path: Path, inputs: Path) -> None:
    out = tmp_path / "out.jsonl"
    args = ["extract", str(inputs), "-o", str(out), "--batch-size", "2"]
    process = subprocess.Popen(command(*args, "-s"), stderr=subprocess.PIPE)
    wait_for_lines(out, 6, process)
    process.kill()
    process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL
    kept = out.read_bytes()
    assert 6 <= kept.count(b"\n") < COUNT, "the run finished before it could be killed"
    with out.open("ab") as handle:  # what a kill in the middle of a write leaves
        handle.write(b'{"source": "' + str(inputs).encode() + b'/r99.txt", "ok": tr')
    resumed = subprocess.run(command(*args, "--resume"), capture_output=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr.decode()
    assert b"Traceback" not in resumed.stderr
    assert b"torn last line" in resumed.stderr
    assert out.read_bytes().startswith(kept)  # the earlier lines untouched
    assert sources(out) == [str(inputs / f"r{n:02d}.txt") for n in range(COUNT)]
    check = subprocess.run(command("validate", str(out)), capture_output=True, timeout=120)
    assert check.returncode == 0, check.stdout.decode()


@pytest.mark.parametrize("processes", ["1", "2"])
def test_interrupt_ctrl_c_stops_cleanly(tmp_path: Path, inputs: Path, processes: str) -> None:
    out = tmp_path / "out.jsonl"
    args = ["extract", str(inputs), "-o", str(out), "--batch-size", "2", "--n-process", processes]
    process = subprocess.Popen(command(*args), stderr=subprocess.PIPE, start_new_session=True)
    wait_for_lines(out, 4, process)
    os.killpg(process.pid, signal.SIGINT)  # a terminal's Ctrl-C reaches every process
    _, stderr = process.communicate(timeout=120)
    message = stderr.decode()
    assert process.returncode == 130, message
    assert "Traceback" not in message and "KeyboardInterrupt" not in message
    assert "interrupted after" in message
    assert f"resume with: press-extract {' '.join(args[:1])}" in message
    assert "--resume" in message
    written = sources(out)  # every line is whole JSON
    assert 4 <= len(written) < COUNT
    assert written == [str(inputs / f"r{n:02d}.txt") for n in range(len(written))]
    time.sleep(2.0)
    with pytest.raises(ProcessLookupError):  # no worker left behind
        os.killpg(process.pid, 0)
