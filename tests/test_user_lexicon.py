"""The user lexicon: $PAPERCLAIMS_LEXICON or lexicon.toml in the config directory, then --lexicon."""
import json
import re
from pathlib import Path

import platformdirs
import pytest
from typer.testing import CliRunner

from paperclaims.cli import app
from paperclaims.config import LEXICON_ENV_VAR, default_lexicon_path, lexicon_files, user_lexicon_file
from paperclaims.errors import LexiconError

ABSTRACT = ("We present TinyNet. TinyNet achieves 77.2% top-1 accuracy on ZorbBench. "
            "On CIFAR-Ten, our model achieves 2.08% test error.")
PAPER = {"id": "2401.00001", "title": "TinyNet: Small Networks", "abstract": ABSTRACT}

# Teaches a benchmark the built-in lexicon lacks, and an alias of a built-in one.
USER_LEXICON = """\
[benchmark.zorb-bench]
name = "ZorbBench"
task = "image classification"
primary_metric = "top1_accuracy"

[benchmark.cifar-10]
aliases = ["CIFAR-Ten"]
"""


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture(autouse=True)
def private_dirs(tmp_path, monkeypatch):
    """A config directory and a store of this test's own: the user's files are never read."""
    config = tmp_path / "config"
    monkeypatch.setattr(platformdirs, "user_config_dir", lambda appname=None, *a, **k: str(config / appname))
    monkeypatch.delenv(LEXICON_ENV_VAR, raising=False)
    monkeypatch.setenv("PAPERCLAIMS_DB", str(tmp_path / "claims.db"))
    return config


@pytest.fixture
def feed(tmp_path):
    path = tmp_path / "papers.jsonl"
    path.write_text(json.dumps(PAPER) + "\n", encoding="utf-8")
    return path


def lexicon_file(tmp_path, text=USER_LEXICON, name="lexicon.toml") -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def benchmarks_found(runner, feed, *args):
    result = runner.invoke(app, ["extract", str(feed), "--no-store", "--format", "jsonl", *args])
    assert result.exit_code == 0, result.stderr
    return [json.loads(line)["benchmark"] for line in result.stdout.splitlines()]


def test_without_a_user_file_the_new_names_are_unknown(runner, feed):
    assert benchmarks_found(runner, feed) == [None, None]


def test_the_env_var_file_teaches_a_benchmark_and_an_alias(runner, feed, tmp_path, monkeypatch):
    monkeypatch.setenv(LEXICON_ENV_VAR, str(lexicon_file(tmp_path)))
    assert benchmarks_found(runner, feed) == ["zorb-bench", "cifar-10"]


def test_the_default_file_in_the_config_directory_is_read(runner, feed, private_dirs):
    path = lexicon_file(private_dirs / "paperclaims")
    assert default_lexicon_path() == path
    assert user_lexicon_file() == path
    assert benchmarks_found(runner, feed) == ["zorb-bench", "cifar-10"]


def test_an_empty_env_var_turns_the_default_file_off(runner, feed, private_dirs, monkeypatch):
    lexicon_file(private_dirs / "paperclaims")
    monkeypatch.setenv(LEXICON_ENV_VAR, "")
    assert user_lexicon_file() is None
    assert benchmarks_found(runner, feed) == [None, None]


def test_the_env_var_wins_over_the_default_file(private_dirs, tmp_path, monkeypatch):
    lexicon_file(private_dirs / "paperclaims", "[benchmark.zorb-bench]\nname = \"Zorb from config\"\n")
    monkeypatch.setenv(LEXICON_ENV_VAR, str(lexicon_file(tmp_path, name="other.toml")))
    assert lexicon_files() == [tmp_path / "other.toml"]


def test_lexicon_options_are_read_after_the_user_file(runner, feed, private_dirs, tmp_path):
    # the user file gives "CIFAR-Ten" to cifar-10; a --lexicon file takes it over
    lexicon_file(private_dirs / "paperclaims")
    later = lexicon_file(tmp_path, '[benchmark.cifar-ten]\nname = "CIFAR Ten"\naliases = ["CIFAR-Ten"]\n',
                         name="later.toml")
    assert lexicon_files([later]) == [private_dirs / "paperclaims" / "lexicon.toml", later]
    assert benchmarks_found(runner, feed, "--lexicon", str(later)) == ["zorb-bench", "cifar-ten"]


