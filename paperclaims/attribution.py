"""Attribution: whose each number is and what it was measured on (its benchmark, model, baseline, setting).

Kept apart from claims.py, which classes the number (result, delta, ratio, resource) and names its metric.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from .cues import _ADJACENT_BEFORE, _CLAUSE_BREAK, _FROM_TO, _RANGE, _clause_before, _strip_mentions
from .mentions import Mention
from .naming import PLURAL_ACRONYM, name_like

if TYPE_CHECKING:  # the grammar's own types; claims.py imports this module
    from .claims import _Context, _Group, _Sentence

# After a number and its metric: "on MiniGrid", "on the UVG dataset" (a dataset by its own name).
_UNLISTED = regex.compile(r"""^[^,;.()\d]{0,40}?\b(?:on|in|across)\s+(?:the\s+)?
    (?P<name>[A-Z][\w-]*[A-Za-z0-9](?:\s[A-Z0-9][\w-]*){0,2})(?![\w-])
    (?:\s+(?P<kind>dataset|benchmark|test\s+set|corpus|suite|environment|task)s?\b)?
    (?!\s+(?:backbone|model|architecture|network|encoder|decoder)s?\b)""", regex.VERBOSE)
# A clause whose subject describes other work: "previous SoTA only solves", "a recent
# transformer-based approach achieves", "state-of-the-art models already achieve".
_DESCRIBED_SUBJECT = regex.compile(r"""(?:^\s*|[,;:]\s*|\b(?:while|whereas|but)\s+)(?i:a\s+|an\s+|the\s+)?
    (?P<np>(?i:previous|prior|existing|recent|current|standard|vanilla|conventional|state-of-the-art|SOTA|SoTA|
    competing|strong|traditional)\b[^,;:()]{0,60}?)\s+(?:only\s+|also\s+|still\s+|already\s+|typically\s+|
    usually\s+)?(?:achieves?|achieved|obtains?|obtained|reach(?:es|ed)?|attains?|attained|solves?|solved|scores?|
    scored|gets?|got|yields?|yielded|is|was|stands\s+at|stood\s+at)\b[^,;]*$""", regex.VERBOSE)
# A comparison word followed by a clause, not a name: "the 6.7B baseline while being 5x cheaper".
_NOT_A_BASELINE = regex.compile(r"(?:while|whereas|which|that|being|is|are|was|were|and|but|when|to|in|on|by)$", regex.I)
# A name after these is a tool, a dataset or a reference, not who scores: "with the vanilla ViT", "as GPT-4".
_INSTRUMENT = regex.compile(r"\b(?:with|using|from|on|to|via|in|by|for|as)\s+(?:\w+\s+){0,2}$", regex.I)
# A name right after "improve" is what is improved on: "TopoNAS can improve DARTS by 0.16%".
_IMPROVED_NAME = regex.compile(r"\b(?:improv|boost|enhanc|accelerat|speed\w*\s+up)\w*\s+(?:the\s+|a\s+)?$", regex.I)
# Words naming an earlier method rather than a model: "the previous best", "prior work", "the best published result".
_EARLIER = r"(?i:previous|prior|former|earlier|best\s+published|best\s+reported)"
_FROM_PRIOR = regex.compile(rf"\bfrom\s+(?:the\s+)?(?P<np>(?:{_EARLIER}|(?i:existing|baseline|state-of-the-art|SOTA|best))\b"
                         r"[^,;]{0,40}?)\s+of\s*$")
# Between the first score of a list and the benchmark after the list: " and  on the ".
_LIST_ON = regex.compile(r"\s*(?:,\s*|and\s+|,\s*and\s+)\s*(?:on|for|in|across|at)\s+(?:the\s+)?", regex.I)
_NUMBERS = regex.compile(r"[+-]?\d+(?:\.\d+)?\s?(?:%|points?|pp)?")
_NAME_BRACKET = regex.compile(r"(?<![\w-])(?P<name>[A-Z][\w.+-]*(?:\s[A-Z][\w.+-]*){0,2})\s?\(\s*$")
_PERFORMANCE_OF = regex.compile(r"^(?:performance|results?|accuracy|scores?|quality)\s+of\s+(?:the\s+)?(?=\S)", regex.I)
_PRIOR_OF = regex.compile(rf"\b(?:the\s+)?(?P<np>{_EARLIER}\b"
                       r"(?:(?!\b(?i:by|than|over|on|in|margins?)\b)[^,;:()]){0,50}?)\s+(?:of|was|is|at)\s*$")
# "the previous state-of-the-art WERs achieved on LibriSpeech 100h (4.74%/12.20%)", "the best published result (6.10%)"
_PRIOR_BRACKET = regex.compile(rf"\b(?:the\s+)?(?P<np>{_EARLIER}\b[^,;:()]{{0,70}}?)\s*\(\s*$")
# the name, not where or what it did: "the previous state-of-the-art WERs achieved on ...", "prior methods incur a drop"
_PRIOR_CUT = regex.compile(r"\s+(?:achieved|obtained|reported|set|on|in|for|with|by|incurs?|suffers?|shows?|"
                           r"achieves?|obtains?|reach(?:es)?|gets?|yields?|performs?|has|have|drops?)\b.*$", regex.I)
def _slashed(text: str, run: list[Mention]) -> bool:
    """Whether mentions are written as one slash list ("PSNR/SSIM", "Switchboard/CallHome")."""
    return all(text[a.end:b.start].strip() == "/" for a, b in zip(run, run[1:]))


_OPEN_BRACKET = regex.compile(r"\([^()]*$")  # the bracket a number stands in
_GAIN_BEFORE = regex.compile(r"\b(?:improv|outperform|surpass|exceed|beat|better|gain|boost|increas|reduc|lower|higher)\w*", regex.I)
_CREDITED = regex.compile(r"\s*(?:[a-z-]+\s+)?(?:for|of|by|from|with)\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,2}?")
_SET_BY = regex.compile(r"\s*(?:[a-z-]+\s+)?(?:set|achieved|reported|obtained|held|attained|reached)\s+by\s+(?:the\s+)?")
_FOR_BASELINE = regex.compile(r"\s(?:for|of|by)\s(?:the\s|a\s)?(?P<name>(?:[\w-]+\s){0,2}baseline)\b", regex.I)


class Attribution:
    """The attribution rules of the grammar (`claims._Grammar` mixes them in).

    They read the lexicon and the patterns the grammar compiles from it: `lexicon`, `finder`,
    `comparison`, `comparison_end` and `bound_before`.
    """

    def _benchmark_ids(self, sent, group, before, after, ctx) -> tuple[list[str | None], str]:
        """The benchmarks a group's number is on: after it ("on ImageNet"), else before, else carried."""
        text = sent.text
        evaluated = sent.evaluated
        # right before the number or its metric: "ImageNet accuracy of 88.0%", "+1.3% ImageNet top-1"
        tight = [b for b in evaluated if b.end <= group.start and group.start - b.end <= 45
                 and _ADJACENT_BEFORE.match(_strip_mentions(text, b.end, group.start, sent.metrics))]
        if tight:
            return _run_back(text, [b for b in evaluated if b.end <= tight[-1].end]), "named right before it"
        near_after = [b for b in evaluated if group.end <= b.start <= group.end + len(after)
                      and b.start - group.end <= 70 and _ON_BENCHMARK.match(_strip_mentions(text, group.end, b.start, sent.metrics))]
        if near_after:
            return _run(text, near_after, sent.benchmarks), "named after it ('on X')"
        shared = [b for b in evaluated if group.end + len(after) < b.start <= group.end + 100 and _LIST_ON.fullmatch(
            _NUMBERS.sub(" ", _strip_mentions(text, group.end, b.start, sent.metrics)))]
        if shared:  # "58.7 box AP and 51.1 mask AP on COCO": the list's benchmark
            return [shared[0].id], "named after the list it starts ('A and B on X')"
        earlier = [b for b in evaluated if b.end <= group.start]
        if earlier:
            return _run_back(text, earlier), "named earlier in the sentence"
        later = [b for b in evaluated if b.start >= group.end]
        if later:
            return [later[0].id], "named later in the sentence"
        return [ctx.benchmark], "carried from an earlier sentence or the title" if ctx.benchmark else "none named"

    def _unlisted_benchmark(self, sent: _Sentence, group: _Group, ctx: _Context) -> str | None:
        """"on MiniGrid", "on the UVG dataset": a name the lexicon does not know, after the number."""
        window = sent.text[group.end:group.end + 80]
        m = _UNLISTED.match(window)
        if not m:
            return None
        name = m.group("name")
        if (self.lexicon.metric(name) or name == ctx.method or name in self.lexicon.words.get("not_models", ())
                or (not m.group("kind") and not name_like(name))):
            return None
        return regex.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")

    def _respectively(self, sent: _Sentence, group: _Group, items: list[Mention]) -> list[Mention] | None:
        """Pair a list of k numbers with k mentions when the sentence says "respectively" or uses "|"."""
        k = len(group.numbers)
        if k < 2:
            return None
        if not (regex.search(r"\brespectively\b", sent.text, regex.I) or "|" in group.links):
            return None
        seen, after = set(), []
        for m in items:
            if m.start >= group.end and (m.id or m.text) not in seen:
                seen.add(m.id or m.text)
                after.append(m)
        if len(after) >= k:
            return after[:k]
        seen, before = set(), []
        for m in reversed(items):
            if m.end <= group.start and (m.id or m.text) not in seen:
                seen.add(m.id or m.text)
                before.insert(0, m)
            if len(before) == k:
                return before
        return None

    def _slash_pairs(self, sent: _Sentence, group: _Group) -> list[Mention] | None:
        """"PSNR/SSIM by 3.73dB/0.07", "EM/F1 of 90.2/94.8": metrics and values paired in order."""
        k = len(group.numbers)
        if k < 2 or any(link != "/" for link in group.links):
            return None
        scores = sent.scores
        runs = [scores[i:i + k] for i in range(len(scores) - k + 1) if _slashed(sent.text, scores[i:i + k])]
        return min(runs, key=lambda run: min(abs(group.start - run[-1].end), abs(run[0].start - group.end)), default=None)

    def _metrics_listed_after(self, sent: _Sentence, group: _Group) -> list[Mention] | None:
        """"gains of 4.5 and 3.2 points in ROUGE-1 and ROUGE-L": k numbers, then k score metrics."""
        k = len(group.numbers)
        after = [m for m in sent.scores if m.start >= group.end]
        if k < 2 or not after or after[0].start - group.end > 40 or not regex.fullmatch(
                r"\s*(?:points?|pts|%|percent)?\s*(?:on|in|for|of|with\s+respect\s+to)\s+(?:the\s+)?",
                sent.text[group.end:after[0].start], regex.I):
            return None
        run = after[:1]
        for m in after[1:]:
            if len(run) < k and regex.fullmatch(r"\s*(?:,|and|,\s*and)\s*(?:the\s+)?", sent.text[run[-1].end:m.start]):
                run.append(m)
        return run if len(run) == k and len({m.id for m in run}) == k else None

    def _slash_benchmarks(self, sent: _Sentence, group: _Group) -> list[Mention] | None:
        """Values and a slash list of benchmarks paired in order: the list after them ("7.2%/14.6% on the
        Switchboard/CallHome portions"), else one named earlier ("On SQuAD v1.1/v2.0, ... 90.0/79.2")."""
        k = len(group.numbers)
        if k < 2 or any(link != "/" for link in group.links):
            return None
        after = [b for b in sent.evaluated if b.start >= group.end]
        if after and after[0].start - group.end <= 40 and _ON_BENCHMARK.match(
                _strip_mentions(sent.text, group.end, after[0].start, sent.metrics)):
            run = after[:k]
            if len(run) == k and _slashed(sent.text, run):
                return run
        run = [b for b in sent.evaluated if b.end <= group.start][-k:]
        return run if len(run) == k and len({b.id for b in run}) == k and _slashed(sent.text, run) else None

    def _listed_after(self, sent: _Sentence, group: _Group) -> list[Mention] | None:
        """"72.3%, 76.4% and 74.2% mIoU on S3DIS, ScanNet and SemanticKITTI": k scores, then k benchmarks."""
        k = len(group.numbers)
        if k < 2:
            return None
        after = [b for b in sent.benchmarks if b.start >= group.end]
        if not after or after[0].start - group.end > 60 or not _ON_BENCHMARK.match(
                _strip_mentions(sent.text, group.end, after[0].start, sent.metrics)):
            return None
        run = [after[0]]
        for b in after[1:]:
            if regex.fullmatch(r"\s*(?:[\w-]+\s+)?(?:,|and|,\s*and)\s*(?:the\s+)?", sent.text[run[-1].end:b.start]):
                run.append(b)
            else:
                break
        return run if len(run) == k and len({b.id for b in run}) == k else None

    def _subject(self, sent: _Sentence, position: int, ctx: _Context) -> str | None:
        """Whose number this is: the nearest name or "we"/"our model" before it that is not a baseline."""
        candidates = sorted([m for m in sent.models + sent.selves if m.end <= position], key=lambda m: m.start)
        clause = _clause_before(sent.text, position)
        described = _DESCRIBED_SUBJECT.search(clause)
        in_clause = [m for m in candidates if m.start >= position - len(clause)]
        if described and not in_clause:
            return described.group("np")  # "..., while the previous best result is 62.5 AP": not ours
        for m in reversed(candidates):  # "openMaMMUT-L/14, which achieves 80.3%": the clause's owner
            if m.kind == "model" and _OWNS.match(sent.text, m.end) \
                    and not _INSTRUMENT.search(sent.text, max(0, m.start - 30), m.start):  # "X with the vanilla ViT can"
                return m.text
        if candidates and candidates[0].kind == "self" and candidates[0].start <= 3 and not in_clause:
            return ctx.method  # "We use CSP, CmBN and CIoU loss, and combine them to achieve: 43.5% AP"
        for m in reversed(candidates):
            lead = sent.text[max(0, m.start - 30):m.start]
            if self.comparison_end.search(lead) or _INSTRUMENT.search(lead) or _IMPROVED_NAME.search(lead):
                continue
            if self._after_comparison(sent.text, m.start, position):
                continue
            if m.kind == "model" and PLURAL_ACRONYM.match(m.text) and m.text[:-1] != ctx.method:
                continue  # "DMs", "LLMs", "NFEs": a class of things, not one model
            if m.kind == "self":
                topic = _TOPIC.search(sent.text, max(0, m.start - 40), m.start)
                if topic and m.text.lower() in ("it", "they", "this", "we"):
                    return topic.group("name")
                return ctx.method
            return m.text
        if described:  # "a recent transformer-based approach achieves 59.6%": not the paper's method
            return described.group("np")
        return ctx.method

    def _after_comparison(self, text: str, start: int, position: int) -> bool:
        """Whether a name stands in a comparison ("outperforms ViT and ViT-MoE by") that precedes the number."""
        clause_start = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, start)), default=0)
        return any(clause_start <= c.start() and c.end() <= start for c in self.comparison.finditer(text, clause_start, start))

    def _baseline(self, sent: _Sentence, group: _Group) -> str | None:
        """What a delta or ratio is compared with: the words after "than", "over", "outperforms"..."""
        best = None
        for m in self.comparison.finditer(sent.text):
            tail = sent.text[m.end():]
            phrase = regex.match(r"\s*(?:the\s+|a\s+|an\s+)?(?P<p>[^\s,;:.()'’](?:[^,;:()]*?))(?=\s+(?:by|on|in|at|with|while|when|under|for|across|using|and\s+(?:is|are|achieves?)|\d)\b|[,;()]|\.\s|\.$|$)", tail)
            if not phrase:
                continue
            words = phrase.group("p").split()
            if not words or len(words) > 8 or any(ch.isdigit() for ch in words[0][:1]) \
                    or _NOT_A_BASELINE.match(words[0]):
                continue
            candidate = _PERFORMANCE_OF.sub("", " ".join(words))  # "the performance of RoBERTa"
            if abs(m.start() - group.start) < 200:
                if best is None or abs(m.start() - group.start) < best[0]:
                    best = (abs(m.start() - group.start), candidate)
        return best[1] if best else None

    def _setting(self, sent: _Sentence, group: _Group, index: int, before: str) -> str | None:
        """What qualifies a number: its bound, a range end, and the sentence's conditions."""
        number = group.numbers[index]
        parts = []
        if len(group.numbers) == 2 and _RANGE.match(group.links[0]):
            parts.append("range low" if index == 0 else "range high")
        if number.bound:
            parts.append(number.bound)
        elif self.bound_before:
            b = self.bound_before.search(before[-25:])
            if b:
                value = self.lexicon.bounds.get(b.group("b").lower(), "")
                if value:
                    parts.append(value)
        parts += sent.settings
        # which family member is meant must be said before the number, in its clause
        member = _MEMBER.search(_clause_before(sent.text, number.start))
        if member:
            parts.append(f"{member.group(1)} model")
        return "; ".join(dict.fromkeys(parts)) or None

    def _number_model(self, sent, group, index, ctx, metric=None, kind=None) -> tuple[str | None, str]:
        """Whose number this is, and the rule that said so."""
        n = group.numbers[index]
        # "Gopher (280B)": a size in brackets after a capitalised name, even a plain word
        if n.scaled and regex.match(r"\s*\)", sent.text[n.end:]):
            owner = _NAME_BRACKET.search(sent.text, max(0, n.start - 40), n.start)
            if owner and owner.group("name") not in self.finder.not_models:
                return owner.group("name"), "the name before its bracket"
        vs_pair = len(group.numbers) == 2 and group.links[0].lower().startswith(("vs", "versus", "against"))
        # a number in brackets right after a name is that name's: "SWIN-L Cascade-Mask R-CNN (9.2 FPS A100, 53.9% AP)"
        bracket = _OPEN_BRACKET.search(sent.text, max(0, n.start - 60), n.start) \
            if n.unit != "x" and kind in ("result", "resource") else None
        if bracket:  # (a multiple in brackets compares the name with ours: "GPT (30x more compute)")
            owner = next((m.text for m in sent.models if 0 <= bracket.start() - m.end <= 1), None)
            if owner is None and not any(0 <= bracket.start() - b.end <= 1 for b in sent.benchmarks):
                # "SWIN-L Cascade-Mask R-CNN (": a name of several capitalised words (not "on WMT14 En-De (")
                named = _NAME_BRACKET.search(sent.text, max(0, bracket.start() - 40), bracket.start() + 1)
                owner = named.group("name") if named and name_like(named.group("name").split()[0]) \
                    and not self.lexicon.metric(named.group("name")) else None  # "43.5% AP (65.7% AP50)"
            if owner is not None and owner not in self.finder.not_models and not vs_pair:
                return owner, "in brackets right after its name"
        # a name right before the number is its owner: "NSGA-Net (4 GPU days)", "DiT-XL/2: 3.04"
        for m in sent.models:
            if 0 <= n.start - m.end <= 8 and regex.fullmatch(r"(?:['’]s)?[\s(:]*(?:with\s+(?:an?\s+)?)?", sent.text[m.end:n.start]) \
                    and not (vs_pair and self._after_comparison(sent.text, m.start, n.start)):
                return m.text, "the name right before it"  # but "faster than X (A vs B)": X is B's
        # a resource named for its owner after it: "3,150 GPU days by the AmoebaNet model"
        if n.quantity is not None:
            for m in sent.models:
                if m.start >= n.end and regex.fullmatch(r"\s*(?:achieved\s+|required\s+|needed\s+|used\s+)?(?:by|using|of|for|with)\s+(?:the\s+)?",
                                                        sent.text[n.end:m.start]):
                    return m.text, "the name it is credited to ('by X')"
        # "improves the FID from 2.04 to 1.88": the first is what was improved on
        if index == 0 and len(group.numbers) > 1 and _FROM_TO.search(sent.text[max(0, group.start - 60):group.start]):
            others = [m for m in sent.models if m.end <= group.start and m.text != ctx.method
                      and not PLURAL_ACRONYM.match(m.text)
                      and not regex.search(r"\b(?:on|in)\s+(?:the\s+)?$", sent.text[max(0, m.start - 8):m.start])]
            if others:
                return others[-1].text, "'from A to B': A is the model improved on"
            prior = _FROM_PRIOR.search(sent.text, max(0, group.start - 60), group.start)
            if prior:
                return prior.group("np"), "'from the previous best of A to B': A is the earlier method's"
            baseline = self._baseline(sent, group)
            compared_before = any(c.end() <= group.start for c in self.comparison.finditer(sent.text))
            if baseline and compared_before:
                return baseline, "'from A to B': A is the baseline's"
        # "95.2% for the non-private baseline"
        owner = _FOR_BASELINE.match(sent.text, n.end)
        if owner:
            return owner.group("name"), "'for the X baseline'"
        # "compared to 45.1% for StarCoder", "versus 81.5% and 79.0% for a two-layer GCN": a number
        # quoted for comparison belongs to the name after it, as does "the best FID of 3.60 set by LDM"
        compared = self.comparison_end.search(sent.text[max(0, group.start - 30):group.start])
        for m in sent.models:
            if m.start >= group.end and (compared and _CREDITED.fullmatch(sent.text, group.end, m.start)
                                         or _SET_BY.fullmatch(sent.text, group.end, m.start)):
                return m.text, "'compared to N for X', 'N set by X': the named model's"
        # "improving on the previous state-of-the-art hybrid system of 7.5% WER": the earlier system's
        prior = _PRIOR_OF.search(sent.text, max(0, group.start - 70), group.start) \
            or (not vs_pair and _PRIOR_BRACKET.search(sent.text, max(0, group.start - 120), group.start))
        if prior and kind in ("result", "resource") and (index == 0 or group.links[index - 1] in ("/", ",", "and")):
            return _PRIOR_CUT.sub("", prior.group("np")), "'the previous X of N', 'the best published result (N)': the earlier method's"
        # "A vs. B": one member is the compared model's, the second unless the pair follows a gain
        # and the first is the worse ("improves MNLI by +0.9% (90.2% vs. 91.1%)")
        if len(group.numbers) == 2 and group.links[0].lower().startswith(("vs", "versus", "against")):
            theirs = 1
            if _GAIN_BEFORE.search(_clause_before(sent.text, group.start)):
                a, b = group.numbers[0].value, group.numbers[1].value
                lower_better = metric is not None and metric in self.lexicon.metrics \
                    and not self.lexicon.metrics[metric].higher_is_better
                theirs = 0 if (b < a if lower_better else b > a) else 1
            if index == theirs:
                before = [m for m in sent.models if m.end <= group.start and m.text != ctx.method]
                compared = [m for m in before if self.comparison_end.search(sent.text[max(0, m.start - 30):m.start])] \
                    or [m for m in before if self._after_comparison(sent.text, m.start, group.start)]
                if compared:
                    return compared[-1].text, "'A vs. B': the worse of the pair is the compared model's"
                baseline = self._baseline(sent, group)
                if baseline:
                    return baseline, "'A vs. B': the compared one's"
        subject = self._subject(sent, group.start, ctx)
        return subject, "the subject of its clause" + (" (the paper's own method)" if subject == ctx.method else "")


