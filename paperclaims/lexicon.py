"""The lexicon: benchmarks, metrics and unit words read from TOML data files, validated on load.

Every lexicon file, built-in or a user's, has the same shape: `[benchmark.ID]`, `[metric.ID]`,
`[quantity.ID]` tables and an optional `[scales]` table (see the headers of the files in
`paperclaims/data/`). Built-in files are read first; a user file read later may add entries,
override fields of existing ones, add aliases, or take an alias over from another entry.
"""
from __future__ import annotations

import difflib
import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable

import regex

from .errors import LexiconError

SECTIONS = ("benchmark", "metric", "quantity", "scales", "words", "bounds")


@dataclass(frozen=True)
class Benchmark:
    """A dataset or task results are reported on, under a canonical id."""

    id: str
    name: str
    task: str = ""
    primary_metric: str | None = None
    aliases: tuple[str, ...] = ()
    exact_aliases: tuple[str, ...] = ()
    resolutions: dict = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class Metric:
    """What a number measures, with the direction that makes it better."""

    id: str
    name: str
    higher_is_better: bool = True
    scale: int = 100  # 100: written as a percentage; 1: a bare score; 0: a cost
    kind: str = "score"  # "score" or "cost"
    bounded: bool = True  # a percentage of it cannot pass 100 (accuracy); false: human-normalized score
    aliases: tuple[str, ...] = ()
    exact_aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Quantity:
    """A unit a resource is counted in ("21M parameters", "30 TPU-hours")."""

    id: str
    unit: str
    pint: str = ""
    metric: str | None = None
    magnitude: bool = False
    words: tuple[str, ...] = ()
    prefixed: tuple[str, ...] = ()
    exact_words: tuple[str, ...] = ()


_FIELDS = {
    "benchmark": {"name": str, "task": str, "primary_metric": str, "aliases": list,
                  "exact_aliases": list, "resolutions": dict},
    "metric": {"name": str, "higher_is_better": bool, "scale": int, "kind": str, "bounded": bool, "aliases": list,
               "exact_aliases": list},
    "quantity": {"unit": str, "pint": str, "metric": str, "magnitude": bool, "words": list,
                 "prefixed": list, "exact_words": list},
}
_TYPES = {"benchmark": Benchmark, "metric": Metric, "quantity": Quantity}
_LISTS = ("aliases", "exact_aliases", "words", "prefixed", "exact_words")
_SEPARATOR = regex.compile(r"[-\s]+")


@lru_cache(maxsize=8192)  # the same few hundred names are looked up again and again
def fold(surface: str) -> str:
    """The key a case-insensitive surface form is looked up by: lower case, no hyphens or spaces."""
    return _SEPARATOR.sub("", surface.casefold())


@lru_cache(maxsize=8192)
def fold_exact(surface: str) -> str:
    """The key a case-sensitive surface form is looked up by: no hyphens or spaces."""
    return _SEPARATOR.sub("", surface)


def surface_pattern(surface: str) -> str:
    """A regex for one surface form, where "-" and " " match each other or nothing."""
    parts = [regex.escape(p) for p in _SEPARATOR.split(surface.strip()) if p]
    return r"[-\s]?".join(parts)


def alternation(surfaces: Iterable[str], *, glued: bool = False, compounds: bool = True,
                inside: bool = True) -> str:
    """One case-insensitive pattern for many surface forms, longest first, never inside a word.

    The forms are compiled as a trie, so the engine's work at each position does not grow with
    the size of the lexicon. `glued` drops the left bound, for unit words that follow a number
    directly ("79ms"); `compounds=False` also refuses a match that continues as a hyphenated
    compound ("Faster-RCNN" is not "faster"); `inside=False` refuses one that ends a compound
    ("Graph-SST2" is not SST-2, "Stylized-ImageNet" is not ImageNet).
    """
    body = _trie_pattern({s.lower() for s in surfaces}) or "(?!)"
    left = "" if glued else r"(?<![\w@])" if inside else r"(?<![\w@])(?<!\w-)"
    right = r"(?![\w@])" if compounds else r"(?![\w@]|-\w)"
    return rf"{left}(?:{body}){right}"


