"""The Hugging Face daily papers API: a JSON array of items that nest the paper under `paper`."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..model import Paper
from .jsonfeed import parse_json
from .records import FeedLog

#: Item-level fields that describe the listing rather than the paper, and win over the paper's own.
_ITEM_FIELDS = ("title", "publishedat")


def flatten_item(item: dict) -> dict:
    """One record from an API item: the nested `paper` fields, with the item's title and date on top.

    `paper.id` is the arXiv id and `paper.summary` the abstract; an item without a `paper`
    object is returned unchanged, so plain records pass through too.
    """
    paper = item.get("paper")
    if not isinstance(paper, dict):
        return item
    record = {str(key).lower(): value for key, value in paper.items()}
    for key, value in item.items():
        key = str(key).lower()
        if key != "paper" and value not in (None, "") and (key in _ITEM_FIELDS or key not in record):
            record[key] = value
    return record


def parse_hf(lines: Iterable[str], log: FeedLog | None = None) -> Iterator[Paper]:
    """Yield a Paper per API item (the JSON document is loaded whole, as for plain JSON feeds)."""
    return parse_json(lines, log, to_record=flatten_item)
