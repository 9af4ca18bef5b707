"""Magnitudes through pint: scale prefixes ("M", "billion") and unit conversion, cached per unit."""
from __future__ import annotations

from functools import lru_cache

import pint

_REGISTRY = pint.UnitRegistry()
# Counting units that pint does not know; "pp" is deliberately not defined (pint reads it as a
# printer's point).
_REGISTRY.define("parameter = [parameters] = param")
_REGISTRY.define("flop = [operations] = FLOP")
_REGISTRY.define("token = [tokens]")
_REGISTRY.define("image = [images]")


def registry() -> pint.UnitRegistry:
    """The unit registry paperclaims defines its counting units in."""
    return _REGISTRY


@lru_cache(maxsize=64)
def scale_factor(prefix: str) -> float:
    """The factor an SI prefix name or symbol stands for: "mega" or "M" -> 1e6."""
    if not prefix:
        return 1.0
    name = {"K": "k"}.get(prefix, prefix)
    return float(_REGISTRY.Quantity(1, f"{name}parameter").to("parameter").magnitude)


@lru_cache(maxsize=256)
def conversion(from_unit: str, to_unit: str) -> float:
    """The factor that turns an amount in one pint unit into another ("hour" -> "day")."""
    return float(_REGISTRY.Quantity(1, from_unit).to(to_unit).magnitude)


def parse_amount(text: str, unit: str) -> float:
    """A user's amount such as "30M", "5G", "30 million" or "2.5e9", as a plain count of `unit`."""
    import re

    s = text.strip().replace(",", "").replace("_", "")
    m = re.fullmatch(r"([0-9]*\.?[0-9]+(?:e[+-]?\d+)?)\s*([A-Za-z]*)", s, re.IGNORECASE)
    if not m:
        raise ValueError(f"not an amount: {text!r}")
    value, suffix = float(m.group(1)), m.group(2)
    words = {"k": "kilo", "thousand": "kilo", "m": "mega", "million": "mega", "b": "giga",
             "g": "giga", "billion": "giga", "t": "tera", "trillion": "tera"}
    tail = suffix.lower()
    for unit_word in ("flops", "flop", "params", "param", "parameters", "macs"):
        if tail.endswith(unit_word):
            tail = tail[: -len(unit_word)]
            break
    if tail and tail not in words:
        raise ValueError(f"unknown scale {suffix!r} in {text!r}")
    return value * scale_factor(words[tail]) if tail else value
