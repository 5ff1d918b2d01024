"""``report``: one self-contained HTML file with the table, the pictures and the assumptions."""

from __future__ import annotations

import base64
import re
import subprocess
import sys
from html.parser import HTMLParser

from PySide6.QtGui import QImage

from engine.catalog import load_catalog
from engine.compare import compare, figures_asked
from tests.conftest import ROOT
from workbench.cli.design_files import designs_in

CLI = [sys.executable, "-m", "workbench.cli"]
WHAT_IF = "examples/what-if-a800-h800-h20.yaml"


class _Page(HTMLParser):
    """Every attribute that could fetch something, every image, and every table row's
    cells as their main text (without the small print under it)."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str, str]] = []
        self.images: list[str] = []
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None
        self._small_print = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("src", "href", "srcset", "data", "action", "poster"):
                self.links.append((tag, name, value or ""))
        if tag == "img":
            self.images.append(dict(attrs)["src"] or "")
        if tag == "tr":
            self.rows.append([])
        if tag in ("td", "th"):
            self._cell = []
        self._small_print = tag == "span" and dict(attrs).get("class") in (
            "change", "hint", "detail", "unclear")

    def handle_endtag(self, tag: str) -> None:
        self._small_print = False
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append("".join(self._cell))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None and not self._small_print:
            self._cell.append(data)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, cwd=ROOT, timeout=180)


def test_the_report_is_self_contained_and_has_the_table(tmp_path):
    out = tmp_path / "report.html"
    result = run("report", WHAT_IF, "-o", str(out))
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    page = _Page()
    page.feed(text)
    assert all(value.startswith("data:image/png;base64,") for _, _, value in page.links)
    assert not re.search(r"<(link|script|iframe|object)\b", text)
    assert "url(" not in text
    assert "@import" not in text
    headings = re.findall(r"<h2>([^<]+)</h2>", text)
    assert "Collective bus bandwidth against message size" in headings   # panels overlaid
    assert "Goodput against the checkpoint interval" in headings
    assert "Cost over time under each plan" in headings
    assert "The seller: margin against the discount" in headings
    assert len(page.images) == 1 + 3 + sum(h.startswith(("Collective", "Where", "Memory",
                                                         "Scaling", "Owning", "What one",
                                                         "Goodput", "Cost over time",
                                                         "The seller")) for h in headings)
    for src in page.images:
        image = QImage.fromData(base64.b64decode(src.split(",", 1)[1]), "PNG")
        assert image.width() > 500
    catalog = load_catalog()
    expected = compare(designs_in([str(ROOT / WHAT_IF)], catalog), catalog)
    table = {row[0]: row[1:] for row in page.rows}
    for spec in figures_asked(expected):
        assert table[spec.label] == [
            f"{'★ ' if expected.is_best(spec.key, r.design) else ''}{r.figure(spec.key).text}"
            for r in expected.rows]
    assert expected.best["time_to_train_days"] == ("H800 cluster",)
    assert table["Time to train"][1].startswith("★ ")          # the best is marked
    assert "Cluster Workbench 0.1.0" in text
    assert "Rent discount" in text                     # the assumptions, with their sources
    assert "Jiemian News" in text


def test_files_are_labelled_by_name_and_scenarios_by_theirs():
    catalog = load_catalog()
    files = [str(ROOT / "examples" / f"{name}.yaml") for name in ("a800-1024", "h800-1024")]
    assert [label for label, _ in designs_in(files, catalog)] == ["a800-1024", "h800-1024"]
    both = designs_in([str(ROOT / WHAT_IF), files[0], str(ROOT / WHAT_IF)], catalog)
    assert [label for label, _ in both] == [
        "A800 cluster", "H800 cluster", "H20 cluster", "a800-1024",
        "A800 cluster (2)", "H800 cluster (2)", "H20 cluster (2)"]


def test_a_bad_file_is_one_line_and_no_report(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: cluster-workbench/1\nnodes:\n  - {id: a, kind: server, "
                   "accelerator: h900}\n")
    out = tmp_path / "x.html"
    result = run("report", str(bad), "-o", str(out))
    assert result.returncode == 2
    assert result.stderr.startswith(f"{bad}:3: nodes[0].accelerator: unknown accelerator")
    assert result.stderr.count("\n") == 1
    assert not out.exists()
