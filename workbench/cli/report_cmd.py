"""``cluster-workbench report A.yaml [B.yaml ...] -o report.html``: a comparison report.

One self-contained HTML file (pictures embedded, no external assets) with
each design's picture, the comparison table with the best marked, the bar
charts, the assumptions and the engine version. A file with scenarios
contributes all of them. Qt is imported only when the command runs, and
rendering is offscreen, so it runs on servers and in CI.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from engine.atomic_file import check_writable
from engine.catalog import load_catalog
from engine.design import CURRENCIES
from workbench.cli.design_files import designs_in
from workbench.cli.language_flag import add_language_flag

EXAMPLES = (
    "cluster-workbench report examples/what-if-a800-h800-h20.yaml -o report.html",
    "cluster-workbench report examples/what-if-a800-h800-h20.yaml -o report-zh.html --lang zh_CN",
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="+", metavar="FILE",
                   help="layout files (.yaml); a file with scenarios adds each of them")
    p.add_argument("-o", "--output", required=True, help="report file to write (.html)")
    p.add_argument("--currency", choices=CURRENCIES,
                   help="currency of every money figure (default: the first design's)")
    add_language_flag(p)


def run(args: argparse.Namespace) -> int:
    catalog = load_catalog()
    designs = designs_in(args.files, catalog)       # a bad file fails before Qt starts
    check_writable(args.output)                     # and so does an output that cannot be
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from workbench.canvas.offscreen import application, quiet_offscreen_warnings
    from workbench.i18n.language import use_language
    from workbench.report.build import write_report
    quiet_offscreen_warnings()
    application("light")
    use_language(args.lang)
    output = Path(args.output)
    report = write_report(designs, catalog, output, [Path(f).name for f in args.files],
                          args.currency)
    print(f"{output}: {len(report.designs)} designs, {output.stat().st_size / 1e6:.1f} MB")
    return 0
