"""The lexicon: surface forms to benchmark and metric ids, mentions in sentences, and the loader's checks."""
from __future__ import annotations

from pathlib import Path

import pytest

from paperclaims.errors import LexiconError
from paperclaims.lexicon import builtin_files, default_lexicon, load_lexicon

L = default_lexicon()


def benchmark_id(surface: str) -> str | None:
    found = L.benchmark(surface)
    return found.id if found else None


def metric_id(surface: str) -> str | None:
    found = L.metric(surface)
    return found.id if found else None


BENCHMARK_FORMS = [
    # vision (vision.toml)
    ("ILSVRC-2012", "imagenet-1k"),
    ("ImageNet 1k", "imagenet-1k"),
    ("ImageNet1k", "imagenet-1k"),           # no separator at all
    ("ImageNet validation set", "imagenet-1k"),
    ("ImageNet 256x256", "imagenet-256x256"),
    ("CIFAR10", "cifar-10"),
    ("CIFAR-100", "cifar-100"),
    ("MS-COCO", "coco"),
    ("MS COCO", "coco"),
    ("COCO test-dev", "coco"),
    ("ADE20K", "ade20k"),
    ("Pascal VOC 2012", "pascal-voc"),
    ("LVIS v1.0", "lvis"),
    # speech
    ("LibriSpeech", "librispeech"),
    ("LibriSpeech test-other", "librispeech"),
    ("test-clean", "librispeech"),           # the split alone names the corpus
    ("Common Voice", "common-voice"),
    ("CommonVoice", "common-voice"),
    ("TIMIT", "timit"),
    ("Hub5'00", "switchboard"),
    ("AISHELL-1", "aishell-1"),
    # language
    ("GLUE", "glue"),
    ("SuperGLUE", "superglue"),
    ("SQuAD v1.1", "squad-v1.1"),
    ("SQuAD1.1", "squad-v1.1"),
    ("SQuAD 2.0", "squad-v2.0"),
    ("SQuAD2.0", "squad-v2.0"),
    ("MNLI-m", "mnli"),
    ("MultiNLI", "mnli"),
    ("SST2", "sst-2"),
    ("RACE", "race"),
    ("XNLI", "xnli"),
    ("CoNLL03", "conll-2003"),
    ("CoNLL-2003", "conll-2003"),
    ("LAMBADA", "lambada"),
    ("WikiText103", "wikitext-103"),
    ("Penn Treebank", "penn-treebank"),
    ("CNN/DailyMail", "cnn-dailymail"),
    ("CNN/Daily Mail", "cnn-dailymail"),
    ("XSum", "xsum"),
    # translation: apostrophes, curly quotes, years and spelled-out pairs
    ("WMT'14 En-De", "wmt14-en-de"),
    ("WMT14 English-German", "wmt14-en-de"),
    ("WMT 2014 English-to-German", "wmt14-en-de"),
    ("WMT-14 EN-DE", "wmt14-en-de"),
    ("WMT’14 English-French", "wmt14-en-fr"),
    ("WMT16 En-Ro", "wmt16-en-ro"),
    ("WMT'16 Romanian-English", "wmt16-ro-en"),
    ("IWSLT'14 De-En", "iwslt14-de-en"),
    # LLM evaluation
    ("MMLU", "mmlu"),
    ("GSM-8K", "gsm8k"),
    ("MATH", "math"),
    ("HumanEval", "humaneval"),
    ("HumanEval+", "humaneval-plus"),
    ("MBPP", "mbpp"),
    ("MT-Bench", "mt-bench"),
    ("AlpacaEval", "alpacaeval"),
    ("AlpacaEval 2.0", "alpacaeval-2.0"),
    ("BBH", "big-bench-hard"),
    ("HellaSwag", "hellaswag"),
    ("ARC-Challenge", "arc-challenge"),
    ("ARC-e", "arc-easy"),
    ("TruthfulQA", "truthfulqa"),
    ("WinoGrande", "winogrande"),
    ("BoolQ", "boolq"),
    # generation and restoration
    ("FFHQ", "ffhq"),
    ("CelebAHQ", "celeba-hq"),
    ("LSUN Bedroom", "lsun-bedroom"),
    ("LSUN churches", "lsun-church"),
    ("Set5", "set5"),
    ("Set14", "set14"),
    ("B100", "bsd100"),
    ("Urban100", "urban100"),
    ("Manga109", "manga109"),
    ("GoPro", "gopro"),
    ("SIDD", "sidd"),
    # video
    ("Kinetics-400", "kinetics-400"),
    ("K400", "kinetics-400"),
    ("Kinetics600", "kinetics-600"),
    ("Something-Something-v2", "something-something-v2"),
    ("SSv2", "something-something-v2"),
    ("UCF101", "ucf-101"),
    ("HMDB51", "hmdb-51"),
    ("AVA", "ava"),
    # reinforcement learning
    ("Atari 100k", "atari-100k"),
    ("Atari-100K", "atari-100k"),
    ("DMControl", "dmcontrol"),
    ("DeepMind Control Suite", "dmcontrol"),
    ("D4RL", "d4rl"),
    ("NetHack", "nethack"),
    ("Procgen", "procgen"),
    # graphs
    ("ogbn-arxiv", "ogbn-arxiv"),
    ("ogbn-products", "ogbn-products"),
    ("ogbg-molhiv", "ogbg-molhiv"),
    ("ZINC", "zinc"),
    ("Cora", "cora"),
    ("Citeseer", "citeseer"),
    # 3D, driving
    ("ModelNet40", "modelnet40"),
    ("ScanNetV2", "scannet"),
    ("S3DIS", "s3dis"),
    ("nuScenes", "nuscenes"),
    ("Waymo Open Dataset", "waymo"),
    # retrieval and multimodal
    ("MS MARCO", "ms-marco"),
    ("BEIR", "beir"),
    ("Flickr30K", "flickr30k"),
    ("VQAv2", "vqav2"),
    ("VQA v2", "vqav2"),
    ("OKVQA", "ok-vqa"),
    ("TextVQA", "textvqa"),
    # time series, medical
    ("ETTh1", "etth1"),
    ("BraTS", "brats"),
]


