"""Properties of `extract_claims` over any text: it returns, and every claim keeps its promises.

The promises (checked by `check_extraction` in fuzz/fuzz_extract.py, the one definition shared
with the atheris target): `text[start:end] == evidence`, finite values, a kind from KINDS, and
benchmark and metric ids the lexicon knows (or None).
"""
import importlib.util
import random
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
FUZZ_TARGET = ROOT / "fuzz" / "fuzz_extract.py"


def _load_fuzz_target():
    spec = importlib.util.spec_from_file_location("fuzz_extract", FUZZ_TARGET)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


fuzz_extract = _load_fuzz_target()
check_extraction = fuzz_extract.check_extraction

# Modest example counts keep the suite fast; extraction of a long draw can take a while, so no deadline.
PROPERTY_SETTINGS = settings(max_examples=200, deadline=None, derandomize=True,
                             suppress_health_check=[HealthCheck.too_slow])

# The pieces claims are made of: numbers and their punctuation, units, LaTeX, and the words of
# metrics, benchmarks and counts, so that random draws often look like a claim.
ATOMS = [
    "0", "1", "2", "7", "9", "12", "81.3", "0.5", ".81", "1,000", "224", "2024", "10^4", "10^{9}",
    "%", "x", "×", "X", ".", ",", "-", "–", "$", "\\", "\\%", "\\times", "\\pm", "\\sim", "{", "}",
    "(", ")", "[", "]", "+", "±", "<", "≤", "~", " ", " ", " ", "\n", ";", ":", "/", "|",
    "top-1 accuracy", "top-1", "accuracy", "ImageNet", "ImageNet-1k", "CIFAR-10", "COCO", "ADE20K",
    "FID", "mIoU", "mAP", "BLEU", "WER", "GFLOPs", "FLOPs", "M parameters", "parameters", "params",
    "B", "M", "K", "G", "ms", "s", "GPU hours", "times", "fold", "faster", "fewer", "than", "by",
    "improves", "achieves", "our model", "We", "ResNet-50", "ViT-B/16", "DeiT-S", "and", "to",
    "respectively", "zero-shot", "pp", "points", "percent", "e.g.", "vs.", "dB", "PSNR",
]
claimish_text = st.lists(st.sampled_from(ATOMS), max_size=60).map("".join)
titles = st.none() | st.text(max_size=40) | st.lists(st.sampled_from(ATOMS), max_size=8).map("".join)


@PROPERTY_SETTINGS
@given(text=st.text(), title=titles)
def test_any_text_gives_sound_claims(text, title):
    check_extraction(text, title)


@PROPERTY_SETTINGS
@given(text=claimish_text, title=titles)
@example(text="TinyNet achieves 81.3% top-1 accuracy on ImageNet with 22M parameters.", title="TinyNet")
@example(text="$84.8\\%$ top-1 on ImageNet, 2.3$\\times$ faster than DeiT-S", title=None)
def test_claim_like_text_gives_sound_claims(text, title):
    check_extraction(text, title)


@PROPERTY_SETTINGS
@given(text=st.text(alphabet=st.sampled_from("0123456789%x×.,-$\\() "), max_size=300))
def test_number_punctuation_storms_give_sound_claims(text):
    check_extraction(text)


def test_claim_like_text_finds_claims_at_all():
    """The invariant checks are not vacuous: a plain claim comes back whole."""
    claims = check_extraction("TinyNet achieves 81.3% top-1 accuracy on ImageNet.", "TinyNet")
    assert [(c.value, c.metric, c.benchmark) for c in claims] == [(81.3, "top1_accuracy", "imagenet-1k")]


# --- The fuzz target, in a short bounded run. ------------------------------------------------------

FUZZ_RUNS = 500


def _atheris_available() -> bool:
    return importlib.util.find_spec("atheris") is not None


def test_fuzz_target_short_run(tmp_path):
    """With atheris, 500 fuzzing runs of the target in a subprocess; without it, the same checks
    over a few hundred random inputs (bytes near the claim vocabulary, so some claims are found)."""
    if _atheris_available():
        done = subprocess.run(
            [sys.executable, str(FUZZ_TARGET), f"-runs={FUZZ_RUNS}", "-seed=1", "-max_len=512",
             f"-artifact_prefix={tmp_path}/"],
            cwd=tmp_path, capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stderr[-3000:]
        assert f"Done {FUZZ_RUNS} runs" in done.stderr
        return
    rng = random.Random(0)
    found = 0
    for _ in range(FUZZ_RUNS):
        if rng.random() < 0.5:
            data = bytes(rng.randrange(256) for _ in range(rng.randrange(200)))
        else:
            data = "".join(rng.choice(ATOMS) for _ in range(rng.randrange(40))).encode()
        text, title = fuzz_extract.text_and_title(data)
        found += len(check_extraction(text, title))
    assert found > 0


def test_fuzz_target_imports_without_atheris():
    """The suite must not need atheris: loading the target imports only paperclaims."""
    code = ("import sys; sys.modules['atheris'] = None; import importlib.util as u; "
            f"s = u.spec_from_file_location('f', {str(FUZZ_TARGET)!r}); m = u.module_from_spec(s); "
            "s.loader.exec_module(m); m.fuzz_one_input(b'x\\n81.3% top-1 accuracy on ImageNet')")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


# --- Crashes found by the properties and the fuzzer, kept as regressions. -----------------------

# regression: the lexicon trie reads a plural "s" after any unit word ("s" -> "ss"); the unit
# lookup once had no plural key (KeyError 'ss')
@pytest.mark.parametrize("text", ["4ss", "4 ss", "3 Ss", "It takes 5 ss."])
def test_issue6_plural_of_a_unit_word_is_not_a_crash(text):
    check_extraction(text)
