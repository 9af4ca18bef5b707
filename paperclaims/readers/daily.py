"""Hugging Face Daily Papers pages saved as text: header lines, then title / blank / one-line abstract."""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from ..model import Paper
from .records import FeedLog, SkippedRecord, paper_from_record

#: A line this short can be a title (the longest real titles run to about 150 characters).
TITLE_MAX_CHARS = 300
#: A line this long after a title is its abstract; abstracts on the page are one long line.
ABSTRACT_MIN_CHARS = 200


def looks_like_daily(lines: Sequence[str]) -> bool:
    """True when some short line is followed by blank line(s) and then a long one-line paragraph."""
    stripped = [line.strip() for line in lines]
    for index, line in enumerate(stripped):
        if not line or len(line) > TITLE_MAX_CHARS:
            continue
        after = index + 1
        while after < len(stripped) and not stripped[after]:
            after += 1
        if after > index + 1 and after < len(stripped) and len(stripped[after]) >= ABSTRACT_MIN_CHARS:
            return True
    return False


def parse_daily(lines: Iterable[str], log: FeedLog | None = None) -> Iterator[Paper]:
    """Yield a Paper for each short line followed by a long line.

    The header is never matched by its wording: a short line only becomes a title when the next
    non-blank line is a long one, so header lines ("new", "Subscribe", a date) and stray short lines
    between papers are each replaced by the next short line and dropped.
    """
    log = log or FeedLog()
    title: str | None = None
    title_line = 0
    found = 0
    for number, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line:
            continue
        if title is not None and len(line) >= ABSTRACT_MIN_CHARS:
            try:
                yield paper_from_record({"title": title, "abstract": line}, log.name)
                found += 1
            except SkippedRecord as why:
                log.skip(title_line, str(why))
            title = None
        elif len(line) <= TITLE_MAX_CHARS:
            title, title_line = line, number
        elif found:  # before the first paper, a long line is part of the page header
            log.skip(number, "long paragraph without a title line before it")
