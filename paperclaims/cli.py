"""The `paperclaims` command: parses options, calls the library, renders rows, maps errors to exit codes.

This is the only module that knows about terminals, stderr and exit codes. Data goes to stdout
(or the `-o` file); warnings, the summary and errors go to stderr, one line each.

Layout: shared choices and options first, then the error handling every command gets from
`ErrorHandlingGroup`, then the app and its callback, then one function per command.
"""
from __future__ import annotations

import enum
import itertools
import json
import os
import sys
import tempfile
import time
import traceback
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Callable, Iterable, Iterator, Optional, TextIO

import typer
from typer.core import TyperGroup

from . import __version__
from . import config
from .errors import PaperclaimsError, UsageError
from .lexicon import Lexicon, default_lexicon, load_lexicon
from .model import COLUMNS, KINDS, Paper
from .pipeline import claims_from_papers, filter_claims
from .readers import FORMATS as INPUT_FORMATS
from .readers import read_papers
from .render import EXTENSIONS
from .render import FORMATS as OUTPUT_FORMATS
from .render import format_for_path, render
from .store import ENV_VAR, EXPORT_COLUMNS, Ingest, Store

try:  # typer >= 0.20 carries its own copy of click
    from typer._click.exceptions import ClickException
except ImportError:  # pragma: no cover - older typer on top of click
    from click.exceptions import ClickException


# --- Shared choices and options: every command takes its options from here. ---------------------

InputFormat = enum.Enum("InputFormat", {name: name for name in INPUT_FORMATS}, type=str)
OutputFormat = enum.Enum("OutputFormat", {name: name for name in OUTPUT_FORMATS}, type=str)
Kind = enum.Enum("Kind", {name: name for name in KINDS}, type=str)

FeedsArgument = Annotated[list[str], typer.Argument(
    metavar="FEED", show_default=False,
    help="Feed files to read (.gz is fine), or - for standard input.")]
InputFormatOption = Annotated[Optional[InputFormat], typer.Option(
    "--input-format", "-f", case_sensitive=False, show_default=False, metavar="NAME",
    help=f"Format of the feeds: {', '.join(INPUT_FORMATS)}. Default: detected from each feed.")]
FormatOption = Annotated[Optional[OutputFormat], typer.Option(
    "--format", case_sensitive=False, show_default=False, metavar="NAME",
    help=f"Output format: {', '.join(OUTPUT_FORMATS)}. Default: from the -o extension; else a "
         "table on a terminal, CSV in a pipe.")]
OutputOption = Annotated[Optional[Path], typer.Option(
    "--output", "-o", dir_okay=False, show_default=False, metavar="FILE",
    help=f"Write to this file instead of stdout; its extension ({' '.join(EXTENSIONS)}) "
         "picks the format unless --format is given.")]
KindOption = Annotated[Optional[list[Kind]], typer.Option(
    "--kind", case_sensitive=False, show_default=False, metavar="KIND",
    help=f"Keep only claims of this kind: {', '.join(KINDS)} (repeatable).")]
BenchmarkOption = Annotated[Optional[list[str]], typer.Option(
    "--benchmark", show_default=False, metavar="NAME",
    help="Keep only claims on this benchmark, by id or any alias: imagenet means imagenet-1k "
         "(repeatable).")]
LexiconOption = Annotated[Optional[list[Path]], typer.Option(
    "--lexicon", show_default=False, metavar="FILE",
    help="An extra lexicon file of benchmarks, metrics and unit words (repeatable; later files win). "
         "Read after the user lexicon file: $PAPERCLAIMS_LEXICON, else lexicon.toml in the user "
         "config directory.")]
StrictOption = Annotated[bool, typer.Option(
    "--strict", help="Stop at the first malformed record instead of warning and skipping it.")]
QuietOption = Annotated[bool, typer.Option(
    "--quiet", "-q", help="No summary line and no warnings on stderr.")]
DbOption = Annotated[Optional[Path], typer.Option(
    "--db", dir_okay=False, show_default=False, metavar="PATH",
    help=f"The claims store, an SQLite file. Default: ${ENV_VAR} if set, else claims.db in the "
         f"user data directory. --db wins over ${ENV_VAR}.")]


# --- Errors: one line on stderr and an exit code, for every command. ----------------------------

