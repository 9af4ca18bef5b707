"""The `paperclaims` command through typer's runner: stdout holds data only, stderr the rest."""
import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import paperclaims.cli
from paperclaims import __version__
from paperclaims.cli import app, output_format
from paperclaims.model import COLUMNS

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "daily-papers-sample.txt"

# Three papers in simple sentences whose claims follow claims-spec.md without argument.
PAPERS = [
    {"id": "2401.00001", "title": "TinyNet: Small Networks That Classify Well",
     "abstract": "We present TinyNet, a compact image classifier. TinyNet achieves 81.3% top-1 "
                 "accuracy on ImageNet. On CIFAR-10, our model achieves 2.08% test error."},
    {"id": "2401.00002", "title": "SegFast: Efficient Semantic Segmentation",
     "abstract": "We present SegFast, a segmentation network. SegFast reaches 48.5% mIoU on "
                 "ADE20K. SegFast has 25M parameters."},
    {"id": "2401.00003", "title": "On Optimizers",  # no numbers at all: no claims
     "abstract": "We study optimizers for training deep networks and discuss their trade-offs."},
]
FEED = "".join(json.dumps(p) + "\n" for p in PAPERS)
ABSTRACTS = {p["title"]: p["abstract"] for p in PAPERS}

# (paper, kind, model, benchmark, metric, value, unit, magnitude), in feed order.
EXPECTED = [
    (PAPERS[0]["title"], "result", "TinyNet", "imagenet-1k", "top1_accuracy", 81.3, "%", None),
    (PAPERS[0]["title"], "result", "TinyNet", "cifar-10", "error_rate", 2.08, "%", None),
    (PAPERS[1]["title"], "result", "SegFast", "ade20k", "miou", 48.5, "%", None),
    (PAPERS[1]["title"], "resource", "SegFast", "ade20k", "params", 25.0, "params", 25e6),
]

HEADER = ",".join(COLUMNS) + "\n"
SUMMARY = re.compile(r"^(\d+) papers?, (\d+) claims?( \(\d+ match the filters\))? in \d+\.\d+s$")


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture(autouse=True)
def private_store(tmp_path_factory, monkeypatch):
    """extract also fills the claims store: keep every test's store away from the user's."""
    monkeypatch.setenv("PAPERCLAIMS_DB", str(tmp_path_factory.mktemp("store") / "claims.db"))


@pytest.fixture
def feed(tmp_path):
    path = tmp_path / "papers.jsonl"
    path.write_text(FEED, encoding="utf-8")
    return path


def run(runner, *args, **kwargs):
    return runner.invoke(app, [str(a) for a in args], **kwargs)


def key(row):
    """The spec fields of a row read back from CSV or JSON, for comparison with EXPECTED."""
    def number(v):
        return None if v in (None, "") else float(v)
    return (row["paper"], row["kind"], row["model"], row["benchmark"] or None, row["metric"],
            number(row["value"]), row["unit"], number(row["magnitude"]))


def csv_rows(text):
    return list(csv.DictReader(io.StringIO(text)))


def jsonl_rows(text):
    return [json.loads(line) for line in text.splitlines()]


def summary_line(stderr):
    lines = [line for line in stderr.splitlines() if SUMMARY.match(line)]
    assert len(lines) == 1, stderr
    return SUMMARY.match(lines[0])


# --- help and version ----------------------------------------------------------------------------

def test_app_help_describes_and_shows_examples(runner):
    result = run(runner, "--help")
    assert result.exit_code == 0
    assert "metric claim" in result.stdout
    assert "extract" in result.stdout
    assert "paperclaims extract examples/daily-papers-sample.txt" in result.stdout
    assert "--version" in result.stdout and "--debug" in result.stdout


def test_extract_help_shows_formats_options_and_examples(runner):
    result = run(runner, "extract", "--help")
    assert result.exit_code == 0
    for text in ("table, csv, jsonl, json, markdown", "--input-format", "--output", "--kind",
                 "--benchmark", "--lexicon", "--strict", "--quiet",
                 "paperclaims extract examples/daily-papers-sample.txt",
                 "paperclaims extract papers.jsonl.gz --kind result -o claims.csv"):
        assert text in result.stdout


