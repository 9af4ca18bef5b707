"""The leaderboard as a self-contained HTML page: nothing loaded from outside, everything escaped,
and, where Chromium is installed, a real browser shows the plot and the table."""
import json
import os
import re
import shutil
import subprocess
import tempfile
import xml.etree.ElementTree as ET
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from paperclaims.cli import app
from paperclaims.model import Claim, Paper
from paperclaims.page import inline_svg, leaderboard_page
from paperclaims.render import render
from paperclaims.store import Store

EXAMPLE_FEED = Path(__file__).resolve().parent.parent / "examples" / "daily-papers-sample.txt"
EVIL = '<script>alert("pwned")</script>'
EXAMPLE_MODELS = ["SMNet-B", "LiteViT-S", "LiteMLP-B", "LiteMLP-S", "SMNet-T", "LiteMLP-T", "FrugalNAS-A"]


class Page(HTMLParser):
    """Every start tag with its attributes, the text of <style> elements, and the page's text."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.tags, self.styles, self.text, self._in_style = [], [], [], False
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        (self.styles if self._in_style else self.text).append(data)

    def all(self, tag):
        return [attrs for t, attrs in self.tags if t == tag]


def add_paper(db, model, value, *, params, url, evidence_extra="", paper_id="2401.99999", title=None):
    abstract = f"{model} gets {value}% top-1 on ImageNet{evidence_extra} with {params // 10**6}M parameters."
    paper = Paper(paper_id, title or f"The {model} paper", abstract, url=url, date="2024-02-01",
                  source="hand.jsonl")

    def claim(kind, evidence, **fields):
        start = abstract.index(evidence)
        return Claim(kind, fields.pop("value"), evidence, start, start + len(evidence), model=model,
                     paper_id=paper.paper_id, paper=paper.title, **fields)

    claims = [claim("result", f"{value}% top-1 on ImageNet{evidence_extra}", value=value,
                    benchmark="imagenet-1k", metric="top1_accuracy", unit="%", higher_is_better=True),
              claim("resource", f"{params // 10**6}M parameters", value=params / 1e6, metric="params",
                    unit="params", magnitude=float(params), higher_is_better=False)]
    with Store.open(db) as store:
        store.add([(paper, claims)])


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def store(runner, tmp_path, monkeypatch):
    """The example feed, plus a paper whose model name and evidence are markup, and one whose URL is a script."""
    db = tmp_path / "claims.db"
    monkeypatch.setenv("PAPERCLAIMS_DB", str(db))
    result = runner.invoke(app, ["extract", str(EXAMPLE_FEED), "-q", "--format", "csv"])
    assert result.exit_code == 0, result.output
    add_paper(db, EVIL, 85.5, params=300 * 10**6, url="https://arxiv.org/abs/2401.99999",
              evidence_extra=' "quoted" & <b>bold</b>')
    add_paper(db, "SneakyNet", 60.0, params=2 * 10**6, url="javascript:alert(1)", paper_id="2401.88888")
    return db


@pytest.fixture
def page(runner, store, tmp_path):
    out = tmp_path / "page.html"
    result = runner.invoke(app, ["leaderboard", "--benchmark", "imagenet", "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_page_loads_nothing_from_outside(page):
    text = page.read_text(encoding="utf-8")
    parsed = Page(text)
    assert parsed.all("script") == []  # no script at all, let alone a remote one
    assert parsed.all("link") == [] and parsed.all("img") == [] and parsed.all("iframe") == []
    for tag, attrs in parsed.tags:
        for name in ("src", "href", "xlink:href", "srcset", "data"):
            value = attrs.get(name) or ""
            if tag == "a" and name == "href":
                continue  # paper links are the point of the page
            assert not re.match(r"\s*(https?:)?//", value), (tag, name, value)
        assert "url(http" not in (attrs.get("style") or "").replace(" ", "")
    style = "".join(parsed.styles)
    assert style and "@import" not in style and not re.search(r"url\(\s*['\"]?(https?:)?//", style)
    assert "@font-face" not in style


def test_page_has_the_plot_inline_and_the_table(page):
    text = page.read_text(encoding="utf-8")
    parsed = Page(text)
    assert len(parsed.all("svg")) == 1 and len(parsed.all("path")) > 20
    assert text.startswith("<!DOCTYPE html>") and "<?xml" not in text and "<metadata>" not in text
    svg = text[text.index("<svg"):text.index("</svg>") + len("</svg>")]
    assert ET.fromstring(svg).tag == "{http://www.w3.org/2000/svg}svg"  # well-formed inline SVG
    rows = parsed.all("tr")[1:]
    assert len(rows) == 9 + 2  # the example feed's nine results and the two added papers
    body = "".join(parsed.text)
    for model in EXAMPLE_MODELS:
        assert model in body
    assert f"Built on {date.today().isoformat()}" in body


def test_page_escapes_what_comes_from_papers(page):
    text = page.read_text(encoding="utf-8")
    assert EVIL not in text and "<b>bold</b>" not in text
    assert "&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;" in text
    parsed = Page(text)
    assert EVIL in "".join(parsed.text)  # shown as text, not run
    titles = [attrs.get("title") for t, attrs in parsed.tags if t == "tr" and attrs.get("title")]
    assert '85.5% top-1 on ImageNet "quoted" & <b>bold</b>' in titles  # the evidence, on hover


def test_rows_link_to_their_papers_when_the_url_is_safe(page):
    parsed = Page(page.read_text(encoding="utf-8"))
    links = [attrs["href"] for attrs in parsed.all("a")]
    assert "https://arxiv.org/abs/2401.99999" in links
    assert not any(link.lower().startswith("javascript:") for link in links)
    rows = [attrs for t, attrs in parsed.tags if t == "tr" and "class" in attrs]
    assert len(rows) >= 4  # frontier rows are marked


def test_frontier_rows_are_marked(store):
    from paperclaims import leaderboard as boards

    with Store.open(store, readonly=True) as s:
        board = boards.leaderboard(list(s.claims(papers_on="imagenet-1k")), "imagenet")
    text = leaderboard_page(board, built="2024-05-01", version="9.9")
    frontier = re.findall(r'<tr class="frontier"[^>]*>.*?<td class="model">(.*?)</td>', text)
    names = [re.sub(r"<[^>]+>|★", "", cell).strip() for cell in frontier]
    assert set(names) == {"SneakyNet", "FrugalNAS-A", "LiteMLP-T", "LiteViT-S", "SMNet-B",
                          "&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;"}
    assert "Built on <time datetime=\"2024-05-01\">2024-05-01</time> with paperclaims 9.9" in text


def test_page_plot_x_follows_the_option(runner, store, tmp_path):
    out = tmp_path / "flops.html"
    result = runner.invoke(app, ["leaderboard", "-b", "imagenet", "--format", "html", "--x", "flops",
                                 "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    assert "(against flops)" in out.read_text(encoding="utf-8")
    assert "Not plotted, no FLOP count known" in out.read_text(encoding="utf-8")


def test_inline_svg_drops_the_prolog_and_fixed_size():
    svg = ('<?xml version="1.0"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x.dtd">\n'
           '<svg xmlns:xlink="http://www.w3.org/1999/xlink" width="648pt" height="400pt" viewBox="0 0 648 400" '
           'xmlns="http://www.w3.org/2000/svg"><metadata>m</metadata><g/></svg>')
    out = inline_svg(svg, 'a "plot"')
    assert out.startswith('<svg role="img" aria-label="a &quot;plot&quot;" ')
    assert 'width="648pt"' not in out and "<metadata>" not in out and 'viewBox="0 0 648 400"' in out


def test_render_html_is_a_plain_escaped_table():
    import io

    stream = io.StringIO()
    render([{"model": EVIL, "value": 1.5}], ["model", "value"], "html", stream, title="a < b")
    text = stream.getvalue()
    assert EVIL not in text and "<td>1.5</td>" in text and "<h1>a &lt; b</h1>" in text
    assert Page(text).all("script") == []


# --- in a real browser ------------------------------------------------------------------------------

CHROMIUM = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome", "chrome")
                 if shutil.which(n)), None)
VIEWPORT = (1280, 1600)
# Written into a test-only copy of the page: where the browser laid out the table and the plot.
LAYOUT_PROBE = """<script>
document.addEventListener("DOMContentLoaded", function () {
  function box(el) { var r = el.getBoundingClientRect();
    return {top: r.top, left: r.left, bottom: r.bottom, right: r.right, width: r.width, height: r.height}; }
  var out = document.createElement("pre");
  out.id = "layout";
  out.textContent = JSON.stringify({table: box(document.querySelector("table")),
    svg: box(document.querySelector("svg")), rows: document.querySelectorAll("tbody tr").length,
    vw: window.innerWidth, vh: window.innerHeight});
  document.body.appendChild(out);
});
</script>"""


def chromium(*args, tmp_path):
    profile = tempfile.mkdtemp(prefix="chromium-profile-", dir=tmp_path)
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--disable-dev-shm-usage", "--hide-scrollbars", f"--user-data-dir={profile}",
               f"--window-size={VIEWPORT[0]},{VIEWPORT[1]}", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=tmp_path)


@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium on this machine")
def test_page_in_a_real_browser(page, tmp_path):
    import matplotlib.image
    import numpy as np

    shot = tmp_path / "shot.png"
    done = chromium(f"--screenshot={shot}", page.resolve().as_uri(), tmp_path=tmp_path)
    assert shot.exists(), done.stderr[-2000:]
    pixels = matplotlib.image.imread(str(shot))
    assert pixels.shape[:2] == (VIEWPORT[1], VIEWPORT[0])
    colours = np.unique((pixels[..., :3] * 255).round().astype(np.uint8).reshape(-1, 3), axis=0)
    assert len(colours) > 50  # text, the plot's red and blue, grey lines: not a blank page
    red = (pixels[..., 0] > 0.6) & (pixels[..., 1] < 0.35) & (pixels[..., 2] < 0.35)
    assert red.sum() > 500  # the frontier, drawn in red, is on screen

    probe = tmp_path / "probe.html"
    probe.write_text(page.read_text(encoding="utf-8").replace("</body>", LAYOUT_PROBE + "\n</body>"),
                     encoding="utf-8")
    done = chromium("--dump-dom", probe.resolve().as_uri(), tmp_path=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    dom = done.stdout
    for model in EXAMPLE_MODELS:
        assert model in dom
    assert "&lt;script&gt;alert" in dom and "pwned" in dom
    layout = json.loads(re.search(r'<pre id="layout">(.*?)</pre>', dom).group(1).replace("&quot;", '"'))
    assert layout["rows"] == 11
    table, svg = layout["table"], layout["svg"]
    assert table["width"] > 600 and table["height"] > 11 * 20  # every row has a height: shown
    assert 0 <= table["left"] and table["right"] <= layout["vw"]  # no sideways scrolling
    assert 0 < table["top"] and table["bottom"] <= layout["vh"]  # the whole table in the window
    assert svg["width"] > 600 and svg["height"] > 300 and svg["bottom"] <= table["top"]
