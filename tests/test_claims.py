"""The claim grammar, as a table: sentence -> the exact claims it yields (claims-spec.md)."""
import math

import pytest

from paperclaims import KINDS, extract_claims
from paperclaims.model import COLUMNS

TITLE = "FooNet: Small Networks for Everything"

# (kind, model, benchmark, metric, value, unit, magnitude)
R = "result"
D = "delta"
X = "ratio"
S = "resource"

CASES = [
    # a result with its benchmark carried from "On X," and its size as a resource row; LaTeX \%
    ("On CIFAR-10, our model achieves 2.08\\% test error with only 5.7M parameters.",
     [(R, "FooNet", "cifar-10", "error_rate", 2.08, "%", None),
      (S, "FooNet", "cifar-10", "params", 5.7, "params", 5.7e6)]),
    # the canonical sentence: accuracy, params and GFLOPs, the model named in the sentence
    ("FooNet reaches 84.8% top-1 accuracy on ImageNet-1k with 21M parameters and 4.5 GFLOPs.",
     [(R, "FooNet", "imagenet-1k", "top1_accuracy", 84.8, "%", None),
      (S, "FooNet", "imagenet-1k", "params", 21.0, "params", 21e6),
      (S, "FooNet", "imagenet-1k", "flops", 4.5, "flops", 4.5e9)]),
    # a delta against a named baseline and a mangled multiplier ("1.2times")
    ("Our model is 3.1% better in top-1 accuracy than MobileNetV2 while being 1.2times faster.",
     [(D, "FooNet", None, "top1_accuracy", 3.1, "%", None),
      (X, "FooNet", None, "speed", 1.2, "x", None)]),
    # percentage points
    ("It improves ImageNet top-1 accuracy by 1.1 percentage points over DeiT-S.",
     [(D, "FooNet", "imagenet-1k", "top1_accuracy", 1.1, "pp", None)]),
    # bare scores, generation benchmarks by resolution, the metric shared along the sentence
    ("We obtain an FID of 1.70 on ImageNet 256x256 and 2.89 on ImageNet 512x512.",
     [(R, "FooNet", "imagenet-256x256", "fid", 1.70, None, None),
      (R, "FooNet", "imagenet-512x512", "fid", 2.89, None, None)]),
    # ranges of results and of FLOPs, the unit written once at the end
    ("Our models reach top-1 accuracies ranging from 76.5% to 80.9% with 200 to 1000 MFLOPs.",
     [(R, "FooNet", None, "top1_accuracy", 76.5, "%", None),
      (R, "FooNet", None, "top1_accuracy", 80.9, "%", None),
      (S, "FooNet", None, "flops", 200.0, "flops", 2e8),
      (S, "FooNet", None, "flops", 1000.0, "flops", 1e9)]),
    # "respectively" pairs numbers with benchmarks in order
    ("We improve over the baselines by 0.7% and 1.5% on CIFAR-100 and ImageNet, respectively.",
     [(D, "FooNet", "cifar-100", "top1_accuracy", 0.7, "%", None),
      (D, "FooNet", "imagenet-1k", "top1_accuracy", 1.5, "%", None)]),
    # "|" lists pair values with model names
    ("Students MobileNet-V1|ResNet-50 reach 75.15%|82.03% top-1 accuracies on ImageNet.",
     [(R, "MobileNet-V1", "imagenet-1k", "top1_accuracy", 75.15, "%", None),
      (R, "ResNet-50", "imagenet-1k", "top1_accuracy", 82.03, "%", None)]),
    # search cost, a baseline's own cost named after it, thousands separators
    ("The search takes only 0.52 GPU days, compared to 3,150 GPU days by AmoebaNet.",
     [(S, "FooNet", None, "search_cost", 0.52, "gpu_days", None),
      (S, "AmoebaNet", None, "search_cost", 3150.0, "gpu_days", None)]),
    # bounds written as comparisons: FID<2 and 90%+
    ("Our tokenizer attains FID<2 on ImageNet and today's best models achieve 90%+ top-1 accuracy.",
     [(R, "FooNet", "imagenet-1k", "fid", 2.0, None, None),
      (R, "FooNet", "imagenet-1k", "top1_accuracy", 90.0, "%", None)]),
    # ratios of parameters and compute; the baseline's name (ViT-g/14) holds no number
    ("It uses 6times fewer parameters and 9x less training compute than ViT-g/14.",
     [(X, "FooNet", None, "params", 6.0, "x", None),
      (X, "FooNet", None, "compute", 9.0, "x", None)]),
    # a decimal split by PDF extraction, and "approximately"
    ("SpaRTAN achieves 77. 7% accuracy on ImageNet-1k with approximately 1.0 GFLOPs.",
     [(R, "SpaRTAN", "imagenet-1k", "top1_accuracy", 77.7, "%", None),
      (S, "SpaRTAN", "imagenet-1k", "flops", 1.0, "flops", 1e9)]),
    # a size before "model", spelled-out millions, milliseconds
    ("Our 3B model has 650 million parameters in the encoder and runs at 79ms latency.",
     [(S, "FooNet", None, "params", 3.0, "params", 3e9),
      (S, "FooNet", None, "params", 650.0, "params", 6.5e8),
      (S, "FooNet", None, "latency", 79.0, "ms", None)]),
    # not claims: names with numbers, years, batch sizes, epochs, GPU counts, label fractions
    ("We train ResNet-50 and ViT-L/14 in 2019 with batch size 4096 for 300 epochs on 8 GPUs, "
     "using 10% of the labels.", []),
    # shares of data and compute, and a percentage speed-up
    ("Our method uses only 27.7% of the data and training compute, and is 30% faster.",
     [(X, "FooNet", None, "data", 27.7, "%", None),
      (X, "FooNet", None, "compute", 27.7, "%", None),
      (X, "FooNet", None, "speed", 30.0, "%", None)]),
    # detection and segmentation scores written bare
    ("It achieves 35.6 box AP and 31.2 mask AP on COCO, and 48.1 mIoU on ADE20K.",
     [(R, "FooNet", "coco", "ap", 35.6, None, None),
      (R, "FooNet", "coco", "mask_ap", 31.2, None, None),
      (R, "FooNet", "ade20k", "miou", 48.1, None, None)]),
    # translation and speech: "WER of 1.8/3.3"
    ("Our model reaches a BLEU of 28.4 on WMT 2014 English-to-German and a WER of 1.8/3.3 on the "
     "LibriSpeech test-clean/test-other sets.",
     [(R, "FooNet", "wmt14-en-de", "bleu", 28.4, None, None),
      (R, "FooNet", "librispeech", "wer", 1.8, None, None),
      (R, "FooNet", "librispeech", "wer", 3.3, None, None)]),
    # code generation
    ("We achieve pass@1 of 50.6% on HumanEval.",
     [(R, "FooNet", "humaneval", "pass_at_1", 50.6, "%", None)]),
    # reinforcement learning
    ("Our agent achieves a mean human-normalized score of 1.04 on Atari 100k.",
     [(R, "FooNet", "atari-100k", "human_normalized_score", 1.04, None, None)]),
    # a gain with a sign, the benchmark before the metric
    ("FooNet brings +1.3% ImageNet top-1 accuracy over FBNetV3.",
     [(D, "FooNet", "imagenet-1k", "top1_accuracy", 1.3, "%", None)]),
    # a delta list continuing over benchmarks: "improves by 1.7% on A, 3.5% on B"
    ("The accuracy of ResNet-50 improves by 1.7% on ImageNet, 3.5% on ImageNetV2 and 10.0% on ImageNet-R.",
     [(D, "ResNet-50", "imagenet-1k", "top1_accuracy", 1.7, "%", None),
      (D, "ResNet-50", "imagenet-v2", "top1_accuracy", 3.5, "%", None),
      (D, "ResNet-50", "imagenet-r", "top1_accuracy", 10.0, "%", None)]),
    # one number over a slash list of benchmarks
    ("We observe gains of up to 10% on ImageNet-R/A/C.",
     [(D, "FooNet", "imagenet-r", "top1_accuracy", 10.0, "%", None),
      (D, "FooNet", "imagenet-a", "top1_accuracy", 10.0, "%", None),
      (D, "FooNet", "imagenet-c", "top1_accuracy", 10.0, "%", None)]),
    # "from A to B" is two results, not a delta
    ("Transfer accuracy improves from 77.98% to 79.70% on CIFAR-100.",
     [(R, "FooNet", "cifar-100", "top1_accuracy", 77.98, "%", None),
      (R, "FooNet", "cifar-100", "top1_accuracy", 79.70, "%", None)]),
    # a baseline's score quoted with "vs."
    ("Our tokenizer surpasses DiT-XL/2 (gFID 2.13 vs. 3.04) on ImageNet 512x512.",
     [(R, "FooNet", "imagenet-512x512", "gfid", 2.13, None, None),
      (R, "DiT-XL/2", "imagenet-512x512", "gfid", 3.04, None, None)]),
    # a relative clause names whose number it is
    ("We release openFoo-L/14, which achieves 80.3% zero-shot ImageNet-1k accuracy.",
     [(R, "openFoo-L/14", "imagenet-1k", "top1_accuracy", 80.3, "%", None)]),
    # an outperformed baseline is not the subject
    ("FooNet outperforms Vision Transformer (ViT) by 1.5% on ImageNet.",
     [(D, "FooNet", "imagenet-1k", "top1_accuracy", 1.5, "%", None)]),
    # training data is not the benchmark: "pretrained on ImageNet-21k"
    ("It is comparable to Swin-B pretrained on ImageNet-21k while using 4.2 times fewer parameters.",
     [(X, "FooNet", None, "params", 4.2, "x", None)]),
    # hardware sizes and image sizes are not claims
    ("We train on 32GB V100 GPUs at 224x224 resolution with 3x3 kernels.", []),
    # a resource compared: "9 billion fewer FLOPs" is a delta in FLOPs
    ("FooNet needs 9 billion fewer FLOPs than the previous state of the art.",
     [(D, "FooNet", None, "flops", 9.0, "flops", 9e9)]),
    # a percentage of a cost with "reduction of ... in"
    ("This is a reduction of 28% in computational cost.",
     [(X, "FooNet", None, "flops", 28.0, "%", None)]),
    # a multiplier with nothing compared is not a claim
    ("Each experiment was repeated 3 times with different seeds.", []),
    # a list of sizes with the counted word written once, paired by "respectively"
    ("LiteNet-T, LiteNet-S and LiteNet-B reach 79.4%, 81.7% and 82.9% top-1 accuracy on ImageNet "
     "with 12M, 25M and 48M parameters, respectively.",
     [(R, "LiteNet-T", "imagenet-1k", "top1_accuracy", 79.4, "%", None),
      (R, "LiteNet-S", "imagenet-1k", "top1_accuracy", 81.7, "%", None),
      (R, "LiteNet-B", "imagenet-1k", "top1_accuracy", 82.9, "%", None),
      (S, "LiteNet-T", "imagenet-1k", "params", 12.0, "params", 12e6),
      (S, "LiteNet-S", "imagenet-1k", "params", 25.0, "params", 25e6),
      (S, "LiteNet-B", "imagenet-1k", "params", 48.0, "params", 48e6)]),
    # "the baseline X" is what a change is measured against, not who made it
    ("FooNet reduces the WER of the baseline Conformer-S by 8% on LibriSpeech.",
     [(D, "FooNet", "librispeech", "wer", 8.0, "%", None)]),
    # a change with modifiers between the number and its cue, and a plural cue
    ("Our method yields 9.56% and 8.24% average reductions in EER on VoxCeleb1.",
     [(D, "FooNet", "voxceleb1", "eer", 9.56, "%", None),
      (D, "FooNet", "voxceleb1", "eer", 8.24, "%", None)]),
    # a change verb with a bound between it and the number
    ("Pass@1 on HumanEval drops by more than 50% under small perturbations.",
     [(D, "FooNet", "humaneval", "pass_at_1", 50.0, "%", None)]),
    # a bare score after a bound word; "a 5 point scale" is not a change
    ("It achieves a mean opinion score exceeding 4 on a 5 point scale.",
     [(R, "FooNet", None, "mos", 4.0, None, None)]),
    # a cost "of storage"; a hyphenated duration describes data, not a cost
    ("BiRF needs only 0.5 MB of storage for 30-second clips.",
     [(S, "BiRF", None, "storage", 0.5, "mb", None)]),
    # a percentage over 100 is no score out of 100; the change takes the benchmark's primary metric
    ("SEAL brings 195% performance gains on OGB.",
     [(D, "SEAL", "ogb", "accuracy", 195.0, "%", None)]),
    # a speed-up written as a verb
    ("Decoding is accelerated 1.5 times.",
     [(X, "FooNet", None, "speed", 1.5, "x", None)]),
    # a size before a named family: "250M T5 models"
    ("We distill into 250M T5 models.",
     [(S, "FooNet", None, "params", 250.0, "params", 2.5e8)]),
    # k scores, then k benchmarks: paired in order without "respectively"; an unknown metric borrows none
    ("ProtoSEG achieves 72.3%, 76.4% and 74.2% mIoU on S3DIS, ScanNet V2 and SemanticKITTI, and 66.8% mCov.",
     [(R, "ProtoSEG", "s3dis", "miou", 72.3, "%", None),
      (R, "ProtoSEG", "scannet", "miou", 76.4, "%", None),
      (R, "ProtoSEG", "semantickitti", "miou", 74.2, "%", None)]),
    # a baseline's score owned by the name before "with"
    ("Compared to DDPM with 3.21 FID on CelebA, we achieve 1.58 FID.",
     [(R, "DDPM", "celeba", "fid", 3.21, None, None),
      (R, "FooNet", "celeba", "fid", 1.58, None, None)]),
    # "from A to B": A is the model improved on; a bare count is no score
    ("On CIFAR-10, applied to a pre-trained EDM, our method improves the FID from 2.04 to 1.88 with 35 "
     "neural function evaluations.",
     [(R, "EDM", "cifar-10", "fid", 2.04, None, None),
      (R, "FooNet", "cifar-10", "fid", 1.88, None, None)]),
    # decibels are PSNR
    ("It reaches a PSNR of 32.03 dB on Synthetic-NeRF and 34.48 dB on Synthetic-NSVF.",
     [(R, "FooNet", "nerf-synthetic", "psnr", 32.03, None, None),
      (R, "FooNet", "synthetic-nsvf", "psnr", 34.48, None, None)]),
    # "/"-paired metrics and values; a number after "dB/" is a number, not part of a name
    ("Our reader reaches EM/F1 of 90.2/94.8 on SQuAD v1.1, and the sensor improves PSNR/SSIM by 3.73dB/0.07.",
     [(R, "FooNet", "squad-v1.1", "em", 90.2, None, None),
      (R, "FooNet", "squad-v1.1", "f1", 94.8, None, None),
      (D, "FooNet", "squad-v1.1", "psnr", 3.73, None, None),
      (D, "FooNet", "squad-v1.1", "ssim", 0.07, None, None)]),
    # multipliers in words; a fraction counts only after a reduction
    ("It needs two orders of magnitude less training data, runs three times faster, and cuts the "
     "training cost to a quarter.",
     [(X, "FooNet", None, "data", 100.0, "x", None),
      (X, "FooNet", None, "speed", 3.0, "x", None),
      (X, "FooNet", None, "training_cost", 0.25, "x", None)]),
    ("Decoding is twice as fast. We use half of the images for validation and repeat it three times.",
     [(X, "FooNet", None, "speed", 2.0, "x", None)]),
    # a bare score right after a result verb takes the metric in force; a count does not
    ("We report BLEU on WMT14 En-De. Our model scores 28.4, and it achieves 300 steps per second.",
     [(R, "FooNet", "wmt14-en-de", "bleu", 28.4, None, None)]),
    # a percentage right after a result verb is a result even when its metric is unknown
    ("SheetCopilot achieves 44.3% on its own benchmark.",
     [(R, "SheetCopilot", None, None, 44.3, "%", None)]),
    # a signed change, a change verb in -ing, and "at most"
    ("The regularizer brings +0.55% ACC and -3.7% ECE on ImageNet, dropping only 1% in the test accuracy "
     "on CIFAR-10 and by at most 2% on CIFAR-100.",
     [(D, "FooNet", "imagenet-1k", "top1_accuracy", 0.55, "%", None),
      (D, "FooNet", "imagenet-1k", "ece", 3.7, "%", None),
      (D, "FooNet", "cifar-10", "top1_accuracy", 1.0, "%", None),
      (D, "FooNet", "cifar-100", "top1_accuracy", 2.0, "%", None)]),
    # "more accurate" is a change in quality even when a cost word follows
    ("It is 5.5% more accurate with a smaller model size.",
     [(D, "FooNet", None, None, 5.5, "%", None)]),
    # a multiplier of a score; compression ratios are storage
    ("It gives 1.5x to 43.4x better accuracy and compression ratios of 1.4x to 3.1x.",
     [(X, "FooNet", None, "accuracy", 1.5, "x", None), (X, "FooNet", None, "accuracy", 43.4, "x", None),
      (X, "FooNet", None, "storage", 1.4, "x", None), (X, "FooNet", None, "storage", 3.1, "x", None)]),
    # a cost named before "by N%" is a cost ratio only under a verb of change
    ("Models trained on our training sets exceed the prior SOTA by 4% for the success rate.",
     [(D, "FooNet", None, "success_rate", 4.0, "%", None)]),
    # "from A to B" after a change verb: two results even with an unnamed metric
    ("It reduces the optimality gap from 1.76% to 0.46% on TSP-500.",
     [(R, "FooNet", "tsp-500", "optimality_gap", 1.76, "%", None),
      (R, "FooNet", "tsp-500", "optimality_gap", 0.46, "%", None)]),
    # a benchmark name inside a compound is another dataset, named by its own name (the spec's rule)
    ("It improves fidelity by 42.3% on Graph-SST2.",
     [(D, "FooNet", "graph-sst2", None, 42.3, "%", None)]),
    # a dataset the lexicon does not know, by its own name; a backbone is not one
    ("It solves 92% of the tasks on FooWorld. It reaches 80.1% accuracy on ResNet-50 backbones.",
     [(R, "FooNet", "fooworld", "success_rate", 92.0, "%", None),
      (R, "FooNet", None, "accuracy", 80.1, "%", None)]),
    # a share of a non-metric: a ratio when it is used or cut, else nothing; "with only 1%" is a setting
    ("It prunes up to 80% of the context, while a probe trained on 20% of the neurons is fine-tuned "
     "with only 1%.",
     [(X, "FooNet", None, None, 80.0, "%", None)]),
    # "within 5%" and "(~2%) drop" are changes
    ("The probe stays within 5% of the full accuracy on CIFAR-10, a (~2%) drop in test accuracy.",
     [(D, "FooNet", "cifar-10", "top1_accuracy", 5.0, "%", None),
      (D, "FooNet", "cifar-10", "top1_accuracy", 2.0, "%", None)]),
    # the length of a clip describes data, not a cost
    ("It samples 10s music in 2 seconds.",
     [(S, "FooNet", None, "time", 2.0, "s", None)]),
    # a metric after the next number belongs to that number
    ("FooNet achieves state-of-the-art results (84.5% on ImageNet and 51.2 AP on COCO).",
     [(R, "FooNet", "imagenet-1k", "top1_accuracy", 84.5, "%", None),
      (R, "FooNet", "coco", "ap", 51.2, None, None)]),
    # a metric with its acronym in brackets; a change verb before a score
    ("It achieves an exact match (EM) score of 82.1 and an F1 of 89.5 on SQuAD v1.1, and its Inception "
     "Score rises to 9.89 on CIFAR-10.",
     [(R, "FooNet", "squad-v1.1", "em", 82.1, None, None), (R, "FooNet", "squad-v1.1", "f1", 89.5, None, None),
      (R, "FooNet", "cifar-10", "is", 9.89, None, None)]),
    # an elided language pair names the sibling translation benchmark
    ("It obtains BLEU scores of 29.1 and 41.2 on WMT14 En-De and En-Fr, respectively.",
     [(R, "FooNet", "wmt14-en-de", "bleu", 29.1, None, None), (R, "FooNet", "wmt14-en-fr", "bleu", 41.2, None, None)]),
    # "from A to B" before a comparison: A is not the compared model's; evidence stops at other numbers
    ("FooNet improves GSM8K accuracy from 56.8% to 74.4% and outperforms GPT-3.5 by 12.3 points on MMLU.",
     [(R, "FooNet", "gsm8k", "accuracy", 56.8, "%", None), (R, "FooNet", "gsm8k", "accuracy", 74.4, "%", None),
      (D, "FooNet", "mmlu", "accuracy", 12.3, "pp", None)]),
    # an unbounded score may pass 100%
    ("Our agent achieves a median human-normalized score of 112% on Atari 100k.",
     [(R, "FooNet", "atari-100k", "human_normalized_score", 112.0, "%", None)]),
    # a verb ends a list of shares
    ("It trains 2.4x faster, requires only 10% of the training time, and reduces memory usage by 5x.",
     [(X, "FooNet", None, "speed", 2.4, "x", None), (X, "FooNet", None, "training_cost", 10.0, "%", None),
      (X, "FooNet", None, "memory", 5.0, "x", None)]),
    # "margins of" is a change; "2% of CIFAR-10 labels" is a setting
    ("With only 2% of CIFAR-10 labels corrupted, it outperforms prior defenses on MNIST by large margins of 10-20%.",
     [(D, "FooNet", "mnist", "top1_accuracy", 10.0, "%", None), (D, "FooNet", "mnist", "top1_accuracy", 20.0, "%", None)]),
    # a bracketed modifier between a change and its cue
    ("We achieve 5-8% (absolute) improvement over previous methods in zero-shot classification.",
     [(D, "FooNet", None, None, 5.0, "%", None), (D, "FooNet", None, None, 8.0, "%", None)]),
    # a subject that describes other work owns its number; "we" and "our method" are the paper's
    ("A recent transformer-based approach achieves 59.6% top-1 accuracy on USPTO-50k, while our method "
     "achieves 71.3%.",
     [(R, "recent transformer-based approach", "uspto-50k", "top1_accuracy", 59.6, "%", None),
      (R, "FooNet", "uspto-50k", "top1_accuracy", 71.3, "%", None)]),
    ("In comparison, previous SoTA only solves 50% of the tasks.",
     [(R, "previous SoTA", None, "success_rate", 50.0, "%", None)]),
    # Unicode minus and thin spaces do not break a number
    ("FooNet reaches 76.1\u2009% top-1 accuracy on ImageNet.",
     [(R, "FooNet", "imagenet-1k", "top1_accuracy", 76.1, "%", None)]),
    # a percentage speed-up is a ratio on speed, a range gives both ends
    ("FooNet provides a speed-up of 13-25% while matching the performance of bfloat16 training.",
     [(X, "FooNet", None, "speed", 13.0, "%", None),
      (X, "FooNet", None, "speed", 25.0, "%", None)]),
    # "by ~20%": an approximate change is still a change, even with no metric named
    ("FooNet improves by ~20% absolute on average in task performance.",
     [(D, "FooNet", None, None, 20.0, "%", None)]),
    # "from the previous best performance of A to B": two results
    ("FooNet reduces the outlier percentage from the previous best performance of 27.4% to 5.6%.",
     [(R, "previous best performance", None, None, 27.4, "%", None),
      (R, "FooNet", None, None, 5.6, "%", None)]),
    # a share of a reference model's score that a cheaper one keeps is a ratio
    ("It reaches a compression ratio of 13x while recovering 98% of the original rewards.",
     [(X, "FooNet", None, "storage", 13.0, "x", None),
      (X, "FooNet", None, None, 98.0, "%", None)]),
    # a multiplier before a participle ("10x reduced overhead"), a percentage before "increased"
    ("FooNet brings up to 38% accuracy improvement and 10x reduced overhead.",
     [(D, "FooNet", None, "accuracy", 38.0, "%", None),
      (X, "FooNet", None, None, 10.0, "x", None)]),
    ("FooNet yields ~15% increased encoding performance.",
     [(D, "FooNet", None, None, 15.0, "%", None)]),
    # markup closing around a number ("{2.5 ×} speedup", "**50 times** faster") does not hide its cue
    ("FooNet gives up to {2.5 ×} speedup for training ResNet-50 and is **50 times** faster than AR models.",
     [(X, "FooNet", None, "speed", 2.5, "x", None),
      (X, "FooNet", None, "speed", 50.0, "x", None)]),
    # "by an average of", a bare participle cue, a compute budget
    ("FooNet outperforms the state-of-the-art method by an average of 3.6% on eight datasets.",
     [(D, "FooNet", None, None, 3.6, "%", None)]),
    ("The success rate increased 26% when the attention was supervised.",
     [(D, "FooNet", None, "success_rate", 26.0, "%", None)]),
    ("Our method saves up to 80% computational budget.",
     [(X, "FooNet", None, "compute", 80.0, "%", None)]),
    # a backbone named with "with" is not who scores ("our FooNet with the vanilla ViT can achieve")
    ("Notably, our FooNet with the vanilla ViT can achieve 87.4% on Kinetics-400.",
     [(R, "FooNet", "kinetics-400", "top1_accuracy", 87.4, "%", None)]),
    # "the previous best FID of 3.60 set by LDM": the number is LDM's
    ("FooNet improves on the previous best FID of 3.60 set by LDM on ImageNet 256x256.",
     [(R, "LDM", "imagenet-256x256", "fid", 3.60, None, None)]),
    # "versus A and B for a two-layer GCN": the quoted numbers belong to the name after them
    ("FooNet reaches 85.5% accuracy on Cora, versus 81.5% and 79.0% for a two-layer GCN.",
     [(R, "FooNet", "cora", "accuracy", 85.5, "%", None),
      (R, "GCN", "cora", "accuracy", 81.5, "%", None),
      (R, "GCN", "cora", "accuracy", 79.0, "%", None)]),
    # "A against B" after "surpasses X": B is X's; "RLHF-based" is a kind of model, not one
    ("On MT-Bench, FooNet surpasses Llama2-Chat-70B, the best RLHF-based model: it scores 7.34 against 6.86.",
     [(R, "FooNet", "mt-bench", "score", 7.34, None, None),
      (R, "Llama2-Chat-70B", "mt-bench", "score", 6.86, None, None)]),
    # "A and B on X": the benchmark after a list of scores is the first one's too
    ("It suits image classification (87.3 top-1 accuracy on ImageNet-1K) and detection "
     "(58.7 box AP and 51.1 mask AP on COCO test-dev).",
     [(R, "FooNet", "imagenet-1k", "top1_accuracy", 87.3, None, None),
      (R, "FooNet", "coco", "ap", 58.7, None, None),
      (R, "FooNet", "coco", "mask_ap", 51.1, None, None)]),
    # two bare numbers, each with its own metric beside it, are two claims, not a list
    ("FooNet reaches a GLUE score of 89.4 and 88.7 EM on SQuAD 2.0.",
     [(R, "FooNet", "glue", "score", 89.4, None, None),
      (R, "FooNet", "squad-v2.0", "em", 88.7, None, None)]),
    # hours of data are no cost; time spent training is a training cost
    ("FooNet matches the state of the art on LibriSpeech (960h) with 10min, 1h, 10h, and 100h fine-tuning subsets.",
     []),
    ("Of these 680,000 hours, 117,000 hours cover 96 languages.", []),
    ("We achieve state-of-the-art performance on the LibriSpeech 960h and Swichboard 300h tasks.", []),
    ("Settings (2) and (3) use limited textual resources (10 minutes, 1 hour, 10 hours).", []),
    # plain time spent is time (the spec's "less than 4 hours"); GPU-hours are a training cost
    ("FooNet has 1.3B parameters and was trained for 4 days on 8 A100s.",
     [(S, "FooNet", None, "params", 1.3, "params", 1.3e9),
      (S, "FooNet", None, "time", 4.0, "days", None)]),
    # "A vs. B" holds two scores; after a gain, the worse one is the compared model's
    ("Compared to RoBERTa-Large, a FooNet model performs better, improving MNLI by +0.9% (90.2% vs. 91.1%).",
     [(D, "FooNet", "mnli", "accuracy", 0.9, "%", None),
      (R, "RoBERTa-Large", "mnli", "accuracy", 90.2, "%", None),
      (R, "FooNet", "mnli", "accuracy", 91.1, "%", None)]),
    ("FooNet surpasses the human performance on SuperGLUE in terms of macro-average score (89.9 versus 89.8).",
     [(R, "FooNet", "superglue", "score", 89.9, None, None),
      (R, "human performance", "superglue", "score", 89.8, None, None)]),
    # "exceeding the previous SOTA 0.38 dB": the margin over a beaten result, in dB or points
    ("FooNet reaches 33.69 dB PSNR on GoPro, exceeding the previous SOTA 0.38 dB.",
     [(R, "FooNet", "gopro", "psnr", 33.69, None, None),
      (D, "FooNet", "gopro", "psnr", 0.38, None, None)]),
    # a range that ends in dB is in dB at both ends
    ("FooNet outperforms state-of-the-art methods on Urban100 by up to 0.14$\\sim$0.45dB.",
     [(D, "FooNet", "urban100", "psnr", 0.14, None, None),
      (D, "FooNet", "urban100", "psnr", 0.45, None, None)]),
    # "Gopher (280B)": a size in brackets after a name, the name's own
    ("FooNet outperforms Gopher (280B), GPT-3 (175B), and Megatron-Turing NLG (530B) on downstream tasks.",
     [(S, "Gopher", None, "params", 280.0, "params", 280e9),
      (S, "GPT-3", None, "params", 175.0, "params", 175e9),
      (S, "Megatron-Turing NLG", None, "params", 530.0, "params", 530e9)]),
    # a score in brackets is no aside ("(5 NFE)" is); a metric, its benchmark, then "from A to B"
    ("FooNet achieves new state-of-the-art results on WMT14 English-German (30.1 BLEU).",
     [(R, "FooNet", "wmt14-en-de", "bleu", 30.1, None, None)]),
    ("FooNet reduces class-conditional FVD on UCF-101 from 332 to 76.",
     [(R, "FooNet", "ucf-101", "fvd", 332.0, None, None),
      (R, "FooNet", "ucf-101", "fvd", 76.0, None, None)]),
    # ... but "accuracy on 38 evaluation tasks" counts tasks
    ("It improves average zero-shot accuracy on 38 evaluation tasks.", []),
    # a benchmark named with a bare score speaks for its own metric over one carried from before
    ("We measure accuracy on many tasks. On MT-Bench, FooNet scores 7.34.",
     [(R, "FooNet", "mt-bench", "score", 7.34, None, None)]),
    # "ROUGE-1/2/L" names three metrics, paired in order with a slash list of scores
    ("FooNet achieves 44.16/21.28/40.90 ROUGE-1/2/L on CNN/DailyMail.",
     [(R, "FooNet", "cnn-dailymail", "rouge_1", 44.16, None, None),
      (R, "FooNet", "cnn-dailymail", "rouge_2", 21.28, None, None),
      (R, "FooNet", "cnn-dailymail", "rouge_l", 40.90, None, None)]),
    # a written fraction of a cost is a percentage of it
    ("FooNet performs comparably to RoBERTa while using less than 1/4 of their compute.",
     [(X, "FooNet", None, "compute", 25.0, "%", None)]),
    # "2-5 times higher final return": a multiple of a score
    ("FooNet attains 2-5 times higher final return on D4RL.",
     [(X, "FooNet", "d4rl", "return", 2.0, "x", None),
      (X, "FooNet", "d4rl", "return", 5.0, "x", None)]),
    # a comparison word is no baseline's name when a clause follows it ("including the X: it reduces")
    ("It sets the best FVD on benchmarks including the challenging Kinetics-600: it reduces FVD on UCF-101 "
     "from 332 to 76.",
     [(R, "FooNet", "ucf-101", "fvd", 332.0, None, None),
      (R, "FooNet", "ucf-101", "fvd", 76.0, None, None)]),
    # a labelled-set size after "on <benchmark> with" is a setting; "Three Towers (3T)" is a name
    ("FooNet achieves state-of-the-art accuracy on SVHN with 250 labels.", []),
    ("We introduce Three Towers (3T), a flexible method.", []),
    # a sentence led by "We": the names it uses are parts, not who scores
    ("We use new features: CSP, CmBN and CIoU loss, and combine them to achieve state-of-the-art results: "
     "43.5% AP on MS COCO.",
     [(R, "FooNet", "coco", "ap", 43.5, "%", None)]),
    # "the previous state-of-the-art hybrid system of 7.5% WER": the earlier system's number
    ("FooNet achieves 6.8% WER on LibriSpeech test-other, improving on the previous state-of-the-art hybrid "
     "system of 7.5% WER.",
     [(R, "FooNet", "librispeech", "wer", 6.8, "%", None),
      (R, "previous state-of-the-art hybrid system", "librispeech", "wer", 7.5, "%", None)]),
    # a score glued to its metric once LaTeX is gone ("$49.4$AP")
    ("FooNet achieves $49.4$AP in $12$ epochs on COCO.",
     [(R, "FooNet", "coco", "ap", 49.4, None, None)]),
    # scores in brackets after their benchmarks, the metric named once before them
    ("FooNet achieves new state-of-the-art F1 scores for PPI (0.995) and Reddit (0.970).",
     [(R, "FooNet", "ppi", "f1", 0.995, None, None),
      (R, "FooNet", "reddit", "f1", 0.970, None, None)]),
    # "absolute percentage points"; a frame rate is a resource
    ("FooNet outperforms the best prior model on THUMOS14 by 14.1 absolute percentage points in mAP.",
     [(D, "FooNet", "thumos14", "map", 14.1, "pp", None)]),
    ("FooNet runs at a realtime speed of ~65 FPS on Tesla V100.",
     [(S, "FooNet", None, "fps", 65.0, None, None)]),
    # a slash list of scores pairs with a slash list of benchmarks in order
    ("FooNet achieves 7.2%/14.6% WER on the Switchboard/CallHome portion of the Hub5'00 test set.",
     [(R, "FooNet", "switchboard", "wer", 7.2, "%", None),
      (R, "FooNet", "callhome", "wer", 14.6, "%", None)]),
    # "with about half the FLOPs"; multiples before "performance gains"; "the performance level of"
    ("FooNet reaches 0.73% EER with about half the FLOPs.",
     [(R, "FooNet", None, "eer", 0.73, "%", None),
      (X, "FooNet", None, "flops", 0.5, "x", None)]),
    ("FooNet shows 1.9x and 1.2x performance gains on DMControl and Atari respectively.",
     [(X, "FooNet", "dmcontrol", None, 1.9, "x", None),
      (X, "FooNet", "atari", None, 1.2, "x", None)]),
    ("FooNet reaches 99.3% of the performance level of ChatGPT on the Vicuna benchmark.",
     [(X, "FooNet", None, "accuracy", 99.3, "%", None)]),
    # "faster than X (A vs B)": A is ours, B is X's
    ("FooNet is faster than the previous state-of-the-art VR-GCN (1523 seconds vs 1961 seconds).",
     [(S, "FooNet", None, "time", 1523.0, "s", None),
      (S, "VR-GCN", None, "time", 1961.0, "s", None)]),
    # "performance of N%" takes the metric carried from the sentence before
    ("FooNet achieves a WER of 2.1% on LibriSpeech. We also observe competitive performance of 2.7% with a "
     "small model.",
     [(R, "FooNet", "librispeech", "wer", 2.1, "%", None),
      (R, "FooNet", "librispeech", "wer", 2.7, "%", None)]),
    # a sparsity reached is a share of the parameters saved, not a score
    ("For MobileNet-v1, FooNet can achieve 68.2% top-1 ImageNet accuracy at 86.6% sparsity.",
     [(R, "FooNet", "imagenet-1k", "top1_accuracy", 68.2, "%", None),
      (X, "FooNet", "imagenet-1k", "params", 86.6, "%", None)]),
    # a number hyphenated onto a word or a symbol is a modifier, not a score
    ("The 32-byte FooNet matches the accuracy of the $64$-byte OPQ baseline.", []),
    ("ResNet18 has 93% clean accuracy and 67% PGD $l_{\\infty}$-8 adversarial accuracy on CIFAR-10.",
     [(R, "ResNet18", "cifar-10", "top1_accuracy", 93.0, "%", None)]),
    # "N BLEU points" is a change; "boost it to N%" is where it ends up; a dB gain after "improvements"
    ("Adding FooNet produces gains of up to 12 BLEU points for low resource MT.",
     [(D, "FooNet", None, "bleu", 12.0, None, None)]),
    ("For YOLOv3, we boost it to 47.3% AP on COCO, outperforming the current best practice by 3.0% AP.",
     [(R, "YOLOv3", "coco", "ap", 47.3, "%", None),
      (D, "YOLOv3", "coco", "ap", 3.0, "%", None)]),
    ("For stacked networks, significant improvements (over 1.2dB) are achieved on the GoPro dataset.",
     [(D, "FooNet", "gopro", "psnr", 1.2, None, None)]),
    # the size of data, not time spent; a share of a teacher's performance kept
    ("We also scale up the training dataset from 60k hours to 94k hours.", []),
    ("FooNet achieves more than 96.8% the performance of its teacher BERTBase on GLUE benchmark.",
     [(X, "FooNet", "glue", "accuracy", 96.8, "%", None)]),
    # versions listed after a benchmark name ("SQuAD 1.1 and 2.0") name sibling benchmarks
    ("Our single model obtains 94.6% and 88.7% F1 on SQuAD 1.1 and 2.0, respectively.",
     [(R, "FooNet", "squad-v1.1", "f1", 94.6, "%", None),
      (R, "FooNet", "squad-v2.0", "f1", 88.7, "%", None)]),
    ("FooNet achieves 90.0/79.2 F1 on SQuAD v1.1/v2.0.",
     [(R, "FooNet", "squad-v1.1", "f1", 90.0, None, None),
      (R, "FooNet", "squad-v2.0", "f1", 79.2, None, None)]),
    ("FooNet achieves an FID score of 6.06 on CC3M.",
     [(R, "FooNet", "cc3m", "fid", 6.06, None, None)]),
    # matching a result "with only N% of the data" is a ratio on data, not a setting
    ("By fine-tuning a pre-trained model we can match state-of-the-art performance with only 3% of the training data.",
     [(X, "FooNet", None, "data", 3.0, "%", None)]),
    # "down to a tenth"
    ("FooNet reduces the number of ensemble networks down to a tenth.",
     [(X, "FooNet", None, None, 0.1, "x", None)]),
    # numbers in brackets right after a name are that name's; "the best published result (6.10%)"
    ("FooNet surpasses the detector SWIN-L Cascade-Mask R-CNN (9.2 FPS A100, 53.9% AP) by 509% in speed on COCO.",
     [(S, "SWIN-L Cascade-Mask R-CNN", "coco", "fps", 9.2, None, None),
      (R, "SWIN-L Cascade-Mask R-CNN", "coco", "ap", 53.9, "%", None),
      (X, "FooNet", "coco", "speed", 509.0, "%", None)]),
    ("FooNet ranks first on KITTI with an F1-all error of 5.10%, a 16% error reduction from the best published "
     "result (6.10%).",
     [(R, "FooNet", "kitti", "error_rate", 5.10, "%", None),
      (D, "FooNet", "kitti", "error_rate", 16.0, "%", None),
      (R, "best published result", "kitti", "error_rate", 6.10, "%", None)]),
    ("This compares to the previous best published system of 2.0%/4.6% WER on LibriSpeech.",
     [(R, "previous best published system", "librispeech", "wer", 2.0, "%", None),
      (R, "previous best published system", "librispeech", "wer", 4.6, "%", None)]),
    # a time spent written in words
    ("FooNet quantizes models with 175 billion parameters in approximately four GPU hours.",
     [(S, "FooNet", None, "params", 175.0, "params", 175e9),
      (S, "FooNet", None, "training_cost", 4.0, "gpu_hours", None)]),
    ("The robot learns to walk in twenty minutes on uneven terrain.",
     [(S, "FooNet", None, "time", 20.0, "minutes", None)]),
    # "by 509% in speed and 2% in accuracy": the second change shares the "by" of the first
    ("FooNet outperforms SWIN-L Cascade-Mask R-CNN by 509% in speed and 2% in accuracy.",
     [(X, "FooNet", None, "speed", 509.0, "%", None),
      (D, "FooNet", None, "accuracy", 2.0, "%", None)]),
    # a bare change after a score takes its metric; a slash list of benchmarks named before the scores
    ("On the SQuAD v1.1/v2.0 question answering task, FooNet achieves a dev F1 score of 90.0/79.2 "
     "(1.5/2.1 higher than BERT_BASE).",
     [(R, "FooNet", "squad-v1.1", "f1", 90.0, None, None),
      (R, "FooNet", "squad-v2.0", "f1", 79.2, None, None),
      (D, "FooNet", "squad-v1.1", "f1", 1.5, None, None),
      (D, "FooNet", "squad-v2.0", "f1", 2.1, None, None)]),
    # a multiple takes the cost after it only when no other number stands between
    ("FooNet obtains 3.3x more unique items and unlocks milestones up to 15.3x faster than prior SOTA.",
     [(X, "FooNet", None, None, 3.3, "x", None),
      (X, "FooNet", None, "speed", 15.3, "x", None)]),
    # "achieves 27.8 BLEU points" is a score, not a change
    ("FooNet achieves 27.8 BLEU points on WMT14 English-German.",
     [(R, "FooNet", "wmt14-en-de", "bleu", 27.8, None, None)]),
    # an earlier method's name stops before what it did
    ("With only 10% of the labels, prior state-of-the-art methods incur a substantial drop in accuracy "
     "(77.4%) on CIFAR-10.",
     [(R, "prior state-of-the-art methods", "cifar-10", "top1_accuracy", 77.4, "%", None)]),
    # "the previous best published system of 2.0%/4.6%": the metric carried, the earlier system's numbers
    ("FooNet reaches a WER of 1.9% on LibriSpeech. This compares to the previous best published system of 2.0%/4.6% with LM.",
     [(R, "FooNet", "librispeech", "wer", 1.9, "%", None),
      (R, "previous best published system", "librispeech", "wer", 2.0, "%", None),
      (R, "previous best published system", "librispeech", "wer", 4.6, "%", None)]),
    # a version glued to a letter after a name is the name ("FastSpeech 2s"); hours of unlabeled data
    ("FastSpeech 2s directly generates speech waveform from text in 2 hours.",
     [(S, "FastSpeech", None, "time", 2.0, "hours", None)]),
    ("We use the 860h unlabeled LibriLight data.", []),
    # a cost credited to the name after it with "with"
    ("FooNet reduces the search from 65 hours with BERT to about 5 seconds with SBERT.",
     [(S, "BERT", None, "time", 65.0, "hours", None),
      (S, "SBERT", None, "time", 5.0, "s", None)]),
    # the name right after "improve" is what is improved on, not who improves
    ("For example, FooNet can improve DARTS by 0.16% accuracy on CIFAR-10.",
     [(D, "FooNet", "cifar-10", "top1_accuracy", 0.16, "%", None)]),
    # "respectively" pairs numbers with names only when the names are listed together
    ("On OpenAI gym tasks, FooNet has a gain of 27.7% and 50.7% over TD3 at 300k and 5M steps, respectively.",
     [(D, "FooNet", None, None, 27.7, "%", None),
      (D, "FooNet", None, None, 50.7, "%", None)]),
    # a score, then its lead over a baseline: the cue after the second number is not the first's
    ("On Kinetics-400, FooNet achieves 85.2% top-1 accuracy, 2.1% higher than VideoMAE.",
     [(R, "FooNet", "kinetics-400", "top1_accuracy", 85.2, "%", None),
      (D, "FooNet", "kinetics-400", "top1_accuracy", 2.1, "%", None)]),
    # "above" a baseline is a difference
    ("FooNet achieves 32.91 dB PSNR on Set5, 0.2 dB above SwinIR.",
     [(R, "FooNet", "set5", "psnr", 32.91, None, None),
      (D, "FooNet", "set5", "psnr", 0.2, None, None)]),
    # a number quoted for comparison belongs to the name after it
    ("It achieves a pass@1 of 50.6% on HumanEval, compared to 45.1% for StarCoder.",
     [(R, "FooNet", "humaneval", "pass_at_1", 50.6, "%", None),
      (R, "StarCoder", "humaneval", "pass_at_1", 45.1, "%", None)]),
    # a bare number listed before the unit it shares; two metrics listed in the same order
    ("Our approach yields absolute gains of 4.5 and 3.2 points on ROUGE-1 and ROUGE-L on CNN/DailyMail.",
     [(D, "FooNet", "cnn-dailymail", "rouge_1", 4.5, None, None),
      (D, "FooNet", "cnn-dailymail", "rouge_l", 3.2, None, None)]),
    # ... but not a count before a percentage ("IPC 50 and 36.1%"), written to another precision
    ("It reaches 63.2% accuracy on ImageNet under IPC 50 and 36.1% under IPC 20.",
     [(R, "FooNet", "imagenet-1k", "top1_accuracy", 63.2, "%", None),
      (R, "FooNet", "imagenet-1k", "top1_accuracy", 36.1, "%", None)]),
    # plural change nouns before the numbers
    ("Experiments on LibriSpeech show relative WER reductions of 12% and 9% on test-clean and test-other.",
     [(D, "FooNet", "librispeech", "wer", 12.0, "%", None),
      (D, "FooNet", "librispeech", "wer", 9.0, "%", None)]),
    # an unnamed earlier method in its own clause owns its number
    ("FooNet sets a new state of the art on COCO with 63.1 AP, while the previous best result is 62.5 AP.",
     [(R, "FooNet", "coco", "ap", 63.1, None, None),
      (R, "previous best result", "coco", "ap", 62.5, None, None)]),
]


