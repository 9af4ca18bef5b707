"""The accuracy-cost frontier: which results are Pareto-optimal, the pictures, and the plot command."""
import io
import math
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

import paperclaims.cli
from paperclaims import leaderboard as boards
from paperclaims.cli import app
from paperclaims.errors import UsageError
from paperclaims.plot import (board_frontier, draw, frontier, frontier_figure, picture_format,
                              short_count, terminal_plot, x_value)
from paperclaims.store import Store

EXAMPLE_FEED = Path(__file__).resolve().parent.parent / "examples" / "daily-papers-sample.txt"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# What the example feed yields on ImageNet (see `extract examples/daily-papers-sample.txt --kind
# result --benchmark imagenet`): against params, these four are what no smaller model beats.
EXAMPLE_FRONTIER = ["FrugalNAS-A", "LiteMLP-T", "LiteViT-S", "SMNet-B"]


def row(model, value, params=None, **extra):
    return {"model": model, "value": value, "params": params, **extra}


def on_frontier(found):
    return [p.label for p in found.frontier]


# --- the frontier on hand-made rows ---------------------------------------------------------------

@pytest.mark.parametrize("rows, higher, expected", [
    # accuracy vs params: each frontier model beats every smaller one
    ([row("A", 70.0, 1e6), row("B", 75.0, 2e6), row("C", 72.0, 3e6), row("D", 80.0, 5e6)],
     True, ["A", "B", "D"]),
    # the same rows given in another order: the result does not depend on it
    ([row("D", 80.0, 5e6), row("C", 72.0, 3e6), row("A", 70.0, 1e6), row("B", 75.0, 2e6)],
     True, ["A", "B", "D"]),
    # FID vs params: lower is better, the frontier is the lower envelope
    ([row("A", 10.0, 1e6), row("B", 5.0, 2e6), row("C", 7.0, 3e6), row("D", 3.0, 4e6)],
     False, ["A", "B", "D"]),
    # FID where the biggest model is worse than a smaller one: it is dominated
    ([row("A", 4.0, 1e6), row("B", 2.0, 2e6), row("C", 2.5, 9e6)], False, ["A", "B"]),
    # ties: same x and same value, both on; same x and a worse value, off
    ([row("A", 80.0, 1e6), row("B", 80.0, 1e6), row("C", 79.0, 1e6)], True, ["A", "B"]),
    # ties: the same value at a larger x adds nothing
    ([row("A", 80.0, 1e6), row("B", 80.0, 2e6)], True, ["A"]),
    # ties under lower-is-better
    ([row("A", 3.0, 1e6), row("B", 3.0, 1e6), row("C", 3.0, 5e6)], False, ["A", "B"]),
    # one point is its own frontier
    ([row("A", 50.0, 1e6)], True, ["A"]),
    # the cheapest point is on the frontier even when it is the worst
    ([row("A", 1.0, 1e3), row("B", 99.0, 1e9)], True, ["A", "B"]),
])
def test_frontier_of_hand_made_rows(rows, higher, expected):
    assert on_frontier(frontier(rows, "params", higher_is_better=higher)) == expected


def test_points_without_x_are_reported_not_dropped():
    rows = [row("A", 70.0, 1e6), row("NoSize", 90.0), row("Zero", 95.0, 0),
            row("NaN", 91.0, float("nan")), row("B", 75.0, 2e6)]
    found = frontier(rows, "params")
    assert [p.label for p in found.points] == ["A", "B"]
    assert [r["model"] for r in found.missing] == ["NoSize", "Zero", "NaN"]
    assert on_frontier(found) == ["A", "B"]  # a better result without a size does not hide them
    caption = found.caption()
    assert "Not plotted, no parameter count known: NoSize (90), Zero (95), NaN (91)." in caption


def test_rows_without_a_value_are_ignored():
    found = frontier([row("A", None, 1e6), row("B", "n/a", 1e6), row("C", 1.0, 1e6)], "params")
    assert [p.label for p in found.points] == ["C"] and not found.missing


def test_flops_axis_reads_the_flops_column():
    rows = [{"model": "A", "value": 70, "flops": 5e8, "params": 9e9},
            {"model": "B", "value": 75, "flops": 4e8, "params": 1e6}]
    assert on_frontier(frontier(rows, "flops")) == ["B"]
    assert on_frontier(frontier(rows, "params")) == ["B"]


def test_date_axis_is_the_state_of_the_art_over_time():
    rows = [{"model": "Old", "value": 70, "date": "2023-01-05"},
            {"model": "Worse", "value": 68, "date": "2023-06-01"},
            {"model": "New", "value": 74, "date": "2024-02-10T08:00:00"},  # a timestamp counts by day
            {"model": "Undated", "value": 99, "date": None},
            {"model": "Garbled", "value": 98, "date": "last week"}]
    found = frontier(rows, "date")
    assert on_frontier(found) == ["Old", "New"]
    assert found.frontier[1].x == date(2024, 2, 10)
    assert [r["model"] for r in found.missing] == ["Undated", "Garbled"]


