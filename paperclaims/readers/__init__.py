"""Feed readers: a file, stdin or stream in any supported format -> Papers, one at a time.

Each format has a module whose core is a function over decoded lines (`parse_daily`,
`parse_jsonl`, ...); opening, decompressing, decoding and refusing binary data happen once,
in `source`. Readers know nothing of claims.
"""
from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from typing import IO

from ..errors import UsageError
from ..model import Paper
from .atom import parse_atom
from .csvfeed import header_delimiter, parse_csv
from .daily import looks_like_daily, parse_daily
from .hfapi import parse_hf
from .jsonfeed import LIST_KEYS, parse_json
from .jsonl import parse_jsonl
from .plaintext import parse_text
from .records import FeedLog, log_warning
from .source import FeedSource, open_source

__all__ = ["FORMATS", "read_papers", "detect_format"]

FORMATS = ("daily", "jsonl", "csv", "atom", "hf", "json", "text")

Reader = Callable[[Iterable[str], FeedLog], Iterator[Paper]]

READERS: dict[str, Reader] = {
    "daily": parse_daily,
    "jsonl": parse_jsonl,
    "csv": parse_csv,
    "atom": parse_atom,
    "hf": parse_hf,
    "json": parse_json,
    "text": parse_text,
}

#: Extensions that name their format outright (`.json` is only narrowed down; see detect_format).
EXTENSION_FORMATS = {
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".csv": "csv", ".tsv": "csv",
    ".xml": "atom", ".atom": "atom",
}

_ATOM_ELEMENT = re.compile(r"<(?:[\w.-]+:)?(?:feed|entry)[\s>/]")
# An array whose items nest a `paper` object carrying a `summary`: the HF daily papers API.
_HF_PAPER = re.compile(r'"paper"\s*:\s*\{')
_HF_SUMMARY = re.compile(r'"summary"\s*:')


def detect_format(name: str, head: str) -> str:
    """The format of a feed called `name` (a trailing .gz ignored) whose first few KB are `head`.

    The extension decides when it is specific; `.json` is told apart by content into hf / json /
    jsonl; anything else is sniffed from the content alone.
    """
    base = (name or "").lower()
    base = base.removesuffix(".gz")
    extension = os.path.splitext(base)[1]
    if extension in EXTENSION_FORMATS:
        return EXTENSION_FORMATS[extension]
    sniffed = sniff_format(head)
    if extension == ".json":
        # JSON Lines under a .json name only when there is more than one line to go on.
        if sniffed == "jsonl" and len([line for line in head.splitlines() if line.strip()]) > 1:
            return "jsonl"
        return sniffed if sniffed == "hf" else "json"
    return sniffed


def sniff_format(head: str) -> str:
    """The format suggested by the first few KB of a feed alone."""
    text = head.lstrip("\ufeff \t\r\n")
    if text.startswith("<"):
        return "atom" if _ATOM_ELEMENT.search(text) else "text"
    if text.startswith("["):
        return "hf" if _HF_PAPER.search(text) and _HF_SUMMARY.search(text) else "json"
    if text.startswith("{"):
        return "jsonl" if _starts_json_lines(text) else "json"
    lines = text.splitlines()
    if lines and header_delimiter(lines[0]) is not None:
        return "csv"
    if looks_like_daily(lines):
        return "daily"
    return "text"


def _starts_json_lines(text: str) -> bool:
    """Whether text opening with "{" is JSON Lines rather than one JSON document.

    JSON Lines when the first line is a whole object that is not a wrapper around a list of
    papers, or (the first record being broken) when the second line is one.
    """
    for line in [line.strip() for line in text.split("\n") if line.strip()][:2]:
        try:
            record = json.loads(line)
        except (ValueError, RecursionError):
            continue
        return isinstance(record, dict) and not any(isinstance(record.get(k), list) for k in LIST_KEYS)
    return False


def read_papers(
    source: str | os.PathLike | IO,
    input_format: str | None = None,
    *,
    on_warning: Callable[[str], None] | None = None,
    strict: bool = False,
) -> Iterator[Paper]:
    """Papers from a feed, yielded as they are read.

    `source` is a path, "-" for standard input, or an open binary or text stream; `.gz` files
    are decompressed. `input_format=None` detects the format. Opening and sniffing happen at
    the call, so a missing, unreadable or binary file raises InputError before any iteration.
    A record that cannot be read is reported to `on_warning` (default: the "paperclaims"
    logger) as "<source>:<line>: skipped: <why>" and left out; with `strict` it raises
    InputError instead.
    """
    if input_format is not None and input_format not in FORMATS:
        raise UsageError(f"unknown input format {input_format!r} (choose from {', '.join(FORMATS)})")
    feed = open_source(source)
    log = FeedLog(feed.name, on_warning or log_warning, strict)
    fmt = input_format or detect_format(feed.format_name, feed.head)
    reader = READERS[fmt]
    if fmt == "csv" and feed.format_name.lower().endswith(".tsv"):
        reader = partial(parse_csv, delimiter="\t")
    return _papers(feed, reader, log)


def _papers(feed: FeedSource, reader: Reader, log: FeedLog) -> Iterator[Paper]:
    try:
        yield from reader(feed.lines(), log)
    finally:
        feed.close()
    if feed.invalid_bytes:
        log.warn(f"{feed.name}: {feed.invalid_bytes} bytes of invalid UTF-8 replaced")
    if feed.nul_chars:
        nuls = "1 NUL byte" if feed.nul_chars == 1 else f"{feed.nul_chars} NUL bytes"
        log.warn(f"{feed.name}: {nuls} read as text (binary data in the feed?)")
