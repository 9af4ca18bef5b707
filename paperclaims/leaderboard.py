"""Leaderboards: claim rows on one benchmark and metric, ranked the way the metric improves.

A leaderboard is built from claim rows (dicts with the extract columns, plus `source`, `date`
and `url` when the store supplies them), whatever they came from: the store, a claims CSV or
JSON Lines file written by `paperclaims extract`, or feeds extracted on the fly.

Choices a reader might question:

- Rows are `result` claims only. On a benchmark whose primary metric is `top1_accuracy`, plain
  `accuracy` rows count as top-1 (the claims spec reads "accuracy" on a classification benchmark
  that way), whichever of the two is asked for.
- One row per (paper, model, setting): when a paper states several values for the same model and
  setting, the best one is kept (which also collapses exact duplicates). `best_per_model` then
  keeps each model's best row across papers. Model names match case-, space- and hyphen-blind.
- Ties share a rank (competition ranking: 1, 2, 2, 4); tied rows are ordered by date, earliest
  first, then by paper and model.
- `params` and `flops` come from the same paper's `resource` claims: the one whose model matches
  the result's model, else the paper's only such claim, unless that one names another model with
  results in the same paper. A row whose size is unknown is dropped
  by `max_params` / `max_flops` (it cannot be shown to fit), and so is a row without a date by
  `since`.
- On a percentage metric (scale 100 in the lexicon), a bare fraction such as 0.848 is read as
  84.8%, and a value outside 0-100 cannot be a score and is left out.
- `settings` and `exclude_settings` match case-insensitive substrings of the setting text; a row
  with no setting never matches `settings`.
"""
from __future__ import annotations

import csv
import difflib
import gzip
import json
import math
from dataclasses import dataclass
from datetime import date as Date
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

import pandas as pd
import regex

from .errors import InputError, UsageError
from .lexicon import Benchmark, Lexicon, Metric, default_lexicon, fold
from .model import COLUMNS, Claim, Paper
from .render import format_number

#: Columns of leaderboard output in CSV, JSON Lines and JSON: exact numbers, with evidence.
LEADERBOARD_COLUMNS = ("rank", "model", "value", "unit", "params", "flops", "setting", "paper",
                       "paper_id", "date", "evidence")
#: Columns of the leaderboard table and Markdown: human-readable sizes, no evidence.
LEADERBOARD_TABLE_COLUMNS = ("rank", "model", "value", "params", "flops", "setting", "paper", "date")
#: Columns of `benchmark_summary`.
SUMMARY_COLUMNS = ("benchmark", "metric", "results", "papers", "best", "unit", "model")

_ROW_COLUMNS = (*COLUMNS, "source", "date", "url")
_SIZE_METRICS = ("params", "flops")
# How a count is written in human-readable output, largest first.
_COUNT_PREFIXES = ((1e15, "P"), (1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "K"))


# -- resolving names ---------------------------------------------------------------------------

def resolve_benchmark(name: str, lexicon: Lexicon) -> Benchmark:
    """The benchmark any alias names ("imagenet", "ILSVRC-2012"); unknown: UsageError with suggestions."""
    found = lexicon.benchmark(name)
    if found is not None:
        return found
    close = lexicon.suggest_benchmarks(name)
    hint = f" (did you mean {', '.join(close)}?)" if close else ""
    raise UsageError(f"unknown benchmark {name!r}{hint}")


def resolve_metric(name: str, lexicon: Lexicon) -> Metric:
    """The metric any alias names ("top-1", "FID"); unknown: UsageError with suggestions."""
    found = lexicon.metric(name)
    if found is not None:
        return found
    surfaces = {fold(s): m.id for m in lexicon.metrics.values() for s in (m.id, m.name, *m.aliases)}
    close = difflib.get_close_matches(fold(name), list(surfaces), n=9, cutoff=0.6)
    ids = list(dict.fromkeys(surfaces[k] for k in close))[:3]
    hint = f" (did you mean {', '.join(ids)}?)" if ids else ""
    raise UsageError(f"unknown metric {name!r}{hint}")


