"""Mentions: the numbers (with their units), benchmarks, metrics and model names in a text, with spans."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

import regex

from .lexicon import Lexicon, Quantity, SurfaceMatcher
from .units import scale_factor

# A number as written: a sign, digits with optional thousands separators and decimals, or a
# power of ten ("10^4"). What comes after it (%, x, M, GFLOPs...) is read by `_read_unit`.
NUMBER = regex.compile(r"""
    (?P<sign>[+±]|(?<=^|[\s(\[,;:])-)?                # an explicit change: "+1.3%", "(-3.7% ECE)"
    (?:
        10\^\{?(?P<exp>-?\d{1,2})\}?                 # a power of ten: 10^4, 10^{4}
      | (?P<num>
            \d{1,3}(?:,\d{3})+(?:\.\d+)?             # thousands separators: 3,150 / 12,800.5
          | \d+(?:\.\d+)?                            # plain: 84.8, 2, 0.810
          | \.\d+                                    # leading point: .81
        )
    )
    """, regex.VERBOSE)

# A number is part of a name when it is glued to letters ("ResNet50") or hangs off a word by
# "-" or "/" ("ResNet-50", "ViT-L/14", "JFT-300M", "T5-11B"). Searched backwards (?r): it ends
# where the text before the number ends, so that is where the search starts.
_NAME_TAIL = regex.compile(r"(?r)(?<![\w.])[A-Za-z][\w.]*[-/]$|[A-Za-z_]$")

# Units glued to or right after a number, tried in order.
_PERCENT = regex.compile(r"\s?(?:%|percent\b|per\s?cent\b)")
_POINTS = regex.compile(r"""\s?(?:
        p\.\s?p\.? | pp\b | (?:absolute\s)?percentage[\s-]points?\b | %[\s-]?points?\b | points?\b | pts\b
    )""", regex.VERBOSE | regex.IGNORECASE)
_MULTIPLIER = regex.compile(r"""
    (?:\s?[x×X]|\s?\*|\s?-?fold\b|\s?times\b)        # 1.2x, 4.2 times, 10-fold
    (?!\s?\d)                                        # but not a size: 224x224, 3x3
    (?![A-Za-wyz])                                   # nor a word: "6xl"
    """, regex.VERBOSE)
_DECIBEL = regex.compile(r"\s?dB\b")
_BOUND_AFTER = regex.compile(r"\+(?![\w])")         # "90%+"
_BOUND_BEFORE = regex.compile(r"(?P<op>[<>≤≥]=?|~|≈)\s?$")

# "9 billion fewer FLOPs": a comparison between the scale and the counted thing.
_COMPARATIVE = regex.compile(r"\s(?:fewer|less|more|lower|higher|additional|extra)(?=\s)", regex.IGNORECASE)
# Multipliers in words. Fractions count only after a reduction ("to a quarter of", "by half").
_CARDINALS = {"one": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
              "eight": 8, "nine": 9, "ten": 10, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
              "forty": 40, "fifty": 50, "hundred": 100}
_COUNT_WORD = regex.compile(r"(?<![\w-])(?i:two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|"
                            r"thirty|forty|fifty)(?=\s)")
_TIME_UNITS = {"s", "minutes", "hours", "days", "gpu_hours", "gpu_days", "tpu_hours", "tpu_days"}
_MULTIPLIER_WORDS = {"twice": 2.0, "thrice": 3.0, "double": 2.0, "doubles": 2.0, "doubled": 2.0,
                     "triple": 3.0, "tripled": 3.0, "quadruple": 4.0, "half": 0.5, "quarter": 0.25,
                     "third": 1 / 3, "fifth": 0.2, "tenth": 0.1}
_WORD_MULTIPLIER = regex.compile(r"""(?<![\w-])(?i:
      (?P<magnitude>(?:an|one|two|three|four)\s+orders?\s+of\s+magnitude)
    | (?P<card>two|three|four|five|six|seven|eight|nine|ten|twenty|hundred)(?:\s|-)(?:times|fold)
    | twice | thrice | double | doubles | doubled | triple | tripled | quadruple
    | (?P<fraction>(?:a|one)\s+(?:half|quarter|third|fifth|tenth)|half)
)(?![\w-])""", regex.VERBOSE)
# Every multiplier in words holds one of these, in any case.
NUMBER_WORDS = ("twice", "thrice", "double", "triple", "quadruple", "times", "fold", "magnitude", "half",
                "quarter", "third", "fifth", "tenth", "hour", "minute")  # the last two: "four GPU hours"
_NUMBER_WORD = regex.compile(rf"(?i:{'|'.join(NUMBER_WORDS)})")
_REDUCED_TO = regex.compile(r"\b(?:to|by|in|cut|halv\w*|reduc\w*|sav\w*|only|just|with|using|needs?|requires?)\s+"
                         r"(?:\w+\s+)?$", regex.I)
# A power of ten after a mantissa: "1.2 × 10^9".
_SCIENTIFIC = regex.compile(r"\s?[x×]\s?10\^\{?(?P<exp>-?\d{1,2})\}?")


@dataclass(frozen=True)
class Number:
    """A number as written, with the unit and scale read after it."""

    start: int          # span of the whole expression, unit included
    end: int
    value: float        # the number as written ("21" for "21M")
    unit: str | None    # "%", "pp", "x", "points", a quantity's unit, or None
    quantity: Quantity | None = None
    magnitude: float | None = None
    sign: str | None = None
    bound: str | None = None
    scaled: bool = False  # a scale word was read ("21M", "650 million")
    hint: str | None = None  # a metric the unit implies ("dB" -> psnr)


@dataclass(frozen=True)
class Mention:
    """A benchmark, metric or model named in the text."""

    start: int
    end: int
    text: str
    kind: str           # "benchmark", "metric", "model", "self"
    id: str | None = None


class Finder:
    """Finds mentions in text with the patterns one lexicon generates; build once per lexicon."""

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        q_ci, q_exact, self._quantity_by_word = [], [], {}
        for q in lexicon.quantities.values():
            for w in q.words:
                q_ci.append(w)
                self._quantity_by_word[_fold(w)] = q
            for w in q.exact_words:
                q_exact.append(w)
                self._quantity_by_word[_fold(w)] = q
        self._quantity_words = SurfaceMatcher(q_ci, q_exact, lead=r"[\s-]?", glued=True)
        prefixed = [(w, q) for q in lexicon.quantities.values() for w in q.prefixed]
        self._prefixed_by_word = {_fold(w): q for w, q in prefixed}
        self._prefixed = regex.compile(
            r"\s?(?P<prefix>[KMGTPB])\s?(?P<word>" + "|".join(
                regex.escape(w) for w, _ in sorted(prefixed, key=lambda p: -len(p[0]))) + r")(?![\w])")
        suffixes = sorted(lexicon.scale_suffixes, key=len, reverse=True)
        self._suffix = regex.compile(r"\s?(?P<s>" + "|".join(map(regex.escape, suffixes)) + r")(?![A-Za-z])") \
            if suffixes else None
        words = sorted(lexicon.scale_words, key=len, reverse=True)
        self._scale_word = regex.compile(r"\s(?P<s>" + "|".join(map(regex.escape, words)) + r")\b",
                                         regex.IGNORECASE) if words else None
        self.not_models = frozenset(lexicon.words.get("not_models", ()))  # never a model name

    # ---- numbers -------------------------------------------------------------------------

    def numbers(self, text: str) -> list[Number]:
        """Every number in the text that is not part of a name, with its unit."""
        found = []
        for m in NUMBER.finditer(text):
            start = m.start()
            before = text[max(0, start - 40):start]
            if before.endswith((".", ",")) and before[-2:-1].isdigit():
                continue  # the tail of a number the pattern did not take whole
            if _NAME_TAIL.search(before) or (before.endswith(("-", "/")) and _glued_name(before)):
                continue
            if _GLUED_LETTER.match(text, m.end()) and _VERSION_AFTER_NAME.search(before):
                continue  # "FastSpeech 2s", "YOLO 9000x"? a version glued to a letter after a name
            if before.endswith("-") and len(before) > 1 and not (before[-2].isspace() or before[-2].isdigit()
                                                                   or before[-2] in "([,;:/+%×x"):
                continue  # hyphenated onto a symbol: "$l_{\infty}$-8", "ℓ2-1" (not "10-20", "(-3.7%")
            if m.group("exp") is not None:
                value = 10.0 ** int(m.group("exp"))
            else:
                value = float(m.group("num").replace(",", ""))
            end = m.end()
            sci = _SCIENTIFIC.match(text, end)
            if sci and m.group("num"):
                value *= 10.0 ** int(sci.group("exp"))
                end = sci.end()
            if not math.isfinite(value):
                continue
            number = self._read_unit(text, start, end, value, m.group("sign"))
            if number is not None:
                found.append(number)
        return found

    def _read_unit(self, text: str, start: int, end: int, value: float, sign: str | None) -> Number | None:
        bound = None
        b = _BOUND_BEFORE.search(text, max(0, start - 3), start)
        if b:
            bound = {"≤": "<=", "≥": ">=", "≈": "~"}.get(b.group("op"), b.group("op"))
        if end < len(text) and text[end].isalpha() and not self._unit_glued(text, end):
            return None  # "3D", "2nd", "5G network": a word, not a unit
        # a magnitude prefix glued to a counted word: "1.0 GFLOPs", "300 MMACs"
        p = self._prefixed.match(text, end)
        if p:
            q = self._prefixed_by_word[_fold(p.group("word"))]
            prefix = {"B": "G"}.get(p.group("prefix"), p.group("prefix"))
            factor = scale_factor(prefix)
            return Number(start, p.end(), value, q.unit, q, value * factor, sign, bound, True)
        factor, scaled, pos = 1.0, False, end
        s = self._suffix.match(text, pos) if self._suffix else None
        if s and not self._quantity_words.match(text, pos):
            factor, scaled, pos = scale_factor(self.lexicon.scale_suffixes[s.group("s")]), True, s.end()
        else:
            w = self._scale_word.match(text, pos) if self._scale_word else None
            if w:
                factor = scale_factor(self.lexicon.scale_words[w.group("s").casefold()])
                scaled, pos = True, w.end()
        comparative = _COMPARATIVE.match(text, pos) if scaled else None
        q = self._quantity_words.match(text, comparative.end() if comparative else pos)
        if q:
            word = _fold(q.group().strip())
            quantity = self._quantity_by_word.get(word) or self._quantity_by_word[word[:-1]]  # a plural
            magnitude = value * factor if quantity.magnitude else None
            if not quantity.magnitude and scaled:
                value *= factor
            return Number(start, q.end(), value, quantity.unit, quantity, magnitude, sign, bound, scaled)
        if scaled:
            return Number(start, pos, value, None, None, value * factor, sign, bound, True)
        for pattern, unit in ((_POINTS, "pp"), (_PERCENT, "%"), (_MULTIPLIER, "x")):
            u = pattern.match(text, end)
            if u:
                if unit == "pp" and "point" in u.group().lower() and "%" not in u.group() \
                        and "percent" not in u.group().lower():
                    unit = "points"
                stop = u.end()
                if unit == "%" and _BOUND_AFTER.match(text, stop):
                    bound, stop = ">=", stop + 1
                return Number(start, stop, value, unit, None, None, sign, bound)
        d = _DECIBEL.match(text, end)
        if d:
            return Number(start, d.end(), value, None, None, None, sign, bound, hint="psnr")
        return Number(start, end, value, None, None, None, sign, bound)

    def _unit_glued(self, text: str, pos: int) -> bool:
        """Whether the letters right after a number are a unit ("21M", "79ms", "1.2x", "6times")."""
        return any(p is not None and p.match(text, pos) for p in (
            self._prefixed, self._suffix, self._quantity_words, _MULTIPLIER, _POINTS, _PERCENT, _DECIBEL))

    def word_numbers(self, text: str) -> list[Number]:
        """Multipliers written in words: "twice", "three times", "two orders of magnitude", "a quarter"."""
        found = []
        if not may_hold_number_word(text):
            return found
        for m in _WORD_MULTIPLIER.finditer(text):
            if m.group("fraction") and not _REDUCED_TO.search(text, max(0, m.start() - 40), m.start()):
                continue  # "half of the images" is a split; "reduced to a quarter" is a ratio
            words = m.group().lower().split()
            if m.group("magnitude"):
                value = 10.0 ** _CARDINALS.get(words[0], 1)
            elif m.group("card"):
                value = float(_CARDINALS[m.group("card").lower()])
            else:
                value = _MULTIPLIER_WORDS[" ".join(w for w in words if w not in ("a", "an", "one"))]
            found.append(Number(m.start(), m.end(), value, "x"))
        for m in _COUNT_WORD.finditer(text):  # "four GPU hours", "twenty minutes": a time spent, in words
            number = self._read_unit(text, m.start(), m.end(), float(_CARDINALS[m.group().lower()]), None)
            if number is not None and number.quantity is not None and number.quantity.unit in _TIME_UNITS:
                found.append(number)
        return found

    # ---- names ---------------------------------------------------------------------------

    def benchmarks(self, text: str) -> list[Mention]:
        """Benchmark mentions, with stated resolutions and slash lists ("ImageNet-R/A/C") expanded."""
        out = []
        for m in self.lexicon.benchmark_regex.finditer(text):
            b = self.lexicon.benchmark(m.group())
            if b is None:
                continue
            end = m.end()
            r = _RESOLUTION.match(text, end)
            if r and b.resolutions:
                size = f"{r.group('w')}x{r.group('h')}"
                if size in b.resolutions:
                    out.append(Mention(m.start(), r.end(), text[m.start():r.end()], "benchmark", b.resolutions[size]))
                    continue
            tail = _SIZE_TAIL.match(text, end) if m.group()[-1:].isdigit() else None
            if tail:  # "ImageNet 256 x 256" found as the alias "ImageNet-256": take the size whole
                end = tail.end()
            out.append(Mention(m.start(), end, text[m.start():end], "benchmark", b.id))
            out.extend(self._slash_list(text, m.group(), end) or self._pair_list(text, m.group(), end))
        return out

    def _pair_list(self, text: str, first: str, pos: int) -> list[Mention]:
        """"WMT14 En-De and En-Fr": a language pair after a pair names the sibling benchmark."""
        out = []
        head = _LANGUAGE_PAIR.search(first)
        while head:
            m = _NEXT_PAIR.match(text, pos)
            if not m:
                break
            b = self.lexicon.benchmark(first[:head.start()] + m.group("pair"))
            if b is None:
                break
            out.append(Mention(m.start("pair"), m.end("pair"), m.group("pair"), "benchmark", b.id))
            pos = m.end()
        return out

    def _slash_list(self, text: str, first: str, pos: int) -> list[Mention]:
        """"ImageNet-R/A/C" and "CIFAR10/100": the parts after each "/" name sibling benchmarks."""
        out = []
        stem = joiner = None
        while pos < len(text):
            m = _SLASH_PART.match(text[pos:pos + 16])
            if not m:
                break
            if stem is None:
                stem = _STEM_TAIL.sub("", first)
                joiner = "-" if _JOINED_TAIL.search(first) else ""
            b = self.lexicon.benchmark(stem + joiner + m.group("part"))
            if b is None:
                break
            if m.group("part").isalpha() and not m.group().startswith("/"):
                break  # "ImageNet and COCO" is two benchmarks, each found on its own
            out.append(Mention(pos + m.start("part"), pos + m.end(), m.group("part"), "benchmark", b.id))
            pos += m.end()
        return out

    def metrics(self, text: str) -> list[Mention]:
        """Metric mentions, each with the metric id it names; "ROUGE-1/2/L" names three."""
        out = []
        for m in self.lexicon.metric_regex.finditer(text):
            metric = self.lexicon.metric(m.group())
            if metric is not None:
                out.append(Mention(m.start(), m.end(), m.group(), "metric", metric.id))
                stem = _METRIC_STEM.match(m.group())
                pos = m.end()
                while stem and (part := _METRIC_PART.match(text, pos)):
                    sibling = self.lexicon.metric(stem.group("stem") + part.group("part"))
                    if sibling is None:
                        break
                    out.append(Mention(part.start("part"), part.end(), part.group("part"), "metric", sibling.id))
                    pos = part.end()
        return out

    def models(self, text: str, taken: list[Mention]) -> list[Mention]:
        """Name-like tokens (ResNet-50, TinyViT, ViT-B/16, BERT) that are not benchmarks or metrics."""
        busy = bytearray(len(text) + 1)  # positions inside a benchmark or metric: linear, not pairwise
        for t in taken:
            busy[t.start:t.end] = b"\x01" * (t.end - t.start)
        out = []
        for m in (_MODEL_IN_ASCII if text.isascii() else _MODEL).finditer(text):
            name = m.group().rstrip(".-/")
            if name in self.not_models or any(busy[m.start():m.end()]) or _MODIFIER.search(name):
                continue  # "RLHF-based", "BERT-style": a kind of model, not one
            if self.lexicon.metric(name) or self.lexicon.benchmark(name):
                continue
            out.append(Mention(m.start(), m.start() + len(name), name, "model"))
        return out


_METRIC_STEM = regex.compile(r"(?P<stem>.*[-\s@])[A-Za-z0-9]{1,2}$")  # "ROUGE-", "pass@", "Recall@"
_METRIC_PART = regex.compile(r"/(?P<part>[A-Za-z0-9]{1,3})(?![\w-])")
# "ImageNet-R/A/C", "ImageNet-A and -R": the part after a "/" or a conjunction; the tail of the
# first name that the part replaces, and the tail that says the parts are joined by "-".
# (a version too: "SQuAD 1.1 and 2.0")
_SLASH_PART = regex.compile(r"(?:/|\s(?:and|or|&)\s-?)(?P<part>v?\d\.\d{1,2}|[A-Za-z0-9]{1,8})\+?(?![\w-]|\.\d)")
_STEM_TAIL = regex.compile(r"(?:[-\s]v?\d\.\d{1,2}|[-\s][A-Za-z0-9]+|\d+)$")
_JOINED_TAIL = regex.compile(r"[-\s][A-Za-z0-9]+$")
_LANGUAGE_PAIR = regex.compile(r"\b[A-Z][a-z]{1,2}[-–→][A-Z][a-z]{1,2}$")
_NEXT_PAIR = regex.compile(r"\s?(?:,|/|and|,\s*and|&)\s?(?P<pair>[A-Z][a-z]{1,2}[-–→][A-Z][a-z]{1,2})\b")
_SIZE_TAIL = regex.compile(r"\s?[x×]\s?\d{2,4}(?!\d)")
# Resolution right after a benchmark name: "ImageNet 256 x 256", "ImageNet (512×512)".
_RESOLUTION = regex.compile(r"\s?\(?\s?(?:at\s)?(?P<w>\d{2,4})\s?[x×]\s?(?P<h>\d{2,4})\)?")

# A model-like name: CamelCase or an acronym with letters and digits, optionally with "-" or "/"
# parts ("ResNet-50", "ViT-B/16", "DiT-XL/2", "Swin-T", "m2mKD", "GPT-4", "SeiT++").
_MODEL = regex.compile(r"""
    (?<![\w\-/])
    (?:
        [A-Z][A-Za-z0-9]*[A-Z0-9][A-Za-z0-9]*          # ResNet, TinyViT, BERT, V2, FBNetV5
      | (?=[a-z0-9]*[A-Z])[a-z]+[A-Z0-9][A-Za-z0-9]*  # m2mKD, iBOT, openMaMMUT (a capital somewhere)
      | [A-Z][a-z]+(?=[-][A-Z0-9])                   # Swin-T, Deit3-S, Mixer-B/16
    )
    (?:[-/.][A-Za-z0-9]+)*                           # -50, -B/16, -XL/2, .5
    (?:\+\+|\+)?                                     # SeiT++
    (?![\w])
    """, regex.VERBOSE)
# On ASCII text, nearly all of it, the standard library's engine finds the same names twice as fast.
_MODEL_IN_ASCII = re.compile(_MODEL.pattern, re.VERBOSE)


def may_hold_number_word(text: str) -> bool:
    """Whether a text holds one of NUMBER_WORDS (`_NUMBER_WORD`); on ASCII text, nearly all of
    it, substring tests give the same answer several times faster than the pattern."""
    if not text.isascii():
        return _NUMBER_WORD.search(text) is not None
    lowered = text.lower()
    for word in NUMBER_WORDS:  # a plain loop: `any` over a generator costs more than the tests
        if word in lowered:
            return True
    return False


_VERSION_AFTER_NAME = regex.compile(r"(?<![\w-])[A-Z][a-z]+[A-Z][A-Za-z]* $")  # "FastSpeech ", a CamelCase name
_GLUED_LETTER = regex.compile(r"s\b")
_GLUED_TOKEN = regex.compile(r"[\w.]*[-/]$")


_MODIFIER = regex.compile(r"-(?:based|like|style|free|aware|specific|level|wise|guided|driven|only|sized?)$", regex.I)


# A simple fraction of something: "less than 1/4 of their compute" (not a date, a ratio list or a size).
_FRACTION = regex.compile(r"(?<![\w./-])(?P<n>[1-9])/(?P<d>[2-9]|1[0-9]|20)(?=\s+of\s)")


def _glued_name(before: str) -> bool:
    """Whether the token ending in "-" or "/" before a number is a name (has letters)."""
    token = _GLUED_TOKEN.search(before)
    return bool(token and token.group()[:1].isalpha())  # "ResNet-50", not "3.73dB/0.07"


_SEPARATORS = regex.compile(r"[-\s]+")


@lru_cache(maxsize=4096)
def _fold(word: str) -> str:
    return _SEPARATORS.sub("", word.casefold())


def find_mentions(text: str, lexicon: Lexicon) -> tuple[list[Number], list[Mention], list[Mention], list[Mention]]:
    """Numbers, benchmark, metric and model mentions in a text."""
    return (find_numbers(text, lexicon), *find_names(text, lexicon))


def find_numbers(text: str, lexicon: Lexicon) -> list[Number]:
    """The numbers in a text, in digits or in words, in order."""
    finder = finder_for(lexicon)
    fractions = [Number(m.start(), m.end(), 100 * int(m.group("n")) / int(m.group("d")), "%")
                 for m in _FRACTION.finditer(text)] if "/" in text else []  # "1/4 of their compute" is 25% of it
    numbers = [n for n in finder.numbers(text) if not any(f.start <= n.start < f.end for f in fractions)] + fractions
    words = [w for w in finder.word_numbers(text) if not any(n.start < w.end and w.start < n.end for n in numbers)]
    return sorted(numbers + words, key=lambda n: n.start)


def find_names(text: str, lexicon: Lexicon) -> tuple[list[Mention], list[Mention], list[Mention]]:
    """Benchmark, metric and model mentions in a text."""
    finder = finder_for(lexicon)
    benchmarks = finder.benchmarks(text)
    metrics = finder.metrics(text)
    return benchmarks, metrics, finder.models(text, benchmarks + metrics)


@lru_cache(maxsize=8)
def finder_for(lexicon: Lexicon) -> Finder:
    """The Finder for a lexicon, built once."""
    return Finder(lexicon)


__all__ = ["Number", "Mention", "Finder", "find_mentions", "find_names", "find_numbers", "finder_for"]
