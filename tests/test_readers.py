"""Feed readers: every format on a fixture, format detection, sources (stdin, streams, gz), bad input."""
from __future__ import annotations

import gzip
import io
import itertools
import json
import os
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from paperclaims.errors import InputError, UsageError
from paperclaims.readers import FORMATS, detect_format, read_papers
from paperclaims.readers.daily import parse_daily
from paperclaims.readers.jsonl import parse_jsonl
from paperclaims.readers.plaintext import parse_text
from paperclaims.readers.records import FeedLog, arxiv_id, iso_date, title_slug
from paperclaims.readers.source import decode_utf8

FEEDS = Path(__file__).parent / "fixtures" / "feeds"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def rows(papers):
    """The fields a fixture pins down, with the abstract cut to a prefix."""
    return [(p.paper_id, p.title, p.abstract[:40], p.url, p.date) for p in papers]


def read_all(source, input_format=None, **kwargs):
    warnings: list[str] = []
    papers = list(read_papers(source, input_format, on_warning=warnings.append, **kwargs))
    return papers, warnings


JSONL_ROWS = [
    # arxiv_id with a version; ISO date
    ("2403.01234", "Ember: Warm-Starting Diffusion Samplers", "Ember warm-starts diffusion samplers fro",
     "https://arxiv.org/abs/2403.01234v3", "2024-03-02"),
    # non-arXiv `id` ignored, id taken from the PDF url; `summary` column; title whitespace collapsed
    ("2311.00042", "Folded Attention for Long Documents", "Folded attention halves the memory of lo",
     "https://arxiv.org/pdf/2311.00042v1.pdf", "2023-11-01"),
    # no id at all: a title slug; `text` column; "Aug 5, 2022" parsed
    ("graph-sketches-for-cheap-link-prediction", "Graph Sketches for Cheap Link Prediction",
     "We compress graphs into sketches of 256 ", None, "2022-08-05"),
    # old-style arXiv id, version removed
    ("cs/0112017", "A Note on Old-Style Identifiers", "An old paper with an old identifier, kep", None, None),
]

FIXTURE_ROWS = {
    "daily.txt": [
        ("sparse-lattice-adapters-for-frugal-vision-transformers",
         "Sparse Lattice Adapters for Frugal Vision Transformers",
         "We introduce Sparse Lattice Adapters (SL", None, None),
        ("tidal-distillation-teaching-small-speech-models-with-rolling-targets",
         "Tidal Distillation: Teaching Small Speech Models with Rolling Targets",
         "Tidal Distillation transfers knowledge f", None, None),
        ("quillnet-compact-handwriting-recognition-for-low-resource-scripts",
         "Quillnet: Compact Handwriting Recognition for Low-Resource Scripts",
         "Quillnet is a compact recognizer for han", None, None),
    ],
    "papers.jsonl": JSONL_ROWS,
    "papers.jsonl.gz": JSONL_ROWS,
    "papers.csv": [
        ("2405.06789", "Pebble: Tiny Routers for Mixture-of-Experts", "Pebble replaces the router of a mixture-",
         "https://arxiv.org/abs/2405.06789", "2024-05-11"),
        # quoted title with a comma, quoted multi-line abstract; an unparseable date kept as given
        ("counting-sheep-counting-tokens", "Counting Sheep, Counting Tokens",
         "We count tokens.\nA second line of the ab", "https://example.org/sheep", "12/31/2023"),
    ],
    "papers.tsv": [
        ("lantern-lighting-estimation-from-a-single-glance", "Lantern: Lighting Estimation from a Single Glance",
         "Lantern predicts indoor lighting from on", None, "2021-06-30"),
    ],
    "arxiv.xml": [
        # id from the Atom <id>, wrapped title joined, url from the alternate link
        ("2106.01234", "Brittle Benchmarks: How Label Noise Inflates Reported Gains",
         "We re-label 5,000 test images of a popul", "http://arxiv.org/abs/2106.01234v2", "2021-06-02"),
        # old-style id; no alternate link, so the <id> URL is the url
        ("hep-th/9901001", "An Old-Style Entry & Its Identifier", "This entry has no alternate link, so its",
         "http://arxiv.org/abs/hep-th/9901001v1", "1999-01-04"),
    ],
    "hf.json": [
        # the item's publishedAt (listing date) wins over the paper's
        ("2408.05511", "Mosaic Pretraining for Remote Sensing", "Mosaic pretraining stitches satellite ti",
         None, "2024-08-12"),
        ("2408.06002", "Quiet Gradients", "Quiet gradients damp noisy updates in lo", None, "2024-08-12"),
    ],
    "papers.json": [
        ("2310.11111", "Relay Decoding", "Relay decoding splits generation between",
         "https://arxiv.org/abs/2310.11111", "2023-10-17"),
        ("straw-men-and-strong-baselines", "Straw Men and Strong Baselines",
         "We retune five baselines and close 80% o", None, "2020-02-29"),
    ],
    "abstracts.txt": [
        ("harbor-scheduling-inference-across-heterogeneous-gpus",
         "Harbor: Scheduling Inference Across Heterogeneous GPUs",
         "Harbor schedules transformer inference a", None, None),
        ("gentle-pruning", "Gentle Pruning", "We prune 60% of the weights of a 7B lang", None, None),
    ],
}