_DEBUG = "paperclaims.debug"  # key in ctx.meta, set by the --debug option of the app callback
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as a shell reports a Ctrl-C
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, as a shell reports `| head` closing the pipe early


class ErrorHandlingGroup(TyperGroup):
    """Runs a command and turns what it raises into one line on stderr and an exit code.

    A PaperclaimsError exits with its own code (1 runtime, 2 usage); anything else is a bug and
    exits 1. --debug adds the traceback. Typer's own usage errors pass through (exit 2).
    """

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.Abort, ClickException):
            raise
        except PaperclaimsError as err:
            _fail(ctx, str(err), err.exit_code)
        except KeyboardInterrupt:
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except BrokenPipeError:
            _silence_stdout()
            raise typer.Exit(EXIT_BROKEN_PIPE) from None
        except Exception as err:  # a bug: say so in one line, the traceback is behind --debug
            _fail(ctx, f"internal error: {type(err).__name__}: {err} (run with --debug for the "
                       "traceback)", 1)


def _fail(ctx, message: str, code: int):
    if ctx.meta.get(_DEBUG):
        traceback.print_exc(file=sys.stderr)
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def _silence_stdout():
    """Point stdout at /dev/null, so the reader that went away gets no flush at exit either."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real file descriptor (a test runner's stream)
        pass


# --- The app. -----------------------------------------------------------------------------------

APP_HELP = f"""\
Pull every metric claim out of feeds of ML paper abstracts, as normalized rows.

Each claim is one row: the paper, the kind of claim (result, delta, ratio, resource), the
model, benchmark and metric, the value with its unit, and the exact evidence text with its
offsets in the abstract.

Feeds: {', '.join(INPUT_FORMATS)} (detected, .gz is fine).
Output: {', '.join(OUTPUT_FORMATS)}.
"""

# "\b" keeps click from re-wrapping the example lines into one paragraph.
EXAMPLES = """\
\b
Examples:
  paperclaims extract examples/daily-papers-sample.txt
  paperclaims extract papers.jsonl.gz --kind result -o claims.csv
  cat feed.txt | paperclaims extract - --format jsonl
  paperclaims extract feed.txt --benchmark imagenet --format markdown
"""

APP_EXAMPLES = EXAMPLES + """\
  paperclaims leaderboard --benchmark imagenet
  paperclaims export -o claims.csv
  paperclaims evaluate gold.jsonl feed.txt --misses 20
"""

app = typer.Typer(
    name="paperclaims",
    cls=ErrorHandlingGroup,
    help=APP_HELP,
    epilog=APP_EXAMPLES,
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,  # help text is plain text, laid out as written
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _print_version(value: bool):
    if value:
        typer.echo(f"paperclaims {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    ctx: typer.Context,
    version: Annotated[bool, typer.Option(
        "--version", callback=_print_version, is_eager=True,
        help="Print the version and exit.")] = False,
    debug: Annotated[bool, typer.Option(
        "--debug", help="Show the traceback behind an error.")] = False,
):
    ctx.meta[_DEBUG] = debug


# --- extract ------------------------------------------------------------------------------------

EXTRACT_HELP = f"""\
Extract every metric claim from one or more feeds, one row per claim.

Reads each FEED (a path, or - for stdin) as {', '.join(INPUT_FORMATS)} (detected unless
-f is given), finds the claims in every abstract, and writes them with the columns
{', '.join(COLUMNS)}.

Output formats: {', '.join(OUTPUT_FORMATS)}. A table on a terminal, CSV when piped, or the
format of the -o file's extension. A summary line goes to stderr, never to stdout.