@pytest.mark.parametrize("surface, expected", BENCHMARK_FORMS)
def test_benchmark_surface_form(surface, expected):
    assert benchmark_id(surface) == expected
    # the generated alternation finds the whole form inside a sentence, not a piece of it
    found = [m.group() for m in L.benchmark_regex.finditer(f"Results on {surface} are reported.")]
    assert found == [surface]


METRIC_FORMS = [
    ("top-1 acc", "top1_accuracy"),
    ("top1 accuracy", "top1_accuracy"),
    ("top-5 accuracy", "top5_accuracy"),
    ("accuracy", "accuracy"),
    ("test error", "error_rate"),
    ("top-1 error", "top1_error"),
    ("box AP", "ap"),
    ("AP^box", "ap"),
    ("AP", "ap"),
    ("AP50", "ap50"),
    ("mask AP", "mask_ap"),
    ("mAP", "map"),
    ("mIoU", "miou"),
    ("PQ", "pq"),
    ("FID", "fid"),
    ("gFID", "gfid"),
    ("rFID", "rfid"),
    ("Inception Score", "is"),
    ("IS", "is"),
    ("WER", "wer"),
    ("word error rate", "wer"),
    ("CER", "cer"),
    ("BLEU", "bleu"),
    ("sacreBLEU", "bleu"),
    ("ROUGE-L", "rouge_l"),
    ("ROUGE-1", "rouge_1"),
    ("ROUGE-2", "rouge_2"),
    ("METEOR", "meteor"),
    ("chrF++", "chrf"),
    ("exact match", "em"),
    ("EM", "em"),
    ("F1 score", "f1"),
    ("perplexity", "perplexity"),
    ("PPL", "perplexity"),
    ("pass@1", "pass_at_1"),
    ("PSNR", "psnr"),
    ("SSIM", "ssim"),
    ("MAE", "mae"),
    ("MSE", "mse"),
    ("AUROC", "auc"),
    ("Spearman correlation", "spearman"),
    ("ECE", "ece"),
    ("GLUE score", "score"),
    ("human-normalized score", "human_normalized_score"),
    ("human normalized score", "human_normalized_score"),
    ("normalized score", "normalized_score"),
    ("D4RL score", "normalized_score"),
    ("average return", "return"),
    ("win rate", "win_rate"),
    ("Matthews correlation", "mcc"),
    ("MCC", "mcc"),
    ("Pearson correlation", "pearson"),
    ("MRR@10", "mrr"),
    ("R@5", "recall_at_5"),
    ("NDS", "nds"),
    ("Chamfer distance", "chamfer_distance"),
    ("bits/dim", "bits_per_dim"),
    ("BPC", "bpc"),
    ("NLL", "nll"),
    ("ELBO", "elbo"),
    ("CIDEr", "cider"),
    ("SPICE", "spice"),
    ("Dice score", "dice"),
    ("HD95", "hausdorff"),
    ("MASE", "mase"),
    ("EER", "eer"),
    ("SI-SNRi", "si_snr"),
    ("J&F", "j_and_f"),
]


@pytest.mark.parametrize("surface, expected", METRIC_FORMS)
def test_metric_surface_form(surface, expected):
    assert metric_id(surface) == expected
    found = [m.group() for m in L.metric_regex.finditer(f"We report {surface} here.")]
    assert found == [surface]


