"""What both halves of the grammar (claims.py, attribution.py) read around a number, defined once:
its clause, the words between it and a name before it, a range's link, "from A to B"."""
from __future__ import annotations

import regex

from .mentions import Mention

_RANGE = regex.compile(r"^\s*(?:-|–|—|to|~)\s*$", regex.IGNORECASE)
# Where a clause ends: the look-arounds of a number stay inside its clause.
_CLAUSE_BREAK = regex.compile(r"[;:]|,\s*(?:while|whereas|which|and|but|with|outperforming|surpassing|"
                              r"beating|exceeding|compared|being)\b|\b(?:while|whereas|but)\b")
_ADJACENT_BEFORE = regex.compile(r"""^[\s()]*(?:
        (?:score|scores|value|values|rate|of|is|are|was|were|=|:|<|>|≤|≥|~|≈|exceeding|exceeds|above|
           below|under|over|at|to|reaches|reaching|reached|
           achieves|achieving|achieved|attains|attaining|obtains|of\s+just|of\s+only|only|just|
           about|around|approximately|nearly|up\s+to|as\s+low\s+as|as\s+high\s+as|an?|the|improves|
           improved|drops|dropped|from|with|by|increased|decreased|reduced|boosted|further|rises|rose|
           increases|decreases|falls|fell|climbs|jumps|grows|
           lowered|raised|new|state-of-the-art|sota|record|best|top|single-model|of\s+up\s+to)
        [\s()]*)*$""", regex.VERBOSE | regex.IGNORECASE)
# "from A to B": two results; "from the previous best performance of A to B" too
_FROM_TO = regex.compile(r"\bfrom(?:\s+(?:the|a|an|its|their)?\s*(?:[\w-]+\s+){0,4}?of)?\s*$", regex.IGNORECASE)


def _clause_before(text: str, position: int) -> str:
    """The text from the start of a number's clause up to it."""
    start = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, position)), default=0)
    return text[start:position]


def _strip_mentions(text: str, start: int, end: int, mentions: list[Mention], mark: str = "") -> str:
    """The text between two points with benchmark mentions cut out ("ADE20K val. mIoU of"), or
    replaced by `mark`."""
    pieces, pos = [], start
    for m in mentions:
        if start <= m.start and m.end <= end:
            pieces.append(text[pos:m.start] + mark)
            pos = m.end
    pieces.append(text[pos:end])
    return " ".join(pieces)