class SurfaceMatcher:
    """Finds surface forms in text: one case-insensitive trie pass, then, for a form whose case
    matters ("RACE", "mAP"), a check that it was written in that case."""

    def __init__(self, case_insensitive: Iterable[str], exact: Iterable[str] = (), *, lead: str = "",
                 glued: bool = False, compounds: bool = True, inside: bool = True):
        case_insensitive, exact = set(case_insensitive), set(exact)
        self._folded = {fold(s) for s in case_insensitive}
        self._exact = {fold_exact(s) for s in exact}
        self.pattern = lead + alternation(case_insensitive | exact, glued=glued, compounds=compounds, inside=inside)
        # The standard library's engine runs these tries about six times faster than `regex`.
        self._compiled = re.compile(self.pattern, re.IGNORECASE)
        # Lower-cased ASCII text is scanned about twice as fast by the pattern with case left to
        # match, which finds the same forms when the pattern is all lower case and none of its
        # other characters stands for an ASCII letter when case is ignored (as the Kelvin sign does k).
        self._lowered = re.compile(self.pattern) \
            if self.pattern == self.pattern.lower() and not _folds_into_ascii(self.pattern) else None

    def finditer(self, text: str, pos: int = 0):
        if self._lowered is not None and text.isascii():
            # where the lower-cased text matches, the pattern matches the text itself
            found = (self._compiled.match(text, m.start()) for m in self._lowered.finditer(text.lower(), pos))
        else:
            found = self._compiled.finditer(text, pos)
        return (m for m in found if self._accepts(m.group()))

    def match(self, text: str, pos: int = 0):
        m = self._compiled.match(text, pos)
        return m if m is not None and self._accepts(m.group()) else None

    def _accepts(self, surface: str) -> bool:
        folded, exact = fold(surface), fold_exact(surface)
        return (folded in self._folded or exact in self._exact
                or exact.endswith("s") and (folded[:-1] in self._folded or exact[:-1] in self._exact))


def _folds_into_ascii(pattern: str) -> bool:
    """Whether a non-ASCII character of a pattern matches some ASCII character when case is ignored."""
    others = {c for c in pattern if not c.isascii()}
    return any(re.fullmatch(re.escape(c), chr(a), re.IGNORECASE) for c in others for a in range(128))


_SEP = "\0"  # a trie node flag: "-", " " or nothing may come before the next character


def _trie_pattern(surfaces: set[str]) -> str:
    """Surface forms as a trie over their characters without separators, so that spellings that
    differ only by "-" or " " share one path and the longest form always wins."""
    trie: dict = {}
    for surface in surfaces:
        node = trie
        parts = [p for p in _SEPARATOR.split(surface.strip()) if p]
        for i, part in enumerate(parts):
            if i:
                node[_SEP] = True
            for ch in part:
                node = node.setdefault(ch, {})
        if parts:
            node[""] = True
    return _node_pattern(trie)


def _node_pattern(node: dict) -> str:
    """A trie node as a regex; a continuation is tried before stopping."""
    branches = [re.escape(ch) + _node_pattern(child) for ch, child in sorted(node.items())
                if ch not in ("", _SEP)]
    if not branches:
        return "s?" if node.get("") else ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if node.get(_SEP):
        body = r"[-\s]?" + (body if len(branches) == 1 else body)
    if node.get(""):  # a form may end here, or go on; a plural "s" is read too ("FIDs", "costs")
        return f"(?:{body}|s)?"
    return body


class Lexicon:
    """Benchmarks, metrics and quantities by id, with lookups from any surface form."""

    def __init__(self, benchmarks: dict[str, Benchmark], metrics: dict[str, Metric],
                 quantities: dict[str, Quantity], scales: dict[str, dict[str, str]],
                 words: dict[str, list[str]] | None = None, bounds: dict[str, str] | None = None):
        self.benchmarks = benchmarks
        self.metrics = metrics
        self.quantities = quantities
        self.scale_suffixes = dict(scales.get("suffixes", {}))
        self.scale_words = {k.casefold(): v for k, v in scales.get("words", {}).items()}
        self.words = {name: tuple(phrases) for name, phrases in (words or {}).items()}
        self.bounds = dict(bounds or {})
        self._benchmark_keys = _surface_index(benchmarks.values(), "benchmark")
        self._metric_keys = _surface_index(metrics.values(), "metric")
        self.benchmark_regex = SurfaceMatcher(
            [a for b in benchmarks.values() for a in (*b.aliases, *_name_surface(b))],
            [a for b in benchmarks.values() for a in b.exact_aliases], inside=False)
        self.metric_regex = SurfaceMatcher(
            [a for m in metrics.values() for a in m.aliases],
            [a for m in metrics.values() for a in m.exact_aliases], compounds=False)

    def benchmark(self, surface: str) -> Benchmark | None:
        """The benchmark a surface form or id names, or None."""
        return _lookup(self._benchmark_keys, self.benchmarks, surface)

    def metric(self, surface: str) -> Metric | None:
        """The metric a surface form or id names, or None."""
        return _lookup(self._metric_keys, self.metrics, surface)

    def suggest_benchmarks(self, surface: str, n: int = 3) -> list[str]:
        """The ids of the known benchmarks whose names are closest to an unknown one."""
        keys = self._benchmark_keys[1]
        close = difflib.get_close_matches(fold(surface), list(keys), n=n * 3, cutoff=0.5)
        ids = list(dict.fromkeys(keys[k] for k in close))
        return ids[:n]


