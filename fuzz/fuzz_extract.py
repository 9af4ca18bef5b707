"""Fuzz target for the extractor: any bytes -> text -> `extract_claims`, checked against the claim invariants.

Run by hand with atheris (not a project dependency; see fuzz/README.md):

    .venv/bin/pip install atheris
    .venv/bin/python fuzz/fuzz_extract.py -max_total_time=600 -max_len=4096

`check_extraction` is plain Python, so the test suite runs the same checks without atheris.
"""
from __future__ import annotations

import math
import sys

if __name__ == "__main__":  # fuzzing: instrument paperclaims (only) as it is imported, for coverage
    import atheris

    with atheris.instrument_imports(include=["paperclaims"]):
        from paperclaims import KINDS, default_lexicon, extract_claims
else:  # imported by the test suite, which must not need atheris
    from paperclaims import KINDS, default_lexicon, extract_claims


def text_and_title(data: bytes) -> tuple[str, str | None]:
    """Split fuzzer bytes into an abstract and a title: the first line is the title when there is one."""
    text = data.decode("utf-8", "replace")
    title, newline, rest = text.partition("\n")
    return (rest, title) if newline else (text, None)


def check_extraction(text: str, title: str | None = None) -> list:
    """Extract the claims of `text` and assert every invariant a claim row promises; return the claims."""
    lexicon = default_lexicon()
    claims = extract_claims(text, title=title)
    for claim in claims:
        assert 0 <= claim.start <= claim.end <= len(text), claim
        assert text[claim.start:claim.end] == claim.evidence, claim
        assert claim.kind in KINDS, claim
        assert isinstance(claim.value, float | int) and math.isfinite(claim.value), claim
        assert claim.magnitude is None or math.isfinite(claim.magnitude), claim
        assert claim.benchmark is None or claim.benchmark in lexicon.benchmarks, claim
        assert claim.metric is None or claim.metric in lexicon.metrics, claim
    return claims


def fuzz_one_input(data: bytes) -> None:
    check_extraction(*text_and_title(data))


def main(argv: list[str]) -> None:
    atheris.Setup(argv, fuzz_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv)
