"""A leaderboard as one self-contained HTML page: the ranked table, the frontier plot, the build date.

The page loads nothing: its style is inline, the plot is inline SVG with its text drawn as
outlines, and there is no script. Everything that comes from papers (model names, titles,
settings, evidence, links) is escaped; a paper link is kept only when it is an http(s) URL,
so a `javascript:` URL in a feed cannot run.
"""
from __future__ import annotations

import html
import regex
from datetime import date as Date

from .plot import Frontier, board_frontier, best_x_axis, draw, short_count

_STYLE = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; padding: 24px 16px 48px; background: #f6f7f9; color: #1d2733;
       font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1120px; margin: 0 auto; }
h1 { font-size: 1.45rem; margin: 0 0 4px; }
.built { color: #5b6673; margin: 0 0 20px; font-size: 0.9rem; }
figure { margin: 0 0 20px; padding: 12px; background: #fff; border: 1px solid #dde2e8; border-radius: 6px; }
figure svg { display: block; width: 100%; max-width: 880px; height: auto; margin: 0 auto; }
figcaption { color: #3d4854; font-size: 0.85rem; margin-top: 6px; }
.table-wrap { overflow-x: auto; background: #fff; border: 1px solid #dde2e8; border-radius: 6px; }
table { border-collapse: collapse; width: 100%; font-size: 0.92rem; }
caption { text-align: left; padding: 10px 12px; color: #3d4854; font-size: 0.85rem; }
th, td { padding: 5px 10px; text-align: left; border-top: 1px solid #edf0f3; vertical-align: top; }
th { background: #eef1f5; font-weight: 600; border-top: none; white-space: nowrap; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.model, td.date { white-space: nowrap; }
.unnamed { color: #8a949f; font-style: italic; }
tbody tr:nth-child(even) { background: #fafbfc; }
tbody tr:hover { background: #fff6e0; }
tr.frontier td.model { font-weight: 600; color: #a93226; }
.star { color: #c0392b; }
a { color: #1f5fa8; text-decoration: none; }
a:hover { text-decoration: underline; }
footer { color: #5b6673; font-size: 0.8rem; margin-top: 16px; }
"""

_COLUMNS = (("rank", "Rank", True), ("model", "Model", False), ("value", "Value", True),
            ("params", "Params", True), ("flops", "FLOPs", True), ("setting", "Setting", False),
            ("paper", "Paper", False), ("date", "Date", False))
_SAFE_URL = regex.compile(r"^https?://[^\s\"'<>]+$", regex.IGNORECASE)
# What matplotlib puts before and around the <svg> element that an inline SVG does not need.
_SVG_PROLOG = regex.compile(r"^.*?(?=<svg\b)", regex.DOTALL)
_SVG_METADATA = regex.compile(r"<metadata>.*?</metadata>\s*", regex.DOTALL)
_SVG_SIZE = regex.compile(r'(<svg\b[^>]*?)\swidth="[^"]*"\sheight="[^"]*"')


def leaderboard_page(board, *, lexicon=None, x: str | None = None, built: Date | str | None = None,
                     version: str | None = None) -> str:
    """The page for a leaderboard frame (from `leaderboard.rank`) as HTML text.

    `x` is the plot's x quantity (params, flops or date; default: the one the results have,
    see `plot.best_x_axis`); `built` the build date shown (default: today).
    """
    from .leaderboard import board_title, leaderboard_rows

    x = x or best_x_axis(board)
    rows = leaderboard_rows(board)
    found = board_frontier(board, x, lexicon=lexicon, rows=rows)
    title = board_title(board, lexicon)
    built = built.isoformat() if isinstance(built, Date) else built or Date.today().isoformat()
    by = f" with paperclaims {version}" if version else ""
    urls = list(board["url"]) if "url" in board.columns else [None] * len(rows)
    on_frontier = {id(p.row) for p in found.frontier}

    body = [
        f"<h1>{_e(title)}</h1>",
        f'<p class="built">Built on <time datetime="{_e(built)}">{_e(built)}</time>{_e(by)} '
        f"from {len(rows)} result{'s' if len(rows) != 1 else ''}. Hover a row for the sentence its "
        "number comes from.</p>",
        _figure(found),
        _table(rows, urls, on_frontier, found),
        '<footer>Numbers are as the abstracts state them, extracted automatically: check the '
        "evidence before you cite one.</footer>",
    ]
    return ("<!DOCTYPE html>\n"
            '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{_e(title)}</title>\n<style>{_STYLE}</style>\n</head>\n"
            "<body>\n<main>\n" + "\n".join(body) + "\n</main>\n</body>\n</html>\n")


def inline_svg(svg: bytes | str, label: str) -> str:
    """matplotlib's SVG file as an element to put inside HTML: no XML prolog, doctype or
    metadata, sized by its container, with an accessible name."""
    text = svg.decode("utf-8") if isinstance(svg, bytes) else svg
    text = _SVG_PROLOG.sub("", text, count=1)
    text = _SVG_METADATA.sub("", text, count=1)
    text = _SVG_SIZE.sub(r"\1", text, count=1)
    return text.replace("<svg ", f'<svg role="img" aria-label="{_e(label)}" ', 1).strip()


def _figure(found: Frontier) -> str:
    svg = inline_svg(draw(found, "svg", height=5.2, caption=False), found.title)
    return f"<figure>\n{svg}\n<figcaption>{_e(found.caption())}</figcaption>\n</figure>"


def _table(rows: list[dict], urls: list, on_frontier: set[int], found: Frontier) -> str:
    head = "".join(f'<th scope="col">{name}</th>' for _, name, _ in _COLUMNS)
    lines = [
        '<div class="table-wrap">',
        "<table>",
        f'<caption><span class="star">★</span> on the Pareto frontier of the plot '
        f"(against {_e(found.x)}).</caption>",
        f"<thead><tr>{head}</tr></thead>",
        "<tbody>",
    ]
    for row, url in zip(rows, urls):
        best = id(row) in on_frontier
        link = _safe_url(url)
        cells = []
        for key, _, numeric in _COLUMNS:
            cells.append(_cell(key, row, link, numeric, best, found))
        evidence = row.get("evidence")
        attrs = ' class="frontier"' if best else ""
        if evidence:
            attrs += f' title="{_e(evidence)}"'
        lines.append(f"<tr{attrs}>{''.join(cells)}</tr>")
    lines += ["</tbody>", "</table>", "</div>"]
    return "\n".join(lines)


def _cell(key: str, row: dict, link: str | None, numeric: bool, best: bool, found: Frontier) -> str:
    value = row.get(key)
    css = ' class="num"' if numeric else f' class="{key}"' if key in ("model", "date") else ""
    if key == "value":
        text = found.format_value(value) if value is not None else ""
    elif key in ("params", "flops"):
        text = short_count(value) if value is not None else ""
    elif key == "model":
        star = '<span class="star" aria-label="on the frontier">★</span> ' if best else ""
        if not value:
            return f'<td{css}>{star}<span class="unnamed">unnamed</span></td>'
        inner = f'<a href="{_e(link)}">{_e(value)}</a>' if link else _e(value)
        return f"<td{css}>{star}{inner}</td>"
    elif key == "paper":
        text = value or row.get("paper_id") or ""
        inner = f'<a href="{_e(link)}">{_e(text)}</a>' if link and text else _e(text)
        return f"<td{css}>{inner}</td>"
    else:
        text = "" if value is None else str(value)
    return f"<td{css}>{_e(text)}</td>"


def _safe_url(url) -> str | None:
    """A link worth following from a page: http(s) only."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    return url if _SAFE_URL.match(url) else None


def _e(text) -> str:
    return html.escape(str(text), quote=True)
