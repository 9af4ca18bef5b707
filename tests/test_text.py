"""Tests for paperclaims.text: repair with an offset map back to the original, and sentence spans."""
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from paperclaims.text import Repaired, repair, sentences


def assert_invariants(r: Repaired) -> None:
    """The guarantees every Repaired keeps, whatever the input."""
    assert len(r.offsets) == len(r.text) + 1
    assert r.offsets[-1] == len(r.original)
    assert all(a <= b for a, b in zip(r.offsets, r.offsets[1:]))
    assert all(0 <= o <= len(r.original) for o in r.offsets)
    for a in range(len(r.text)):
        s, e = r.to_original(a, a + 1)
        assert 0 <= s <= e <= len(r.original)
    if r.text:
        s, e = r.to_original(0, len(r.text))
        assert 0 <= s <= e <= len(r.original)


def original_of(r: Repaired, probe: str) -> str:
    """The original text behind the first occurrence of `probe` in the repaired text."""
    start = r.text.index(probe)
    s, e = r.to_original(start, start + len(probe))
    return r.original[s:e]


# original, repaired text, a substring of the repaired text, the original it must map back to
REPAIRS = [
    # --- LaTeX ---
    (r"reaches 84.8\% top-1 accuracy", "reaches 84.8% top-1 accuracy", "84.8%", r"84.8\%"),  # escaped percent
    (r"improves throughput by $126.7\%$ over", "improves throughput by 126.7% over", "126.7%", r"126.7\%"),  # math around a number
    (r"gives a 2.5$\times$ speedup", "gives a 2.5× speedup", "×", r"\times"),  # $\times$ in math
    (r"gives a 2.5$\times$ speedup", "gives a 2.5× speedup", "2.5×", r"2.5$\times"),  # the number and its sign together
    (r"is 1.7\times faster", "is 1.7× faster", "1.7×", r"1.7\times"),  # \times outside math
    (r"uses $\sim$40\% fewer FLOPs", "uses ~40% fewer FLOPs", "~40%", r"\sim$40\%"),  # \sim as approximately
    (r"with $\sim 5\%$ of the labels", "with ~5% of the labels", "~5%", r"\sim 5\%"),  # a relation swallows the space before its number
    (r"costs $\approx 2$ GPU days", "costs ≈2 GPU days", "≈2", r"\approx 2"),  # \approx
    (r"with $\le$ 10 ms latency", "with ≤10 ms latency", "≤10", r"\le$ 10"),  # \le
    (r"with $\leq 13$ layers", "with ≤13 layers", "≤13", r"\leq 13"),  # \leq
    (r"error $\leqslant 2\%$", "error ≤2%", "≤2%", r"\leqslant 2\%"),  # \leqslant
    (r"gains $\ge 1.5$ points", "gains ≥1.5 points", "≥1.5", r"\ge 1.5"),  # \ge
    (r"with $\geq$90\% recall", "with ≥90% recall", "≥90%", r"\geq$90\%"),  # \geq
    (r"scores $84.1 \pm 0.2$ on", "scores 84.1 ± 0.2 on", "84.1 ± 0.2", r"84.1 \pm 0.2"),  # \pm keeps its spaces
    (r"$2 \cdot 10^{6}$ steps", "2 · 10^6 steps", "10^6 steps", r"10^{6}$ steps"),  # \cdot, a braced superscript; deleted chars inside a span are covered
    (r"takes 10\,ms per image", "takes 10 ms per image", "10 ms", r"10\,ms"),  # thin space command
    (r"takes 10\;ms per image", "takes 10 ms per image", "10 ms", r"10\;ms"),  # medium space command
    (r"see Fig.\ 3 for", "see Fig. 3 for", "Fig. 3", r"Fig.\ 3"),  # control space
    (r"\textbf{84.8\%} top-1", "84.8% top-1", "84.8%", r"84.8\%"),  # \textbf, braces not in the evidence
    (r"our \emph{much} smaller model", "our much smaller model", "much", "much"),  # \emph
    (r"on the \textit{val} split", "on the val split", "val split", r"val} split"),  # \textit
    (r"\texttt{TinyViT-21M} reaches", "TinyViT-21M reaches", "TinyViT-21M", "TinyViT-21M"),  # \texttt
    (r"an FID of $\mathbf{1.70}$ on", "an FID of 1.70 on", "1.70", "1.70"),  # \mathbf inside math
    (r"a $\mathrm{FID}=2.1$ score", "a FID=2.1 score", "FID=2.1", r"FID}=2.1"),  # \mathrm
    (r"with $\text{top-1}=80.1\%$", "with top-1=80.1%", "80.1%", r"80.1\%"),  # \text
    (r"\textbf{\emph{86.2}} mIoU", "86.2 mIoU", "86.2", "86.2"),  # nested wrappers
    (r"\textbf {41.0} AP", "41.0 AP", "41.0", "41.0"),  # a space before the wrapper's brace
    (r"a learning rate of $10^{-3}$", "a learning rate of 10^-3", "10^-3", r"10^{-3"),  # ^{X} keeps the ^
    (r"an $\mathrm{AP}_{50}$ of 62.1", "an AP_50 of 62.1", "AP_50", r"AP}_{50"),  # _{X} keeps the _
    (r"with $\alpha=0.5$", "with α=0.5", "α", r"\alpha"),  # Greek letter
    (r"at $\epsilon = 8/255$", "at ε = 8/255", "ε", r"\epsilon"),  # \epsilon is the usual epsilon
    (r"a $\Delta$ mIoU of +2.1", "a Δ mIoU of +2.1", "Δ", r"\Delta"),  # capital Greek letter
    (r"a margin ${\delta}$ of 0.1", "a margin δ of 0.1", "δ", r"\delta"),  # braces around one command
    (r"shown in Table~2", "shown in Table 2", "Table 2", "Table~2"),  # a tie after a letter
    (r"reduced by~30\% overall", "reduced by 30% overall", "30%", r"30\%"),  # a tie before a number
    (r"is 5~times faster", "is 5 times faster", "5 times", "5~times"),  # a tie between a number and a word
    (r"costs \$5 per run", "costs $5 per run", "$5", r"\$5"),  # an escaped dollar is a dollar
    (r"for 10--20 epochs", "for 10-20 epochs", "10-20", "10--20"),  # LaTeX en dash between numbers
    # --- symbols mangled by stripping LaTeX ---
    ("the model is 6times smaller", "the model is 6× smaller", "6×", "6times"),  # glued times
    ("runs 1.2times faster", "runs 1.2× faster", "1.2×", "1.2times"),  # decimal glued to times
    ("a 10times reduction", "a 10× reduction", "10×", "10times"),  # two digits glued to times
    ("speedup of 3times.", "speedup of 3×.", "3×", "3times"),  # times before punctuation
    ("at 224times224 resolution", "at 224×224 resolution", "224×224", "224times224"),  # image size
    ("networks of depth (le13) reach", "networks of depth (≤13) reach", "≤13", "le13"),  # lost \le in brackets
    ("a margin ge 5 points", "a margin ≥5 points", "≥5", "ge 5"),  # lost \ge with a space
    ("a ratio leq0.1 works", "a ratio ≤0.1 works", "≤0.1", "leq0.1"),  # lost \leq
    ("scores 84.1pm0.3 top-1", "scores 84.1±0.3 top-1", "84.1±0.3", "84.1pm0.3"),  # lost \pm, glued
    ("scores 84.1 pm 0.3 top-1", "scores 84.1 ± 0.3 top-1", "±", "pm"),  # lost \pm, spaced
    # --- decimals split by PDF extraction ---
    ("achieves 77. 7% mAP", "achieves 77.7% mAP", "77.7%", "77. 7%"),  # space after the point
    ("with 84 .8% top-1", "with 84.8% top-1", "84.8%", "84 .8%"),  # space before the point
    ("only 3. 25% of the data", "only 3.25% of the data", "3.25%", "3. 25%"),  # two decimals
    ("got 77.  7% mAP", "got 77. 7% mAP", "77. 7%", "77.  7%"),  # two spaces: not the PDF split, only collapsed
    # --- hyphenation ---
    ("a new archi- tecture for", "a new architecture for", "architecture", "archi- tecture"),  # hyphen and space
    ("a new archi-\ntecture for", "a new architecture for", "architecture", "archi-\ntecture"),  # hyphen and newline
    ("a new archi-\r\ntecture", "a new architecture", "architecture", "archi-\r\ntecture"),  # Windows line end
    ("a self- supervised model", "a self-supervised model", "self-supervised", "self- supervised"),  # compound prefix keeps its hyphen
    ("is state-of-the-\nart on", "is state-of-the-art on", "state-of-the-art", "state-of-the-\nart"),  # tail of a compound keeps it too
    # --- Unicode ---
    ("a change of \u22120.3 points", "a change of -0.3 points", "-0.3", "\u22120.3"),  # minus sign
    ("drops by \u20130.4 AP", "drops by -0.4 AP", "-0.4", "\u20130.4"),  # en dash as minus
    ("drops by \u2014.5 AP", "drops by -.5 AP", "-.5", "\u2014.5"),  # em dash as minus before a decimal point
    ("for 10\u201320 epochs", "for 10-20 epochs", "10-20", "10\u201320"),  # en dash in a range
    ("for 10 \u2013 20 epochs", "for 10 - 20 epochs", "10 - 20", "10 \u2013 20"),  # spaced en dash in a range
    ("uses ResNet\u201050", "uses ResNet-50", "ResNet-50", "ResNet\u201050"),  # Unicode hyphen
    ("84.8\u2009% top-1", "84.8 % top-1", "84.8 %", "84.8\u2009%"),  # thin space
    ("21\u202fM parameters", "21 M parameters", "21 M", "21\u202fM"),  # narrow no-break space
    ("ImageNet\u00a01k", "ImageNet 1k", "ImageNet 1k", "ImageNet\u00a01k"),  # no-break space
    ("21\u2007M", "21 M", "21 M", "21\u2007M"),  # figure space
    ("got 84.\u200b8% top-1", "got 84.8% top-1", "84.8%", "84.\u200b8%"),  # zero-width space
    ("a new archi\u00adtecture", "a new architecture", "architecture", "archi\u00adtecture"),  # soft hyphen
    ("\uff18\uff14\uff0e\uff18\uff05 top-1", "84.8% top-1", "84.8%", "\uff18\uff14\uff0e\uff18\uff05"),  # full-width digits, point, percent
    ("1\uff0c000 images", "1,000 images", "1,000", "1\uff0c000"),  # full-width comma
    ("\u223c80% fewer", "~80% fewer", "~80%", "\u223c80%"),  # tilde operator
    ("\ufb01ne-tuning", "fine-tuning", "fine", "\ufb01ne"),  # PDF ligature
    ("a 12\u00b5s step", "a 12\u03bcs step", "\u03bcs", "\u00b5s"),  # micro sign becomes Greek mu
    # --- whitespace ---
    ("84.8%\n\ntop-1", "84.8% top-1", "% t", "%\n\nt"),  # newlines
    ("top-1 \t accuracy", "top-1 accuracy", "1 a", "1 \t a"),  # tabs and spaces
    ("top-1\naccuracy", "top-1 accuracy", " ", "\n"),  # a single newline
]