@pytest.mark.parametrize("name", sorted(FIXTURE_ROWS))
def test_fixture_is_read_exactly(name):
    path = FEEDS / name
    papers, warnings = read_all(path)
    assert rows(papers) == FIXTURE_ROWS[name]
    assert warnings == []
    assert {p.source for p in papers} == {str(path)}


# -- abstracts are the feed's text: offsets into them must mean something ------------------------

def test_jsonl_abstract_is_the_field_value_stripped():
    papers, _ = read_all(FEEDS / "papers.jsonl")
    first = json.loads((FEEDS / "papers.jsonl").read_text().splitlines()[0])
    assert papers[0].abstract == first["abstract"].strip()


def test_atom_summary_wraps_are_joined_with_single_spaces():
    papers, _ = read_all(FEEDS / "arxiv.xml")
    assert papers[0].abstract == (
        "We re-label 5,000 test images of a popular benchmark and find that 3.2% of the original labels "
        "are wrong. Correcting them shrinks the reported gain of the best model from 1.9 to 0.4 points."
    )
    assert papers[1].abstract == ("This entry has no alternate link, so its id is the URL. "
                                  "It measures a coupling to within 0.5%.")


def test_csv_quoted_fields_keep_their_newlines_and_quotes():
    papers, _ = read_all(FEEDS / "papers.csv")
    assert '""without""' not in papers[0].abstract and '"without"' in papers[0].abstract
    assert papers[1].abstract.startswith("We count tokens.\nA second line")


def test_text_paragraph_lines_are_joined_with_single_spaces():
    papers, _ = read_all(FEEDS / "abstracts.txt")
    assert papers[1].abstract == ("We prune 60% of the weights of a 7B language model with a loss of only "
                                  "0.3 perplexity on a held-out web corpus.")


# -- detection ---------------------------------------------------------------------------------

DAILY_HEAD = "new\n\nSubscribe\n\nAug 19\n\nA Title\n\n" + "An abstract sentence. " * 12 + "\n"

