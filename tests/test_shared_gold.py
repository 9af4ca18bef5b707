"""Extraction measured against hand-checked gold with the shared scorer (skipped without ../shared)."""
import importlib.util
import json
from pathlib import Path

import pytest

from paperclaims import extract_claims
from paperclaims.readers import read_papers

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
OWN_GOLD = Path(__file__).resolve().parent / "gold"

pytestmark = pytest.mark.skipif(not (SHARED / "tools" / "score.py").is_file(), reason="../shared is absent")


def scorer():
    spec = importlib.util.spec_from_file_location("shared_score", SHARED / "tools" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def predictions(papers):
    return [c.to_dict() for p in papers for c in extract_claims(p.abstract, title=p.title, paper_id=p.paper_id)]


def load_gold(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def daily_scores():
    papers = list(read_papers(SHARED / "feeds" / "daily-papers-aug19.txt"))
    gold = load_gold(SHARED / "gold" / "daily-papers-aug19.jsonl")
    scores, _ = scorer().score(gold, predictions(papers))
    return scores


def test_daily_papers_meets_the_extract_targets(daily_scores):
    # issue 2: results F1 at level full >= 0.80, all kinds F1 at level value >= 0.80
    assert daily_scores["full"]["result"]["f1"] >= 0.80
    assert daily_scores["value"]["all"]["f1"] >= 0.80


def test_daily_papers_meets_the_accuracy_targets(daily_scores):
    # issue 4: results F1 at level full >= 0.95, all kinds F1 at level tuple >= 0.90
    assert daily_scores["full"]["result"]["f1"] >= 0.95
    assert daily_scores["tuple"]["all"]["f1"] >= 0.90


def test_daily_papers_does_not_regress(daily_scores):
    # floors a little under what the grammar measured when this test was written (0.958, 0.868)
    assert daily_scores["value"]["all"]["f1"] >= 0.94
    assert daily_scores["full"]["all"]["f1"] >= 0.84


@pytest.fixture(scope="module")
def openreview_papers():
    feed = SHARED / "feeds" / "openreview-iclr2021-neurips2023.jsonl"
    return {p.title: p for p in read_papers(feed)}


def own_sample_scores(name, openreview_papers):
    lines = (OWN_GOLD / f"{name}-titles.txt").read_text(encoding="utf-8").splitlines()
    titles = {" ".join(t.split()) for t in lines if t.strip()}  # readers collapse runs of spaces
    papers = [openreview_papers[t] for t in titles if t in openreview_papers]
    assert len(papers) == len(titles)
    scores, _ = scorer().score(load_gold(OWN_GOLD / f"{name}.jsonl"), predictions(papers))
    return scores


# Our own annotations of OpenReview samples (tests/gold/README.md): floors a little under what was
# measured. The held-out sample is only ever scored, never inspected claim by claim.
OWN_SAMPLES = [
    # (sample, value/all floor, full/result floor): measured value/all, full/result
    ("openreview-sample", 0.92, 0.74),    # a random sample: 0.970, 0.784
    ("openreview-fields", 0.90, 0.85),    # six abstracts per field of ML: 0.942, 0.894
    ("openreview-dense", 0.89, 0.70),     # 50 claim-dense abstracts: 0.925, 0.746
    ("openreview-heldout", 0.80, 0.40),   # held out: 0.847, 0.457
    ("openreview-heldout2", 0.70, 0.52),  # held out, claim-dense: 0.750, 0.566
]


@pytest.mark.parametrize("name,value_floor,result_floor", OWN_SAMPLES, ids=[s[0] for s in OWN_SAMPLES])
def test_own_sample_holds_its_floor(openreview_papers, name, value_floor, result_floor):
    scores = own_sample_scores(name, openreview_papers)
    assert scores["value"]["all"]["f1"] >= value_floor
    assert scores["full"]["result"]["f1"] >= result_floor


def test_leaderboard_from_the_daily_feed(tmp_path, monkeypatch):
    """Issue 3: ingest the feed twice; the ImageNet board is stable, ranked, and matches the gold."""
    import csv
    import io

    from typer.testing import CliRunner

    from paperclaims.cli import app

    monkeypatch.setenv("PAPERCLAIMS_DB", str(tmp_path / "claims.db"))
    runner = CliRunner()
    feed = str(SHARED / "feeds" / "daily-papers-aug19.txt")
    boards = []
    for _ in range(2):
        assert runner.invoke(app, ["extract", feed, "--format", "csv"]).exit_code == 0
        result = runner.invoke(app, ["leaderboard", "--benchmark", "imagenet", "--format", "csv"])
        assert result.exit_code == 0, result.stderr
        boards.append(result.stdout)
    assert boards[0] == boards[1]
    values = [float(row["value"]) for row in csv.DictReader(io.StringIO(boards[0]))]
    assert values == sorted(values, reverse=True)
    gold = {g["value"] for g in load_gold(SHARED / "gold" / "daily-papers-aug19.jsonl")
            if g["kind"] == "result" and g["metric"] in ("top1_accuracy", "accuracy")
            and "imagenet-1k" in ([g["benchmark"]] if isinstance(g["benchmark"], str) else g["benchmark"] or [])}
    assert len(gold & set(values)) / len(gold) >= 0.85
    assert sum(v in gold for v in values) / len(values) >= 0.90

    fid = runner.invoke(app, ["leaderboard", "--benchmark", "imagenet-256x256", "--metric", "fid", "--format", "csv"])
    fids = [float(row["value"]) for row in csv.DictReader(io.StringIO(fid.stdout))]
    assert fids[0] == 1.46 and fids == sorted(fids)


def test_plot_of_the_daily_feed(tmp_path, monkeypatch):
    """Issue 7: a valid PNG and SVG of ImageNet top-1 against params, and the expected frontier."""
    import xml.etree.ElementTree as ET

    from typer.testing import CliRunner

    from paperclaims import leaderboard as boards
    from paperclaims.cli import app
    from paperclaims.plot import board_frontier
    from paperclaims.store import Store

    db = tmp_path / "claims.db"
    monkeypatch.setenv("PAPERCLAIMS_DB", str(db))
    runner = CliRunner()
    assert runner.invoke(app, ["extract", str(SHARED / "feeds" / "daily-papers-aug19.txt"), "--format", "csv"]).exit_code == 0
    for name in ("frontier.png", "frontier.svg"):
        result = runner.invoke(app, ["plot", "--benchmark", "imagenet", "--x", "params", "-o", str(tmp_path / name)])
        assert result.exit_code == 0, result.stderr
    assert (tmp_path / "frontier.png").read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert ET.parse(tmp_path / "frontier.svg").getroot().tag.endswith("svg")
    with Store.open(db, readonly=True) as store:
        rows = list(store.claims(papers_on="imagenet-1k"))
    found = board_frontier(boards.leaderboard(rows, "imagenet"), "params")
    assert found.frontier_labels == ["SpaRTAN", "TinyViT (higher resolution)", "SimMIM (larger model)"]
