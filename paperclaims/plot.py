"""The accuracy-cost frontier of a leaderboard: which results to plot, which are Pareto-optimal, and the pictures.

The data half (`frontier`, `board_frontier`) is plain Python over rows: it decides which results
have the x quantity, which of them no other result beats at the same or a lower cost, and what
the axes are called. The drawing half (`draw`, `frontier_figure`, `terminal_plot`) imports
matplotlib or plotext only when called, so commands that draw nothing never load them.

Choices a reader might question:

- The x quantity is a cost: fewer parameters, fewer FLOPs, an earlier date are "cheaper". A
  result is on the frontier when no other result is at least as good at an x no larger, and
  strictly better in one of the two. Along dates this is the state of the art over time.
- Two results with the same x and the same value are both on the frontier (neither beats the
  other); at the same x, only the best value is.
- The metric's direction decides "better": on FID (lower is better) the frontier is the lower
  envelope.
- A result without the x quantity (no parameter count found in its paper, no date) is not a
  point, but it is kept in `Frontier.missing` so the picture can list it in its caption.
"""
from __future__ import annotations

import io
import math
import textwrap
from dataclasses import dataclass, field
from datetime import date as Date
from typing import Iterable, Mapping, Sequence

from .errors import UsageError

#: The quantities a frontier can be plotted against.
X_AXES = ("params", "flops", "date")
#: Picture formats `draw` writes, by file extension.
PICTURE_FORMATS = {".png": "png", ".svg": "svg"}

_X_TITLES = {
    "params": "Parameters (count, log scale)",
    "flops": "FLOPs per forward pass (count, log scale)",
    "date": "Date of the paper (else the day it was stored)",
}
_X_NOUNS = {"params": "parameter count", "flops": "FLOP count", "date": "date"}
_COUNT_PREFIXES = ((1e15, "P"), (1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "K"))
_LABEL_WIDTH = 28  # longest point label, in characters, before it is cut with an ellipsis


# -- the data ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Point:
    """One result placed on the plot: its row, its label, its x and y, and whether it is on the frontier."""

    row: Mapping
    label: str
    x: float | Date
    y: float
    on_frontier: bool


@dataclass(frozen=True)
class Frontier:
    """The points of a leaderboard against one x quantity, with the Pareto frontier marked.

    `points` are in x order (then best value first); `missing` are the rows without the x
    quantity, in the order given. The titles are filled in by `board_frontier`.
    """

    x: str
    higher_is_better: bool
    points: tuple[Point, ...]
    missing: tuple[Mapping, ...] = ()
    title: str = ""
    x_title: str = ""
    y_title: str = ""
    unit: str | None = None
    labels_of_missing: tuple[str, ...] = field(default=())

    @property
    def frontier(self) -> tuple[Point, ...]:
        """The points on the frontier, cheapest first."""
        return tuple(p for p in self.points if p.on_frontier)

    @property
    def frontier_labels(self) -> list[str]:
        return [p.label for p in self.frontier]

    def missing_note(self) -> str:
        """The results left off the plot for want of an x value, named with their values."""
        names = ", ".join(f"{label} ({self.format_value(row.get('value'))})"
                          for label, row in zip(self.labels_of_missing, self.missing))
        return f"Not plotted, no {_X_NOUNS[self.x]} known: {names}"

    def caption(self) -> str:
        """What the picture cannot show by itself: the frontier by name, and the unplotted results."""
        parts = []
        if self.frontier:
            parts.append("Pareto frontier: " + ", ".join(
                f"{p.label} ({self.format_value(p.y)})" for p in self.frontier) + ".")
        if self.missing:
            parts.append(self.missing_note() + ".")
        if not self.points and not self.missing:
            parts.append("No results.")
        return " ".join(parts)

    def format_value(self, value) -> str:
        """A metric value as the plot writes it: 84.6% or 2.31."""
        if value is None:
            return "?"
        text = f"{float(value):g}"
        return f"{text}%" if self.unit == "%" else f"{text} {self.unit}" if self.unit else text

    def format_x(self, value) -> str:
        """An x value as the plot writes it: 22M, 4.5G, 2024-03-14."""
        if isinstance(value, Date):
            return value.isoformat()
        return short_count(value)


