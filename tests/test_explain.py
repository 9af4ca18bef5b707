"""`explain`: every number in a text is accounted for, with the rules that decided it."""
import json

from typer.testing import CliRunner

from paperclaims.cli import app
from paperclaims.explain import explain_numbers

SENTENCE = ("On CIFAR-10, our model achieves 2.08% test error with only 5.7M parameters, "
            "6times fewer than AmoebaNet-B, at 224x224 for 300 epochs.")
TITLE = "ProxylessNAS: Direct Neural Architecture Search"


def test_every_number_has_an_outcome_and_a_reason():
    explanation, rows = explain_numbers(SENTENCE, TITLE)
    assert explanation.method == "ProxylessNAS"
    assert [(r["number"], r["outcome"]) for r in rows] == [
        ("10", "no claim"), ("2.08%", "claim"), ("5.7M parameters", "claim"), ("6×", "claim"),
        ("224", "no claim"), ("224", "no claim"), ("300 epochs", "no claim")]
    why = {r["number"]: r["why"] for r in rows}
    assert "metric error_rate from 'test error'" in why["2.08%"]
    assert "benchmark cifar-10: named earlier in the sentence" in why["2.08%"]
    assert "the paper's own method" in why["2.08%"]
    assert "a training length ('300 epochs') is a setting" in why["300 epochs"]


def test_explain_reports_the_claims_extract_finds():
    explanation, _ = explain_numbers(SENTENCE, TITLE)
    assert [(c.kind, c.metric, c.value) for c in explanation.claims] == [
        ("result", "error_rate", 2.08), ("resource", "params", 5.7), ("ratio", "params", 6.0)]


def test_explain_command_json():
    result = CliRunner().invoke(app, ["explain", SENTENCE, "--title", TITLE, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["method"] == "ProxylessNAS"
    assert len(data["claims"]) == 3
    assert {n["number"]: n["outcome"] for n in data["numbers"]}["300 epochs"] == "no claim"


def test_explain_command_table_and_stdin():
    result = CliRunner().invoke(app, ["explain", "-"], input="FooNet reaches 84.8% top-1 accuracy on ImageNet.")
    assert result.exit_code == 0, result.stderr
    assert "84.8%" in result.stdout and "top1_accuracy" in result.stdout
    assert "a score next to its metric" in result.stdout


def test_explain_without_arguments_shows_help():
    result = CliRunner().invoke(app, ["explain"])
    assert result.exit_code == 2 and "Examples:" in result.stdout + result.stderr