@pytest.mark.parametrize("name, head, expected", [
    ("feed.jsonl", "", "jsonl"),                                          # extension decides
    ("feed.ndjson", "", "jsonl"),
    ("feed.csv", "", "csv"),
    ("feed.tsv", "", "csv"),
    ("feed.xml", "", "atom"),
    ("feed.atom", "", "atom"),
    ("FEED.JSONL.GZ", "", "jsonl"),                                       # .gz and case ignored
    ("feed.jsonl.gz", "<feed>", "jsonl"),                                 # extension beats content
    ("feed.json", '[{"paper": {"id": "1", "summary": "s"}, "title": "t"}]', "hf"),  # .json narrowed by content
    ("feed.json", '[{"title": "t", "abstract": "a"}]', "json"),
    ("feed.json", '{"title": "t", "abstract": "a"}\n{"title": "u", "abstract": "b"}\n', "jsonl"),
    ("feed.json", '{"title": "t", "abstract": "a"}', "json"),              # one object: one document
    ("feed.json", "not json at all", "json"),
    ("-", '<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">', "atom"),  # sniffed
    ("-", "<entry><title>t</title></entry>", "atom"),
    ("-", "<atom:feed xmlns:atom='http://www.w3.org/2005/Atom'>", "atom"),  # prefixed namespace
    ("-", "<html><body>hi</body></html>", "text"),                        # markup that is not Atom
    ("-", '[\n  {"paper": {"id": "2408.1", "summary": "s"}, "title": "t"}\n]', "hf"),
    ("-", '[{"title": "t", "abstract": "a"}]', "json"),
    ("-", '{"papers": [{"title": "t", "abstract": "a"}]}', "json"),        # wrapped list on one line
    ("-", '{"source": "x", "items": [\n{"title": "t"}]}', "json"),        # wrapper, list not first
    ("-", '{\n  "papers": [\n', "json"),                                  # pretty-printed document
    ("-", '{"title": "t", "abstract": "a"}\n', "jsonl"),
    ("-", '{"title": "t", "abstr\n{"title": "u", "abstract": "b"}\n', "jsonl"),  # broken first record
    ("\ufeff", '\ufeff{"title": "t", "abstract": "a"}\n', "jsonl"),        # BOM ignored
    ("-", "id,title,abstract\n1,t,a\n", "csv"),
    ("-", "Title;Summary\nt;a\n", "csv"),                                 # other delimiter, any case
    ("-", "title\ttext\nt\ta\n", "csv"),
    ("-", "title,author\nt,a\n", "text"),                                 # no abstract column
    ("-", DAILY_HEAD, "daily"),
    ("-", DAILY_HEAD.replace("\n", "\r\n"), "daily"),
    ("-", "A Title\n" + "An abstract sentence. " * 12 + "\n", "text"),   # title and abstract not split by a blank
    ("-", "A Title\nwrapped abstract\nlines\n\nNext\nmore\n", "text"),
    ("-", "", "text"),
    ("notes.txt", DAILY_HEAD, "daily"),
])
def test_detect_format(name, head, expected):
    assert detect_format(name, head) == expected


def test_formats_is_the_public_list():
    assert FORMATS == ("daily", "jsonl", "csv", "atom", "hf", "json", "text")


def test_forcing_a_format_uses_that_reader(tmp_path):
    # JSON Lines in a .txt file: sniffed as jsonl, and forcing jsonl works on any name
    path = tmp_path / "exported.txt"
    path.write_bytes((FEEDS / "papers.jsonl").read_bytes())
    assert rows(read_all(path)[0]) == JSONL_ROWS
    assert rows(read_all(path, "jsonl")[0]) == JSONL_ROWS
    # the daily page read as plain text: every single-line paragraph is a title without abstract
    papers, warnings = read_all(FEEDS / "daily.txt", "text")
    assert papers == [] and len(warnings) == 12
    # the HF API file read as plain json: the nested paper is not un-nested, so no abstract
    papers, warnings = read_all(FEEDS / "hf.json", "json")
    assert papers == [] and warnings[0].endswith(":1: skipped: no abstract (expected an 'abstract', "
                                                 "'summary' or 'text' field)")
    # plain JSON records read as hf pass through
    assert rows(read_all(FEEDS / "papers.json", "hf")[0]) == FIXTURE_ROWS["papers.json"]


def test_unknown_format_is_a_usage_error():
    with pytest.raises(UsageError, match="unknown input format 'yaml'"):
        read_papers(FEEDS / "papers.jsonl", "yaml")


# -- sources: stdin, streams, gz ----------------------------------------------------------------

def test_stdin_is_read_as_bytes(monkeypatch):
    data = (FEEDS / "papers.jsonl").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="ascii"))
    papers, _ = read_all("-")
    assert rows(papers) == JSONL_ROWS
    assert {p.source for p in papers} == {"-"}


def test_gzipped_stdin_is_recognised_by_its_magic_bytes(monkeypatch):
    data = (FEEDS / "papers.jsonl.gz").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO(data))))
    assert rows(read_all("-")[0]) == JSONL_ROWS