def frontier(rows: Iterable[Mapping], x: str = "params", *, higher_is_better: bool = True) -> Frontier:
    """The results of `rows` against `x` ("params", "flops" or "date"), with the Pareto frontier marked.

    Each row is a mapping with at least `value`, and `params` / `flops` (a count) or `date`
    (YYYY-MM-DD); `model` (else `paper`) names it. See the module docstring for what is on
    the frontier. Rows without a value are ignored; rows without the x quantity go to `missing`.
    """
    if x not in X_AXES:
        raise UsageError(f"--x must be one of {', '.join(X_AXES)}, not {x!r}")
    rows = [r for r in rows if _number(r.get("value")) is not None]
    labels = _labels(rows)
    long_labels = _labels(rows, width=60)  # the caption has room for more of a title
    placed, missing, missing_labels = [], [], []
    for row, label, long_label in zip(rows, labels, long_labels):
        where = x_value(row, x)
        if where is None:
            missing.append(row)
            missing_labels.append(long_label)
        else:
            placed.append((where, _number(row["value"]), row, label))

    # Cheapest first; at one x, the best value first. `better` turns "lower is better" into a max.
    sign = 1 if higher_is_better else -1
    placed.sort(key=lambda p: (p[0], -sign * p[1]))
    points = []
    best_before = -math.inf  # best signed value at any smaller x
    i = 0
    while i < len(placed):
        j = i
        while j < len(placed) and placed[j][0] == placed[i][0]:
            j += 1
        group_best = sign * placed[i][1]
        for where, value, row, label in placed[i:j]:
            on = sign * value == group_best and group_best > best_before
            points.append(Point(row=row, label=label, x=where, y=value, on_frontier=on))
        best_before = max(best_before, group_best)
        i = j
    return Frontier(x=x, higher_is_better=higher_is_better, points=tuple(points),
                    missing=tuple(missing), labels_of_missing=tuple(missing_labels))


def board_frontier(board, x: str = "params", *, lexicon=None, rows: list[dict] | None = None) -> Frontier:
    """The frontier of a leaderboard frame (from `leaderboard.rank`), with its titles.

    `rows` are the board's `leaderboard_rows` when the caller has them already: the points then
    hold those very dicts, so the caller can tell which of its rows are on the frontier.
    """
    from .leaderboard import board_title, leaderboard_rows
    from .lexicon import default_lexicon

    lexicon = lexicon or default_lexicon()
    rows = leaderboard_rows(board) if rows is None else rows
    higher = bool(board.attrs.get("higher_is_better", True))
    found = frontier(rows, x, higher_is_better=higher)
    metric = lexicon.metrics.get(board.attrs.get("metric"))
    units = [r.get("unit") for r in rows if r.get("unit")]
    unit = max(set(units), key=units.count) if units else None
    what = metric.name if metric else str(board.attrs.get("metric", "value"))
    what = what[:1].upper() + what[1:]
    arrow = "higher is better" if higher else "lower is better"
    y_title = f"{what} ({unit}, {arrow})" if unit else f"{what} ({arrow})"
    return Frontier(x=found.x, higher_is_better=higher, points=found.points, missing=found.missing,
                    labels_of_missing=found.labels_of_missing,
                    title=f"{board_title(board, lexicon)} vs {_X_NOUNS[x]}",
                    x_title=_X_TITLES[x], y_title=y_title, unit=unit)


def best_x_axis(board) -> str:
    """The quantity most results of a board have: params, else flops, else date."""
    for x in ("params", "flops"):
        if x in board.columns and board[x].notna().any():
            return x
    return "date"


