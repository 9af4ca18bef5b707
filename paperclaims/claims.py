"""The grammar: from an abstract's sentences and their mentions to Claim rows.

Each sentence is read as numbers linked into groups (ranges and lists), and each group is classed
by the words around it: a multiplier or a cost is a ratio ("1.2x faster", "27.7% of the data"), a
counted quantity is a resource ("21M parameters"), a percentage or score next to a change word is
a delta ("+1.3%", "improves by 1.7%"), and one next to a metric is a result ("84.8% top-1").
Benchmarks, metrics and models come from the sentence, else from earlier sentences, else from the
title: "our model" is the paper's own method. The rules that attribute a number (its benchmark,
model, baseline and setting) are in attribution.py.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from typing import Callable, Iterator

import regex

from .attribution import Attribution, _sentence_settings
from .cues import _ADJACENT_BEFORE, _CLAUSE_BREAK, _FROM_TO, _RANGE, _clause_before, _strip_mentions
from .lexicon import Lexicon, default_lexicon, surface_pattern
from .mentions import NUMBER_WORDS, Mention, Number, find_names, find_numbers, finder_for, may_hold_number_word
from .model import Claim
from .naming import method_name, name_like
from .text import repair, sentences

# Between two numbers of one group: a range ("11% to 14%", "1.7x - 2.7x") or a list
# ("0.7% and 1.5%", "75.15%|82.03%", "gFID 2.74 vs. 3.04", "5.6%, 4.5%, 3.0% and 3.5%").
_LINK = regex.compile(r"""^\s*(?:\([^()]{1,30}\)\s*)?(?:     # an aside may come first: "12.21 (5 NFE), 2.51"
        -|–|—|to|~|and|or|,|,\s*and|,\s*or|/|\||vs\.?|versus|against|and\s+from
    )\s*$""", regex.VERBOSE | regex.IGNORECASE)
_DIGITS = regex.compile(r"\d+(?:\.(\d+))?")
_SIZE = regex.compile(r"\d\s?[x×]\s?$")          # the second side of "224x224"
_SIZE_NEXT = regex.compile(r"\s?[x×]\s?\d")       # the first side of "224x224"
_YEAR = regex.compile(r"^(?:19|20)\d\d$")
_OF = regex.compile(r"^\s*of\s+(?:the\s+|all\s+|its\s+|their\s+|a\s+)?", regex.IGNORECASE)
_ADJACENT_AFTER = regex.compile(r"""^[\s(]*(?:
        (?:absolute|relative|average|mean|overall|higher|better|lower|improved|improvement|gain|
           gains|drop|increase|in|on|the|test|val\.?|validation|zero-shot|linear|top-1|
           fine-tuning|finetuning|ImageNet|(?!(?:and|or|but|while|with|than)\b)[\w-]+)\s*){0,3}$""",
    regex.VERBOSE | regex.IGNORECASE)
# A text with none of these holds no number, in digits or in words: no claim to look for.
_MAY_HOLD_NUMBER = regex.compile(rf"\d|(?i:{'|'.join(NUMBER_WORDS)})")


def _may_hold_number(text: str) -> bool:
    """Whether a text may hold a number, in digits or in words (`_MAY_HOLD_NUMBER`).

    On ASCII text, nearly all of it, substring tests give the same answer several times faster
    than the pattern.
    """
    for digit in "0123456789":  # a plain loop: `any` over a generator costs more than the tests
        if digit in text:
            return True
    return may_hold_number_word(text) if text.isascii() else _MAY_HOLD_NUMBER.search(text) is not None


# "solves 50% of the tasks", "correct for 88% of the cases": a success rate
_TASKS = regex.compile(r"(?:[\w-]+\s+){0,2}(?:tasks|problems|questions|instances|cases|queries|episodes|games|"
                       r"environments|levels|puzzles|test\s+cases)\b", regex.I)
_SUCCESS_VERB = regex.compile(r"\b(?:solv|complet|succeed|pass|answer|win|correct|resolv)\w*", regex.I)
_RANGING = regex.compile(r"\branging\s+from\s*$", regex.I)  # "improvements ranging from 5% to 37%"
# A share that is used, needed, kept or cut is a ratio even of an unnamed resource.
_SHARE_USED = regex.compile(r"\b(?:only|just|up\s+to|as\s+little\s+as|less\s+than|fewer\s+than|at\s+most|"
                            r"us(?:e|es|ing)|requir\w*|need\w*|prun\w*|sav\w*|retain\w*|keep\w*|visit\w*|"
                            r"consum\w*|reduc\w*|remov\w*|discard\w*)\b[^.;]*$", regex.I)
_WITH_ONLY = regex.compile(r"\b(?:with|using|on)\s+(?:only|just)\s+$", regex.I)
_CLAUSE_END = regex.compile(r"^\s*(?:[,.;:)]|$|and\b|of\s+(?:the\s+)?(?:labels?|labeled|data|training))", regex.I)
# "5.5% more accurate": a change in quality, whatever cost words follow.
_SCORE_COMPARATIVE = regex.compile(r"^\s*(?:more|less)\s+(?:accurate|precise|robust|reliable)\b", regex.I)
# A verb of change: a cost named before "by N%" is what it changes ("reduces FLOPs by 30%").
_CHANGE_VERB = regex.compile(r"\b(?:reduc|cut|sav|lower|decreas|increas|shrink|compress|speed|accelerat|boost|"
                             r"improv|rais|halv|trim|prun)\w*", regex.I)
# The verbs that state a result ("achieves", "reached", "scores").
_RESULT_STEMS = r"(?:achiev|attain|reach|obtain|scor|yield|record|deliver)\w*"
# A result verb right before a number: "achieves 45.3", "reaches an impressive 88%".
_VERB_RIGHT_BEFORE = regex.compile(rf"""\b{_RESULT_STEMS}\s+
    (?:an?\s+|the\s+)?(?:(?:average|overall|mean|new|state-of-the-art|record|top|best|high|competitive|impressive|
    strong|remarkable|notable)\s+){{0,2}}(?:of\s+)?(?:up\s+to\s+|over\s+|around\s+|about\s+)?$""", regex.VERBOSE | regex.I)
# A result verb between two numbers starts a new claim: "by 4.0% achieving 43.1% mAP".
_ACHIEVES = regex.compile(rf"\b{_RESULT_STEMS}", regex.I)
_LIST_GAP = regex.compile(r"\s*(?:,|and|or|&|/|\||,\s*and|,\s*or)\s*(?:the\s+)?")
# A share of what a reference model scores, kept by a cheaper one: "recovering 98% of the original rewards".
_REFERENCE_SHARE = regex.compile(r"(?:the\s+)?(?:original|full|full-precision|uncompressed|unpruned|dense|teacher(?:['’]s)?|"
                                 r"baseline(?:['’]s)?|reference|upper[\s-]bound|oracle(?:['’]s)?)\b", regex.I)
_RETAINS = regex.compile(r"\b(?:recover|retain|preserv|maintain|keep|match|achiev|attain|reach|obtain|restor)\w*", regex.I)
# "exceeding the previous SOTA 0.38 dB": the margin by which a named result is beaten
_BEATEN_BY = regex.compile(r"\b(?:exceed|surpass|outperform|beat)\w*\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,3}$", regex.I)
# "FVD on UCF-101 from 332", "mIoU on ADE20K of 50.1": a metric, its benchmark, then the number
_ON_NAMED = regex.compile(r"\s*(?:on|for|in)\s+(?:the\s+)?\0\s*(?:from|of|is|was|=|:|reaches|reached)?\s*", regex.I)
_PERFORMANCE_OF_END = regex.compile(r"\b(?:performance|results?|scores?|systems?|models?|baselines?)\s+of\s+"
                                   r"(?:only\s+|just\s+|about\s+)?$", regex.I)  # "the best published system of 2.0%"
# A bare number hyphenated onto a word is a modifier, not a score: "the 64-byte baseline", "8-bit".
_COMPOUND_AFTER = regex.compile(r"-(?!fold\b|times\b|point|pp\b)[A-Za-z]")
_SPARSITY_AFTER = regex.compile(r"^\s*(?:weight\s+|parameter\s+|unstructured\s+|structured\s+)?(?:sparsity|sparse\b|pruning\s+(?:ratio|rate))", regex.I)
_BY_LIST_GAP = regex.compile(r"\s*(?:in|on|for)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s*(?:,|and|,\s*and)\s*", regex.I)
_BARE_CHANGE = regex.compile(r"^\s*(?:higher|lower|better|worse|above|below)\s+than\b", regex.I)
_TO_VALUE = regex.compile(r"(?<!\bup\s)\bto\s*$", regex.I)
_PERFORMANCE_SHARE = regex.compile(r"^\s*the\s+(?:performance|accuracy)\s+of\b", regex.I)  # "96.8% the performance of"
_MATCHES_WITH = regex.compile(r"\b(?:match|matches|matching|rivals?|equals?)\b", regex.I)
# A count in an aside after a score: "(5 NFE)", "(10 steps)" is a setting, not a claim.
_ASIDE = regex.compile(r"\(\d+\s(?P<what>[A-Z]{2,6}s?|[a-z]+(?:\s[a-z]+)?)\)")
# A metric-like token right after a number: "mCov", "bAcc", "NDCG" ("66.8% mCov").
_UNKNOWN_METRIC = regex.compile(r"^\s?(?P<token>[a-z]{1,2}[A-Z][A-Za-z]*|[A-Z]{2,6})(?![\w-])")
# A bare number followed by a noun counts things ("35 neural function evaluations"); it is no score.
_COUNTED = regex.compile(r"^\s(?!(?:and|or|on|in|for|to|vs|versus|while|with|at|by|from|compared|respectively)\b)[a-z]")
_RESULT_VERB = regex.compile(r"\b(?:achiev|attain|reach|obtain|score|get|gets|got|yield|record|deliver|report|"
                          r"improv|outperform|surpass|boost|increas|reduc|match|exceed)\w*", regex.I)
_SEARCHES = regex.compile(r"\barchitecture\s+search|\bNAS\b|\bsearch\s+(?:cost|time)", regex.IGNORECASE)
# Training data, not an evaluation benchmark: "pretrained on ImageNet-21k".
_TRAINED_ON = regex.compile(r"\b(?:pre-?trained|pre-?training|distilled|fine-?tuned\s+from)\s+(?:only\s+)?on\s+(?:the\s+)?$", regex.I)
# A delta noun earlier in the clause: "improvements in IID accuracy on Tiny-ImageNet (up to 5.6%)".
_DELTA_NOUN = regex.compile(r"\b(?:improvements?|gains?|boosts?)\b(?![^;]*\b(?:achiev|attain|reach|obtain|set)\w*)[^;]*$", regex.I)
_MEDIA_AFTER = regex.compile(r"^\s*(?:long\s+)?(?:of\s+)?(?:audio|music|clips?|videos?|speech|segments?|recordings?|"
                          r"snippets?|excerpts?|windows?|songs?|utterances?)\b", regex.I)
# Hours of data, not time spent: "960h fine-tuning subsets", "117,000 hours cover 96 languages".
_DATA_AFTER = regex.compile(r"^\s*(?:(?:fine-?tuning|labell?ed|unlabell?ed|transcribed|training|pre-?training)\s+)?"
                         r"(?:subsets?|splits?|data|audio|speech|labels?|cover|covers|are|is|were|was|tasks?|sets?|"
                         r"benchmarks?|corpus|corpora|datasets?)\b|^\s*(?:of\s+)?(?:un)?labell?ed\b", regex.I)
# "limited textual resources (10 minutes, 1 hour, 10 hours)": amounts of data listed in brackets
_DATA_BEFORE = regex.compile(r"\b(?:data|resources|labels|supervision|sets?|subsets?|splits?)\s*\(\s*(?:[\w. ]{1,20},\s*)*$", regex.I)
_MORE_TIMES = regex.compile(r"^(?:\s*,?\s*(?:and\s+|or\s+)?\d+(?:\.\d+)?\s?(?:min|minutes?|h|hrs?|hours?|s|seconds?|days?)\b)+")
# "scale up the training dataset from 60k hours to 94k hours": the size of the data, not time spent
_DATA_SCALED = regex.compile(r"\b(?:data|dataset|datasets|corpus|corpora|audio|speech)\s+(?:size\s+)?(?:from|to|of)\s*$", regex.I)
_OF_THESE = regex.compile(r"\bof\s+(?:these|those|the|which)\s*$", regex.I)
_HARDWARE_AFTER = regex.compile(r"^[\s-]*(?:of\s+)?(?:GPU|GPUs|TPU|TPUs|V100|A100|H100|RTX|memory\s+GPUs?|cards?)\b", regex.I)


class _Carried:
    """A value earlier sentences leave in force: the one the last sentence naming it gave, else a default.

    A sentence with no number is only noted as it passes (`pass_over`), and read when a later
    number asks for the value, last first, up to the first that names one: the same value as
    reading every sentence in order, and most sentences are never read at all.
    """

    def __init__(self, read: Callable[[str], str | None], default: Callable[[], str | None]):
        self._read = read  # what one sentence names, or None
        self._default = default  # the value before any sentence names one (the title's)
        self._value: str | None = None
        self._named = False  # whether `_value` is settled: named by a sentence, or the default
        self._unread: list[str] = []

    def pass_over(self, text: str) -> None:
        self._unread.append(text)

    def set(self, value: str | None) -> None:
        """What a sentence read in full names; None leaves the earlier sentences' value in force."""
        if value is not None:
            self._value, self._named, self._unread = value, True, []

    @property
    def value(self) -> str | None:
        while self._unread:
            self.set(self._read(self._unread.pop()))
        if not self._named:
            self._value, self._named = self._default(), True
        return self._value


class _Context:
    """What the title and earlier sentences establish: the benchmark and metric in force, the paper's method.

    Each is worked out on first use: most abstracts never need their method named or the title read.
    """

    def __init__(self, grammar: "_Grammar", title: str | None, text: str, trace: list | None = None):
        self.grammar = grammar
        self.title = title
        self.text = text  # the repaired abstract
        self.trace = trace  # Steps, when the caller asked why (see `explain_claims`)
        self.benchmarks = _Carried(grammar.carried_benchmark, self._title_benchmark)
        self.metrics = _Carried(grammar.carried_metric, lambda: None)

    @property
    def benchmark(self) -> str | None:
        return self.benchmarks.value

    @property
    def metric(self) -> str | None:
        return self.metrics.value

    @cached_property
    def clean_title(self) -> str:
        return repair(self.title).text.strip() if self.title else ""

    @cached_property
    def method(self) -> str | None:
        """The paper's own method."""
        return self.grammar.method_name(self.clean_title, self.text)

    @cached_property
    def searches(self) -> bool:
        """Whether the paper searches architectures: its GPU-days are search cost."""
        return bool(_SEARCHES.search(f"{self.title or ''} {self.text}"))

    def pass_over(self, text: str) -> None:
        """A sentence with no number: only what it carries matters, if a later number asks."""
        self.benchmarks.pass_over(text)
        self.metrics.pass_over(text)

    def _title_benchmark(self) -> str | None:
        found = self.grammar.finder.benchmarks(self.clean_title) if self.clean_title else []
        return found[0].id if found else None


@dataclass(frozen=True)
class Step:
    """One decision the grammar took about a number: where it stands, and the rule that decided."""

    start: int  # span of the number (or its group) in the repaired text
    end: int
    text: str
    rule: str


@dataclass(frozen=True)
class Explanation:
    """What `explain_claims` found: the claims, the repaired text, and every step taken."""

    claims: list[Claim]
    repaired: str
    method: str | None
    steps: list[Step]


@dataclass
class _Group:
    """Numbers read together: one number, a range, or a list."""

    numbers: list[Number]
    links: list[str] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.numbers[0].start

    @property
    def end(self) -> int:
        return self.numbers[-1].end

    @property
    def unit(self) -> str | None:
        return next((n.unit for n in reversed(self.numbers) if n.unit), None)


@dataclass
class _Sentence:
    """One sentence's text and mentions, and what follows from them for every number in it.

    What only a claim needs (the models, with the paper's method; "we" and "our model"; the
    conditions the sentence states) is worked out on first use: most numbers are dropped before.
    """

    text: str
    offset: int
    numbers: list[Number]
    benchmarks: list[Mention]
    metrics: list[Mention]
    names: list[Mention]  # model-like names (see Finder.models)
    grammar: "_Grammar" = field(repr=False)
    ctx: _Context = field(repr=False)
    evaluated: list[Mention] = field(init=False)  # benchmarks not named as training data
    scores: list[Mention] = field(init=False)  # metric mentions of scores, not costs

    def __post_init__(self):
        self.evaluated = _evaluated(self.text, self.benchmarks)
        self.scores = [m for m in self.metrics if self.grammar.lexicon.metrics[m.id].kind == "score"]

    @cached_property
    def models(self) -> list[Mention]:
        """The model names, with the paper's method wherever it is named."""
        method = self.ctx.method if self.numbers else None
        if method and not name_like(method):  # "Lion", "selfmem": found by name, not by shape
            return sorted(self.names + [Mention(m.start(), m.end(), method, "model") for m in regex.finditer(
                rf"(?<![\w-]){regex.escape(method)}(?![\w-])", self.text)], key=lambda m: m.start)
        return self.names

    @cached_property
    def selves(self) -> list[Mention]:
        """Where the paper refers to itself: "we", "our model"."""
        return [Mention(x.start(), x.end(), x.group(), "self") for x in self.grammar.self_ref.finditer(self.text)]

    @cached_property
    def settings(self) -> list[str]:
        """Conditions the whole sentence states ("zero-shot")."""
        return _sentence_settings(self.text)


def extract_claims(text: str, title: str | None = None, *, lexicon: Lexicon | None = None,
                   paper_id: str | None = None) -> list[Claim]:
    """Every metric claim in one abstract, in the order it appears. Pure: no I/O."""
    return _extract(text, title, lexicon or default_lexicon(), paper_id, None)[0]


def explain_claims(text: str, title: str | None = None, *, lexicon: Lexicon | None = None) -> Explanation:
    """The claims in a text with every rule that shaped them, and why other numbers were left out."""
    steps: list[Step] = []
    claims, ctx, clean = _extract(text, title, lexicon or default_lexicon(), None, steps)
    return Explanation(claims, clean, ctx.method if ctx else None, steps)


def _extract(text, title, lexicon, paper_id, trace):
    repaired = repair(text)
    clean = repaired.text
    grammar = _grammar_for(lexicon)
    if not _may_hold_number(clean):
        return [], None, clean  # no number, no claim
    ctx = _Context(grammar, title, clean, trace)
    claims: list[Claim] = []
    for start, end in (piece for span in sentences(clean) for piece in _bounded(clean, *span)):
        for claim in grammar.sentence_claims(clean[start:end], start, ctx):
            s, e = repaired.to_original(claim.start, claim.end)
            s, e = _trim(text, s, e)
            claims.append(replace(claim, evidence=text[s:e], start=s, end=e, paper_id=paper_id, paper=title))
    return _dedupe(claims), ctx, clean


# No real sentence is longer; a longer one (a run-on list, a scraped table) is read in clause-sized
# pieces, so the grammar's per-number look-arounds keep extraction linear in the input.
_MAX_SENTENCE = 1500


def _bounded(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """A sentence's span, or consecutive pieces of it cut after "," or ";" (else a space) when too long."""
    while end - start > _MAX_SENTENCE:
        limit = start + _MAX_SENTENCE
        cut = max(text.rfind(", ", start, limit), text.rfind("; ", start, limit))
        if cut <= start:
            cut = text.rfind(" ", start, limit)
        cut = cut + 1 if cut > start else limit
        yield start, cut
        start = cut
    yield start, end


def _evaluated(text: str, benchmarks: list[Mention]) -> list[Mention]:
    """The benchmarks a sentence evaluates on, not the data it trained on ("pretrained on X")."""
    return [b for b in benchmarks if not _TRAINED_ON.search(text[max(0, b.start - 40):b.start])]


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _dedupe(claims: list[Claim]) -> list[Claim]:
    seen, out = set(), []
    for c in claims:
        key = (c.kind, c.value, c.unit, c.benchmark, c.metric, c.model, c.start)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


class _Grammar(Attribution):
    """The claim rules compiled for one lexicon."""

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        self.finder = finder_for(lexicon)
        words = lexicon.words

        def phrases(name: str) -> str:
            alts = sorted(words.get(name, ()), key=len, reverse=True)
            return "|".join(surface_pattern(a) for a in alts) or r"(?!)"

        self.self_ref = regex.compile(rf"(?<![\w-])(?:{phrases('self_reference')})(?![\w-])", regex.I)
        self.comparison_end = regex.compile(rf"(?:{phrases('comparison')})\W*(?:the\s+|a\s+|an\s+)?$", regex.I)
        self.comparison = regex.compile(rf"(?<![\w-])(?:{phrases('comparison')})(?![\w-])", regex.I)
        self.delta_before = regex.compile(
            rf"(?<![\w-])(?:{phrases('delta_before')})(?:\s+(?:up\s+to|about|around|approximately|nearly|"
            rf"almost|over|more\s+than|at\s+least|at\s+most|roughly|only|just|an?|absolute|relative|average|"
            rf"as\s+much\s+as|average\s+of|mean\s+of|"
            rf"impressive|significant|substantial|notable|remarkable|large|solid|consistent))*\s*[(]?[~≈]?$", regex.I)
        # "1.5% higher", "0.52% average performance improvements", "3 BLEU points"
        self.delta_after = regex.compile(
            rf"^[\s()\[\]]*(?:(?:average|overall|absolute|relative|mean|consistent|significant|performance|accuracy)"
            rf"[\s()\[\]]+){{0,2}}"
            rf"(?:{phrases('delta_after')})s?(?![\w-])", regex.I)
        # "**50 times** faster", "{2.5 ×} speedup": markup may close around the number
        self.ratio_after = regex.compile(rf"^[\s}}*_]*(?:{phrases('ratio_after')})(?![\w-])", regex.I)
        self.labels_after = regex.compile(rf"^\s*of\s+(?:the\s+)?(?:[\w-]+\s+)?(?:{phrases('label_nouns')})(?![\w-])", regex.I)
        bounds = sorted(lexicon.bounds, key=len, reverse=True)
        self.bound_before = regex.compile(
            r"(?<![\w-])(?P<b>" + "|".join(surface_pattern(b) for b in bounds) + r")\s*$", regex.I) if bounds else None

    def method_name(self, title: str, abstract: str) -> str | None:
        """The paper's own method (see naming.py), from a repaired title and abstract."""
        return method_name(title, abstract, self.finder)

    # ---- one sentence ----------------------------------------------------------------------

    @staticmethod
    def _why(ctx: _Context, offset: int, span, text: str, rule: str) -> None:
        """Record a decision about a number or group, when a trace was asked for."""
        if ctx.trace is not None:
            ctx.trace.append(Step(offset + span.start, offset + span.end, text[span.start:span.end], rule))

    def _drop(self, ctx: _Context, sent: "_Sentence", group: "_Group", rule: str) -> list:
        self._why(ctx, sent.offset, group, sent.text, "dropped: " + rule)
        return []

    def sentence_claims(self, text: str, offset: int, ctx: _Context) -> list[Claim]:
        numbers = find_numbers(text, self.lexicon) if _may_hold_number(text) else []
        if not numbers:  # no number: only what later sentences inherit
            ctx.pass_over(text)
            return []
        benchmarks, metrics, models = find_names(text, self.lexicon)
        taken = [(b.start, b.end) for b in benchmarks] + [(m.start, m.end) for m in models] \
            + [(m.start, m.end) for m in metrics if text[m.start - 1:m.start] == "/"]  # the "2" of "ROUGE-1/2/L"
        kept = []
        for n in numbers:
            if any(s <= n.start < e for s, e in taken):
                self._why(ctx, offset, n, text, "dropped: part of a benchmark or model name")
            elif n.unit is None and _COMPOUND_AFTER.match(text, n.end):
                self._why(ctx, offset, n, text, "dropped: part of a compound modifier ('64-byte', '8-bit')")
            elif self._is_size(text, n):
                self._why(ctx, offset, n, text, "dropped: an image or kernel size (224x224)")
            elif (aside := _ASIDE.match(text, max(0, n.start - 1))) and not self.lexicon.metric(aside.group("what")):
                self._why(ctx, offset, n, text, "dropped: a count in an aside, a setting ('(5 NFE)')")
            else:
                kept.append(n)
        numbers = kept
        models = [m for m in models if not any(n.start <= m.start < n.end for n in numbers)]
        metrics = [m for m in metrics if not any(n.start <= m.start < n.end for n in numbers)]  # "three times"
        sent = _Sentence(text, offset, numbers, benchmarks, metrics, models, self, ctx)
        groups = self._groups(sent)
        claims: list[Claim] = []
        previous = None
        for i, group in enumerate(groups):
            before_start = groups[i - 1].end if i else 0
            after_end = groups[i + 1].start if i + 1 < len(groups) else len(text)
            # the next group, and where its own words end: a cue after it may cover this one too
            upcoming = (groups[i + 1], groups[i + 2].start if i + 2 < len(groups) else len(text)) \
                if i + 1 < len(groups) else None
            made, metric = self._group_claims(sent, group, before_start, after_end, ctx, previous, upcoming)
            claims.extend(made)
            previous = (group, metric, made[0].kind if made else None)
        ctx.benchmarks.set(sent.evaluated[-1].id if sent.evaluated else None)
        ctx.metrics.set(self._last_score(metrics))
        return claims

    def carried_benchmark(self, text: str) -> str | None:
        """The benchmark a sentence leaves in force for the sentences after it: the last it evaluates on."""
        evaluated = _evaluated(text, self.finder.benchmarks(text))
        return evaluated[-1].id if evaluated else None

    def carried_metric(self, text: str) -> str | None:
        """The score metric a sentence leaves in force for the sentences after it: the last it names."""
        return self._last_score(self.finder.metrics(text))

    def _last_score(self, metrics: list[Mention]) -> str | None:
        scores = [m for m in metrics if self.lexicon.metrics[m.id].kind == "score"]
        return scores[-1].id if scores else None

    @staticmethod
    def _is_size(text: str, n: Number) -> bool:
        """Image or kernel sizes ("224x224", "3 × 3") are never claims."""
        return n.unit is None and (bool(_SIZE_NEXT.match(text, n.end)) or bool(_SIZE.search(text[max(0, n.start - 6):n.start])))

    def _groups(self, sent: _Sentence) -> list[_Group]:
        groups: list[_Group] = []
        for n in sent.numbers:
            if groups:
                last = groups[-1].numbers[-1]
                between = sent.text[last.end:n.start]
                if _LINK.match(between) and not _own_metrics(sent, last, n) and (_compatible(last, n) or (
                        _RANGE.match(between) or between.strip() == "/" or _listed_with_unit(sent, last, n))
                        and last.unit is None and not _YEAR.match(f"{last.value:g}")):
                    groups[-1].numbers.append(n)
                    groups[-1].links.append(between.strip())
                    continue
            groups.append(_Group([n]))
        for g in groups:
            _share_unit(g)
        return groups

    # ---- classing a group ------------------------------------------------------------------

    def _group_claims(self, sent: _Sentence, group: _Group, before_start: int, after_end: int,
                      ctx: _Context, previous, upcoming=None) -> tuple[list[Claim], str | None]:
        text = sent.text
        before = text[before_start:group.start]
        after = text[group.end:after_end]
        unit = group.unit
        quantity = next((n.quantity for n in reversed(group.numbers) if n.quantity), None)
        if quantity is None and all(n.scaled for n in group.numbers):
            quantity = self._implied_quantity(before, after, text[group.start:group.end])
        if quantity is not None:
            self._why(ctx, sent.offset, group, text, f"counted in {quantity.unit}: a cost")
            return self._quantity_claims(sent, group, quantity, before, after, ctx), None
        if unit == "x":
            self._why(ctx, sent.offset, group, text, "a multiplier: a ratio if a cost or a comparison follows")
            return self._ratio_claims(sent, group, before, after, ctx), None
        if unit is None and any(n.scaled for n in group.numbers):
            return self._drop(ctx, sent, group, "a scaled number with nothing counted after it"), None
        if unit == "%" and _WITH_ONLY.search(before[-25:]) and _CLAUSE_END.match(after) \
                and not _MATCHES_WITH.search(_clause_before(text, group.start)):  # "match SoTA with only 3% of the data"
            return self._drop(ctx, sent, group, "'with only N%' is a setting (a share of labels or data)"), None
        if unit == "%" and self.labels_after.match(after):
            return self._drop(ctx, sent, group, "a share of the labels is a setting ('1% of the labels')"), None
        if unit == "%" and _PERFORMANCE_SHARE.match(after) and _RETAINS.search(_clause_before(text, group.start)):
            self._why(ctx, sent.offset, group, text, "'N% the performance of': a share of a score kept")
            return self._emit(sent, group, "ratio", ctx.metric or "accuracy", ctx, before, after), None
        if unit == "%" and _OF.match(after) and not regex.search(r"\bwithin\s*$", before, regex.I):
            made = self._share_claims(sent, group, after, ctx)  # but "within 5% of" is a gap
            if made is not None:
                self._why(ctx, sent.offset, group, text, "'N% of the <cost or score>': a share")
                return made, None
            if _SHARE_USED.search(_clause_before(sent.text, group.start)[-60:]):
                self._why(ctx, sent.offset, group, text, "'only N% of <something>': a share of a resource")
                return self._emit(sent, group, "ratio", None, ctx, before, after), None
            return self._drop(ctx, sent, group, "a share of something that is not a metric ('20% of the neurons')"), None
        rate = next((m for m in sent.metrics if m.id == "fps" and 0 <= m.start - group.end <= 1), None)
        if unit is None and rate is not None and len(group.numbers) == 1:
            self._why(ctx, sent.offset, group, text, "a rate in frames per second: a cost")
            return self._emit(sent, group, "resource", "fps", ctx, before, after, metric_mention=rate), None
        if unit == "%" and _SPARSITY_AFTER.match(after):  # "68.2% top-1 at 86.6% sparsity": weights removed
            self._why(ctx, sent.offset, group, text, "a sparsity: a share of the parameters saved")
            return self._emit(sent, group, "ratio", "params", ctx, before, after), None
        if unit == "%" and not _SCORE_COMPARATIVE.match(after):
            cost = self._cost_metric(sent, group, before, after)
            if cost is not None:
                self._why(ctx, sent.offset, group, text, f"a percentage of a cost ({cost}): a ratio")
                return self._emit(sent, group, "ratio", cost, ctx, before, after), None
        return self._score_claims(sent, group, before, after, ctx, previous, upcoming)

    def _implied_quantity(self, before: str, after: str, own: str = ""):
        """"a 3B model", "parameter sizes ranging from 14 million": the counted thing named nearby."""
        params = self.lexicon.quantities.get("params")
        if params is None:
            return None
        if regex.match(r"^[\s-]*(?:[A-Z][\w.-]*\s+)?(?:param(?:eter)?s?\b|models?\b|LLMs?\b|language\s+models?\b|"
                       r"networks?\b|transformers?\b|variants?\b|checkpoints?\b|backbones?\b)", after):
            return params
        if regex.search(r"\b(?:parameters?|params|model\s+sizes?|weights)\b[^.;]{0,40}$", before, regex.I):
            return params
        if regex.search(r"[A-Z][\w.+-]*\s?\(\s*$", before) and regex.match(r"\s*\)", after) and own[-1:] in ("B", "M"):
            return params  # "Gopher (280B)": a model's size in brackets after its name (not "Three Towers (3T)")
        return None

    def _quantity_claims(self, sent, group, quantity, before, after, ctx) -> list[Claim]:
        of = _OF.match(after)
        if of and quantity.unit not in ("params", "flops"):
            named = self.lexicon.metric(after[of.end():].split(" ")[0].strip(",.;"))
            if named is None or named.kind != "cost":
                return self._drop(ctx, sent, group, "a dataset statistic ('1000 hours of speech')")
            quantity = replace(quantity, metric=named.id)
        if quantity.metric in ("data", "tokens"):
            return self._drop(ctx, sent, group, "a dataset statistic ('6.6B image-text pairs')")
        if quantity.unit in ("s", "minutes", "hours", "days", "ms") and "-" in sent.text[group.start:group.end]:
            return self._drop(ctx, sent, group, "a description ('a 30-second clip'), not a cost")
        if quantity.unit in ("s", "minutes", "hours", "ms") and _MEDIA_AFTER.match(after):
            return self._drop(ctx, sent, group, "the length of a clip ('10s music'), not a cost")
        if quantity.unit in ("s", "minutes", "hours", "days") and (
                _DATA_AFTER.match(_MORE_TIMES.sub("", sent.text[group.end:])) or _OF_THESE.search(before)
                or _DATA_BEFORE.search(_clause_before(sent.text, group.start))
                or _DATA_SCALED.search(_clause_before(sent.text, group.start)[-60:])
                or any(0 <= group.start - b.end <= 3 for b in sent.benchmarks)):  # "LibriSpeech (960h)"
            return self._drop(ctx, sent, group, "an amount of data ('960h fine-tuning subsets'), not a cost")
        if _HARDWARE_AFTER.match(after):
            return self._drop(ctx, sent, group, "the hardware ('32GB V100 GPUs'), not a cost")
        if quantity.unit == "epochs" and not regex.search(r"\b(?:cost|search|takes?|requires?)\b", before, regex.I):
            return self._drop(ctx, sent, group, "a training length ('300 epochs') is a setting")
        metric = quantity.metric
        if quantity.unit in ("gpu_hours", "gpu_days", "tpu_hours", "tpu_days", "epochs") \
                and (regex.search(r"\bsearch", sent.text, regex.I)
                     or ctx.searches and not regex.search(r"\btrain", sent.text, regex.I)):
            metric = "search_cost"
        elif quantity.unit in ("hours", "days") and regex.search(r"\bsearch\w*\s+(?:cost|time)", sent.text, regex.I):
            metric = "search_cost"
        kind = "resource"
        own_text = sent.text[group.start:group.end]
        if regex.match(r"^\s*(?:fewer|less|more|lower|higher|smaller|larger)\b", after, regex.I) \
                or regex.search(r"\b(?:fewer|less|more|lower|higher|additional|extra)\b", own_text, regex.I):
            kind = "delta"
        return self._emit(sent, group, kind, metric, ctx, before, after, unit=quantity.unit)

    def _ratio_claims(self, sent, group, before, after, ctx) -> list[Claim]:
        score = [m for m in sent.metrics if m.start >= group.end and m.start - group.end <= 30
                 and self.lexicon.metrics[m.id].kind == "score"
                 and regex.fullmatch(r"\s*(?:better|higher|lower|improved|greater)\s+", sent.text[group.end:m.start], regex.I)]
        # "1.5x to 43.4x better accuracy": a multiple of a score; else the cost it measures
        metric = score[0].id if score else self._cost_metric(sent, group, before, after)
        cue = self.ratio_after.match(after) or regex.search(
            r"(?:\bby|speed-?up\s+of|up\s+to|down\s+to|reduction\s+of|improvement\s+of|factor\s+of|acceleration\s+of|"
            r"(?:reduc|cut|lower|shrink|compress)\w*[^.;,]{0,40}?\bto|"
            r"accelerat\w*|speeds?\s+up|(?:compression|compaction)\s+ratios?\s+of)\s*$",
            before, regex.I)
        if metric is None and not cue:
            return self._drop(ctx, sent, group, "a multiplier with no cost and no comparison ('repeated 3 times')")
        if metric is None and (regex.search(r"(?:accelerat\w*|speeds?\s+up)\s*$", before, regex.I)
                               or regex.match(r"\s*as\s+(?:fast|quickly)\b", after, regex.I)):
            metric = "speed"  # "inference is accelerated 1.5 times", "twice as fast"
        return self._emit(sent, group, "ratio", metric, ctx, before, after)

    def _cost_metric(self, sent, group, before, after) -> str | None:
        """The cost a multiplier or percentage measures: named after it, or before it with "by"."""
        lex = self.lexicon
        cue = self.ratio_after.match(after)
        rel_after = [m for m in sent.metrics if m.start >= group.end and m.start - group.end <= min(45, len(after))
                     and lex.metrics[m.id].kind == "cost"
                     and not _CLAUSE_BREAK.search(sent.text[group.end:m.start])]
        if rel_after and (cue or _directly(sent.text[group.end:rel_after[0].start])):
            return rel_after[0].id
        if cue:
            m = lex.metric(cue.group().strip())
            if m is not None and m.kind == "cost":
                return m.id
        rel_before = [m for m in sent.metrics if m.end <= group.start and group.start - m.end <= 45
                      and lex.metrics[m.id].kind == "cost"
                      and not any(m.end <= s.start and s.end <= group.start and lex.metrics[s.id].kind == "score"
                                  for s in sent.metrics)]
        if rel_before and regex.search(r"\b(?:by|to|of)\b[^.;]{0,20}$", before, regex.I) \
                and _CHANGE_VERB.search(_clause_before(sent.text, group.start)):
            return rel_before[-1].id
        if group.unit == "x" and cue:
            near = [m for m in sent.metrics if lex.metrics[m.id].kind == "cost" and m.start >= group.end
                    and not any(group.end <= o.start < m.start for o in sent.numbers)]  # not another number's
            if near:
                return near[0].id
            back = [m for m in sent.metrics if lex.metrics[m.id].kind == "cost" and m.end <= group.start
                    and not self.ratio_after.match(m.text)]  # a noun, not another number's "faster"
            if back:  # "Our dataset has 6.6B pairs, which is 4x larger than ALIGN"
                return back[-1].id
            counted = [n for n in sent.numbers if n.end <= group.start and n.quantity and n.quantity.metric]
            if counted:  # "with only 5.7M parameters, 6times fewer than AmoebaNet-B"
                return counted[-1].quantity.metric
        return None

    def _share_claims(self, sent, group, after, ctx) -> list[Claim] | None:
        """"27.7% of the data and training compute", "90% of the performance": a ratio per noun."""
        of = _OF.match(after)
        rest_start = group.end + of.end()
        lex = self.lexicon
        named = []
        for m in sent.metrics:
            if m.start < rest_start:
                continue
            gap = sent.text[rest_start:m.start] if not named else sent.text[named[-1].end:m.start]
            if not regex.fullmatch(r"\s*(?:(?:and|or|,)\s*)*(?:the\s+)?(?:[\w'’-]+\s+){0,2}", gap) or len(gap) > 30 \
                    or _CHANGE_VERB.search(gap) or _RESULT_VERB.search(gap):  # "..., and reduces memory"
                break
            named.append(m)
        if not named:
            if _TASKS.match(sent.text, rest_start) and _SUCCESS_VERB.search(_clause_before(sent.text, group.start)):
                return self._emit(sent, group, "result", "success_rate", ctx, "", after)
            if regex.match(r"(?:the\s+)?(?:original\s+|full\s+)?performance(?:\s+level)?\b", sent.text[rest_start:], regex.I):
                metric = ctx.metric or "accuracy"
                return self._emit(sent, group, "ratio", metric, ctx, "", after)
            if _REFERENCE_SHARE.match(sent.text, rest_start) and _RETAINS.search(_clause_before(sent.text, group.start)):
                return self._emit(sent, group, "ratio", None, ctx, "", after)  # "recovering 98% of the original rewards"
            return None
        out = []
        for m in named:
            metric = m.id
            out += self._emit(sent, group, "ratio", metric, ctx, "", after, metric_mention=m)
        return out

    def _score_claims(self, sent, group, before, after, ctx, previous, upcoming=None) -> tuple[list[Claim], str | None]:
        unit = group.unit
        if unit == "points" and regex.match(r"^[\s-]*scale\b", after, regex.I):
            return self._drop(ctx, sent, group, "the size of a scale ('a 5 point scale')"), None
        mention = self._score_metric(sent, group, before, after)
        metric = mention.id if mention else None
        if metric is None and all(n.hint for n in group.numbers):
            metric = group.numbers[0].hint  # "34.48 dB": PSNR
        unknown = _UNKNOWN_METRIC.match(after)
        unknown = bool(unknown and not self.lexicon.metric(unknown.group("token"))
                       and not self.lexicon.benchmark(unknown.group("token")))
        if unknown:  # "66.8% mCov": a metric the lexicon does not know; borrow none, claim nothing
            return self._drop(ctx, sent, group, "followed by a metric the lexicon does not know"), None
        inherited = False
        same_run = previous is not None and _same_run(sent, previous[0], group)
        if metric is None and previous is not None and previous[1] and same_run \
                and not (unit is None and _COUNTED.match(after)) \
                and (previous[0].unit == unit or {previous[0].unit, unit} <= {"%", "pp"}):
            metric, inherited = previous[1], True
        between = sent.text[group.end:upcoming[0].start] if upcoming else ""
        # "1.2% and 2.3% higher" share the cue; "85.2% top-1 accuracy, 2.1% higher" is a score, then its lead
        shared_cue = bool(upcoming) and regex.fullmatch(r"\s*(?:[\w-]+\s+)?(?:and|,|,\s*and)\s*", _strip_mentions(
            sent.text, group.end, upcoming[0].start, sent.metrics)) and not (
            mention is not None and group.end <= mention.start < upcoming[0].start and not regex.search(r"\band\b", between)
        ) and self.delta_after.match(
            _strip_mentions(sent.text, upcoming[0].end, upcoming[1], sent.metrics))
        delta = bool(group.numbers[0].sign in ("+", "-") or unit in ("pp", "points")
                     or self.delta_before.search(before[-60:])
                     or self.delta_after.match(after)
                     or (mention is not None and mention.start >= group.end
                         and self.delta_after.match(sent.text[mention.end:mention.end + 30]))
                     or (same_run and previous[2] == "delta"
                         and not _ACHIEVES.search(sent.text, previous[0].end, group.start)) or shared_cue
                     or (previous is not None and previous[2] in ("delta", "ratio")  # "by 509% in speed and 2% in accuracy"
                         and _BY_LIST_GAP.fullmatch(sent.text, previous[0].end, group.start)
                         and self.delta_before.search(sent.text[max(0, previous[0].start - 30):previous[0].start]))
                     or ((unit == "%" or group.numbers[-1].hint) and _DELTA_NOUN.search(_clause_before(sent.text, group.start))
                         and not _TO_VALUE.search(before))  # "boost it to 47.3%" is where it ends up
                     or (mention is not None and mention.text.lower().endswith(("points", "point"))  # "up to 12 BLEU points"
                         and not _ACHIEVES.search(_clause_before(sent.text, group.start)))  # not "achieves 27.8 BLEU points"
                     or ((unit in ("pp", "points") or group.numbers[-1].hint) and _BEATEN_BY.search(before[-60:])))
        if _FROM_TO.search(before) and len(group.numbers) > 1 and not _RANGING.search(before):
            delta = False  # "improves from 77.98% to 79.70%": two results
        if any(link.lower().startswith(("vs", "versus", "against")) for link in group.links):
            delta = False  # "(90.2% vs. 91.1%)": two scores side by side
        verb_before = bool(_VERB_RIGHT_BEFORE.search(before[-80:]))
        from_change = len(group.numbers) > 1 and _FROM_TO.search(before) and _CHANGE_VERB.search(
            _clause_before(sent.text, group.start))
        if metric is None and unit is None and verb_before and not _COUNTED.match(after):
            bench = self._benchmark_ids(sent, group, before, after, ctx)[0]
            primary = self.lexicon.benchmarks[bench[0]].primary_metric if bench and bench[0] else None
            # "We report BLEU. Our model scores 28.4 on WMT14."; a benchmark named in this sentence
            # speaks for its own metric ("it scores 7.34 on MT-Bench" after accuracy elsewhere)
            metric = (primary or ctx.metric) if sent.benchmarks else (ctx.metric or primary)
        if metric is None:
            if unit is None:
                return self._drop(ctx, sent, group, "a bare number with no metric beside it"), None
            bench = self._benchmark_ids(sent, group, before, after, ctx)[0] if sent.benchmarks else [None]
            primary = self.lexicon.benchmarks[bench[0]].primary_metric if bench[0] else None
            if primary and (self.lexicon.metrics[primary].scale == 100 and unit in ("%", "pp")
                            or unit == "points"):  # "improves GLUE by 4.1 points"
                metric = primary
            elif unit in ("%", "pp") and ctx.metric and self.lexicon.metrics[ctx.metric].scale == 100 \
                    and (delta or _RESULT_VERB.search(_clause_before(sent.text, group.start))
                         or _PERFORMANCE_OF_END.search(before)):  # "competitive performance of 2.7%/6.3%"
                metric = ctx.metric
            elif unit in ("%", "pp") and delta and ctx.benchmark and not sent.benchmarks:
                metric = self.lexicon.benchmarks[ctx.benchmark].primary_metric  # "surpass ViT by 0.8%"
            elif not delta and not (unit == "%" and (verb_before or from_change)):
                return self._drop(ctx, sent, group, "no metric in the sentence or carried from before"), None
        if unit is None and metric and self.lexicon.metrics[metric].kind != "score":
            return self._drop(ctx, sent, group, "a bare number next to a cost word"), None
        if not delta and unit == "%" and metric and self.lexicon.metrics[metric].scale == 1:
            return self._drop(ctx, sent, group, "a percentage of a bare score that is not a change"), None
        if not delta and unit == "%" and any(n.value > 100 for n in group.numbers) \
                and (metric is None or self.lexicon.metrics[metric].bounded):
            return self._drop(ctx, sent, group, "over 100% and no change: not a score"), None
        kind = "delta" if delta else "result"
        self._why(ctx, sent.offset, group, sent.text, f"{kind}: " + (
            "a change cue around it" if delta else "a score next to its metric") + f"; metric {metric} " + (
            f"from '{mention.text}'" if mention else "inherited from the list before it" if inherited
            else "from its unit" if group.numbers[0].hint else "carried from context or the benchmark's primary metric"))
        out = self._emit(sent, group, kind, metric, ctx, before, after, metric_mention=mention,
                         inherited_metric=inherited)
        return out, metric

    def _score_metric(self, sent, group, before, after) -> Mention | None:
        """The score metric a percentage or bare score is about: next to it, else in its clause."""
        scores = sent.scores
        for m in scores:  # right after: "84.8% top-1", "1.97 gFID", "35.6 box AP" (before the next number)
            if group.end <= m.start <= group.end + min(30, len(after)) \
                    and _ADJACENT_AFTER.match(sent.text[group.end:m.start]):
                return m
        for m in reversed(scores):  # right before: "top-1 accuracy of 84.8%", "gFID 2.74"
            gap = _strip_mentions(sent.text, m.end, group.start, sent.benchmarks, "\0")
            if m.end <= group.start and group.start - m.end <= 40 and (
                    _ADJACENT_BEFORE.match(gap.replace("\0", " ")) or _ON_NAMED.fullmatch(gap)):
                return m
        if group.unit is None and self.delta_after.match(after) and _BARE_CHANGE.match(after):
            earlier = [m for m in scores if m.end <= group.start]  # "F1 of 90.0 (1.5 higher than BERT)"
            return earlier[-1] if earlier else None
        if group.unit is None and not any(0 <= group.start - b.end <= 2 and sent.text[b.end:group.start].strip() == "("
                                          for b in sent.benchmarks):
            return None  # a bare number needs its metric right beside it, or to stand in brackets after its benchmark
        inside = [m for m in scores if m.end <= group.start and not _CLAUSE_BREAK.search(sent.text[m.end:group.start])]
        if inside:
            return inside[-1]
        later = [m for m in scores if m.start >= group.end and m.start - group.end <= min(60, len(after))
                 and not _CLAUSE_BREAK.search(sent.text[group.end:m.start])]
        if later:
            return later[0]
        earlier = [m for m in scores if m.end <= group.start]
        return earlier[-1] if earlier else None

    # ---- one claim per number, with its evidence (benchmark, model: attribution.py) --------

    def _emit(self, sent, group, kind, metric, ctx, before, after, *, unit=None, metric_mention=None,
              inherited_metric=False) -> list[Claim]:
        """One claim per number of the group (per benchmark when one number covers several)."""
        lex = self.lexicon
        bench_pairs = self._respectively(sent, group, sent.benchmarks) or self._listed_after(sent, group) \
            or self._slash_benchmarks(sent, group)
        model_pairs = self._respectively(sent, group, sent.models if "|" in group.links
                                         else [m for m in sent.models if m.end <= group.start])
        if model_pairs and not all(_LIST_GAP.fullmatch(sent.text, a.end, b.start) for a, b in zip(model_pairs, model_pairs[1:])):
            model_pairs = None  # "On OpenAI gym tasks, TD7 has ... respectively": names not listed together
        metric_pairs = self._respectively(sent, group, [m for m in sent.metrics if lex.metrics[m.id].kind == "cost"]) \
            if kind == "ratio" else self._slash_pairs(sent, group) or self._metrics_listed_after(sent, group)
        default_benches, bench_why = self._benchmark_ids(sent, group, before, after, ctx) if not bench_pairs \
            else (None, "paired in order with the benchmarks listed")
        if default_benches == [None] and kind in ("result", "delta"):
            named = self._unlisted_benchmark(sent, group, ctx)
            if named:  # the spec's rule for datasets it does not list: their own name, slugged
                default_benches, bench_why = [named], "a dataset the lexicon does not know, by its own name"
        baseline = self._baseline(sent, group) if kind in ("delta", "ratio") else None
        out = []
        for i, n in enumerate(group.numbers):
            n_unit = unit or n.unit or group.unit
            n_metric = metric_pairs[i].id if metric_pairs else metric
            model, model_why = (model_pairs[i].text, "paired in order with the names listed") if model_pairs \
                else self._number_model(sent, group, i, ctx, n_metric, kind)
            self._why(ctx, sent.offset, n, sent.text, f"model {model}: {model_why}")
            benches = [bench_pairs[i].id] if bench_pairs else default_benches
            if kind == "result" and len(benches) > 1:
                benches = benches[-1:]  # one score is on one benchmark: the nearest; a change may span several
            self._why(ctx, sent.offset, n, sent.text, f"benchmark {', '.join(map(str, benches))}: {bench_why}")
            if len(benches) > 1 and len(group.numbers) > 1:
                benches = benches[:1]
            n_unit = _final_unit(n_unit, n_metric, lex)
            # the evidence: the number, with its metric's words when they are close and nothing between
            span_start, span_end = n.start, n.end
            if metric_pairs:
                metric_mention = metric_pairs[i]
            if metric_mention is None and not inherited_metric:
                metric_mention = _nearest(sent.metrics, n, n_metric)
            if metric_mention is not None and abs(metric_mention.start - n.start) <= 60 and not any(
                    min(n.start, metric_mention.start) < o.start < max(n.end, metric_mention.end)
                    for o in sent.numbers if o is not n):  # "accuracy from 56.8% ... by 12.3 points"
                span_start = min(span_start, metric_mention.start)
                span_end = max(span_end, metric_mention.end)
            magnitude = n.magnitude if (n.quantity and n.quantity.magnitude) or (unit in ("params", "flops")) else None
            setting = self._setting(sent, group, i, sent.text[:n.start])
            for bench in benches:
                n_metric_final = _resolve_accuracy(n_metric, bench, lex)
                direction = lex.metrics[n_metric_final].higher_is_better if n_metric_final in lex.metrics else None
                out.append(Claim(
                    kind=kind, value=n.value, evidence=sent.text[span_start:span_end],
                    start=sent.offset + span_start, end=sent.offset + span_end, model=model,
                    benchmark=bench, metric=n_metric_final, unit=n_unit, magnitude=magnitude,
                    baseline=baseline, setting=setting, higher_is_better=direction))
        return out


def _directly(gap: str) -> bool:
    """Whether a cost noun follows a number with only filler words between ("11% parameters")."""
    return bool(regex.fullmatch(r"\s*(?:(?:the|of|in|less|fewer|more|lower|total|overall|model|"
                                r"training|pre-?training|inference|its|their|end-to-end|peak)\s+)*", gap, regex.I))


def _compatible(a: Number, b: Number) -> bool:
    """Two numbers can share a group when their units agree or one of them is bare."""
    if a.unit and b.unit:
        return a.unit == b.unit or {a.unit, b.unit} <= {"%", "pp"}
    if a.unit is None and b.unit is None:
        return a.scaled == b.scaled
    if a.unit is None and a.scaled and b.quantity is not None and b.quantity.magnitude:
        return True  # "12M, 25M and 48M parameters"
    return False  # a bare number joins a unit only through a range: see _groups


def _own_metrics(sent: _Sentence, a: Number, b: Number) -> bool:
    """"a GLUE score of 89.4 and 88.7 EM": each of two numbers has its own metric beside it, so
    they are two claims, not a list."""
    text = sent.text
    before = any(m.end <= a.start and regex.fullmatch(r"\s*(?:of|is|was|=|:)\s*", text[m.end:a.start])
                 for m in sent.scores)
    after = any(0 <= m.start - b.end <= 1 for m in sent.scores)
    return before and after


def _listed_with_unit(sent: _Sentence, a: Number, b: Number) -> bool:
    """"4.5 and 3.2 points", "1.9, 2.4 and 3.1%": a bare number listed before one whose unit it shares,
    written to the same precision (unlike "IPC 50 and 36.1%"), the unit not starting a claim of its
    own ("an FID of 2.1 and 81.0% top-1")."""
    text = sent.text

    def decimals(n: Number) -> int:
        digits = _DIGITS.search(text, n.start, n.end)
        return len(digits.group(1) or "") if digits else -1
    return (not a.scaled and b.unit in ("%", "pp", "points") and decimals(a) == decimals(b)
            and bool(regex.fullmatch(r"\s*(?:,|and|,\s*and)\s*", text[a.end:b.start]))
            and not any(0 <= m.start - b.end <= 1 for m in sent.metrics))


def _share_unit(group: _Group) -> None:
    """Give bare members of a range or list the unit written once at its end ("2 to 25 times")."""
    last = next((n for n in reversed(group.numbers) if n.unit or n.hint), None)  # "%", or "dB" (psnr)
    if last is None:
        return
    for i, n in enumerate(group.numbers):
        if n.unit is None:
            magnitude = None
            if last.magnitude is not None and last.value:
                factor = 1.0 if n.scaled else last.magnitude / last.value
                magnitude = (n.magnitude if n.scaled else n.value * factor)
            group.numbers[i] = Number(n.start, n.end, n.value, last.unit, last.quantity, magnitude,
                                      n.sign, n.bound or last.bound, n.scaled, last.hint)


def _final_unit(unit: str | None, metric: str | None, lexicon: Lexicon) -> str | None:
    """Score points are percentage points on percentage metrics, bare otherwise."""
    if unit == "points":
        m = lexicon.metrics.get(metric) if metric else None
        return "pp" if m is not None and m.scale == 100 else None
    return unit


def _resolve_accuracy(metric: str | None, bench: str | None, lexicon: Lexicon) -> str | None:
    """Plain accuracy on a classification benchmark is top-1 accuracy (the spec's convention)."""
    if metric == "accuracy" and bench in lexicon.benchmarks and lexicon.benchmarks[bench].primary_metric == "top1_accuracy":
        return "top1_accuracy"
    return metric


def _nearest(mentions: list[Mention], n: Number, metric: str | None) -> Mention | None:
    """The mention of a claim's metric closest to its number, within a short reach, for evidence."""
    near = [m for m in mentions if m.id == metric and (0 <= m.start - n.end <= 40 or 0 <= n.start - m.end <= 40)]
    return min(near, key=lambda m: min(abs(m.start - n.end), abs(n.start - m.end)), default=None)


def _same_run(sent: _Sentence, prev: _Group, group: _Group) -> bool:
    """Whether two groups are one list split by benchmark names ("1.70 on X and 2.89 on Y")."""
    gap = _strip_mentions(sent.text, prev.end, group.start, sent.benchmarks)
    return bool(regex.fullmatch(r"[\s,]*(?:(?:on|for|in|at|and|the|,|respectively|vs\.?|versus|while|"
                                r"compared\s+to|dataset|datasets|benchmark|test\s+set|validation\s+set|"
                                r"set|split)\s*)*(?:[a-z][a-z-]+\s+){0,2}(?:(?:dataset|datasets|benchmark|"
                                r"and|on|the)\s*)*(?:(?:on|for|in)\s+[A-Z][\w-]*\s*,?\s*(?:and\s+)?)?", gap))


@lru_cache(maxsize=8)
def _grammar_for(lexicon: Lexicon) -> _Grammar:
    """The grammar for a lexicon, compiled once."""
    return _Grammar(lexicon)
