"""Shortcuts taken for speed give exactly what the slower way they stand in for gives."""
import sys

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from paperclaims.claims import _MAY_HOLD_NUMBER, _may_hold_number
from paperclaims.lexicon import default_lexicon
from paperclaims.mentions import _MODEL, _MODEL_IN_ASCII, _NAME_TAIL, _NUMBER_WORD, _WORD_MULTIPLIER, may_hold_number_word
from paperclaims.naming import _ACRONYM, _INTRODUCED, _IS_A_NEW, _acronyms, _may_match
from paperclaims.text import _ABBREVIATIONS, _INITIALISM, _PASSES, _SINGLE_INITIAL, _is_abbreviation

FAST_PATH_SETTINGS = settings(max_examples=500, deadline=None, derandomize=True)

# Pieces that make the shortcuts' decisions: digits, number words in any case, bracketed
# acronyms, the characters that break a phrase, and non-ASCII letters, spaces and marks.
PIECES = ["1", "7", "٣", "twice", "TIMES", "Half", "third", "fold", "x", "(NAS)", "(Ab-1)", "(AB",
          ")", "(", "search", "Neural", "-", "_", " ", "  ", "\n", "\u00a0", ",", ".", "é", "\u0301",
          "ſ", "K", "İ"]
pieced_text = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


@FAST_PATH_SETTINGS
@given(text=st.text() | pieced_text)
def test_may_hold_number_agrees_with_its_pattern(text):
    assert _may_hold_number(text) == bool(_MAY_HOLD_NUMBER.search(text))


@FAST_PATH_SETTINGS
@given(text=st.text() | pieced_text)
def test_may_hold_number_word_agrees_with_its_pattern(text):
    assert may_hold_number_word(text) == bool(_NUMBER_WORD.search(text))


@FAST_PATH_SETTINGS
@given(text=st.lists(st.sampled_from(["two", "Three", " ", "-", "times", "fold", "orders of magnitude",
                                      "an order of MAGNITUDE", "a half", "Twice", "doubles", "x"]),
                     max_size=12).map("".join))
def test_every_multiplier_in_words_holds_a_number_word(text):
    if _WORD_MULTIPLIER.search(text):
        assert may_hold_number_word(text)


def _spans(matches):
    return [(m.span(), m.group("phrase"), m.group("name")) for m in matches]


@FAST_PATH_SETTINGS
@given(text=st.text() | pieced_text)
def test_acronyms_are_the_patterns_matches(text):
    assert _spans(_acronyms(text)) == _spans(_ACRONYM.finditer(text))


def _surface_matches(matcher, text):
    return [(m.span(), m.group()) for m in matcher.finditer(text)]


# Benchmark and metric names in odd cases and spacings, with the characters around them that
# decide where a name may start and end.
NAMES = ["ImageNet", "imagenet-1k", "IMAGENET 1K", "CIFAR-10", "cifar10", "COCO", "mAP", "MAP", "top-1",
         "Top 1 Accuracy", "FID", "fids", "BLEU", "WER", "mIoU", "SST-2", "Graph-SST2", "Stylized-ImageNet",
         "@", "-", " ", "/", "x", "k", "\u212a", "ſ", "é"]


@FAST_PATH_SETTINGS
@given(text=st.lists(st.sampled_from(NAMES), max_size=12).map("".join) | st.text())
def test_surface_matcher_finds_the_same_forms_in_lower_cased_text(text):
    lexicon = default_lexicon()
    for matcher in (lexicon.benchmark_regex, lexicon.metric_regex):
        assert matcher._lowered is not None
        fast = _surface_matches(matcher, text)
        lowered, matcher._lowered = matcher._lowered, None
        try:
            assert fast == _surface_matches(matcher, text)
        finally:
            matcher._lowered = lowered


def test_scale_factors_are_those_of_pints_full_registry():
    import pint

    from paperclaims.units import scale_factor

    full = pint.UnitRegistry()
    full.define("parameter = [parameters] = param")
    for prefix in ("k", "K", "M", "G", "T", "P", "kilo", "mega", "giga", "tera", "peta", "exa", "milli",
                   "micro", "µ", "mu", "hecto", "deca", "da", "kibi", "Mi", "semi", "demi", "sesqui"):
        name = {"K": "k"}.get(prefix, prefix)
        assert scale_factor(prefix) == full.Quantity(1, f"{name}parameter").to("parameter").magnitude, prefix


