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
import stat
import sys
import tempfile
import time
import traceback
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Annotated, Callable, Iterable, Iterator, Optional, TextIO

import typer
from typer.core import TyperGroup

from . import __version__
from . import config
from .errors import PaperclaimsError, UsageError
from .lexicon import Lexicon, default_lexicon, load_lexicon
from .model import COLUMNS, KINDS, Paper
from .pipeline import available_cores, claims_by_paper, filter_claims, lexicon_from_files
from .plot import X_AXES
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
XAxis = enum.Enum("XAxis", {name: name for name in X_AXES}, type=str)

# The options that choose and filter a board's results: leaderboard and plot share them.
BoardBenchmarkOption = Annotated[str, typer.Option(
    "--benchmark", "-b", metavar="NAME", show_default=False,
    help="The benchmark, by id or any alias: imagenet means imagenet-1k.")]
BestPerModelOption = Annotated[bool, typer.Option(
    "--best-per-model", help="Keep only each model's best result.")]
MaxParamsOption = Annotated[Optional[str], typer.Option(
    "--max-params", metavar="COUNT", show_default=False,
    help="Keep models with at most this many parameters: 30M, 30e6, 30 million.")]
MaxFlopsOption = Annotated[Optional[str], typer.Option(
    "--max-flops", metavar="COUNT", show_default=False,
    help="Keep models with at most this many FLOPs: 5G, 5GFLOPs, 500M.")]
SettingOption = Annotated[Optional[list[str]], typer.Option(
    "--setting", metavar="TEXT", show_default=False,
    help="Keep results whose setting contains this text, case-blind (repeatable: any of them).")]
ExcludeSettingOption = Annotated[Optional[list[str]], typer.Option(
    "--exclude-setting", metavar="TEXT", show_default=False,
    help="Drop results whose setting contains this text, case-blind (repeatable).")]
SinceOption = Annotated[Optional[str], typer.Option(
    "--since", metavar="DATE", show_default=False,
    help="Keep papers dated on or after this day (YYYY-MM-DD).")]
FromOption = Annotated[Optional[list[Path]], typer.Option(
    "--from", metavar="FILE", show_default=False, dir_okay=False,
    help="Use the claims of this claims file or feed instead of the store (repeatable).")]

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
  paperclaims plot --benchmark imagenet --x params -o frontier.png
  paperclaims export -o claims.csv
  paperclaims evaluate gold.jsonl feed.txt --misses 20
  paperclaims explain "Our model reaches 84.8% top-1 accuracy on ImageNet with 21M parameters."
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
    jobs: Annotated[Optional[int], typer.Option(
        "--jobs", "-j", min=1, metavar="N", show_default=False,
        help="Extract in N processes; 1 extracts in this one. The output is the same whatever N. "
             "Default: one per CPU core.")] = None,
):
    started = time.perf_counter()
    report = Reporter(quiet)
    out_format = output_format(fmt, output)
    files = config.lexicon_files(lexicon_files)  # the workers load the lexicon from these too
    lexicon = lexicon_from_files(files)

    with store_ingest(db, no_store) as ingest, FeedProgress(progress_shown(quiet, output, out_format)) as progress:
        papers = Counted(read_feeds([progress.open_feed(feed) for feed in feeds], input_format,
                                    strict=strict, on_warning=report.warn))
        found = Counted(extract_and_store(
            claims_by_paper(papers, lexicon=lexicon, lexicon_files=files, jobs=jobs or available_cores()),
            ingest, progress))
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


def extract_and_store(found: Iterable[tuple[Paper, list]], ingest: Ingest | None,
                      progress: "FeedProgress") -> Iterator:
    """Every claim of every paper, in feed order; each paper also goes to the store with all its claims."""
    for paper, claims in found:
        if ingest is not None:
            ingest.add(paper, claims)
        progress.advance()
        yield from claims


def progress_shown(quiet: bool, output: Path | None, out_format: str, stderr=None, stdout=None) -> bool:
    """Whether extract shows a progress bar: on a terminal stderr, unless --quiet, and not while
    rows stream to the same terminal (a table there is written only at the end)."""
    stderr, stdout = stderr or sys.stderr, stdout or sys.stdout
    to_stdout = output is None or str(output) == "-"
    return (not quiet and stderr.isatty()
            and not (to_stdout and out_format != "table" and stdout.isatty()))


