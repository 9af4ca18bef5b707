"""Leaderboards from claim rows: direction, names, collapsing, sizes, filters, summary, claims files."""
import csv
import json

import pytest

from paperclaims import default_lexicon, load_lexicon
from paperclaims.errors import InputError, UsageError
from paperclaims.leaderboard import (LEADERBOARD_COLUMNS, LEADERBOARD_TABLE_COLUMNS, SUMMARY_COLUMNS,
                                     benchmark_summary, board_title, format_count, leaderboard,
                                     leaderboard_rows, parse_count, rows_from_files, summary_rows)
from paperclaims.model import COLUMNS, Claim

LEX = default_lexicon()


def result(paper, model, value, *, benchmark="imagenet-1k", metric="top1_accuracy", unit="%",
           setting=None, date="2024-01-01", evidence=None):
    claim = Claim("result", value, evidence or f"{value}", 0, 1, model=model, benchmark=benchmark,
                  metric=metric, unit=unit, setting=setting, paper_id=paper, paper=f"Paper {paper}")
    return {**claim.to_dict(), "source": "feed.txt", "date": date, "url": None}


def resource(paper, model, magnitude, metric="params"):
    claim = Claim("resource", magnitude / 1e6, "size", 0, 1, model=model, metric=metric, unit=metric,
                  magnitude=magnitude, paper_id=paper, paper=f"Paper {paper}")
    return {**claim.to_dict(), "source": "feed.txt", "date": "2024-01-01", "url": None}


def ranked(board):
    return [(r["rank"], r["model"], r["value"]) for r in leaderboard_rows(board)]


# -- direction ---------------------------------------------------------------------------------

@pytest.mark.parametrize("benchmark, metric, values, best_first", [
    ("imagenet-1k", "top1_accuracy", [80.1, 84.8, 82.0], [84.8, 82.0, 80.1]),    # accuracy: descending
    ("imagenet-256x256", "fid", [2.27, 1.70, 3.04], [1.70, 2.27, 3.04]),        # FID: ascending
    ("cifar-10", "error_rate", [2.08, 3.5, 1.9], [1.9, 2.08, 3.5]),              # error: ascending
    ("librispeech", "wer", [2.1, 1.9, 4.0], [1.9, 2.1, 4.0]),                   # WER: ascending
])
def test_ranking_follows_the_metric_direction(benchmark, metric, values, best_first):
    rows = [result(f"p{i}", f"M{i}", v, benchmark=benchmark, metric=metric) for i, v in enumerate(values)]
    board = leaderboard(rows, benchmark, metric, lexicon=LEX)
    assert list(board["value"]) == best_first
    assert list(board["rank"]) == [1, 2, 3]


def test_ties_share_a_rank_and_the_earlier_paper_comes_first():
    rows = [result("late", "B", 84.0, date="2024-05-01"), result("early", "A", 84.0, date="2023-01-01"),
            result("top", "C", 85.0), result("low", "D", 80.0)]
    assert ranked(leaderboard(rows, "imagenet", lexicon=LEX)) == [
        (1, "C", 85.0), (2, "A", 84.0), (2, "B", 84.0), (4, "D", 80.0)]


# -- names -------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["imagenet", "ImageNet-1k", "ILSVRC-2012", "imagenet-1k", "IN-1k"])
def test_benchmark_aliases_all_mean_imagenet_1k(name):
    board = leaderboard([result("p", "M", 80.0)], name, lexicon=LEX)
    assert board.attrs["benchmark"] == "imagenet-1k" and len(board) == 1


def test_rows_with_an_alias_for_a_benchmark_id_are_still_found():
    board = leaderboard([result("p", "M", 80.0, benchmark="ImageNet")], "imagenet-1k", lexicon=LEX)
    assert len(board) == 1


def test_unknown_benchmark_suggests_the_closest():
    with pytest.raises(UsageError, match=r"unknown benchmark 'imagnet' \(did you mean imagenet-1k"):
        leaderboard([], "imagnet", lexicon=LEX)


def test_unknown_metric_suggests_the_closest():
    with pytest.raises(UsageError, match=r"unknown metric 'top-1 acuracy' \(did you mean top1_accuracy"):
        leaderboard([], "imagenet", "top-1 acuracy", lexicon=LEX)