def rows(text, title=TITLE):
    return [(c.kind, c.model, c.benchmark, c.metric, c.value, c.unit, c.magnitude)
            for c in extract_claims(text, title=title)]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:50] for c in CASES])
def test_sentence_yields_claims(text, expected):
    assert rows(text) == expected


@pytest.mark.parametrize("text", [c[0] for c in CASES], ids=[c[0][:50] for c in CASES])
def test_evidence_is_the_span_it_claims(text):
    for claim in extract_claims(text, title=TITLE):
        assert text[claim.start:claim.end] == claim.evidence
        assert claim.evidence.strip() == claim.evidence and claim.evidence
        assert claim.kind in KINDS
        assert math.isfinite(claim.value)
        assert list(claim.to_dict()) == list(COLUMNS)


@pytest.mark.parametrize("text,evidence", [
    ("On CIFAR-10, our model achieves 2.08\\% test error.", ["2.08\\% test error"]),
    ("FooNet reaches a top-1 accuracy of 84.8% on ImageNet.", ["top-1 accuracy of 84.8%"]),
    ("Our method is 30% faster.", ["30% faster"]),
    ("It achieves $126.7\\%$ of the baseline's accuracy.", ["126.7\\%$ of the baseline's accuracy"]),
], ids=["latex-percent", "metric-before", "ratio-cue", "math-mode"])
def test_evidence_points_into_the_original_text(text, evidence):
    assert [c.evidence for c in extract_claims(text, title=TITLE)] == evidence


