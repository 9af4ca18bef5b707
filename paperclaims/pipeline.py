"""Papers to claims: run the grammar over each paper of a feed, and filter what comes out."""
from __future__ import annotations

import dataclasses
from typing import Iterable, Iterator

from .claims import extract_claims
from .errors import UsageError
from .lexicon import Lexicon, default_lexicon
from .model import KINDS, Claim, Paper


def claims_from_papers(papers: Iterable[Paper], *, lexicon: Lexicon | None = None) -> Iterator[Claim]:
    """Every claim of every paper, in feed order, with `paper_id` and `paper` (the title) set."""
    lexicon = lexicon or default_lexicon()
    for paper in papers:
        found = extract_claims(paper.abstract, title=paper.title, lexicon=lexicon,
                               paper_id=paper.paper_id)
        for claim in found:
            yield dataclasses.replace(claim, paper_id=paper.paper_id, paper=paper.title)


def resolve_benchmark(name: str, lexicon: Lexicon | None = None) -> str:
    """The canonical id of a benchmark named by any of its aliases ("imagenet" -> "imagenet-1k").

    An unknown name is a usage error that suggests the closest known ids.
    """
    lexicon = lexicon or default_lexicon()
    found = lexicon.benchmark(name)
    if found is not None:
        return found.id
    close = lexicon.suggest_benchmarks(name)
    hint = f" (did you mean {', '.join(close)}?)" if close else ""
    raise UsageError(f"unknown benchmark {name!r}{hint}")


def check_kinds(kinds: Iterable[str]) -> set[str]:
    """The claim kinds asked for, each checked against KINDS."""
    wanted = set(kinds)
    unknown = sorted(wanted - set(KINDS))
    if unknown:
        raise UsageError(f"unknown claim kind {unknown[0]!r} (known: {', '.join(KINDS)})")
    return wanted


def filter_claims(claims: Iterable[Claim], kinds: Iterable[str] | None = None,
                  benchmarks: Iterable[str] | None = None, *,
                  lexicon: Lexicon | None = None) -> Iterator[Claim]:
    """The claims of the given kinds on the given benchmarks (None or empty: any).

    Kinds and benchmark names are checked here, before any claim is read, so a typo fails
    fast even on a feed that would take minutes.
    """
    wanted_kinds = check_kinds(kinds) if kinds else None
    wanted_benchmarks = {resolve_benchmark(b, lexicon) for b in benchmarks} if benchmarks else None
    return (c for c in claims
            if (wanted_kinds is None or c.kind in wanted_kinds)
            and (wanted_benchmarks is None or c.benchmark in wanted_benchmarks))
