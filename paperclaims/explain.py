"""What each number in a text became, and the rules that decided it: the data behind `explain`."""
from __future__ import annotations

import regex

from .claims import Explanation, explain_claims
from .lexicon import Lexicon

EXPLAIN_COLUMNS = ("number", "outcome", "why")
_DIGITS = regex.compile(r"\d+(?:[.,]\d+)*")


def explain_numbers(text: str, title: str | None = None, *, lexicon: Lexicon | None = None
                    ) -> tuple[Explanation, list[dict]]:
    """The grammar's explanation of a text, and one row per number: what it became and why.

    Digits the grammar never read as a number (inside "ResNet-50", "224x224") get a row too,
    so every number in the text is accounted for.
    """
    explanation = explain_claims(text, title, lexicon=lexicon)
    rows: dict[tuple[int, int], dict] = {}
    for step in explanation.steps:
        row = rows.setdefault((step.start, step.end), {"number": step.text, "start": step.start,
                                                       "end": step.end, "rules": []})
        if step.rule not in row["rules"]:
            row["rules"].append(step.rule)
    for m in _DIGITS.finditer(explanation.repaired):
        if not any(start <= m.start() < end for start, end in rows):
            rows[(m.start(), m.end())] = {"number": m.group(), "start": m.start(), "end": m.end(),
                                          "rules": ["not read as a number: part of a name, a size or a word"]}
    ordered = sorted(rows.values(), key=lambda r: (r["start"], r["end"]))
    for row in ordered:
        dropped = any(r.startswith(("dropped", "not read")) for r in row["rules"])
        row["outcome"] = "no claim" if dropped else "claim"
        row["why"] = "; ".join(row["rules"])
    return explanation, ordered
