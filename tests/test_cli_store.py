"""The store commands through typer's runner: extract into the store, export, leaderboard, benchmarks."""
import csv
import hashlib
import io
import json
import os

import pytest
from typer.testing import CliRunner

import paperclaims.pipeline
from paperclaims.cli import app
from paperclaims.leaderboard import LEADERBOARD_COLUMNS, LEADERBOARD_TABLE_COLUMNS, SUMMARY_COLUMNS
from paperclaims.model import COLUMNS, Claim, Paper
from paperclaims.store import EXPORT_COLUMNS, Store

# Claims are built here, not extracted, so these tests do not move with the grammar.
PAPERS = [
    (Paper("2401.00001", "TinyNet", "TinyNet gets 81.3% top-1 on ImageNet with 21M parameters and 1.0 GFLOPs.",
           url="https://arxiv.org/abs/2401.00001", date="2024-01-10", source="monday.jsonl"),
     [("result", "TinyNet", "imagenet-1k", "top1_accuracy", 81.3, "%", None, None, "81.3% top-1"),
      ("resource", "TinyNet", None, "params", 21.0, "params", 21e6, None, "21M parameters"),
      ("resource", "TinyNet", None, "flops", 1.0, "flops", 1e9, None, "1.0 GFLOPs")]),
    (Paper("2401.00002", "BigNet", "BigNet gets 85.0% top-1 on ImageNet with 300M parameters, 70.2% zero-shot.",
           date="2024-03-02", source="monday.jsonl"),
     [("result", "BigNet", "imagenet-1k", "top1_accuracy", 85.0, "%", None, None, "85.0% top-1"),
      ("resource", "BigNet", None, "params", 300.0, "params", 300e6, None, "300M parameters"),
      ("result", "BigNet", "imagenet-1k", "top1_accuracy", 70.2, "%", None, "zero-shot", "70.2% zero-shot")]),
    (Paper("2312.00003", "GenNet", "GenNet reaches FID 2.1 on ImageNet 256x256; the baseline has FID 3.0.",
           date="2023-12-01", source="tuesday.txt"),
     [("result", "GenNet", "imagenet-256x256", "fid", 2.1, None, None, None, "FID 2.1"),
      ("result", "Baseline", "imagenet-256x256", "fid", 3.0, None, None, None, "FID 3.0")]),
]


def claims_of(paper, specs):
    out = []
    for kind, model, bench, metric, value, unit, magnitude, setting, evidence in specs:
        start = paper.abstract.index(evidence)
        out.append(Claim(kind, value, evidence, start, start + len(evidence), model=model, benchmark=bench,
                         metric=metric, unit=unit, magnitude=magnitude, setting=setting,
                         higher_is_better=metric not in ("fid", "params", "flops"),
                         paper_id=paper.paper_id, paper=paper.title))
    return out


ITEMS = [(paper, claims_of(paper, specs)) for paper, specs in PAPERS]


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture(autouse=True)
def no_user_store(tmp_path, monkeypatch):
    """No test may touch the user's own store: the environment points at a private one."""
    monkeypatch.setenv("PAPERCLAIMS_DB", str(tmp_path / "env-store" / "claims.db"))


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "claims.db"
    with Store.open(path) as store:
        store.add(ITEMS)
    return path


def run(runner, *args):
    return runner.invoke(app, [str(a) for a in args])


def ok(result):
    assert result.exit_code == 0, result.stderr
    return result.stdout


def refused(result, code, *fragments):
    assert result.exit_code == code, result.stdout + result.stderr
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("error: "), result.stderr
    for fragment in fragments:
        assert fragment in result.stderr
    assert result.stdout == ""


# -- extract into the store --------------------------------------------------------------------

@pytest.fixture
def fixed_grammar(monkeypatch):
    """extract_claims that returns the claims built above, whatever the grammar does today."""
    by_abstract = {paper.abstract: claims for paper, claims in ITEMS}

    def extract(text, title=None, *, lexicon=None, paper_id=None):
        return list(by_abstract.get(text, []))

    monkeypatch.setattr(paperclaims.pipeline, "extract_claims", extract)