def _metric_family(metric_id: str, benchmark: Benchmark) -> tuple[str, set[str]]:
    """The metric a board ranks and every metric id whose rows belong on it."""
    if benchmark.primary_metric == "top1_accuracy" and metric_id in ("top1_accuracy", "accuracy"):
        return "top1_accuracy", {"top1_accuracy", "accuracy"}
    return metric_id, {metric_id}


def parse_since(since: str | Date | None) -> str | None:
    """An ISO date (YYYY-MM-DD) as text, checked; None passes through."""
    if since is None or since == "":
        return None
    if isinstance(since, Date):
        return since.isoformat()
    try:
        return Date.fromisoformat(str(since).strip()).isoformat()
    except ValueError:
        raise UsageError(f"--since wants a date like 2024-01-31, not {since!r}") from None


# -- counts: "30M", "5 GFLOPs", "30 million" ---------------------------------------------------

@lru_cache(maxsize=1)
def _count_registry():
    """A pint registry with only what counting needs: SI prefixes and the counted things.

    Surface forms never reach pint: they are mapped to these names first (see `parse_count`).
    """
    import pint

    ureg = pint.UnitRegistry(None)
    for name, factor in (("kilo", "1e3"), ("mega", "1e6"), ("giga", "1e9"), ("tera", "1e12"),
                         ("peta", "1e15")):
        ureg.define(f"{name}- = {factor}")
    ureg.define("parameter = [parameter]")
    ureg.define("flop = [flop]")
    return ureg


@lru_cache(maxsize=8)
def _count_grammar(lexicon: Lexicon):
    """The count pattern for one lexicon: number, optional scale, optional unit word."""
    suffixes = sorted(lexicon.scale_suffixes, key=len, reverse=True)
    words = sorted(lexicon.scale_words, key=len, reverse=True)
    units = {}
    for qid in _SIZE_METRICS:
        quantity = lexicon.quantities.get(qid)
        if quantity is not None:
            for w in (*quantity.words, *quantity.prefixed):
                units.setdefault(w.casefold(), qid)
    unit_alts = "|".join(regex.escape(u) for u in sorted(units, key=len, reverse=True))
    prefixed = {w.casefold() for q in _SIZE_METRICS if q in lexicon.quantities
                for w in lexicon.quantities[q].prefixed}
    prefixed_alts = "|".join(regex.escape(u) for u in sorted(prefixed, key=len, reverse=True))
    pattern = rf"""
        ^\s*
        (?P<number> (?:\d+(?:\.\d*)?|\.\d+) (?:[eE][-+]?\d+)? )   # 30, 1.5, 30e6
        \s*
        (?: (?P<glued> (?i:[kmgtb]) ) (?= \s* (?i: {prefixed_alts or "(?!)"} ) )  # 5gflops: any case before a unit
          | (?P<suffix> {"|".join(regex.escape(s) for s in suffixes) or "(?!)"} )   # 30M, 5G (case as written)
          | (?P<word> (?i: {"|".join(regex.escape(w) for w in words) or "(?!)"} ) ) # 30 million
        )?
        \s*
        (?P<unit> (?i: {unit_alts or "(?!)"} ) )?                # params, GFLOPs' FLOPs
        \s*$
    """
    return regex.compile(pattern, regex.VERBOSE), units


