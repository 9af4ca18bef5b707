#!/usr/bin/env python3
"""Draw the field-targeted OpenReview sample annotated in openreview-fields.jsonl.

The first sample (make_openreview_sample.py) is random and so under-represents the fields the
hidden set covers. This one shuffles the same feed with its own seed and, field by field in the
order of FIELDS, takes the first PER_FIELD abstracts that mention one of the field's benchmark or
metric names, hold a claim-like number (the first sample's test: a number followed by %, a
multiplier x / × / times, or a metric name) and are neither in the first sample nor already taken
by an earlier field. A field with fewer matches in the feed keeps what there is (restoration: 5).
Prints the chosen titles, one per line, field by field. Standard library only.

usage: python3 tests/gold/make_openreview_fields.py [FEED] > tests/gold/openreview-fields-titles.txt
       python3 tests/gold/make_openreview_fields.py --by-field [FEED]   # titles under a header per field
"""
import json
import random
import re
import sys
from pathlib import Path

from make_openreview_sample import DEFAULT_FEED, is_claimlike

HERE = Path(__file__).resolve().parent
SEED = 20261125
PER_FIELD = 6
FIRST_SAMPLE_TITLES = HERE / "openreview-sample-titles.txt"

# Benchmark and metric names as authors write them. Acronyms are case-sensitive with word
# boundaries (AP, IS, PQ would otherwise match ordinary words); names in words use (?i:...).
# Task names ("speech recognition", "object detection") are left out on purpose: they pull in
# abstracts without benchmarks. The feed has almost no LibriSpeech/WER abstracts with numbers, so
# speech also names TTS, speaker and audio benchmarks and metrics.
FIELDS = {
    "speech": [
        r"(?i:libri-?speech)", r"(?i:libri-?light)", r"\bWERs?\b", r"(?i:word error rates?)",
        r"\bCERs?\b", r"(?i:character error rates?)", r"(?i:switchboard)", r"\bTIMIT\b",
        r"(?i:common voice)", r"\bAISHELL", r"(?i:TED-?LIUM)", r"(?i:gigaspeech)", r"\bCHiME",
        r"\bWSJ\b", r"\bMOS\b", r"(?i:mean opinion score)", r"\bPESQ\b", r"\bSTOI\b", r"\bSI-S[DN]R\b",
        r"\bEER\b", r"(?i:equal error rate)", r"(?i:voxceleb)", r"(?i:LJ-?Speech)", r"\bVCTK\b",
        r"(?i:libritts)", r"(?i:audioset)", r"(?i:speech commands)", r"\bSUPERB\b",
    ],
    "nlp": [
        r"\bGLUE\b", r"(?i:superglue)", r"(?i:\bSQuAD)", r"\bBLEU\b", r"\bWMT", r"\bIWSLT",
        r"(?i:exact match)", r"\bMNLI\b", r"\bSST-?2\b", r"\bROUGE", r"\bCoNLL", r"\bXNLI\b",
        r"\bRACE\b",
    ],
    "llm": [
        r"\bMMLU\b", r"(?i:\bGSM-?8K)", r"(?i:humaneval)", r"\bMBPP\b", r"(?i:pass@\d+)",
        r"(?i:MT-?Bench)", r"(?i:AlpacaEval)", r"(?i:BIG-?Bench)", r"(?i:HellaSwag)",
        r"(?i:TruthfulQA)", r"\bARC-(?:Challenge|Easy|c|e)\b",
        r"\bMATH\b", r"\bBBH\b", r"(?i:StrategyQA)", r"(?i:CommonsenseQA)", r"\bSVAMP\b", r"\bAQuA\b",
        r"\bAPPS\b", r"(?i:CodeContests)",
    ],
    "detection_segmentation": [
        r"(?i:\bMS[- ]?COCO\b)", r"\bCOCO\b", r"\b(?:m|box |mask )?AP(?:50|75|_?\{?(?:50|75|box|mask|[SMLsml])\}?)?\b",
        r"\bmIoU\b", r"(?i:ADE-?20K)", r"(?i:cityscapes)", r"(?i:pascal[- ]voc)", r"\bLVIS\b",
        r"\bPQ\b", r"(?i:panoptic quality)",
    ],
    "generation": [
        r"\bFIDs?\b", r"(?i:fr[ée]chet inception distance)", r"(?i:inception score)", r"\bIS\b",
        r"\bFFHQ\b", r"\bLSUN", r"(?i:CelebA-?HQ)",
    ],
    "restoration": [
        r"\bPSNR\b", r"\bSSIM\b", r"\d\s?dB\b", r"\bSet5\b", r"\bSet14\b", r"(?i:urban100)", r"(?i:BSD100)",
        r"(?i:manga109)", r"\bDIV2K\b", r"\bGoPro\b", r"\bSIDD\b", r"(?i:rain100)",
    ],
    "video": [
        r"\bKinetics", r"(?i:something-?something)", r"\bSSv2\b", r"(?i:UCF-?101)", r"\bHMDB",
        r"\bCharades\b", r"(?i:EPIC-?Kitchens)", r"(?i:activitynet)", r"(?i:diving-?48)", r"\bAVA\b",
    ],
    "rl": [
        r"\bAtari\b", r"(?i:human[- ]normali[sz]ed)", r"(?i:DM ?Control)", r"(?i:deepmind control)",
        r"\bD4RL\b", r"(?i:mujoco)", r"(?i:procgen)", r"(?i:nethack)", r"(?i:meta-?world)",
    ],
    "graphs": [
        r"\bOGB\b", r"(?i:ogb[nlg]-)", r"(?i:open graph benchmark)", r"\bZINC\b", r"\bCora\b",
        r"\bCiteseer\b", r"(?i:PCQM4M)", r"\bQM9\b", r"(?i:TUDataset)", r"(?i:peptides-)", r"\bLRGB\b",
    ],
}
FIELD_RES = {field: re.compile("|".join(patterns)) for field, patterns in FIELDS.items()}