Every paper and all of its claims (whatever --kind and --benchmark keep for output) are also
added to the claims store (see --db), unless --no-store is given. Adding the same feed again
adds nothing; a paper whose abstract changed replaces its old claims.
"""


@app.command(help=EXTRACT_HELP, epilog=EXAMPLES, no_args_is_help=True,
             short_help="Extract the metric claims of feeds of abstracts as rows.")
def extract(
    feeds: FeedsArgument,
    input_format: InputFormatOption = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    kind: KindOption = None,
    benchmark: BenchmarkOption = None,
    lexicon_files: LexiconOption = None,
    strict: StrictOption = False,
    quiet: QuietOption = False,
    db: DbOption = None,
    no_store: Annotated[bool, typer.Option(
        "--no-store", help="Do not add what is found to the claims store.")] = False,
):
    started = time.perf_counter()
    report = Reporter(quiet)
    out_format = output_format(fmt, output)
    lexicon = _lexicon(lexicon_files)

    with store_ingest(db, no_store) as ingest:
        papers = Counted(read_feeds(feeds, input_format, strict=strict, on_warning=report.warn))
        found = Counted(extract_and_store(papers, lexicon, ingest))
        kinds = [k.value for k in kind] if kind else None
        claims = Counted(filter_claims(found, kinds, benchmark, lexicon=lexicon))

        with open_output(output) as stream:
            render((claim.to_dict() for claim in claims), COLUMNS, out_format, stream)

    if papers.count == 0:
        report.warn(f"no papers found in {', '.join(feeds)}")
    kept = f" ({claims.count} match the filters)" if kinds or benchmark else ""
    report.summary(f"{plural(papers.count, 'paper')}, {plural(found.count, 'claim')}{kept} "
                   f"in {time.perf_counter() - started:.1f}s")
    if ingest is not None:
        stats = ingest.stats
        report.summary(f"store {ingest.path}: {stats.papers_added} new, {stats.papers_replaced} replaced, "
                       f"{stats.papers_unchanged + stats.papers_older} unchanged")


@contextmanager
def store_ingest(db: Path | None, no_store: bool) -> Iterator[Ingest | None]:
    """The claims store taking papers as extract reads them, or None with --no-store.

    Opened before any feed is read, so a store that is corrupt or not ours fails first.
    """
    if no_store:
        yield None
        return
    with Store.open(db) as store, store.ingest() as ingest:
        yield ingest


def extract_and_store(papers: Iterable[Paper], lexicon: Lexicon, ingest: Ingest | None) -> Iterator:
    """Every claim of every paper, in feed order; each paper also goes to the store with all its claims."""
    for paper in papers:
        claims = list(claims_from_papers([paper], lexicon=lexicon))
        if ingest is not None:
            ingest.add(paper, claims)
        yield from claims


# --- leaderboard, export, benchmarks: reading the store -----------------------------------------

LEADERBOARD_HELP = """\
Rank the results on one benchmark, best first.

The benchmark is named by id or any alias (imagenet, ImageNet-1k and ILSVRC-2012 all mean
imagenet-1k). The metric defaults to the benchmark's primary one, and the ranking follows
its direction: accuracy highest first, FID and error lowest first. On a benchmark ranked by
top-1 accuracy, plain "accuracy" results count as top-1.

One row per paper, model and setting (its best value); --best-per-model keeps each model's
best row. Tied values share a rank (1, 2, 2, 4), the earlier paper first. Params and FLOPs
come from the same paper's resource claims; a row whose size is unknown is left out by
--max-params / --max-flops, and an undated one by --since.

Reads the claims store, or with --from, claims files written by `extract` (CSV, JSON Lines
or JSON) or feeds, which are extracted on the fly. Table and Markdown show sizes like 21M and
1.0G; CSV and JSON give exact numbers and the evidence.
"""

LEADERBOARD_EXAMPLES = """\
\b
Examples:
  paperclaims leaderboard --benchmark imagenet
  paperclaims leaderboard --benchmark imagenet --max-params 30M --top 10
  paperclaims leaderboard --benchmark cifar-10 --metric "test error" --exclude-setting zero-shot
  paperclaims leaderboard --benchmark imagenet --from claims.csv -o board.csv