@pytest.mark.parametrize("metric", ["top-1", "top-1 accuracy", "top1_accuracy", "accuracy"])
def test_metric_aliases_resolve(metric):
    rows = [result("p", "M", 80.0), result("q", "N", 95.0, metric="top5_accuracy")]
    board = leaderboard(rows, "imagenet", metric, lexicon=LEX)
    assert ranked(board) == [(1, "M", 80.0)] and board.attrs["metric"] == "top1_accuracy"


def test_primary_metric_is_the_default():
    rows = [result("p", "M", 80.0), result("q", "N", 95.0, metric="top5_accuracy")]
    assert leaderboard(rows, "imagenet", lexicon=LEX).attrs["metric"] == "top1_accuracy"
    assert ranked(leaderboard(rows, "imagenet", "top-5", lexicon=LEX)) == [(1, "N", 95.0)]


def test_plain_accuracy_counts_as_top1_on_a_top1_benchmark_only():
    rows = [result("p", "M", 80.0, metric="accuracy"), result("q", "N", 81.0),
            result("r", "O", 70.0, metric="accuracy", benchmark="coco", unit="%")]
    assert ranked(leaderboard(rows, "imagenet", lexicon=LEX)) == [(1, "N", 81.0), (2, "M", 80.0)]
    assert ranked(leaderboard(rows, "coco", "accuracy", lexicon=LEX)) == [(1, "O", 70.0)]


def test_benchmark_without_primary_metric(tmp_path):
    extra = tmp_path / "mine.toml"
    extra.write_text('[benchmark.my-bench]\nname = "MyBench"\n', encoding="utf-8")
    lexicon = load_lexicon([extra])
    one = [result("p", "M", 0.9, benchmark="my-bench", metric="f1", unit=None)]
    assert leaderboard(one, "MyBench", lexicon=lexicon).attrs["metric"] == "f1"
    two = one + [result("q", "N", 50.0, benchmark="my-bench", metric="accuracy")]
    with pytest.raises(UsageError, match="has no primary metric; give --metric .its results use accuracy, f1"):
        leaderboard(two, "my-bench", lexicon=lexicon)


# -- which rows --------------------------------------------------------------------------------

def test_only_results_on_the_benchmark_and_metric():
    rows = [result("p", "M", 80.0), result("p", "M", 90.0, benchmark="cifar-10"),
            {**result("p", "M", 1.5), "kind": "delta"}, resource("p", "M", 21e6),
            result("q", "N", 3.0, metric="top1_error")]
    assert ranked(leaderboard(rows, "imagenet", lexicon=LEX)) == [(1, "M", 80.0)]


def test_exact_duplicates_collapse_and_one_row_per_paper_model_setting():
    rows = [result("p", "M", 80.0), result("p", "M", 80.0),          # the same claim twice
            result("p", "M", 79.0),                                   # same paper, model, setting: best kept
            result("p", "m", 80.0),                                   # model names match case-blind
            result("p", "M", 75.0, setting="zero-shot"),              # another setting: its own row
            result("q", "M", 80.0)]                                   # another paper: its own row
    assert [(r["paper_id"], r["value"], r["setting"]) for r in leaderboard_rows(
        leaderboard(rows, "imagenet", lexicon=LEX))] == [("p", 80.0, None), ("q", 80.0, None),
                                                          ("p", 75.0, "zero-shot")]


def test_best_per_model_keeps_each_models_best_row():
    rows = [result("p", "ViT-B", 81.0), result("q", "ViT B", 83.5), result("r", "ViT-B", 82.0),
            result("s", "DeiT", 79.0), result("t", None, 90.0), result("u", None, 85.0)]
    board = leaderboard(rows, "imagenet", lexicon=LEX, best_per_model=True)
    # Rows without a model are never merged with each other.
    assert ranked(board) == [(1, None, 90.0), (2, None, 85.0), (3, "ViT B", 83.5), (4, "DeiT", 79.0)]


def test_top_keeps_the_first_n():
    rows = [result(f"p{i}", f"M{i}", 70.0 + i) for i in range(10)]
    assert [r[0] for r in ranked(leaderboard(rows, "imagenet", lexicon=LEX, top=3))] == [1, 2, 3]
    with pytest.raises(UsageError):
        leaderboard(rows, "imagenet", lexicon=LEX, top=0)