def parse_count(text: str | float | int, quantity: str, *, lexicon: Lexicon | None = None,
                option: str | None = None) -> float:
    """A parameter or FLOP count written the way people write it, as a plain number.

    `quantity` is "params" or "flops". Accepts `30M`, `30e6`, `30 million`, `1.5B params`, `5G`,
    `5GFLOPs`, `500M`; a number is taken as is. Bad text, or a unit of the other quantity,
    is a UsageError naming `option`.
    """
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        return float(text)
    lexicon = lexicon or default_lexicon()
    option = option or f"--max-{quantity}"
    grammar, units = _count_grammar(lexicon)
    m = grammar.match(str(text))
    if m is None:
        example = "30M or 30 million" if quantity == "params" else "5G or 5 GFLOPs"
        raise UsageError(f"{option}: cannot read {text!r} as a count (write it like {example})")
    prefix = ""
    if m["glued"]:
        prefix = lexicon.scale_suffixes.get(m["glued"].upper(), "")
    elif m["suffix"]:
        prefix = lexicon.scale_suffixes[m["suffix"]]
    elif m["word"]:
        prefix = lexicon.scale_words[m["word"].casefold()]
    written_in = units[m["unit"].casefold()] if m["unit"] else quantity
    ureg = _count_registry()
    pint_unit = {"params": "parameter", "flops": "flop"}
    import pint

    try:
        amount = ureg.Quantity(float(m["number"]), prefix + pint_unit[written_in])
        return float(amount.to(pint_unit[quantity]).magnitude)
    except pint.DimensionalityError:
        raise UsageError(f"{option}: {text!r} is a count of {written_in}, not {quantity}") from None


def format_count(value) -> str:
    """A count in short human form: 21000000 -> "21M", 1.0e9 -> "1.0G", 86.6e6 -> "86.6M"."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    value = float(value)
    for factor, letter in _COUNT_PREFIXES:
        if abs(value) >= factor:
            scaled = value / factor
            break
    else:
        factor, letter, scaled = 1, "", value
    if abs(scaled) < 10:
        return f"{scaled:.1f}{letter}"
    rounded = round(scaled, 1)
    return f"{rounded:.0f}{letter}" if rounded == round(rounded) else f"{rounded:.1f}{letter}"


# -- rows into a frame -------------------------------------------------------------------------

def claims_frame(claims_rows, lexicon: Lexicon) -> pd.DataFrame:
    """Claim rows (dicts, Claims or a DataFrame) as a frame with canonical benchmark and metric ids."""
    if isinstance(claims_rows, pd.DataFrame):
        frame = claims_rows.copy()
    else:
        frame = pd.DataFrame.from_records(
            [r.to_dict() if isinstance(r, Claim) else dict(r) for r in claims_rows])
    for name in _ROW_COLUMNS:
        if name not in frame.columns:
            frame[name] = None
    frame = frame.astype(object).where(frame.notna(), None)
    frame["benchmark"] = _canonical(frame["benchmark"], lexicon.benchmark)
    frame["metric"] = _canonical(frame["metric"], lexicon.metric)
    frame["value"] = pd.to_numeric(frame["value"], errors="coerce")
    frame["magnitude"] = pd.to_numeric(frame["magnitude"], errors="coerce")
    # Derived keys are object columns: pandas would otherwise infer a string dtype, with NaN for None.
    frame["_paper"] = pd.Series([_text(pid) or _text(title) for pid, title in zip(frame["paper_id"], frame["paper"])],
                                index=frame.index, dtype=object)
    frame["_model"] = pd.Series([fold(m) if _text(m) else None for m in frame["model"]],
                                index=frame.index, dtype=object)
    return frame


def _text(value) -> str | None:
    """A cell as non-empty text, or None when it is missing (None, NaN, NA or empty)."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    text = str(value)
    return text if text.strip() else None


def _canonical(column: pd.Series, lookup) -> pd.Series:
    ids = {}
    for name in column.dropna().unique():
        found = lookup(str(name))
        ids[name] = found.id if found is not None else name
    return column.map(lambda v: ids.get(v, v) if v is not None else None)


def _better_first(higher_is_better: bool) -> bool:
    """`ascending` for sort_values: False when a higher value is better."""
    return not higher_is_better


# -- the leaderboard ---------------------------------------------------------------------------