SENTENCES = [
    # speech and translation, with the split glued to the corpus name
    ("Our model reaches 1.9/3.9 WER on LibriSpeech test-clean/test-other and 29.3 BLEU on WMT'14 En-De.",
     ["LibriSpeech test-clean", "WMT'14 En-De"], ["WER", "BLEU"]),
    # detection and segmentation
    ("It achieves 54.1 box AP and 47.0 mask AP on COCO test-dev, and 58.4 mIoU on ADE20K.",
     ["COCO test-dev", "ADE20K"], ["box AP", "mask AP", "mIoU"]),
    # LLM evaluation: code, math, chat
    ("With pass@1 of 67.0% on HumanEval and 8-shot accuracy of 74.4% on GSM8K, it also scores 7.9 on MT-Bench.",
     ["HumanEval", "GSM8K", "MT-Bench"], ["pass@1", "accuracy"]),
    # RL: the longest metric form wins over its tail
    ("On Atari 100k the agent attains a mean human-normalized score of 1.04, and a normalized score of 85.2 on D4RL.",
     ["Atari 100k", "D4RL"], ["mean human-normalized score", "normalized score"]),
    # restoration and generation, a resolution kept with its benchmark
    ("We obtain 32.1 PSNR / 0.91 SSIM on Urban100 and Manga109 (x4), and FID 2.10 on FFHQ 256x256.",
     ["Urban100", "Manga109", "FFHQ 256x256"], ["PSNR", "SSIM", "FID"]),
    # video
    ("The model reaches 87.1% top-1 accuracy on Kinetics-400 and 71.2% on Something-Something V2.",
     ["Kinetics-400", "Something-Something V2"], ["top-1 accuracy"]),
    # graphs
    ("It achieves 74.2% accuracy on ogbn-arxiv and an MAE of 0.069 on ZINC.",
     ["ogbn-arxiv", "ZINC"], ["accuracy", "MAE"]),
    # GLUE tasks, and a benchmark's own score as a metric
    ("Fine-tuned on MNLI-m, SST-2 and SQuAD v1.1, it reaches 90.2 EM / 94.8 F1 and an 88.4 GLUE score.",
     ["MNLI-m", "SST-2", "SQuAD v1.1", "GLUE"], ["EM", "F1", "GLUE score"]),
    # time series: "Weather" is a dataset only when capitalized
    ("Across ETTh1, ETTm2 and Weather, the MSE falls by 12% while MASE on M4 is 1.53.",
     ["ETTh1", "ETTm2", "Weather", "M4"], ["MSE", "MASE"]),
]


@pytest.mark.parametrize("sentence, benchmarks, metrics", SENTENCES)
def test_mentions_in_sentence(sentence, benchmarks, metrics):
    assert [m.group() for m in L.benchmark_regex.finditer(sentence)] == benchmarks
    assert [m.group() for m in L.metric_regex.finditer(sentence)] == metrics


NOT_BENCHMARKS = [
    # regression: ids and names (race, math) once matched case-insensitively despite exact_aliases
    "We race to the math of the arc in these places.",
    # regression: the alias IN-A, matched case-insensitively, read "in a" as ImageNet-A
    "We train it in a few hours.",
    # English words that name datasets only as written: DROP, ReCoRD, Spider, PROTEINS, RESIDE
    "Accuracy drops on traffic and weather records, and spiders reside near the proteins.",
    "The kinetics of the reaction resemble a pile of adult birds.",
    "Pets and places tell a story.",
]


@pytest.mark.parametrize("sentence", NOT_BENCHMARKS)
def test_ordinary_words_are_not_benchmarks(sentence):
    assert [m.group() for m in L.benchmark_regex.finditer(sentence)] == []


def test_ordinary_words_are_not_metrics():
    # PER, Dice and SPICE are metrics only as written
    assert [m.group() for m in L.metric_regex.finditer("We return the results per image and dice the spice.")] == []


def test_every_surface_form_is_found_whole_and_resolves_to_its_entry():
    # an alternation ordered by alias length can let a shorter form win ("HumanEval" in "HumanEval+")
    wrong = []
    for entries, regex_, lookup, with_name in ((L.benchmarks, L.benchmark_regex, L.benchmark, True),
                                               (L.metrics, L.metric_regex, L.metric, False)):
        for entry in entries.values():
            for form in (*entry.aliases, *entry.exact_aliases, *([entry.name] if with_name else [])):
                found = [m.group() for m in regex_.finditer(f"Results on {form} are in.")]
                hit = lookup(form)
                if found != [form] or hit is None or hit.id != entry.id:
                    wrong.append((entry.id, form, found))
    assert wrong == []