@pytest.fixture
def feed(tmp_path):
    path = tmp_path / "monday.jsonl"
    path.write_text("".join(json.dumps({"id": p.paper_id, "title": p.title, "abstract": p.abstract,
                                        "date": p.date, "url": p.url}) + "\n" for p, _ in ITEMS),
                    encoding="utf-8")
    return path


def test_extract_adds_to_the_store_once(runner, tmp_path, feed, fixed_grammar):
    path = tmp_path / "new" / "claims.db"
    first = run(runner, "extract", feed, "--db", path, "--format", "csv")
    ok(first)
    assert f"store {path}: 3 new, 0 replaced, 0 unchanged" in first.stderr
    again = run(runner, "extract", feed, "--db", path, "--format", "csv")
    assert f"store {path}: 0 new, 0 replaced, 3 unchanged" in again.stderr
    with Store.open(path, readonly=True) as store:
        rows = list(store.claims())
    assert [{k: r[k] for k in COLUMNS} for r in rows] == [c.to_dict() for _, cs in ITEMS for c in cs]
    assert {r["source"] for r in rows} == {str(feed)}


def test_extract_stores_every_claim_whatever_the_output_filters(runner, tmp_path, feed, fixed_grammar):
    path = tmp_path / "claims.db"
    ok(run(runner, "extract", feed, "--db", path, "--kind", "resource", "--benchmark", "cifar-10",
           "--format", "csv"))
    with Store.open(path, readonly=True) as store:
        assert store.counts() == {"papers": 3, "claims": 8}


def test_extract_no_store_writes_nothing(runner, tmp_path, feed, fixed_grammar):
    result = run(runner, "extract", feed, "--no-store", "--db", tmp_path / "x.db", "--format", "csv")
    ok(result)
    assert "store" not in result.stderr
    assert not (tmp_path / "x.db").exists() and not (tmp_path / "env-store").exists()


def test_extract_uses_the_environment_and_db_wins_over_it(runner, tmp_path, feed, fixed_grammar):
    ok(run(runner, "extract", feed, "--format", "csv"))
    assert (tmp_path / "env-store" / "claims.db").is_file()
    ok(run(runner, "extract", feed, "--format", "csv", "--db", tmp_path / "flag.db"))
    assert (tmp_path / "flag.db").is_file()


def test_extract_refuses_a_foreign_store_before_reading(runner, tmp_path, feed):
    path = tmp_path / "notes.db"
    path.write_bytes(os.urandom(4096))
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    refused(run(runner, "extract", feed, "--db", path, "--format", "csv"), 1, "not a paperclaims database")
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


# -- export ------------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["csv", "jsonl", "json"])
def test_export_prints_every_claim_with_source_and_date(runner, db, fmt):
    out = ok(run(runner, "export", "--db", db, "--format", fmt))
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out)))
        assert out.splitlines()[0] == ",".join(EXPORT_COLUMNS)
    else:
        rows = [json.loads(line) for line in out.splitlines()] if fmt == "jsonl" else json.loads(out)
        assert list(rows[0]) == list(EXPORT_COLUMNS)
    assert len(rows) == 8
    assert [(r["paper_id"], r["source"], r["date"]) for r in rows][::3] == [
        ("2401.00001", "monday.jsonl", "2024-01-10"), ("2401.00002", "monday.jsonl", "2024-03-02"),
        ("2312.00003", "tuesday.txt", "2023-12-01")]


def test_export_to_a_file_by_extension(runner, db, tmp_path):
    target = tmp_path / "all.jsonl"
    ok(run(runner, "export", "--db", db, "-o", target))
    assert len(target.read_text(encoding="utf-8").splitlines()) == 8


def test_export_of_a_missing_store_is_one_line(runner, tmp_path):
    refused(run(runner, "export", "--db", tmp_path / "none.db", "--format", "csv"), 1, "no claims store")
    assert not (tmp_path / "none.db").exists()