@dataclass(frozen=True)
class BoardQuery:
    """What a leaderboard asks for, with every name resolved and every limit parsed.

    Build it with `BoardQuery.parse` before reading any rows, so a typo fails fast even when the
    rows come from feeds that take minutes to extract.
    """

    benchmark: Benchmark
    metric: Metric | None = None
    top: int | None = None
    best_per_model: bool = False
    max_params: float | None = None
    max_flops: float | None = None
    settings: tuple[str, ...] = ()
    exclude_settings: tuple[str, ...] = ()
    since: str | None = None

    @classmethod
    def parse(cls, benchmark: str, metric: str | None = None, *, lexicon: Lexicon | None = None,
              top: int | None = None, best_per_model: bool = False,
              max_params: str | float | None = None, max_flops: str | float | None = None,
              settings: Sequence[str] = (), exclude_settings: Sequence[str] = (),
              since: str | Date | None = None) -> "BoardQuery":
        """The query for the arguments of `leaderboard`; a bad one is a UsageError."""
        lexicon = lexicon or default_lexicon()
        if top is not None and top < 1:
            raise UsageError(f"--top must be at least 1, not {top}")
        return cls(
            benchmark=resolve_benchmark(benchmark, lexicon),
            metric=resolve_metric(metric, lexicon) if metric else None,
            top=top,
            best_per_model=best_per_model,
            max_params=parse_count(max_params, "params", lexicon=lexicon) if max_params not in (None, "") else None,
            max_flops=parse_count(max_flops, "flops", lexicon=lexicon) if max_flops not in (None, "") else None,
            settings=tuple(settings or ()),
            exclude_settings=tuple(exclude_settings or ()),
            since=parse_since(since),
        )


def leaderboard(claims_rows, benchmark: str, metric: str | None = None, *, lexicon: Lexicon | None = None,
                top: int | None = None, best_per_model: bool = False,
                max_params: str | float | None = None, max_flops: str | float | None = None,
                settings: Sequence[str] = (), exclude_settings: Sequence[str] = (),
                since: str | Date | None = None) -> pd.DataFrame:
    """The ranked results on one benchmark and metric (default: the benchmark's primary metric).

    Every argument is checked before any row is read. Returns a frame with the columns of
    `LEADERBOARD_COLUMNS` plus `benchmark`, `metric`, `source` and `url`; see the module
    docstring for how rows are chosen, collapsed and ranked.
    """
    lexicon = lexicon or default_lexicon()
    query = BoardQuery.parse(benchmark, metric, lexicon=lexicon, top=top, best_per_model=best_per_model,
                             max_params=max_params, max_flops=max_flops, settings=settings,
                             exclude_settings=exclude_settings, since=since)
    return rank(claims_rows, query, lexicon=lexicon)


def rank(claims_rows, query: BoardQuery, *, lexicon: Lexicon | None = None) -> pd.DataFrame:
    """The leaderboard a parsed query asks for, over claim rows (see `leaderboard`)."""
    lexicon = lexicon or default_lexicon()
    bench, wanted, top = query.benchmark, query.metric, query.top
    frame = claims_frame(claims_rows, lexicon)
    on_bench = frame[(frame["kind"] == "result") & (frame["benchmark"] == bench.id) & frame["value"].notna()]
    metric_id = wanted.id if wanted else bench.primary_metric or _only_metric(on_bench, bench)
    metric_id, family = _metric_family(metric_id, bench)
    rows = _plausible(on_bench[on_bench["metric"].isin(family)].copy(), metric_id, lexicon)
    higher = _direction(metric_id, rows, lexicon)

    rows["params"] = _sizes(rows, frame, "params")
    rows["flops"] = _sizes(rows, frame, "flops")
    rows["metric"] = metric_id
    rows = _filter(rows, query.max_params, query.max_flops, query.settings, query.exclude_settings, query.since)

    ascending = _better_first(higher)
    order = ["value", "_date", "_paper_name", "_model_name"]
    rows["_date"] = [_text(d) or "9999" for d in rows["date"]]  # undated rows sort last among ties
    rows["_paper_name"] = [_text(p) or "" for p in rows["paper"]]
    rows["_model_name"] = [_text(m) or "" for m in rows["model"]]
    rows = rows.sort_values(order, ascending=[ascending, True, True, True], na_position="last", kind="stable")
    rows["_setting"] = [" ".join(s.casefold().split()) if (s := _text(v)) else "" for v in rows["setting"]]
    rows["_model_key"] = [m if m else f"\0{p}" for m, p in zip(rows["_model"], rows["_paper"])]
    rows = rows.drop_duplicates(["_paper", "_model_key", "_setting"], keep="first")
    if query.best_per_model:
        rows = rows.drop_duplicates(["_model_key"], keep="first")

    rows = rows.reset_index(drop=True)
    ranks = rows["value"].rank(method="min", ascending=ascending)
    rows.insert(0, "rank", ranks.astype("Int64") if len(rows) else pd.Series(dtype="Int64"))
    if top is not None:
        rows = rows.head(top)
    keep = [*LEADERBOARD_COLUMNS, "benchmark", "metric", "source", "url"]
    board = rows[keep].reset_index(drop=True)
    board.attrs.update(benchmark=bench.id, metric=metric_id, higher_is_better=higher)
    return board


