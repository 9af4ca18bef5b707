"""The row types that flow through paperclaims: a Paper read from a feed, a Claim found in it."""
from __future__ import annotations

from dataclasses import asdict, dataclass

KINDS = ("result", "delta", "ratio", "resource")

#: The output columns, in order. The one place that defines them.
COLUMNS = (
    "paper_id", "paper", "kind", "model", "benchmark", "metric", "value", "unit",
    "magnitude", "baseline", "setting", "higher_is_better", "evidence", "start", "end",
)


@dataclass(frozen=True)
class Paper:
    """One abstract from a feed, with whatever identifiers the feed carried."""

    paper_id: str
    title: str
    abstract: str
    url: str | None = None
    date: str | None = None
    source: str | None = None  # the feed it came from (a path, or "-")

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Claim:
    """One metric claim: a number, what it measures, whose it is, and where it was said.

    `evidence == abstract[start:end]` always holds, with offsets into the abstract as read.
    """

    kind: str
    value: float
    evidence: str
    start: int
    end: int
    model: str | None = None
    benchmark: str | None = None
    metric: str | None = None
    unit: str | None = None
    magnitude: float | None = None
    baseline: str | None = None
    setting: str | None = None
    higher_is_better: bool | None = None
    paper_id: str | None = None
    paper: str | None = None

    def to_dict(self) -> dict:
        """The claim as an ordered dict of the output columns (every field is a plain value)."""
        return {name: getattr(self, name) for name in COLUMNS}