def test_every_benchmark_has_a_task_and_a_known_primary_metric():
    for b in L.benchmarks.values():
        assert b.task, b.id
        assert b.primary_metric in L.metrics, b.id


def test_every_metric_has_a_direction_and_a_scale():
    for m in L.metrics.values():
        assert isinstance(m.higher_is_better, bool), m.id
        assert m.scale in (0, 1, 100), m.id


def test_every_benchmark_file_starts_with_a_comment():
    for origin, text in builtin_files():
        if "/benchmarks/" in origin:
            assert text.startswith("# "), origin


def test_spec_metric_ids_exist():
    spec = ("top1_accuracy top5_accuracy accuracy error_rate top1_error fid gfid rfid is miou pq ap ap50 "
            "mask_ap map f1 em bleu rouge_l wer cer perplexity pass_at_1 psnr ssim mae mse auc spearman "
            "ece score human_normalized_score average_accuracy linear_transfer_accuracy").split()
    assert [m for m in spec if m not in L.metrics] == []


def test_suggestions_for_a_misspelled_benchmark():
    assert "imagenet-1k" in L.suggest_benchmarks("imagenett")


# ---- user lexicon files -------------------------------------------------------------------------

def user_file(tmp_path: Path, text: str, name: str = "extra.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_user_file_adds_a_benchmark(tmp_path):
    path = user_file(tmp_path, """
[benchmark.my-bench]
name = "MyBench"
task = "question answering"
primary_metric = "accuracy"
aliases = ["MyBench-v2"]
""")
    lex = load_lexicon([path])
    assert lex.benchmark("mybench v2").id == "my-bench"
    assert [m.group() for m in lex.benchmark_regex.finditer("82.1% on MyBench-v2.")] == ["MyBench-v2"]


def test_user_file_adds_an_alias_to_a_builtin_benchmark(tmp_path):
    path = user_file(tmp_path, '[benchmark.imagenet-1k]\naliases = ["IN1K-val"]\n')
    bench = load_lexicon([path]).benchmark("IN1K-val")
    assert bench.id == "imagenet-1k"
    assert "ILSVRC-2012" in bench.aliases  # the built-in aliases stay
    assert bench.primary_metric == "top1_accuracy"


def test_user_file_takes_an_alias_over(tmp_path):
    path = user_file(tmp_path, '[benchmark.cub-2011-crops]\nname = "CUB crops"\naliases = ["CUB"]\n')
    lex = load_lexicon([path])
    assert lex.benchmark("CUB").id == "cub-2011-crops"
    assert "CUB" not in lex.benchmarks["cub-200"].aliases


REJECTED = [
    # the same alias on two entries of one file
    ('[benchmark.a-bench]\naliases = ["Twin"]\n[benchmark.b-bench]\naliases = ["twin"]\n',
     r"^.*extra\.toml: \[benchmark\.b-bench\] alias 'twin' is already an alias of \[benchmark\.a-bench\] \(.*extra\.toml\)$"),
    # a field the format does not know
    ('[benchmark.a-bench]\nnmae = "A"\n',
     r"^.*extra\.toml: \[benchmark\.a-bench\]: unknown field 'nmae' \(known: name, task, .*\)$"),
    # a section the format does not know
    ('[benchmarks.a-bench]\nname = "A"\n',
     r"^.*extra\.toml: unknown section \[benchmarks\] \(known: benchmark, metric, .*\)$"),
    # a list where a string belongs
    ('[benchmark.a-bench]\nprimary_metric = ["fid"]\n',
     r"^.*extra\.toml: \[benchmark\.a-bench\]: primary_metric must be a str$"),
    # a string where a list belongs
    ('[benchmark.a-bench]\naliases = "A"\n',
     r"^.*extra\.toml: \[benchmark\.a-bench\]: aliases must be a list$"),
    # a primary metric nobody defined
    ('[benchmark.a-bench]\nprimary_metric = "fidelity"\n',
     r"^\[benchmark\.a-bench\] primary_metric 'fidelity' is not a known metric$"),
    # not TOML at all
    ('[benchmark.a-bench\nname = "A"\n',
     r"^.*extra\.toml: not valid TOML: .+$"),
]


@pytest.mark.parametrize("text, message", REJECTED)
def test_rejected_user_file(tmp_path, text, message):
    path = user_file(tmp_path, text)
    with pytest.raises(LexiconError, match=message) as err:
        load_lexicon([path])
    assert "\n" not in str(err.value)


def test_unreadable_user_file(tmp_path):
    missing = tmp_path / "nowhere.toml"
    with pytest.raises(LexiconError, match=r"^.*nowhere\.toml: cannot read lexicon file: No such file or directory$"):
        load_lexicon([missing])
    with pytest.raises(LexiconError, match=r"cannot read lexicon file: Is a directory$"):
        load_lexicon([tmp_path])