@pytest.mark.parametrize("original, repaired, probe, probe_original", REPAIRS)
def test_repair(original, repaired, probe, probe_original):
    r = repair(original)
    assert r.text == repaired
    assert_invariants(r)
    assert original_of(r, probe) == probe_original


# text that must come out exactly as it went in, with the identity map
UNCHANGED = [
    "it sometimes fails",  # 'times' inside a word
    "on the lifetimes of agents",  # 'times' inside a word
    "at every timestep",  # 'time' prefix
    "for 3timesteps",  # digit before, but a letter after 'times'
    "Our model is 6 times smaller",  # the spelled-out multiplier has a space
    "as Google reported",  # 'le' inside a word
    "see table 5",  # 'le' ends a word, a space, a digit
    "the edge5 split",  # 'ge' after a letter
    "pre- and post-training",  # suspended hyphen, 'and'
    "first- or second-order methods",  # suspended hyphen, 'or'
    "from low- to high-resolution",  # suspended hyphen, 'to'
    "Archi- tecture",  # capitalised fragment: not a line-end split we can trust
    "ResNet- 50",  # a digit after the hyphen
    "in 2019. 7 of the models",  # sentence-final year, not a split decimal
    "ranked 3. 12 of them",  # split-looking number without '%'
    "of 1234. 5% of",  # the integer is too long to be a split decimal
    "ResNet-50 at 224x224",  # a name with a number, and the letter x
    "a 3\u00d7 speedup",  # the times sign stays
    "e.g. 5% of the data",  # an abbreviation before a number
    "approximately ~80% fewer",  # approximately, after a space
    "for 10~20 epochs",  # a tilde range between digits
    "results\u201490% of them",  # an em dash after a word is punctuation
    "a $5 budget",  # a lone dollar sign
    r"the \unknown{x} command",  # an unknown command is left alone
    r"an \textbf{unclosed group",  # a wrapper whose brace never closes
    "",  # nothing at all
]


