#!/usr/bin/env python3
"""Draw the reproducible OpenReview sample annotated in openreview-sample.jsonl.

Reads the shared feed (never copies it), shuffles it with a fixed seed and prints the chosen
titles, one per line: first the 45 abstracts that hold a claim-like number (a number followed
by %, a multiplier x / × / times, or a metric name), then the 15 abstracts that hold digits but
no such number (to measure false positives). Standard library only.

usage: python3 tests/gold/make_openreview_sample.py [FEED] > tests/gold/openreview-sample-titles.txt
"""
import json
import random
import re
import sys
from pathlib import Path

SEED = 20261124
N_CLAIMLIKE = 45
N_DIGITS_ONLY = 15
DEFAULT_FEED = Path(__file__).resolve().parents[3] / "shared" / "feeds" / "openreview-iclr2021-neurips2023.jsonl"

# Metric names that may follow a number ("27.3 BLEU", "0.81 F1", "3.2 FID", "45.1 mAP").
METRIC_NAMES = (r"top-?[15]|accuracy|acc\b|error|BLEU|ROUGE(?:-[12L])?|F1|F-?score|FID|IS\b|mIoU|"
                r"m?AP(?:50|75)?\b|PQ\b|EM\b|exact match|WER|CER|perplexity|PPL|PSNR|SSIM|LPIPS|AUC|"
                r"AUROC|ECE|MAE|MSE|RMSE|NDCG|MRR|Hits@\d+|pass@\d+|dB\b|pp\b|p\.p\.|"
                r"percentage points?|GFLOPs?|MFLOPs?|FLOPs?|parameters|params")
CLAIM_NUMBER = re.compile(
    r"(?<![\w.])\d+(?:[.,]\d+)?"                          # a number, not part of a name like ResNet-50
    r"(?:\s|\$|\}|\\[,;!]|~)*"                            # spaces and LaTeX closers: $\textbf{5.18$\times$}$
    r"(?:\\?%|percent\b"                                 # 84.8%, 84.8\%, 20 percent
    r"|(?:x|×|\\times)(?![a-z\d])(?!\s*\d)"              # 3x, 3×, 3\times (not 3x3, 256x256, 3 x 3)
    r"|times\b"                                          # 10 times
    r"|points?\b"                                        # by 4.1 points
    r"|(?<=\s)(?:[a-z-]+\s)?(?:" + METRIC_NAMES + r")"   # 27.3 BLEU, 0.81 macro F1 (not "3D ...")
    r"|[KMBG]\s*(?:" + METRIC_NAMES + r"))",             # 5.7M parameters, 1.0 GFLOPs
    re.IGNORECASE)
DIGIT = re.compile(r"\d")


def is_claimlike(abstract: str) -> bool:
    return CLAIM_NUMBER.search(abstract) is not None


def sample(rows):
    rows = list(rows)
    random.Random(SEED).shuffle(rows)
    claimlike = [r for r in rows if is_claimlike(r["abstract"])][:N_CLAIMLIKE]
    digits_only = [r for r in rows if DIGIT.search(r["abstract"]) and not is_claimlike(r["abstract"])][:N_DIGITS_ONLY]
    return claimlike + digits_only


def main(argv):
    feed = Path(argv[1]) if len(argv) > 1 else DEFAULT_FEED
    with open(feed, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    for row in sample(rows):
        print(row["title"])


if __name__ == "__main__":
    main(sys.argv)