def test_export_refuses_another_sqlite_database(runner, tmp_path):
    import sqlite3
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    refused(run(runner, "export", "--db", path), 1, "not a paperclaims store")


# -- leaderboard -------------------------------------------------------------------------------

def test_leaderboard_csv_has_exact_numbers_and_evidence(runner, db):
    out = ok(run(runner, "leaderboard", "--benchmark", "ILSVRC-2012", "--db", db, "--format", "csv"))
    assert out.splitlines() == [
        ",".join(LEADERBOARD_COLUMNS),
        "1,BigNet,85,%,300000000,,,BigNet,2401.00002,2024-03-02,85.0% top-1",
        "2,TinyNet,81.3,%,21000000,1000000000,,TinyNet,2401.00001,2024-01-10,81.3% top-1",
        "3,BigNet,70.2,%,300000000,,zero-shot,BigNet,2401.00002,2024-03-02,70.2% zero-shot",
    ]


@pytest.mark.parametrize("fmt", ["jsonl", "json"])
def test_leaderboard_json_formats(runner, db, fmt):
    out = ok(run(runner, "leaderboard", "-b", "imagenet", "--db", db, "--format", fmt))
    rows = [json.loads(line) for line in out.splitlines()] if fmt == "jsonl" else json.loads(out)
    assert [list(r) for r in rows] == [list(LEADERBOARD_COLUMNS)] * 3
    assert rows[1] == {"rank": 2, "model": "TinyNet", "value": 81.3, "unit": "%", "params": 21e6,
                       "flops": 1e9, "setting": None, "paper": "TinyNet", "paper_id": "2401.00001",
                       "date": "2024-01-10", "evidence": "81.3% top-1"}


def test_leaderboard_table_is_human_readable_without_evidence(runner, db):
    out = ok(run(runner, "leaderboard", "-b", "imagenet", "--db", db, "--format", "table"))
    assert "ImageNet-1k: top-1 accuracy (higher is better)" in out
    lines = [line.split() for line in out.splitlines()]
    assert ["rank", "model", "value", "params", "flops", "setting", "paper", "date"] in lines
    assert ["2", "TinyNet", "81.3%", "21M", "1.0G", "TinyNet", "2024-01-10"] in lines
    assert "evidence" not in out and "81.3% top-1" not in out


def test_leaderboard_markdown(runner, db):
    out = ok(run(runner, "leaderboard", "-b", "imagenet", "--db", db, "--format", "markdown"))
    assert out.splitlines()[:4] == [
        "### ImageNet-1k: top-1 accuracy (higher is better)",
        "",
        "| " + " | ".join(LEADERBOARD_TABLE_COLUMNS) + " |",
        "|" + "|".join(" --- " for _ in LEADERBOARD_TABLE_COLUMNS) + "|",
    ]
    assert "| 1 | BigNet | 85% | 300M |  |  | BigNet | 2024-03-02 |" in out


def test_leaderboard_fid_ranks_lowest_first(runner, db):
    out = ok(run(runner, "leaderboard", "-b", "imagenet-256x256", "--db", db, "--format", "csv"))
    assert [line.split(",")[:3] for line in out.splitlines()[1:]] == [["1", "GenNet", "2.1"],
                                                                      ["2", "Baseline", "3"]]


@pytest.mark.parametrize("args, models", [
    (["--max-params", "30M"], ["TinyNet"]),
    (["--max-params", "30 million"], ["TinyNet"]),
    (["--max-flops", "5G"], ["TinyNet"]),               # BigNet's FLOPs are unknown: left out
    (["--setting", "zero-shot"], ["BigNet"]),
    (["--exclude-setting", "Zero-Shot"], ["BigNet", "TinyNet"]),
    (["--since", "2024-02-01"], ["BigNet", "BigNet"]),
    (["--best-per-model"], ["BigNet", "TinyNet"]),
    (["--top", "1"], ["BigNet"]),
    (["--metric", "top-5"], []),
])
def test_leaderboard_filters(runner, db, args, models):
    out = ok(run(runner, "leaderboard", "-b", "imagenet", "--db", db, "--format", "csv", *args))
    assert [line.split(",")[1] for line in out.splitlines()[1:]] == models


