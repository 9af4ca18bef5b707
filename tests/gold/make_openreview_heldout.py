#!/usr/bin/env python3
"""Draw the held-out OpenReview sample annotated in openreview-heldout.jsonl.

Same design as make_openreview_fields.py (same fields and patterns, imported from it) with its own
seed: the feed is shuffled with random.Random(SEED) and, field by field in the order of FIELDS, the
first PER_FIELD abstracts are taken that match the field's patterns, hold a claim-like number (the
first sample's is_claimlike) and are in neither earlier sample nor taken by an earlier field. Then,
in the same shuffled order, the first N_DIGITS_ONLY abstracts that hold digits but no claim-like
number (to measure false positives). Prints the chosen titles, one per line. Standard library only.

The file this draws is held out: it is scored, never inspected for tuning (see README.md).

usage: python3 tests/gold/make_openreview_heldout.py [FEED] > tests/gold/openreview-heldout-titles.txt
       python3 tests/gold/make_openreview_heldout.py --by-field [FEED]   # titles under a header per group
"""
import random
import sys
from pathlib import Path

from make_openreview_fields import print_titles, read_feed, read_titles, take_per_field
from make_openreview_sample import DIGIT, is_claimlike

HERE = Path(__file__).resolve().parent
SEED = 20261126
PER_FIELD = 5
N_DIGITS_ONLY = 5
EARLIER_TITLES = [HERE / "openreview-sample-titles.txt", HERE / "openreview-fields-titles.txt"]


def sample(rows, exclude=frozenset()):
    """Return {group: [row, ...]}: PER_FIELD rows per field, then N_DIGITS_ONLY digits-only rows."""
    rows = list(rows)
    random.Random(SEED).shuffle(rows)
    used = set(exclude)
    chosen = take_per_field(rows, used, PER_FIELD)
    chosen["digits_only"] = []
    for row in rows:
        if len(chosen["digits_only"]) == N_DIGITS_ONLY:
            break
        if row["title"] in used:
            continue
        if DIGIT.search(row["abstract"]) and not is_claimlike(row["abstract"]):
            chosen["digits_only"].append(row)
            used.add(row["title"])
    return chosen


def main(argv):
    rows, by_field = read_feed(argv)
    exclude = set().union(*(read_titles(path) for path in EARLIER_TITLES))
    print_titles(sample(rows, exclude=exclude), by_field)

if __name__ == "__main__":
    main(sys.argv)
