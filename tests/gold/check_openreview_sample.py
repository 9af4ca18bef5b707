#!/usr/bin/env python3
"""Check openreview-sample.jsonl against the spec's shape and against the shared feed.

Every line must parse, carry exactly the spec's fields, use a valid kind and unit, quote an
evidence string found verbatim in the paper's abstract (read from ../shared, never copied), name a
paper from openreview-sample-titles.txt, and list claims in abstract order. Standard library only.

usage: python3 tests/gold/check_openreview_sample.py [FEED]
"""
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_FEED = HERE.parents[2] / "shared" / "feeds" / "openreview-iclr2021-neurips2023.jsonl"
FIELDS = ["paper", "kind", "model", "benchmark", "metric", "value", "unit", "magnitude", "baseline", "setting", "evidence"]
KINDS = {"result", "delta", "ratio", "resource"}
UNITS = {None, "%", "pp", "x", "params", "flops", "ms", "s", "gpu_hours", "gpu_days", "tpu_hours", "gb", "epochs",
         "hours", "days", "tokens", "images"}
COUNT_UNITS = {"params", "flops", "tokens", "images"}


def main(argv):
    feed = Path(argv[1]) if len(argv) > 1 else DEFAULT_FEED
    abstracts = {}
    with open(feed, encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            abstracts[row["title"]] = row["abstract"]
    titles = [t.rstrip("\n") for t in open(HERE / "openreview-sample-titles.txt", encoding="utf-8") if t.strip()]
    errors = []
    assert len(titles) == len(set(titles)) == 60, "expected 60 distinct titles"
    for t in titles:
        if t not in abstracts:
            errors.append(f"title not in feed: {t!r}")
    last_pos, last_paper_idx = {}, -1
    rows = 0
    for n, line in enumerate(open(HERE / "openreview-sample.jsonl", encoding="utf-8"), 1):
        where = f"line {n}"
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
    papers = {json.loads(l)["paper"] for l in open(HERE / "openreview-sample.jsonl", encoding="utf-8") if l.strip()}
    print(f"{rows} claims in {len(papers)} of {len(titles)} abstracts; {len(errors)} problem(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