def test_unnamed_results_are_labelled_by_paper_and_setting_tells_equal_names_apart():
    rows = [{"model": None, "paper": "Scaling Simple ConvNets", "value": 80.9, "params": 1e6,
             "setting": "range high"},
            {"model": "", "paper": "Scaling Simple ConvNets", "value": 76.5, "params": 2e6,
             "setting": "range low"},
            {"model": "A" * 60, "value": 1, "params": 3e6}]
    labels = [p.label for p in frontier(rows, "params").points]
    assert labels[:2] == ["Scaling Simple ConvNets (range high)", "Scaling Simple ConvNets (range low)"]
    assert labels[2].endswith("…") and len(labels[2]) <= 28


def test_unknown_x_is_a_usage_error():
    with pytest.raises(UsageError, match="params, flops, date"):
        frontier([row("A", 1, 1)], "latency")


@pytest.mark.parametrize("path, fmt", [("f.png", "png"), ("F.SVG", "svg"), ("out/v1.2/f.svg", "svg")])
def test_picture_format(path, fmt):
    assert picture_format(path) == fmt


@pytest.mark.parametrize("path", ["f.jpg", "f", "-", "f.png.txt"])
def test_picture_format_rejects_other_files(path):
    with pytest.raises(UsageError, match=r"\.png \.svg"):
        picture_format(path)


@pytest.mark.parametrize("value, text", [(5.1e6, "5.1M"), (22e6, "22M"), (1e9, "1G"), (380e6, "380M"),
                                         (15.4e9, "15.4G"), (500, "500")])
def test_short_count(value, text):
    assert short_count(value) == text


def test_x_value():
    assert x_value({"params": "21000000"}, "params") == 21e6
    assert x_value({"params": -1}, "params") is None  # a log axis has no place for it
    assert x_value({"date": "2024-03-14"}, "date") == date(2024, 3, 14)


# --- pictures -----------------------------------------------------------------------------------

CROWD = [row(f"Model-{i:02d}-{'Large' if i % 2 else 'Tiny'}", 70 + (i * 37 % 23) / 2, 10 ** (6 + (i * 13 % 29) / 10))
         for i in range(40)]


def test_labels_never_overlap_in_a_crowd():
    found = frontier(CROWD, "params")
    fig = frontier_figure(found)
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    boxes = [t.get_window_extent(renderer) for t in ax.texts if t.get_text() in
             {p.label for p in found.points}]
    assert len(boxes) >= 10  # many labels found room ...
    for i, a in enumerate(boxes):  # ... and none of them overlaps another
        for b in boxes[i + 1:]:
            assert not a.overlaps(b)
    area = ax.get_window_extent(renderer)
    assert all(area.x0 <= b.x0 and b.x1 <= area.x1 and area.y0 <= b.y0 and b.y1 <= area.y1 for b in boxes)
    labelled = {t.get_text() for t in ax.texts}
    assert {p.label for p in found.frontier} <= labelled  # the frontier is always labelled here


def test_draw_png_and_svg_are_valid():
    import matplotlib.image

    found = frontier(CROWD, "params", higher_is_better=False)
    png = draw(found, "png")
    assert png.startswith(PNG_SIGNATURE)
    pixels = matplotlib.image.imread(io.BytesIO(png), format="png")
    assert pixels.shape[0] > 400 and pixels.shape[1] > 600
    svg = ET.fromstring(draw(found, "svg"))
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"


def test_names_are_not_read_as_tex():
    found = frontier([row("Net$_2$ costs $5", 1.0, 1e6), row("B_{x}^2", 2.0, 2e6)], "params")
    assert draw(found, "png").startswith(PNG_SIGNATURE)


def test_empty_frontier_draws_and_says_so():
    found = frontier([], "params")
    assert draw(found, "png").startswith(PNG_SIGNATURE)
    assert "No results." in terminal_plot(found, color=False)


def test_terminal_plot_numbers_the_frontier_and_lists_the_rest():
    found = frontier([row("A", 70.0, 1e6), row("B", 75.0, 2e6), row("C", 72.0, 3e6),
                      row("NoSize", 90.0)], "params")
    text = terminal_plot(found, width=80, height=20, color=False)
    assert "\x1b[" not in text
    lines = text.splitlines()
    key = lines[lines.index("Pareto frontier:") + 1:]
    assert key[0].split() == ["1", "A", "1M", "70"]
    assert key[1].split() == ["2", "B", "2M", "75"]
    assert "•  1 other result" in text
    assert "Not plotted, no parameter count known: NoSize (90)" in text


