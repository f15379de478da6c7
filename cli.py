"""press-extract: the command line. The only place that prints, configures logging and exits.

Exit codes: 0 all inputs succeeded, 1 some failed (or violations / drift found),
2 usage errors (bad option, missing path, folder with no inputs).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from extractor.export import Problem, SqliteSink
    from extractor.models import BatchFailure, BatchSuccess
    from extractor.report import BatchEntry

app = typer.Typer(
    name="press-extract",
    help="Turn press releases into structured, schema-validated JSON records.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
DEFAULT_REPORT_TITLE = "press-extract report"


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


@app.callback()
def _main(
    verbose: Annotated[int, typer.Option("-v", "--verbose", count=True, help="More logging.")] = 0,
) -> None:
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(
        level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr
    )


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (recursive) or - for stdin.")],
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="JSONL file (default stdout).")
    ] = None,
    model: Annotated[str | None, typer.Option(help="spaCy pipeline name or path.")] = None,
    n_process: Annotated[int, typer.Option("--n-process", min=1, help="Worker processes.")] = 1,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1)] = 16,
    reference_date: Annotated[
        str | None,
        typer.Option("--reference-date", help="YYYY-MM-DD; completes dates with no year."),
    ] = None,
    max_chars: Annotated[
        int, typer.Option("--max-chars", min=1, help="Longest input accepted.")
    ] = 1_000_000,
    include_text: Annotated[
        bool, typer.Option("--include-text", help="Add the text the spans index (HTML: main text).")
    ] = False,
    silent: Annotated[
        bool, typer.Option("-s", "--silent", help="No progress bar or summary.")
    ] = False,
    fast: Annotated[
        bool,
        typer.Option(
            "--fast", help="No statistical model: about 10x faster, fewer people and speakers."
        ),
    ] = False,
    sqlite: Annotated[
        Path | None,
        typer.Option("--sqlite", help="Also write each line into this SQLite database (export)."),
    ] = None,
    report_dir: Annotated[
        Path | None,
        typer.Option("--report", help="Also write the HTML report of the batch to this folder."),
    ] = None,
) -> None:
    """Extract records from releases; write one JSON line per input, in input order."""
    from extractor.batch import UsageError, collect_inputs, run, to_json_line
    from extractor.errors import ConfigError
    from extractor.settings import make_settings

    try:
        settings = make_settings(
            model=model,
            n_process=n_process,
            batch_size=batch_size,
            reference_date=_parse_date(reference_date),
            max_chars=max_chars,
            fast=fast,
        )
        inputs = collect_inputs(paths)
    except (UsageError, ConfigError) as error:
        raise _usage(str(error)) from None
    if output is not None and not output.parent.is_dir():
        raise _usage(f"the folder of --output does not exist: {output.parent}")
    _check_report_dir(report_dir, "--report")
    sink = _open_sqlite(sqlite) if sqlite is not None else None
    out = output.open("w", encoding="utf-8") if output else sys.stdout
    # Without -o the lines go to stdout; the report is then built from a copy kept in memory.
    kept: list[str] | None = [] if report_dir is not None and output is None else None
    show = not silent and sys.stderr.isatty()
    unstored = 0
    with contextlib.ExitStack() as stack:
        advance = stack.enter_context(_progress(show, len(inputs)))
        if output:
            stack.callback(out.close)
        if sink is not None:
            stack.callback(sink.close)

        def on_line(line: BatchSuccess | BatchFailure) -> None:
            nonlocal unstored
            if sink is not None and not _store_line(sink, line):
                unstored += 1
            if kept is not None:
                kept.append(to_json_line(line))
            advance()

        try:
            stats = run(inputs, out, settings=settings, include_text=include_text, progress=on_line)
        except ConfigError as error:
            raise _usage(str(error)) from None
    if not silent:
        _err(
            f"{stats.total} inputs: {stats.ok} ok, {stats.failed} failed, {stats.warnings} warnings"
        )
    if report_dir is not None:
        from extractor.report import parse_lines, read_batch_file

        entries = parse_lines(kept) if kept is not None else read_batch_file(output)  # type: ignore[arg-type]
        if not _write_report(
            entries, report_dir, DEFAULT_REPORT_TITLE, str(output or "standard output"), silent
        ):
            raise typer.Exit(EXIT_FAILED)
    raise typer.Exit(EXIT_OK if stats.failed == 0 and unstored == 0 else EXIT_FAILED)


def _open_sqlite(path: Path, commit_every: int = 200) -> SqliteSink:
    from extractor.export import ExportError, SqliteSink

    if not path.parent.is_dir():
        raise _usage(f"the folder of --sqlite does not exist: {path.parent}")
    try:
        return SqliteSink(path, commit_every=commit_every)
    except ExportError as error:
        raise _usage(str(error)) from None


def _store_line(sink: SqliteSink, line: BatchSuccess | BatchFailure) -> bool:
    """The ``extract --sqlite`` hook: store the line exactly as it was written to the JSONL."""
    from extractor.batch import to_json_line
    from extractor.export import LineError

    try:
        sink.add(json.loads(to_json_line(line)))
    except LineError as error:
        _err(f"error: {line.source}: not stored in {sink.path}: {error}")
        return False
    return True


@app.command()
def export(
    files: Annotated[
        list[str], typer.Argument(help="JSONL output of extract (files, or - for stdin).")
    ],
    sqlite: Annotated[
        Path | None, typer.Option("--sqlite", help="SQLite database to create or update.")
    ] = None,
    parquet: Annotated[
        Path | None, typer.Option("--parquet", help="Folder for one Parquet file per table.")
    ] = None,
    commit_every: Annotated[
        int, typer.Option("--commit-every", min=1, help="Releases per SQLite transaction.")
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


@contextmanager
def _progress(show: bool, total: int) -> Iterator[Callable[[], None]]:
    """A progress bar on stderr when ``show``; yields the function that advances it."""
    if not show:
        yield lambda: None
        return
    from rich.progress import Progress

    with Progress(transient=True, console=None) as bar:
        task = bar.add_task("extracting", total=total)
        yield lambda: bar.advance(task)


def _check_report_dir(folder: Path | None, option: str) -> None:
    if folder is not None and not folder.parent.is_dir():
        raise _usage(f"the folder that would hold {option} does not exist: {folder.parent}")
    if folder is not None and folder.exists() and not folder.is_dir():
        raise _usage(f"{option} names a file, not a folder: {folder}")


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
    batch_file: Annotated[Path, typer.Argument(help="JSONL output of `extract`.")],
    output: Annotated[
        Path, typer.Option("-o", "--output", help="Report folder (created; pages overwritten).")
    ] = Path("report"),
    title: Annotated[
        str, typer.Option("--title", help="Title of the overview page.")
    ] = DEFAULT_REPORT_TITLE,
) -> None:
    """Write an HTML report of a batch: index.html (overview) and one page per release.

    Pages show the text the spans index: the lines' `text` (extract --include-text), else
    the source files re-read from the current folder.
    """
    from extractor.report import read_batch_file

    if not batch_file.is_file():
        raise _usage(f"no such file: {batch_file}")
    _check_report_dir(output, "-o")
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
    directory: Annotated[Path | None, typer.Option("--dir", help="Schema folder.")] = None,
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
        Path | None, typer.Option("--json", help="Write the full figures.")
    ] = None,
    show_errors: Annotated[
        bool, typer.Option("--show-errors", help="List each miss and false alarm per document.")
    ] = False,
    model: Annotated[str | None, typer.Option(help="spaCy pipeline name or path.")] = None,
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
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    main()
