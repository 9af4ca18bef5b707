"""render: every output format on a few rows, number formatting, and format-from-extension."""
import io
import json

import pytest

from paperclaims.errors import UsageError
from paperclaims.render import FORMATS, format_cell, format_for_path, render

COLUMNS = ["paper", "kind", "value", "unit", "magnitude", "higher_is_better", "evidence"]

ROWS = [
    {"paper": "TinyNet: Small | Fast", "kind": "result", "value": 84.8, "unit": "%",
     "magnitude": None, "higher_is_better": True, "evidence": "84.8% top-1 accuracy"},
    {"paper": "Ünïcode, \"quoted\"", "kind": "resource", "value": 21.0, "unit": "params",
     "magnitude": 21000000.0, "higher_is_better": False, "evidence": "21M parameters"},
]


def rendered(fmt, rows=ROWS, columns=COLUMNS, **kwargs):
    stream = io.StringIO()
    render(rows, columns, fmt, stream, **kwargs)
    return stream.getvalue()


def test_csv_exact():
    assert rendered("csv") == (
        "paper,kind,value,unit,magnitude,higher_is_better,evidence\n"
        "TinyNet: Small | Fast,result,84.8,%,,true,84.8% top-1 accuracy\n"
        '"Ünïcode, ""quoted""",resource,21,params,21000000,false,21M parameters\n'
    )


def test_csv_without_rows_is_the_header_alone():
    assert rendered("csv", rows=[]) == "paper,kind,value,unit,magnitude,higher_is_better,evidence\n"


def test_jsonl_exact():
    assert rendered("jsonl") == (
        '{"paper": "TinyNet: Small | Fast", "kind": "result", "value": 84.8, "unit": "%", '
        '"magnitude": null, "higher_is_better": true, "evidence": "84.8% top-1 accuracy"}\n'
        '{"paper": "Ünïcode, \\"quoted\\"", "kind": "resource", "value": 21.0, "unit": "params", '
        '"magnitude": 21000000.0, "higher_is_better": false, "evidence": "21M parameters"}\n'
    )


def test_jsonl_without_rows_is_empty():
    assert rendered("jsonl", rows=[]) == ""


def test_json_is_an_array_of_the_rows():
    assert json.loads(rendered("json")) == ROWS


def test_json_without_rows_is_an_empty_array():
    assert json.loads(rendered("json", rows=[])) == []


def test_json_takes_rows_from_a_generator():
    # A generator can be walked once only: the incremental writer must not look ahead twice.
    assert json.loads(rendered("json", rows=(r for r in ROWS))) == ROWS


def test_data_formats_fill_missing_keys_and_ignore_extra_ones():
    rows = [{"kind": "ratio", "not_a_column": 1}]
    assert rendered("csv", rows=rows) == (
        "paper,kind,value,unit,magnitude,higher_is_better,evidence\n,ratio,,,,,\n")
    assert json.loads(rendered("json", rows=rows)) == [dict.fromkeys(COLUMNS) | {"kind": "ratio"}]


def test_json_numbers_lose_float_noise():
    row = json.loads(rendered("jsonl", rows=[{"value": 84.80000000000001}], columns=["value"]))
    assert row == {"value": 84.8}


def test_markdown_exact_with_pipes_escaped():
    assert rendered("markdown") == (
        "| paper | kind | value | unit | magnitude | higher_is_better | evidence |\n"
        "| --- | --- | --- | --- | --- | --- | --- |\n"
        "| TinyNet: Small \\| Fast | result | 84.8 | % |  | true | 84.8% top-1 accuracy |\n"
        '| Ünïcode, "quoted" | resource | 21 | params | 21000000 | false | 21M parameters |\n'
    )


def test_markdown_title_and_newlines_in_cells():
    text = rendered("markdown", rows=[{"paper": "two\nlines"}], columns=["paper"], title="Claims")
    assert text == "### Claims\n\n| paper |\n| --- |\n| two lines |\n"


def test_table_shows_the_values_and_title():
    text = rendered("table", title="Claims")
    for value in ("Claims", "TinyNet", "result", "84.8", "21000000", "true", "false", "21M parameters"):
        assert value in text
    assert "\x1b[" not in text  # no colour codes off a terminal


def test_table_truncates_long_evidence_with_an_ellipsis():
    long = "state-of-the-art " * 20 + "84.8% top-1"
    text = rendered("table", rows=[{"evidence": long}], columns=["evidence"])
    assert "…" in text
    assert long not in text


def test_table_does_not_read_cells_as_markup():
    text = rendered("table", rows=[{"evidence": "the [CLS] token [bold]"}], columns=["evidence"])
    assert "the [CLS] token [bold]" in text


def test_data_formats_never_truncate_evidence():
    long = "state-of-the-art " * 20 + "84.8% top-1"
    rows = [{"evidence": long}]
    assert long in rendered("csv", rows=rows, columns=["evidence"])
    assert json.loads(rendered("jsonl", rows=rows, columns=["evidence"]))["evidence"] == long
    assert long in rendered("markdown", rows=rows, columns=["evidence"])


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_renders_no_rows(fmt):
    rendered(fmt, rows=[])


def test_unknown_format_is_a_usage_error():
    with pytest.raises(UsageError, match="xml"):
        rendered("xml")


@pytest.mark.parametrize("value, text", [
    (84.8, "84.8"),
    (84.80000001, "84.8"),            # noise below the ninth significant digit
    (84.80000000000001, "84.8"),      # binary noise from arithmetic
    (0.1 + 0.2, "0.3"),
    (21000000.0, "21000000"),         # a magnitude: no ".0", no exponent
    (9e9, "9000000000"),
    (1.2e15, "1200000000000000"),
    (2.08, "2.08"),
    (-1.4, "-1.4"),
    (0.0005, "0.0005"),               # small numbers stay positional too
    (0.0, "0"),
    (3, "3"),                         # ints as they are
    (True, "true"),
    (False, "false"),
    (None, ""),
    ("ImageNet-1k", "ImageNet-1k"),
])
def test_cell_text(value, text):
    assert format_cell(value) == text


@pytest.mark.parametrize("path, fmt", [
    ("claims.csv", "csv"),
    ("claims.jsonl", "jsonl"),
    ("claims.ndjson", "jsonl"),
    ("claims.json", "json"),
    ("claims.md", "markdown"),
    ("claims.markdown", "markdown"),
    ("claims.txt", "table"),          # the table as plain text
    ("CLAIMS.CSV", "csv"),            # extensions are case-insensitive
    ("out/dir.v2/claims.json", "json"),
])
def test_format_for_path(path, fmt):
    assert format_for_path(path) == fmt


@pytest.mark.parametrize("path, named", [
    ("claims.xlsx", "'.xlsx'"),
    ("claims", "no extension"),
])
def test_format_for_path_rejects_what_it_cannot_tell(path, named):
    with pytest.raises(UsageError) as caught:
        format_for_path(path)
    assert named in str(caught.value)
    assert caught.value.exit_code == 2