def _name_surface(entry) -> tuple[str, ...]:
    """An entry's display name, matched in text like an alias unless its case matters ("RACE")."""
    exact = {fold(a) for a in entry.exact_aliases}
    return () if fold(entry.name) in exact else (entry.name,)


def _lookup(index, table, surface):
    exact, folded = index
    found = exact.get(fold_exact(surface)) or folded.get(fold(surface))
    if not found and surface.endswith("s"):  # a plural: "FIDs", "computational costs"
        found = exact.get(fold_exact(surface[:-1])) or folded.get(fold(surface[:-1]))
    return table.get(found) if found else None


def _surface_index(entries, section):
    """Map every surface form of every entry to its id: (exact keys, case-folded keys)."""
    exact, folded = {}, {}
    for entry in entries:
        for surface in (entry.id, entry.name, *entry.aliases):
            folded.setdefault(fold(surface), entry.id)
        for surface in entry.exact_aliases:
            exact.setdefault(fold_exact(surface), entry.id)
    return exact, folded


def _read(path_or_text, origin: str) -> dict:
    try:
        return tomllib.loads(path_or_text)
    except tomllib.TOMLDecodeError as err:
        raise LexiconError(f"{origin}: not valid TOML: {err}") from None


def _check_entry(section: str, key: str, body, origin: str) -> dict:
    where = f"{origin}: [{section}.{key}]"
    if not isinstance(body, dict):
        raise LexiconError(f"{where} must be a table")
    fields = _FIELDS[section]
    for name, value in body.items():
        if name not in fields:
            known = ", ".join(fields)
            raise LexiconError(f"{where}: unknown field {name!r} (known: {known})")
        if not isinstance(value, fields[name]):
            raise LexiconError(f"{where}: {name} must be a {fields[name].__name__}")
        if fields[name] is list:
            if not all(isinstance(v, str) and v.strip() for v in value):
                raise LexiconError(f"{where}: {name} must be a list of non-empty strings")
            seen = set()
            for v in value:
                k = fold(v) if name in ("aliases", "words", "prefixed") else fold_exact(v)
                if k in seen:
                    raise LexiconError(f"{where}: {name} lists {v!r} twice")
                seen.add(k)
    return body


