"""``--lang zh_CN``: the report's headings, table rows and verdict, and compare's table, in
Chinese; product names, model ids and units as written."""

from __future__ import annotations

import re
import subprocess
import sys

from tests.conftest import ROOT

CLI = [sys.executable, "-m", "workbench.cli"]
WHAT_IF = "examples/what-if-a800-h800-h20.yaml"
HAN = re.compile(r"[\u4e00-\u9fff]")


def _run(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *argv], capture_output=True, text=True, cwd=ROOT,
                          timeout=600, check=True)


def test_report_in_chinese(tmp_path):
    out = tmp_path / "report.html"
    _run("report", WHAT_IF, "-o", str(out), "--lang", "zh_CN")
    page = re.sub(r'src="data:[^"]*"', "", out.read_text(encoding="utf-8"))
    assert '<html lang="zh-CN">' in page
    headings = re.findall(r"<h2>(.*?)</h2>", page)
    assert headings[:1] == ["关键指标"]
    assert {"各设计", "假设条件"} <= set(headings)
    assert all(HAN.search(h) for h in headings), headings
    rows = re.findall(r'<th scope="row">(?:<b>)?([^<]*)', page)
    assert {"硬件", "计费方式", "训练时长", "单次训练成本", "有效训练时间占比"} <= set(rows)
    verdict = re.search(r'<p class="verdict">(.*?)</p>', page).group(1)
    assert verdict.startswith("最快：")
    assert "最便宜：" in verdict
    assert "H800 cluster" in verdict              # design names stay as the user wrote them
    assert "a800-80gb" in page                    # catalog ids as vendors write them


def test_compare_in_chinese_and_english_by_default():
    chinese = _run("compare", WHAT_IF, "--lang", "zh_CN").stdout
    assert "训练时长" in chinese
    assert "最快：" in chinese
    english = _run("compare", WHAT_IF).stdout
    assert "Time to train" in english
    assert not HAN.search(english)