def read_titles(path):
    with open(path, encoding="utf-8") as f:
        return {line.rstrip("\n") for line in f if line.strip()}


def take_per_field(rows, used, per_field):
    """Return {field: [row, ...]}: the first `per_field` rows of each field that hold a claim-like
    number, in the rows' order, each row used once (`used` collects the chosen titles)."""
    chosen = {}
    for field, pattern in FIELD_RES.items():
        chosen[field] = []
        for row in rows:
            if len(chosen[field]) == per_field:
                break
            if row["title"] in used:
                continue
            if pattern.search(row["abstract"]) and is_claimlike(row["abstract"]):
                chosen[field].append(row)
                used.add(row["title"])
    return chosen


def sample(rows, exclude=frozenset()):
    """Return {field: [row, ...]} with PER_FIELD rows per field, each row used once."""
    rows = list(rows)
    random.Random(SEED).shuffle(rows)
    return take_per_field(rows, set(exclude), PER_FIELD)


def read_feed(argv):
    """The feed named on the command line (else the shared one), and whether --by-field was given."""
    by_field = "--by-field" in argv
    args = [a for a in argv[1:] if a != "--by-field"]
    feed = Path(args[0]) if args else DEFAULT_FEED
    with open(feed, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()], by_field


def print_titles(chosen, by_field):
    """The chosen titles, one per line, under a header per group with --by-field."""
    for group, picked in chosen.items():
        if by_field:
            print(f"# {group} ({len(picked)})")
        for row in picked:
            print(row["title"])


def main(argv):
    rows, by_field = read_feed(argv)
    print_titles(sample(rows, exclude=read_titles(FIRST_SAMPLE_TITLES)), by_field)

if __name__ == "__main__":
    main(sys.argv)