def test_context_carries_across_sentences():
    text = "We evaluate on ImageNet. FooNet achieves 81.2% accuracy. It also reaches 83.0% at higher resolution."
    assert [(c.benchmark, c.metric, c.value) for c in extract_claims(text, title=TITLE)] == [
        ("imagenet-1k", "top1_accuracy", 81.2), ("imagenet-1k", "top1_accuracy", 83.0)]


@pytest.mark.parametrize("title,abstract,model", [
    ("TinyNet: Small and Fast", "Our model achieves 80.1% top-1 accuracy on ImageNet.", "TinyNet"),
    ("Efficient Search by Transformation", "We propose Efficient Architecture Search (EAS). "
     "On CIFAR-10, our model achieves 4.23% test error.", "EAS"),
    ("Learning Features by Clusters", "In this paper, we propose an online algorithm, SwAV, that "
     "learns features. Our method achieves 75.3% top-1 accuracy on ImageNet.", "SwAV"),
    ("A Study of Things", "We present GloNet that reaches 70.0% top-1 accuracy on ImageNet.", "GloNet"),
    ("A Study of Things", "We propose a method called ShiftNet. It reaches 70.0% top-1 accuracy on ImageNet.",
     "ShiftNet"),
    ("Score Models with Levy Processes", "We introduce a model referred to as Levy-Ito Model (LIM). "
     "LIM reaches an FID of 1.58 on CelebA.", "LIM"),
    ("Symbolic Discovery", "Our method discovers a simple optimizer, Lion (evolved sign momentum). Lion is "
     "fast. We compare Lion with Adam. On ImageNet, Lion reaches 88.3% top-1 accuracy.", "Lion"),
    ("Contrastive Sampling Chains in Diffusion Models", "Diffusion models (DMs) are slow. We build a "
     "contrastive sampling chain. On CIFAR-10 our method reaches an FID of 1.88.", "Contrastive Sampling Chains"),
    ("Graph Kernel Networks", "Graph kernel networks compare neighbourhoods. On MUTAG they reach "
     "92.1% accuracy.", "Graph Kernel Networks"),
    ("Learning From Soft Labels", "We study three paradigms, namely incomplete supervision and noise. "
     "On CIFAR-10 the student reaches 90.2% accuracy.", None),
    ("A Study", "We call our method DeepSnap. On ImageNet our method achieves 80.1% top-1 accuracy.", "DeepSnap"),
    ("A Study", "We call it Text-Conditioned Image Tokenization (TexTok). It reaches an FID of 1.46 on ImageNet.",
     "TexTok"),
    ("A Study", "Our model, LiteNet, achieves 80.1% top-1 accuracy on ImageNet.", "LiteNet"),
    ("A Study", "Prior work is slow. GraphZip is a novel compression scheme. It reaches 90.2% accuracy on Cora.",
     "GraphZip"),
    ("A Study", "A novel LLM-based (Large Language Model) agent framework is proposed as Recaller. "
     "On WebShop, it reaches a success rate of 45.0%.", "Recaller"),
    ("A Study", "We present Picasso, a text-to-image model. We also introduce PaintBench, a challenging benchmark. "
     "Picasso reaches an FID of 7.27 on COCO. Raters prefer Picasso.", "Picasso"),
    ("Training Networks with Limited Data", "We propose a new augmentation. It reaches an FID of 16.49 on FFHQ "
     "with limited data.", None),
    ("Simple Baselines for Restoration", "We propose a simple baseline. We derive a Free Network, namely FreeNet, "
     "from the baseline. It reaches 33.69 dB PSNR on GoPro.", "FreeNet"),
    ("A Study", "We train a compute-optimal model, Hamster, that uses the same budget. Hamster is better. "
     "Hamster reaches 67.5% on MMLU.", "Hamster"),
    ("A Study", "We solve this by presenting Graphormer, which is built upon the Transformer. "
     "Graphormer helps. Graphormer attains an MAE of 0.122 on ZINC.", "Graphormer"),
    ("Self-Consistency Improves Reasoning", "We propose a new decoding strategy, self-consistency, to replace "
     "greedy decoding. It boosts accuracy on GSM8K by 17.9%.", "Self-Consistency"),
    ("Contextual Embeddings for Labeling", "We outperform previous work on named entity recognition, with an F1 of "
     "93.09 on CoNLL03.", None),
    ("A Study of Tagging", "We improve named entity recognition (NER) with character embeddings. "
     "It reaches an F1 of 93.09 on CoNLL03.", None),
    ("A Study", "This work proposes two components under a new Omni-SR architecture. "
     "It reaches 26.95 dB PSNR on Urban100.", "Omni-SR"),
], ids=["title-prefix", "acronym", "appositive", "we-present", "called", "referred-to-as", "recurring-apposition",
        "title-head-not-plural-acronym", "whole-title", "namely-lists-no-name", "we-call", "we-call-acronym",
        "our-model-apposition", "x-is-a-new", "proposed-as",
        "recurring-proposed-not-a-benchmark", "title-condition-is-no-name", "derive-namely", "model-apposition",
        "by-presenting", "apposition-in-title", "named-entity-is-no-name",
        "task-acronym-is-no-name", "a-new-x-architecture"])