class FeedProgress:
    """A progress bar on stderr for a long extract: the feeds' bytes read out of their size
    (papers done when a feed's size is unknown), the rate and the time left.

    Shown only when `enabled` (stderr a terminal, no --quiet) and the run has lasted `DELAY`
    seconds; it vanishes when done, leaving the summary line alone.
    """

    DELAY = 1.0
    _REFRESH = 0.1  # seconds between updates: the bar is not worth more work than that

    def __init__(self, enabled: bool):
        self.enabled = enabled
        self._feeds: list[tuple[IO[bytes], int]] = []  # feed files opened here, with their sizes
        self._sized = True  # whether every feed is a file of known size
        self._papers = 0
        self._next_update = time.monotonic() + self.DELAY
        self._bar = self._task = None

    def open_feed(self, feed: str) -> str | IO[bytes]:
        """What to read the feed from: a regular file is opened here, so the bar can follow it."""
        try:
            if not self.enabled or feed == "-" or not stat.S_ISREG(os.stat(feed).st_mode):
                raise OSError
            stream = open(feed, "rb")
        except OSError:  # stdin, a pipe, or a path read_papers will report on in its own words
            self._sized = False
            return feed
        self._feeds.append((stream, os.fstat(stream.fileno()).st_size))
        return stream

    def advance(self) -> None:
        self._papers += 1
        if not self.enabled or time.monotonic() < self._next_update:
            return
        self._next_update = time.monotonic() + self._REFRESH
        if self._bar is None:
            self._start()
        if self._sized:
            done = sum(size if stream.closed else min(size, stream.tell()) for stream, size in self._feeds)
            self._bar.update(self._task, completed=done, papers=self._papers)
        else:
            self._bar.update(self._task, completed=self._papers, papers=self._papers)

    def _start(self) -> None:
        from rich.console import Console
        from rich.progress import (BarColumn, DownloadColumn, Progress, TextColumn,
                                   TimeElapsedColumn, TimeRemainingColumn, TransferSpeedColumn)

        papers = TextColumn("{task.fields[papers]:,} papers")
        columns = ((BarColumn(), DownloadColumn(), TransferSpeedColumn(), papers, TimeRemainingColumn())
                   if self._sized else (papers, TimeElapsedColumn()))
        # stdout carries the data: rich must not take it over to print above the bar
        self._bar = Progress(TextColumn("extracting"), *columns, console=Console(stderr=True),
                             transient=True, redirect_stdout=False)
        total = sum(size for _, size in self._feeds) if self._sized else None
        self._task = self._bar.add_task("extract", total=total, papers=0)
        self._bar.start()

    def __enter__(self) -> "FeedProgress":
        return self

    def __exit__(self, *exc) -> None:
        if self._bar is not None:
            self._bar.stop()
        for stream, _ in self._feeds:
            stream.close()


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

--format html (or -o page.html) writes one self-contained page to share: the ranked table
(each row links to its paper when its URL is known, and shows its evidence on hover), the
accuracy-cost frontier as in `plot` (against --x), and the date it was built.
"""

LEADERBOARD_EXAMPLES = """\
\b
Examples:
  paperclaims leaderboard --benchmark imagenet
  paperclaims leaderboard --benchmark imagenet --max-params 30M --top 10
  paperclaims leaderboard --benchmark cifar-10 --metric "test error" --exclude-setting zero-shot
  paperclaims leaderboard --benchmark imagenet --from claims.csv -o board.csv
  paperclaims leaderboard --benchmark imagenet -o imagenet.html
