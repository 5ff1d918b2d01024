"""``cluster-workbench compare A B ...``: what-if designs side by side, and who wins.

Text puts the designs in columns headed by their names (the file or scenario
label beneath where it differs) and the headline figures
(:mod:`engine.headline`) in rows with their 80% bands, the best of each row
starred, with "n/a [k]" where a design has no figure; the reasons, the
bands' labels, the parts of a design a figure covers and the assumed values
are notes ``[k]`` listed under the table; ``--csv`` and ``--json`` give
one record per design (CSV: each figure's 80% band in ``KEY_low`` and
``KEY_high`` columns after the notes, empty where a figure has none; JSON:
``bands``, and ``unclear``: the figures whose best is no clear winner). A
file with scenarios contributes each of them.
Cost flags apply to every design, and all money is in one currency
(``--currency``, else the first design's).
``--seller`` adds the seller's side of each design's rental (a table under
the comparison; with ``--json``, a ``seller`` key by design).
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import sys
import textwrap
from collections.abc import Callable
from typing import Any

from engine.catalog import load_catalog
from engine.compare import Comparison, Row, compare, figures_asked, verdict
from engine.headline import figure_keys
from engine.results import to_data
from engine.spreadsheet import csv_row
from workbench.cli.cost_args import add_cost_flags, cost_settings_from_args
from workbench.cli.design_files import designs_in
from workbench.cli.figure_text import Notes
from workbench.cli.language_flag import add_language_flag, english
from workbench.cli.output import print_json, print_table
from workbench.cli.seller_table import print_seller_table, seller_json
from workbench.i18n.codes import ENGLISH

BEST_MARK = " *"
RECORD = ("design", "name", "accelerators", "accelerator", "currency", "basis",
          "fits_in_memory")


EXAMPLES = (
    "cluster-workbench compare examples/a800-1024.yaml examples/h800-1024.yaml "
    "examples/h20-1024.yaml",
    "cluster-workbench compare examples/what-if-a800-h800-h20.yaml --rent --discount 0.5 "
    "--currency CNY --csv",
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="+", metavar="FILE",
                   help="layout files (.yaml); a file with scenarios adds each of them")
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--csv", action="store_true", help="one CSV row per design")
    fmt.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--seller", action="store_true",
                   help="also the seller's margin, break-even discount and utilisation")
    add_cost_flags(p)
    add_language_flag(p)


def run(args: argparse.Namespace) -> int:
    catalog = load_catalog()
    designs = [(label, dataclasses.replace(design, cost=cost_settings_from_args(args,
                                                                              design.cost)))
               for label, design in designs_in(args.files, catalog)]
    result = compare(designs, catalog, args.currency)
    if args.json:
        print_json({**to_data(result), "seller": seller_json(result)} if args.seller
                   else result)
    elif args.csv:
        _print_csv(result)
    else:
        _print_text(result, _translate(args.lang))
        if args.seller:
            print_seller_table(result)
    return 0


def _translate(language: str) -> Callable[..., str]:
    """Qt's translation in ``language`` (Qt is imported only then), or the English texts."""
    if language == ENGLISH:
        return english
    from workbench.i18n.language import translator
    return translator(language)


def _print_text(result: Comparison, translate: Callable[..., str] = english) -> None:
    notes = Notes()
    fits = {True: translate("Compare", "yes"), False: translate("Compare", "NO (not ranked)"),
            None: "-"}
    rows = [[translate("Compare", "hardware"),
             *(f"{r.accelerators:,} x {r.accelerator}" for r in result.rows)],
            [translate("Compare", "cost basis"),
             *(f"{translate('engine', 'bought' if r.basis == 'buy' else 'rented')}, "
               f"{r.currency}" for r in result.rows)],
            [translate("Compare", "fits in memory"),
             *(fits[r.fits_in_memory] for r in result.rows)]]
    for spec in figures_asked(result):
        cells = []
        for row in result.rows:
            figure = row.figure(spec.key)
            if figure.value is None:
                cells.append(f"n/a{notes.ref([figure.missing])}")
            else:
                best = BEST_MARK if result.is_best(spec.key, row.design) else "  "
                cells.append(figure.ranged_text + notes.ref(figure.notes) + best)
        rows.append([translate("engine", spec.label), *cells])
    if any(r.name != r.design for r in result.rows):
        rows.insert(0, [translate("Compare", "file"), *(r.design for r in result.rows)])
    widths = [max(len(cell) for cell in column) for column in list(zip(*rows, strict=True))[1:]]
    print_table(["", *(textwrap.fill(r.name, max(width, 20)) for r, width
                       in zip(result.rows, widths, strict=True))], rows,
                right=[False, *([True] * len(result.rows))])
    print(translate("Compare", "{mark} best of the row").format(mark=BEST_MARK.strip()))
    print()
    print(" ".join(verdict(result, lambda text: translate("engine", text))))
    notes.print()


def _print_csv(result: Comparison) -> None:
    writer = csv.writer(sys.stdout, lineterminator="\n")
    figures = [k for k in figure_keys() if k not in RECORD]
    writer.writerow(csv_row([*RECORD, *figures, "notes",
                             *(f"{k}_{end}" for k in figures for end in ("low", "high"))]))
    for row in result.rows:
        writer.writerow(csv_row(_record(row, figures)))


def _record(row: Row, figures: list[str]) -> list[Any]:
    values = [row.values[k] for k in figures]
    notes = "; ".join(f"{k}: {reason}" for k, reason in row.missing.items())
    bands = [end for k in figures for end in row.bands.get(k, ("", ""))]
    return [*(getattr(row, name) for name in RECORD), *values, notes, *bands]
