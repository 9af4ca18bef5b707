"""Synthetic feeds for benchmarking: realistic ML abstracts from templates, any size, one seed.

The abstracts mix what real feeds hold: background sentences with no number (about half of
all abstracts have none at all), a method named in the title, results with a metric and a
benchmark ("84.3% top-1 accuracy on ImageNet-1k"), deltas and ratios against a baseline,
resource counts, and a little LaTeX and Unicode damage for the repair passes. The text is
written as JSON Lines, one paper at a time, so a 1 GB corpus never sits in memory.
"""
from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Iterator

# (benchmark as written, metrics that go with it, (low, high) of a plausible value)
_RESULTS = [
    ("ImageNet", ["top-1 accuracy", "top-5 accuracy"], (70, 90)),
    ("ImageNet-1k", ["top-1 accuracy"], (70, 90)),
    ("CIFAR-10", ["accuracy", "test error"], (2, 98)),
    ("CIFAR-100", ["accuracy"], (60, 90)),
    ("COCO", ["AP", "mAP", "box AP", "mask AP"], (30, 60)),
    ("ADE20K", ["mIoU"], (40, 60)),
    ("Cityscapes", ["mIoU"], (70, 85)),
    ("FFHQ", ["FID"], (2, 15)),
    ("CelebA-HQ", ["FID"], (3, 20)),
    ("LibriSpeech test-other", ["WER"], (2, 9)),
    ("WMT14 En-De", ["BLEU"], (25, 35)),
    ("SQuAD", ["F1", "EM"], (80, 95)),
    ("GLUE", ["average score"], (80, 90)),
    ("HumanEval", ["pass@1"], (20, 80)),
    ("GSM8K", ["accuracy"], (30, 90)),
    ("Kinetics-400", ["top-1 accuracy"], (75, 88)),
    ("ScanNet", ["mIoU"], (60, 78)),
    ("Set5", ["PSNR"], (30, 39)),
]
_BASELINES = ["ResNet-50", "ViT-B/16", "DeiT-S", "Swin-T", "BERT-base", "GPT-2", "StyleGAN2",
              "DETR", "Mask R-CNN", "wav2vec 2.0", "the strongest baseline", "prior work",
              "the state of the art", "T5-Large", "ConvNeXt-T", "LLaMA-7B"]
_PREFIXES = ["Lite", "Sparse", "Fast", "Deep", "Meta", "Hyper", "Neuro", "Flex", "Omni", "Quant",
             "Tiny", "Proto", "Graph", "Diff", "Token", "Mix", "Auto", "Cross", "Dual", "Vision"]
_SUFFIXES = ["ViT", "Net", "Former", "MLP", "GAN", "NAS", "Diff", "BERT", "Seg", "Det", "Mixer",
             "LM", "Flow", "Conv", "Gen", "Match"]
_TOPICS = ["image classification", "object detection", "semantic segmentation", "image synthesis",
           "speech recognition", "machine translation", "question answering", "code generation",
           "video understanding", "3D scene understanding", "super-resolution",
           "self-supervised learning", "neural architecture search", "reinforcement learning",
           "graph representation learning", "efficient inference"]
_BACKGROUND = [
    "Recent advances in {topic} have been driven by ever larger models and datasets.",
    "However, existing approaches to {topic} remain expensive to train and hard to deploy.",
    "A key challenge in {topic} is balancing accuracy against computational cost.",
    "Despite their success, current methods for {topic} often fail to generalize beyond the training distribution.",
    "In this paper, we revisit the design space of {topic} from a practical perspective.",
    "Prior work has largely focused on scaling, leaving the role of inductive biases unclear.",
    "We show that simple modifications to the training recipe close much of the gap.",
    "Our analysis reveals that the attention maps of deep layers are highly redundant.",
    "We further provide a theoretical analysis that explains the observed behaviour.",
    "Extensive experiments and ablations confirm the effectiveness of each component.",
    "Code and pretrained models are publicly available.",
    "The approach is simple, general, and easy to implement on top of existing pipelines.",
    "We hope this work serves as a strong baseline for future research in {topic}.",
    "Unlike previous methods, our approach requires neither extra data nor hand-crafted priors.",
]
_METHOD = [
    "We propose {name}, a {adj} architecture for {topic}.",
    "To address this, we introduce {name}, which combines {adj} token mixing with a lightweight decoder.",
    "We present {name}, a {adj} framework that learns from unlabeled data.",
    "In this work we propose a {adj} method, called {name}, for {topic}.",
]
_ADJECTIVES = ["simple", "efficient", "scalable", "hierarchical", "sparse", "lightweight", "robust",
               "modular", "unified", "data-efficient"]
