#!/usr/bin/env python3
"""Draw the second held-out OpenReview sample annotated in openreview-heldout2.jsonl.

Same test as the claim-dense draw (make_openreview_dense.py, whose claim-like-number test and
sampling are imported, not copied): the feed is shuffled with random.Random(SEED); every title of
every earlier titles file (`*-titles.txt` in this directory, except this sample's own) is excluded;
in the shuffled order the first N_HELDOUT2 abstracts are taken that hold at least two claim-like
numbers. Prints the chosen titles, one per line. Standard library only.

usage: python3 tests/gold/make_openreview_heldout2.py [FEED] > tests/gold/openreview-heldout2-titles.txt
"""
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_openreview_dense import DEFAULT_FEED, HERE, read_titles, sample  # noqa: E402

SEED = 20261128
N_HELDOUT2 = 30
OWN_TITLES = "openreview-heldout2-titles.txt"


def earlier_titles_files():
    return sorted(p for p in HERE.glob("*-titles.txt") if p.name != OWN_TITLES)


def main(argv):
    feed = Path(argv[1]) if len(argv) > 1 else DEFAULT_FEED
    with open(feed, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    exclude = set().union(*(read_titles(path) for path in earlier_titles_files()))
    for row in sample(rows, exclude=exclude, seed=SEED, n=N_HELDOUT2):
        print(row["title"])


if __name__ == "__main__":
    main(sys.argv)
