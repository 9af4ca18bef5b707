#!/usr/bin/env python3
"""Check the OpenReview gold files against the spec's shape and against the shared feed.

Checks openreview-sample.jsonl (the random sample), openreview-fields.jsonl (the field-targeted
sample), openreview-heldout.jsonl (the held-out sample; only its shape is checked here),
openreview-dense.jsonl (the claim-dense sample) and openreview-heldout2.jsonl (the second held-out
sample; only its shape is checked here). Every line must parse, carry exactly the spec's
fields, use a valid kind and unit, quote an evidence string found verbatim in the paper's abstract
(read from ../shared, never copied), name a paper from the matching titles file, and list claims
in abstract order. A metric id must be one of the spec's ids or an id in the project's
paperclaims/data/metrics.toml. Standard library only.

usage: python3 tests/gold/check_openreview_sample.py [FEED]
"""
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_FEED = HERE.parents[2] / "shared" / "feeds" / "openreview-iclr2021-neurips2023.jsonl"
FIELDS = ["paper", "kind", "model", "benchmark", "metric", "value", "unit", "magnitude", "baseline", "setting", "evidence"]
KINDS = {"result", "delta", "ratio", "resource"}
UNITS = {None, "%", "pp", "x", "params", "flops", "ms", "s", "gpu_hours", "gpu_days", "tpu_hours", "gb", "mb",
         "epochs", "hours", "days", "tokens", "images"}
COUNT_UNITS = {"params", "flops", "tokens", "images"}
# (gold file, titles file, number of titles)
GOLD_FILES = [("openreview-sample.jsonl", "openreview-sample-titles.txt", 60),
              ("openreview-fields.jsonl", "openreview-fields-titles.txt", 53),
              ("openreview-heldout.jsonl", "openreview-heldout-titles.txt", 22),
              ("openreview-dense.jsonl", "openreview-dense-titles.txt", 50),
              ("openreview-heldout2.jsonl", "openreview-heldout2-titles.txt", 30)]
SPEC_METRICS = {"top1_accuracy", "top5_accuracy", "accuracy", "error_rate", "top1_error", "fid", "gfid", "rfid", "is",
                "miou", "pq", "ap", "ap50", "mask_ap", "map", "f1", "em", "bleu", "rouge_l", "wer", "cer", "perplexity",
                "pass_at_1", "psnr", "ssim", "mae", "mse", "auc", "spearman", "ece", "score", "human_normalized_score",
                "average_accuracy", "linear_transfer_accuracy", "speed", "latency", "params", "flops", "compute",
                "training_cost", "data", "memory", "tokens", "storage", "search_cost", "label_efficiency", "time",
                "throughput", "fps"}
METRICS_TOML = HERE.parents[1] / "paperclaims" / "data" / "metrics.toml"


def known_metrics():
    """The spec's metric ids plus the ids the project's lexicon defines ([metric.ID] headers)."""
    ids = set(SPEC_METRICS)
    if METRICS_TOML.exists():
        ids |= set(re.findall(r"^\[metric\.([\w.-]+)\]", METRICS_TOML.read_text(encoding="utf-8"), re.M))
    return ids


def check(gold_name, titles_name, n_titles, abstracts, metrics):
    titles = [t.rstrip("\n") for t in open(HERE / titles_name, encoding="utf-8") if t.strip()]
    errors = []
    if not len(titles) == len(set(titles)) == n_titles:
        errors.append(f"{titles_name}: expected {n_titles} distinct titles, found {len(titles)} ({len(set(titles))} distinct)")
    for t in titles:
        if t not in abstracts:
            errors.append(f"title not in feed: {t!r}")
    last_pos, last_paper_idx = {}, -1
    rows = 0
    for n, line in enumerate(open(HERE / gold_name, encoding="utf-8"), 1):
        where = f"{gold_name} line {n}"
        try:
            r = json.loads(line)
        except json.JSONDecodeError as e:
            errors.append(f"{where}: not JSON ({e})")
            continue
        rows += 1
        if list(r) != FIELDS:
            errors.append(f"{where}: fields {list(r)} != {FIELDS}")
            continue
        if r["paper"] not in titles:
            errors.append(f"{where}: paper not in titles file: {r['paper']!r}")
            continue
        idx = titles.index(r["paper"])
        if idx < last_paper_idx:
            errors.append(f"{where}: papers out of titles-file order")
        last_paper_idx = idx
        if r["kind"] not in KINDS:
            errors.append(f"{where}: bad kind {r['kind']!r}")
        if r["unit"] not in UNITS:
            errors.append(f"{where}: bad unit {r['unit']!r}")
        if r["metric"] is not None and r["metric"] not in metrics:
            errors.append(f"{where}: metric {r['metric']!r} is neither a spec id nor in metrics.toml")
        if not isinstance(r["value"], (int, float)) or isinstance(r["value"], bool):
            errors.append(f"{where}: value is not a number")
        if not isinstance(r["model"], list) or not all(isinstance(m, str) and m for m in r["model"]):
            errors.append(f"{where}: model must be a list of names")
        if r["benchmark"] is not None and not isinstance(r["benchmark"], (str, list)):
            errors.append(f"{where}: benchmark must be null, an id or a list of ids")
        if (r["magnitude"] is not None) != (r["unit"] in COUNT_UNITS):
            errors.append(f"{where}: magnitude must be given exactly for counts (params, flops, tokens, images)")
        if (r["baseline"] is not None) != (r["kind"] in {"delta", "ratio"}):
            errors.append(f"{where}: baseline must be a list for delta/ratio and null otherwise")
        abstract = abstracts.get(r["paper"], "")
        pos = abstract.find(r["evidence"])
        if not r["evidence"] or pos < 0:
            errors.append(f"{where}: evidence not in abstract: {r['evidence']!r}")
            continue
        # abstract order: a claim may not start before the previous claim's evidence in the same paper
        if pos < last_pos.get(r["paper"], -1):
            errors.append(f"{where}: out of abstract order: {r['evidence']!r}")
        last_pos[r["paper"]] = pos
    for e in errors:
        print(e)
    papers = {json.loads(l)["paper"] for l in open(HERE / gold_name, encoding="utf-8") if l.strip()}
    print(f"{gold_name}: {rows} claims in {len(papers)} of {len(titles)} abstracts; {len(errors)} problem(s)")
    return len(errors)


def main(argv):
    feed = Path(argv[1]) if len(argv) > 1 else DEFAULT_FEED
    abstracts = {}
    with open(feed, encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            abstracts[row["title"]] = row["abstract"]
    metrics = known_metrics()
    problems = sum(check(gold, titles, n, abstracts, metrics) for gold, titles, n in GOLD_FILES)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
