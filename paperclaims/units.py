"""Magnitudes through pint: what a scale prefix ("M", "giga") multiplies a count by, cached."""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

# A prefix definition in pint's definitions file: "kilo- =  1e3   = k-".
_PREFIX_DEFINITION = re.compile(r"[A-Za-z_]+- *=")


@lru_cache(maxsize=1)
def _registry():
    """Pint's own prefix definitions and the counted units, and nothing else: pint's full default
    registry takes a third of a second to build in every process, for units a count never uses."""
    import pint  # imported on first use: a run that scales no count never pays for it

    registry = pint.UnitRegistry(None)
    definitions = (resources.files("pint") / "default_en.txt").read_text(encoding="utf-8")
    for line in definitions.splitlines():
        if _PREFIX_DEFINITION.match(line):
            registry.define(line.split("#")[0].strip())
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
