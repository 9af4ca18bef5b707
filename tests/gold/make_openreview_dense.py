#!/usr/bin/env python3
"""Draw the claim-dense OpenReview sample annotated in openreview-dense.jsonl.

The earlier samples hold about two claims per abstract; this one targets abstracts that state
several, where pairing numbers with benchmarks, metrics and models is hardest. The feed is shuffled
with random.Random(SEED); every title of the three earlier samples is excluded; in the shuffled
order the first N_DENSE abstracts are taken that hold at least MIN_CLAIM_NUMBERS claim-like
numbers. A number is claim-like when it is followed (possibly through spaces and LaTeX closers,
as in `$\\textbf{5.18$\\times$}$`) by `%`, a multiplier `x` / `×` / `\\times` / `times`, `points`
or `dB`, or when a metric name directly follows or precedes it ("27.3 BLEU", "FID 1.70",
"accuracy of 85%", "pass@1 = 67"). Prints the chosen titles, one per line. Standard library only.

usage: python3 tests/gold/make_openreview_dense.py [FEED] > tests/gold/openreview-dense-titles.txt
"""
import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_FEED = HERE.parents[2] / "shared" / "feeds" / "openreview-iclr2021-neurips2023.jsonl"
SEED = 20261127
N_DENSE = 50
MIN_CLAIM_NUMBERS = 2
EARLIER_TITLES = [HERE / "openreview-sample-titles.txt", HERE / "openreview-fields-titles.txt",
                  HERE / "openreview-heldout-titles.txt"]

# Metric names that may sit right after or right before a number. Acronyms are case-sensitive
# (AP, EM would otherwise match ordinary words); words are matched in any case.
METRIC = (r"(?:(?i:top-?[15](?:\s+accuracy)?|accuracy|accuracies|perplexity|pass@\d+|F1(?:-score)?)"
          r"|FIDs?|BLEU|WERs?|m?AP(?:50|75)?|mIoU|EM|PSNR)")
NUMBER = r"(?<![\w.@])(?<![A-Za-z]-)\d+(?:[.,]\d+)?(?![\w.]*\d)"   # not in a name: ResNet-50, pass@1
GAP = r"(?:\s|\$|\}|\{|\\[,;!]|~|\\textbf|\\mathbf)*"    # spaces and LaTeX between number and unit
UNIT_AFTER = re.compile(
    NUMBER + GAP +
    r"(?:\\?%|(?:x|×|\\times)(?![a-zA-Z\d])(?!\s*\d)"     # 84.8%, 3x, 3×, 3\times (not 3x3, 256x256)
    r"|(?i:times|points?|dB)\b"                          # 10 times, 4.1 points, 3.73 dB
    r"|" + METRIC + r"(?![a-zA-Z]))")                    # 27.3 BLEU, 54.0 mIoU
METRIC_BEFORE = re.compile(
    r"(?<![a-zA-Z])" + METRIC + r"(?:\s*(?:of|=|:|is|was)?\s*|\$)*" + r"(\d+(?:[.,]\d+)?)(?![\w.]*\d)")


def claim_number_spans(abstract: str):
    """Start offsets of the claim-like numbers in the abstract (each number counted once)."""
    starts = {m.start() for m in UNIT_AFTER.finditer(abstract)}
    starts |= {m.start(1) for m in METRIC_BEFORE.finditer(abstract)}
    return sorted(starts)


def is_dense(abstract: str) -> bool:
    return len(claim_number_spans(abstract)) >= MIN_CLAIM_NUMBERS


def read_titles(path: Path) -> set:
    return {t.rstrip("\n") for t in open(path, encoding="utf-8") if t.strip()}


def sample(rows, exclude=frozenset(), seed=SEED, n=N_DENSE):
    """Shuffle the rows with random.Random(seed); the first n claim-dense rows not in exclude."""
    rows = list(rows)
    random.Random(seed).shuffle(rows)
    return [r for r in rows if r["title"] not in exclude and is_dense(r["abstract"])][:n]


def main(argv):
    feed = Path(argv[1]) if len(argv) > 1 else DEFAULT_FEED
    with open(feed, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    exclude = set().union(*(read_titles(path) for path in EARLIER_TITLES))
    for row in sample(rows, exclude=exclude):
        print(row["title"])


if __name__ == "__main__":
    main(sys.argv)