_SETTINGS = [
    (regex.compile(r"\bzero[\s-]?shot\b", regex.I), "zero-shot"),
    (regex.compile(r"\bfew[\s-]?shot\b", regex.I), "few-shot"),
    (regex.compile(r"\blinear[\s-]prob(?:e|ing)\b", regex.I), "linear probing"),
    (regex.compile(r"\bfine[\s-]?tun(?:e|ed|ing)\b", regex.I), "fine-tuning"),
    (regex.compile(r"\bsemi[\s-]supervised\b", regex.I), "semi-supervised"),
    # the share of labels trained with: "with just 1% of the labels"
    (regex.compile(r"(\d+(?:\.\d+)?)\s?%\s(?:of\s(?:the\s|all\s)?)?(?:ImageNet\s)?(?:labels|labeled|labelled|annotations)\b", regex.I),
     "{0}% labels"),
    # a stated input size, or a raised one
    (regex.compile(r"(?<!\d)(\d{2,4})\s?[x×]\s?\1(?!\d)"), "{0}x{0}"),
    (regex.compile(r"\b(?:higher|increas(?:ed|ing)|larger)\s(?:input\s|image\s)?resolutions?\b", regex.I),
     "higher resolution"),
]
# Which member of a family: "a small version of NASNet", "our largest model".
_MEMBER = regex.compile(r"\b(smallest|smaller|small|tiny|mobile|base|largest|larger|large|huge|best-performing)\s"
                        r"(?:version|variant|model|configuration)\b", regex.I)