def _plausible(rows: pd.DataFrame, metric_id: str, lexicon: Lexicon) -> pd.DataFrame:
    """Percentage metrics on one scale: a bare fraction (0.848) becomes 84.8%, and a value
    outside 0-100 (a misread number) is dropped rather than ranked first."""
    known = lexicon.metrics.get(metric_id)
    if known is None or known.scale != 100 or rows.empty:
        return rows
    bare = [_text(u) is None for u in rows["unit"]]
    fraction = pd.Series(bare, index=rows.index) & (rows["value"] > 0) & (rows["value"] <= 1)
    rows.loc[fraction, "value"] = rows.loc[fraction, "value"] * 100
    rows.loc[fraction, "unit"] = "%"
    return rows[(rows["value"] >= 0) & (rows["value"] <= 100)]


def _only_metric(rows: pd.DataFrame, bench: Benchmark) -> str:
    """The metric of a benchmark without a primary one, when its results use exactly one."""
    seen = sorted(m for m in rows["metric"].dropna().unique())
    if len(seen) == 1:
        return seen[0]
    listed = f" (its results use {', '.join(seen)})" if seen else ""
    raise UsageError(f"benchmark {bench.id} has no primary metric; give --metric{listed}")


def _direction(metric_id: str, rows: pd.DataFrame, lexicon: Lexicon) -> bool:
    """True when a higher value is better: from the lexicon, else from the rows, else True."""
    known = lexicon.metrics.get(metric_id)
    if known is not None:
        return bool(known.higher_is_better)
    stated = rows["higher_is_better"].dropna()
    return bool(stated.iloc[0]) if len(stated) else True


def _sizes(rows: pd.DataFrame, frame: pd.DataFrame, metric_id: str) -> list:
    """Each result's params or FLOPs, from the same paper's resource claims (see module docstring)."""
    resources = frame[(frame["kind"] == "resource") & (frame["metric"] == metric_id)
                      & frame["magnitude"].notna()]
    by_paper: dict[str, list[tuple[str | None, float]]] = {}
    for paper, model, amount in zip(resources["_paper"], resources["_model"], resources["magnitude"]):
        by_paper.setdefault(paper, []).append((model, float(amount)))
    # A size that names another model with results in the paper is that model's, never borrowed.
    models_of = {}
    for paper, model in zip(rows["_paper"], rows["_model"]):
        models_of.setdefault(paper, set()).add(model)
    found = []
    for paper, model in zip(rows["_paper"], rows["_model"]):
        candidates = by_paper.get(paper, [])
        match = next((amount for m, amount in candidates if model and m == model), None)
        if match is None and len(candidates) == 1:
            other, amount = candidates[0]
            if other is None or other not in models_of[paper]:
                match = amount
        found.append(match)
    return found


def _filter(rows, limit_params, limit_flops, settings, exclude_settings, since):
    if limit_params is not None:
        rows = rows[rows["params"].map(lambda v: v is not None and not pd.isna(v) and v <= limit_params)]
    if limit_flops is not None:
        rows = rows[rows["flops"].map(lambda v: v is not None and not pd.isna(v) and v <= limit_flops)]
    texts = [(_text(s) or "").casefold() for s in rows["setting"]]
    wanted = [s.casefold() for s in settings if s]
    unwanted = [s.casefold() for s in exclude_settings if s]
    if wanted or unwanted:
        keep = [(not wanted or (bool(t) and any(w in t for w in wanted)))
                and not (t and any(u in t for u in unwanted)) for t in texts]
        rows = rows[keep]
    if since is not None:
        rows = rows[rows["date"].map(lambda d: _iso_day(d) is not None and _iso_day(d) >= since)]
    return rows