def test_drawing_libraries_load_only_when_drawing():
    code = ("import sys, paperclaims.cli, paperclaims.plot, paperclaims.page\n"
            "print(sorted(m for m in ('matplotlib', 'plotext') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


# --- the plot command on the project's own example feed ------------------------------------------

@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def example_store(runner, tmp_path, monkeypatch):
    """A store fed examples/daily-papers-sample.txt through `extract`, as $PAPERCLAIMS_DB."""
    db = tmp_path / "claims.db"
    monkeypatch.setenv("PAPERCLAIMS_DB", str(db))
    result = runner.invoke(app, ["extract", str(EXAMPLE_FEED), "-q", "--format", "csv"])
    assert result.exit_code == 0, result.output
    return db


def test_example_feed_frontier(example_store):
    with Store.open(example_store, readonly=True) as store:
        rows = list(store.claims(papers_on="imagenet-1k"))
    found = board_frontier(boards.leaderboard(rows, "imagenet"), "params")
    assert found.frontier_labels == EXAMPLE_FRONTIER
    assert found.higher_is_better
    assert [p.label for p in found.points if not p.on_frontier] == ["LiteMLP-S", "SMNet-T", "LiteMLP-B"]
    assert all(r["model"] is None for r in found.missing)  # the unnamed ConvNet range ends
    assert found.x_title == "Parameters (count, log scale)"
    assert found.y_title == "Top-1 accuracy (%, higher is better)"


def test_plot_writes_a_png(runner, example_store, tmp_path):
    import matplotlib.image

    out = tmp_path / "frontier.png"
    result = runner.invoke(app, ["plot", "--benchmark", "imagenet", "--x", "params", "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert data.startswith(PNG_SIGNATURE)
    pixels = matplotlib.image.imread(str(out))
    assert pixels.ndim == 3 and pixels.shape[1] == 1350  # 9 inches at 150 dpi
    assert result.stdout == ""  # the picture went to the file, nothing to stdout
    assert "4 on the frontier" in result.stderr
    assert "without a params value not plotted" in result.stderr


def test_plot_writes_an_svg(runner, example_store, tmp_path):
    out = tmp_path / "frontier.svg"
    result = runner.invoke(app, ["plot", "-b", "imagenet", "--x", "params", "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    root = ET.parse(out).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox")


def test_plot_on_a_terminal_draws_text_with_the_frontier(runner, example_store, monkeypatch):
    monkeypatch.setattr(paperclaims.cli, "stdout_is_terminal", lambda: True)
    result = runner.invoke(app, ["plot", "--benchmark", "imagenet"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    key = lines[lines.index("Pareto frontier:") + 1:][:len(EXAMPLE_FRONTIER)]
    assert [line.split()[1] for line in key] == EXAMPLE_FRONTIER
    assert "Not plotted, no parameter count known: Scaling Simple ConvNets Predictably" in result.stdout
    assert "┤" in result.stdout  # plotext's axis


def test_plot_without_o_and_without_a_terminal_is_a_usage_error(runner, example_store, monkeypatch):
    monkeypatch.setattr(paperclaims.cli, "stdout_is_terminal", lambda: False)
    result = runner.invoke(app, ["plot", "--benchmark", "imagenet"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("error: ") and "pass -o" in result.stderr


def test_plot_with_another_extension_is_a_usage_error(runner, example_store, tmp_path):
    result = runner.invoke(app, ["plot", "-b", "imagenet", "-o", str(tmp_path / "f.jpg")])
    assert result.exit_code == 2
    assert "'.jpg'" in result.stderr and not (tmp_path / "f.jpg").exists()


def test_plot_filters_like_the_leaderboard(runner, example_store, tmp_path, monkeypatch):
    monkeypatch.setattr(paperclaims.cli, "stdout_is_terminal", lambda: True)
    result = runner.invoke(app, ["plot", "-b", "imagenet", "--max-params", "30M", "--x", "params"])
    assert result.exit_code == 0, result.output
    assert "SMNet-B" not in result.stdout and "LiteViT-S" in result.stdout
    result = runner.invoke(app, ["plot", "-b", "imagenet", "--since", "2999-01-01"])
    assert result.exit_code == 0
    assert "match the filters" in result.stderr
    result = runner.invoke(app, ["plot", "-b", "imagenet", "--since", "yesterday"])
    assert result.exit_code == 2


def test_plot_from_a_feed_without_the_store(runner, tmp_path, monkeypatch):
    monkeypatch.setenv("PAPERCLAIMS_DB", str(tmp_path / "never-made.db"))
    out = tmp_path / "f.svg"
    result = runner.invoke(app, ["plot", "-b", "imagenet", "--from", str(EXAMPLE_FEED), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    assert out.exists() and not (tmp_path / "never-made.db").exists()


def test_plot_of_an_unknown_benchmark_fails_before_reading(runner, tmp_path, monkeypatch):
    monkeypatch.setattr(paperclaims.cli, "stdout_is_terminal", lambda: True)
    result = runner.invoke(app, ["plot", "-b", "imagenot", "--db", str(tmp_path / "missing.db")])
    assert result.exit_code == 2
    assert "imagenet" in result.stderr  # the suggestion
