"""``compare --seller``: the seller's side of each design's rental, as a table or JSON.

One column per design: the list price, discount and hours sold, revenue and cost
per accelerator-hour of the fleet, the margin, and the break-even discount and
utilisation (:mod:`engine.seller`); "n/a" with the reason where a design has none.
"""

from __future__ import annotations

from typing import Any

from engine.compare import Comparison
from engine.seller import SELLER, SellerReport
from engine.units import number
from workbench.cli.output import print_table

ROWS: tuple[tuple[str, str], ...] = (
    ("list price per accelerator-hour", "list_price_per_gpu_hour"),
    ("discount (fraction of list)", "discount"),
    ("hours sold (fraction)", "utilisation"),
    ("revenue per accelerator-hour", "revenue_per_gpu_hour"),
    ("cost per accelerator-hour", "cost_per_gpu_hour"),
    ("margin per accelerator-hour", "margin_per_gpu_hour"),
    ("margin per sold accelerator-hour", "margin_per_sold_gpu_hour"),
    ("break-even discount", "break_even_discount"),
    ("break-even hours sold", "break_even_utilisation"),
)


def seller_reports(result: Comparison) -> dict[str, SellerReport | str]:
    """Each design's seller report, or the reason it has none."""
    out: dict[str, SellerReport | str] = {}
    for row in result.rows:
        evaluation = row.evaluation
        report = evaluation.result(SELLER) if evaluation else None
        out[row.design] = report if report is not None else (
            (evaluation.error(SELLER) if evaluation else None) or "not evaluated")
    return out


def seller_json(result: Comparison) -> dict[str, Any]:
    """``{design: the seller report's JSON, or {"error": reason}}``."""
    return {design: report.to_json() if isinstance(report, SellerReport) else {"error": report}
            for design, report in seller_reports(result).items()}


def print_seller_table(result: Comparison) -> None:
    reports = seller_reports(result)
    notes: dict[str, int] = {}
    rows = []
    for label, key in ROWS:
        cells = []
        for report in reports.values():
            if isinstance(report, str):
                cells.append(f"n/a ({notes.setdefault(report, len(notes) + 1)})")
            else:
                value = getattr(report, key)
                money = key.endswith("gpu_hour")
                cells.append("never" if value is None else
                             f"{number(value)} {report.currency}" if money else f"{value:.2f}")
        rows.append([label, *cells])
    print()
    print("Seller (renting the design out):")
    print_table(["", *reports], rows, right=[False, *([True] * len(reports))])
    for reason, index in notes.items():
        print(f"({index}) {reason}")