def x_value(row: Mapping, x: str) -> float | Date | None:
    """A row's x: a positive count for params and FLOPs (they go on a log axis), a date, or None."""
    if x == "date":
        text = row.get("date")
        if not text:
            return None
        try:
            return Date.fromisoformat(str(text).strip()[:10])
        except ValueError:
            return None
    amount = _number(row.get(x))
    return amount if amount is not None and amount > 0 else None


def picture_format(path) -> str:
    """png or svg, from a file name's extension; anything else is a UsageError."""
    from pathlib import Path

    suffix = Path(path).suffix.lower()
    if suffix not in PICTURE_FORMATS:
        what = f"extension {suffix!r}" if suffix else "lack of an extension"
        raise UsageError(f"cannot tell the picture format of {str(path)!r} from its {what} "
                         f"(known: {' '.join(PICTURE_FORMATS)})")
    return PICTURE_FORMATS[suffix]


def short_count(value) -> str:
    """A count in short form for axes and labels: 5.1M, 22M, 1G, 380M."""
    value = float(value)
    for factor, letter in _COUNT_PREFIXES:
        if abs(value) >= factor:
            return f"{value / factor:.3g}{letter}"
    return f"{value:.3g}"


def _number(value) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def _labels(rows: Sequence[Mapping], width: int = _LABEL_WIDTH) -> list[str]:
    """A short name per row: the model, else the paper's title; the setting tells apart equal names."""
    base = [_cut(_text(r.get("model")) or _text(r.get("paper")) or _text(r.get("paper_id")) or "?", width)
            for r in rows]
    counts = {name: base.count(name) for name in base}
    out = []
    for name, row in zip(base, rows):
        setting = _text(row.get("setting"))
        out.append(f"{name} ({_cut(setting, width * 2 // 3)})" if counts[name] > 1 and setting else name)
    return out


def _text(value) -> str | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    text = " ".join(str(value).split())
    return text or None


def _cut(text: str, width: int = _LABEL_WIDTH) -> str:
    return text if len(text) <= width else text[:width - 1].rstrip() + "…"


# -- drawing: matplotlib -----------------------------------------------------------------------

_FRONTIER_COLOUR = "#c0392b"
_POINT_COLOUR = "#5b7fa6"
_LABEL_SIZE = 8  # points
_MARKER_SIZE = 6
# Where a label may go around its point, in points: right, left, above, below, the diagonals,
# then the same further out with a leader line. The first that collides with nothing wins.
_NEAR = [(6, 0, "left", "center"), (-6, 0, "right", "center"), (0, 7, "center", "bottom"),
         (0, -7, "center", "top"), (5, 5, "left", "bottom"), (5, -5, "left", "top"),
         (-5, 5, "right", "bottom"), (-5, -5, "right", "top")]
_FAR = [(dx * k, dy * k, ha, va) for k in (2.5, 4, 6) for dx, dy, ha, va in _NEAR]


def draw(found: Frontier, fmt: str = "png", *, width: float = 9.0, height: float = 6.0,
         dpi: int = 150, caption: bool = True) -> bytes:
    """The frontier as a PNG or SVG picture (bytes): points, the frontier, labels and a caption
    (`caption=False` leaves it out, for a page that writes it as text).

    Labels are placed greedily, frontier points first and then by rank: each takes the first
    spot around its point that overlaps no label, no point and no axis edge; a point with no
    free spot goes unlabelled (the frontier is also named in the caption).
    """
    # No pyplot and no matplotlib.use(): the figure draws on its own Agg canvas, needs no display,
    # and leaves the backend of a notebook that calls this alone.
    import matplotlib

    if fmt not in PICTURE_FORMATS.values():
        raise UsageError(f"unknown picture format {fmt!r} (known: {', '.join(PICTURE_FORMATS.values())})")
    # Text as outlines (an SVG that needs no font), and ids that do not change from run to run.
    with matplotlib.rc_context({"svg.fonttype": "path", "svg.hashsalt": "paperclaims",
                                "font.family": "DejaVu Sans"}):
        fig = frontier_figure(found, width=width, height=height, dpi=dpi, caption=caption)
        out = io.BytesIO()
        meta = {"Software": None} if fmt == "png" else {"Date": None, "Creator": None}
        fig.savefig(out, format=fmt, dpi=dpi, metadata=meta)
    return out.getvalue()