_RESULT = [
    "{name} achieves {value}% {metric} on {bench}, outperforming {base} by {delta} points.",
    "On {bench}, our model reaches {value} {metric_bare} with only {params}M parameters.",
    "Our best model obtains a {metric} of {value}% on {bench}, a new state of the art.",
    "{name} improves {metric} on {bench} from {old} to {value}.",
    "With {params}M parameters and {flops} GFLOPs, {name} attains {value}% {metric} on {bench}.",
    "It runs {speed}x faster than {base} while using {saving}% less memory.",
    "Compared with {base}, {name} reduces training cost by {speed}x and improves {metric} by {delta}%.",
    "{name}-S, {name}-B and {name}-L achieve {value}%, {value2}% and {value3}% {metric} on {bench}, respectively.",
    "On {bench} it achieves $ {value}\\% $ {metric}, {delta}~points above {base}.",
    "Training takes {hours} GPU hours on {gpus} A100 GPUs, and inference takes {ms} ms per image.",
]


def _name(rng: random.Random) -> str:
    return rng.choice(_PREFIXES) + rng.choice(_SUFFIXES)


def _paper(rng: random.Random, number: int) -> dict:
    name, topic = _name(rng), rng.choice(_TOPICS)
    title = rng.choice([
        f"{name}: {rng.choice(_ADJECTIVES).capitalize()} {topic.title()} at Scale",
        f"{name}: Towards {rng.choice(_ADJECTIVES).capitalize()} {topic.title()}",
        f"Rethinking {topic.title()} with {rng.choice(_ADJECTIVES).capitalize()} Models",
        f"On the Role of Inductive Biases in {topic.title()}",
    ])
    sentences = [s.format(topic=topic) for s in rng.sample(_BACKGROUND, rng.randint(2, 5))]
    sentences.insert(rng.randint(1, len(sentences)), rng.choice(_METHOD).format(
        name=name, adj=rng.choice(_ADJECTIVES), topic=topic))
    if rng.random() < 0.45:  # about half of real abstracts state a number, most only one or two
        for _ in range(rng.choice((1, 1, 1, 2, 2, 3))):
            bench, metrics, (low, high) = rng.choice(_RESULTS)
            metric = rng.choice(metrics)
            value = round(rng.uniform(low, high), 1)
            sentences.insert(rng.randint(2, len(sentences)), rng.choice(_RESULT).format(
                name=name, bench=bench, metric=metric, metric_bare=metric, base=rng.choice(_BASELINES),
                value=value, value2=round(value + rng.uniform(0.5, 2), 1),
                value3=round(value + rng.uniform(2.5, 4), 1), old=round(value - rng.uniform(0.5, 5), 1),
                delta=round(rng.uniform(0.2, 5), 1), params=rng.choice([5, 11, 22, 28, 86, 307]),
                flops=round(rng.uniform(0.5, 20), 1), speed=round(rng.uniform(1.2, 8), 1),
                saving=rng.randint(10, 70), hours=rng.choice([8, 64, 256, 1024]),
                gpus=rng.choice([1, 8, 64]), ms=round(rng.uniform(2, 40), 1)))
    abstract = " ".join(sentences)
    if rng.random() < 0.05:  # a little PDF damage: a line-end hyphen, odd spaces, a Unicode dash
        abstract = abstract.replace("architecture", "archi- tecture", 1).replace(" with ", "\u00a0with ", 1)
    # arXiv-shaped ids (the readers take only those), unique: 100,000 papers a month from 2015
    month = number // 100_000
    arxiv_id = f"{15 + month // 12:02d}{1 + month % 12:02d}.{number % 100_000:05d}"
    return {"id": arxiv_id, "title": title, "abstract": abstract, "url": f"https://arxiv.org/abs/{arxiv_id}",
            "date": f"20{15 + month // 12:02d}-{1 + month % 12:02d}-{1 + number % 28:02d}"}


def papers(seed: int = 0) -> Iterator[dict]:
    """An endless, deterministic stream of synthetic papers."""
    rng = random.Random(seed)
    number = 0
    while True:
        number += 1
        yield _paper(rng, number)


def write_corpus(path: Path, size: int, seed: int = 0) -> int:
    """Write JSON Lines papers to `path` until it holds at least `size` bytes; return the size."""
    written = 0
    with open(path, "w", encoding="utf-8") as out:
        for paper in papers(seed):
            line = json.dumps(paper, ensure_ascii=False) + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))
            if written >= size:
                break
    return written


def write_repeated(source: Path, path: Path, size: int) -> int:
    """Write `source` over and over to `path` until it holds at least `size` bytes."""
    data = source.read_bytes()
    if not data.endswith(b"\n"):
        data += b"\n"
    copies = max(1, -(-size // len(data)))
    with open(path, "wb") as out:
        for _ in range(copies):
            out.write(data)
    return copies * len(data)


if __name__ == "__main__":  # a quick look at the text: python benchmarks/corpus.py
    for _, paper in zip(range(3), papers()):
        print(json.dumps(paper, indent=1, ensure_ascii=False))
