"""Render every example the way the window shows it, into docs/images/<example>.png.

Run ``python scripts/screenshots.py`` (or ``make screenshots``); the README's
pictures are among these, so they always match what the app draws. The
16,384-GPU example is also drawn with every analysis panel in view and the
heat overlay on (``<example>-panels.png``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "images"
SIZE = (1600, 1000)
PANELS = ("llama3-16k-h100-roce",)
PANELS_SIZE = (2560, 1600)


def main() -> int:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    sys.path.insert(0, str(ROOT))
    from engine.catalog import load_catalog
    from engine.layout import load_design
    from workbench.render import quiet_offscreen_warnings, render_window

    quiet_offscreen_warnings()
    catalog = load_catalog()
    OUT.mkdir(parents=True, exist_ok=True)
    shots = [(layout, layout.stem, SIZE, False) for layout in
             sorted((ROOT / "examples").glob("*.yaml"))]
    shots += [(ROOT / "examples" / f"{name}.yaml", f"{name}-panels", PANELS_SIZE, True)
              for name in PANELS]
    for layout, stem, size, panels in shots:
        image = render_window(load_design(str(layout), catalog), layout, size, catalog,
                              panels=panels, heat=panels)
        target = OUT / f"{stem}.png"
        if not image.save(str(target)):
            print(f"cannot write {target}", file=sys.stderr)
            return 1
        print(f"{target.relative_to(ROOT)}  {image.width()}x{image.height()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