def frontier_figure(found: Frontier, *, width: float = 9.0, height: float = 6.0, dpi: int = 150,
                    caption: bool = True):
    """The matplotlib Figure that `draw` saves, laid out and labelled (see `draw`)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter

    caption = "\n".join(textwrap.wrap(found.caption(), width=int(width * 15.5))) if caption else ""
    caption_lines = caption.count("\n") + 1 if caption else 0
    line_inches = 0.19
    fig = Figure(figsize=(width, height + caption_lines * line_inches), dpi=dpi)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()

    xs = [_plot_x(p.x) for p in found.points]
    ys = [p.y for p in found.points]
    others = [(x, y) for x, y, p in zip(xs, ys, found.points) if not p.on_frontier]
    best = [(x, y) for x, y, p in zip(xs, ys, found.points) if p.on_frontier]
    if others:
        ax.scatter(*zip(*others), s=_MARKER_SIZE ** 2, color=_POINT_COLOUR, alpha=0.85, zorder=3,
                   label="other results", edgecolors="white", linewidths=0.6)
    if best:
        ax.scatter(*zip(*best), s=(_MARKER_SIZE + 2) ** 2, color=_FRONTIER_COLOUR, zorder=4,
                   label="on the Pareto frontier", edgecolors="white", linewidths=0.8)
        ax.step(*zip(*best), where="post", color=_FRONTIER_COLOUR, linewidth=1.6, alpha=0.8, zorder=2)

    if found.x in ("params", "flops") and xs:
        ax.set_xscale("log")
        low, high = min(xs), max(xs)
        decades = math.log10(high / low) if low > 0 else 0
        subs = (1.0, 2.0, 5.0) if decades < 3 else (1.0,)
        ax.xaxis.set_major_locator(LogLocator(base=10, subs=subs))
        ax.xaxis.set_minor_formatter(NullFormatter())
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: short_count(v)))
        ax.set_xlim(low / 10 ** max(0.12, decades * 0.08), high * 10 ** max(0.12, decades * 0.08))
    elif found.x == "date" and xs:
        import matplotlib.dates as mdates

        locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
        ax.margins(x=0.12)
        low, high = min(xs), max(xs)
        if (high - low).days < 30:  # else matplotlib widens one day to years on either side
            from datetime import timedelta

            ax.set_xlim(low - timedelta(days=15), high + timedelta(days=15))
    if ys:
        low, high = min(ys), max(ys)
        pad = (high - low) * 0.1 or max(abs(high) * 0.05, 0.5)
        ax.set_ylim(low - pad, high + 1.5 * pad)  # room above the top point for its label
    else:
        ax.text(0.5, 0.5, "no results with a " + _X_NOUNS[found.x], transform=ax.transAxes,
                ha="center", va="center", color="#666666", parse_math=False)

    ax.set_title(found.title, fontsize=11, loc="left", parse_math=False)
    ax.set_xlabel(found.x_title, parse_math=False)
    ax.set_ylabel(found.y_title, parse_math=False)
    ax.grid(True, which="major", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    if others or best:
        # Above-left of a rising frontier (below-left of a falling one) nothing can be: no result
        # there would be dominated, and any result there would be on the frontier itself.
        ax.legend(loc="upper left" if found.higher_is_better else "lower left", fontsize=8,
                  frameon=True, framealpha=0.9, edgecolor="#dddddd")
    if caption:
        fig.text(0.01, 0.012, caption, fontsize=8, va="bottom", ha="left", color="#333333", parse_math=False)
    bottom = (caption_lines * line_inches + 0.08) / fig.get_figheight()
    fig.tight_layout(rect=(0, bottom, 1, 1))

    _place_labels(fig, ax, found, xs, ys)
    return fig


def _plot_x(value):
    """An x as matplotlib takes it: a count as is, a date as a datetime."""
    if isinstance(value, Date):
        from datetime import datetime

        return datetime(value.year, value.month, value.day)
    return value


def _place_labels(fig, ax, found: Frontier, xs, ys):
    """Greedy label placement in display space (see `draw`)."""
    from matplotlib.transforms import Bbox

    renderer = fig.canvas.get_renderer()
    fig.canvas.draw()
    area = ax.get_window_extent(renderer)
    scale = fig.dpi / 72  # points to pixels
    taken = []
    for x, y, p in zip(xs, ys, found.points):
        cx, cy = ax.transData.transform((_as_number(x), y))
        r = (_MARKER_SIZE + (2 if p.on_frontier else 0)) / 2 * scale + 1
        taken.append(Bbox.from_extents(cx - r, cy - r, cx + r, cy + r))
    legend = ax.get_legend()
    if legend is not None:
        taken.append(legend.get_window_extent(renderer))
    # The frontier's steps, as thin boxes: a label struck through by the line is hard to read.
    steps = [ax.transData.transform((_as_number(x), y)) for x, y, p in zip(xs, ys, found.points)
             if p.on_frontier]
    lines = []
    for (x0, y0), (x1, y1) in zip(steps, steps[1:]):
        lines.append(Bbox.from_extents(x0, y0 - 1.5, x1, y0 + 1.5))  # along, at the old level
        lines.append(Bbox.from_extents(x1 - 1.5, min(y0, y1), x1 + 1.5, max(y0, y1)))  # up or down

    order = sorted(range(len(found.points)),
                   key=lambda i: (not found.points[i].on_frontier, _rank(found.points[i])))
    unplaced = [i for i in order
                if not _place_label(ax, renderer, area, found.points[i], xs[i], ys[i], taken, lines, scale)]
    # A frontier point with no free spot may have its label touch the frontier line.
    for i in unplaced:
        if found.points[i].on_frontier:
            _place_label(ax, renderer, area, found.points[i], xs[i], ys[i], taken, [], scale)


def _place_label(ax, renderer, area, p: Point, x, y, taken: list, avoid: list, scale: float) -> bool:
    """Put p's label at the first spot around it clear of `taken` and `avoid`, and add its box to
    `taken`; False when no spot is clear."""
    spots = _NEAR + _FAR if p.on_frontier else _NEAR + _FAR[:8]
    for dx, dy, ha, va in spots:
        far = abs(dx) > 6 or abs(dy) > 7
        note = ax.annotate(
            p.label, xy=(x, y), xytext=(dx, dy), textcoords="offset points", ha=ha, va=va,
            fontsize=_LABEL_SIZE, zorder=5, parse_math=False,  # "$" in a name is not TeX
            color=_FRONTIER_COLOUR if p.on_frontier else "#222222",
            fontweight="bold" if p.on_frontier else "normal",
            arrowprops=dict(arrowstyle="-", color="#999999", linewidth=0.6, shrinkA=0, shrinkB=4)
            if far else None)
        box = _text_extent(note, renderer).padded(1.5 * scale)
        if _inside(box, area) and not any(box.overlaps(t) for t in (*taken, *avoid)):
            taken.append(box)
            return True
        note.remove()
    return False


def _text_extent(note, renderer):
    """The extent of an annotation's text alone, without its leader line."""
    from matplotlib.text import Text

    note.update_positions(renderer)  # where the offset puts the text, as Annotation's own extent does
    return Text.get_window_extent(note, renderer)


