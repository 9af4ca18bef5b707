"""Plain text: paragraphs separated by blank lines, the first line of each the title, the rest the abstract."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..model import Paper
from .records import FeedLog, SkippedRecord, paper_from_record


def paragraphs(lines: Iterable[str]) -> Iterator[tuple[int, list[str]]]:
    """(first line number, stripped lines) for each run of non-blank lines."""
    start, block = 0, []
    for number, raw in enumerate(lines, 1):
        line = raw.strip()
        if line:
            if not block:
                start = number
            block.append(line)
        elif block:
            yield start, block
            block = []
    if block:
        yield start, block


def parse_text(lines: Iterable[str], log: FeedLog | None = None) -> Iterator[Paper]:
    """Yield a Paper per paragraph; wrapped abstract lines are joined with single spaces."""
    log = log or FeedLog()
    for start, block in paragraphs(lines):
        if len(block) == 1:
            log.skip(start, "a title line with no abstract under it")
            continue
        try:
            yield paper_from_record({"title": block[0], "abstract": " ".join(block[1:])}, log.name)
        except SkippedRecord as why:
            log.skip(start, str(why))