# -- params and FLOPs --------------------------------------------------------------------------

def test_params_and_flops_join_from_the_same_papers_resources():
    rows = [
        result("a", "Tiny-S", 79.0), result("a", "Tiny-B", 83.0),
        resource("a", "tiny-s", 5e6), resource("a", "Tiny-B", 21e6), resource("a", "Tiny-B", 4.2e9, "flops"),
        result("b", "Solo", 81.0), resource("b", None, 86e6),      # the paper's only params claim
        result("c", "Other", 80.0), resource("c", "X", 1e6), resource("c", "Y", 2e6),  # no match
        result("d", "Lone", 78.0), resource("e", "Lone", 9e6),     # another paper's size: not joined
        result("f", "TinyViT-21M", 84.8), resource("f", "TinyViT", 21e6),  # only claim, differently named
    ]
    board = leaderboard(rows, "imagenet", lexicon=LEX)
    sizes = {r["model"]: (r["params"], r["flops"]) for r in leaderboard_rows(board)}
    assert sizes == {"Tiny-B": (21e6, 4.2e9), "Solo": (86e6, None), "Other": (None, None),
                     "Tiny-S": (5e6, None),       # Tiny-B's FLOPs are not borrowed
                     "Lone": (None, None), "TinyViT-21M": (21e6, None)}
    human = {r["model"]: (r["params"], r["flops"]) for r in leaderboard_rows(board, human=True)}
    assert human["Tiny-B"] == ("21M", "4.2G") and human["Other"] == ("", "")


@pytest.mark.parametrize("count, text", [
    (21e6, "21M"), (1.0e9, "1.0G"), (86.6e6, "86.6M"), (632e6, "632M"), (5.6e6, "5.6M"),
    (1.5e12, "1.5T"), (450e3, "450K"), (None, ""),
])
def test_format_count(count, text):
    assert format_count(count) == text


# -- unit-aware filters ------------------------------------------------------------------------

@pytest.mark.parametrize("text, quantity, amount", [
    ("30M", "params", 30e6),
    ("30e6", "params", 30e6),
    ("30 million", "params", 30e6),
    ("30 million parameters", "params", 30e6),
    ("1.5B params", "params", 1.5e9),       # B is a billion
    ("30m", "params", 30e6),                # lower-case m is mega for counts, as in units.toml
    ("5G", "flops", 5e9),
    ("5GFLOPs", "flops", 5e9),
    ("5 GFLOPs", "flops", 5e9),
    ("5gflops", "flops", 5e9),              # any case right before a FLOPs word
    ("500M", "flops", 500e6),
    ("500 MACs", "flops", 500),             # MACs is the unit word here, not M + ACs
    ("2 billion", "flops", 2e9),
    (25_000_000, "params", 25e6),           # a number passes through
])
def test_parse_count(text, quantity, amount):
    assert parse_count(text, quantity) == pytest.approx(amount)


@pytest.mark.parametrize("text, quantity, message", [
    ("thirty", "params", "cannot read 'thirty' as a count"),
    ("30 MB", "params", "cannot read '30 MB'"),
    ("-5M", "params", "cannot read"),
    ("5GFLOPs", "params", "is a count of flops, not params"),   # the other quantity's unit
    ("21M params", "flops", "is a count of params, not flops"),
])
def test_parse_count_refuses(text, quantity, message):
    with pytest.raises(UsageError, match=message):
        parse_count(text, quantity)


SIZED = [result("small", "S", 80.0), resource("small", "S", 20e6), resource("small", "S", 2e9, "flops"),
         result("big", "B", 85.0), resource("big", "B", 300e6), resource("big", "B", 60e9, "flops"),
         result("unknown", "U", 83.0)]


@pytest.mark.parametrize("max_params, max_flops, models", [
    ("30M", None, ["S"]),               # a row without params is dropped by --max-params
    ("30 million", None, ["S"]),
    ("300M", None, ["B", "S"]),         # the limit itself fits
    (None, "5G", ["S"]),
    (None, "5GFLOPs", ["S"]),
    (None, "100G", ["B", "S"]),
    (None, None, ["B", "U", "S"]),
])
def test_size_filters(max_params, max_flops, models):
    board = leaderboard(SIZED, "imagenet", lexicon=LEX, max_params=max_params, max_flops=max_flops)
    assert list(board["model"]) == models


