"""CSV and TSV feeds: a header row naming a title and an abstract/summary/text column."""
from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from itertools import chain

from ..model import Paper
from .records import ABSTRACT_KEYS, TITLE_KEYS, FeedLog, SkippedRecord, paper_from_record

#: Delimiters tried on the header row, most common first.
DELIMITERS = (",", "\t", ";", "|")
#: The largest field the reader accepts. The csv module's default (128 KiB) would end the feed at
#: the first long abstract; this cap is well beyond any abstract and still bounds one field's memory.
FIELD_SIZE_LIMIT = 1 << 30


def _is_paper_header(cells: list[str]) -> bool:
    names = {cell.strip().lower() for cell in cells}
    return bool(names & set(TITLE_KEYS)) and bool(names & set(ABSTRACT_KEYS))


def _splits_into_paper_header(line: str, delimiter: str) -> bool:
    try:
        return _is_paper_header(next(csv.reader([line], delimiter=delimiter), []))
    except csv.Error:
        return False


def header_delimiter(line: str) -> str | None:
    """The delimiter that splits `line` into a header with a title and an abstract column, if any."""
    return next((d for d in DELIMITERS if _splits_into_paper_header(line, d)), None)


def parse_csv(lines: Iterable[str], log: FeedLog | None = None, *,
              delimiter: str | None = None) -> Iterator[Paper]:
    """Yield a Paper per row; a row is numbered by the line it starts on (quoted fields may span lines).

    Lines must keep their line endings so quoted newlines survive. `delimiter` is a first guess
    (tab for .tsv); when the header row does not split into paper columns with it, the header
    decides.
    """
    log = log or FeedLog()
    _allow_long_fields()
    lines = iter(lines)
    leading_blank = 0
    header_line = ""
    for header_line in lines:
        if header_line.strip():
            break
        leading_blank += 1
    if not header_line.strip():
        return
    if delimiter is None or not _splits_into_paper_header(header_line, delimiter):
        # The header overrides a wrong guess (a .tsv file that holds commas, say).
        delimiter = header_delimiter(header_line) or delimiter or ","
    reader = csv.reader(chain([header_line], lines), delimiter=delimiter)
    try:
        header = next(reader)
    except csv.Error as err:  # a stray carriage return, an unclosed quote in the header
        raise log.error(leading_blank + 1, f"CSV header is malformed ({err})") from None
    if not _is_paper_header(header):
        raise log.error(leading_blank + 1, "CSV header has no title and abstract columns "
                                           f"(found: {', '.join(repr(cell.strip())[1:-1] for cell in header)})")
    while True:
        start = leading_blank + reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            log.skip(start, f"the rest of the file: malformed CSV ({err})")
            return
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            log.skip(start, f"expected {len(header)} columns, found {len(row)}")
            continue
        try:
            yield paper_from_record(dict(zip(header, row)), log.name)
        except SkippedRecord as why:
            log.skip(start, str(why))


def _allow_long_fields() -> None:
    """Raise the csv module's field size limit (a process-wide setting) to FIELD_SIZE_LIMIT, never lower it."""
    if csv.field_size_limit() < FIELD_SIZE_LIMIT:
        csv.field_size_limit(FIELD_SIZE_LIMIT)