def _iso_day(value) -> str | None:
    """The YYYY-MM-DD a date value starts with, or None when it is not an ISO date."""
    text = _text(value)
    if text is None:
        return None
    text = text.strip()[:10]
    try:
        return Date.fromisoformat(text).isoformat()
    except ValueError:
        return None


def leaderboard_rows(board: pd.DataFrame, *, human: bool = False) -> list[dict]:
    """A leaderboard as output rows of plain Python values.

    `human=False` (CSV, JSON): exact numbers, `LEADERBOARD_COLUMNS`. `human=True` (table,
    Markdown): the value with its unit and sizes like `21M` / `1.0G`, `LEADERBOARD_TABLE_COLUMNS`.
    """
    out = []
    for record in board.to_dict("records"):
        row = {k: _plain(v) for k, v in record.items()}
        if human:
            value = format_number(row["value"]) if row["value"] is not None else ""
            unit = row.get("unit")
            row["value"] = f"{value}{unit}" if unit == "%" else f"{value} {unit}" if unit else value
            row["params"] = format_count(row["params"])
            row["flops"] = format_count(row["flops"])
            row = {k: row.get(k) for k in LEADERBOARD_TABLE_COLUMNS}
        else:
            row = {k: row.get(k) for k in LEADERBOARD_COLUMNS}
        out.append(row)
    return out


def _plain(value):
    """A pandas/numpy cell as a plain Python value; missing values as None."""
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):  # numpy scalar
        value = value.item()
        if isinstance(value, float) and math.isnan(value):
            return None
    return value


def board_title(board: pd.DataFrame, lexicon: Lexicon | None = None) -> str:
    """A one-line title: benchmark, metric and which way is better."""
    lexicon = lexicon or default_lexicon()
    bench = lexicon.benchmarks.get(board.attrs.get("benchmark"))
    metric = lexicon.metrics.get(board.attrs.get("metric"))
    name = bench.name if bench else board.attrs.get("benchmark", "")
    what = metric.name if metric else board.attrs.get("metric", "")
    arrow = "higher is better" if board.attrs.get("higher_is_better", True) else "lower is better"
    return f"{name}: {what} ({arrow})"


# -- what the store knows about ----------------------------------------------------------------

def benchmark_summary(claims_rows, *, lexicon: Lexicon | None = None) -> pd.DataFrame:
    """One row per (benchmark, metric) with results: how many, from how many papers, and the best.

    Plain `accuracy` is counted as `top1_accuracy` on benchmarks whose primary metric that is,
    as on the leaderboard. Sorted by benchmark, then by number of results, most first.
    """
    lexicon = lexicon or default_lexicon()
    frame = claims_frame(claims_rows, lexicon)
    results = frame[(frame["kind"] == "result") & frame["benchmark"].notna() & frame["metric"].notna()
                    & frame["value"].notna()].copy()
    results["metric"] = [
        _metric_family(m, lexicon.benchmarks[b])[0] if b in lexicon.benchmarks else m
        for b, m in zip(results["benchmark"], results["metric"])]
    summary = []
    for (bench, metric), group in results.groupby(["benchmark", "metric"], sort=True):
        group = _plausible(group.copy(), metric, lexicon)
        if group.empty:
            continue
        higher = _direction(metric, group, lexicon)
        best = group.sort_values("value", ascending=_better_first(higher), kind="stable").iloc[0]
        summary.append({"benchmark": bench, "metric": metric, "results": int(len(group)),
                        "papers": int(group["_paper"].nunique()), "best": _plain(best["value"]),
                        "unit": best["unit"], "model": best["model"]})
    table = pd.DataFrame(summary, columns=list(SUMMARY_COLUMNS))
    if len(table):
        table = table.sort_values(["benchmark", "results", "metric"], ascending=[True, False, True],
                                  kind="stable").reset_index(drop=True)
    return table


def summary_rows(summary: pd.DataFrame) -> list[dict]:
    """`benchmark_summary` as output rows of plain Python values."""
    return [{k: _plain(v) for k, v in r.items()} for r in summary.to_dict("records")]


# -- --from: claims files and feeds ------------------------------------------------------------

def rows_from_files(paths: Iterable[str | Path], *, lexicon: Lexicon | None = None,
                    on_warning=None) -> list[dict]:
    """Claim rows read from files, without the store.

    A claims file written by `paperclaims extract` (CSV, JSON Lines or JSON, recognised by its
    `kind`, `value` and `evidence` columns) is read as it is; any other file is read as a feed
    and its papers are extracted.
    """
    lexicon = lexicon or default_lexicon()
    rows: list[dict] = []
    for path in paths:
        path = Path(path)
        if not path.is_file():
            raise InputError(f"{path}: no such file")
        claims = _read_claims_file(path)
        if claims is None:
            claims = _extract_feed(path, lexicon, on_warning)
        rows.extend(claims)
    return rows


_CLAIM_MARKERS = {"kind", "value", "evidence"}


def _read_claims_file(path: Path) -> list[dict] | None:
    """The rows of a claims file, or None when the file is not one (then it is a feed)."""
    opener = gzip.open if path.suffix.lower() == ".gz" else open
    try:
        with opener(path, "rt", encoding="utf-8", newline="") as fh:
            head = fh.read(65536)
            fh.seek(0)
            first = head.lstrip()
            if first.startswith("{"):
                line = first.splitlines()[0]
                try:
                    probe = json.loads(line)
                except json.JSONDecodeError:
                    return None
                if not (isinstance(probe, dict) and _CLAIM_MARKERS <= probe.keys()):
                    return None
                return [_coerce(json.loads(l), path, n) for n, l in enumerate(fh, 1) if l.strip()]
            if first.startswith("["):
                data = json.load(fh)
                if isinstance(data, list) and (not data or (isinstance(data[0], dict)
                                                            and _CLAIM_MARKERS <= data[0].keys())):
                    return [_coerce(r, path, n) for n, r in enumerate(data, 1)]
                return None
            header = next(csv.reader([head.splitlines()[0]])) if head.strip() else []
            if not _CLAIM_MARKERS <= set(header):
                return None
            return [_coerce(r, path, n) for n, r in enumerate(csv.DictReader(fh), 2)]
    except (UnicodeDecodeError, gzip.BadGzipFile, EOFError):
        return None  # not a text claims file: the feed readers decide what it is
    except (json.JSONDecodeError, csv.Error) as err:
        raise InputError(f"{path}: malformed claims file: {err}") from None


def _coerce(raw: dict, path: Path, line: int) -> dict:
    """A claims-file row with typed values: numbers, offsets, booleans; empty text as None."""
    row = {k: (None if v == "" else v) for k, v in raw.items()}
    try:
        for name in ("value", "magnitude"):
            if row.get(name) is not None:
                row[name] = float(row[name])
        for name in ("start", "end"):
            if row.get(name) is not None:
                row[name] = int(row[name])
    except (TypeError, ValueError):
        raise InputError(f"{path}:{line}: {name} is not a number: {row[name]!r}") from None
    flag = row.get("higher_is_better")
    if isinstance(flag, str):
        row["higher_is_better"] = {"true": True, "1": True, "false": False, "0": False}.get(flag.casefold())
    return row


def _extract_feed(path: Path, lexicon: Lexicon, on_warning) -> list[dict]:
    from .pipeline import claims_from_papers
    from .readers import read_papers

    rows = []
    for paper in read_papers(str(path), on_warning=on_warning):
        for claim in claims_from_papers([paper], lexicon=lexicon):
            rows.append(paper_row(paper, claim))
    return rows


def paper_row(paper: Paper, claim: Claim) -> dict:
    """A claim as a row with the paper's source, date and url, like the store's rows."""
    return {**claim.to_dict(), "source": paper.source, "date": paper.date, "url": paper.url}
