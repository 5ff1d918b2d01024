"""Render every example the way the window shows it, into docs/images/<example>.png, and the
what-if example's comparison, presentation and a sweep.

Run ``python scripts/screenshots.py`` (or ``make screenshots``); the README's
pictures are among these, so they always match what the app draws.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "images"
SIZE = (1600, 1000)
COMPARE_SIZE = (1600, 1100)
WHAT_IF = ROOT / "examples" / "what-if-a800-h800-h20.yaml"


def main() -> int:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    sys.path.insert(0, str(ROOT))
    from engine.catalog import load_catalog
    from engine.layout import load_design
    from engine.sweep import ACCELERATORS
    from workbench.offscreen import quiet_offscreen_warnings
    from workbench.render import render_presentation, render_sweep, render_window

    quiet_offscreen_warnings()
    catalog = load_catalog()
    OUT.mkdir(parents=True, exist_ok=True)
    pictures = [(f"{layout.stem}.png",
                 lambda layout=layout: render_window(load_design(str(layout), catalog), layout,
                                                     SIZE, catalog))
                for layout in sorted((ROOT / "examples").glob("*.yaml"))]
    what_if = load_design(str(WHAT_IF), catalog)
    pictures += [
        ("compare-what-ifs.png",
         lambda: render_window(what_if, WHAT_IF, COMPARE_SIZE, catalog, compare=True)),
        ("presentation-table.png",
         lambda: render_presentation(what_if, WHAT_IF, (1600, 1000), catalog, slide=0)),
        ("presentation-charts.png",
         lambda: render_presentation(what_if, WHAT_IF, (1600, 1000), catalog, slide=1)),
        ("sweep-a800-accelerators.png",
         lambda: render_sweep(what_if, WHAT_IF, (1400, 860), catalog, ACCELERATORS,
                              256, 16384, 7, True)),
    ]
    for name, render in pictures:
        image = render()
        target = OUT / name
        if not image.save(str(target)):
            print(f"cannot write {target}", file=sys.stderr)
            return 1
        print(f"{target.relative_to(ROOT)}  {image.width()}x{image.height()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