"""


@app.command("leaderboard", help=LEADERBOARD_HELP, epilog=LEADERBOARD_EXAMPLES, no_args_is_help=True,
             short_help="Rank the stored results on one benchmark, best first.")
def leaderboard_command(
    benchmark: Annotated[str, typer.Option(
        "--benchmark", "-b", metavar="NAME", show_default=False,
        help="The benchmark, by id or any alias: imagenet means imagenet-1k.")],
    metric: Annotated[Optional[str], typer.Option(
        "--metric", "-m", metavar="NAME", show_default=False,
        help="The metric to rank by, by id or alias (top-1, FID). Default: the benchmark's primary metric.")] = None,
    top: Annotated[Optional[int], typer.Option(
        "--top", "-n", min=1, metavar="N", show_default=False, help="Show only the first N rows.")] = None,
    best_per_model: Annotated[bool, typer.Option(
        "--best-per-model", help="Keep only each model's best row.")] = False,
    max_params: Annotated[Optional[str], typer.Option(
        "--max-params", metavar="COUNT", show_default=False,
        help="Keep models with at most this many parameters: 30M, 30e6, 30 million.")] = None,
    max_flops: Annotated[Optional[str], typer.Option(
        "--max-flops", metavar="COUNT", show_default=False,
        help="Keep models with at most this many FLOPs: 5G, 5GFLOPs, 500M.")] = None,
    setting: Annotated[Optional[list[str]], typer.Option(
        "--setting", metavar="TEXT", show_default=False,
        help="Keep rows whose setting contains this text, case-blind (repeatable: any of them).")] = None,
    exclude_setting: Annotated[Optional[list[str]], typer.Option(
        "--exclude-setting", metavar="TEXT", show_default=False,
        help="Drop rows whose setting contains this text, case-blind (repeatable).")] = None,
    since: Annotated[Optional[str], typer.Option(
        "--since", metavar="DATE", show_default=False,
        help="Keep papers dated on or after this day (YYYY-MM-DD).")] = None,
    from_files: Annotated[Optional[list[Path]], typer.Option(
        "--from", metavar="FILE", show_default=False, dir_okay=False,
        help="Rank the claims of this claims file or feed instead of the store (repeatable).")] = None,
    db: DbOption = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    lexicon_files: LexiconOption = None,
    quiet: QuietOption = False,
):
    # pandas loads only for the commands that rank: extract starts faster without it.
    from . import leaderboard as boards

    started = time.perf_counter()
    report = Reporter(quiet)
    out_format = output_format(fmt, output)
    lexicon = _lexicon(lexicon_files)
    query = boards.BoardQuery.parse(
        benchmark, metric, lexicon=lexicon, top=top, best_per_model=best_per_model,
        max_params=max_params, max_flops=max_flops, settings=setting or (),
        exclude_settings=exclude_setting or (), since=since)

    if from_files:
        rows = boards.rows_from_files(from_files, lexicon=lexicon, on_warning=report.warn)
        where = ", ".join(str(f) for f in from_files)
    else:
        with Store.open(db, readonly=True) as store:
            rows = list(store.claims(papers_on=query.benchmark.id))
            where = str(store.path)
    board = boards.rank(rows, query, lexicon=lexicon)

    human = out_format in ("table", "markdown")
    columns = boards.LEADERBOARD_TABLE_COLUMNS if human else boards.LEADERBOARD_COLUMNS
    title = boards.board_title(board, lexicon)
    with open_output(output) as stream:
        render(boards.leaderboard_rows(board, human=human), columns, out_format, stream, title=title)

    if len(board) == 0:
        filtered = any([max_params, max_flops, setting, exclude_setting, since])
        report.warn(f"no {board.attrs['metric']} results on {board.attrs['benchmark']} in {where}"
                    + (" match the filters" if filtered else ""))
    report.summary(f"{plural(len(board), 'row')}: {title} in {time.perf_counter() - started:.1f}s")


EXPORT_HELP = f"""\
Print every stored claim, one row per claim.

