"""The grammar: from an abstract's sentences and their mentions to Claim rows."""
from __future__ import annotations

from .lexicon import Lexicon, default_lexicon
from .model import Claim


def extract_claims(text: str, title: str | None = None, *, lexicon: Lexicon | None = None,
                   paper_id: str | None = None) -> list[Claim]:
    """Every metric claim in one abstract, in the order it appears. Pure: no I/O."""
    lexicon = lexicon or default_lexicon()
    return []
