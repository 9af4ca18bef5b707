"""JSON Lines feeds: one JSON object per line with a title and an abstract/summary/text field."""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from ..model import Paper
from .records import FeedLog, SkippedRecord, paper_from_record


def parse_jsonl(lines: Iterable[str], log: FeedLog | None = None) -> Iterator[Paper]:
    """Yield a Paper per line; a line that is not a usable object is skipped with its line number."""
    log = log or FeedLog()
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line.rstrip("\r\n"))
        except json.JSONDecodeError as err:
            log.skip(number, f"invalid JSON ({err.msg} at column {err.colno})")
            continue
        except RecursionError:
            log.skip(number, "invalid JSON (nested too deeply)")
            continue
        if not isinstance(record, dict):
            log.skip(number, f"not a JSON object (found {json_type(record)})")
            continue
        try:
            yield paper_from_record(record, log.name)
        except SkippedRecord as why:
            log.skip(number, str(why))


def json_type(value: object) -> str:
    """The JSON name of a decoded value's type, for messages."""
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean", type(None): "null"}
    return names.get(type(value), "a number")