# Pieces that trigger the repairs: LaTeX, mangled symbols, split decimals, line-end hyphens,
# odd spaces and Unicode dashes and forms.
REPAIR_PIECES = ["1", "84", ".", " ", "  ", "\n", "\r\n", "\t", "\u00a0", "\u2009", "-", "\u2013", "\u2212",
                 "\u2014", "\uff05", "\ufb01", "\u00ad", "%", "$", "\\", "\\%", "\\times", "\\sim ", "{", "}",
                 "^{", "~", "--", "times", "pm", "le", "geq", "arch", "self", "and", "Table", "é", "\u0301"]


@FAST_PATH_SETTINGS
@given(text=st.lists(st.sampled_from(REPAIR_PIECES), max_size=30).map("".join) | st.text())
def test_a_repair_pass_is_skipped_only_where_it_would_change_nothing(text):
    for repair_pass in _PASSES:
        may_apply = getattr(repair_pass, "may_apply", None)
        if may_apply is not None and not may_apply(text):
            assert repair_pass.__class__(repair_pass.name, repair_pass.rules)(text) == [], repair_pass.name


@FAST_PATH_SETTINGS
@given(text=st.lists(st.sampled_from(["ResNet", "-50", "ViT", "-B/16", "m2mKD", "iBOT", "Swin", "-T", "++", "+",
                                      "BERT", "x", "1", " ", "/", ".", "-", "_", "(", "a", "Z"]),
                     max_size=16).map("".join))
def test_model_names_in_ascii_text_are_the_patterns_matches(text):
    assert [m.span() for m in _MODEL_IN_ASCII.finditer(text)] == [m.span() for m in _MODEL.finditer(text)]


def _word_before_by_loop(text, stop):
    """The word before a '.', found a character at a time (what `_is_abbreviation` did before)."""
    word_start, floor = stop, max(0, stop - 24)
    while word_start > floor and not text[word_start - 1].isspace():
        word_start -= 1
    return text[word_start:stop + 1].lstrip("([{\"'“‘")


@FAST_PATH_SETTINGS
@given(text=st.lists(st.sampled_from(["e", "g", ".", " ", "\u2009", "\x1c", "\x85", "J", "(", "al", "U", "S",
                                      "x" * 30, "“", "é"]), min_size=1, max_size=12).map("".join))
def test_abbreviations_are_told_by_the_word_before_the_point(text):
    for stop in (i for i, char in enumerate(text) if char == "."):
        word = _word_before_by_loop(text, stop)
        expected = word.lower() in _ABBREVIATIONS or bool(
            _SINGLE_INITIAL.match(word) or (word.count(".") >= 2 and _INITIALISM.match(word)))
        assert _is_abbreviation(text, stop) == expected


@FAST_PATH_SETTINGS
@given(text=st.lists(st.sampled_from(["a", "B", "_", ".", "-", "/", " ", "1", "é", "\u0301", "x.y-", "ResNet-"]),
                     max_size=12).map("".join))
def test_name_tail_searched_backwards_finds_what_a_forward_search_finds(text):
    forward = regex.compile(_NAME_TAIL.pattern.removeprefix("(?r)"), _NAME_TAIL.flags & ~regex.REVERSE)
    assert bool(_NAME_TAIL.search(text)) == bool(forward.search(text))


def test_every_whitespace_character_but_the_space_is_unprintable():
    """What lets the whitespace pass be skipped for printable text with no double space."""
    spaces = regex.compile(r"\s")
    printable_spaces = [hex(code) for code in range(sys.maxunicode + 1)
                        if code != 0x20 and chr(code).isprintable() and spaces.match(chr(code))]
    assert printable_spaces == []


@FAST_PATH_SETTINGS
@given(text=st.lists(st.sampled_from(["We", "we", " ", ". ", "called", "named", "dubbed", "referred to as", "as",
                                      "Net", "FooNet", "(FN)", " is a ", " is an ", "new", "novel", "simple",
                                      "method", "\n", "“", ","]), max_size=16).map("".join))
def test_naming_skips_a_pattern_only_where_it_cannot_match(text):
    for pattern in (_INTRODUCED, _IS_A_NEW):
        if not _may_match(pattern, text):
            assert pattern.search(text) is None
