"""JSON documents: an array of records, or an object holding one under `papers`, `items` or `data`."""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator

from ..model import Paper
from .jsonl import json_type
from .records import FeedLog, SkippedRecord, paper_from_record

LIST_KEYS = ("papers", "items", "data")


def parse_json(lines: Iterable[str], log: FeedLog | None = None, *,
               to_record: Callable[[dict], dict] = dict) -> Iterator[Paper]:
    """Yield a Paper per record, numbering records from 1 in warnings.

    The document is loaded whole (JSON has no record boundaries to stream on). `to_record`
    reshapes each item into a flat record first (the Hugging Face reader un-nests `paper`).
    """
    log = log or FeedLog()
    text = "".join(lines)
    if not text.strip():
        return
    try:
        document = json.loads(text)
    except json.JSONDecodeError as err:
        raise log.error(err.lineno, f"invalid JSON ({err.msg} at column {err.colno})") from None
    except RecursionError:
        raise log.error(None, "invalid JSON (nested too deeply)") from None
    for number, item in enumerate(_records(document, log), 1):
        if not isinstance(item, dict):
            log.skip(number, f"entry is not a JSON object (found {json_type(item)})")
            continue
        try:
            yield paper_from_record(to_record(item), log.name)
        except SkippedRecord as why:
            log.skip(number, str(why))


def _records(document: object, log: FeedLog) -> list:
    if isinstance(document, list):
        return document
    if isinstance(document, dict):
        for key in LIST_KEYS:
            if isinstance(document.get(key), list):
                return document[key]
        if "title" in document or "paper" in document:  # a single record
            return [document]
    raise log.error(None, f"JSON holds {json_type(document)}, not a list of papers "
                          f"(expected an array, or a list under {', '.join(map(repr, LIST_KEYS))})")
