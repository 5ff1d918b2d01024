"""Render every example the way the window shows it, into docs/images/<example>.png.

Run ``python scripts/screenshots.py`` (or ``make screenshots``); the README's
picture is one of these, so it always matches what the app draws.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "images"
SIZE = (1600, 1000)


def main() -> int:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    sys.path.insert(0, str(ROOT))
    from engine.catalog import load_catalog
    from engine.layout import load_design
    from workbench.offscreen import quiet_offscreen_warnings
    from workbench.render import render_window

    quiet_offscreen_warnings()
    catalog = load_catalog()
    OUT.mkdir(parents=True, exist_ok=True)
    for layout in sorted((ROOT / "examples").glob("*.yaml")):
        image = render_window(load_design(str(layout), catalog), layout, SIZE, catalog)
        target = OUT / f"{layout.stem}.png"
        if not image.save(str(target)):
            print(f"cannot write {target}", file=sys.stderr)
            return 1
        print(f"{target.relative_to(ROOT)}  {image.width()}x{image.height()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