class _Builder:
    """Merges lexicon files in order, checking each as it comes."""

    def __init__(self):
        self.entries = {s: {} for s in _TYPES}
        self.owner = {s: {} for s in _TYPES}  # surface key -> (id, origin)
        self.scales = {"suffixes": {}, "words": {}}
        self.words: dict[str, list[str]] = {}
        self.bounds: dict[str, str] = {}

    def add(self, data: dict, origin: str, builtin: bool):
        for section, table in data.items():
            if section not in SECTIONS:
                raise LexiconError(f"{origin}: unknown section [{section}] (known: {', '.join(SECTIONS)})")
            if not isinstance(table, dict):
                raise LexiconError(f"{origin}: [{section}] must be a table")
            if section == "words":
                for name, phrases in table.items():
                    if not isinstance(phrases, list) or not all(isinstance(p, str) and p.strip() for p in phrases):
                        raise LexiconError(f"{origin}: [words] {name} must be a list of non-empty strings")
                    self.words[name] = list(dict.fromkeys([*self.words.get(name, []), *phrases]))
                continue
            if section == "bounds":
                if not all(isinstance(v, str) for v in table.values()):
                    raise LexiconError(f"{origin}: [bounds] values must be strings")
                self.bounds.update(table)
                continue
            if section == "scales":
                for part, mapping in table.items():
                    if part not in self.scales or not isinstance(mapping, dict):
                        raise LexiconError(f"{origin}: [scales.{part}] is not a known scales table")
                    self.scales[part].update({str(k): str(v) for k, v in mapping.items()})
                continue
            for key, body in table.items():
                body = _check_entry(section, key, body, origin)
                self._merge(section, key, body, origin, builtin)

    def _merge(self, section, key, body, origin, builtin):
        current = self.entries[section].get(key, {})
        merged = dict(current)
        for name, value in body.items():
            if name in _LISTS and name in current:
                merged[name] = list(dict.fromkeys([*current[name], *value]))
            else:
                merged[name] = value
        for name in ("aliases", "exact_aliases", "words"):
            for surface in body.get(name, ()):
                k = (name == "exact_aliases", fold(surface) if name != "exact_aliases" else fold_exact(surface))
                prior = self.owner[section].get(k)
                if prior and prior[0] != key:
                    if builtin or prior[1] == origin:
                        raise LexiconError(
                            f"{origin}: [{section}.{key}] alias {surface!r} is already an alias of "
                            f"[{section}.{prior[0]}] ({prior[1]})")
                    self._release(section, prior[0], surface, name)
                self.owner[section][k] = (key, origin)
        self.entries[section][key] = merged

    def _release(self, section, key, surface, name):
        """A later file took this surface form over: drop it from the entry that had it."""
        entry = self.entries[section][key]
        same = fold if name != "exact_aliases" else fold_exact
        entry[name] = [s for s in entry.get(name, []) if same(s) != same(surface)]

    def build(self) -> Lexicon:
        made = {}
        for section, cls in _TYPES.items():
            made[section] = {}
            for key, body in self.entries[section].items():
                kwargs = {k: tuple(v) if k in _LISTS else v for k, v in body.items()}
                if section != "quantity":
                    kwargs.setdefault("name", key)
                if section == "quantity" and "unit" not in kwargs:
                    raise LexiconError(f"[quantity.{key}] needs a unit")
                made[section][key] = cls(id=key, **kwargs)
        for b in made["benchmark"].values():
            if b.primary_metric and b.primary_metric not in made["metric"]:
                raise LexiconError(f"[benchmark.{b.id}] primary_metric {b.primary_metric!r} is not a known metric")
            for size, target in b.resolutions.items():
                if target not in made["benchmark"]:
                    raise LexiconError(f"[benchmark.{b.id}] resolution {size} names unknown benchmark {target!r}")
        for m in made["metric"].values():
            if m.kind not in ("score", "cost"):
                raise LexiconError(f"[metric.{m.id}] kind must be 'score' or 'cost', not {m.kind!r}")
            if m.scale not in (0, 1, 100):
                raise LexiconError(f"[metric.{m.id}] scale must be 0, 1 or 100, not {m.scale}")
        for q in made["quantity"].values():
            if q.metric and q.metric not in made["metric"]:
                raise LexiconError(f"[quantity.{q.id}] metric {q.metric!r} is not a known metric")
        return Lexicon(made["benchmark"], made["metric"], made["quantity"], self.scales,
                       self.words, self.bounds)


def builtin_files() -> list[tuple[str, str]]:
    """The built-in lexicon files as (name, text), in load order."""
    data = resources.files("paperclaims") / "data"
    files = [data / "metrics.toml", data / "units.toml", data / "grammar.toml"]
    files += sorted((p for p in (data / "benchmarks").iterdir() if p.name.endswith(".toml")),
                    key=lambda p: p.name)
    return [(f"paperclaims/data/{p.name}" if p.parent.name == "data" else f"paperclaims/data/benchmarks/{p.name}",
             p.read_text(encoding="utf-8")) for p in files]


def load_lexicon(user_files: Iterable[str | Path] = ()) -> Lexicon:
    """The built-in lexicon, extended by user files (later files win)."""
    builder = _Builder()
    for origin, text in builtin_files():
        builder.add(_read(text, origin), origin, builtin=True)
    for path in user_files:
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as err:
            raise LexiconError(f"{path}: cannot read lexicon file: {err.strerror or err}") from None
        except UnicodeDecodeError:
            raise LexiconError(f"{path}: lexicon file is not UTF-8 text") from None
        builder.add(_read(text, str(path)), str(path), builtin=False)
    return builder.build()


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The built-in lexicon, loaded once."""
    return load_lexicon()