def test_our_model_is_the_paper_method(title, abstract, model):
    assert [c.model for c in extract_claims(abstract, title=title)] == [model]


def test_no_title_and_no_name_leaves_model_empty():
    assert [c.model for c in extract_claims("Our model achieves 80.1% top-1 accuracy on ImageNet.")] == [None]


@pytest.mark.parametrize("text,baselines", [
    ("FooNet reaches 74.2% top-1 accuracy on ImageNet, outperforming EfficientNet-B0 by 1.0%.", [None, "EfficientNet-B0"]),
    ("FooNet achieves 32.91 dB PSNR on Set5, 0.2 dB above SwinIR.", [None, "SwinIR"]),
    ("On nuScenes, it reaches 58.4% mAP, 3.2% higher than the previous best.", [None, "previous best"]),
    # a model it matches is what it is measured against, not who gains
    ("FooNet matches the performance of RoBERTa on GLUE, with gains of up to 6 ROUGE on XSum.", ["RoBERTa"]),
    # a comparison word followed by a clause ("baseline while being") names no baseline; the one
    # before it does
    ("The resulting model matches the large baseline while being 5x cheaper to train.", ["large baseline"]),
])
def test_changes_name_their_baseline(text, baselines):
    """What a change is measured against is kept beside it."""
    assert [c.baseline for c in extract_claims(text, title=TITLE)] == baselines


def test_direction_comes_from_the_metric():
    claims = extract_claims("It reaches an FID of 2.1 and 81.0% top-1 accuracy on ImageNet.", title=TITLE)
    assert [(c.metric, c.higher_is_better) for c in claims] == [("fid", False), ("top1_accuracy", True)]


@pytest.mark.parametrize("text", ["", "   ", "No numbers here at all.", "1.", "(1) (2) (3)", "%%%", "x" * 5000])
def test_text_without_claims_yields_none(text):
    assert extract_claims(text) == []