def _sentence_settings(text: str) -> list[str]:
    """The conditions a sentence states for all its numbers: "zero-shot", "1% labels", "224x224"."""
    found = []
    for pattern, label in _SETTINGS:
        m = pattern.search(text)
        if m:
            found.append(label.format(*m.groups()) if m.groups() else label)
    return found


# Between a number (and its metric) and the benchmark it was measured on: "on the ImageNet-1k".
_ON_BENCHMARK = regex.compile(r"""^[^,;()\d]{0,50}?\b(?:on|for|in|across|over|at|of|using)\s+
    (?:the\s+|both\s+|several\s+|all\s+|large-scale\s+|challenging\s+|standard\s+|popular\s+)*
    (?:[\w-]+\s+){0,2}$|^\s*$""", regex.VERBOSE | regex.I)
# A name that owns the clause after it: "X, which achieves", "X achieves", "X can reach".
_OWNS = regex.compile(r"""\s*,?\s*(?:\([^()]{0,30}\)\s*)?(?:which|that|who)?\s*(?:also\s+|further\s+|still\s+|can\s+|could\s+|
    consistently\s+|significantly\s+)*(?:achieves?|achieved|attains?|attained|reaches|reached|reach|obtains?|obtained|
    sets?|establishes|yields?|gets?|scores?|records?|delivers?)\b""", regex.VERBOSE | regex.I)
