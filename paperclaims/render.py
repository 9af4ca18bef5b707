"""Rows to text: table, CSV, JSON Lines, JSON, Markdown and HTML, written to a stream.

Render knows nothing of how the rows were found, and nothing of terminals beyond what rich
detects on the stream it is handed. CSV, JSON Lines and JSON are written row by row, so a long
run streams; the table and Markdown formats need every row first to size their columns.
"""
from __future__ import annotations

import csv
import json
import math
from decimal import Decimal
from pathlib import Path
from typing import Iterable, Sequence, TextIO

from .errors import UsageError

FORMATS = ("table", "csv", "jsonl", "json", "markdown", "html")

#: Output format by file extension; `.txt` is the table as plain text.
EXTENSIONS = {
    ".csv": "csv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "table",
    ".html": "html",
    ".htm": "html",
}

# Numbers are written with at most this many significant digits: more than any abstract states,
# few enough to drop arithmetic noise (84.80000001 and 84.80000000000001 -> 84.8).
_SIGNIFICANT_DIGITS = 9

# Free-text columns that would crowd out the rest if left to grow, with their widest width;
# they shrink (with an ellipsis) on a narrow terminal. Other columns keep their header's width.
_TABLE_MAX_WIDTH = {"paper_id": 16, "paper": 28, "model": 22, "baseline": 18, "setting": 16,
                    "evidence": 48}
_TABLE_NUMERIC = {"value", "magnitude", "start", "end"}


def render(rows: Iterable[dict], columns: Sequence[str], fmt: str, stream: TextIO, *,
           title: str | None = None) -> None:
    """Write `rows` (dicts keyed by column name) to `stream` as `fmt`, one of FORMATS.

    Missing keys are written as empty/null; keys not in `columns` are ignored. `title` is
    shown by the table and Markdown formats and ignored by the data formats.
    """
    writer = _WRITERS.get(fmt)
    if writer is None:
        raise UsageError(f"unknown output format {fmt!r} (known: {', '.join(FORMATS)})")
    writer(rows, list(columns), stream, title)


def format_for_path(path: str | Path) -> str:
    """The output format a file name asks for through its extension."""
    suffix = Path(path).suffix.lower()
    fmt = EXTENSIONS.get(suffix)
    if fmt is None:
        known = " ".join(EXTENSIONS)
        what = f"extension {suffix!r}" if suffix else "no extension"
        raise UsageError(f"cannot tell the output format of {str(path)!r} from its {what} "
                         f"(known: {known}); give --format")
    return fmt


def format_number(value: float | int) -> str:
    """A number as text, without float noise or exponent: 84.8, 21000000, 0.00012."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if not math.isfinite(value):
        return str(value)  # nan, inf, -inf
    if value == 0:
        return "0"
    text = format(Decimal(format(value, f".{_SIGNIFICANT_DIGITS}g")), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def format_cell(value) -> str:
    """A value as the text of a CSV, Markdown or table cell: None is empty, booleans lower case."""
    if value is None:
        return ""
    if isinstance(value, (bool, int, float)):
        return format_number(value)
    return str(value)


def json_value(value):
    """A value as it should appear in JSON: floats without noise, non-finite numbers as null."""
    if isinstance(value, float) and not isinstance(value, bool):
        if not math.isfinite(value):
            return None
        return float(format(value, f".{_SIGNIFICANT_DIGITS}g"))
    return value


def _json_row(row: dict, columns: list[str]) -> str:
    return json.dumps({c: json_value(row.get(c)) for c in columns}, ensure_ascii=False)


def _write_csv(rows, columns, stream, title):
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([format_cell(row.get(c)) for c in columns])


def _write_jsonl(rows, columns, stream, title):
    for row in rows:
        stream.write(_json_row(row, columns) + "\n")


def _write_json(rows, columns, stream, title):
    # A valid array written one element at a time, so memory stays flat on a large run.
    opened = False
    for row in rows:
        stream.write(",\n  " if opened else "[\n  ")
        stream.write(_json_row(row, columns))
        opened = True
    stream.write("\n]\n" if opened else "[]\n")


def _markdown_cell(value) -> str:
    text = format_cell(value).replace("\\", "\\\\").replace("|", "\\|")
    return " ".join(text.split())  # a newline would end the table row


def _write_markdown(rows, columns, stream, title):
    if title:
        stream.write(f"### {title}\n\n")
    stream.write("| " + " | ".join(columns) + " |\n")
    stream.write("|" + "|".join(" --- " for _ in columns) + "|\n")
    for row in rows:
        stream.write("| " + " | ".join(_markdown_cell(row.get(c)) for c in columns) + " |\n")


def _write_table(rows, columns, stream, title):
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    is_terminal = hasattr(stream, "isatty") and stream.isatty()
    # Off a terminal (a file, a pipe) rich would squeeze the table into 80 columns; there the
    # table takes its natural width instead (free text is still capped), with no colour codes.
    console = Console(file=stream, width=None if is_terminal else 100_000,
                      color_system="auto" if is_terminal else None,
                      force_terminal=is_terminal, highlight=False, soft_wrap=False)
    table = Table(title=Text(title) if title else None, box=box.SIMPLE_HEAD, show_edge=False,
                  header_style="bold", pad_edge=False)
    for name in columns:
        table.add_column(
            name,
            justify="right" if name in _TABLE_NUMERIC else "left",
            min_width=None if name in _TABLE_MAX_WIDTH else len(name),
            max_width=_TABLE_MAX_WIDTH.get(name),
            no_wrap=True,
            overflow="ellipsis",
        )
    for row in rows:
        # Text, not str: a cell is data, so "[CLS]" in an abstract is not rich markup.
        table.add_row(*(Text(format_cell(row.get(c))) for c in columns))
    console.print(table)


_HTML_STYLE = ("body{font:14px/1.4 system-ui,sans-serif;margin:16px;color:#1d2733}"
               "table{border-collapse:collapse}th,td{padding:4px 10px;border-bottom:1px solid #e3e7ec;"
               "text-align:left;vertical-align:top}th{background:#eef1f5}")


def _write_html(rows, columns, stream, title):
    # One self-contained page, streamed row by row; every cell is escaped (text comes from papers).
    # The leaderboard command writes a richer page of its own (paperclaims.page).
    import html

    def cell(value):
        return html.escape(format_cell(value), quote=True)

    name = cell(title) if title else "paperclaims"
    stream.write(f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
                 f"<title>{name}</title>\n<style>{_HTML_STYLE}</style>\n</head>\n<body>\n")
    if title:
        stream.write(f"<h1>{name}</h1>\n")
    stream.write("<table>\n<thead><tr>" + "".join(f"<th>{cell(c)}</th>" for c in columns)
                 + "</tr></thead>\n<tbody>\n")
    for row in rows:
        stream.write("<tr>" + "".join(f"<td>{cell(row.get(c))}</td>" for c in columns) + "</tr>\n")
    stream.write("</tbody>\n</table>\n</body>\n</html>\n")


_WRITERS = {
    "table": _write_table,
    "csv": _write_csv,
    "jsonl": _write_jsonl,
    "json": _write_json,
    "markdown": _write_markdown,
    "html": _write_html,
}
