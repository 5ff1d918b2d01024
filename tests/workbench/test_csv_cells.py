"""CSV cells that a spreadsheet would run as formulas are written as text, everywhere we
write CSV (issue 20): ``compare --csv``, sweep results and a panel's numbers."""

from __future__ import annotations

import csv
import io

import pytest

from engine.design_space.axes import FLOAT, TEXT
from engine.design_space.chunks import Column
from engine.spreadsheet import csv_cell, read_csv_text
from tests.cli.test_cli import run
from tests.conftest import ROOT
from widgets.plots.export import write_csv
from workbench.sweep.results_file import ResultsWriter, read_results

LINK = '=HYPERLINK("http://example.com/x","click")'


@pytest.mark.parametrize(("value", "cell"), [
    (LINK, "'" + LINK), ("+1 555", "'+1 555"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("\rx", "'\rx"), ("'quoted", "''quoted"),
    ("H800 cluster", "H800 cluster"), ("", ""), (None, ""), (-4.5, -4.5), (-3, -3),
    (True, True),
])
def test_text_that_a_spreadsheet_would_run_is_quoted_and_numbers_stay_numbers(value, cell):
    assert csv_cell(value) == cell
    if isinstance(value, str):
        assert read_csv_text(cell) == value


def test_compare_csv_quotes_a_scenario_named_as_a_formula(tmp_path):
    text = (ROOT / "examples/what-if-a800-h800-h20.yaml").read_text().replace(
        "  - name: H800 cluster", '  - name: "=HYPERLINK(\\"http://x\\")"')
    path = tmp_path / "what-if.yaml"
    path.write_text(text)
    rows = list(csv.reader(io.StringIO(run("compare", str(path), "--csv").stdout)))
    assert [r[0] for r in rows[1:]] == ["A800 cluster", "'=HYPERLINK(\"http://x\")",
                                       "H20 cluster"]
    assert float(rows[2][2]) == 1024


def test_sweep_results_quote_text_and_read_it_back_as_written(tmp_path):
    path = tmp_path / "results.csv"
    writer = ResultsWriter(path, [Column("model", TEXT), Column("margin", FLOAT)], ["model"])
    writer.write({"model": [LINK, "llama3-8b"], "margin": [-1.5, 2.0]})
    writer.commit()
    lines = path.read_text().splitlines()
    assert lines[1].startswith("\"'=HYPERLINK(")
    assert lines[1].endswith(",-1.5")
    back = read_results(path)
    assert list(back["model"]) == [LINK, "llama3-8b"]
    assert list(back["margin"]) == [-1.5, 2.0]


def test_a_panels_numbers_quote_a_series_named_as_a_formula(tmp_path):
    path = tmp_path / "panel.csv"
    write_csv(path, ["series", "x", "value"], [[LINK, 1.0, -0.25], ["goodput", 2.0, 0.9]])
    rows = list(csv.reader(path.open()))
    assert rows[1] == ["'" + LINK, "1.0", "-0.25"]
    assert rows[2] == ["goodput", "2.0", "0.9"]