@pytest.mark.parametrize("original", UNCHANGED)
def test_repair_leaves_alone(original):
    r = repair(original)
    assert r.text == original
    assert r.offsets == tuple(range(len(original) + 1))
    assert_invariants(r)


def test_offsets_of_an_escaped_percent():
    r = repair(r"5\%")
    assert r.text == "5%"
    assert r.offsets == (0, 1, 3)
    assert r.to_original(1, 2) == (1, 3)


def test_empty_span_maps_to_a_point():
    r = repair(r"a \textbf{b} c")
    assert r.text == "a b c"
    assert r.to_original(2, 2) == (r.offsets[2], r.offsets[2])


@pytest.mark.parametrize("span", [(-1, 1), (2, 1), (0, 99)])
def test_to_original_rejects_spans_outside_the_text(span):
    with pytest.raises(ValueError):
        repair("abc").to_original(*span)


def test_hand_built_repaired_without_ends_maps_to_next_offset():
    r = Repaired(original="5\\%!", text="5%!", offsets=(0, 1, 3, 4))
    assert r.to_original(0, 2) == (0, 3)


def test_relation_without_number_keeps_following_text():
    # regression: \le not followed by a number used to swallow the rest of the text
    assert repair(r"$\le x$ and $y$").text == "≤ x and y"