def _inside(box, area) -> bool:
    return box.x0 >= area.x0 and box.x1 <= area.x1 and box.y0 >= area.y0 and box.y1 <= area.y1


def _as_number(x):
    from matplotlib.dates import date2num

    return date2num(x) if not isinstance(x, (int, float)) else x


def _rank(point: Point) -> float:
    rank = _number(point.row.get("rank"))
    return rank if rank is not None else math.inf


# -- drawing: the terminal ---------------------------------------------------------------------

def terminal_plot(found: Frontier, *, width: int = 100, height: int = 28, color: bool = True) -> str:
    """The frontier as text for a terminal (plotext): frontier points numbered, a key below.

    Names would collide in a grid of characters, so each frontier point is drawn as its number
    and the key lists them; other results are dots.
    """
    if not found.points:  # plotext cannot draw an empty log axis; there is nothing to see anyway
        return "\n".join([found.title, *_terminal_key(found, [], [])]) + "\n"
    import plotext as plt

    plt.clf()
    plt.plotsize(width, height)
    plt.theme("clear")  # the terminal's own background, light or dark
    if found.x in ("params", "flops"):
        plt.xscale("log")
    xs = [_terminal_x(p.x) for p in found.points]
    others = [(x, p.y) for x, p in zip(xs, found.points) if not p.on_frontier]
    best = [(x, p) for x, p in zip(xs, found.points) if p.on_frontier]
    if best:
        steps_x, steps_y = [], []
        for (x0, p0), (x1, _) in zip(best, best[1:]):
            steps_x += [x0, x1]
            steps_y += [p0.y, p0.y]
        steps_x.append(best[-1][0])
        steps_y.append(best[-1][1].y)
        plt.plot(steps_x, steps_y, marker="braille", color="red" if color else None)
    if others:
        plt.scatter([x for x, _ in others], [y for _, y in others], marker="•",
                    color="blue" if color else None)
    keys = _keys(len(best))
    for key, (x, p) in zip(keys, best):
        plt.scatter([x], [p.y], marker=key, color="red+" if color else None)
    ticks = _terminal_ticks(found, min(xs), max(xs))
    plt.xticks([t for t, _ in ticks], [label for _, label in ticks])
    plt.title(found.title)
    plt.xlabel(found.x_title)  # no y label: plotext writes it on the x label's line
    picture = plt.build()
    if not color:
        picture = plt.uncolorize(picture)

    y_title = [f"y: {found.y_title}"] if found.y_title else []
    return "\n".join([picture.rstrip("\n"), *y_title, "", *_terminal_key(found, best, keys)]) + "\n"


