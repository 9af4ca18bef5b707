"""Naming the paper's own method, so that "our model" and "we" become a name.

Rules, strongest first: a name before the title's colon, one the abstract introduces ("called X",
"we propose X", "..., X, that"), a short Title-Case title prefix, an acronym the abstract defines,
a name from the title the abstract repeats, the phrase a title names around "by", "for", "via" or
"with", a short noun-phrase title the abstract echoes, and a name the abstract repeats.
"""
from __future__ import annotations

from typing import Iterator

import regex



def method_name(title: str, abstract: str, finder) -> str | None:
    """The paper's own method: the first of `method_rules` that names one."""
    return next((name for _, name in method_rules(title, abstract, finder) if name), None)


def method_rules(title: str, abstract: str, finder) -> Iterator[tuple[str, str | None]]:
    """(rule, name) for each way of naming the paper's method, strongest first, lazily.

    `title` and `abstract` are repaired text (see text.repair); `finder` is the lexicon's Finder,
    whose `not_models` are never names.
    """
    stop = finder.not_models
    head, sep, _ = title.partition(":")
    words = head.split() if sep else []
    # "ProxylessNAS: Direct Neural Architecture Search", "QuantNAS for super resolution: ..."
    if words and len(words) <= 3 and (len(words) == 1 or name_like(words[0])) and not _ordinary(words[0]):
        yield "title name", head.strip()
    elif words and name_like(words[0]):
        yield "title name", words[0]
    for rule, pattern in (("called", _INTRODUCED), ("we call it", _WE_CALL), ("we propose", _PROPOSED),
                          ("apposition", _APPOSITIVE), ("our model, X", _OUR_NAMED), ("X is a new", _IS_A_NEW),
                          ("a model, X, that", _MODEL_NAMED)):
        if not _may_match(pattern, abstract):
            continue
        for m in pattern.finditer(abstract):
            name = m.group("name")
            acronym = _ACRONYM_AFTER.match(abstract, m.end())
            if acronym and " " in name:
                name = acronym.group("name")  # "we propose Efficient Architecture Search (EAS)"
            titled = _in_title(name, title) if pattern is _APPOSITIVE else None
            if titled:
                name = titled  # "we propose ..., self-consistency, ..." under the title "Self-Consistency Improves ..."
            if (pattern in (_INTRODUCED, _WE_CALL) or name_like(name) or titled
                    or pattern in (_APPOSITIVE, _PROPOSED, _MODEL_NAMED) and _recurs(name, abstract)
                    or " " in name) \
                    and name not in stop and not _NAMES_DATA.match(abstract, m.end()):
                yield rule, name
                break
    # "Laughing Hyena Distillery: Extracting ...": a short Title-Case prefix
    if words and len(words) <= 4 and all(w[:1].isupper() or w in _FUNCTION_WORDS for w in words) \
            and words[0][:1].isupper() and not _ordinary(words[0]) and "," not in head:
        yield "title phrase", head.strip()
    new = _NEW_NAMED.search(abstract)  # "a new Omni-SR architecture"
    yield "a new X architecture", new.group("name") if new and name_like(new.group("name")) and new.group("name") not in stop else None
    yield "acronym", _defined_acronym(abstract, title, stop)
    names: list[str] = []  # the abstract's model names, found when first needed (a name in the title)

    def abstract_names() -> list[str]:
        if not names:
            names.extend(x.text for x in finder.models(abstract, finder.benchmarks(abstract) + finder.metrics(abstract)))
        return names

    yield "title token", next((x.text for x in finder.models(title, []) if x.text in abstract_names()), None)
    yield "title connective", _title_connective(title, abstract)
    yield "whole title", _title_as_name(title, abstract)
    counts: dict[str, int] = {}
    for name in abstract_names():
        counts[name] = counts.get(name, 0) + 1
    best = max(counts.items(), key=lambda kv: kv[1], default=(None, 0))
    yield "repeated name", best[0] if best[1] >= 2 else None


PLURAL_ACRONYM = regex.compile(r"^[A-Z]{2,}s$")


def _recurs(name: str, abstract: str) -> bool:
    """Whether a capitalized name of four letters or more stands on its own three times in the abstract."""
    return len(name) >= 4 and name[:1].isupper() and name.lower() not in _ORDINARY \
        and abstract.count(name) >= 3 and len(
            regex.findall(rf"(?<![\w-]){regex.escape(name)}(?![\w-])", abstract)) >= 3