def test_every_command_has_help_with_examples(runner):
    # Commands added later (leaderboard, export, ...) must teach by example too.
    for name in paperclaims.cli.typer.main.get_command(app).commands:
        result = run(runner, name, "--help")
        assert result.exit_code == 0, name
        assert "Examples:" in result.stdout, name


def test_version(runner):
    result = run(runner, "--version")
    assert result.exit_code == 0
    assert result.stdout == f"paperclaims {__version__}\n"


def test_python_dash_m_runs_the_app():
    done = subprocess.run([sys.executable, "-m", "paperclaims", "--help"], capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "extract" in done.stdout


# --- output formats ------------------------------------------------------------------------------

def test_csv_has_the_columns_in_order(runner, feed):
    result = run(runner, "extract", feed, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == ",".join(COLUMNS)


def test_default_in_a_pipe_is_csv(runner, feed):
    result = run(runner, "extract", feed)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(HEADER)


def test_default_on_a_terminal_is_a_table(monkeypatch):
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    assert output_format(None, None) == "table"


def test_jsonl_rows_have_exactly_the_columns(runner, feed):
    result = run(runner, "extract", feed, "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    for row in jsonl_rows(result.stdout):
        assert list(row) == list(COLUMNS)


def test_json_is_one_array(runner, feed):
    result = run(runner, "extract", feed, "--format", "json")
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert isinstance(rows, list)
    assert all(list(row) == list(COLUMNS) for row in rows)


def test_markdown_is_a_pipe_table(runner, feed):
    result = run(runner, "extract", feed, "--format", "markdown")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "| " + " | ".join(COLUMNS) + " |"
    assert all(line.startswith("|") and line.endswith("|") for line in lines)


def test_table_names_the_columns(runner, feed):
    result = run(runner, "extract", feed, "--format", "table")
    assert result.exit_code == 0, result.stderr
    for name in ("paper_id", "kind", "benchmark", "evidence"):
        assert name in result.stdout


def test_input_format_option(runner, tmp_path):
    # A .txt name would be read as text; -f says it is JSON Lines.
    path = tmp_path / "papers.txt"
    path.write_text(FEED, encoding="utf-8")
    result = run(runner, "extract", path, "-f", "jsonl")
    assert result.exit_code == 0, result.stderr
    assert summary_line(result.stderr).group(1) == "3"


def test_unknown_input_format_is_a_usage_error(runner, feed):
    result = run(runner, "extract", feed, "-f", "docx")
    assert result.exit_code == 2


# --- stdin and output files ----------------------------------------------------------------------

def test_stdin_reads_like_a_file(runner, feed):
    from_file = run(runner, "extract", feed, "--format", "jsonl")
    from_stdin = run(runner, "extract", "-", "-f", "jsonl", "--format", "jsonl", input=FEED)
    assert from_stdin.exit_code == 0, from_stdin.stderr
    assert summary_line(from_stdin.stderr).group(1) == "3"
    assert from_stdin.stdout == from_file.stdout


def test_several_feeds_are_read_in_turn(runner, feed):
    result = run(runner, "extract", feed, "-", "-f", "jsonl", input=FEED)
    assert result.exit_code == 0, result.stderr
    assert summary_line(result.stderr).group(1) == "6"


@pytest.mark.parametrize("name, fmt", [("out.csv", "csv"), ("out.jsonl", "jsonl"),
                                       ("out.json", "json"), ("out.md", "markdown")])
def test_output_file_takes_its_format_from_the_extension(runner, feed, tmp_path, name, fmt):
    out = tmp_path / name
    written = run(runner, "extract", feed, "-o", out)
    assert written.exit_code == 0, written.stderr
    assert written.stdout == ""
    assert out.read_text(encoding="utf-8") == run(runner, "extract", feed, "--format", fmt).stdout
    assert summary_line(written.stderr)  # the summary still goes to stderr


def test_format_option_wins_over_the_extension(runner, feed, tmp_path):
    out = tmp_path / "out.txt"
    result = run(runner, "extract", feed, "-o", out, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    assert out.read_text(encoding="utf-8").startswith(HEADER)


def test_txt_output_is_a_plain_table(runner, feed, tmp_path):
    out = tmp_path / "out.txt"
    result = run(runner, "extract", feed, "-o", out)
    assert result.exit_code == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert "evidence" in text and "\x1b[" not in text


def test_unknown_output_extension_is_a_usage_error(runner, feed, tmp_path):
    out = tmp_path / "out.xlsx"
    result = run(runner, "extract", feed, "-o", out)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("error: ") and "'.xlsx'" in result.stderr
    assert not out.exists()


def test_failed_run_leaves_no_output_file(runner, tmp_path):
    out = tmp_path / "out.csv"
    result = run(runner, "extract", tmp_path / "missing.jsonl", "-o", out)
    assert result.exit_code == 1
    assert list(tmp_path.iterdir()) == []


# --- claims (these wait on the grammar in paperclaims.claims) -----------------------------------

def test_rows_follow_the_spec(runner, feed):
    result = run(runner, "extract", feed, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    assert [key(row) for row in csv_rows(result.stdout)] == EXPECTED


def test_jsonl_rows_follow_the_spec(runner, feed):
    result = run(runner, "extract", feed, "--format", "jsonl")
    rows = jsonl_rows(result.stdout)
    assert [key(row) for row in rows] == EXPECTED
    assert all(row["paper_id"] for row in rows)
    assert rows[0]["higher_is_better"] is True  # top-1 accuracy: higher is better
    assert rows[1]["higher_is_better"] is False  # test error: lower is better


def test_every_row_keeps_its_evidence_span(runner, feed):
    rows = jsonl_rows(run(runner, "extract", feed, "--format", "jsonl").stdout)
    assert rows
    for row in rows:
        assert row["evidence"] == ABSTRACTS[row["paper"]][row["start"]:row["end"]]


def test_summary_counts_papers_and_claims(runner, feed):
    result = run(runner, "extract", feed, "--format", "csv")
    found = summary_line(result.stderr)
    assert (found.group(1), found.group(2)) == ("3", str(len(EXPECTED)))
    assert not SUMMARY.match(result.stdout.splitlines()[-1])


def test_kind_filter(runner, feed):
    result = run(runner, "extract", feed, "--format", "csv", "--kind", "resource")
    assert result.exit_code == 0, result.stderr
    assert [key(row) for row in csv_rows(result.stdout)] == [EXPECTED[3]]
    assert "(1 match the filters)" in result.stderr


def test_kind_filter_is_repeatable(runner, feed):
    result = run(runner, "extract", feed, "--format", "csv", "--kind", "resource", "--kind", "result")
    assert len(csv_rows(result.stdout)) == len(EXPECTED)


def test_benchmark_filter_resolves_aliases(runner, feed):
    result = run(runner, "extract", feed, "--format", "csv", "--benchmark", "imagenet")
    assert result.exit_code == 0, result.stderr
    assert [key(row) for row in csv_rows(result.stdout)] == [EXPECTED[0]]


def test_output_file_holds_every_claim(runner, feed, tmp_path):
    out = tmp_path / "out.jsonl"
    run(runner, "extract", feed, "-o", out)
    assert [key(row) for row in jsonl_rows(out.read_text(encoding="utf-8"))] == EXPECTED


def test_example_feed_covers_every_kind_and_the_main_benchmarks(runner):
    result = run(runner, "extract", EXAMPLE, "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    rows = jsonl_rows(result.stdout)
    assert {row["kind"] for row in rows} == {"result", "delta", "ratio", "resource"}
    assert {"imagenet-1k", "imagenet-256x256", "coco", "ade20k", "cifar-10", "librispeech",
            "wmt14-en-de"} <= {row["benchmark"] for row in rows}
    assert sum(row["benchmark"] == "imagenet-1k" and row["kind"] == "result" for row in rows) >= 6


# --- filters given wrong -------------------------------------------------------------------------

def test_unknown_benchmark_suggests_the_closest(runner, feed):
    result = run(runner, "extract", feed, "--benchmark", "imagenett")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("error: unknown benchmark 'imagenett'")
    assert "imagenet-1k" in result.stderr


def test_unknown_kind_is_a_usage_error(runner, feed):
    result = run(runner, "extract", feed, "--kind", "score")
    assert result.exit_code == 2
    assert result.stdout == ""


# --- errors, warnings and quiet ------------------------------------------------------------------

def test_missing_file_is_one_line_naming_it(runner, tmp_path):
    missing = tmp_path / "missing.jsonl"
    result = run(runner, "extract", missing)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("error: ") and str(missing) in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_second_feed_fails_before_any_output(runner, feed, tmp_path):
    result = run(runner, "extract", feed, tmp_path / "missing.jsonl", "--format", "csv")
    assert result.exit_code == 1
    assert result.stdout == ""


def test_debug_shows_the_traceback(runner, tmp_path):
    result = run(runner, "--debug", "extract", tmp_path / "missing.jsonl")
    assert result.exit_code == 1
    assert "Traceback" in result.stderr
    assert result.stderr.splitlines()[-1].startswith("error: ")


def test_unreadable_lexicon_is_one_line(runner, feed, tmp_path):
    result = run(runner, "extract", feed, "--lexicon", tmp_path / "missing.toml")
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("error: ")
    assert "missing.toml" in result.stderr


def test_extra_lexicon_adds_a_benchmark(runner, feed, tmp_path):
    lexicon = tmp_path / "extra.toml"
    lexicon.write_text('[benchmark.my-bench]\nname = "MyBench"\naliases = ["MyBench"]\n',
                       encoding="utf-8")
    result = run(runner, "extract", feed, "--lexicon", lexicon, "--benchmark", "mybench")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == HEADER


def test_empty_feed_warns_and_writes_the_header_only(runner, tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    result = run(runner, "extract", empty, "--format", "csv")
    assert result.exit_code == 0
    assert result.stdout == HEADER
    assert f"warning: no papers found in {empty}\n" in result.stderr
    assert summary_line(result.stderr).group(1) == "0"


def test_bad_record_is_a_warning_line(runner, tmp_path):
    path = tmp_path / "papers.jsonl"
    path.write_text("{not json\n" + FEED, encoding="utf-8")
    result = run(runner, "extract", path, "--format", "csv")
    assert result.exit_code == 0
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning: ")]
    assert len(warnings) == 1 and ":1:" in warnings[0]
    assert summary_line(result.stderr).group(1) == "3"


def test_strict_turns_a_bad_record_into_an_error(runner, tmp_path):
    path = tmp_path / "papers.jsonl"
    path.write_text("{not json\n" + FEED, encoding="utf-8")
    result = run(runner, "extract", path, "--strict")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1].startswith("error: ")
    assert "Traceback" not in result.stderr


def test_quiet_silences_summary_and_warnings(runner, tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    result = run(runner, "extract", empty, "--quiet", "--format", "csv")
    assert result.exit_code == 0
    assert result.stderr == ""
    assert result.stdout == HEADER


def test_quiet_still_reports_errors(runner, tmp_path):
    result = run(runner, "extract", tmp_path / "missing.jsonl", "-q")
    assert result.exit_code == 1
    assert result.stderr.startswith("error: ")


def test_summary_goes_to_stderr_only(runner, feed):
    result = run(runner, "extract", feed, "--format", "csv")
    assert summary_line(result.stderr)
    assert "papers" not in result.stdout.splitlines()[0]
    assert not any(SUMMARY.match(line) for line in result.stdout.splitlines())


def test_interrupt_exits_130_quietly(runner, feed, monkeypatch):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt
    monkeypatch.setattr(paperclaims.cli, "claims_by_paper", interrupted)
    result = run(runner, "extract", feed)
    assert result.exit_code == 130
    assert "Traceback" not in result.stderr


def test_broken_pipe_exits_quietly(runner, feed, monkeypatch):
    def closed(*args, **kwargs):
        raise BrokenPipeError
    monkeypatch.setattr(paperclaims.cli, "render", closed)
    result = run(runner, "extract", feed)
    assert result.exit_code == 141
    assert result.stderr == ""


def test_a_bug_is_one_line_without_debug(runner, feed, monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("boom")
    monkeypatch.setattr(paperclaims.cli, "claims_by_paper", broken)
    result = run(runner, "extract", feed)
    assert result.exit_code == 1
    assert result.stderr == "error: internal error: ValueError: boom (run with --debug for the traceback)\n"


def test_typer_usage_errors_exit_2(runner):
    assert run(runner, "extract", "x", "--no-such-option").exit_code == 2
    assert run(runner, "no-such-command").exit_code == 2
