"""arXiv API Atom feeds: <entry> elements with title, summary, id, published and links, streamed."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator

from ..model import Paper
from .records import FeedLog, SkippedRecord, paper_from_record

# arXiv reports a bad query as an entry whose id points here; it is not a paper.
_API_ERROR_ID = "arxiv.org/api/errors"
_LINE_WRAP = re.compile(r"\s*\n\s*")


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def unwrap(text: str) -> str:
    """Join hard-wrapped lines with single spaces (spaces within a line are left alone)."""
    return _LINE_WRAP.sub(" ", text.strip())


def entry_record(entry: ET.Element) -> dict:
    """The fields of one <entry> as a flat record (namespaces ignored; nested elements such as authors skipped)."""
    record: dict[str, str] = {}
    for child in entry:
        name = _local(child.tag)
        if name == "link":
            href = child.get("href")
            if href and child.get("rel", "alternate") == "alternate":
                record.setdefault("url", href.strip())
        elif name in ("title", "summary", "content", "id", "published", "updated"):
            record.setdefault(name, "".join(child.itertext()))
    for name in ("title", "summary", "content"):
        if name in record:
            record[name] = unwrap(record[name])
    record.setdefault("summary", record.pop("content", ""))
    if not record.get("published") and record.get("updated"):
        record["published"] = record["updated"]
    if "url" not in record and record.get("id", "").strip().startswith("http"):
        record["url"] = record["id"].strip()
    return record


def parse_atom(lines: Iterable[str], log: FeedLog | None = None) -> Iterator[Paper]:
    """Yield a Paper per <entry> as the document streams in; entries are numbered from 1 in warnings.

    A document that breaks off (truncated, or invalid XML) keeps the entries read before the break.
    This feeds ElementTree's pull parser line by line, the incremental machinery `iterparse` wraps,
    so the reader works on lines like the others.
    """
    log = log or FeedLog()
    parser = ET.XMLPullParser(events=("start", "end"))
    root: ET.Element | None = None
    count = 0
    seen_markup = False
    try:
        for line in lines:
            seen_markup = seen_markup or bool(line.strip())
            parser.feed(line)
            for event, element in parser.read_events():
                if event == "start":
                    root = element if root is None else root
                    continue
                if _local(element.tag) != "entry":
                    continue
                count += 1
                paper = _entry_paper(element, count, log)
                element.clear()
                if root is not None and root is not element:
                    try:
                        root.remove(element)  # keep memory flat on long feeds
                    except ValueError:
                        pass
                if paper is not None:
                    yield paper
        if seen_markup:
            parser.close()
    except ET.ParseError as err:
        line_number = err.position[0] if getattr(err, "position", None) else "?"
        why = f"invalid XML, kept the {count} {'entry' if count == 1 else 'entries'} read before it ({err})"
        if log.strict:
            raise log.error(line_number, why) from None
        log.warn(f"{log.name}:{line_number}: {why}")


def _entry_paper(entry: ET.Element, number: int, log: FeedLog) -> Paper | None:
    record = entry_record(entry)
    if _API_ERROR_ID in record.get("id", ""):
        log.skip(number, f"arXiv API error: {record.get('summary') or 'no details'}")
        return None
    if not record.get("summary"):
        log.skip(number, "entry has no summary")
        return None
    try:
        return paper_from_record(record, log.name)
    except SkippedRecord as why:
        log.skip(number, str(why))
        return None
