"""One feed record -> Paper: arXiv ids, title slugs, dates, and what happens to a record that is skipped."""
from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from collections.abc import Callable, Mapping
from datetime import date, datetime
from email.utils import parsedate_to_datetime

from ..errors import InputError
from ..model import Paper

#: Field names a record may use, in order of preference (compared case-insensitively).
TITLE_KEYS = ("title",)
ABSTRACT_KEYS = ("abstract", "summary", "text")
ID_KEYS = ("arxiv_id", "id", "paper_id")
URL_KEYS = ("url", "link")
DATE_KEYS = ("date", "published", "publishedat", "published_at")

SLUG_MAX_CHARS = 80

_NEW_STYLE_ID = r"\d{4}\.\d{4,5}"                              # 2106.01234 (since 2007)
_OLD_STYLE_ID = r"[a-z][a-z-]*(?:\.[a-z]{2})?/\d{7}"           # cs/0112017, math.GT/0309136
_ARXIV_ID = re.compile(rf"(?:arxiv:)?({_NEW_STYLE_ID}|{_OLD_STYLE_ID})(?:v\d+)?", re.IGNORECASE)
# Pages that carry the id in their path: arXiv abstract and PDF pages, Hugging Face paper pages.
_ARXIV_PAGE = re.compile(
    rf"(?:arxiv\.org/(?:abs|pdf)|huggingface\.co/papers)/({_NEW_STYLE_ID}|{_OLD_STYLE_ID})(?:v\d+)?",
    re.IGNORECASE,
)
# Date spellings seen in feeds besides ISO 8601; RFC 2822 ("Mon, 19 Aug 2024 ...") is tried last.
_DATE_FORMATS = ("%Y/%m/%d", "%d %b %Y", "%d %B %Y", "%b %d, %Y", "%B %d, %Y", "%b %d %Y", "%B %d %Y")
_ISO_DATE_PREFIX = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?!\d)")

_logger = logging.getLogger("paperclaims")


def log_warning(message: str) -> None:
    """The default `on_warning`: hand the message to the "paperclaims" logger."""
    _logger.warning(message)


class SkippedRecord(Exception):
    """A record that cannot become a Paper; the message says why."""


class FeedLog:
    """Where one feed's complaints go: skipped records are warned about, or fatal when strict.

    `name` is the feed as the user named it; it starts every message and becomes `Paper.source`.
    """

    def __init__(self, name: str = "<text>", on_warning: Callable[[str], None] | None = None,
                 strict: bool = False) -> None:
        self.name = name
        self.on_warning = on_warning or log_warning
        self.strict = strict

    def warn(self, message: str) -> None:
        self.on_warning(message)

    def skip(self, where: int | str, why: str) -> None:
        """Report a record left out at line (or entry) `where`; with strict, stop reading instead."""
        message = f"{self.name}:{where}: skipped: {why}"
        if self.strict:
            raise InputError(message)
        self.warn(message)

    def error(self, where: int | str | None, why: str) -> InputError:
        """The error for a feed that cannot be read at all (the caller raises it)."""
        return InputError(f"{self.name}:{where}: {why}" if where is not None else f"{self.name}: {why}")


def arxiv_id(value: object) -> str | None:
    """The arXiv id in a bare id ("2106.01234v2", "arXiv:cs/0112017") or a paper URL, without its version."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    match = _ARXIV_ID.fullmatch(text) or _ARXIV_PAGE.search(text)
    return match.group(1) if match else None


def title_slug(title: str) -> str:
    """A stable id for a paper without an arXiv id: the title in lowercase ASCII words joined by '-'."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")
    if len(slug) > SLUG_MAX_CHARS:
        cut = slug[: SLUG_MAX_CHARS + 1]
        # End on a whole word when there is one to end on.
        slug = cut.rsplit("-", 1)[0] if "-" in cut else cut[:SLUG_MAX_CHARS]
        slug = slug[:SLUG_MAX_CHARS].strip("-")
    if not slug:  # a title with no ASCII letters or digits at all
        slug = "untitled-" + hashlib.sha1(title.encode("utf-8")).hexdigest()[:10]
    return slug


def iso_date(value: object) -> str | None:
    """`YYYY-MM-DD` when the value parses as a date, else the value as given (None when empty)."""
    if value is None or isinstance(value, bool):
        return None
    text = str(value).strip()
    if not text:
        return None
    match = _ISO_DATE_PREFIX.match(text)
    if match:
        try:
            return date(*map(int, match.groups())).isoformat()
        except ValueError:
            return text
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            pass
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return text


def collapse_whitespace(text: str) -> str:
    return " ".join(text.split())


def _first_text(fields: Mapping[str, object], keys: tuple[str, ...]) -> str | None:
    """The first of `keys` holding a non-blank string."""
    for key in keys:
        value = fields.get(key)
        if isinstance(value, str) and value.strip():
            return value
    return None


def paper_from_record(record: Mapping[str, object], source: str | None = None) -> Paper:
    """Map a record's fields (title, abstract/summary/text, ids, url, date) to a Paper.

    Raises SkippedRecord when the record has no title or no abstract to read.
    """
    fields = {str(key).strip().lower(): value for key, value in record.items()}
    title = _first_text(fields, TITLE_KEYS)
    if title is None:
        raise SkippedRecord("no title")
    abstract = _first_text(fields, ABSTRACT_KEYS)
    if abstract is None:
        if any(key in fields for key in ABSTRACT_KEYS):
            raise SkippedRecord("empty abstract")
        raise SkippedRecord("no abstract (expected an 'abstract', 'summary' or 'text' field)")
    url = _first_text(fields, URL_KEYS)
    paper_id = next(filter(None, (arxiv_id(fields.get(key)) for key in ID_KEYS)), None) or arxiv_id(url)
    title = collapse_whitespace(title)
    return Paper(
        paper_id=paper_id or title_slug(title),
        title=title,
        abstract=abstract.strip(),
        url=url.strip() if url else None,
        date=iso_date(next((fields[key] for key in DATE_KEYS if fields.get(key) not in (None, "")), None)),
        source=source,
    )