def test_dollar_pairs_too_far_apart_are_literal():
    original = "costs $5 " + "x" * 500 + " and $6"
    assert repair(original).text == original


# text -> its sentences
SENTENCES = [
    ("We propose TinyNet. It works.", ["We propose TinyNet.", "It works."]),  # plain split
    ("  We propose TinyNet.   It works.  ", ["We propose TinyNet.", "It works."]),  # spans are trimmed
    ("It reaches 84.8% top-1. Code is public.", ["It reaches 84.8% top-1.", "Code is public."]),  # decimal point
    ("It wins. 12 of 14 tasks improve.", ["It wins.", "12 of 14 tasks improve."]),  # a digit starts a sentence
    ("Does it scale? Yes! It does.", ["Does it scale?", "Yes!", "It does."]),  # ? and !
    ('He said "it works." Then he left.', ['He said "it works."', "Then he left."]),  # closing quote after the stop
    ("It works (see below.) Next we test.", ["It works (see below.)", "Next we test."]),  # closing bracket after the stop
    ("It works. (We also test it.) Done.", ["It works.", "(We also test it.)", "Done."]),  # a bracket opens a sentence
    ("on 5 tasks, e.g. ImageNet and COCO.", ["on 5 tasks, e.g. ImageNet and COCO."]),  # e.g.
    ("i.e. The rest.", ["i.e. The rest."]),  # i.e.
    ("As in Smith et al. We test it.", ["As in Smith et al. We test it."]),  # et al.
    ("ViT vs. ResNet is close.", ["ViT vs. ResNet is close."]),  # vs.
    ("cf. Table 2 for more.", ["cf. Table 2 for more."]),  # cf.
    ("See Fig. 3 and Figs. 4-5. Then Eq. 2, Sec. 4, Tab. 1.", ["See Fig. 3 and Figs. 4-5.", "Then Eq. 2, Sec. 4, Tab. 1."]),  # figure, equation, section refs
    ("It costs approx. 5 hours.", ["It costs approx. 5 hours."]),  # approx.
    ("It gets 80.1 and 81.2, resp. On COCO it fails.", ["It gets 80.1 and 81.2, resp. On COCO it fails."]),  # resp. never splits, even before a capital
    ("It gains 2 p.p. Over the baseline.", ["It gains 2 p.p. Over the baseline."]),  # p.p.
    ("Scores on the val. Split are high.", ["Scores on the val. Split are high."]),  # val.
    ("All data incl. ImageNet is used.", ["All data incl. ImageNet is used."]),  # incl.
    ("It is No. 1 on the board.", ["It is No. 1 on the board."]),  # No.
    ("Speed, memory, etc. are measured.", ["Speed, memory, etc. are measured."]),  # etc. before lowercase
    ("Speed, memory, etc. The rest is fast.", ["Speed, memory, etc.", "The rest is fast."]),  # etc. ends a sentence
    ("Work by J. Smith shows it.", ["Work by J. Smith shows it."]),  # a single capital initial
    ("See Appendix A. We test it.", ["See Appendix A. We test it."]),  # the price of initials: a one-letter name never ends a sentence
    ("Tests (on ImageNet. And COCO) pass. Done.", ["Tests (on ImageNet. And COCO) pass.", "Done."]),  # an open bracket blocks a split
    ("It runs in 2019. 7 of them fail.", ["It runs in 2019.", "7 of them fail."]),  # year then a digit
    ("We use the U.S. National data.", ["We use the U.S. National data."]),  # an initialism
    ("model.It works", ["model.It works"]),  # no whitespace, no split
    ("We test it. iGPT and mT5 fail.", ["We test it.", "iGPT and mT5 fail."]),  # a name starting lowercase
    ("We test it. phi-1 and wav2vec fail.", ["We test it.", "phi-1 and wav2vec fail."]),  # lowercase names with digits
    ("We test it. it fails.", ["We test it. it fails."]),  # a lowercase word does not start a sentence
    ("Done... Then more.", ["Done...", "Then more."]),  # an ellipsis
    ("", []),  # nothing
    ("   ", []),  # only whitespace
]