def _may_match(pattern: regex.Pattern, abstract: str) -> bool:
    """A quick test, false only when an introducing pattern cannot match: it skips the scans that
    cost most where a method is named late or not at all."""
    if pattern is _INTRODUCED:
        return any(word in abstract for word in _INTRODUCING_WORDS)
    if pattern is _IS_A_NEW:
        return _IS_A_NEW_HINT.search(abstract) is not None
    return True


# "called X", "named X", "dubbed X": the abstract names its method.
# One of these starts every match of _INTRODUCED.
_INTRODUCING_WORDS = ("called", "named", "dubbed", "termed", "coined", "referred", "proposed as", "introduced as",
                      "presented as")
_INTRODUCED = regex.compile(r"""(?:called|named(?!\s+entit)|dubbed|termed|coined|referred\s+to\s+as|(?:is|are)\s+(?:proposed|introduced|
    presented)\s+as)\s+(?:as\s+)?["“'‘]?
    (?:(?:[A-Z][\w-]*\s){0,4}\((?P<name>[A-Z][\w+-]*)\)                # "referred to as Lévy-Itō Model (LIM)"
     |(?P<name>[A-Za-z][\w+-]*(?:[-/.][\w]+)*))""", regex.VERBOSE)


# "we propose X", "we present X", "this paper introduces X".
_PROPOSED = regex.compile(r"""(?:\b(?i:we|this\s+paper|this\s+work)\s+(?i:propose|present|introduce|develop|design|
    build|release)s?|\b(?i:by\s+)(?i:proposing|presenting|introducing|developing|designing))\s+
    (?i:a\s+|an\s+|the\s+)?(?i:new\s+|novel\s+)?
    (?:(?P<name>(?:[A-Z][\w+-]*\s){1,3}[A-Z][\w+-]*)(?=\s?[,(]|\s(?:that|which)\b)  # "Dataset Reinforcement, a ..."
      |(?P<name>[A-Za-z][\w+-]*(?:[-/.][\w]+)*))""", regex.VERBOSE)


# A title names its method before "by" or "for" ("Efficient Architecture Search by Network
# Transformation"), or after "via", "with", "using" ("Transfer Learning with Diff Pruning").
_TITLE_HEAD = regex.compile(r"^(?P<phrase>(?:[A-Z][\w-]*\s){1,3}[A-Z][\w-]*)\s(?:by|for|in)\s")


_TITLE_TAIL = regex.compile(r"\s(?:via|with|using|through)\s(?P<phrase>(?:[A-Z][\w-]*\s){0,3}[A-Z][\w-]*)$")


def _in_title(name: str, title: str) -> str | None:
    """The name as the title writes it, when the title holds it as a whole hyphenated or capitalised word."""
    if "-" not in name and not name[:1].isupper():
        return None
    m = regex.search(rf"(?<![\w-]){regex.escape(name)}(?![\w-])", title, regex.I)
    return m.group() if m and m.group()[:1].isupper() else None


def _echoed(phrase: str, abstract: str) -> bool:
    """Whether the abstract uses every word of a title phrase (by its first five letters)."""
    stems = {w.lower()[:5] for w in _WORD.findall(abstract)}
    return all(w.lower()[:5] in stems for w in _WORD.findall(phrase))


def _title_as_name(title: str, abstract: str) -> str | None:
    """A short Title-Case title that is itself a noun phrase the abstract echoes
    ("Symbol-Shift Equivariant Neural Networks")."""
    words = title.split()
    if not 2 <= len(words) <= 5 or ":" in title or not all(w[:1].isupper() for w in words):
        return None
    first = words[0].lower()
    if first.endswith("ing") or first in _FUNCTION_WORDS or _ordinary(first) or not _echoed(title, abstract):
        return None
    return title


def _title_connective(title: str, abstract: str) -> str | None:
    """The method a title names around its connective, when the abstract repeats it."""
    for pattern in (_TITLE_TAIL, _TITLE_HEAD):
        m = pattern.search(title)
        head = m.group("phrase").split()[0].lower() if m else ""
        tail = m.group("phrase").split()[-1].lower() if m else ""
        if m and not head.endswith("ing") and head not in _FUNCTION_WORDS and tail not in _CONDITIONS \
                and _echoed(m.group("phrase"), abstract):
            return m.group("phrase")
    return None


