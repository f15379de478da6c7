"""Every shared corpus once through the command line: lines, failures by type, time, memory.

    python benchmarks/corpora.py [--only senate,wire,polnear,reuters] [--limit N]
                                 [--n-process 2] [--keep DIR]

Each corpus is run as a user would run it (``press-extract extract FILE.jsonl -o OUT ...``),
the output is checked with ``press-extract validate``, and the table gives the lines written,
the failures by error type, the wall time, and the peak resident memory of the main process,
of the largest worker process and of all of them together (sampled every 0.25 s). Any
traceback on stderr is reported. ``--limit N`` runs the first N rows of each corpus instead
(through a temporary file), which is how the memory at 500 and 5,000 Senate releases is
compared.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import tempfile
from collections import Counter
from pathlib import Path

from _process import Measured, cli, measure
from _shared import REPO_ROOT

DATA = REPO_ROOT.parent / "shared/data"
CORPORA: dict[str, tuple[Path, list[str]]] = {
    "senate": (DATA / "press_releases/grimmer_senate_press_releases.jsonl", []),
    "wire": (DATA / "press_releases/wire_and_agency_releases.jsonl", []),
    "polnear": (DATA / "quotes_gold.jsonl", []),
    "reuters": (
        DATA / "reuters21578_datelines.jsonl",
        ["--text-field", "dateline,body", "--reference-date", "1987-03-01"],
    ),
}


def limited(path: Path, limit: int, folder: Path) -> Path:
    """A file with the first ``limit`` rows of ``path``."""
    target = folder / f"first{limit}_{path.name}"
    with path.open("rb") as source, target.open("wb") as out:
        for number, line in enumerate(source):
            if number >= limit:
                break
            out.write(line)
    return target


def outcome(path: Path) -> tuple[int, Counter[str], Counter[str]]:
    """Lines, failures by type and warnings by code of an output file."""
    lines, failures, warnings = 0, Counter[str](), Counter[str]()
    with path.open(encoding="utf-8") as handle:
        for raw in handle:
            row = json.loads(raw)
            lines += 1
            if row["ok"]:
                warnings.update(w["code"] for w in row["record"]["warnings"])
            else:
                failures[row["error"]["type"]] += 1
    return lines, failures, warnings


def run_one(name: str, corpus: Path, extra: list[str], out: Path, processes: int) -> str:
    """Run one corpus and describe the result in one Markdown table row."""
    args = ["extract", str(corpus), "-o", str(out), "--overwrite"]
    result: Measured = measure(cli(*args, *extra, "--n-process", str(processes)))
    lines, failures, warnings = outcome(out)
    check = subprocess.run(cli("validate", str(out)), capture_output=True, text=True)
    tracebacks = result.stderr.count("Traceback")
    failed = ", ".join(f"{n} {kind}" for kind, n in failures.most_common()) or "none"
    noted = ", ".join(f"{n} {code}" for code, n in warnings.most_common(4)) or "none"
    print(result.stderr.strip().splitlines()[-1] if result.stderr.strip() else "(no summary)")
    return (
        f"| {name} | {lines:,} | {failed} | {result.seconds:,.0f} s "
        f"({lines / result.seconds:.1f}/s) | {result.peak_parent_mb:,.0f} / "
        f"{result.peak_worker_mb:,.0f} / {result.peak_total_mb:,.0f} MB | exit "
        f"{result.returncode}, {tracebacks} tracebacks, validate exit {check.returncode} | "
        f"{noted} |"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default=",".join(CORPORA), help="comma-separated corpora")
    parser.add_argument("--limit", type=int, default=None, help="first N rows of each")
    parser.add_argument("--n-process", type=int, default=2, help="worker processes")
    parser.add_argument("--keep", type=Path, default=None, help="folder for the outputs")
    args = parser.parse_args(argv)
    print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}")
    print(
        "| corpus | lines | failures | time | peak RSS main / largest worker / all | "
        "run | most frequent warnings |"
    )
    print("|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for name in args.only.split(","):
            path, extra = CORPORA[name]
            corpus = limited(path, args.limit, Path(tmp)) if args.limit else path
            label = f"{name} (first {args.limit:,})" if args.limit else name
            row = run_one(label, corpus, extra, folder / f"{name}.jsonl", args.n_process)
            print(row, flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