@pytest.mark.parametrize("make_stream", [
    lambda data: io.BytesIO(data),                          # binary, no peek
    lambda data: io.BufferedReader(io.BytesIO(data)),       # binary with peek
    lambda data: io.StringIO(data.decode("utf-8")),         # text
])
def test_open_streams(make_stream):
    stream = make_stream((FEEDS / "arxiv.xml").read_bytes())
    papers, _ = read_all(stream)
    assert rows(papers) == FIXTURE_ROWS["arxiv.xml"]
    assert papers[0].source == "<stream>"
    assert not stream.closed  # the caller's stream is the caller's to close


def test_stream_name_is_used_when_it_has_one(tmp_path):
    with open(FEEDS / "papers.csv", "rb") as stream:
        papers, _ = read_all(stream)
    assert papers[0].source == str(FEEDS / "papers.csv")


def test_str_path_and_path_object_agree():
    assert read_all(str(FEEDS / "daily.txt"))[0] == read_all(FEEDS / "daily.txt")[0]


def test_gz_feed_detected_from_inner_name_and_content(tmp_path):
    path = tmp_path / "listing.gz"  # no inner extension: the decompressed content decides
    path.write_bytes(gzip.compress((FEEDS / "daily.txt").read_bytes()))
    assert rows(read_all(path)[0]) == FIXTURE_ROWS["daily.txt"]


def test_gz_name_on_plain_data_is_an_input_error(tmp_path):
    path = tmp_path / "plain.jsonl.gz"
    path.write_bytes((FEEDS / "papers.jsonl").read_bytes())
    with pytest.raises(InputError, match=f"^{path}: not a gzip file$"):
        read_papers(path)


def test_truncated_gz_is_an_input_error(tmp_path):
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(gzip.compress((FEEDS / "papers.jsonl").read_bytes() * 50)[:400])
    with pytest.raises(InputError, match="truncated"):
        list(read_papers(path))


# -- decoding ----------------------------------------------------------------------------------

def test_invalid_utf8_is_replaced_and_counted_once(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(
        b'{"title": "Caf\xe9 Models", "abstract": "Latin-1 text: 91.2% on caf\xe9 reviews."}\n'
        b'{"title": "Clean", "abstract": "A clean abstract with a score of 3.5 and \xe2\x80\x9cquotes\xe2\x80\x9d."}\n'
        b'{"title": "Stray", "abstract": "A stray \xff\xfe pair."}\n'
    )
    papers, warnings = read_all(path)
    assert [p.title for p in papers] == ["Caf\ufffd Models", "Clean", "Stray"]
    assert papers[0].abstract == "Latin-1 text: 91.2% on caf\ufffd reviews."
    assert papers[1].abstract.endswith("\u201cquotes\u201d.")
    assert warnings == [f"{path}: 4 bytes of invalid UTF-8 replaced"]


@pytest.mark.parametrize("data, text, invalid", [
    (b"plain", "plain", 0),
    (b"caf\xc3\xa9", "caf\u00e9", 0),
    (b"caf\xe9", "caf\ufffd", 1),
    (b"\xff\xfe\xfd", "\ufffd\ufffd\ufffd", 3),
    (b"cut \xe2\x80", "cut \ufffd", 2),  # a truncated 3-byte sequence is one replacement
])
def test_decode_utf8_counts_invalid_bytes(data, text, invalid):
    assert decode_utf8(data) == (text, invalid)


def test_utf8_bom_is_removed(tmp_path):
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbf" + (FEEDS / "papers.csv").read_bytes())
    papers, warnings = read_all(path)
    assert rows(papers) == FIXTURE_ROWS["papers.csv"] and warnings == []


def test_binary_file_is_refused(tmp_path):
    path = tmp_path / "image.jsonl"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    with pytest.raises(InputError, match=f"^{path}: not a feed \\(binary data\\)$"):
        read_papers(path)


def test_mostly_control_bytes_without_nul_is_refused(tmp_path):
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(b for b in range(1, 256) if b not in b"\t\n\r") * 4)
    with pytest.raises(InputError, match="binary data"):
        read_papers(path)