# "We call our method X", "we call it X".
_WE_CALL = regex.compile(r"""\b(?i:we\s+call)\s+(?:it|this|them|(?:our|the|this)\s+(?:\w+\s+){0,2}?
    (?:model|method|approach|framework|network|system|agent|architecture|algorithm|technique)s?)\s+["“']?
    (?P<name>(?:[A-Z][\w+-]*\s){0,3}[A-Za-z][\w+-]*(?:[-/.][\w]+)*)""", regex.VERBOSE)
# "Our model, X, achieves ...": the method named in apposition to "our model".
_OUR_NAMED = regex.compile(r"""\b(?i:our)\s+(?:\w+\s+){0,2}?(?i:model|method|approach|framework|network|system|
    agent|architecture|algorithm)s?,?\s+(?P<name>[A-Z][\w+-]*(?:[-/.][\w]+)*)\s?(?:,|\(|\s(?:achieves|reaches|obtains))""",
                        regex.VERBOSE)
# "training a compute-optimal model, Chinchilla, that ...": a model named in apposition.
_MODEL_NAMED = regex.compile(r"""\b(?i:model|method|approach|framework|network|system|agent|architecture|algorithm),\s
    (?P<name>[A-Z][\w+-]*(?:[-/.][\w]+)*),\s(?i:that|which|a|an|the)\b""", regex.VERBOSE)
# "under a new Omni-SR architecture": a name between "new" and what it is.
_NEW_NAMED = regex.compile(r"""\b(?i:a|an|the|our)\s+(?i:new|novel)\s+(?P<name>[A-Za-z][\w+-]*(?:[-/.][\w]+)*)\s+
    (?i:architecture|network|model|framework|method|approach|algorithm|system|agent|detector|backbone)s?\b""", regex.VERBOSE)
# "X is a novel architecture ...": a sentence that opens by naming the method.
_NEW_THING = r"is\s+an?\s+(?:new|novel|simple|general|unified|scalable|lightweight|efficient|powerful|flexible)\b"
_IS_A_NEW = regex.compile(r"""(?:^|[.!?]\s+)(?P<name>[A-Z][\w+-]*(?:[-/.][\w]+)*)(?:\s\([^()]{1,40}\))?\s+"""
                          + _NEW_THING)
_IS_A_NEW_HINT = regex.compile(_NEW_THING)  # what every match of _IS_A_NEW ends with, found much faster alone
# "we propose an online algorithm, SwAV, that ...": the method in apposition.
_APPOSITIVE = regex.compile(r"""\b(?:propose|present|introduce|develop|design|discover|derive|build|construct)s?\s[^.,;]{0,60}?,\s
    (?:namely\s+|called\s+)?(?P<name>[A-Za-z][\w+-]*(?:[-/.][\w]+)*)\s?(?:,|\()""", regex.VERBOSE | regex.I)


# "we introduce DrawBench, a comprehensive benchmark": a name for data, not for the method.
_NAMES_DATA = regex.compile(r"""\s?(?:\([^()]{1,40}\)\s?)?,?\s(?:(?i:a|an|the)\s)?(?:[\w-]+\s){0,4}?
    (?i:benchmarks?|datasets?|corpus|corpora|suite|testbed|leaderboard)\b""", regex.VERBOSE)
_ACRONYM_AFTER = regex.compile(r"\s?\((?P<name>[A-Z][\w+-]{1,12})\)")


_ACRONYM = regex.compile(r"(?P<phrase>(?:[\w-]+\s+){1,7}?)\((?P<name>[A-Z][A-Za-z0-9-]{1,12})\)")
# A bracketed acronym, and (searching backwards) a character no phrase of _ACRONYM can cross.
_BRACKETED = regex.compile(r"\([A-Z][A-Za-z0-9-]{1,12}\)")
_PHRASE_BREAK = regex.compile(r"(?r)[^\w\s-]")