# "For Swin-T, it improves ...": the sentence's topic is what "it" refers to.
_TOPIC = regex.compile(r"(?<![\w-])(?:[Ff]or|[Ww]ith)\s+(?P<name>[A-Z][\w.+/-]*[A-Z0-9][\w.+/-]*)\s*,\s*$")


def _run(text: str, first: list[Mention], all_mentions: list[Mention]) -> list[str]:
    """A benchmark mention and the ones joined to it by "and", "," or "/": one claim each."""
    out = [first[0]]
    for b in all_mentions:
        if b.start <= out[-1].start:
            continue
        gap = text[out[-1].end:b.start]
        if regex.fullmatch(r"\s*(?:,|and|,\s*and|/|&|\+)?\s*(?:the\s+)?", gap):
            out.append(b)
        else:
            break
    return list(dict.fromkeys(b.id for b in out))


def _run_back(text: str, earlier: list[Mention]) -> list[str]:
    """The last benchmark before a number, with those listed with it ("fine-tuned on A, B, and C")."""
    out = [earlier[-1]]
    for b in reversed(earlier[:-1]):
        gap = text[b.end:out[0].start]
        if regex.fullmatch(r"\+?\s*(?:,|and|,\s*and|/|&)?\s*(?:the\s+)?", gap):
            out.insert(0, b)
        else:
            break
    return list(dict.fromkeys(b.id for b in out))
