"""extract --jobs: the same output whatever the number of processes, worker errors as one line,
and a progress bar only where one belongs."""
import io
import json
import multiprocessing
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

import paperclaims.cli
from paperclaims import pipeline
from paperclaims.cli import app, progress_shown
from paperclaims.errors import LexiconError, PaperclaimsError
from paperclaims.model import Paper
from paperclaims.pipeline import claims_by_paper
from paperclaims.readers import read_papers

ROOT = Path(__file__).resolve().parent.parent
SHARED_FEED = ROOT.parent / "shared" / "feeds" / "openreview-iclr2021-neurips2023.jsonl"
SMALL_FEEDS = [ROOT / "examples" / "daily-papers-sample.txt", ROOT / "examples" / "sample.jsonl",
               ROOT / "tests" / "fixtures" / "feeds" / "papers.jsonl",
               ROOT / "tests" / "fixtures" / "feeds" / "abstracts.txt"]

# Monkeypatching the grammar reaches the workers only when they are forked from this process.
needs_fork = pytest.mark.skipif(multiprocessing.get_start_method() != "fork",
                                reason="workers see a monkeypatch only when forked")


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def small_feed(tmp_path):
    """The example and fixture feeds as one JSON Lines feed, twice over: a few dozen papers."""
    records = [{"id": p.paper_id, "title": p.title, "abstract": p.abstract}
               for _ in range(2) for feed in SMALL_FEEDS for p in read_papers(feed)]
    path = tmp_path / "small.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture
def small_chunks(monkeypatch):
    """Chunks of three papers, so that a small feed is spread over several workers."""
    monkeypatch.setattr(pipeline, "CHUNK_SIZE", 3)


def extract_csv(runner, feed, *options) -> bytes:
    result = runner.invoke(app, ["extract", str(feed), "--format", "csv", "--no-store", "-q", *options])
    assert result.exit_code == 0, result.stderr
    return result.stdout_bytes


# ---- the same output whatever the number of jobs ----------------------------------------------

def test_jobs_1_and_4_write_the_same_csv(runner, small_feed, small_chunks):
    one = extract_csv(runner, small_feed, "--jobs", "1")
    assert one.count(b"\n") > 20  # the feed has claims to compare
    assert extract_csv(runner, small_feed, "--jobs", "4") == one


def test_jobs_default_writes_the_same_csv(runner, small_feed, small_chunks):
    assert extract_csv(runner, small_feed) == extract_csv(runner, small_feed, "--jobs", "1")


@pytest.mark.skipif(not SHARED_FEED.exists(), reason="the shared OpenReview feed is not here")
def test_jobs_1_and_4_agree_on_the_openreview_feed(runner, tmp_path):
    head = tmp_path / "openreview-head.jsonl"
    with open(SHARED_FEED, encoding="utf-8") as lines:
        head.write_text("".join(line for _, line in zip(range(400), lines)), encoding="utf-8")
    one = extract_csv(runner, head, "--jobs", "1")
    assert extract_csv(runner, head, "--jobs", "4") == one  # 400 papers: four chunks of 128 or fewer


def test_claims_by_paper_keeps_feed_order_and_every_paper(small_feed):
    papers = list(read_papers(small_feed))
    here = list(claims_by_paper(papers, jobs=1))
    there = list(claims_by_paper(papers, jobs=3, chunk_size=2))
    assert [paper for paper, _ in there] == papers
    assert there == here


def test_a_feed_of_one_chunk_is_extracted_without_workers(small_feed, monkeypatch):
    def no_pool(*args, **kwargs):
        raise AssertionError("no worker processes for a feed this short")

    monkeypatch.setattr(pipeline, "ProcessPoolExecutor", no_pool)
    papers = list(read_papers(small_feed))
    assert list(claims_by_paper(papers, jobs=4, chunk_size=len(papers))) == list(claims_by_paper(papers))