@pytest.mark.parametrize("text, expected", SENTENCES)
def test_sentences(text, expected):
    assert [text[s:e] for s, e in sentences(text)] == expected


def test_unclosed_bracket_stops_blocking_after_a_while():
    text = "An aside (that never closes. " + "Words here. " * 30 + "Last one."
    assert len(sentences(text)) > 10


def test_sentences_of_repaired_text_map_back_to_the_original():
    original = "We get $84.8\\%$ top-1. It uses 6times fewer FLOPs."
    r = repair(original)
    spans = [r.to_original(s, e) for s, e in sentences(r.text)]
    assert [original[s:e] for s, e in spans] == ["We get $84.8\\%$ top-1.", "It uses 6times fewer FLOPs."]


# --- properties -----------------------------------------------------------------------------

_PIECES = [
    "0", "1", "7", "42", "224", "%", "\\%", "$", "\\", ".", ". ", " ", "  ", "\n", "times", "\\times",
    "le", "ge", "pm", "\\le", "\\sim", "{", "}", "\\textbf{", "^{", "_{", "~", "-", "- ", "-\n", "archi",
    "and", "A", "e.g.", "(", ")", "\u2212", "\u2013", "\u2009", "\u200b", "\uff18", "\ufb01", "\u00ad", "x",
]
_mangled_text = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)
_any_text = st.text() | _mangled_text


def _check_sentences(text: str) -> None:
    previous_end = 0
    for s, e in sentences(text):
        assert previous_end <= s < e <= len(text)
        assert not text[s].isspace() and not text[e - 1].isspace()
        previous_end = e


@settings(max_examples=200, deadline=None)
@given(_any_text)
def test_repair_invariants_hold_for_any_text(text):
    r = repair(text)
    assert r.original == text
    assert_invariants(r)
    _check_sentences(r.text)


@settings(max_examples=200, deadline=None)
@given(_any_text, st.data())
def test_to_original_of_any_span_is_in_bounds(text, data):
    r = repair(text)
    a = data.draw(st.integers(0, len(r.text)))
    b = data.draw(st.integers(a, len(r.text)))
    s, e = r.to_original(a, b)
    assert 0 <= s <= e <= len(r.original)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_text_with_nothing_to_repair_keeps_the_identity_map(text):
    r = repair(text)
    if r.text == text:
        # nothing was changed, so every char must map to itself
        assert r.offsets == tuple(range(len(text) + 1))


@settings(max_examples=200, deadline=None)
@given(_any_text)
def test_sentences_of_any_text_are_ordered_and_in_bounds(text):
    _check_sentences(text)


# inputs that would take quadratic time with a careless pattern
LONG_LINES = [
    "9" * 1_000_000,  # digits
    "." * 1_000_000,  # dots
    "1." * 500_000,  # digits and dots
    ". " * 500_000,  # dots and spaces
    "(" * 1_000_000,  # brackets that never close
    "a" * 1_000_000 + "- b",  # one long lowercase word before a hyphen
    "1" + " " * 1_000_000 + ".",  # one long gap
]


@pytest.mark.parametrize("text", LONG_LINES, ids=["digits", "dots", "digit-dot", "dot-space", "brackets", "long-word", "long-gap"])
def test_long_lines_run_in_linear_time(text):
    started = time.perf_counter()
    r = repair(text)
    sentences(r.text)
    assert time.perf_counter() - started < 10