def _terminal_key(found: Frontier, best: list, keys: list[str]) -> list[str]:
    """The lines under the terminal plot: the numbered frontier, the others, what is not plotted."""
    lines = []
    if best:
        lines.append("Pareto frontier:")
        name_width = max(len(p.label) for _, p in best)
        x_width = max(len(found.format_x(p.x)) for _, p in best)
        for key, (_, p) in zip(keys, best):
            lines.append(f"  {key}  {p.label:<{name_width}}  {found.format_x(p.x):>{x_width}}  "
                         f"{found.format_value(p.y)}")
    others_n = len(found.points) - len(best)
    if others_n:
        lines.append(f"  •  {others_n} other result{'s' if others_n != 1 else ''}")
    if found.missing:
        lines.append(found.missing_note())
    if not found.points and not found.missing:
        lines.append("No results.")
    return lines


def _keys(n: int) -> list[str]:
    alphabet = "123456789abcdefghijklmnopqrstuvwxyz"
    return [alphabet[i] if i < len(alphabet) else "*" for i in range(n)]


def _terminal_x(value) -> float:
    return float(value.toordinal()) if isinstance(value, Date) else float(value)


def _terminal_ticks(found: Frontier, low: float, high: float) -> list[tuple[float, str]]:
    """Tick positions and labels: 1-2-5 steps of counts on a log axis, or a few dates."""
    if found.x == "date":
        if low == high:
            return [(low, Date.fromordinal(int(low)).isoformat())]
        step = (high - low) / 4
        return [(low + k * step, Date.fromordinal(int(low + k * step)).isoformat()) for k in range(5)]
    ticks = []
    decade = 10 ** math.floor(math.log10(low))
    while decade <= high:
        for m in (1, 2, 5):
            if low <= decade * m <= high:
                ticks.append((decade * m, short_count(decade * m)))
        decade *= 10
    if len(ticks) < 2:
        ticks = [(low, short_count(low)), (high, short_count(high))]
    return ticks