@pytest.mark.parametrize("jobs", [0, -1])
def test_jobs_below_one_is_a_usage_error(runner, small_feed, jobs):
    result = runner.invoke(app, ["extract", str(small_feed), "--no-store", "--jobs", str(jobs)])
    assert result.exit_code == 2


# ---- errors in workers ------------------------------------------------------------------------

def test_a_worker_that_cannot_load_the_lexicon_raises_the_loaders_error(tmp_path, small_feed):
    bad = tmp_path / "bad.toml"
    bad.write_text("[benchmark.x]\nnot_a_field = 1\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="bad.toml"):
        list(claims_by_paper(read_papers(small_feed), lexicon_files=[bad], jobs=2, chunk_size=2))


@needs_fork
def test_a_grammar_error_in_a_worker_is_one_line(runner, small_feed, small_chunks, monkeypatch):
    real = pipeline.extract_claims

    def broken(text, title=None, **kwargs):
        if "LiteMLP" in (title or ""):
            raise RuntimeError("the grammar tripped")
        return real(text, title, **kwargs)

    monkeypatch.setattr(pipeline, "extract_claims", broken)
    result = runner.invoke(app, ["extract", str(small_feed), "--no-store", "--jobs", "2"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "error: internal error: RuntimeError: the grammar tripped (run with --debug for the traceback)"]


@needs_fork
def test_a_worker_that_dies_is_one_line(runner, small_feed, small_chunks, monkeypatch):
    def dies(*args, **kwargs):
        import os

        os._exit(9)

    monkeypatch.setattr(pipeline, "extract_claims", dies)
    result = runner.invoke(app, ["extract", str(small_feed), "--no-store", "--jobs", "2"])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: an extraction worker process stopped")


@needs_fork
def test_a_worker_that_dies_raises_a_paperclaims_error(small_feed, monkeypatch):
    monkeypatch.setattr(pipeline, "extract_claims", lambda *a, **k: __import__("os")._exit(9))
    with pytest.raises(PaperclaimsError, match="worker process stopped"):
        list(claims_by_paper(read_papers(small_feed), jobs=2, chunk_size=2))


def test_stopping_early_stops_the_workers(small_feed):
    found = claims_by_paper(read_papers(small_feed), jobs=2, chunk_size=2)
    first_paper, _ = next(found)
    found.close()  # as when the reader of a pipe goes away
    assert isinstance(first_paper, Paper)


# ---- the progress bar -------------------------------------------------------------------------

class FakeStream(io.StringIO):
    def __init__(self, terminal: bool):
        super().__init__()
        self.terminal = terminal

    def isatty(self):
        return self.terminal


@pytest.mark.parametrize("quiet, stderr_tty, stdout_tty, output, fmt, shown", [
    (False, True, False, None, "csv", True),     # CSV into a pipe, stderr a terminal: a bar
    (True, True, False, None, "csv", False),     # --quiet: never
    (False, False, False, None, "csv", False),   # stderr not a terminal: never
    (False, True, True, None, "table", True),    # a table is written only at the end
    (False, True, True, None, "csv", False),     # CSV streaming to the same terminal: no bar
    (False, True, True, Path("out.csv"), "csv", True),  # rows go to a file
])
def test_progress_bar_only_on_a_terminal_and_not_quiet(quiet, stderr_tty, stdout_tty, output, fmt, shown):
    assert progress_shown(quiet, output, fmt, FakeStream(stderr_tty), FakeStream(stdout_tty)) is shown


@pytest.mark.parametrize("quiet", [False, True])
def test_no_progress_bar_when_stderr_is_not_a_terminal(runner, small_feed, monkeypatch, quiet):
    monkeypatch.setattr(paperclaims.cli.FeedProgress, "DELAY", 0.0)
    options = ["--quiet"] if quiet else []
    result = runner.invoke(app, ["extract", str(small_feed), "--no-store", "--format", "csv", *options])
    assert result.exit_code == 0
    if quiet:
        assert result.stderr == ""
    else:
        assert len(result.stderr.splitlines()) == 1
        assert re.match(r"^\d+ papers, \d+ claims in \d+\.\ds$", result.stderr)