"""


@app.command("leaderboard", help=LEADERBOARD_HELP, epilog=LEADERBOARD_EXAMPLES, no_args_is_help=True,
             short_help="Rank the stored results on one benchmark, best first.")
def leaderboard_command(
    benchmark: BoardBenchmarkOption,
    metric: Annotated[Optional[str], typer.Option(
        "--metric", "-m", metavar="NAME", show_default=False,
        help="The metric to rank by, by id or alias (top-1, FID). Default: the benchmark's primary metric.")] = None,
    top: Annotated[Optional[int], typer.Option(
        "--top", "-n", min=1, metavar="N", show_default=False, help="Show only the first N rows.")] = None,
    best_per_model: BestPerModelOption = False,
    max_params: MaxParamsOption = None,
    max_flops: MaxFlopsOption = None,
    setting: SettingOption = None,
    exclude_setting: ExcludeSettingOption = None,
    since: SinceOption = None,
    from_files: FromOption = None,
    db: DbOption = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    lexicon_files: LexiconOption = None,
    quiet: QuietOption = False,
    x: Annotated[Optional[XAxis], typer.Option(
        "--x", case_sensitive=False, metavar="QUANTITY", show_default=False,
        help="With --format html: what the page's plot puts on x, params, flops or date. "
             "Default: params, else flops, else date, whichever the results have.")] = None,
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

    board, where = read_board(query, from_files, db, lexicon, report)

    human = out_format in ("table", "markdown")
    columns = boards.LEADERBOARD_TABLE_COLUMNS if human else boards.LEADERBOARD_COLUMNS
    title = boards.board_title(board, lexicon)
    with open_output(output) as stream:
        if out_format == "html":  # the page to share, with the frontier plot (matplotlib loads here)
            from .page import leaderboard_page

            stream.write(leaderboard_page(board, lexicon=lexicon, x=x.value if x else None,
                                          version=__version__))
        else:
            render(boards.leaderboard_rows(board, human=human), columns, out_format, stream, title=title)

    if len(board) == 0:
        warn_empty_board(report, board, where, max_params, max_flops, setting, exclude_setting, since)
    report.summary(f"{plural(len(board), 'row')}: {title} in {time.perf_counter() - started:.1f}s")


def warn_empty_board(report, board, where, *filters) -> None:
    """Say that a board is empty, and whether the filters are why."""
    report.warn(f"no {board.attrs['metric']} results on {board.attrs['benchmark']} in {where}"
                + (" match the filters" if any(filters) else ""))


def read_board(query, from_files: list[Path] | None, db: Path | None, lexicon: Lexicon,
               report: "Reporter"):
    """The ranked board a query asks for, from --from files or the store, and where it came from."""
    from . import leaderboard as boards

    if from_files:
        rows = boards.rows_from_files(from_files, lexicon=lexicon, on_warning=report.warn)
        where = ", ".join(str(f) for f in from_files)
    else:
        with Store.open(db, readonly=True) as store:
            rows = list(store.claims(papers_on=query.benchmark.id))
            where = str(store.path)
    return boards.rank(rows, query, lexicon=lexicon), where


# --- plot ---------------------------------------------------------------------------------------

PLOT_HELP = """\
Plot the results on one benchmark against what they cost: parameters, FLOPs or date.

Each result is a point at its parameter count or FLOPs (both on a log scale) or its paper's
date, labelled with its model. The Pareto frontier, the results that no other result beats at
the same or a lower cost, is drawn and its models are highlighted; "beats" follows the
metric's direction (lower FID is better, so there the frontier is the lower envelope).
Results without the x quantity are listed in the caption. Labels that would overlap are left
out; the caption names every model on the frontier.

-o FILE writes a picture, PNG or SVG by the file's extension. Without -o, on a terminal, the
plot is drawn in text; without -o and without a terminal, pass -o.

The results are those `leaderboard` ranks, with the same options: the store (see --db), or
--from claims files and feeds.
"""

PLOT_EXAMPLES = """\
\b
Examples:
  paperclaims plot --benchmark imagenet
  paperclaims plot --benchmark imagenet -o frontier.png
  paperclaims plot --benchmark imagenet --x flops --since 2024-01-01 -o frontier.svg
  paperclaims plot --benchmark imagenet-256x256 --metric fid --from claims.csv -o fid.png
"""


@app.command("plot", help=PLOT_HELP, epilog=PLOT_EXAMPLES, no_args_is_help=True,
             short_help="Plot a benchmark's results against their cost, with the Pareto frontier.")
def plot_command(
    benchmark: BoardBenchmarkOption,
    metric: Annotated[Optional[str], typer.Option(
        "--metric", "-m", metavar="NAME", show_default=False,
        help="The metric on y, by id or alias (top-1, FID). Default: the benchmark's primary metric.")] = None,
    x: Annotated[XAxis, typer.Option(
        "--x", case_sensitive=False, metavar="QUANTITY",
        help="What goes on x: params or flops (log scale), or date.")] = XAxis.params,
    output: Annotated[Optional[Path], typer.Option(
        "--output", "-o", dir_okay=False, show_default=False, metavar="FILE",
        help="Write the picture to this file, .png or .svg. Default: text on the terminal.")] = None,
    best_per_model: BestPerModelOption = False,
    max_params: MaxParamsOption = None,
    max_flops: MaxFlopsOption = None,
    setting: SettingOption = None,
    exclude_setting: ExcludeSettingOption = None,
    since: SinceOption = None,
    from_files: FromOption = None,
    db: DbOption = None,
    lexicon_files: LexiconOption = None,
    quiet: QuietOption = False,
):
    from . import leaderboard as boards
    from . import plot as plots

    started = time.perf_counter()
    report = Reporter(quiet)
    # Decided before anything is read: a run that cannot show its picture fails at once.
    if output is None:
        if not stdout_is_terminal():
            raise UsageError("standard output is not a terminal: pass -o FILE.png or -o FILE.svg "
                             "to write the plot to a file")
        picture = None
    else:
        picture = plots.picture_format(output)
    lexicon = _lexicon(lexicon_files)
    query = boards.BoardQuery.parse(
        benchmark, metric, lexicon=lexicon, best_per_model=best_per_model, max_params=max_params,
        max_flops=max_flops, settings=setting or (), exclude_settings=exclude_setting or (),
        since=since)
    board, where = read_board(query, from_files, db, lexicon, report)
    found = plots.board_frontier(board, x.value, lexicon=lexicon)

    if picture is not None:
        data = plots.draw(found, picture)
        with open_output(output, binary=True) as stream:
            stream.write(data)
    else:
        import shutil

        columns, lines = shutil.get_terminal_size()
        typer.echo(plots.terminal_plot(found, width=max(40, min(columns, 120)),
                                       height=max(12, min(lines - 10, 30))), nl=False)

    if len(board) == 0:
        warn_empty_board(report, board, where, max_params, max_flops, setting, exclude_setting, since)
    elif found.missing:
        report.warn(f"{plural(len(found.missing), 'result')} without a {x.value} value not plotted "
                    "(listed in the caption)")
    into = f" into {output}" if output is not None else ""
    report.summary(f"{plural(len(found.points), 'point')}, {len(found.frontier)} on the frontier"
                   f"{into} in {time.perf_counter() - started:.1f}s")


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


# --- explain ------------------------------------------------------------------------------------

EXPLAIN_HELP = """\
Show what each number in a sentence or abstract became, and why.