def test_leaderboard_with_nothing_to_show_warns(runner, db):
    result = run(runner, "leaderboard", "-b", "cifar-10", "--db", db, "--format", "csv")
    assert ok(result) == ",".join(LEADERBOARD_COLUMNS) + "\n"
    assert f"warning: no top1_accuracy results on cifar-10 in {db}" in result.stderr


@pytest.mark.parametrize("args, fragments", [
    (["-b", "imagnet"], ["unknown benchmark 'imagnet'", "imagenet-1k"]),
    (["-b", "imagenet", "--metric", "top-1 acuracy"], ["unknown metric", "top1_accuracy"]),
    (["-b", "imagenet", "--max-params", "lots"], ["--max-params: cannot read 'lots'"]),
    (["-b", "imagenet", "--max-flops", "21M params"], ["is a count of params, not flops"]),
    (["-b", "imagenet", "--since", "yesterday"], ["--since wants a date"]),
])
def test_leaderboard_usage_errors_are_one_line(runner, db, args, fragments):
    refused(run(runner, "leaderboard", "--db", db, *args), 2, *fragments)


def test_leaderboard_checks_arguments_before_opening_the_store(runner, tmp_path):
    refused(run(runner, "leaderboard", "-b", "imagnet", "--db", tmp_path / "none.db"), 2, "unknown benchmark")


def test_leaderboard_from_a_claims_csv_matches_the_store(runner, db, tmp_path):
    exported = tmp_path / "claims.csv"
    ok(run(runner, "export", "--db", db, "-o", exported))
    from_store = ok(run(runner, "leaderboard", "-b", "imagenet", "--db", db, "--format", "csv"))
    from_file = ok(run(runner, "leaderboard", "-b", "imagenet", "--from", exported, "--format", "csv",
                       "--db", tmp_path / "unused.db"))
    assert from_file == from_store
    assert not (tmp_path / "unused.db").exists()


def test_leaderboard_from_a_claims_file_written_by_extract(runner, tmp_path, feed, fixed_grammar):
    claims = tmp_path / "claims.jsonl"
    ok(run(runner, "extract", feed, "--no-store", "-o", claims))
    out = ok(run(runner, "leaderboard", "-b", "imagenet", "--from", claims, "--format", "csv"))
    assert [line.split(",")[:5] for line in out.splitlines()[1:]] == [
        ["1", "BigNet", "85", "%", "300000000"], ["2", "TinyNet", "81.3", "%", "21000000"],
        ["3", "BigNet", "70.2", "%", "300000000"]]


def test_leaderboard_from_a_feed(runner, tmp_path, feed, fixed_grammar):
    out = ok(run(runner, "leaderboard", "-b", "imagenet", "--from", feed, "--format", "csv"))
    assert [line.split(",")[1] for line in out.splitlines()[1:]] == ["BigNet", "TinyNet", "BigNet"]


# -- benchmarks --------------------------------------------------------------------------------

def test_benchmarks_lists_results_papers_and_best(runner, db):
    out = ok(run(runner, "benchmarks", "--db", db, "--format", "csv"))
    assert out.splitlines() == [
        ",".join(SUMMARY_COLUMNS),
        "imagenet-1k,top1_accuracy,3,2,85,%,BigNet",
        "imagenet-256x256,fid,2,1,2.1,,GenNet",
    ]


def test_benchmarks_table(runner, db):
    out = ok(run(runner, "benchmarks", "--db", db, "--format", "table"))
    assert ["imagenet-256x256", "fid", "2", "1", "2.1", "GenNet"] in [line.split() for line in out.splitlines()]
