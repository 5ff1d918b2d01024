"""Draw docs/images/architecture.svg from the code: the workbench's parts in their layers
(the import-linter contract in pyproject.toml), the widgets and engine under them, and an
arrow for every part that imports another (grimp reads the imports).

Run ``.venv/bin/python scripts/architecture.py`` after moving a module between parts.
"""

from __future__ import annotations

import tomllib
from html import escape
from pathlib import Path

import grimp

from engine.atomic_file import write_text

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "images" / "architecture.svg"
BOX_W, BOX_H, GAP_X, GAP_Y, MARGIN = 150, 44, 24, 46, 20


def layers() -> list[list[str]]:
    """The workbench's layers, top first, then widgets and engine as one layer each."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    contract = next(c for c in config["tool"]["importlinter"]["contracts"]
                    if c["type"] == "layers")
    rows = [[f"workbench.{part.strip()}" for part in layer.split("|")]
            for layer in contract["layers"]]
    return [*rows, ["widgets.content", "widgets"], ["engine"]]


def part_of(module: str, parts: list[str]) -> str | None:
    """The most specific part that holds ``module``."""
    holders = [p for p in parts if module == p or module.startswith(p + ".")]
    return max(holders, key=len, default=None)


def arrows(parts: list[str]) -> set[tuple[str, str]]:
    graph = grimp.build_graph("engine", "widgets", "workbench")
    found = set()
    for module in graph.modules:
        source = part_of(module, parts)
        for imported in graph.find_modules_directly_imported_by(module):
            target = part_of(imported, parts)
            if source and target and source != target:
                found.add((source, target))
    return found


def positions(rows: list[list[str]]) -> tuple[dict[str, tuple[float, float]], float]:
    width = max(len(r) for r in rows) * (BOX_W + GAP_X) - GAP_X + 2 * MARGIN
    where = {}
    for y, row in enumerate(rows):
        row_w = len(row) * (BOX_W + GAP_X) - GAP_X
        for x, part in enumerate(row):
            where[part] = (MARGIN + (width - 2 * MARGIN - row_w) / 2 + x * (BOX_W + GAP_X),
                           MARGIN + y * (BOX_H + GAP_Y))
    return where, width


def svg(rows: list[list[str]]) -> str:
    where, width = positions(rows)
    height = 2 * MARGIN + len(rows) * (BOX_H + GAP_Y) - GAP_Y
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" '
           f'height="{height:.0f}" font-family="sans-serif" font-size="13">',
           '<defs><marker id="a" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
           'markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#888"/>'
           '</marker></defs>', '<rect width="100%" height="100%" fill="white"/>']
    for source, target in sorted(arrows(list(where))):
        (sx, sy), (tx, ty) = where[source], where[target]
        out.append(f'<line x1="{sx + BOX_W / 2:.0f}" y1="{sy + BOX_H:.0f}" '
                   f'x2="{tx + BOX_W / 2:.0f}" y2="{ty:.0f}" stroke="#888" '
                   f'stroke-opacity="0.6" marker-end="url(#a)"/>')
    for part, (x, y) in where.items():
        fill = "#dbeafe" if part.startswith("workbench") else (
            "#dcfce7" if part.startswith("widgets") else "#fef3c7")
        out.append(f'<rect x="{x:.0f}" y="{y:.0f}" width="{BOX_W}" height="{BOX_H}" rx="6" '
                   f'fill="{fill}" stroke="#555"/>')
        out.append(f'<text x="{x + BOX_W / 2:.0f}" y="{y + BOX_H / 2 + 5:.0f}" '
                   f'text-anchor="middle">{escape(part)}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def main() -> None:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    write_text(OUT, svg(layers()))
    print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