For every number: the claim it became (kind, metric, benchmark, model) and the rule that decided
each part (a change cue, the metric beside it, a benchmark named after it, the paper's own method
as the subject...), or the reason it is not a claim (a size, a setting, a name, no metric). Give
--title to let "our model" resolve to the method the title names.
"""

EXPLAIN_EXAMPLES = """\
\b
Examples:
  paperclaims explain "On CIFAR-10, our model achieves 2.08% test error with 5.7M parameters."
  paperclaims explain "It is 1.2x faster than MobileNetV2." --title "ProxylessNAS: Direct NAS"
  paperclaims explain "$(cat abstract.txt)" --format json
"""

ExplainFormat = enum.Enum("ExplainFormat", {name: name for name in ("table", "json")}, type=str)


@app.command("explain", help=EXPLAIN_HELP, epilog=EXPLAIN_EXAMPLES, no_args_is_help=True,
             short_help="Show what each number in a sentence became, and why.")
def explain_command(
    text: Annotated[str, typer.Argument(metavar="TEXT", show_default=False,
                                        help="A sentence or a whole abstract, or - for standard input.")],
    title: Annotated[Optional[str], typer.Option(
        "--title", metavar="TITLE", show_default=False, help="The paper's title (names its method).")] = None,
    fmt: Annotated[ExplainFormat, typer.Option(
        "--format", case_sensitive=False, metavar="NAME",
        help="table, or json (the claims and, per number, its outcome and rules).")] = ExplainFormat.table,
    lexicon_files: LexiconOption = None,
):
    from .explain import EXPLAIN_COLUMNS, explain_numbers

    if text == "-":
        text = sys.stdin.read()
    explanation, numbers = explain_numbers(text, title, lexicon=_lexicon(lexicon_files))
    claims = [claim.to_dict() for claim in explanation.claims]
    if fmt.value == "json":
        typer.echo(json.dumps({"method": explanation.method, "claims": claims,
                               "numbers": [{k: row[k] for k in ("number", "start", "end", "outcome", "rules")}
                                           for row in numbers]}, ensure_ascii=False))
        return
    shown = ("kind", "model", "benchmark", "metric", "value", "unit", "setting", "evidence")
    render(claims, shown, "table", sys.stdout,
           title=f"{plural(len(claims), 'claim')}" + (f" (the paper's method: {explanation.method})"
                                                       if explanation.method else ""))
    typer.echo()
    render(numbers, EXPLAIN_COLUMNS, "table", sys.stdout, title="every number, and why")


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


def stdout_is_terminal() -> bool:
    """Whether standard output is a terminal (tests replace this to see the terminal plot)."""
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):  # no stream, or a closed one
        return False


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
def open_output(path: Path | None, *, binary: bool = False) -> Iterator[TextIO]:
    """stdout, or a file that appears only once it is complete (no half-written file on error).

    `binary=True` gives a byte stream (a picture) instead of UTF-8 text.
    """
    if path is None or str(path) == "-":
        yield sys.stdout.buffer if binary else sys.stdout
        sys.stdout.flush()
        return
    path = Path(path)
    try:
        handle, partial = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial",
                                           dir=path.parent if str(path.parent) else ".")
    except OSError as err:
        raise PaperclaimsError(f"{path}: cannot write: {err.strerror or err}") from None
    try:
        with (os.fdopen(handle, "wb") if binary
              else os.fdopen(handle, "w", encoding="utf-8", newline="")) as stream:
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