def _acronyms(abstract: str) -> Iterator[regex.Match]:
    """The matches of `_ACRONYM.finditer(abstract)`, with the pattern tried only from where the run
    of words before each bracketed acronym starts: tried at every position of the abstract, it
    took most of the time spent naming methods."""
    pos = 0
    for bracket in _BRACKETED.finditer(abstract):
        gap = _PHRASE_BREAK.search(abstract, pos, bracket.start())
        m = _ACRONYM.search(abstract, gap.end() if gap else pos, bracket.end())
        if m:
            yield m
            pos = m.end()


# An acronym for a task, a field or a statistic names no method.
_FIELD_TAIL = regex.compile(r"\b(?:recognition|resolution|detection|segmentation|classification|translation|generation|"
                            r"estimation|average|learning|processing|answering|retrieval|understanding|synthesis)$", regex.I)


def _defined_acronym(abstract: str, title: str, stop: set[str]) -> str | None:
    """An acronym the abstract defines for the words before it ("... architecture search (NEAS)"),
    the one whose phrase shares most with the title, or is defined where something is proposed."""
    found = []
    if not _ACRONYM_AFTER.search(abstract):  # no "(ABC)" at all: nothing to scan for
        return None
    for m in _acronyms(abstract):
        name = m.group("name")
        if name in stop or PLURAL_ACRONYM.match(name):
            continue
        phrase = _expansion(m.group("phrase").split(), [c.lower() for c in name if c.isupper()])
        if phrase and not _FIELD_TAIL.search(phrase):  # "named entity recognition (NER)" is a task, not a method
            found.append((m.start("name"), name, phrase))
    if not found:
        return None
    stems = {w.lower()[:4] for w in _WORD.findall(title) if len(w) > 3}

    def score(item):
        start, name, phrase = item
        overlap = len(stems & {w.lower()[:4] for w in _WORD.findall(phrase) if len(w) > 3})
        sentence = abstract[max(0, abstract.rfind(".", 0, start)):start]
        proposes = bool(_PROPOSES.search(sentence))
        return 2 * overlap + proposes

    best = max(found, key=score)
    return best[1] if score(best) >= 2 or (score(best) == 1 and len(found) == 1) else None


_WORD = regex.compile(r"\w+")
_PROPOSES = regex.compile(r"\b(?:propose|present|introduce|develop|design|call|name|term|dub)", regex.I)
# Inner capitals, a digit, or an acronym: the shape of a model name.
_NAME_SHAPE = regex.compile(r"^.+[A-Z]|\d|^[A-Z]{2,}")

_FUNCTION_WORDS = {"a", "an", "the", "of", "for", "and", "with", "to", "in", "on", "via", "by"}


def _subsequence(needle: list[str], hay: list[str]) -> bool:
    it = iter(hay)
    return all(c in it for c in needle)


def _expansion(words: list[str], letters: list[str]) -> str | None:
    """The shortest run of trailing words whose initials spell the acronym's capitals."""
    if len(letters) < 2:
        return None
    for k in range(1, len(words) + 1):
        run = words[-k:]
        initials = [part[0].lower() for w in run if w.lower() not in _FUNCTION_WORDS
                    for part in w.split("-") if part]
        if initials and initials[0] == letters[0] and len(initials) <= len(letters) + 2 \
                and _subsequence(letters, initials) and run[0].lower() not in _FUNCTION_WORDS:
            return " ".join(run)
    return None


# A title phrase ending in these names a condition, not a method ("... with Limited Data").
_CONDITIONS = {"data", "labels", "supervision", "examples", "samples", "noise", "budget", "budgets", "resources",
               "memory", "understanding", "guarantees", "constraints", "shift", "shifts"}


_ORDINARY = {"a", "an", "the", "on", "in", "towards", "toward", "learning", "scaling", "improving",
             "rethinking", "revisiting", "understanding", "exploring", "beyond", "when", "how", "what",
             "why", "do", "does", "is", "are", "can", "re-labeling", "re-assessing", "effective", "efficient",
             "lets", "let's", "go", "big", "two", "one", "unsupervised", "self-supervised"}


def _ordinary(word: str) -> bool:
    return word.lower() in _ORDINARY


def name_like(word: str) -> bool:
    """A model-like token: inner capitals or digits ("TinyViT", "m2mKD", "EEEA-Net", "BASIC")."""
    core = word.strip("\"'“”()[],.")
    return bool(_NAME_SHAPE.search(core)) and not _ordinary(core)
