"""Scoring against gold: every matching rule, agreement with the shared reference scorer, the CLI."""
import importlib.util
import re
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from paperclaims.cli import app
from paperclaims.errors import InputError, LexiconError
from paperclaims.evaluate import (LEVELS, MISS_FIELDS, ScoringRules, default_rules, evaluate, matches,
                                  read_gold, read_predictions)

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SCORER = SHARED / "tools" / "score.py"
needs_shared = pytest.mark.skipif(not SCORER.is_file(), reason="../shared is absent")


def reference_scorer():
    """The shared score.py, imported by path (tests only: the package never depends on it)."""
    spec = importlib.util.spec_from_file_location("shared_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def gold_claim(paper, **fields):
    row = {"paper": paper, "kind": "result", "model": [], "benchmark": None, "metric": None,
           "value": 1.0, "unit": None, "magnitude": None, "baseline": None, "setting": None,
           "evidence": "..."}
    row.update(fields)
    return row


def predicted(paper, **fields):
    row = {"paper": paper, "kind": "result", "model": None, "benchmark": None, "metric": None,
           "value": 1.0, "magnitude": None, "evidence": "..."}
    row.update(fields)
    return row


# One gold claim and one prediction each, and the strictest level at which they match (None: not
# even value). Each row is its own paper, so the rows do not compete for matches.
RULES = [
    # the same number
    ({"value": 84.8}, {"value": 84.8}, "full"),
    # a fraction where the gold has a percentage
    ({"value": 84.8, "unit": "%"}, {"value": 0.848}, "full"),
    # ... but not a percentage where the gold has a fraction
    ({"value": 0.5}, {"value": 50.0}, None),
    # float noise from arithmetic is the same number
    ({"value": 81.3}, {"value": 81.30000000001}, "full"),
    # a different number
    ({"value": 84.8}, {"value": 84.9}, None),
    # a count: the gold magnitude against the predicted magnitude
    ({"kind": "resource", "value": 21.0, "magnitude": 21e6}, {"kind": "resource", "value": 0.021, "magnitude": 21e6}, "full"),
    # a count: the gold magnitude against the number written out in value
    ({"kind": "resource", "value": 21.0, "magnitude": 21e6}, {"kind": "resource", "value": 21e6}, "full"),
    # the same number but another kind
    ({"kind": "delta", "value": 1.1}, {"kind": "result", "value": 1.1}, None),
    # kinds compare case-blind
    ({"kind": "delta", "value": 1.1}, {"kind": "Delta", "value": 1.1}, "full"),
    # a null gold benchmark, metric and an empty model accept anything
    ({}, {"benchmark": "coco", "metric": "ap", "model": "Anything"}, "full"),
    # a gold benchmark does not accept a null one
    ({"benchmark": "coco"}, {}, "value"),
    # imagenet and imagenet-1k are the same benchmark
    ({"benchmark": "imagenet-1k"}, {"benchmark": "imagenet"}, "full"),
    # ... and ILSVRC-2012 too, in any case and punctuation
    ({"benchmark": "imagenet-1k"}, {"benchmark": "ILSVRC 2012"}, "full"),
    # MS-COCO is coco
    ({"benchmark": "coco"}, {"benchmark": "ms-coco"}, "full"),
    # ImageNet-V2 is not ImageNet
    ({"benchmark": "imagenet-1k"}, {"benchmark": "imagenet-v2"}, "value"),
    # a gold list of benchmarks accepts any of them
    ({"benchmark": ["cifar-10", "cifar-100"]}, {"benchmark": "cifar-100"}, "full"),
    # plain accuracy is top-1 accuracy
    ({"metric": "top1_accuracy"}, {"metric": "accuracy"}, "full"),
    # gFID is FID
    ({"metric": "fid"}, {"metric": "gfid"}, "full"),
    # mAP and box AP are AP
    ({"metric": "ap"}, {"metric": "map"}, "full"),
    # test error is an error rate
    ({"metric": "error_rate"}, {"metric": "test_error"}, "full"),
    # top-5 is not top-1
    ({"metric": "top1_accuracy"}, {"metric": "top5_accuracy"}, "value"),
    # a gold metric does not accept a null one
    ({"metric": "fid"}, {}, "value"),
    # one of the gold's names
    ({"model": ["TinyViT", "TinyViT-21M"]}, {"model": "TinyViT-21M"}, "full"),
    # a name that contains a gold name
    ({"model": ["TinyViT"]}, {"model": "TinyViT-21M (ours)"}, "full"),
    # a name contained in a gold name
    ({"model": ["LAION-trained OpenCLIP-ViT-B32"]}, {"model": "OpenCLIP"}, "full"),
    # names compare case-blind, without punctuation
    ({"model": ["DeiT-S"]}, {"model": "deit s"}, "full"),
    # under three characters, containment does not count
    ({"model": ["TinyViT"]}, {"model": "Ti"}, "tuple"),
    # a gold model does not accept a missing one
    ({"model": ["TinyViT"]}, {"model": None}, "tuple"),
    # another model
    ({"model": ["SegFast"]}, {"model": "TinyNet"}, "tuple"),
]


def rule_rows():
    gold, pred = [], []
    for n, (g, p, _) in enumerate(RULES):
        gold.append(gold_claim(f"Rule paper {n}", **g))
        pred.append(predicted(f"Rule paper {n}", **p))
    return gold, pred


@pytest.mark.parametrize("g, p, best", RULES)
def test_matching_rule(g, p, best):
    gold, pred = gold_claim("P", **g), predicted("P", **p)
    expected = LEVELS[:LEVELS.index(best) + 1] if best else ()
    assert [level for level in LEVELS if matches(gold, pred, level)] == list(expected)


# Papers whose claims compete: one-to-one matching, greedy in gold order, and paper keys.
COMPETING_GOLD = [
    # two gold claims with the same number, one prediction: one is missed
    gold_claim("Twice Said", value=5.0), gold_claim("Twice Said", value=5.0),
    # one gold claim, two predictions with its number: one is spurious
    gold_claim("Once Said", value=7.0),
    # greedy: the first gold claim (any model) takes the first prediction, the second (model B)
    # is then left with a prediction for model C, though a better pairing exists
    gold_claim("Greedy", value=3.0), gold_claim("Greedy", value=3.0, model=["Bnet"]),
    # a paper nobody predicted for
    gold_claim("Unpredicted Paper", kind="ratio", value=2.0, metric="speed"),
    # a title over 120 characters: compared on its first 120, normalized
    gold_claim("A" * 130, value=9.0),
]
COMPETING_PRED = [
    predicted("Twice Said", value=5.0),
    predicted("Once Said", value=7.0), predicted("Once Said", value=0.07),
    predicted("Greedy", value=3.0, model="Bnet"), predicted("Greedy", value=3.0, model="Cnet"),
    # a prediction on a paper the gold does not have
    predicted("Not In Gold", kind="resource", value=1.0),
    # the title in another case and punctuation, given as paper_title
    {**predicted(None, value=9.0), "paper_title": "a" * 120 + "B" * 10},
    # a kind that is none of the four: counted only under all
    predicted("Once Said", kind="claim", value=7.0),
]


def test_one_to_one_matching():
    result = evaluate(COMPETING_GOLD, COMPETING_PRED)
    full = result.to_dict()["full"]
    assert full["all"]["tp"] == 4  # Twice Said, Once Said, one of Greedy, the long title
    assert full["all"]["gold"] == 7 and full["all"]["pred"] == 8
    assert full["result"]["pred"] == 6 and full["resource"]["pred"] == 1
    assert result.scores["value"]["all"].tp == 5  # at level value both Greedy claims match
    missed, spurious = result.misses()
    assert [(m["paper"], m["value"]) for m in missed] == [
        ("Twice Said", 5.0), ("Greedy", 3.0), ("Unpredicted Paper", 2.0)]
    assert [(s["paper"], s["value"]) for s in spurious] == [
        ("Once Said", 0.07), ("Once Said", 7.0), ("Greedy", 3.0), ("Not In Gold", 1.0)]
    assert set(missed[0]) == set(MISS_FIELDS)


def test_a_kind_with_no_claims_scores_one():
    score = evaluate([gold_claim("P")], [predicted("P")]).scores["full"]["delta"]
    assert (score.gold, score.pred, score.tp, score.precision, score.recall, score.f1) == (0, 0, 0, 1.0, 1.0, 1.0)


def test_predicting_nothing_scores_zero():
    score = evaluate([gold_claim("P")], []).scores["value"]["all"]
    assert (score.precision, score.recall, score.f1) == (0.0, 0.0, 0.0)


def _by_content(rows):
    return sorted(json.dumps(r, sort_keys=True) for r in rows)


@needs_shared
@pytest.mark.parametrize("gold, pred", [
    pytest.param(*rule_rows(), id="rules"),
    pytest.param(COMPETING_GOLD, COMPETING_PRED, id="competing"),
    pytest.param(rule_rows()[0] + COMPETING_GOLD, rule_rows()[1] + COMPETING_PRED, id="together"),
])
def test_agrees_with_the_reference_scorer(gold, pred):
    expected, expected_misses = reference_scorer().score(gold, pred)
    result = evaluate(gold, pred)
    assert result.to_dict() == expected
    for level in LEVELS:  # the reference lists papers in set order: compare contents
        assert _by_content(result.missed[level]) == _by_content(expected_misses[level][0])
        assert _by_content(result.spurious[level]) == _by_content(expected_misses[level][1])


# ---- the equivalence tables are data ------------------------------------------------------------

def test_builtin_rules_load():
    rules = default_rules()
    assert rules.benchmark_key("ImageNet") == rules.benchmark_key("imagenet-1k") == "imagenet1k"
    assert rules.same_metric("top1_accuracy", "acc") and not rules.same_metric("fid", "is")


@pytest.mark.parametrize("text, message", [
    # a name in two classes
    ('[metric_classes.a]\nmembers = ["fid"]\n[metric_classes.b]\nmembers = ["FID"]\n',
     r"^s\.toml: \[metric_classes\.b\]: 'FID' is already in \[metric_classes\.a\]$"),
    # a section the format does not know
    ('[benchmarks]\nimagenet = "imagenet-1k"\n', r"^s\.toml: unknown section \[benchmarks\]"),
    # an alias that names nothing
    ('[benchmark_aliases]\nimagenet = ""\n', r"^s\.toml: \[benchmark_aliases\] imagenet must name"),
    # two spellings of one alias
    ('[benchmark_aliases]\nms-coco = "coco"\nMS_COCO = "coco"\n', r"lists 'MS_COCO' twice$"),
    # a field other than members
    ('[metric_classes.a]\nmembres = ["fid"]\n', r"must be a table with one field, members$"),
])
def test_rejected_scoring_rules(text, message):
    with pytest.raises(LexiconError, match=message):
        ScoringRules.from_toml(text, "s.toml")


# ---- reading gold and predictions ---------------------------------------------------------------

def write_jsonl(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


BAD_GOLD = [
    # not JSON
    ('{"paper": "P", "kind": "result"\n', r":1: not JSON Lines: "),
    # JSON but not an object
    ('[1, 2]\n', r":1: not a JSON object$"),
    # fields missing (the second line: blank lines count)
    (json.dumps(gold_claim("P")) + "\n\n" + json.dumps({"paper": "P", "kind": "result", "value": 1.0}) + "\n",
     r":3: missing fields model, benchmark, metric, unit, magnitude, baseline, setting, evidence$"),
    # a kind that is none of the four
    (json.dumps(gold_claim("P", kind="score")) + "\n", r":1: kind must be one of result, delta, ratio, resource, not 'score'$"),
    # a value that is not a number
    (json.dumps(gold_claim("P", value="84.8%")) + "\n", r":1: value must be a number, not '84.8%'$"),
    # a model that is not names
    (json.dumps(gold_claim("P", model=[{"name": "X"}])) + "\n", r":1: model must be a name, a list of names or null$"),
]


@pytest.mark.parametrize("text, message", BAD_GOLD)
def test_bad_gold_file(tmp_path, text, message):
    path = tmp_path / "gold.jsonl"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=message) as err:
        read_gold(path)
    assert str(err.value).startswith(f"{path}:")


def test_missing_gold_file(tmp_path):
    with pytest.raises(InputError, match=r"nowhere\.jsonl: no such gold file$"):
        read_gold(tmp_path / "nowhere.jsonl")


# ---- the CLI ------------------------------------------------------------------------------------

FEED_PAPERS = [
    {"id": "1", "title": "TinyNet: Small Networks That Classify Well",
     "abstract": "We present TinyNet, a compact image classifier. TinyNet achieves 81.3% top-1 "
                 "accuracy on ImageNet. On CIFAR-10, our model achieves 2.08% test error."},
    {"id": "2", "title": "SegFast: Efficient Semantic Segmentation",
     "abstract": "We present SegFast, a segmentation network. SegFast reaches 48.5% mIoU on ADE20K."},
]
FEED_GOLD = [
    gold_claim(FEED_PAPERS[0]["title"], model=["TinyNet"], benchmark="imagenet-1k", metric="top1_accuracy",
               value=81.3, unit="%", evidence="81.3% top-1 accuracy"),
    gold_claim(FEED_PAPERS[0]["title"], model=["TinyNet"], benchmark="cifar-10", metric="error_rate",
               value=2.08, unit="%", evidence="2.08% test error"),
    # a wrong model on purpose: found at level tuple, missed at level full
    gold_claim(FEED_PAPERS[1]["title"], model=["SegSlow"], benchmark="ade20k", metric="miou",
               value=48.5, unit="%", evidence="48.5% mIoU"),
    # a claim the abstract does not hold: missed at every level
    gold_claim(FEED_PAPERS[1]["title"], kind="resource", model=["SegFast"], metric="params",
               value=25.0, unit="params", magnitude=25e6, evidence="25M parameters"),
]


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture(autouse=True)
def private_config(tmp_path_factory, monkeypatch):
    """No user lexicon file and no user store: every run sees the built-in lexicon only."""
    monkeypatch.setenv("PAPERCLAIMS_LEXICON", "")
    monkeypatch.setenv("PAPERCLAIMS_DB", str(tmp_path_factory.mktemp("store") / "claims.db"))


@pytest.fixture
def files(tmp_path):
    feed = write_jsonl(tmp_path / "papers.jsonl", FEED_PAPERS)
    gold = write_jsonl(tmp_path / "gold.jsonl", FEED_GOLD)
    return gold, feed


def test_cli_json_is_the_evaluation(runner, files):
    gold, feed = files
    result = runner.invoke(app, ["evaluate", str(gold), str(feed), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    scores = json.loads(result.stdout)
    assert list(scores) == list(LEVELS)
    assert scores["value"]["all"] == {"gold": 4, "pred": 3, "tp": 3, "p": 1.0, "r": 0.75, "f1": 0.8571}
    assert scores["full"]["all"]["tp"] == 2
    assert scores["full"]["result"] == {"gold": 3, "pred": 3, "tp": 2, "p": 0.6667, "r": 0.6667, "f1": 0.6667}
    assert result.stderr.strip().startswith("3 claims from 2 papers against 4 gold claims in ")


def test_cli_table(runner, files):
    gold, feed = files
    result = runner.invoke(app, ["evaluate", str(gold), str(feed)])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["level", "kind", "gold", "pred", "tp", "P", "R", "F1"]
    rows = [line.split() for line in lines[2:]]
    assert len(rows) == 15  # 3 levels x (4 kinds + all)
    assert ["value", "all", "4", "3", "3", "1.0000", "0.7500", "0.8571"] in rows
    assert ["full", "result", "3", "3", "2", "0.6667", "0.6667", "0.6667"] in rows
    assert "missed" not in result.stdout


def test_cli_misses(runner, files):
    gold, feed = files
    result = runner.invoke(app, ["evaluate", str(gold), str(feed), "--misses", "5"])
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    missed, spurious = out.split("missed at level full (first 5)")[1].split("spurious at level full (first 5)")
    assert "SegSlow" in missed and "25M parameters" in missed and "SegFast" in missed
    assert "48.5% mIoU" in spurious and "TinyNet" not in spurious


def test_cli_misses_in_json(runner, files):
    gold, feed = files
    result = runner.invoke(app, ["evaluate", str(gold), str(feed), "--format", "json", "--misses", "1"])
    data = json.loads(result.stdout)
    assert data["misses"]["level"] == "full"
    assert [m["model"] for m in data["misses"]["missed"]] == [["SegSlow"]]
    assert [set(m) for m in data["misses"]["spurious"]] == [set(MISS_FIELDS)]


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "json"])
def test_cli_scores_a_predictions_file(runner, files, tmp_path, fmt):
    gold, feed = files
    claims = tmp_path / f"claims.{fmt}"
    made = runner.invoke(app, ["extract", str(feed), "--no-store", "-q", "-o", str(claims)])
    assert made.exit_code == 0, made.stderr
    from_file = runner.invoke(app, ["evaluate", str(gold), "--pred", str(claims), "--format", "json"])
    from_feed = runner.invoke(app, ["evaluate", str(gold), str(feed), "--format", "json"])
    assert from_file.exit_code == 0, from_file.stderr
    assert json.loads(from_file.stdout) == json.loads(from_feed.stdout)
    assert len(read_predictions(claims)) == 3


def test_cli_warns_when_no_title_is_in_the_gold(runner, files, tmp_path):
    gold, _ = files
    other = write_jsonl(tmp_path / "other.jsonl", [{"title": "Another Paper", "abstract": "It gets 90% accuracy on MNIST."}])
    result = runner.invoke(app, ["evaluate", str(gold), str(other)])
    assert result.exit_code == 0
    assert f"warning: no paper of {other} is in {gold} (do the titles differ?)" in result.stderr


@pytest.mark.parametrize("text, message", [
    ('{"paper": "P"\n', r"gold\.jsonl:1: not JSON Lines: "),
    (json.dumps({"paper": "P", "kind": "result", "value": 1.0}) + "\n", r"gold\.jsonl:1: missing fields model, "),
])
def test_cli_bad_gold_file(runner, files, text, message):
    gold, feed = files
    gold.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(gold), str(feed)])
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ")
    assert re.search(message, lines[0])


