"""Magnitudes through pint: what a scale prefix ("M", "giga") multiplies a count by, cached."""
from __future__ import annotations

from functools import lru_cache

import pint

@lru_cache(maxsize=1)
def _registry() -> pint.UnitRegistry:
    """Built on first use: loading pint's definitions costs a quarter second per process."""
    registry = pint.UnitRegistry()
    # Counting units that pint does not know; "pp" is deliberately not defined (pint reads it as
    # a printer's point).
    registry.define("parameter = [parameters] = param")
    registry.define("flop = [operations] = FLOP")
    return registry


@lru_cache(maxsize=64)
def scale_factor(prefix: str) -> float:
    """The factor an SI prefix name or symbol stands for: "mega" or "M" -> 1e6."""
    if not prefix:
        return 1.0
    name = {"K": "k"}.get(prefix, prefix)
    return float(_registry().Quantity(1, f"{name}parameter").to("parameter").magnitude)