def test_a_bad_size_filter_fails_before_reading_rows():
    with pytest.raises(UsageError, match="--max-params"):
        leaderboard(iter(()), "imagenet", lexicon=LEX, max_params="lots")


# -- settings and dates ------------------------------------------------------------------------

SETTINGS = [result("a", "A", 80.0, setting="zero-shot"), result("b", "B", 81.0, setting="Zero-Shot, 224px"),
            result("c", "C", 85.0, setting="fine-tuning"), result("d", "D", 84.0)]


@pytest.mark.parametrize("settings, exclude, models", [
    (("zero-shot",), (), ["B", "A"]),                  # substring, case-blind; no setting: no match
    ((), ("zero-shot",), ["C", "D"]),
    (("zero-shot", "fine"), (), ["C", "B", "A"]),      # any of several
    (("zero-shot",), ("224px",), ["A"]),
    ((), (), ["C", "D", "B", "A"]),
])
def test_setting_filters(settings, exclude, models):
    board = leaderboard(SETTINGS, "imagenet", lexicon=LEX, settings=settings, exclude_settings=exclude)
    assert list(board["model"]) == models


def test_since_keeps_papers_dated_on_or_after():
    rows = [result("old", "O", 85.0, date="2023-12-31"), result("new", "N", 80.0, date="2024-01-01"),
            result("stamp", "T", 81.0, date="2024-03-01T10:00:00Z"), result("undated", "U", 90.0, date=None)]
    board = leaderboard(rows, "imagenet", lexicon=LEX, since="2024-01-01")
    assert list(board["model"]) == ["T", "N"]
    with pytest.raises(UsageError, match="--since wants a date"):
        leaderboard(rows, "imagenet", lexicon=LEX, since="last week")


# -- output rows -------------------------------------------------------------------------------

def test_output_rows_exact_and_human():
    rows = [result("p", "M", 84.8, evidence="84.8% top-1"), resource("p", "M", 21e6)]
    board = leaderboard(rows, "imagenet", lexicon=LEX)
    exact = leaderboard_rows(board)
    assert exact == [{"rank": 1, "model": "M", "value": 84.8, "unit": "%", "params": 21e6, "flops": None,
                      "setting": None, "paper": "Paper p", "paper_id": "p", "date": "2024-01-01",
                      "evidence": "84.8% top-1"}]
    assert tuple(exact[0]) == LEADERBOARD_COLUMNS
    human = leaderboard_rows(board, human=True)
    assert tuple(human[0]) == LEADERBOARD_TABLE_COLUMNS and "evidence" not in human[0]
    assert (human[0]["value"], human[0]["params"]) == ("84.8%", "21M")
    assert board_title(board) == "ImageNet-1k: top-1 accuracy (higher is better)"
    json.dumps(exact)  # plain Python values only


def test_empty_board_has_the_columns():
    board = leaderboard([], "imagenet", lexicon=LEX)
    assert len(board) == 0 and tuple(board.columns[:len(LEADERBOARD_COLUMNS)]) == LEADERBOARD_COLUMNS
    assert leaderboard_rows(board) == []


# -- benchmarks summary ------------------------------------------------------------------------

def test_benchmark_summary():
    rows = [result("p", "A", 80.0), result("q", "B", 84.0, metric="accuracy"), result("q", "C", 82.0),
            result("r", "G", 2.3, benchmark="imagenet-256x256", metric="fid", unit=None),
            result("s", "H", 1.9, benchmark="imagenet-256x256", metric="fid", unit=None),
            resource("p", "A", 5e6), {**result("p", "A", 1.0), "kind": "delta"}]
    summary = summary_rows(benchmark_summary(rows, lexicon=LEX))
    assert summary == [
        {"benchmark": "imagenet-1k", "metric": "top1_accuracy", "results": 3, "papers": 2, "best": 84.0,
         "unit": "%", "model": "B"},
        {"benchmark": "imagenet-256x256", "metric": "fid", "results": 2, "papers": 2, "best": 1.9,
         "unit": None, "model": "H"},
    ]
    assert tuple(summary[0]) == SUMMARY_COLUMNS
    assert summary_rows(benchmark_summary([], lexicon=LEX)) == []


# -- --from claims files -----------------------------------------------------------------------