def test_cli_missing_gold_file(runner, files, tmp_path):
    _, feed = files
    result = runner.invoke(app, ["evaluate", str(tmp_path / "nope.jsonl"), str(feed)])
    assert result.exit_code == 1
    assert result.stderr == f"error: {tmp_path / 'nope.jsonl'}: no such gold file\n"


def test_cli_not_a_claims_file(runner, files):
    gold, feed = files
    result = runner.invoke(app, ["evaluate", str(gold), "--pred", str(feed)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {feed}:1: not a claim (line without kind and value)")


@pytest.mark.parametrize("extra, message", [
    ([], "nothing to score: give feeds to extract or --pred FILE"),
    (["FEED", "--pred", "GOLD"], "give either feeds to extract or --pred FILE, not both"),
])
def test_cli_feeds_or_pred(runner, files, extra, message):
    gold, feed = files
    args = [str(feed) if a == "FEED" else str(gold) if a == "GOLD" else a for a in extra]
    result = runner.invoke(app, ["evaluate", str(gold), *args])
    assert result.exit_code == 2
    assert result.stderr == f"error: {message}\n"


@needs_shared
def test_cli_on_the_shared_feed_agrees_with_the_reference_scorer(runner, tmp_path):
    """The daily-papers feed end to end: our command's numbers are score.py's on extract's output."""
    gold, feed = SHARED / "gold" / "daily-papers-aug19.jsonl", SHARED / "feeds" / "daily-papers-aug19.txt"
    pred = tmp_path / "pred.jsonl"
    made = runner.invoke(app, ["extract", str(feed), "--no-store", "-q", "-o", str(pred)])
    assert made.exit_code == 0, made.stderr
    reference = reference_scorer()
    expected, _ = reference.score(reference.load(gold), reference.load(pred))
    for args in ([str(feed)], ["--pred", str(pred)]):
        result = runner.invoke(app, ["evaluate", str(gold), *args, "--format", "json"])
        assert result.exit_code == 0, result.stderr
        assert json.loads(result.stdout) == expected