def test_a_missing_env_var_file_is_an_error(runner, feed, tmp_path, monkeypatch):
    missing = tmp_path / "nowhere.toml"
    monkeypatch.setenv(LEXICON_ENV_VAR, str(missing))
    with pytest.raises(LexiconError):
        user_lexicon_file()
    result = runner.invoke(app, ["extract", str(feed), "--no-store"])
    assert result.exit_code == 1
    assert result.stderr == f"error: {missing}: no such lexicon file (named by ${LEXICON_ENV_VAR})\n"


BAD_FILES = [
    # not TOML
    ('[benchmark.zorb-bench\nname = "ZorbBench"\n', r"not valid TOML: "),
    # a field the format does not know
    ('[benchmark.zorb-bench]\nnmae = "ZorbBench"\n', r"\[benchmark\.zorb-bench\]: unknown field 'nmae'"),
    # one alias on two entries of the file
    ('[benchmark.zorb-bench]\naliases = ["Zorb"]\n[benchmark.zorb-two]\naliases = ["zorb"]\n',
     r"\[benchmark\.zorb-two\] alias 'zorb' is already an alias of \[benchmark\.zorb-bench\]"),
]


@pytest.mark.parametrize("text, message", BAD_FILES)
@pytest.mark.parametrize("where", ["env", "config"])
def test_a_bad_user_file_is_a_one_line_error(runner, feed, tmp_path, private_dirs, monkeypatch,
                                             text, message, where):
    if where == "env":
        path = lexicon_file(tmp_path, text, name="mine.toml")
        monkeypatch.setenv(LEXICON_ENV_VAR, str(path))
    else:
        path = lexicon_file(private_dirs / "paperclaims", text)
    result = runner.invoke(app, ["extract", str(feed), "--no-store"])
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"error: {path}: ")
    assert re.search(message, lines[0])


# ---- every command that resolves names reads it -------------------------------------------------

def test_leaderboard_reads_the_user_file(runner, feed, tmp_path, monkeypatch):
    args = ["leaderboard", "--benchmark", "ZorbBench", "--from", str(feed), "--format", "csv"]
    unknown = runner.invoke(app, args)
    assert unknown.exit_code == 2 and "unknown benchmark 'ZorbBench'" in unknown.stderr
    monkeypatch.setenv(LEXICON_ENV_VAR, str(lexicon_file(tmp_path)))
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.stderr
    assert "TinyNet" in result.stdout and "77.2" in result.stdout


def test_benchmarks_reads_the_user_file(runner, feed, tmp_path, monkeypatch):
    monkeypatch.setenv(LEXICON_ENV_VAR, str(lexicon_file(tmp_path)))
    stored = runner.invoke(app, ["extract", str(feed), "-q"])
    assert stored.exit_code == 0, stored.stderr
    result = runner.invoke(app, ["benchmarks", "--format", "csv"])
    assert result.exit_code == 0, result.stderr
    assert "zorb-bench" in result.stdout


def test_evaluate_reads_the_user_file(runner, feed, tmp_path, monkeypatch):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({
        "paper": PAPER["title"], "kind": "result", "model": ["TinyNet"], "benchmark": "zorb-bench",
        "metric": "top1_accuracy", "value": 77.2, "unit": "%", "magnitude": None, "baseline": None,
        "setting": None, "evidence": "77.2% top-1 accuracy"}) + "\n", encoding="utf-8")

    def tuple_hits(*args):
        result = runner.invoke(app, ["evaluate", str(gold), str(feed), "--format", "json", *args])
        assert result.exit_code == 0, result.stderr
        return json.loads(result.stdout)["tuple"]["all"]["tp"]

    assert tuple_hits() == 0
    assert tuple_hits("--lexicon", str(lexicon_file(tmp_path, name="extra.toml"))) == 1
    monkeypatch.setenv(LEXICON_ENV_VAR, str(lexicon_file(tmp_path)))
    assert tuple_hits() == 1