The columns are those of extract ({', '.join(COLUMNS)}) and then source (the feed the paper
came from) and date (the paper's date from the feed, else the day it was first stored).
"""


EXPORT_EXAMPLES = """\
\b
Examples:
  paperclaims export -o claims.csv
  paperclaims export --format jsonl | gzip > claims.jsonl.gz
  paperclaims export --db ~/work/claims.db --format json
"""


@app.command(help=EXPORT_HELP, epilog=EXPORT_EXAMPLES,
             short_help="Print every stored claim, with its feed and date.")
def export(
    db: DbOption = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    quiet: QuietOption = False,
):
    started = time.perf_counter()
    report = Reporter(quiet)
    out_format = output_format(fmt, output)
    with Store.open(db, readonly=True) as store:
        claims = Counted(store.claims())
        with open_output(output) as stream:
            render(claims, EXPORT_COLUMNS, out_format, stream)
    report.summary(f"{plural(claims.count, 'claim')} from {store.path} in "
                   f"{time.perf_counter() - started:.1f}s")


BENCHMARKS_HELP = """\
List the benchmarks in the claims store: for each benchmark and metric, the number of results,
of papers, and the best value with its model (by the metric's direction).
"""


BENCHMARKS_EXAMPLES = """\
\b
Examples:
  paperclaims benchmarks
  paperclaims benchmarks --format markdown -o benchmarks.md
"""


@app.command(help=BENCHMARKS_HELP, epilog=BENCHMARKS_EXAMPLES,
             short_help="List the stored benchmarks, their metrics and best results.")
def benchmarks(
    db: DbOption = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    lexicon_files: LexiconOption = None,
    quiet: QuietOption = False,
):
    from . import leaderboard as boards  # pandas, as for leaderboard

    report = Reporter(quiet)
    out_format = output_format(fmt, output)
    lexicon = _lexicon(lexicon_files)
    with Store.open(db, readonly=True) as store:
        rows = list(store.claims(kind="result"))
    summary = boards.benchmark_summary(rows, lexicon=lexicon)
    with open_output(output) as stream:
        render(boards.summary_rows(summary), boards.SUMMARY_COLUMNS, out_format, stream)
    report.summary(f"{plural(len(summary), 'benchmark metric')} from {plural(len(rows), 'result')} "
                   f"in {store.path}")


# --- evaluate -----------------------------------------------------------------------------------

EVALUATE_HELP = """\
Score the claims extracted from feeds against a gold file: precision, recall and F1.

GOLD is JSON Lines, one claim per line with the fields paper, kind, model, benchmark, metric,
value, unit, magnitude, baseline, setting and evidence. The FEEDs are extracted as by
`extract` (nothing is stored); --pred scores a claims file written by `extract` instead.

Claims are matched one to one within each paper (by title), at three levels: value (same
kind and number; 0.848 matches 84.8), tuple (also the same benchmark and metric; a null in
the gold accepts anything) and full (also the model). Scores are given per kind and for all
kinds. --misses N lists the first N missed gold claims and N spurious predictions at level full.
"""

EVALUATE_EXAMPLES = """\
\b
Examples:
  paperclaims evaluate gold.jsonl feed.txt
  paperclaims evaluate gold.jsonl feed.txt --misses 20
  paperclaims evaluate gold.jsonl --pred claims.jsonl --format json
"""

EvaluateFormat = enum.Enum("EvaluateFormat", {name: name for name in ("table", "json")}, type=str)


@app.command("evaluate", help=EVALUATE_HELP, epilog=EVALUATE_EXAMPLES, no_args_is_help=True,
             short_help="Score extracted claims against a gold file: precision, recall, F1.")
def evaluate_command(
    gold: Annotated[Path, typer.Argument(
        metavar="GOLD", show_default=False, help="The gold claims, a JSON Lines file.")],
    feeds: Annotated[Optional[list[str]], typer.Argument(
        metavar="FEED", show_default=False,
        help="Feeds to extract and score (.gz is fine), or - for standard input.")] = None,
    pred: Annotated[Optional[Path], typer.Option(
        "--pred", metavar="FILE", dir_okay=False, show_default=False,
        help="Score this claims file (CSV, JSON Lines or JSON written by extract) instead of feeds.")] = None,
    fmt: Annotated[EvaluateFormat, typer.Option(
        "--format", case_sensitive=False, metavar="NAME",
        help="table, or json (the scores as {level: {kind: {gold, pred, tp, p, r, f1}}}).")] = EvaluateFormat.table,
    misses: Annotated[int, typer.Option(
        "--misses", min=0, metavar="N",
        help="Also list the first N missed gold claims and N spurious predictions at level full.")] = 0,
    input_format: InputFormatOption = None,
    lexicon_files: LexiconOption = None,
    strict: StrictOption = False,
    quiet: QuietOption = False,
):
    from . import evaluate as scoring

    started = time.perf_counter()
    report = Reporter(quiet)
    if bool(feeds) == (pred is not None):
        raise UsageError("give either feeds to extract or --pred FILE, not both" if feeds
                         else "nothing to score: give feeds to extract or --pred FILE")
    gold_rows = scoring.read_gold(gold)
    if pred is not None:
        predictions = scoring.read_predictions(pred)
        source = where = str(pred)
    else:
        lexicon = _lexicon(lexicon_files)
        papers = Counted(read_feeds(feeds, input_format, strict=strict, on_warning=report.warn))
        predictions = scoring.predictions_from_papers(papers, lexicon=lexicon)
        source, where = plural(papers.count, "paper"), ", ".join(feeds)
    result = scoring.evaluate(gold_rows, predictions)
    missed, spurious = result.misses(misses)

    if fmt.value == "json":
        data = result.to_dict()
        if misses:
            data["misses"] = {"level": "full", "missed": missed, "spurious": spurious}
        typer.echo(json.dumps(data, ensure_ascii=False))
    else:
        table = [{"level": r["level"], "kind": r["kind"], "gold": r["gold"], "pred": r["pred"],
                  "tp": r["tp"], "P": f"{r['p']:.4f}", "R": f"{r['r']:.4f}", "F1": f"{r['f1']:.4f}"}
                 for r in result.rows()]
        render(table, ("level", "kind", "gold", "pred", "tp", "P", "R", "F1"), "table", sys.stdout)
        if misses:
            for name, rows in (("missed", missed), ("spurious", spurious)):
                typer.echo()
                render(({k: _listed(v) for k, v in row.items()} for row in rows), scoring.MISS_FIELDS,
                       "table", sys.stdout, title=f"{name} at level full (first {misses})")

    gold_papers = {scoring.paper_key(g["paper"]) for g in gold_rows}
    if predictions and gold_papers and not any(
            scoring.paper_key(p.get("paper") or p.get("paper_title") or "") in gold_papers
            for p in predictions):
        report.warn(f"no paper of {where} is in {gold} (do the titles differ?)")
    report.summary(f"{plural(len(predictions), 'claim')} from {source} against "
                   f"{plural(len(gold_rows), 'gold claim')} in {time.perf_counter() - started:.1f}s")


def _listed(value):
    """A list of names as one table cell."""
    return " | ".join(str(v) for v in value) if isinstance(value, list) else value


# --- Pieces the commands share. -----------------------------------------------------------------

class Reporter:
    """Warnings and the summary, one line each on stderr, unless --quiet."""

    def __init__(self, quiet: bool = False):
        self.quiet = quiet

    def warn(self, message: str):
        if not self.quiet:
            typer.echo(f"warning: {message}", err=True)

    def summary(self, message: str):
        if not self.quiet:
            typer.echo(message, err=True)


class Counted:
    """An iterator that counts what passes through it."""

    def __init__(self, items: Iterable):
        self._items = iter(items)
        self.count = 0

    def __iter__(self):
        return self

    def __next__(self):
        item = next(self._items)
        self.count += 1
        return item


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def output_format(fmt: OutputFormat | None, output: Path | None) -> str:
    """--format if given, else the -o file's extension, else a table on a terminal and CSV in a pipe."""
    if fmt is not None:
        return fmt.value
    if output is not None and str(output) != "-":
        return format_for_path(output)
    return "table" if sys.stdout.isatty() else "csv"


def _lexicon(files: list[Path] | None) -> Lexicon:
    """The built-in lexicon, extended by the user lexicon file (see config.py) and --lexicon files."""
    files = config.lexicon_files(files)
    return load_lexicon(files) if files else default_lexicon()


def read_feeds(feeds: list[str], input_format: InputFormat | None, *, strict: bool,
               on_warning: Callable[[str], None]) -> Iterator[Paper]:
    """The papers of every feed in turn. Each feed is opened now, so that one that cannot be
    read fails before any output is written."""
    fmt = input_format.value if input_format else None
    opened = [_opened(read_papers(feed, fmt, on_warning=on_warning, strict=strict))
              for feed in feeds]
    return itertools.chain.from_iterable(opened)


def _opened(papers: Iterator[Paper]) -> Iterator[Paper]:
    papers = iter(papers)
    first = next(papers, None)
    return papers if first is None else itertools.chain([first], papers)


@contextmanager
def open_output(path: Path | None) -> Iterator[TextIO]:
    """stdout, or a file that appears only once it is complete (no half-written file on error)."""
    if path is None or str(path) == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    path = Path(path)
    try:
        handle, partial = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial",
                                           dir=path.parent if str(path.parent) else ".")
    except OSError as err:
        raise PaperclaimsError(f"{path}: cannot write: {err.strerror or err}") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            yield stream
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(partial, 0o666 & ~umask)  # mkstemp made it private; give it a normal file's mode
        try:
            os.replace(partial, path)
        except OSError as err:
            raise PaperclaimsError(f"{path}: cannot write: {err.strerror or err}") from None
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise
