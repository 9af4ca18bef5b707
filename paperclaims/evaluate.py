"""Scoring claims against a gold file: one-to-one matching within each paper, at three levels.

The rules are those of the claims spec ("How a run is scored"). A gold claim and a predicted
one match at level

- `value` when they are on the same paper (titles compared normalized), of the same kind, with
  the same number (`value`, or `magnitude` for counts; a fraction 0.848 matches a gold 84.8);
- `tuple` when they also agree on benchmark and metric (a null gold field accepts anything,
  and the names in `data/scoring.toml` count as the same);
- `full` when the predicted model is also one of the gold's names, or contains one, or is
  contained in one (a gold `[]` accepts anything).

Within a paper each gold claim, in file order, takes the first unused prediction that matches
it, so one prediction never counts twice. Precision, recall and F1 follow per kind and for all
kinds together. Rows are plain dicts with the gold file's (or `extract`'s) field names.
"""
from __future__ import annotations

import csv
import gzip
import json
import math
import re
import tomllib
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable, Mapping

from .errors import InputError, LexiconError
from .lexicon import Lexicon
from .model import KINDS, Paper
from .pipeline import claims_from_papers

__all__ = [
    "LEVELS", "GOLD_FIELDS", "MISS_FIELDS", "ScoringRules", "Score", "Evaluation", "default_rules",
    "evaluate", "matches", "normalize", "paper_key", "read_gold", "read_predictions", "predictions_from_papers",
]

LEVELS = ("value", "tuple", "full")
#: Every gold line carries these fields (null where they do not apply), as the spec says.
GOLD_FIELDS = ("paper", "kind", "model", "benchmark", "metric", "value", "unit", "magnitude",
               "baseline", "setting", "evidence")
#: What a missed or spurious claim is shown with.
MISS_FIELDS = ("kind", "paper", "model", "benchmark", "metric", "value", "evidence")

# Titles are compared on their first 120 normalized characters: a feed may cut a long title.
_PAPER_KEY_LENGTH = 120
_NOT_ALNUM = re.compile(r"[^a-z0-9]")


def normalize(name) -> str:
    """A name as it is compared: lower case, letters and digits only; None is ""."""
    return _NOT_ALNUM.sub("", str(name).lower()) if name is not None else ""


# --- the lenient equivalences, read from data/scoring.toml ---------------------------------------

@dataclass(frozen=True)
class ScoringRules:
    """The benchmark and metric names that score as the same, all normalized."""

    benchmark_aliases: Mapping[str, str]
    metric_classes: tuple[frozenset[str], ...]

    @classmethod
    def from_toml(cls, text: str, origin: str = "scoring.toml") -> "ScoringRules":
        """Rules from the text of a scoring file (format: the header of data/scoring.toml)."""
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as err:
            raise LexiconError(f"{origin}: not valid TOML: {err}") from None
        unknown = sorted(set(data) - {"benchmark_aliases", "metric_classes"})
        if unknown:
            raise LexiconError(f"{origin}: unknown section [{unknown[0]}] "
                               "(known: benchmark_aliases, metric_classes)")
        aliases: dict[str, str] = {}
        for name, target in data.get("benchmark_aliases", {}).items():
            if not isinstance(target, str) or not normalize(target):
                raise LexiconError(f"{origin}: [benchmark_aliases] {name} must name a benchmark id")
            key = normalize(name)
            if key in aliases:
                raise LexiconError(f"{origin}: [benchmark_aliases] lists {name!r} twice")
            aliases[key] = normalize(target)
        classes: list[frozenset[str]] = []
        owner: dict[str, str] = {}
        for label, body in data.get("metric_classes", {}).items():
            where = f"{origin}: [metric_classes.{label}]"
            if not isinstance(body, dict) or set(body) != {"members"}:
                raise LexiconError(f"{where} must be a table with one field, members")
            members = body["members"]
            if not isinstance(members, list) or not all(isinstance(m, str) and normalize(m) for m in members):
                raise LexiconError(f"{where}: members must be a list of metric ids")
            for member in members:
                key = normalize(member)
                if key in owner:
                    raise LexiconError(f"{where}: {member!r} is already in [metric_classes.{owner[key]}]")
                owner[key] = label
            classes.append(frozenset(normalize(m) for m in members))
        return cls(aliases, tuple(classes))

    def benchmark_key(self, name) -> str:
        """The key a benchmark name is compared by: its normalized form, or what it is an alias of."""
        key = normalize(name)
        return self.benchmark_aliases.get(key, key)

    def same_metric(self, gold, predicted) -> bool:
        """Whether a predicted metric scores as the gold one (a null gold metric accepts anything)."""
        if gold is None:
            return True
        g, p = normalize(gold), normalize(predicted)
        return g == p or any(g in c and p in c for c in self.metric_classes)


@lru_cache(maxsize=1)
def default_rules() -> ScoringRules:
    """The built-in rules of paperclaims/data/scoring.toml, read once."""
    text = (resources.files("paperclaims") / "data" / "scoring.toml").read_text(encoding="utf-8")
    return ScoringRules.from_toml(text, "paperclaims/data/scoring.toml")


# --- matching -------------------------------------------------------------------------------------

def _names(value) -> list[str]:
    """A model or benchmark field (one name, a list of names, or null) as normalized names."""
    if value is None:
        return []
    if isinstance(value, str) or not isinstance(value, (list, tuple)):
        value = [value]
    return [n for n in (normalize(v) for v in value) if n]


def _same_number(gold, predicted) -> bool:
    try:
        g, p = float(gold), float(predicted)
    except (TypeError, ValueError):
        return False
    if math.isclose(g, p, rel_tol=1e-6, abs_tol=1e-9):
        return True
    # a fraction where the gold has a percentage, or the other way round
    return math.isclose(g, p * 100, rel_tol=1e-6) or math.isclose(g / 100, p, rel_tol=1e-6)


def _same_model(gold_names: list[str], predicted) -> bool:
    if not gold_names:
        return True
    for p in _names(predicted):
        for g in gold_names:
            # containment needs three characters, or "a" would be inside every name
            if p == g or (len(p) >= 3 and (p in g or g in p)):
                return True
    return False


def matches(gold: dict, predicted: dict, level: str, rules: ScoringRules | None = None) -> bool:
    """Whether a predicted claim matches a gold claim of the same paper at `level` (of LEVELS)."""
    rules = rules or default_rules()
    if normalize(gold["kind"]) != normalize(predicted.get("kind")):
        return False
    magnitude = gold.get("magnitude")
    if not (_same_number(gold["value"], predicted.get("value"))
            or _same_number(magnitude, predicted.get("magnitude"))
            or _same_number(magnitude, predicted.get("value"))):
        return False
    if level == "value":
        return True
    benchmark = gold.get("benchmark")
    if benchmark is not None:
        accepted = {rules.benchmark_key(b) for b in ([benchmark] if isinstance(benchmark, str) else benchmark)}
        if rules.benchmark_key(predicted.get("benchmark")) not in accepted:
            return False
    if not rules.same_metric(gold.get("metric"), predicted.get("metric")):
        return False
    if level == "tuple":
        return True
    return _same_model(_names(gold.get("model")), predicted.get("model"))


# --- scores ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Score:
    """Counts and precision, recall and F1 for one level and kind."""

    gold: int
    pred: int
    tp: int

    @property
    def precision(self) -> float:
        if self.pred:
            return self.tp / self.pred
        return 1.0 if self.gold == 0 else 0.0  # predicting nothing where there is nothing is right

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict:
        """Counts, and P, R, F1 rounded to 4 places, under the reference scorer's keys."""
        return {"gold": self.gold, "pred": self.pred, "tp": self.tp, "p": round(self.precision, 4),
                "r": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass(frozen=True)
class Evaluation:
    """The scores of a run per level and kind (KINDS, then "all"), and what each level missed."""

    scores: dict[str, dict[str, Score]]
    missed: dict[str, list[dict]]  # per level: gold claims no prediction matched, in file order
    spurious: dict[str, list[dict]]  # per level: predictions that matched no gold claim

    def to_dict(self) -> dict:
        """{level: {kind: {gold, pred, tp, p, r, f1}}}, the JSON the reference scorer prints."""
        return {level: {kind: s.to_dict() for kind, s in by_kind.items()}
                for level, by_kind in self.scores.items()}

    def rows(self) -> list[dict]:
        """One row per level and kind: level, kind, gold, pred, tp, p, r, f1."""
        return [{"level": level, "kind": kind, **s.to_dict()}
                for level, by_kind in self.scores.items() for kind, s in by_kind.items()]

    def misses(self, n: int | None = None, level: str = "full") -> tuple[list[dict], list[dict]]:
        """The first `n` (all when None) missed gold claims and spurious predictions at `level`,
        each cut down to MISS_FIELDS."""
        def cut(rows):
            return [{f: row.get(f) for f in MISS_FIELDS} for row in rows[:n]]
        return cut(self.missed[level]), cut(self.spurious[level])


def paper_key(title) -> str:
    """The key claims are grouped by: the normalized title, cut to 120 characters."""
    return normalize(title)[:_PAPER_KEY_LENGTH]


def evaluate(gold: Iterable[dict], predictions: Iterable[dict], *,
             rules: ScoringRules | None = None) -> Evaluation:
    """Score predicted claims against gold claims (both dicts with the spec's field names).

    A prediction names its paper by `paper` (or `paper_title`); gold rows are taken as valid
    (see read_gold).
    """
    rules = rules or default_rules()
    gold, predictions = list(gold), list(predictions)
    gold_by_paper: dict[str, list[dict]] = defaultdict(list)
    pred_by_paper: dict[str, list[dict]] = defaultdict(list)
    for g in gold:
        gold_by_paper[paper_key(g["paper"])].append(g)
    for p in predictions:
        pred_by_paper[paper_key(p.get("paper") or p.get("paper_title") or "")].append(p)
    papers = list(dict.fromkeys([*gold_by_paper, *pred_by_paper]))  # gold papers first, in order

    scores, missed, spurious = {}, {}, {}
    for level in LEVELS:
        hits: dict[str, int] = defaultdict(int)
        missed[level], spurious[level] = [], []
        for key in papers:
            candidates = pred_by_paper.get(key, [])
            used = [False] * len(candidates)
            for g in gold_by_paper.get(key, []):
                for i, p in enumerate(candidates):
                    if not used[i] and matches(g, p, level, rules):
                        used[i] = True
                        hits[g["kind"]] += 1
                        break
                else:
                    missed[level].append(g)
            spurious[level] += [p for i, p in enumerate(candidates) if not used[i]]
        by_kind = {}
        for kind in (*KINDS, "all"):
            n_gold = sum(1 for g in gold if kind in ("all", g["kind"]))
            n_pred = sum(1 for p in predictions if kind in ("all", normalize(p.get("kind"))))
            tp = sum(hits.values()) if kind == "all" else hits[kind]
            by_kind[kind] = Score(n_gold, n_pred, tp)
        scores[level] = by_kind
    return Evaluation(scores, missed, spurious)


# --- reading gold and prediction files ------------------------------------------------------------

def _read_text(path: Path, what: str) -> str:
    try:
        if path.suffix.lower() == ".gz":
            with gzip.open(path, "rt", encoding="utf-8") as fh:
                return fh.read()
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{path}: no such {what}") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a {what}") from None
    except (UnicodeDecodeError, gzip.BadGzipFile, EOFError):
        raise InputError(f"{path}: not a UTF-8 text {what}") from None
    except OSError as err:
        raise InputError(f"{path}: cannot read {what}: {err.strerror or err}") from None


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _gold_problem(row) -> str | None:
    """What is wrong with one gold line, or None."""
    if not isinstance(row, dict):
        return "not a JSON object"
    missing = [f for f in GOLD_FIELDS if f not in row]
    if missing:
        return f"missing field{'s' if len(missing) > 1 else ''} {', '.join(missing)}"
    if not isinstance(row["paper"], str) or not row["paper"].strip():
        return "paper must be the paper's title"
    if row["kind"] not in KINDS:
        return f"kind must be one of {', '.join(KINDS)}, not {row['kind']!r}"
    if not _is_number(row["value"]):
        return f"value must be a number, not {row['value']!r}"
    if row["magnitude"] is not None and not _is_number(row["magnitude"]):
        return f"magnitude must be a number or null, not {row['magnitude']!r}"
    for name in ("model", "benchmark"):
        value = row[name]
        if not (value is None or isinstance(value, str)
                or (isinstance(value, list) and all(isinstance(v, str) for v in value))):
            return f"{name} must be a name, a list of names or null"
    if row["metric"] is not None and not isinstance(row["metric"], str):
        return "metric must be a metric id or null"
    return None


def read_gold(path: str | Path) -> list[dict]:
    """The claims of a gold file: JSON Lines, every line an object with all of GOLD_FIELDS.

    Anything else is an InputError naming the file and line.
    """
    path = Path(path)
    rows = []
    for number, line in enumerate(_read_text(path, "gold file").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as err:
            raise InputError(f"{path}:{number}: not JSON Lines: {err.msg} (column {err.colno})") from None
        problem = _gold_problem(row)
        if problem:
            raise InputError(f"{path}:{number}: {problem}")
        rows.append(row)
    return rows


_CLAIM_MARKERS = ("kind", "value")


def read_predictions(path: str | Path) -> list[dict]:
    """The claims of a file written by `paperclaims extract`: JSON Lines, a JSON array, or CSV.

    Empty CSV cells become None and numbers are read as numbers; a file without `kind` and
    `value` fields is an InputError.
    """
    path = Path(path)
    text = _read_text(path, "claims file").lstrip("\ufeff")
    start = text.lstrip()[:1]
    if start == "[":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as err:
            raise InputError(f"{path}:{err.lineno}: not JSON: {err.msg}") from None
        if not isinstance(data, list):
            raise InputError(f"{path}: not a claims file (a JSON array of claims)")
        numbered = list(enumerate(data, 1))
        where = "item"
    elif start == "{":
        numbered = []
        for number, line in enumerate(text.splitlines(), 1):
            if line.strip():
                try:
                    numbered.append((number, json.loads(line)))
                except json.JSONDecodeError as err:
                    raise InputError(f"{path}:{number}: not JSON Lines: {err.msg}") from None
        where = "line"
    else:
        try:
            numbered = [(n, {k: (None if v == "" else v) for k, v in row.items() if k is not None})
                        for n, row in enumerate(csv.DictReader(text.splitlines()), 2)]
        except csv.Error as err:
            raise InputError(f"{path}: malformed CSV: {err}") from None
        where = "line"
    rows = []
    for number, row in numbered:
        if not isinstance(row, dict) or not all(k in row for k in _CLAIM_MARKERS):
            raise InputError(f"{path}:{number}: not a claim ({where} without kind and value); "
                             "give a file written by `paperclaims extract`")
        rows.append(_typed(row, path, number))
    return rows


def _typed(row: dict, path: Path, number: int) -> dict:
    for name in ("value", "magnitude"):
        value = row.get(name)
        if isinstance(value, str):
            try:
                row[name] = float(value)
            except ValueError:
                raise InputError(f"{path}:{number}: {name} is not a number: {value!r}") from None
    return row


def predictions_from_papers(papers: Iterable[Paper], *, lexicon: Lexicon | None = None) -> list[dict]:
    """The claims extract finds in the papers, as rows to score."""
    return [claim.to_dict() for claim in claims_from_papers(papers, lexicon=lexicon)]