def _claims_csv(path, rows):
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(COLUMNS)
        for row in rows:
            writer.writerow(["" if row[c] is None else str(row[c]).lower() if isinstance(row[c], bool)
                             else row[c] for c in COLUMNS])


def test_rows_from_a_claims_csv_and_jsonl(tmp_path):
    rows = [result("p", "M", 84.8), resource("p", "M", 21e6), result("q", "N", 85.1)]
    rows[0]["higher_is_better"] = True
    _claims_csv(tmp_path / "claims.csv", rows)
    (tmp_path / "claims.jsonl").write_text("".join(json.dumps({c: r[c] for c in COLUMNS}) + "\n"
                                                   for r in rows), encoding="utf-8")
    (tmp_path / "claims.json").write_text(json.dumps([{c: r[c] for c in COLUMNS} for r in rows]),
                                          encoding="utf-8")
    for name in ("claims.csv", "claims.jsonl", "claims.json"):
        read = rows_from_files([tmp_path / name])
        assert [{c: r[c] for c in COLUMNS} for r in read] == [{c: r[c] for c in COLUMNS} for r in rows], name
        board = leaderboard(read, "imagenet", lexicon=LEX)
        assert [(r["model"], r["params"]) for r in leaderboard_rows(board)] == [("N", None), ("M", 21e6)]


def test_rows_from_a_missing_or_malformed_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        rows_from_files([tmp_path / "nope.csv"])
    bad = tmp_path / "bad.csv"
    bad.write_text("kind,value,evidence\nresult,eighty,x\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad.csv:2: value is not a number"):
        rows_from_files([bad])


def test_rows_from_a_gzipped_claims_jsonl(tmp_path):
    import gzip
    rows = [result("p", "M", 84.8)]
    with gzip.open(tmp_path / "claims.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({c: rows[0][c] for c in COLUMNS}) + "\n")
    assert [r["value"] for r in rows_from_files([tmp_path / "claims.jsonl.gz"])] == [84.8]


def test_rows_from_a_feed_go_through_readers_and_extraction(tmp_path, monkeypatch):
    import paperclaims.pipeline

    def fake_extract(text, title=None, *, lexicon=None, paper_id=None):
        start = text.index("81.3%")
        return [Claim("result", 81.3, "81.3%", start, start + 5, model="TinyNet", benchmark="imagenet-1k",
                      metric="top1_accuracy", unit="%")]

    monkeypatch.setattr(paperclaims.pipeline, "extract_claims", fake_extract)
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "2401.00001", "title": "TinyNet", "date": "2024-01-05",
                                "abstract": "TinyNet reaches 81.3% top-1 accuracy on ImageNet."}) + "\n",
                    encoding="utf-8")
    rows = rows_from_files([feed])
    assert [(r["paper"], r["value"], r["source"], r["date"]) for r in rows] == [
        ("TinyNet", 81.3, str(feed), "2024-01-05")]
    assert ranked(leaderboard(rows, "imagenet", lexicon=LEX)) == [(1, "TinyNet", 81.3)]


def test_percentage_metrics_read_fractions_and_drop_impossible_values():
    rows = [result("a", "Frac", 0.848, unit=None),    # a bare fraction: 84.8%
            result("b", "Odd", 255.0, unit=None),     # not a percentage at all: left out
            result("c", "Plain", 83.0),
            result("d", "Low", 0.9)]                  # 0.9% written with its unit stays 0.9%
    board = leaderboard(rows, "imagenet", lexicon=LEX)
    assert [(r["model"], r["value"], r["unit"]) for r in leaderboard_rows(board)] == [
        ("Frac", pytest.approx(84.8), "%"), ("Plain", 83.0, "%"), ("Low", 0.9, "%")]
    fid = [result("g", "G", 1.5, benchmark="imagenet-256x256", metric="fid", unit=None),
           result("h", "H", 250.0, benchmark="imagenet-256x256", metric="fid", unit=None)]
    assert len(leaderboard(fid, "imagenet-256x256", lexicon=LEX)) == 2  # FID is no percentage
    summary = summary_rows(benchmark_summary(rows, lexicon=LEX))
    assert (summary[0]["best"], summary[0]["model"], summary[0]["results"]) == (pytest.approx(84.8), "Frac", 3)