def test_latin1_text_is_not_mistaken_for_binary(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Résumé des modèles\nÉtude très détaillée avec 92,5 % de précision à l'été.\n".encode("latin-1"))
    papers, warnings = read_all(path)
    assert len(papers) == 1 and warnings == [f"{path}: 11 bytes of invalid UTF-8 replaced"]


# -- unreadable paths ----------------------------------------------------------------------------

def test_missing_file_names_the_path(tmp_path):
    path = tmp_path / "nope.jsonl"
    with pytest.raises(InputError, match=f"^{path}: no such file$"):
        read_papers(path)


def test_directory_names_the_path(tmp_path):
    with pytest.raises(InputError, match=f"^{tmp_path}: is a directory"):
        read_papers(tmp_path)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a user that permissions apply to")
def test_unreadable_file_names_the_path(tmp_path):
    path = tmp_path / "locked.jsonl"
    path.write_text("{}\n")
    path.chmod(0)
    with pytest.raises(InputError, match=f"^{path}: permission denied$"):
        read_papers(path)


def test_errors_are_raised_at_the_call_not_at_first_iteration(tmp_path):
    with pytest.raises(InputError):
        read_papers(tmp_path / "missing.csv")  # no list() needed


# -- malformed records ----------------------------------------------------------------------------

GOOD = '{"title": "Good %d", "abstract": "Abstract number %d reports 1.0 accuracy."}'

def test_bad_jsonl_lines_are_skipped_with_their_line_numbers(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join([
        GOOD % (1, 1),
        '{"title": "broken", "abstract": ',                # 2: invalid JSON
        "[1, 2, 3]",                                       # 3: not an object
        "",                                                # 4: blank lines are fine
        '{"abstract": "No title here."}',                  # 5
        '{"title": "No abstract"}',                        # 6
        '{"title": "Blank abstract", "abstract": "   "}',  # 7
        GOOD % (2, 2),
    ]) + "\n")
    papers, warnings = read_all(path)
    assert [p.title for p in papers] == ["Good 1", "Good 2"]
    assert warnings == [
        f"{path}:2: skipped: invalid JSON (Expecting value at column 33)",
        f"{path}:3: skipped: not a JSON object (found an array)",
        f"{path}:5: skipped: no title",
        f"{path}:6: skipped: no abstract (expected an 'abstract', 'summary' or 'text' field)",
        f"{path}:7: skipped: empty abstract",
    ]
    with pytest.raises(InputError, match=f"^{path}:2: skipped: invalid JSON"):
        list(read_papers(path, strict=True))


def test_strict_yields_the_papers_before_the_bad_record(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text(GOOD % (1, 1) + "\n" + "oops\n" + GOOD % (2, 2) + "\n")
    papers = read_papers(path, strict=True)
    assert next(papers).title == "Good 1"
    with pytest.raises(InputError, match=":2: skipped"):
        next(papers)


def test_csv_row_with_wrong_column_count_is_skipped(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text('title,abstract,date\n'
                    'One,"First abstract, with a comma.",2020-01-01\n'
                    'Two,too,many,cells\n'
                    '\n'
                    'Three,"Third abstract\nspans two lines.",2020-01-03\n'
                    'Four,"Fourth abstract."\n'
                    'Five,,2020-01-05\n'
                    'Six,"Sixth abstract.",2020-01-06\n')
    papers, warnings = read_all(path)
    assert [p.title for p in papers] == ["One", "Three", "Six"]
    assert papers[1].abstract == "Third abstract\nspans two lines."
    assert warnings == [
        f"{path}:3: skipped: expected 3 columns, found 4",
        f"{path}:7: skipped: expected 3 columns, found 2",
        f"{path}:8: skipped: empty abstract",
    ]
    with pytest.raises(InputError, match=f"^{path}:3: skipped: expected 3 columns, found 4$"):
        list(read_papers(path, strict=True))


def test_tsv_name_on_comma_separated_data_follows_the_header(tmp_path):
    path = tmp_path / "mislabelled.tsv"
    path.write_text('title,abstract\n"A, title",An abstract.\n')
    assert [(p.title, p.abstract) for p in read_all(path)[0]] == [("A, title", "An abstract.")]


def test_csv_without_paper_columns_is_an_input_error(tmp_path):
    path = tmp_path / "people.csv"
    path.write_text("name,email\nAda,ada@example.org\n")
    with pytest.raises(InputError, match=f"^{path}:1: CSV header has no title and abstract columns"):
        list(read_papers(path))


def test_atom_entry_without_summary_is_skipped_by_entry_number(tmp_path):
    path = tmp_path / "bad.xml"
    path.write_text(
        '<feed xmlns="http://www.w3.org/2005/Atom">'
        "<entry><id>http://arxiv.org/abs/2001.00001v1</id><title>Kept</title><summary>Kept summary.</summary></entry>"
        "<entry><id>http://arxiv.org/abs/2001.00002v1</id><title>No summary</title></entry>"
        "<entry><id>http://arxiv.org/api/errors#incorrect_id</id><title>Error</title>"
        "<summary>incorrect id format</summary></entry>"
        "</feed>")
    papers, warnings = read_all(path)
    assert [p.paper_id for p in papers] == ["2001.00001"]
    assert warnings == [f"{path}:2: skipped: entry has no summary",
                        f"{path}:3: skipped: arXiv API error: incorrect id format"]
    with pytest.raises(InputError, match=f"^{path}:2: skipped: entry has no summary$"):
        list(read_papers(path, strict=True))


def test_truncated_atom_keeps_the_entries_before_the_break(tmp_path):
    text = (FEEDS / "arxiv.xml").read_text()
    path = tmp_path / "cut.xml"
    path.write_text(text[: text.index("<entry>", text.index("</entry>"))] + "<entry><title>Half")
    papers, warnings = read_all(path)
    assert [p.paper_id for p in papers] == ["2106.01234"]
    assert len(warnings) == 1
    assert warnings[0].startswith(f"{path}:") and "invalid XML, kept the 1 entry read before it" in warnings[0]
    with pytest.raises(InputError, match="invalid XML"):
        list(read_papers(path, strict=True))


def test_json_entries_are_numbered_in_warnings(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"items": [
        {"title": "Fine", "abstract": "A fine abstract."},
        "just a string",
        {"title": "No abstract"},
    ]}))
    papers, warnings = read_all(path)
    assert [p.title for p in papers] == ["Fine"]
    assert warnings == [f"{path}:2: skipped: entry is not a JSON object (found a string)",
                        f"{path}:3: skipped: no abstract (expected an 'abstract', 'summary' or 'text' field)"]


@pytest.mark.parametrize("content, message", [
    ('[{"title": "t", "abstract": "a"}', "invalid JSON"),              # truncated document
    ('{"count": 3}', "JSON holds an object, not a list of papers"),   # nothing that lists papers
    ("42", "JSON holds a number"),
])
def test_unusable_json_document_is_an_input_error(tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_text(content)
    with pytest.raises(InputError, match=f"^{path}"):
        try:
            list(read_papers(path))
        except InputError as err:
            assert message in str(err) and "\n" not in str(err)
            raise


def test_text_paragraph_without_abstract_is_skipped():
    warnings = []
    papers = list(parse_text(["Just a heading\n", "\n", "Title\n", "Body line.\n"],
                             FeedLog("notes.txt", warnings.append)))
    assert [(p.title, p.abstract) for p in papers] == [("Title", "Body line.")]
    assert warnings == ["notes.txt:1: skipped: a title line with no abstract under it"]


@pytest.mark.parametrize("name", ["empty.txt", "empty.jsonl", "empty.csv", "empty.xml", "empty.json", "empty",
                                  "empty.jsonl.gz"])
@pytest.mark.parametrize("content", [b"", b"\n\n  \n", b"\xef\xbb\xbf"])
def test_empty_input_yields_nothing(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(gzip.compress(content) if name.endswith(".gz") else content)
    assert read_all(path) == ([], [])


# -- the daily page ------------------------------------------------------------------------------

ABSTRACT = "We report made-up results. " * 10  # comfortably long for an abstract line

def test_daily_header_and_stray_lines_are_not_papers():
    lines = ["new", "", "Subscribe", "", "Aug 19", "",                 # header
             "First Title", "", ABSTRACT, "",
             "7 upvotes", "", "Submitted by someone", "",             # stray short lines
             "Second Title", "", ABSTRACT, "",
             "Load more"]                                             # trailing stray line
    warnings = []
    papers = list(parse_daily([line + "\n" for line in lines], FeedLog("page.txt", warnings.append)))
    assert [p.title for p in papers] == ["First Title", "Second Title"]
    assert all(p.abstract == ABSTRACT.strip() for p in papers)
    assert warnings == []


def test_daily_fixture_header_words_are_not_titles():
    titles = [p.title for p in read_all(FEEDS / "daily.txt")[0]]
    assert not {"new", "Subscribe", "Papers of the day", "Aug 19", "12 upvotes", "Load more"} & set(titles)


def test_daily_long_paragraph_without_title_is_skipped_after_the_first_paper():
    # a line of 200-300 characters could still be a title; these run past that
    lines = [ABSTRACT * 2, "", "Title", "", ABSTRACT, "", ABSTRACT * 2, ""]
    warnings = []
    papers = list(parse_daily(lines, FeedLog("page.txt", warnings.append)))
    assert [p.title for p in papers] == ["Title"]
    assert warnings == ["page.txt:7: skipped: long paragraph without a title line before it"]


def test_daily_with_crlf_line_endings(tmp_path):
    path = tmp_path / "daily-crlf.txt"
    path.write_bytes((FEEDS / "daily.txt").read_bytes().replace(b"\n", b"\r\n"))
    papers, warnings = read_all(path)
    assert rows(papers) == FIXTURE_ROWS["daily.txt"]
    assert not any("\r" in p.title or "\r" in p.abstract for p in papers)


# -- streaming ----------------------------------------------------------------------------------

class EndlessFeed(io.RawIOBase):
    """A binary stream that repeats `body` forever after `header`: only a streaming reader can finish."""

    def __init__(self, header: bytes, body: bytes) -> None:
        self._chunks = itertools.chain([header], itertools.repeat(body))
        self._pending = b""

    def readable(self):
        return True

    def readinto(self, buffer):
        while not self._pending:
            self._pending = next(self._chunks)
        size = min(len(buffer), len(self._pending))
        buffer[:size], self._pending = self._pending[:size], self._pending[size:]
        return size


@pytest.mark.parametrize("input_format, header, body", [
    ("jsonl", b"", (GOOD % (1, 1) + "\n").encode()),
    ("csv", b"title,abstract\n", b'One,"An abstract\nover two lines."\n'),
    ("daily", b"new\n\nSubscribe\n\n", b"A Title\n\n" + ABSTRACT.encode() + b"\n\n"),
    ("text", b"", b"A Title\nAn abstract line.\n\n"),
    ("atom", b'<feed xmlns="http://www.w3.org/2005/Atom">',
     b"<entry><title>T</title><summary>An abstract.</summary></entry>\n"),
])
def test_readers_stream(input_format, header, body):
    papers = read_papers(io.BufferedReader(EndlessFeed(header, body)), input_format)
    assert len(list(itertools.islice(papers, 3))) == 3
    papers.close()


# -- identifiers, slugs and dates ----------------------------------------------------------------

@pytest.mark.parametrize("value, expected", [
    ("2106.01234", "2106.01234"),
    ("2106.01234v2", "2106.01234"),
    ("0704.0001", "0704.0001"),                                  # first new-style id, four digits
    ("arXiv:2401.12345v1", "2401.12345"),
    ("cs/0112017", "cs/0112017"),
    ("cs/0112017v3", "cs/0112017"),
    ("math.GT/0309136", "math.GT/0309136"),                      # archive with subject class
    ("hep-th/9901001v1", "hep-th/9901001"),
    ("http://arxiv.org/abs/2106.01234v2", "2106.01234"),         # Atom <id>
    ("https://arxiv.org/pdf/2311.00042v1.pdf", "2311.00042"),
    ("https://huggingface.co/papers/2408.05511", "2408.05511"),
    ("https://openreview.net/forum?id=1Fqg133qRaI", None),       # not arXiv
    ("tmp-77", None),
    ("12345", None),
    (2106.01234, None),                                          # numbers lose digits: not trusted
    (None, None),
])
def test_arxiv_id(value, expected):
    assert arxiv_id(value) == expected


@pytest.mark.parametrize("title, expected", [
    ("Effective Pruning: A Study", "effective-pruning-a-study"),
    ("PIXART-\u03b4: Fast Generation", "pixart-fast-generation"),          # non-ASCII letters dropped
    ("R\u00e9sum\u00e9 Na\u00efve", "resume-naive"),                        # accents folded
    ("  --Odd   spacing!!  ", "odd-spacing"),
])
def test_title_slug(title, expected):
    assert title_slug(title) == expected


def test_long_title_slug_ends_on_a_word_within_80_characters():
    slug = title_slug("Scaling " * 30)
    assert len(slug) <= 80 and not slug.endswith("-") and slug.endswith("scaling")
    assert len(title_slug("x" * 200)) == 80


def test_title_without_ascii_gets_a_stable_slug():
    assert title_slug("\u6df1\u5ea6\u5b66\u4e60") == title_slug("\u6df1\u5ea6\u5b66\u4e60")
    assert title_slug("\u6df1\u5ea6\u5b66\u4e60").startswith("untitled-")


@pytest.mark.parametrize("value, expected", [
    ("2024-08-19", "2024-08-19"),
    ("2024-08-19T02:11:07.512Z", "2024-08-19"),
    ("2021-06-02T17:45:12-05:00", "2021-06-02"),
    ("2024/08/19", "2024-08-19"),
    ("19 Aug 2024", "2024-08-19"),
    ("Aug 19, 2024", "2024-08-19"),
    ("August 19, 2024", "2024-08-19"),
    ("Mon, 19 Aug 2024 10:00:00 GMT", "2024-08-19"),
    ("2024-02-30", "2024-02-30"),      # not a date: kept as given
    ("last Tuesday", "last Tuesday"),
    ("  ", None),
    (None, None),
    (2024, "2024"),
])
def test_iso_date(value, expected):
    assert iso_date(value) == expected


# -- no input crashes ----------------------------------------------------------------------------

@settings(max_examples=150, deadline=None)
@given(data=st.one_of(st.binary(max_size=600), st.text(max_size=600).map(str.encode)),
       input_format=st.sampled_from((None, *FORMATS)))
def test_no_input_crashes(data, input_format):
    try:
        for paper in read_papers(io.BytesIO(data), input_format, on_warning=lambda message: None):
            assert paper.title and paper.abstract and paper.paper_id
    except InputError as err:
        assert "\n" not in str(err)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(max_size=80), max_size=12))
def test_jsonl_core_never_crashes_on_lines(lines):
    list(parse_jsonl(lines, FeedLog(on_warning=lambda message: None)))


# -- the real feeds in /work/shared (read, never copied) ------------------------------------------

def _shared(name: str) -> Path:
    path = SHARED / "feeds" / name
    if not path.exists():
        pytest.skip(f"{path} is not available")
    return path


def test_shared_daily_papers_page():
    papers, warnings = read_all(_shared("daily-papers-aug19.txt"))
    # The page holds 77 title/abstract pairs; the gold file annotates the 55 of them that make claims.
    assert len(papers) == 77
    assert papers[0].title.startswith("Effective pruning of web-scale datasets")
    titles = {p.title for p in papers}
    assert not titles & {"new", "Subscribe", "Daily Papers", "Aug 19"}
    gold = SHARED / "gold" / "daily-papers-aug19.jsonl"
    if gold.exists():
        gold_titles = {json.loads(line)["paper"] for line in gold.read_text().splitlines() if line.strip()}
        assert len(gold_titles) == 55 and gold_titles <= titles
    assert warnings == []


def test_shared_openreview_jsonl():
    papers, warnings = read_all(_shared("openreview-iclr2021-neurips2023.jsonl"))
    assert len(papers) == 6138 and warnings == []
